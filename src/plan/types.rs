//! The JSON types of joint plans (SPEC §6, §7) and of the `simulate`, `validate`,
//! `agreement` and `audit` commands (SPEC §10), in one file so that TypeScript types
//! can be generated from them.
//!
//! A plan is also the draft of an agreement, and `validate` exists to find what is
//! missing, so almost every field is optional here; `simulate` checks that the
//! fields it needs are present (see `check.rs`).
//!
//! With the `ts` feature every type derives `ts_rs::TS` for the npm package's
//! TypeScript declarations (the split rule is typed there by the splits module).

use crate::money::{Currency, Money};
use crate::plan::SplitRule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A joint plan: partners, offer, pipeline, split, horizon, objectives and the
/// agreement's governance terms.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Plan {
    /// Plan id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub id: Option<String>,
    /// Plan name (the agreement's title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub name: Option<String>,
    /// ISO 4217 currency of every amount of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub currency: Option<Currency>,
    /// Decimal places of money (default: the currency's minor units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub minor_units: Option<u32>,
    /// Months simulated, 1..=600.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub horizon_months: Option<u32>,
    /// The partners of the plan.
    #[serde(default)]
    pub partners: Vec<PlanPartner>,
    /// The name of the person who leads the opportunity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub opportunity_lead: Option<String>,
    /// What is sold and how revenue is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub offer: Option<Offer>,
    /// Where the deals come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pipeline: Option<Pipeline>,
    /// How revenue is divided among the partners (a `split` request of SPEC §10
    /// without amount, currency and members; the members are the plan's partners).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, as = "Option<serde_json::Value>"))]
    pub split: Option<SplitRule>,
    /// How recurring revenue is paid out, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub remuneration: Option<Remuneration>,
    /// Joint objectives.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// How success is measured, in words (one item per measure).
    #[serde(default)]
    pub success_measures: Vec<String>,
    /// The pipeline and sales cycle the partners commit to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pipeline_requirements: Option<PipelineRequirements>,
    /// Who oversees the collaboration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub governance: Option<Governance>,
    /// How disputes are settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub mediation: Option<Mediation>,
    /// Exclusivity terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub exclusivity: Option<Exclusivity>,
    /// Shared values, in words (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub values: Option<String>,
    /// Long-term vision, in words (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub vision: Option<String>,
}

/// A partner of a plan.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PlanPartner {
    /// Unique id (the split's member id).
    pub id: String,
    /// Company name.
    #[serde(default)]
    pub name: String,
    /// Role in the collaboration (isv, si, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub role: Option<String>,
    /// True for the lead partner.
    #[serde(default)]
    pub lead: bool,
    /// The named partnership manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub manager: Option<String>,
    /// The partner's investment commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub investments: Option<Investments>,
}

/// A partner's investment commitment. Missing amounts count as zero in the simulation.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Investments {
    /// Marketing development funds, spent in month 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub mdf: Option<Money>,
    /// Enablement / pre-sales training, spent in month 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub enablement: Option<Money>,
    /// Running cost per month, every month of the horizon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub monthly_cost: Option<Money>,
    /// Co-branding, spent in month 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub branding: Option<Money>,
}

/// What is sold.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Offer {
    /// All revenue in the booking month.
    OneTime {},
    /// 1/termMonths of the deal a month, monthly churn, renewal at term end.
    #[serde(rename_all = "camelCase")]
    Subscription {
        /// Months of one term.
        term_months: u32,
        /// Probability that a customer leaves after a month, 0..1.
        #[serde(default)]
        monthly_churn: f64,
        /// Probability of renewing at the end of a term, 0..1 (default 0).
        #[serde(default)]
        renewal_rate: f64,
    },
    /// deal/termMonths in the first month, growing by monthlyGrowth a month.
    #[serde(rename_all = "camelCase")]
    Consumption {
        /// Months of one term.
        term_months: u32,
        /// Growth per month (0.02 = 2 %), > −1.
        #[serde(default)]
        monthly_growth: f64,
        /// Probability that a customer leaves after a month, 0..1.
        #[serde(default)]
        monthly_churn: f64,
        /// Probability of renewing at the end of a term, 0..1 (default 0).
        #[serde(default)]
        renewal_rate: f64,
    },
}

