//! The `simulate` command's request, progress and response (SPEC §6, §10).

use crate::money::{Currency, Money};
use crate::plan::types::plan::Plan;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `simulate` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SimulateRequest {
    /// The plan.
    pub plan: Plan,
    /// Monte Carlo trials (default 10,000; at most 10,000,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed of the random streams (default 0).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}

/// Progress of a stepped simulation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SimProgress {
    /// All trials are done (or the run was cancelled).
    pub done: bool,
    /// trialsDone / trials, 0..1.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub progress: f64,
    /// Trials finished so far.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub trials_done: u64,
    /// Trials requested.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub trials: u64,
}

/// Mean and quantiles of an amount over the trials.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoneyStats {
    /// Exact mean, rounded to the minor unit.
    pub mean: Money,
    /// 5th percentile.
    pub p5: Money,
    /// Median.
    pub p50: Money,
    /// 95th percentile.
    pub p95: Money,
}

/// Mean and quantiles of a ratio over the trials.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RatioStats {
    /// Mean.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub mean: f64,
    /// 5th percentile.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub p5: f64,
    /// Median.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub p50: f64,
    /// 95th percentile.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub p95: f64,
}

/// One partner in one month (or in total).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PartnerFigures {
    /// The partner's share of the recognised revenue.
    pub share: MoneyStats,
    /// The partner's investment (deterministic: the same in every trial).
    pub cost: Money,
    /// ROPI of the cumulative share and investment up to this month; absent when
    /// nothing has been invested yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ropi: Option<RatioStats>,
    /// The partner's incentive ledger in the month (SPEC §13); only with `incentives`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub payouts: Option<crate::plan::types::incentives::PayoutStats>,
}

/// One month of the simulation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MonthFigures {
    /// Month number, 1-based.
    pub month: u32,
    /// New bookings in the month.
    pub bookings: MoneyStats,
    /// Revenue recognised in the month.
    pub revenue: MoneyStats,
    /// Per partner id.
    pub partners: BTreeMap<String, PartnerFigures>,
    /// Probability that each partner has paid back by this month (cumulative share ≥
    /// cumulative investment), per partner id.
    pub paid_back: BTreeMap<String, Probability>,
}

/// A probability written with 12 significant digits.
#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(transparent)]
pub struct Probability(#[serde(serialize_with = "crate::num::ser_round12")] pub f64);

/// Totals over the horizon.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Bookings over the horizon.
    pub bookings: MoneyStats,
    /// Revenue recognised over the horizon.
    pub revenue: MoneyStats,
    /// Mean number of won deals booked within the horizon per trial.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub deals: f64,
}

/// The payback month over the trials.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Payback {
    /// Share of trials that pay back within the horizon.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub probability: f64,
    /// Mean payback month over the trials that pay back.
    #[serde(serialize_with = "crate::num::ser_round12_opt")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub mean: Option<f64>,
    /// Quantiles over all trials; `null` when the quantile falls on "never".
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub p5: Option<u32>,
    /// Median (`null`: more than half the trials never pay back).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub p50: Option<u32>,
    /// 95th percentile.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub p95: Option<u32>,
}

/// A partner's totals over the horizon.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PartnerTotals {
    /// Share of the revenue.
    pub share: MoneyStats,
    /// Investment over the horizon.
    pub investment: Money,
    /// (share − investment) / investment; absent when the investment is zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ropi: Option<RatioStats>,
    /// Payback month.
    pub payback: Payback,
    /// The partner's incentive ledger over the horizon (SPEC §13); only with `incentives`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub payouts: Option<crate::plan::types::incentives::PayoutStats>,
}

/// An objective and the probability of reaching it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveResult {
    /// The metric.
    pub metric: String,
    /// The target.
    pub target: Money,
    /// The month.
    pub by_month: u32,
    /// P(total of the metric up to byMonth ≥ target).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub probability: f64,
    /// The expected total up to byMonth.
    pub expected: Money,
}

/// `simulate` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SimulateResponse {
    /// Trials summarised.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub trials: u64,
    /// The seed used.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seed: u64,
    /// Currency of every amount.
    pub currency: Currency,
    /// Month by month.
    pub months: Vec<MonthFigures>,
    /// Over the horizon.
    pub totals: Totals,
    /// Per partner id, over the horizon.
    pub partners: BTreeMap<String, PartnerTotals>,
    /// One per objective of the plan, in order.
    pub objectives: Vec<ObjectiveResult>,
}
