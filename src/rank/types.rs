//! Request and response types of `rank` (SPEC §10), in one file so TypeScript types
//! can be generated from them. Plain serde derives; camelCase; unknown fields rejected.

use crate::model::{CriterionKind, Ecosystem, Profile};
use serde::{Deserialize, Serialize};

/// Rows returned when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;

/// `rank` request: `{ecosystem, profile, limit?, explain?}`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RankRequest {
    /// The partners to rank.
    pub ecosystem: Ecosystem,
    /// The Ideal Partner Profile to rank them against.
    pub profile: Profile,
    /// How many rows to return (default 100; 0 = every partner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Include the per-criterion breakdown of each row (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<bool>,
}

/// Options of [`crate::rank::EcosystemIndex::rank`] (the facade's `eco.rank(profile, opts)`).
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RankOptions {
    /// How many rows to return (default 100; 0 = every partner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// Include the per-criterion breakdown of each row (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<bool>,
}

impl RankOptions {
    /// The number of rows to return out of `n` partners.
    pub fn rows(&self, n: usize) -> usize {
        match self.limit {
            None => DEFAULT_LIMIT.min(n),
            Some(0) => n,
            Some(l) => l.min(n),
        }
    }
    /// Whether rows carry a breakdown.
    pub fn explain(&self) -> bool {
        self.explain.unwrap_or(true)
    }
}

/// `rank` response: the ranked rows, best first.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RankResponse {
    /// Eligible partners first, then fit descending, near-ties by id (SPEC §2).
    pub results: Vec<RankedPartner>,
}

/// One ranked partner.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RankedPartner {
    /// The partner's id.
    pub partner_id: String,
    /// `Σ wᵢ·sᵢ / Σ wᵢ` (SPEC §2).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub fit: f64,
    /// Every `require` clause holds.
    pub eligible: bool,
    /// The names of the failed `require` clauses (`kinds`, `minTier`, `capabilitiesMin.cloud`, …).
    /// Read-only in JS: with `explain: false` the rows that failed the same clauses share
    /// one frozen array (copy it to change it).
    #[cfg_attr(feature = "ts", ts(type = "ReadonlyArray<string>"))]
    pub failed: Vec<String>,
    /// Per criterion: score, weight and share of the fit (absent with `explain: false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<Vec<CriterionShare>>,
}

/// How one criterion contributed to a partner's fit.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CriterionShare {
    /// A readable label such as `capability:cloud` or `tier`.
    pub criterion: String,
    /// The criterion's kind.
    pub kind: CriterionKind,
    /// The criterion's key, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The score s ∈ [0, 1].
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub score: f64,
    /// The weight w.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub weight: f64,
    /// `w·s / Σw`: the shares of all criteria add up to the fit.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub share: f64,
}
