//! A plan's `incentives` (SPEC §13) and what `simulate` reports about them: the rules
//! that turn each month's revenue into payouts partner by partner (rate schedules over
//! the customer's months since booking, bounties, thresholds, hold, instalments,
//! minimum payout, clawback, adoption rewards, an MDF pool), and the ledger figures.

use crate::money::Money;
use crate::plan::types::simulate::MoneyStats;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How rewards are earned and paid out (SPEC §13). A partner named by a rate, threshold
/// or adoption rule (by id, or by role) earns these rewards instead of its split share.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Incentives {
    /// Commission schedules and bounties, per partner or role.
    #[serde(default)]
    pub rates: Vec<RateRule>,
    /// Revenue thresholds that unlock a higher tier for later revenue.
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    /// Months a reward waits before it is payable (a refund window); default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub hold_months: Option<u32>,
    /// Pay each month's rewards in equal parts (a drip); default one part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub instalments: Option<Instalments>,
    /// A payable balance below this is carried to the next month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub minimum_payout: Option<Money>,
    /// A customer who churns within this many months of booking reverses the rewards
    /// earned on it; default 0 (no clawback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub clawback_months: Option<u32>,
    /// Rewards for customer adoption (consumption offers).
    #[serde(default)]
    pub adoption: Vec<AdoptionRule>,
    /// A market development fund pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub mdf: Option<MdfPool>,
}

/// A commission schedule and/or bounty for one partner (`partner`) or every partner of
/// a role (`role`); a partner's own rule wins over its role's.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RateRule {
    /// Partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub partner: Option<String>,
    /// Role (every partner with this role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub role: Option<String>,
    /// Brackets over the customer's months since booking, in order, not overlapping.
    #[serde(default)]
    pub schedule: Vec<RateBracket>,
    /// A one-time reward per booking, earned in the booking month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub bounty: Option<Money>,
}

/// `percent` of a customer's revenue in its months `fromMonth..=toMonth` since booking
/// (month 1 is the booking month; no `toMonth`: to the end).
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RateBracket {
    /// First month since booking, ≥ 1.
    pub from_month: u32,
    /// Last month since booking (inclusive); absent: no end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub to_month: Option<u32>,
    /// Percent of the revenue, 0..=100.
    pub percent: f64,
}

/// Revenue counted per period for a threshold.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ThresholdPeriod {
    /// One month.
    Month,
    /// Three months.
    #[default]
    Quarter,
    /// Twelve months.
    Year,
}

/// Whether the counted revenue starts again each period or runs over the last period.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ThresholdMode {
    /// From the start of each period (months 1–3, 4–6, … for quarters).
    #[default]
    Reset,
    /// Over a rolling window of the period's length.
    Running,
}

/// Tiers of the plan's revenue counted per period: revenue beyond a tier's `revenue`
/// earns its `bonusPercent` on top of the rate.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Threshold {
    /// Partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub partner: Option<String>,
    /// Role (every partner with this role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub role: Option<String>,
    /// month, quarter (default) or year.
    #[serde(default)]
    pub period: ThresholdPeriod,
    /// reset (default) or running.
    #[serde(default)]
    pub mode: ThresholdMode,
    /// In ascending order of revenue.
    pub tiers: Vec<Tier>,
}

/// One tier of a threshold.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Tier {
    /// Revenue in the period from which the tier applies.
    pub revenue: Money,
    /// Percentage points added to the rate for revenue beyond it, 0..=100.
    pub bonus_percent: f64,
}

/// A reward paid in `count` equal parts, one every `everyMonths` months.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Instalments {
    /// Number of parts, ≥ 1.
    pub count: u32,
    /// Months between parts, ≥ 1 (default 1).
    #[serde(default = "one")]
    pub every_months: u32,
}

fn one() -> u32 {
    1
}

/// Adoption rewards of a consumption offer for one partner or role.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AdoptionRule {
    /// Partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub partner: Option<String>,
    /// Role (every partner with this role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub role: Option<String>,
    /// Percent of each month's consumption above the customer's first month, 0..=100.
    #[serde(default)]
    pub growth_percent: f64,
    /// One-time bonuses when a customer's monthly consumption first reaches a level.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// A bonus at a level of monthly consumption.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Milestone {
    /// Monthly consumption of one customer.
    pub monthly_consumption: Money,
    /// The bonus.
    pub bonus: Money,
}

/// A market development fund: contributions in month 1, requests approved up to the
/// pool, claims reimbursed after a delay unless rejected.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MdfPool {
    /// Each partner's contribution to the pool, by partner id.
    #[serde(default)]
    pub contributions: BTreeMap<String, Money>,
    /// Requests for funds, approved in month order while the pool lasts.
    #[serde(default)]
    pub requests: Vec<MdfRequest>,
    /// Probability that a claim is rejected, 0..1.
    #[serde(default)]
    pub claim_reject_rate: f64,
    /// Months from a claim to its reimbursement.
    #[serde(default)]
    pub reimburse_after_months: u32,
}

/// A partner's request for MDF: spent and claimed in `month`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MdfRequest {
    /// Partner id.
    pub partner: String,
    /// Month of the campaign and claim, 1..=horizonMonths.
    pub month: u32,
    /// Amount requested.
    pub amount: Money,
}

/// A partner's ledger over the trials, one month (flows of the month, balances at its
/// end) or the horizon (flows summed, balances at the end). For totals,
/// `earned = paid + held + clawedBack + balance` holds for the means exactly.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PayoutStats {
    /// Rewards earned.
    pub earned: MoneyStats,
    /// Cash paid out.
    pub paid: MoneyStats,
    /// Earned but not yet payable (hold, later instalments).
    pub held: MoneyStats,
    /// Rewards reversed by clawbacks.
    pub clawed_back: MoneyStats,
    /// Payable but not paid: below the minimum payout, or negative after a clawback.
    pub balance: MoneyStats,
    /// MDF cash: reimbursements received less contributions and claimed spend.
    pub mdf_cash: MoneyStats,
}
