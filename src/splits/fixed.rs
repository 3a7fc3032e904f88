//! A fixed split's rule (SPEC §4): `shares` (weights) or `percent` (adding up to 100),
//! checked against the members.

use super::game::member_index;
use super::rule::Division;
use super::types::Dec;
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::field;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// `fixed`: exactly one of `shares` (weights ≥ 0, not all zero) or `percent` (adding up
/// to exactly 100, compared as decimals). Members not listed get 0.
pub(super) fn fixed(
    shares: Option<&BTreeMap<String, f64>>,
    percent: Option<&BTreeMap<String, Dec>>,
    members: &[String],
    at: &str,
) -> Result<(Division, &'static str)> {
    let idx = member_index(members);
    match (shares, percent) {
        (Some(_), Some(_)) => Err(DealteamError::invalid(
            field(at, "shares"),
            "give either `shares` (weights) or `percent`, not both",
        )),
        (None, None) => Err(DealteamError::new(
            ErrorCode::MissingField,
            field(at, "shares"),
            "a fixed split needs `shares` ({id: weight}) or `percent` ({id: percentage adding up to 100})",
        )),
        (Some(s), None) => fixed_shares(s, &idx, members.len(), at),
        (None, Some(pc)) => fixed_percent(pc, &idx, members.len(), at),
    }
}

/// A fixed split by `shares` (weights ≥ 0, not all zero, each within Decimal's range).
fn fixed_shares(
    s: &BTreeMap<String, f64>,
    idx: &FxHashMap<&str, usize>,
    n: usize,
    at: &str,
) -> Result<(Division, &'static str)> {
    let mut p = Problems::new();
    let mut w = vec![0.0; n];
    for (id, &x) in s {
        let sp = field(&field(at, "shares"), id);
        match idx.get(id.as_str()) {
            None => p.push(
                ErrorCode::UnknownPartner,
                sp,
                format!("`{id}` is not one of the members"),
            ),
            Some(_) if !x.is_finite() || x < 0.0 => p.invalid(sp, format!("a share must be a number ≥ 0, got {x}")),
            // §4 divides by exact decimal weights: a weight beyond Decimal's range is refused, never read as 0
            Some(_) if Decimal::from_f64(x).is_none() => p.invalid(
                sp,
                format!(
                    "a share must be at most {}, got {x}; scale the shares down",
                    Decimal::MAX
                ),
            ),
            Some(&i) => {
                if let Some(s) = w.get_mut(i) {
                    *s = x;
                }
            }
        }
    }
    if p.is_empty() && w.iter().all(|&x| x == 0.0) {
        p.invalid(
            field(at, "shares"),
            "the shares are all zero; give at least one member a positive share",
        );
    }
    p.finish()?;
    Ok((Division::Weights(w), "weights"))
}

/// A fixed split by `percent` (each ≥ 0, adding up to exactly 100).
fn fixed_percent(
    pc: &BTreeMap<String, Dec>,
    idx: &FxHashMap<&str, usize>,
    n: usize,
    at: &str,
) -> Result<(Division, &'static str)> {
    let mut p = Problems::new();
    let mut w = vec![Decimal::ZERO; n];
    let mut sum = Decimal::ZERO;
    for (id, x) in pc {
        let pp = field(&field(at, "percent"), id);
        match idx.get(id.as_str()) {
            None => p.push(
                ErrorCode::UnknownPartner,
                pp,
                format!("`{id}` is not one of the members"),
            ),
            Some(_) if x.0.is_sign_negative() && !x.0.is_zero() => {
                p.invalid(pp, format!("a percentage must not be negative, got {}", x.0))
            }
            Some(&i) => {
                if let Some(s) = w.get_mut(i) {
                    *s = x.0;
                }
                match sum.checked_add(x.0) {
                    Some(t) => sum = t,
                    None => p.invalid(pp, "the percentages are too large to add up"),
                }
            }
        }
    }
    if p.is_empty() && sum != Decimal::ONE_HUNDRED {
        p.invalid(
            field(at, "percent"),
            format!(
                "the percentages add up to {}, not 100; adjust them or use `shares` (weights)",
                sum.normalize()
            ),
        );
    }
    p.finish()?;
    Ok((Division::Decimals(w), "percent"))
}
