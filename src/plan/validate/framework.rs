//! The framework rules of SPEC §15: legal terms, data sharing, rules of engagement,
//! the customer's contact, the project manager, pre-sales enablement, branding, the
//! kind of collaboration, every partner's path to profit, shares for every partner,
//! and the audit cadence.

use crate::plan::types::{Plan, Severity, SimulateResponse};
use crate::plan::validate::findings::{blank, who, Findings};
use crate::splits::SplitModel;
use rust_decimal::Decimal;

/// `legal.ip`, `legal.liability`, `legal.term`.
pub fn legal(plan: &Plan, o: &mut Findings) {
    let legal = plan.legal.clone().unwrap_or_default();
    if blank(&legal.ip) {
        o.add("legal.ip", "legal.ip", "state who owns what the partners build together (intellectual property), e.g. \"each party keeps its own; joint integrations are owned jointly\"");
    }
    if blank(&legal.liability) {
        o.add(
            "legal.liability",
            "legal.liability",
            "state what each party is liable for, and any limit on that liability",
        );
    }
    let term = legal.term.unwrap_or_default();
    match term.start.as_deref().map(str::trim) {
        None | Some("") => o.add(
            "legal.term",
            "legal.term.start",
            "state the day the agreement starts (a date such as 2027-01-01)",
        ),
        Some(s) if !is_date(s) => o.add(
            "legal.term",
            "legal.term.start",
            format!("write the start date as year-month-day, e.g. 2027-01-01 (not \"{s}\")"),
        ),
        _ => {}
    }
    match term.end.as_deref().map(str::trim) {
        None | Some("") if blank(&term.renewal) => o.add(
            "legal.term",
            "legal.term.end",
            "state the day the agreement ends, or how it renews",
        ),
        Some(e) if !e.is_empty() && !is_date(e) => o.add(
            "legal.term",
            "legal.term.end",
            format!("write the end date as year-month-day, e.g. 2028-12-31 (not \"{e}\")"),
        ),
        Some(e) if term.start.as_deref().is_some_and(|s| is_date(s.trim()) && e < s.trim()) => o.add(
            "legal.term",
            "legal.term.end",
            "the agreement ends before it starts: move the end date after the start date",
        ),
        _ => {}
    }
    if term.termination_notice_days.is_none() {
        o.add(
            "legal.term",
            "legal.term.terminationNoticeDays",
            "state how many days of notice a party gives to end the agreement",
        );
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let dash = |i: usize| b.get(i) == Some(&b'-');
    if b.len() != 10 || !dash(4) || !dash(7) || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (m, d) = (&s[5..7], &s[8..10]);
    ("01"..="12").contains(&m) && ("01"..="31").contains(&d)
}

/// `data.sharing` (a warning).
pub fn data_sharing(plan: &Plan, o: &mut Findings) {
    let Some(d) = &plan.data_sharing else {
        o.add(
            "data.sharing",
            "dataSharing",
            "describe what customer data the partners share, how, and who may see it",
        );
        return;
    };
    for (field, value, text) in [
        ("what", &d.what, "say what customer data the partners share"),
        ("how", &d.how, "say how customer data is shared and protected"),
        ("access", &d.access, "say who may see the shared customer data"),
    ] {
        if blank(value) {
            o.add("data.sharing", format!("dataSharing.{field}"), text);
        }
    }
}

/// `engagement.rules` (a warning; an error when two partners share a role, since they
/// then compete for the same deals) and `engagement.kind` (a warning).
pub fn engagement(plan: &Plan, o: &mut Findings) {
    let e = plan.engagement.clone().unwrap_or_default();
    if blank(&e.rules) {
        let shared = shared_role(plan);
        let msg = match &shared {
            Some((a, b, role)) => format!("{a} and {b} both have the role \"{role}\", so they may compete for the same deals: write down how deals are registered and how a conflict between partners is settled"),
            None => "write down how deals are registered and how a conflict between partners over a deal is settled".into(),
        };
        let sev = if shared.is_some() {
            Severity::Error
        } else {
            Severity::Warning
        };
        o.add_as("engagement.rules", sev, "engagement.rules", msg);
    }
    if e.kind.is_none() {
        o.add(
            "engagement.kind",
            "engagement.kind",
            "say whether this is a pilot, an opportunistic (deal by deal) or a strategic collaboration",
        );
    }
}

/// The first two partners with the same (non-blank) role, and the role.
fn shared_role(plan: &Plan) -> Option<(String, String, String)> {
    let ps = &plan.partners;
    ps.iter().enumerate().find_map(|(i, a)| {
        let ra = a.role.as_deref().map(str::trim).filter(|r| !r.is_empty())?;
        ps.get(i.saturating_add(1)..)?
            .iter()
            .find(|b| b.role.as_deref().map(str::trim) == Some(ra))
            .map(|b| (who(a), who(b), ra.to_string()))
    })
}

/// `customer.contact` (a warning), `project.manager`, `enablement.presales` (a warning).
pub fn delivery(plan: &Plan, o: &mut Findings) {
    if blank(&plan.customer_contact) {
        o.add(
            "customer.contact",
            "customerContact",
            "name the one person the customer deals with",
        );
    }
    if blank(&plan.project_manager) {
        o.add("project.manager", "projectManager", "name the person who runs delivery");
    }
    if plan.enablement.as_ref().map(|e| blank(&e.presales)).unwrap_or(true) {
        o.add(
            "enablement.presales",
            "enablement.presales",
            "describe the pre-sales training and support each partner commits",
        );
    }
}

/// `branding.usage` (a warning): marketing funds are spent but the use of the brands is
/// not stated.
pub fn branding(plan: &Plan, o: &mut Findings) {
    let mdf_spent = plan.partners.iter().any(|p| {
        p.investments
            .as_ref()
            .and_then(|i| i.mdf.as_ref())
            .is_some_and(|m| m.0 > Decimal::ZERO)
    });
    if mdf_spent && plan.branding.as_ref().map(|b| blank(&b.usage)).unwrap_or(true) {
        o.add(
            "branding.usage",
            "branding.usage",
            "marketing funds are committed: state how each partner's name and logo may be used in joint marketing",
        );
    }
}

/// `audit.cadence` (a warning).
pub fn audit(plan: &Plan, o: &mut Findings) {
    if plan.audit.as_ref().map(|a| blank(&a.cadence)).unwrap_or(true) {
        o.add(
            "audit.cadence",
            "audit.cadence",
            "say how often the partners compare actual results with the plan, e.g. quarterly",
        );
    }
}

/// `split.shares`: a fixed split whose percentages do not add up to 100, or a plan
/// partner without a share (not listed, or listed with 0; in a tiered split: neither
/// scheduled nor receiving the residual).
pub fn shares(plan: &Plan, o: &mut Findings) {
    let Some(rule) = &plan.split else { return };
    if let Some(pct) = &rule.percent {
        let sum = pct.values().try_fold(Decimal::ZERO, |a, d| a.checked_add(d.0));
        if rule.model == SplitModel::Fixed && sum != Some(Decimal::from(100)) {
            let total = sum.map_or_else(
                || "more than any exact amount".to_string(),
                |s| s.normalize().to_string(),
            );
            o.add(
                "split.shares",
                "split.percent",
                format!("the percentages add up to {total}; make them add up to 100"),
            );
        }
    }
    let has_share = |id: &str| -> Option<bool> {
        match rule.model {
            SplitModel::Fixed => Some(match (&rule.percent, &rule.shares) {
                (Some(p), _) => p.get(id).is_some_and(|d| d.0 > Decimal::ZERO),
                (None, Some(s)) => s.get(id).is_some_and(|w| *w > 0.0),
                (None, None) => false,
            }),
            SplitModel::Tiered => Some(
                rule.roles.as_ref().is_some_and(|r| r.contains_key(id))
                    || rule.residual.as_ref().is_some_and(|r| {
                        r.to.as_deref() == Some(id)
                            || r.shares.as_ref().is_some_and(|s| s.get(id).is_some_and(|w| *w > 0.0))
                    }),
            ),
            _ => None, // game-based models give every member its value
        }
    };
    let field = if rule.percent.is_some() { "percent" } else { "shares" };
    for p in &plan.partners {
        if has_share(&p.id) == Some(false) {
            let at = match rule.model {
                SplitModel::Tiered => "split.roles".to_string(),
                _ => format!("split.{field}.{}", p.id),
            };
            o.add(
                "split.shares",
                at,
                format!(
                    "{} has no share of the revenue: give it a share, or take it out of the plan",
                    who(p)
                ),
            );
        }
    }
}

/// `profit.partner` (a warning per partner): from the simulated figures, a partner whose
/// expected return on its investment is negative, or whose investment is not paid back
/// within the horizon in at least half of the outcomes ("every partner must see its
/// path to profit"). Partners that invest nothing have no return to check.
pub fn profit(plan: &Plan, sim: &SimulateResponse, o: &mut Findings) {
    let horizon = sim.months.len();
    for (i, p) in plan.partners.iter().enumerate() {
        let Some(t) = sim.partners.get(&p.id) else { continue };
        let Some(ropi) = &t.ropi else { continue };
        let path = format!("partners[{i}].investments");
        if ropi.mean < 0.0 {
            o.add(
                "profit.partner",
                path,
                format!(
                    "{} is expected to lose money: its share is expected to return {}% of what it invests over {horizon} months; lower its investment or raise its share",
                    who(p),
                    crate::num::round12((ropi.mean * 100.0 + 100.0).round())
                ),
            );
        } else if t.payback.p50.is_none() {
            o.add(
                "profit.partner",
                path,
                format!(
                    "{} earns back its investment within {horizon} months in fewer than half of the simulated outcomes; lower its investment, raise its share or lengthen the plan",
                    who(p)
                ),
            );
        }
    }
}
