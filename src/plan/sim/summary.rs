//! The running summary of a simulation (SPEC §6): each trial's months added to
//! fixed-memory accumulators — exact integer sums for the means, histograms for the
//! quantiles, payback months and objective hits — so memory does not grow with trials.
// Months mi < horizon ≤ MAX_PLAN_MONTHS (600), partners i < p ≤ MAX_PLAN_PARTNERS (100):
// mi·p + i < 60,000; counts ≤ trials ≤ MAX_TRIALS (10⁷); sums of i64 units over ≤ 10⁷
// trials fit i128. Hot path of the simulation.
#![allow(clippy::arithmetic_side_effects)]

use crate::plan::incentives::summary::PayoutSummary;
use crate::plan::model::{Investment, Metric, Model};
use crate::plan::sim::stats::{MoneyAcc, MonthCounts, RatioAcc};
use crate::plan::sim::trial::Trial;

/// Accumulators of one month (or of the totals).
#[derive(Clone, Debug, Default)]
pub(crate) struct Period {
    pub bookings: MoneyAcc,
    pub revenue: MoneyAcc,
    /// Per partner.
    pub shares: Vec<MoneyAcc>,
    /// Per partner: ROPI of the cumulative figures (only when something was invested).
    pub ropi: Vec<RatioAcc>,
}

impl Period {
    fn new(partners: usize) -> Period {
        Period {
            shares: vec![MoneyAcc::default(); partners],
            ropi: vec![RatioAcc::default(); partners],
            ..Period::default()
        }
    }

    fn buckets(&self) -> usize {
        self.bookings.q.buckets()
            + self.revenue.q.buckets()
            + self.shares.iter().map(|a| a.q.buckets()).sum::<usize>()
            + self.ropi.iter().map(|a| a.q.buckets()).sum::<usize>()
    }
}

/// Everything summarised so far.
#[derive(Clone, Debug)]
pub(crate) struct Summary {
    pub months: Vec<Period>,
    pub total: Period,
    /// Per partner.
    pub payback: Vec<MonthCounts>,
    /// Per objective: trials that reached the target, and the sum of the metric.
    pub objectives: Vec<(u64, i128)>,
    pub deals: u64,
    pub trials: u64,
    /// The incentive ledgers (SPEC §13), when the plan has incentives.
    pub payouts: Option<PayoutSummary>,
}

/// One trial's per-partner running figures over its months.
struct PartnerRun {
    /// Cumulative share per partner.
    cum_share: Vec<i64>,
    /// Cumulative cash per partner (the share, or with incentives what was paid).
    cum_cash: Vec<i64>,
    /// First month (1-based) in which the cumulative share covers the investment.
    payback: Vec<Option<usize>>,
}

impl Summary {
    /// Empty accumulators for `model`.
    pub fn new(model: &Model) -> Summary {
        let p = model.partners.len();
        let h = model.horizon;
        Summary {
            months: (0..h).map(|_| Period::new(p)).collect(),
            total: Period::new(p),
            payback: (0..p).map(|_| MonthCounts::new(h)).collect(),
            objectives: vec![(0, 0); model.objectives.len()],
            deals: 0,
            trials: 0,
            payouts: model.incentives.as_ref().map(|_| PayoutSummary::new(p, h)),
        }
    }

    /// Histogram buckets held (the memory of a run).
    pub fn buckets(&self) -> usize {
        self.months.iter().map(Period::buckets).sum::<usize>()
            + self.total.buckets()
            + self.payouts.as_ref().map(PayoutSummary::buckets).unwrap_or(0)
    }

    /// Add one trial.
    pub fn absorb(&mut self, m: &Model, invest: &Investment, t: &Trial) {
        let run = self.absorb_months(m, invest, t);
        self.absorb_totals(m, invest, t, &run);
        self.absorb_objectives(m, t);
        self.deals += t.deals;
        self.trials += 1;
        if let Some(ps) = &mut self.payouts {
            ps.absorb(&t.payouts);
        }
    }

