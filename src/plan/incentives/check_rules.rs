//! The small checks the incentive rules share: amounts, percentages, month counts, and
//! which partners a rule names (by id or by role).

use crate::error::{check_finite, ErrorCode, Problems};
use crate::money::Money;
use crate::plan::types::Plan;

/// Largest amount of an incentive rule, in minor units (sums of many stay exact).
const MAX_UNITS: i128 = i64::MAX as i128 / 1_000_000;

/// A non-negative amount in minor units; a bad one is reported at `path` and counts as 0.
pub(crate) fn amount(p: &mut Problems, m: Money, minor: u32, path: &str) -> i64 {
    let r = m.check_minor(minor, path).and_then(|m| m.to_units(minor));
    match p.take(r.map_err(|e| crate::DealteamError {
        path: path.to_string(),
        ..e
    })) {
        Some(u) if u < 0 => {
            p.push(
                ErrorCode::InvalidMoney,
                path,
                format!("{m} is negative; write an amount of 0 or more"),
            );
            0
        }
        Some(u) if u > MAX_UNITS => {
            p.push(ErrorCode::InvalidMoney, path, format!("{m} is too large to simulate"));
            0
        }
        Some(u) => u as i64,
        None => 0,
    }
}

/// A percentage 0..=100 as parts per million (rounded to the nearest ppm).
pub(crate) fn percent(p: &mut Problems, x: f64, path: &str) -> i64 {
    if !check_finite(p, path, x) {
        return 0;
    }
    if x < 0.0 {
        p.invalid(path, format!("{x} is negative; a rate is a percentage from 0 to 100"));
        return 0;
    }
    if x > 100.0 {
        p.invalid(path, format!("{x} is above 100; a rate is a percentage from 0 to 100"));
        return 0;
    }
    (x * 10_000.0).round() as i64
}

/// `x` must be a probability (finite, 0..=1).
pub(crate) fn prob(p: &mut Problems, x: f64, path: &str, what: &str) {
    if check_finite(p, path, x) && !(0.0..=1.0).contains(&x) {
        p.invalid(path, format!("{what} is a probability between 0 and 1, got {x}"));
    }
}

/// A number of months that must fit within the horizon.
pub(crate) fn within_horizon(p: &mut Problems, months: u32, horizon: usize, path: &str, what: &str) -> usize {
    if months as usize > horizon {
        p.invalid(
            path,
            format!("{what} of {months} months is longer than the plan's horizon of {horizon} months; shorten it to at most {horizon}"),
        );
        return horizon;
    }
    months as usize
}

/// The partners a rule names: `partner` (one id) or `role` (every partner with it),
/// exactly one of the two.
pub(crate) fn named(
    p: &mut Problems,
    plan: &Plan,
    partner: &Option<String>,
    role: &Option<String>,
    path: &str,
) -> Vec<usize> {
    match (partner, role) {
        (Some(_), Some(_)) | (None, None) => {
            p.invalid(
                path,
                "name either a `partner` (its id) or a `role`, not both and not neither",
            );
            Vec::new()
        }
        (Some(id), None) => match plan.partners.iter().position(|x| &x.id == id) {
            Some(i) => vec![i],
            None => {
                p.push(
                    ErrorCode::UnknownPartner,
                    format!("{path}.partner"),
                    format!("`{id}` is not a partner of the plan; use one of the partners' ids"),
                );
                Vec::new()
            }
        },
        (None, Some(r)) => {
            let v: Vec<usize> = (0..plan.partners.len())
                .filter(|&i| plan.partners.get(i).and_then(|x| x.role.as_deref()) == Some(r.as_str()))
                .collect();
            if v.is_empty() {
                p.invalid(
                    format!("{path}.role"),
                    format!("no partner of the plan has the role `{r}`; use a partner's role or its id"),
                );
            }
            v
        }
    }
}

/// For each partner, the index of the rule that applies to it: its own rule (by id)
/// before its role's. Two rules naming the same partner, or the same role, are an error.
pub(crate) fn resolve(
    p: &mut Problems,
    plan: &Plan,
    rules: &[(&Option<String>, &Option<String>)],
    path: &str,
) -> Vec<Option<usize>> {
    let n = plan.partners.len();
    let mut by_id: Vec<Option<usize>> = vec![None; n];
    let mut by_role: Vec<Option<usize>> = vec![None; n];
    for (k, (partner, role)) in rules.iter().enumerate() {
        let at = format!("{path}[{k}]");
        for i in named(p, plan, partner, role, &at) {
            let slot = if partner.is_some() { &mut by_id } else { &mut by_role };
            if let Some(Some(j)) = slot.get(i) {
                p.invalid(
                    at.clone(),
                    format!("{path}[{j}] already names the same partner; merge the two rules into one"),
                );
            } else if let Some(s) = slot.get_mut(i) {
                *s = Some(k);
            }
        }
    }
    by_id.iter().zip(by_role).map(|(a, b)| a.or(b)).collect()
}
