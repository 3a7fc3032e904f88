//! Request and response types of the `attribute` command (SPEC §5, §10), in one file
//! so that TypeScript types can be generated from them.

use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An attribution model.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum AttributionModel {
    /// All credit to the first touch.
    FirstTouch,
    /// All credit to the last touch.
    LastTouch,
    /// Equal credit to every touch.
    Linear,
    /// Weight `2^(−daysBeforeConversion / halfLifeDays)` per touch.
    TimeDecay,
    /// 40% first, 40% last, 20% shared by the middle (one touch 100%, two 50/50).
    PositionBased,
    /// Markov removal effects (order 1–4 or auto), solved exactly.
    Markov,
}

impl AttributionModel {
    /// Every model, in output order.
    pub const ALL: [AttributionModel; 6] = [
        AttributionModel::FirstTouch,
        AttributionModel::LastTouch,
        AttributionModel::Linear,
        AttributionModel::TimeDecay,
        AttributionModel::PositionBased,
        AttributionModel::Markov,
    ];
    /// The camelCase name.
    pub fn name(self) -> &'static str {
        match self {
            AttributionModel::FirstTouch => "firstTouch",
            AttributionModel::LastTouch => "lastTouch",
            AttributionModel::Linear => "linear",
            AttributionModel::TimeDecay => "timeDecay",
            AttributionModel::PositionBased => "positionBased",
            AttributionModel::Markov => "markov",
        }
    }
}

/// One aggregated journey: a path of partner touches and how often it ended in a
/// conversion (and, optionally, without one).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Journey {
    /// Partner ids in touch order.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::PathLength>")]
    pub path: Vec<String>,
    /// Conversions of this path (≥ 0; may be fractional for weighted data).
    pub conversions: f64,
    /// Times this path ended without conversion (≥ 0; default 0; used by `markov`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nulls: Option<f64>,
    /// Total value of this path's conversions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// Days before conversion of each touch (same length as `path`; `timeDecay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touch_days: Option<Vec<f64>>,
}

/// The `attribute` request.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AttributeRequest {
    /// The journeys.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::Journeys>")]
    pub journeys: Vec<Journey>,
    /// Models to run (default all six).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<AttributionModel>>,
    /// Half-life of `timeDecay` in days (default 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half_life_days: Option<f64>,
    /// Currency of the journeys' values (default EUR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// `markov`: the chain's order, 1–4 or `"auto"` (default 1; SPEC §12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number | \"auto\"", optional))]
    pub order: Option<MarkovOrder>,
    /// `markov`: seeded bootstrap intervals of each partner's credit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<BootstrapOptions>,
}

/// The order of the Markov chain: a fixed 1–4, or the one that predicts held-out
/// journeys best (`"auto"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkovOrder {
    /// A fixed order (1–4 once validated).
    Fixed(u64),
    /// The order with the best held-out log-likelihood.
    Auto,
}

impl Serialize for MarkovOrder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            MarkovOrder::Fixed(k) => s.serialize_u64(*k),
            MarkovOrder::Auto => s.serialize_str("auto"),
        }
    }
}

impl<'de> Deserialize<'de> for MarkovOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Visitor};
        struct OrderVisitor;
        const WANT: &str = "a whole number from 1 to 4, or \"auto\"";
        impl Visitor<'_> for OrderVisitor {
            type Value = MarkovOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(WANT)
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<MarkovOrder, E> {
                Ok(MarkovOrder::Fixed(v))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<MarkovOrder, E> {
                Err(E::custom(format!("the order must be {WANT}, got {v}")))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<MarkovOrder, E> {
                Err(E::custom(format!("the order must be {WANT}, got {v}")))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<MarkovOrder, E> {
                if v == "auto" {
                    Ok(MarkovOrder::Auto)
                } else {
                    Err(E::custom(format!("the order must be {WANT}, got \"{v}\"")))
                }
            }
        }
        d.deserialize_any(OrderVisitor)
    }
}

/// Bootstrap settings: resample the journeys (each journey's conversions and nulls
/// drawn again from a Poisson distribution around their counts) and re-run the chain.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BootstrapOptions {
    /// Resamples (1–2,000; default 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples: Option<u32>,
    /// Seed (default 0): the same seed gives the same intervals.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed"
    )]
    pub seed: Option<u64>,
    /// Interval level, strictly between 0 and 1 (default 0.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
}

/// A partner's credit under one model.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    /// Conversions credited.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub conversions: f64,
    /// Value credited (when the journeys carry values); the partners' values add up
    /// exactly to the total value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
}

/// The Markov model's details.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MarkovDetails {
    /// Probability that a journey converts, from the absorbing chain.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub conversion_probability: f64,
    /// Removal effect `1 − P(conversion without the partner) / P(conversion)` per partner.
    pub removal_effects: BTreeMap<String, Rounded>,
    /// The chain's order (the chosen one under `"auto"`).
    pub order: u32,
    /// `"auto"`: each order's mean log-likelihood per held-out journey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_out: Option<Vec<HeldOut>>,
    /// With `bootstrap`: each partner's interval of credited conversions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intervals: Option<BTreeMap<String, Interval>>,
}

/// One order's fit to the held-out journeys (the last 30% of the rows).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HeldOut {
    /// The order.
    pub order: u32,
    /// Mean log-likelihood per held-out journey (higher is better).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub log_likelihood: f64,
}

/// A bootstrap interval of credited conversions.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    /// Lower bound.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub low: f64,
    /// Upper bound.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub high: f64,
    /// The level (e.g. 0.9 for a 90% interval).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub level: f64,
}

/// A partner's involvement in the conversions (SPEC §12): the three add up to the total.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Involvement {
    /// Journeys this partner touched first.
    pub sourced: Credit,
    /// Journeys this partner touched, but not first.
    pub influenced: Credit,
    /// Journeys this partner never touched.
    pub unattributed: Credit,
}

/// An f64 written rounded to 12 significant digits.
#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rounded(#[serde(serialize_with = "crate::num::ser_round12")] pub f64);

/// The `attribute` response: per model, per partner (sorted ids), the credit.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AttributeResponse {
    /// `modelName → partnerId → credit` (both sorted by name).
    pub models: BTreeMap<String, BTreeMap<String, Credit>>,
    /// Total conversions over all journeys.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub total_conversions: f64,
    /// Total value (when values are given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_value: Option<Money>,
    /// Markov details (when `markov` ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markov: Option<MarkovDetails>,
    /// Per partner (sorted ids): sourced, influenced and unattributed conversions and value.
    pub involvement: BTreeMap<String, Involvement>,
}
