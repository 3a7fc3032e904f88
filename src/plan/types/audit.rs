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
    /// `costs:<partnerId>`, `metric:<metric>`, `customer:<name>`; see docs/plans.md) —
    /// instead of `actuals`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub actuals_csv: Option<String>,
    /// Trials of the simulation that gives the expected figures (default 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed (default 0).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}

/// Monthly actuals.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Actuals {
    /// One entry per reported month.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::PlanMonths>")]
    pub months: Vec<ActualMonth>,
    /// The customers won, each with its revenue month by month (for the incentive
    /// ledger on actuals, SPEC §13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub deals: Vec<ActualDeal>,
}

/// A customer won: when it was booked, its revenue in each month since, and how it
/// ended if it did.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ActualDeal {
    /// The customer's name (for the reader; not used in the figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub customer: Option<String>,
    /// Month of the booking, 1..=horizonMonths.
    pub booked_month: u32,
    /// Recognised revenue by month, from the booking month on (at most to the horizon).
    pub revenue: Vec<Money>,
    /// How the customer ended after its last month of revenue: `churn` or `refund`
    /// (either reverses the rewards earned on it within the clawback window); absent:
    /// still a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ended: Option<DealEnd>,
}

/// How a customer ended.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DealEnd {
    /// The customer left.
    Churn,
    /// The customer was refunded.
    Refund,
}

/// A partner's incentive ledger to date: flows summed over the months, `held` and
/// `balance` at the last month; `earned = paid + held + clawedBack + balance`.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LedgerToDate {
    /// Rewards earned.
    pub earned: Money,
    /// Cash paid out.
    pub paid: Money,
    /// Earned but not yet payable.
    pub held: Money,
    /// Rewards reversed by clawbacks.
    pub clawed_back: Money,
    /// Payable but not paid (below the minimum payout, or negative after a clawback).
    pub balance: Money,
}

/// One rewarded partner's payouts to date: the plan's expectation (simulation means)
/// and the ledger recomputed on the actual customers (SPEC §13).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditPayout {
    /// Partner id.
    pub partner_id: String,
    /// The last month counted.
    pub through_month: u32,
    /// Expected to date.
    pub expected: LedgerToDate,
    /// Actual to date.
    pub actual: LedgerToDate,
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
    /// Each rewarded partner's payouts to date, expected and recomputed on the actual
    /// customers (SPEC §13); only when the plan has incentives.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub payouts: Option<Vec<AuditPayout>>,
}