    /// Every month's figures; returns the partners' running figures.
    fn absorb_months(&mut self, m: &Model, invest: &Investment, t: &Trial) -> PartnerRun {
        let p = m.partners.len();
        let mut run = PartnerRun {
            cum_share: vec![0i64; p],
            cum_cash: vec![0i64; p],
            payback: vec![None; p],
        };
        for (mi, per) in self.months.iter_mut().enumerate() {
            per.bookings.add(t.bookings.get(mi).copied().unwrap_or(0));
            per.revenue.add(t.revenue.get(mi).copied().unwrap_or(0));
            for i in 0..p {
                let sh = t.shares.get(mi * p + i).copied().unwrap_or(0);
                if let Some(c) = run.cum_share.get_mut(i) {
                    *c = c.saturating_add(sh);
                }
                let cs = run.cum_cash.get_mut(i).map(|c| {
                    *c = c.saturating_add(cash(m, t, sh, mi, i));
                    *c
                });
                let inv = invest.cumulative(mi, i);
                if let Some(acc) = per.shares.get_mut(i) {
                    acc.add(sh);
                }
                let Some(cs) = cs else { continue };
                if inv > 0 {
                    if let Some(acc) = per.ropi.get_mut(i) {
                        acc.add(ropi(cs, inv));
                    }
                }
                if let Some(pb) = run.payback.get_mut(i) {
                    if pb.is_none() && cs >= inv {
                        *pb = Some(mi + 1);
                    }
                }
            }
        }
        run
    }

    /// The horizon's totals and payback months.
    fn absorb_totals(&mut self, m: &Model, invest: &Investment, t: &Trial, run: &PartnerRun) {
        let h = m.horizon;
        let sum = |v: &[i64]| v.iter().take(h).fold(0i64, |a, &x| a.saturating_add(x));
        self.total.bookings.add(sum(&t.bookings));
        self.total.revenue.add(sum(&t.revenue));
        let last = h.saturating_sub(1);
        for i in 0..m.partners.len() {
            let cs = run.cum_share.get(i).copied().unwrap_or(0);
            let inv = invest.cumulative(last, i);
            if let Some(acc) = self.total.shares.get_mut(i) {
                acc.add(cs);
            }
            if inv > 0 {
                if let Some(acc) = self.total.ropi.get_mut(i) {
                    acc.add(ropi(run.cum_cash.get(i).copied().unwrap_or(0), inv));
                }
            }
            if let Some(c) = self.payback.get_mut(i) {
                c.add(run.payback.get(i).copied().flatten());
            }
        }
    }

    /// Each objective's metric up to its month: the sum and whether it hit the target.
    fn absorb_objectives(&mut self, m: &Model, t: &Trial) {
        let p = m.partners.len();
        for (o, acc) in m.objectives.iter().zip(self.objectives.iter_mut()) {
            let upto = o.by_month.min(m.horizon);
            let v: i128 = match o.metric {
                Metric::Bookings => t.bookings.iter().take(upto).map(|&x| i128::from(x)).sum(),
                Metric::Revenue => t.revenue.iter().take(upto).map(|&x| i128::from(x)).sum(),
                Metric::Share(i) => (0..upto)
                    .map(|mi| i128::from(t.shares.get(mi * p + i).copied().unwrap_or(0)))
                    .sum(),
            };
            acc.1 += v;
            if v >= o.target {
                acc.0 += 1;
            }
        }
    }
}

/// The cash partner `i` receives in month index `mi` (its share `sh` without
/// incentives): with incentives (SPEC §13), a rewarded partner's payouts instead of its
/// share, plus every partner's MDF cash.
fn cash(m: &Model, t: &Trial, sh: i64, mi: usize, i: usize) -> i64 {
    let Some(inc) = &m.incentives else { return sh };
    let pay = &t.payouts;
    let base = if inc.rewarded(i) { pay.at(&pay.paid, i, mi) } else { sh };
    base.saturating_add(pay.at(&pay.mdf, i, mi))
}

/// ROPI = (share − investment) / investment (SPEC §6), for investment > 0.
pub fn ropi(share: i64, investment: i64) -> f64 {
    (share as f64 - investment as f64) / investment as f64
}
