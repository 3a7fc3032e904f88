//! TEMPORARY stand-in for `crate::splits::SplitRule` (fixed shares only) until the
//! splits workstream lands; removed at merge so no split logic is duplicated.

use crate::error::{DealteamError, Result};
use crate::money::{allocate_decimal, Currency, Money};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The split rule of a plan (stand-in: `fixed` with `shares` or `percent`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SplitRule {
    /// The model (`fixed`).
    pub model: String,
    /// Weights per member id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<BTreeMap<String, f64>>,
    /// Percentages per member id adding up to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<BTreeMap<String, f64>>,
}

/// A split rule checked against its members.
#[derive(Clone, Debug)]
pub struct PreparedSplit {
    weights: Vec<Decimal>,
    minor: u32,
}

impl SplitRule {
    /// Check the rule for `members` and `currency`.
    pub fn prepare(&self, members: &[String], currency: &Currency, path: &str) -> Result<PreparedSplit> {
        let (map, field) = match (&self.shares, &self.percent) {
            (Some(s), None) => (s, "shares"),
            (None, Some(p)) => (p, "percent"),
            _ => return Err(DealteamError::invalid(path, "give `shares` or `percent`")),
        };
        for k in map.keys() {
            if !members.contains(k) {
                return Err(DealteamError::new(crate::ErrorCode::UnknownPartner, format!("{path}.{field}.{k}"), "not a member"));
            }
        }
        let weights: Vec<f64> = members.iter().map(|m| map.get(m).copied().unwrap_or(0.0)).collect();
        if field == "percent" && (weights.iter().sum::<f64>() - 100.0).abs() > 1e-9 {
            return Err(DealteamError::invalid(format!("{path}.percent"), "percentages must add up to 100"));
        }
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || weights.iter().all(|w| *w == 0.0) {
            return Err(DealteamError::invalid(format!("{path}.{field}"), "shares must be ≥ 0 and not all zero"));
        }
        Ok(PreparedSplit { weights: weights.iter().map(|w| Decimal::from_f64(*w).unwrap_or_default()).collect(), minor: currency.minor_units() })
    }
}

impl PreparedSplit {
    /// Divide `amount` among the members (SPEC §4).
    pub fn divide(&self, amount: Money) -> Result<Vec<Money>> {
        allocate_decimal(amount, &self.weights, self.minor)
    }
}
