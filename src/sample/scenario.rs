//! The fixed part of the sample: its three profiles and its deal (see the module docs
//! of [`crate::sample`]).

use crate::model::{ConflictMode, Criterion, CriterionKind, Deal, Profile, Require, Requirement, Slot};
use crate::money::{Currency, Money};
use rust_decimal::Decimal;

fn crit(kind: CriterionKind, key: Option<&str>, weight: f64) -> Criterion {
    Criterion::new(kind, key, weight)
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

/// The three sample profiles (see the module docs).
pub fn profiles() -> Vec<Profile> {
    vec![cloud_si(), isv(), referral()]
}

fn cloud_si() -> Profile {
    use CriterionKind::*;
    Profile {
        id: "cloud-si".into(),
        name: "Cloud systems integrator".into(),
        role: Some("si".into()),
        require: Some(Require {
            kinds: Some(strings(&["si"])),
            regions_any: Some(strings(&["EMEA", "DACH"])),
            ..Default::default()
        }),
        criteria: vec![
            Criterion {
                target: Some(0.8),
                ..crit(Capability, Some("cloud"), 3.0)
            },
            crit(Capability, Some("implementation"), 2.0),
            crit(Capability, Some("security"), 1.0),
            crit(Industry, Some("Healthcare"), 1.0),
            crit(Certification, Some("iso27001"), 1.0),
            crit(Tier, None, 1.0),
            Criterion {
                good: Some(0.5),
                bad: Some(0.1),
                ..crit(Metric, Some("winRate"), 2.0)
            },
            Criterion {
                good: Some(45.0),
                bad: Some(180.0),
                ..crit(Metric, Some("salesCycleDays"), 1.0)
            },
            Criterion {
                good: Some(25.0),
                ..crit(Reach, None, 1.0)
            },
        ],
    }
}

fn isv() -> Profile {
    use CriterionKind::*;
    Profile {
        id: "isv-platform".into(),
        name: "ISV platform".into(),
        role: Some("isv".into()),
        require: Some(Require {
            kinds: Some(strings(&["isv"])),
            ..Default::default()
        }),
        criteria: vec![
            crit(Capability, Some("ai"), 2.0),
            crit(Capability, Some("data"), 2.0),
            crit(Capability, Some("integration"), 1.0),
            Criterion {
                good: Some(5.0),
                bad: Some(3.0),
                ..crit(Metric, Some("psat"), 1.0)
            },
            crit(Tier, None, 1.0),
        ],
    }
}

fn referral() -> Profile {
    use CriterionKind::*;
    Profile {
        id: "referral".into(),
        name: "Referral partner".into(),
        role: Some("referral".into()),
        require: Some(Require {
            kinds: Some(strings(&["referral", "reseller"])),
            ..Default::default()
        }),
        criteria: vec![
            Criterion {
                good: Some(30.0),
                ..crit(Reach, None, 2.0)
            },
            crit(Capability, Some("marketing"), 1.0),
            Criterion {
                good: Some(0.4),
                bad: Some(0.1),
                ..crit(Metric, Some("winRate"), 1.0)
            },
            crit(Region, Some("North America"), 1.0),
        ],
    }
}

/// The sample deal (see the module docs).
pub fn deal() -> Deal {
    let req = |c: &str, w: f64, t: Option<f64>| Requirement {
        capability: c.into(),
        weight: w,
        target: t,
    };
    Deal {
        id: "deal-1".into(),
        name: "Hospital cloud platform".into(),
        value: Money(Decimal::new(120_000_000, 2)),
        currency: Currency::eur(),
        requirements: vec![
            req("cloud", 3.0, Some(0.9)),
            req("security", 2.0, None),
            req("data", 2.0, None),
            req("ai", 1.0, None),
            req("integration", 2.0, None),
            req("implementation", 1.0, Some(0.8)),
        ],
        slots: vec![
            Slot {
                role: "isv".into(),
                profile: Some("isv-platform".into()),
                min: 1,
                max: 1,
            },
            Slot {
                role: "si".into(),
                profile: Some("cloud-si".into()),
                min: 1,
                max: 2,
            },
            Slot {
                role: "referral".into(),
                profile: None,
                min: 0,
                max: 1,
            },
        ],
        max_team_size: Some(4),
        include: Vec::new(),
        exclude: Vec::new(),
        weights: None,
        conflicts: ConflictMode::Forbid,
        conflict_penalty: None,
        accounts: Vec::new(),
    }
}
