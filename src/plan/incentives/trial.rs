//! One trial's payouts (SPEC §13): from the trial's revenue and its deal log, each
//! rewarded partner's rewards and clawbacks by month, its ledger, and every partner's
//! MDF cash. All figures are partner-major: `v[i * months + m]`.
// Partners i < p ≤ MAX_PLAN_PARTNERS (100), months < h ≤ MAX_PLAN_MONTHS (600): i·h + m <
// 60,000; booked + len ≤ h. Hot loop of the incentive simulation.
#![allow(clippy::arithmetic_side_effects)]

use crate::plan::incentives::deals::DealLog;
use crate::plan::incentives::ledger::{run_ledger, Book};
use crate::plan::incentives::mdf::mdf_cash;
use crate::plan::incentives::schedule::{deal_rewards, tier_bonus};
use crate::plan::incentives::IncentiveModel;
use crate::rng::ChaCha12Rng;

/// One trial's ledger of every partner, in minor units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Payouts {
    /// Partners.
    pub partners: usize,
    /// Months.
    pub months: usize,
    /// Rewards earned in the month.
    pub earned: Vec<i64>,
    /// Rewards reversed in the month.
    pub clawed: Vec<i64>,
    /// Paid in the month.
    pub paid: Vec<i64>,
    /// Held at the month's end.
    pub held: Vec<i64>,
    /// Balance at the month's end.
    pub balance: Vec<i64>,
    /// MDF cash in the month.
    pub mdf: Vec<i64>,
    due: Vec<i64>,
}

impl Payouts {
    /// Buffers for `partners` over `months`.
    pub fn new(partners: usize, months: usize) -> Payouts {
        let z = vec![0i64; partners * months];
        Payouts {
            partners,
            months,
            earned: z.clone(),
            clawed: z.clone(),
            paid: z.clone(),
            held: z.clone(),
            balance: z.clone(),
            mdf: z,
            due: Vec::with_capacity(months),
        }
    }

    /// Partner `i`'s figure of month index `m` in `v` (one of the fields).
    pub fn at(&self, v: &[i64], i: usize, m: usize) -> i64 {
        v.get(i * self.months + m).copied().unwrap_or(0)
    }

    /// Partner `i`'s months of `v`.
    pub fn row<'a>(&self, v: &'a [i64], i: usize) -> &'a [i64] {
        v.get(i * self.months..(i + 1) * self.months).unwrap_or(&[])
    }

    /// Compute the trial's payouts from its revenue by month and its deal log; the
    /// MDF claims draw from `rng`.
    pub fn run(&mut self, inc: &IncentiveModel, revenue: &[i64], log: &DealLog, rng: &mut ChaCha12Rng) {
        self.earn(inc, revenue, log);
        self.settle(inc);
        if let Some(pool) = &inc.mdf {
            mdf_cash(pool, self.months, rng, &mut self.mdf);
        }
    }

    /// Each rewarded partner's rewards and clawbacks by month, from the revenue by month
    /// (for the thresholds) and the deal log (also `auditPlan`'s, on actual customers).
    pub fn earn(&mut self, inc: &IncentiveModel, revenue: &[i64], log: &DealLog) {
        let h = self.months;
        self.earned.iter_mut().for_each(|x| *x = 0);
        self.clawed.iter_mut().for_each(|x| *x = 0);
        for (i, reward) in inc.rewards.iter().enumerate() {
            let Some(r) = reward else { continue };
            let Some(earned) = self.earned.get_mut(i * h..(i + 1) * h) else {
                continue;
            };
            if let Some(t) = &r.tiers {
                for (m, slot) in earned.iter_mut().enumerate() {
                    *slot = slot.saturating_add(tier_bonus(t, revenue, m));
                }
            }
            for d in &log.deals {
                let total = deal_rewards(r, d.booked, log.revenue_of(d), earned);
                let gone = d.booked + d.len; // the month the customer is known to have left
                if d.churned && d.len <= inc.clawback && gone < h && total != 0 {
                    if let Some(c) = self.clawed.get_mut(i * h + gone) {
                        *c = c.saturating_add(total);
                    }
                }
            }
        }
    }

    /// Run every rewarded partner's ledger over its earned and clawed-back months.
    pub fn settle(&mut self, inc: &IncentiveModel) {
        let h = self.months;
        for i in 0..self.partners {
            let (a, b) = (i * h, (i + 1) * h);
            let (Some(paid), Some(held), Some(balance)) = (
                self.paid.get_mut(a..b),
                self.held.get_mut(a..b),
                self.balance.get_mut(a..b),
            ) else {
                continue;
            };
            if !inc.rewarded(i) {
                paid.iter_mut()
                    .chain(held.iter_mut())
                    .chain(balance.iter_mut())
                    .for_each(|x| *x = 0);
                continue;
            }
            let (Some(earned), Some(clawed)) = (self.earned.get(a..b), self.clawed.get(a..b)) else {
                continue;
            };
            run_ledger(&inc.ledger, earned, clawed, &mut self.due, Book { paid, held, balance });
        }
    }

    /// The ledger identity of SPEC §13 for partner `i` after month index `m`:
    /// earned so far = paid so far + held + clawed back so far + balance.
    pub fn identity_holds(&self, i: usize, m: usize) -> bool {
        let upto = |v: &[i64]| -> i128 { self.row(v, i).iter().take(m + 1).map(|&x| i128::from(x)).sum() };
        upto(&self.earned)
            == upto(&self.paid)
                + i128::from(self.at(&self.held, i, m))
                + upto(&self.clawed)
                + i128::from(self.at(&self.balance, i, m))
    }
}
