//! The `audit` command's request and response (SPEC §7, §10).

use crate::money::Money;
use crate::plan::types::plan::Plan;
use crate::plan::types::reforecast::Reforecast;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `audit` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuditRequest {
    /// The plan.
    pub plan: Plan,
    /// What happened (give this or `actualsCsv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub actuals: Option<Actuals>,
    /// What happened, as CSV text (columns `month`, `bookings`, `revenue`, `pipeline`,
    /// `costs:<partnerId>`, `metric:<metric>`; see docs/plans.md) — instead of `actuals`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub actuals_csv: Option<String>,
    /// Trials of the simulation that gives the expected figures (default 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}

/// Monthly actuals.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Actuals {
    /// One entry per reported month.
    pub months: Vec<ActualMonth>,
}

/// The actuals of one month; absent items are not audited.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ActualMonth {
    /// Month number, 1..=horizonMonths.
    pub month: u32,
    /// New bookings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub bookings: Option<Money>,
    /// Recognised revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub revenue: Option<Money>,
    /// Value of the opportunities opened in the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pipeline: Option<Money>,
    /// Each partner's cost, by partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub costs: Option<BTreeMap<String, Money>>,
    /// Objective metrics reported directly (`bookings`, `revenue`, `share:<id>`);
    /// they override the values derived from bookings and revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub metrics: Option<BTreeMap<String, Money>>,
}

/// Actual against expected for one item of one month.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Variance {
    /// Month number.
    pub month: u32,
    /// `bookings`, `revenue`, `pipeline` or `costs:<partnerId>`.
    pub item: String,
    /// Reported.
    pub actual: Money,
    /// The plan's expectation.
    pub expected: Money,
    /// actual − expected.
    pub variance: Money,
    /// variance / expected (absent when expected is zero).
    #[serde(
        serialize_with = "crate::num::ser_round12_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ratio: Option<f64>,
}

/// Where an objective stands.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ObjectiveStatus {
    /// The target is reached.
    Met,
    /// At or above the plan's expected path so far.
    OnTrack,
    /// Below the plan's expected path so far.
    OffTrack,
    /// byMonth has been reported and the target was not reached.
    Missed,
}

/// An objective against the actuals.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveAudit {
    /// The metric.
    pub metric: String,
    /// The target.
    pub target: Money,
    /// The month.
    pub by_month: u32,
    /// The last month counted (the latest reported month up to byMonth).
    pub through_month: u32,
    /// Actual total up to throughMonth.
    pub actual: Money,
    /// Expected total up to throughMonth.
    pub expected: Money,
    /// Status.
    pub status: ObjectiveStatus,
}

/// One partner's part of the actual revenue.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditAllocation {
    /// Partner id.
    pub partner_id: String,
    /// Amount.
    pub amount: Money,
}

/// The split of one month's actual revenue.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditSplitMonth {
    /// Month number.
    pub month: u32,
    /// Actual revenue of the month.
    pub revenue: Money,
    /// Each partner's part, in plan order.
    pub allocations: Vec<AuditAllocation>,
}

/// The split recomputed on actual revenue.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditSplit {
    /// Actual revenue over the reported months.
    pub revenue: Money,
    /// Each partner's total (the sum of its monthly parts), in plan order.
    pub allocations: Vec<AuditAllocation>,
    /// Month by month.
    pub months: Vec<AuditSplitMonth>,
}

/// The plan's expectation and the actuals of one month.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditMonth {
    /// Month number.
    pub month: u32,
    /// Expected bookings (simulation mean).
    pub expected_bookings: Money,
    /// Expected revenue (simulation mean).
    pub expected_revenue: Money,
    /// Expected pipeline created (analytic: λ_m × E[deal size]).
    pub expected_pipeline: Money,
    /// Reported bookings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub bookings: Option<Money>,
    /// Reported revenue.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub revenue: Option<Money>,
    /// Reported pipeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pipeline: Option<Money>,
}

/// `audit` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditResponse {
    /// Reported months, ascending.
    pub months: Vec<AuditMonth>,
    /// Every audited item.
    pub variances: Vec<Variance>,
    /// Every objective.
    pub objectives: Vec<ObjectiveAudit>,
    /// The split on actual revenue.
    pub split: AuditSplit,
    /// The remaining months simulated again, conditioned on the actuals (SPEC §15).
    pub reforecast: Reforecast,
}
