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
    /// First-order Markov removal effects, solved exactly.
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
}
