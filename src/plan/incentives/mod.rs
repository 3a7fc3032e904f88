//! Incentives over time (SPEC §13): a plan's `incentives` turn each trial's revenue into
//! rewards and payouts, partner by partner, as a ledger whose identity holds to the
//! minor unit in every trial: `earned = paid + held + clawedBack + balance`.
//!
//! - [`check`]: the plan's `incentives` checked into an [`IncentiveModel`] (every bad
//!   value reported with its path; nothing is simulated from a half-valid plan);
//! - [`deals`]: the log of each deal's monthly revenue and churn, kept by the trial;
//! - [`schedule`]: rewards earned on each deal (rate schedule by month since booking,
//!   bounty, adoption) and the threshold bonuses on the period's revenue;
//! - [`ledger`]: hold, instalments, minimum payout and clawback netting;
//! - [`mdf`]: the MDF pool's cash; [`trial`]: one trial's payouts;
//! - [`summary`]: the accumulators and the reported statistics. The plan in words for
//!   the agreement is the agreement's own section (`agreement/incentives.rs`).
//!
//! A partner named by a rate, threshold or adoption rule earns these rewards instead of
//! its split share; the other partners keep their split share, paid as recognised. With
//! incentives, ROPI and payback count the cash actually paid (plus MDF cash).

pub mod adoption;
pub mod check;
mod check_rules;
pub mod deals;
pub mod ledger;
pub mod mdf;
pub mod schedule;
pub mod summary;
pub mod trial;

pub use check::check_incentives;
pub use deals::DealLog;
pub use ledger::{run_ledger, Book, LedgerRules};
pub use trial::Payouts;

/// Parts per million: rates are kept as integer millionths of the revenue.
pub const PPM: i64 = 1_000_000;

/// The checked incentives.
#[derive(Clone, Debug, PartialEq)]
pub struct IncentiveModel {
    /// Per partner (plan order): its rewards, or `None` when it keeps its split share.
    pub rewards: Vec<Option<Reward>>,
    /// Hold, instalments and minimum payout.
    pub ledger: LedgerRules,
    /// Clawback window in months since booking (0: none).
    pub clawback: usize,
    /// The MDF pool.
    pub mdf: Option<MdfModel>,
}

impl IncentiveModel {
    /// True when partner `i` earns rewards instead of its split share.
    pub fn rewarded(&self, i: usize) -> bool {
        matches!(self.rewards.get(i), Some(Some(_)))
    }
}

/// One partner's reward rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reward {
    /// Rate in ppm by month since booking (index 0 = the booking month), horizon long.
    pub rate_by_age: Vec<i64>,
    /// Bounty per booking in minor units.
    pub bounty: i64,
    /// Threshold tiers.
    pub tiers: Option<TierModel>,
    /// Adoption rewards.
    pub adoption: Option<AdoptionModel>,
}

/// Threshold tiers on the plan's revenue per period.
#[derive(Clone, Debug, PartialEq)]
pub struct TierModel {
    /// Months per period (1, 3 or 12).
    pub len: usize,
    /// Rolling window (true) or reset at each period start.
    pub running: bool,
    /// (revenue in minor units, bonus ppm), ascending revenue.
    pub tiers: Vec<(i64, i64)>,
}

/// Adoption rewards of a consumption customer.
#[derive(Clone, Debug, PartialEq)]
pub struct AdoptionModel {
    /// ppm of each month's consumption above the first month's.
    pub growth: i64,
    /// (monthly consumption level, bonus), ascending level, in minor units.
    pub milestones: Vec<(i64, i64)>,
}

/// The MDF pool, with each request's approved amount settled (approval does not
/// depend on chance).
#[derive(Clone, Debug, PartialEq)]
pub struct MdfModel {
    /// Contribution per partner (plan order), paid in month 1.
    pub contributions: Vec<i64>,
    /// (partner index, month index, approved amount), in the order of approval (by
    /// month, then as listed).
    pub claims: Vec<(usize, usize, i64)>,
    /// Probability that a claim is rejected.
    pub reject: f64,
    /// Months from claim to reimbursement.
    pub delay: usize,
}
