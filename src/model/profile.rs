//! Ideal Partner Profile: require clauses and weighted criteria (SPEC §1, §2).

use super::MAX_CRITERIA;
use crate::error::{check_finite, DealteamError, ErrorCode, Problems, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An Ideal Partner Profile.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Profile {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The role partners of this profile play in a team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Hard eligibility clauses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require: Option<Require>,
    /// Weighted scoring criteria.
    pub criteria: Vec<Criterion>,
}

/// Hard clauses; a partner failing one is still scored but not eligible.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Require {
    /// The partner's kind is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<String>>,
    /// The partner's tier is at least this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_tier: Option<String>,
    /// The partner serves at least one of these regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions_any: Option<Vec<String>>,
    /// The partner serves at least one of these industries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industries_any: Option<Vec<String>>,
    /// The partner holds all of these certifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifications_all: Option<Vec<String>>,
    /// Minimum capability levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities_min: Option<BTreeMap<String, f64>>,
    /// Minimum metric values (a missing metric fails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics_min: Option<BTreeMap<String, f64>>,
    /// Maximum metric values (a missing metric fails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics_max: Option<BTreeMap<String, f64>>,
}

/// What a criterion looks at.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CriterionKind {
    /// A capability level against a target.
    Capability,
    /// Lists an industry.
    Industry,
    /// Lists a region.
    Region,
    /// Holds a certification.
    Certification,
    /// Tier rank.
    Tier,
    /// A metric between bad and good.
    Metric,
    /// Number of accounts against a good count.
    Reach,
}

/// One weighted criterion.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Criterion {
    /// What it looks at.
    pub kind: CriterionKind,
    /// The capability, industry, region, certification or metric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Weight, > 0.
    pub weight: f64,
    /// Capability target (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Metric value scoring 1 (or reach count scoring 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<f64>,
    /// Metric value scoring 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<f64>,
}

impl Criterion {
    /// A criterion of `kind` on `key` with `weight` and no target or good/bad bounds.
    pub fn new(kind: CriterionKind, key: Option<&str>, weight: f64) -> Self {
        Criterion {
            kind,
            key: key.map(str::to_string),
            weight,
            target: None,
            good: None,
            bad: None,
        }
    }

    /// A readable label such as `capability:cloud` or `tier`.
    pub fn label(&self) -> String {
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        match &self.key {
            Some(k) => format!("{kind}:{k}"),
            None => kind,
        }
    }
}

impl Profile {
    /// Check the profile against SPEC §1; `tiers` are the ecosystem's tiers. Paths are
    /// prefixed with `at` (e.g. `profile` or `profiles[2]`).
    pub fn validate(&self, at: &str, tiers: &[String]) -> Result<()> {
        if self.criteria.len() > MAX_CRITERIA {
            return Err(DealteamError::too_large(
                format!("{at}.criteria"),
                "criteria per profile",
                MAX_CRITERIA,
                self.criteria.len(),
            ));
        }
        let mut p = Problems::new();
        if self.id.trim().is_empty() {
            p.invalid(format!("{at}.id"), "an id must be a non-empty string");
        }
        if self.criteria.is_empty() {
            p.invalid(format!("{at}.criteria"), "a profile needs at least one criterion");
        }
        for (i, c) in self.criteria.iter().enumerate() {
            c.check(&mut p, &format!("{at}.criteria[{i}]"));
        }
        if let Some(r) = &self.require {
            r.check(&mut p, &format!("{at}.require"), tiers);
        }
        p.finish()
    }
}

impl Criterion {
    /// Check one criterion (SPEC §1, §2) at path `cp` (e.g. `profile.criteria[0]`).
    fn check(&self, p: &mut Problems, cp: &str) {
        let c = self;
        if check_finite(p, format!("{cp}.weight"), c.weight) && c.weight <= 0.0 {
            p.invalid(
                format!("{cp}.weight"),
                format!("a weight must be greater than 0, got {}", c.weight),
            );
        }
        let needs_key = !matches!(c.kind, CriterionKind::Tier | CriterionKind::Reach);
        if needs_key && c.key.as_deref().map_or(true, |k| k.trim().is_empty()) {
            p.push(
                ErrorCode::MissingField,
                format!("{cp}.key"),
                format!("a {} criterion needs a key", c.label()),
            );
        }
        if let Some(t) = c.target {
            if check_finite(p, format!("{cp}.target"), t) && t <= 0.0 {
                p.invalid(
                    format!("{cp}.target"),
                    format!("a target must be greater than 0, got {t}"),
                );
            }
        }
        for (name, v) in [("good", c.good), ("bad", c.bad)] {
            if let Some(v) = v {
                check_finite(p, format!("{cp}.{name}"), v);
            }
        }
        match c.kind {
            CriterionKind::Metric => match (c.good, c.bad) {
                (Some(g), Some(b)) if g == b => p.invalid(
                    format!("{cp}.good"),
                    "good and bad must differ (good < bad means lower is better)",
                ),
                (None, _) => p.push(
                    ErrorCode::MissingField,
                    format!("{cp}.good"),
                    "a metric criterion needs `good` and `bad`",
                ),
                (_, None) => p.push(
                    ErrorCode::MissingField,
                    format!("{cp}.bad"),
                    "a metric criterion needs `good` and `bad`",
                ),
                _ => {}
            },
            CriterionKind::Reach => match c.good {
                Some(g) if g <= 0.0 => p.invalid(
                    format!("{cp}.good"),
                    "reach needs `good` > 0 (the account count that scores 1)",
                ),
                None => p.push(
                    ErrorCode::MissingField,
                    format!("{cp}.good"),
                    "reach needs `good`: the account count that scores 1",
                ),
                _ => {}
            },
            _ => {}
        }
    }
}

impl Require {
    /// Check the `require` clauses at path `rp`; `tiers` are the ecosystem's tiers.
    fn check(&self, p: &mut Problems, rp: &str, tiers: &[String]) {
        if let Some(t) = &self.min_tier {
            if !tiers.contains(t) {
                p.invalid(
                    format!("{rp}.minTier"),
                    format!("unknown tier `{t}`; known tiers: {}", tiers.join(", ")),
                );
            }
        }
        if let Some(m) = &self.capabilities_min {
            for (k, &v) in m {
                let path = format!("{rp}.capabilitiesMin.{k}");
                if check_finite(p, &path, v) && !(0.0..=1.0).contains(&v) {
                    p.invalid(path, format!("a capability level must be between 0 and 1, got {v}"));
                }
            }
        }
        for (name, m) in [("metricsMin", &self.metrics_min), ("metricsMax", &self.metrics_max)] {
            if let Some(m) = m {
                for (k, &v) in m {
                    check_finite(p, format!("{rp}.{name}.{k}"), v);
                }
            }
        }
    }
}
