//! The audit's re-forecast (SPEC §15): the months after the actuals simulated again,
//! conditioned on them; each objective's probability at signing and now with a flag;
//! each partner's profitability to date and expected at the end.

use crate::money::Money;
use crate::plan::types::simulate::{MoneyStats, Probability};
use serde::Serialize;

/// Where an objective stands by its probability now and the plan's thresholds.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum TrackFlag {
    /// Probability now ≥ `onTrackAbove`.
    OnTrack,
    /// In between.
    AtRisk,
    /// Probability now < `offTrackBelow`.
    OffTrack,
}

/// The thresholds used (the plan's `audit`, or the defaults 0.7 and 0.3).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrackThresholds {
    /// On track at or above this probability.
    pub on_track_above: Probability,
    /// Off track below this probability.
    pub off_track_below: Probability,
}

/// One objective at signing and now.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveForecast {
    /// The metric.
    pub metric: String,
    /// The target.
    pub target: Money,
    /// The month.
    pub by_month: u32,
    /// The actual total over months 1..min(throughMonth, byMonth).
    pub actual_to_date: Money,
    /// P(target reached) in the plain simulation (when the plan was signed).
    pub at_signing: Probability,
    /// P(target reached) conditioned on the actuals.
    pub now: Probability,
    /// Expected total up to byMonth at signing.
    pub expected_at_signing: Money,
    /// Expected total up to byMonth now.
    pub expected_now: Money,
    /// On track, at risk or off track (by `now`).
    pub flag: TrackFlag,
}

/// A partner's profitability: to date from the actuals, and expected at the horizon.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PartnerProfit {
    /// Partner id.
    pub partner_id: String,
    /// Its part of the actual revenue through the split, months 1..throughMonth.
    pub share_to_date: Money,
    /// Its costs in months 1..throughMonth (the actual costs; the plan's investment for
    /// a month without a reported cost).
    pub costs_to_date: Money,
    /// shareToDate − costsToDate.
    pub profit_to_date: Money,
    /// Expected share over the horizon, conditioned on the actuals.
    pub expected_share: Money,
    /// costsToDate + the plan's investment in the remaining months.
    pub expected_investment: Money,
    /// expectedShare − expectedInvestment.
    pub expected_profit: Money,
    /// Expected profit over the horizon at signing (share mean − planned investment).
    pub expected_profit_at_signing: Money,
}

/// One month: the plan at signing and the re-forecast (equal to the actuals through
/// `throughMonth`).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ForecastMonth {
    /// Month number.
    pub month: u32,
    /// Bookings at signing.
    pub plan_bookings: MoneyStats,
    /// Revenue at signing.
    pub plan_revenue: MoneyStats,
    /// Bookings now.
    pub bookings: MoneyStats,
    /// Revenue now.
    pub revenue: MoneyStats,
}

/// The re-forecast of the audit.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reforecast {
    /// The latest reported month k: months 1..k are the actuals, k+1.. are simulated
    /// (0 when nothing is reported).
    pub through_month: u32,
    /// The thresholds of the flags.
    pub thresholds: TrackThresholds,
    /// Every objective, in plan order.
    pub objectives: Vec<ObjectiveForecast>,
    /// Every partner, in plan order.
    pub partners: Vec<PartnerProfit>,
    /// Month by month over the horizon.
    pub months: Vec<ForecastMonth>,
}
