//! The actuals of an audit, checked before any simulation runs: months within the
//! horizon and reported once, amounts in the currency's minor units and bounded,
//! partners and metrics of the plan, customers booked within the horizon.

use crate::error::{ErrorCode, Problems, Result};
use crate::money::Money;
use crate::plan::model::{parse_metric, Model};
use crate::plan::types::{ActualDeal, ActualMonth, Actuals};
use std::collections::BTreeMap;

/// Largest actual amount, in minor units (keeps every sum and difference exact).
const MAX_ACTUAL_UNITS: i128 = 1_000_000_000_000_000_000;

/// Check every reported month against the model; every problem is reported.
pub fn check_actuals(actuals: &Actuals, model: &Model, ids: &[String]) -> Result<()> {
    let mut p = Problems::new();
    let mut seen = BTreeMap::new();
    for (i, am) in actuals.months.iter().enumerate() {
        let at = |f: &str| format!("actuals.months[{i}].{f}");
        if am.month == 0 || am.month as usize > model.horizon {
            p.invalid(
                at("month"),
                format!(
                    "month {} is outside the plan's horizon, 1..={}",
                    am.month, model.horizon
                ),
            );
        } else if let Some(j) = seen.insert(am.month, i) {
            p.invalid(
                at("month"),
                format!(
                    "month {} is already reported at actuals.months[{j}]; report each month once",
                    am.month
                ),
            );
        }
        check_month_amounts(&mut p, am, model.minor, ids, &at);
    }
    check_deals(&mut p, &actuals.deals, model);
    p.finish()
}

/// The customers: booked within the horizon, revenue not past it, amounts not negative.
// 1 ≤ booked ≤ h ≤ MAX_PLAN_MONTHS (600) where these run; revenue.len() ≤ the request's bytes
#[allow(clippy::arithmetic_side_effects)]
fn check_deals(p: &mut Problems, deals: &[ActualDeal], model: &Model) {
    let h = model.horizon;
    for (k, d) in deals.iter().enumerate() {
        let at = |f: &str| format!("actuals.deals[{k}].{f}");
        let booked = d.booked_month as usize;
        if booked == 0 || booked > h {
            p.invalid(
                at("bookedMonth"),
                format!("month {booked} is outside the plan's horizon; book the customer in a month from 1 to {h}"),
            );
        } else if booked - 1 + d.revenue.len() > h {
            p.invalid(
                at("revenue"),
                format!(
                    "{} months of revenue from month {booked} run past the plan's {h} months; give at most {}",
                    d.revenue.len(),
                    h + 1 - booked
                ),
            );
        }
        for (j, v) in d.revenue.iter().enumerate() {
            let path = at(&format!("revenue[{j}]"));
            if v.0.is_sign_negative() && !v.0.is_zero() {
                p.push(
                    ErrorCode::InvalidMoney,
                    &path,
                    format!("{v} is negative; give the revenue recognised (0 or more), and mark a refund with `ended`"),
                );
            }
            check_amount(p, *v, model.minor, &path);
        }
    }
}

/// The amounts of one month, its cost partners and its metric names.
fn check_month_amounts(p: &mut Problems, am: &ActualMonth, minor: u32, ids: &[String], at: &dyn Fn(&str) -> String) {
    for (f, v) in [
        ("bookings", am.bookings),
        ("revenue", am.revenue),
        ("pipeline", am.pipeline),
    ] {
        if let Some(v) = v {
            check_amount(p, v, minor, &at(f));
        }
    }
    for (id, v) in am.costs.iter().flatten() {
        if !ids.contains(id) {
            p.push(
                ErrorCode::UnknownPartner,
                at(&format!("costs.{id}")),
                format!("`{id}` is not a partner of the plan"),
            );
        }
        check_amount(p, *v, minor, &at(&format!("costs.{id}")));
    }
    for (k, v) in am.metrics.iter().flatten() {
        if let Err(msg) = parse_metric(k, ids) {
            let code = if k.starts_with("share:") {
                ErrorCode::UnknownPartner
            } else {
                ErrorCode::InvalidValue
            };
            p.push(code, at(&format!("metrics.{k}")), msg);
        }
        check_amount(p, *v, minor, &at(&format!("metrics.{k}")));
    }
}

/// An actual amount must have at most the currency's decimals and be at most 10¹⁸
/// minor units in size.
fn check_amount(p: &mut Problems, v: Money, minor: u32, path: &str) {
    let units = v.check_minor(minor, path).and_then(|m| m.to_units(minor));
    match p.take(units.map_err(|e| crate::DealteamError {
        path: path.to_string(),
        ..e
    })) {
        Some(u) if u.abs() > MAX_ACTUAL_UNITS => {
            p.push(
                ErrorCode::InvalidMoney,
                path,
                format!("{v} is too large to audit (at most 10^18 minor units)"),
            );
        }
        _ => {}
    }
}
