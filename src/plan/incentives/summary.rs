//! The payouts of many trials in fixed memory (SPEC §13): for each partner and month,
//! and over the horizon, exact sums (means) and histograms (quantiles) of earned, paid,
//! held, clawed back, balance and MDF cash. The horizon's means keep the ledger
//! identity exactly: earned is rounded on its own, the other four add up to it by the
//! leftover rule of SPEC §4 ([`means_adding_up`]).

use crate::plan::incentives::trial::Payouts;
use crate::plan::sim::report::{mean_units, means_adding_up, money_stats};
use crate::plan::sim::stats::MoneyAcc;
use crate::plan::types::PayoutStats;

/// The six series of one partner in one month (or over the horizon).
#[derive(Clone, Debug, Default)]
struct Series {
    earned: MoneyAcc,
    paid: MoneyAcc,
    held: MoneyAcc,
    clawed: MoneyAcc,
    balance: MoneyAcc,
    mdf: MoneyAcc,
}

impl Series {
    fn add(&mut self, v: [i64; 6]) {
        let [e, p, h, c, b, m] = v;
        self.earned.add(e);
        self.paid.add(p);
        self.held.add(h);
        self.clawed.add(c);
        self.balance.add(b);
        self.mdf.add(m);
    }

    fn buckets(&self) -> usize {
        [
            &self.earned,
            &self.paid,
            &self.held,
            &self.clawed,
            &self.balance,
            &self.mdf,
        ]
        .iter()
        .map(|a| a.q.buckets())
        .sum()
    }
}

/// Accumulators of every partner's payouts.
#[derive(Clone, Debug, Default)]
pub struct PayoutSummary {
    partners: usize,
    /// `months[m * P + i]`.
    months: Vec<Series>,
    /// Per partner, over the horizon.
    total: Vec<Series>,
}

impl PayoutSummary {
    /// Empty accumulators.
    // m < months ≤ MAX_PLAN_MONTHS (600), i < partners ≤ MAX_PLAN_PARTNERS (100): m·p + i < 60,000
    #[allow(clippy::arithmetic_side_effects)]
    pub fn new(partners: usize, months: usize) -> PayoutSummary {
        PayoutSummary {
            partners,
            months: vec![Series::default(); partners * months],
            total: vec![Series::default(); partners],
        }
    }

    /// Histogram buckets held.
    pub fn buckets(&self) -> usize {
        self.months.iter().chain(&self.total).map(Series::buckets).sum()
    }

    /// Add one trial.
    // m < months ≤ MAX_PLAN_MONTHS (600), i < partners ≤ MAX_PLAN_PARTNERS (100): m·p + i < 60,000
    #[allow(clippy::arithmetic_side_effects)]
    pub fn absorb(&mut self, t: &Payouts) {
        let p = self.partners;
        for i in 0..p {
            let mut sum = [0i64; 6];
            for m in 0..t.months {
                let v = [
                    t.at(&t.earned, i, m),
                    t.at(&t.paid, i, m),
                    t.at(&t.held, i, m),
                    t.at(&t.clawed, i, m),
                    t.at(&t.balance, i, m),
                    t.at(&t.mdf, i, m),
                ];
                if let Some(s) = self.months.get_mut(m * p + i) {
                    s.add(v);
                }
                for (k, (s, x)) in sum.iter_mut().zip(v).enumerate() {
                    // held and balance are stocks: the horizon's is the last month's
                    *s = if k == 2 || k == 4 { x } else { s.saturating_add(x) };
                }
            }
            if let Some(s) = self.total.get_mut(i) {
                s.add(sum);
            }
        }
    }

    /// Partner `i` in month index `m`, over `n` trials.
    // m < months ≤ MAX_PLAN_MONTHS (600), i < partners ≤ MAX_PLAN_PARTNERS (100): m·p + i < 60,000
    #[allow(clippy::arithmetic_side_effects)]
    pub fn month(&self, m: usize, i: usize, n: u64, minor: u32) -> Option<PayoutStats> {
        let s = self.months.get(m * self.partners + i)?;
        let mean = |a: &MoneyAcc| money_stats(a, mean_units(a.sum, n), minor);
        Some(PayoutStats {
            earned: mean(&s.earned),
            paid: mean(&s.paid),
            held: mean(&s.held),
            clawed_back: mean(&s.clawed),
            balance: mean(&s.balance),
            mdf_cash: mean(&s.mdf),
        })
    }

    /// Partner `i` over the horizon, over `n` trials: the means keep the identity.
    pub fn total(&self, i: usize, n: u64, minor: u32) -> Option<PayoutStats> {
        let s = self.total.get(i)?;
        let parts = [s.paid.sum, s.held.sum, s.clawed.sum, s.balance.sum];
        let (earned, means) = means_adding_up(s.earned.sum, &parts, n);
        let at = |k: usize| means.get(k).copied().unwrap_or(0);
        Some(PayoutStats {
            earned: money_stats(&s.earned, earned, minor),
            paid: money_stats(&s.paid, at(0), minor),
            held: money_stats(&s.held, at(1), minor),
            clawed_back: money_stats(&s.clawed, at(2), minor),
            balance: money_stats(&s.balance, at(3), minor),
            mdf_cash: money_stats(&s.mdf, mean_units(s.mdf.sum, n), minor),
        })
    }
}
