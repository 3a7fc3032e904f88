//! Request and response types of `calibrate` (SPEC §2, §9, §10): does an Ideal Partner
//! Profile's fit predict wins in a deal history?

use crate::insights::types::{HistoryDeal, Validation};
use crate::model::{CriterionKind, Ecosystem, Profile};
use crate::money::Currency;
use serde::{Deserialize, Serialize};

/// `calibrate` request: the ecosystem, the profiles to check and the deal history
/// (the same history as `insights` and `train`; every partner on a deal must be in the
/// ecosystem).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CalibrateRequest {
    /// The partners, scored against each profile as they are now (SPEC §2).
    pub ecosystem: Ecosystem,
    /// The Ideal Partner Profiles to check (at most 20).
    pub profiles: Vec<Profile>,
    /// Closed deals.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::HistoryDeals>")]
    pub history: Vec<HistoryDeal>,
    /// Currency of the values (default EUR).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Share of the history (oldest first) used to fit the suggested weights when
    /// validating them (default 0.7).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub train_fraction: Option<f64>,
}

/// `calibrate` response: one calibration per profile, in the request's order.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CalibrateResponse {
    /// One per profile.
    pub profiles: Vec<ProfileCalibration>,
}

/// How well a fit score tells won deals from lost ones.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Fewer than 40 scored deals, or fewer than 5 wins or 5 losses.
    TooFewDeals,
    /// The AUC is within chance (|z| < 1.96 under the Mann–Whitney null).
    NoSignal,
    /// Deals with a high fit lose more often (AUC significantly below 0.5).
    Inverted,
    /// AUC below 0.7.
    Weak,
    /// AUC from 0.7 to 0.8.
    Acceptable,
    /// AUC 0.8 or more.
    Strong,
}

/// The calibration of one profile.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileCalibration {
    /// The profile's id.
    pub profile_id: String,
    /// Deals scored: those with at least one partner.
    pub deals: usize,
    /// Of those, won.
    pub wins: usize,
    /// Deals left out because no partner was on them.
    pub unscored: usize,
    /// AUC of the deal fit (mean fit of its partners) for telling wins from losses:
    /// the chance that a won deal has a higher fit than a lost one (null when one
    /// class is missing).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub auc: Option<f64>,
    /// The AUC in one word.
    pub verdict: Verdict,
    /// The verdict in a plain sentence.
    pub summary: String,
    /// Per criterion, in the profile's order.
    pub criteria: Vec<CriterionCalibration>,
    /// Whether the suggested weights showed skill on later deals, and the check itself.
    pub suggestion: WeightSuggestion,
}

/// One criterion's lift and suggested weight.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CriterionCalibration {
    /// A readable label such as `capability:cloud` or `tier`.
    pub criterion: String,
    /// The criterion's kind.
    pub kind: CriterionKind,
    /// The criterion's key, if it has one.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The current weight as a share of the profile's total weight.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub weight: f64,
    /// Deals whose partners score 0.5 or more on this criterion (mean over the deal's partners).
    pub high: WinGroup,
    /// Deals whose partners score below 0.5.
    pub low: WinGroup,
    /// High win rate over low win rate (null when a group is empty or the low rate is 0).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub lift: Option<f64>,
    /// Suggested weight as a share (the suggested shares add up to 1); null when the
    /// suggestion is withheld.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub suggested_weight: Option<f64>,
}

/// Deals of one group and how many were won.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WinGroup {
    /// Deals in the group.
    pub deals: usize,
    /// Of those, won.
    pub wins: usize,
    /// wins / deals (null without deals).
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    pub win_rate: Option<f64>,
}

/// The suggested weights' out-of-time check (SPEC §9).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WeightSuggestion {
    /// True when weights are suggested: fitted on the older deals they beat the base
    /// rate on the later ones, with an AUC above chance, and some criterion raises the
    /// chance of winning.
    pub skill: bool,
    /// Why no weights are suggested, when none are.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The regression on criterion scores fitted on the older deals, checked on the later ones.
    pub validation: Validation,
}
