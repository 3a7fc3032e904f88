//! Request and response types of `insights`, `train` and `predict` (SPEC §9, §10).

use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A closed deal of the history.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct HistoryDeal {
    /// Unique id.
    pub id: String,
    /// Day it closed (YYYY-MM-DD); orders the history for training and validation.
    pub closed_at: String,
    /// Won or lost.
    pub won: bool,
    /// Deal value.
    pub value: Money,
    /// Days from open to close.
    pub cycle_days: f64,
    /// Partners involved, with their role.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::DealMembers>"
    )]
    pub partners: Vec<DealPartner>,
    /// Number of partner touches.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touches: Option<u32>,
    /// Team coverage at the time (SPEC §3), if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<f64>,
    /// Team fit at the time, if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<f64>,
    /// Team synergy at the time (−1..1), if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synergy: Option<f64>,
    /// Partner satisfaction score, if surveyed.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psat: Option<f64>,
    /// Customer lifetime value, if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cltv: Option<Money>,
    /// Customer acquisition cost, if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cac: Option<Money>,
}

/// A partner on a deal.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DealPartner {
    /// Partner id.
    pub id: String,
    /// Role on the deal (sourcing, influence, fulfilment, …).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub role: String,
}

/// `insights` and `train` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct HistoryRequest {
    /// Closed deals.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::HistoryDeals>")]
    pub history: Vec<HistoryDeal>,
    /// Currency of the values (default EUR).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Share of the history (oldest first) used for training when validating (default 0.7).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub train_fraction: Option<f64>,
}

/// Statistics of one group of deals.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GroupStats {
    /// Deals in the group.
    pub deals: usize,
    /// Won deals.
    pub won: usize,
    /// won / deals (null without deals).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub win_rate: Option<f64>,
    /// Total value of won deals.
    pub won_value: Money,
    /// Mean value of won deals (null without wins).
    pub avg_deal_size: Option<Money>,
    /// Mean sales cycle in days over all deals of the group.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub avg_cycle_days: Option<f64>,
}

/// `insights` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InsightsResponse {
    /// Currency of all amounts.
    pub currency: Currency,
    /// Won value of deals with at least one partner.
    pub influenced_revenue: Money,
    /// Won value of all deals.
    pub total_revenue: Money,
    /// influenced / total (null when nothing was won).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub influenced_share: Option<f64>,
    /// Deals without partners, with one partner, with two or more (P2P), and with any.
    pub groups: BTreeMap<String, GroupStats>,
    /// Win rate with partners vs without.
    pub win_rate: Comparison,
    /// Mean won deal size with partners vs without (as numbers of the currency).
    pub deal_size: Comparison,
    /// Mean cycle days with partners vs without; `ratio` < 1 means partners speed deals up.
    pub cycle_days: Comparison,
    /// Expected won value per deal of P2P deals over single-partner deals (null when
    /// either group has no deals or single-partner deals earn nothing).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub multiplier: Option<f64>,
    /// Mean CLTV / CAC over deals that give both (null when none).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub cltv_to_cac: Option<f64>,
    /// Mean partner satisfaction over deals that give it (null when none).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub psat: Option<f64>,
    /// Plain-language findings.
    pub notes: Vec<String>,
}

/// A metric with and without partners.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// With at least one partner.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub with_partners: Option<f64>,
    /// Without partners.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub without_partners: Option<f64>,
    /// with / without.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub ratio: Option<f64>,
}

/// A trained win model: logistic regression on standardised team features.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct WinModel {
    /// Feature names, in coefficient order.
    pub features: Vec<String>,
    /// Intercept.
    pub intercept: f64,
    /// One coefficient per feature (on standardised values).
    pub coefficients: Vec<f64>,
    /// Mean of each feature in training.
    pub means: Vec<f64>,
    /// Standard deviation of each feature in training (1 where constant).
    pub scales: Vec<f64>,
    /// Win rate of the training deals.
    pub base_rate: f64,
    /// Whether validation showed skill over the base rate; without it, predictions
    /// are the base rate.
    pub skill: bool,
    /// Why there is no skill, when there is none.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Joint history per partner pair (sorted ids), for the past-joint-win feature.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::MemberPairs>"
    )]
    pub pairs: Vec<PairHistory>,
}

/// Joint deals and wins of a pair of partners.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PairHistory {
    /// Partner id that sorts first.
    pub a: String,
    /// The other partner id.
    pub b: String,
    /// Deals together.
    pub deals: u32,
    /// Of those, won.
    pub wins: u32,
}

/// `train` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrainResponse {
    /// The model (trained on all the history when it shows skill).
    pub model: WinModel,
    /// Out-of-time validation of a model trained on the older deals only.
    pub validation: Validation,
}

/// Validation on the later deals of a model trained on the earlier ones.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    /// Deals used for training.
    pub train_deals: usize,
    /// Later deals used for validation.
    pub validation_deals: usize,
    /// Area under the ROC curve on the validation deals (null when one class is missing).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub auc: Option<f64>,
    /// Mean log loss of the model on the validation deals.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub log_loss: Option<f64>,
    /// The baseline: always predicting the training win rate.
    pub baseline: Baseline,
    /// Predicted vs observed win rate in bins of predicted probability.
    pub calibration: Vec<CalibrationBin>,
}

/// Base-rate baseline.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    /// Training win rate.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub rate: f64,
    /// Its log loss on the validation deals.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub log_loss: Option<f64>,
}

/// One calibration bin.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CalibrationBin {
    /// Lower edge of predicted probability.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub from: f64,
    /// Upper edge.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub to: f64,
    /// Deals in the bin.
    pub deals: usize,
    /// Mean predicted probability.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub predicted: f64,
    /// Observed win rate.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub observed: f64,
}

/// A proposed team to score.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TeamFeatures {
    /// Member partner ids.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::DealMembers>"
    )]
    pub members: Vec<String>,
    /// Roles of the members (their count of distinct roles is a feature).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub roles: Vec<String>,
    /// Coverage (SPEC §3), if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub coverage: Option<f64>,
    /// Fit, if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub fit: Option<f64>,
    /// Synergy, if known.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub synergy: Option<f64>,
}

/// `predict` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PredictRequest {
    /// A model from `train`.
    pub model: WinModel,
    /// Teams to score.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::PredictTeams>")]
    pub teams: Vec<TeamFeatures>,
}

/// One prediction with its explanation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Prediction {
    /// Win probability.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub probability: f64,
    /// Log-odds contribution of each feature relative to an average training deal.
    pub contributions: BTreeMap<String, f64>,
    /// False when the model has no skill and the base rate is returned.
    pub from_model: bool,
}

/// `predict` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PredictResponse {
    /// One per team, in order.
    pub predictions: Vec<Prediction>,
}
