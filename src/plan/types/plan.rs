//! The joint plan (SPEC §6, §7): partners, offer, pipeline, split, horizon, objectives
//! and the agreement's governance terms — the input of all four plan commands.
//!
//! A plan is also the draft of an agreement, and `validate` exists to find what is
//! missing, so almost every field is optional here; `simulate` checks that the
//! fields it needs are present (see `plan::model`).

use crate::money::{Currency, Money};
use crate::plan::types::framework::{Branding, DataSharing, Enablement, Engagement, Legal};
use crate::splits::SplitRule;
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
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::PlanPartners>"
    )]
    pub partners: Vec<PlanPartner>,
    /// The name of the person who leads the opportunity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub opportunity_lead: Option<String>,
    /// What is sold and how revenue is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub offer: Option<Offer>,
    /// How rewards are earned and paid out over time (SPEC §13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub incentives: Option<crate::plan::types::incentives::Incentives>,
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
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::Objectives>"
    )]
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
    /// Intellectual property, liability and term (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub legal: Option<Legal>,
    /// What customer data is shared, how, and who may see it (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub data_sharing: Option<DataSharing>,
    /// Rules of engagement and the kind of collaboration (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub engagement: Option<Engagement>,
    /// The customer's one named point of contact (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub customer_contact: Option<String>,
    /// Who runs delivery (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub project_manager: Option<String>,
    /// Pre-sales training and support committed (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub enablement: Option<Enablement>,
    /// How the partners' brands may be used (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub branding: Option<Branding>,
    /// How the plan is audited against reality (SPEC §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub audit: Option<PlanAudit>,
}

/// How the plan is audited against reality (SPEC §15): the probability thresholds that
/// flag an objective on track, at risk or off track in the audit's re-forecast.
#[derive(Clone, Debug, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PlanAudit {
    /// An objective whose probability now is at least this is on track (default 0.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub on_track_above: Option<f64>,
    /// An objective whose probability now is below this is off track (default 0.3);
    /// in between it is at risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub off_track_below: Option<f64>,
    /// How often actual results are compared with the plan (e.g. "quarterly"); the
    /// `audit.cadence` rule asks for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub cadence: Option<String>,
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