/// The pipeline model of SPEC §6.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Pipeline {
    /// Mean opportunities opened per month: a number, or one per month (a ramp; months
    /// after the last entry use the last entry).
    pub opportunities_per_month: Rate,
    /// Probability that an opportunity is won, 0..1.
    pub win_probability: f64,
    /// Deal size (contract value of one term).
    pub deal_size: DealSize,
    /// Days from opening to closing.
    pub sales_cycle_days: Triangular,
}

/// A constant rate or one per month.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Rate {
    /// The same every month.
    Constant(f64),
    /// Month by month, from month 1.
    Ramp(Vec<f64>),
}

/// Lognormal deal size by median and 90th percentile.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DealSize {
    /// Must be `"lognormal"`.
    pub distribution: String,
    /// Median deal size.
    pub median: Money,
    /// 90th percentile, ≥ median.
    pub p90: Money,
}

/// Triangular distribution by min, mode and max.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Triangular {
    /// Must be `"triangular"`.
    pub distribution: String,
    /// Smallest value.
    pub min: f64,
    /// Most likely value.
    pub mode: f64,
    /// Largest value.
    pub max: f64,
}

/// A joint objective: the metric's total up to `byMonth` should reach `target`.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Objective {
    /// `bookings`, `revenue` or `share:<partnerId>`.
    #[serde(default)]
    pub metric: String,
    /// The amount to reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub target: Option<Money>,
    /// The month by which to reach it (1..=horizonMonths).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub by_month: Option<u32>,
    /// Who is accountable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub owner: Option<String>,
}

/// How recurring revenue is paid out.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Remuneration {
    /// How recurring (subscription, renewal, consumption) revenue is shared, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub recurring: Option<String>,
    /// Payment terms and anything else, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub notes: Option<String>,
}

/// The pipeline and sales cycle the partners commit to.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PipelineRequirements {
    /// Qualified opportunities to open per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub opportunities_per_month: Option<f64>,
    /// Pipeline value to hold open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub pipeline_value: Option<Money>,
    /// The sales cycle the partners aim for, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub max_sales_cycle_days: Option<f64>,
    /// Anything else, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub notes: Option<String>,
}

/// Project governance.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Governance {
    /// Who oversees the collaboration (person or body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub overseer: Option<String>,
    /// An independent party (recommended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub independent_party: Option<String>,
    /// How often the partners review the plan (e.g. "monthly").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cadence: Option<String>,
}

/// Dispute mediation.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Mediation {
    /// The escalation steps, in order.
    #[serde(default)]
    pub steps: Vec<String>,
}

/// Exclusivity terms.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Exclusivity {
    /// Whether the collaboration is exclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub exclusive: Option<bool>,
    /// Whether the parties may pursue similar arrangements: one answer for all, or
    /// one per partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub may_pursue_similar: Option<MayPursue>,
}

/// One answer for every partner, or one per partner id.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum MayPursue {
    /// The same for everybody.
    All(bool),
    /// Per partner id.
    PerPartner(BTreeMap<String, bool>),
}

// ---------------------------------------------------------------- simulate

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

// ---------------------------------------------------------------- validate

/// `validate` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ValidateRequest {
    /// The plan to check.
    pub plan: Plan,
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The agreement cannot work without it.
    Error,
    /// Recommended.
    Warning,
}

/// One gap of the plan.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, e.g. `lead.partner`.
    pub rule: String,
    /// error or warning.
    pub severity: Severity,
    /// Where, e.g. `partners[1].manager`.
    pub path: String,
    /// What to add or change.
    pub message: String,
}

/// `validate` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ValidateResponse {
    /// True when there is no error finding.
    pub ok: bool,
    /// Every gap, errors first, in rule order.
    pub findings: Vec<Finding>,
}

// ---------------------------------------------------------------- agreement

/// `agreement` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AgreementRequest {
    /// The plan.
    pub plan: Plan,
    /// Trials of the simulation behind the figures (default 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}

// ---------------------------------------------------------------- audit

/// `audit` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuditRequest {
    /// The plan.
    pub plan: Plan,
    /// What happened.
    pub actuals: Actuals,
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
    #[serde(serialize_with = "crate::num::ser_round12_opt", skip_serializing_if = "Option::is_none")]
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
}
