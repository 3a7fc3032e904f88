//! The plan's terms as the simulation needs them (SPEC §6): currency and minor units,
//! horizon, partners and their investments, the split, and exclusivity's partner ids.

use crate::error::{DealteamError, ErrorCode, Problems};
use crate::model::MAX_PLAN_MONTHS;
use crate::money::Currency;
use crate::plan::model::checks::{missing, units};
use crate::plan::types::{MayPursue, Plan};
use crate::splits::PreparedSplit;

/// A checked partner.
#[derive(Clone, Debug)]
pub struct PartnerModel {
    /// Id.
    pub id: String,
    /// Month-1 investment (mdf + enablement + branding) in minor units.
    pub upfront: i64,
    /// Monthly cost in minor units.
    pub monthly: i64,
}

/// The currency (EUR while missing), its minor units, and the deal-size quantum
/// 10^(minor − minorUnits) in minor units.
pub fn check_currency(p: &mut Problems, plan: &Plan) -> (Currency, u32, i64) {
    if plan.currency.is_none() {
        missing(p, "currency", "`currency` (an ISO 4217 code such as \"EUR\")");
    }
    let cur = plan.currency.clone().unwrap_or_else(Currency::eur);
    let minor = cur.minor_units();
    let mut deal_quantum = 1i64;
    if let Some(mu) = plan.minor_units {
        if mu > minor {
            p.invalid(
                "minorUnits",
                format!("{cur} has {minor} decimal places; minorUnits may lower that, not raise it"),
            );
        } else {
            deal_quantum = 10i64.pow(minor.saturating_sub(mu));
        }
    }
    (cur, minor, deal_quantum)
}

/// Months simulated, 1..=600; `None` (reported) while missing or wrong, so that checks
/// against the horizon (objectives' `byMonth`) add no second error of their own.
pub fn check_horizon(p: &mut Problems, horizon: Option<u32>) -> Option<usize> {
    match horizon {
        None => {
            missing(p, "horizonMonths", "`horizonMonths` (1 to 600)");
            None
        }
        Some(0) => {
            p.invalid("horizonMonths", "the horizon must be at least 1 month");
            None
        }
        Some(h) if h as usize > MAX_PLAN_MONTHS => {
            p.add(DealteamError::too_large(
                "horizonMonths",
                "plan months",
                MAX_PLAN_MONTHS,
                h as usize,
            ));
            None
        }
        Some(h) => Some(h as usize),
    }
}

/// At least one partner, unique ids, and each partner's investments in minor units.
pub fn check_partners(p: &mut Problems, plan: &Plan, minor: u32) -> Vec<PartnerModel> {
    if plan.partners.is_empty() {
        missing(p, "partners", "at least one partner");
    }
    crate::model::check_ids(p, "partners", plan.partners.iter().map(|x| x.id.as_str()));
    let mut partners = Vec::new();
    for (i, pt) in plan.partners.iter().enumerate() {
        let inv = pt.investments.clone().unwrap_or_default();
        let at = |f: &str| format!("partners[{i}].investments.{f}");
        let upfront = [
            ("mdf", inv.mdf),
            ("enablement", inv.enablement),
            ("branding", inv.branding),
        ]
        .into_iter()
        .map(|(f, m)| units(p, m, minor, &at(f), "an investment"))
        .sum();
        let monthly = units(p, inv.monthly_cost, minor, &at("monthlyCost"), "a monthly cost");
        partners.push(PartnerModel {
            id: pt.id.clone(),
            upfront,
            monthly,
        });
    }
    partners
}

/// The split rule prepared for the partners `ids` (`None` when it is missing, wrong,
/// or there are no partners to prepare it for).
pub fn check_split(p: &mut Problems, plan: &Plan, ids: &[String], cur: &Currency) -> Option<PreparedSplit> {
    match &plan.split {
        None => {
            missing(p, "split", "a `split` rule");
            None
        }
        Some(rule) if !ids.is_empty() => p.take(rule.prepare(ids, cur, "split")),
        Some(_) => None,
    }
}

/// Exclusivity per partner names partners of the plan only.
pub fn check_exclusivity(p: &mut Problems, plan: &Plan, ids: &[String]) {
    if let Some(ex) = &plan.exclusivity {
        if let Some(MayPursue::PerPartner(m)) = &ex.may_pursue_similar {
            for k in m.keys().filter(|k| !ids.contains(k)) {
                p.push(
                    ErrorCode::UnknownPartner,
                    format!("exclusivity.mayPursueSimilar.{k}"),
                    format!("`{k}` is not a partner of the plan"),
                );
            }
        }
    }
}
