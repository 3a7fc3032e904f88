//! The stepped Monte Carlo simulation of a joint plan (SPEC §6): a handle that runs
//! trials within a time budget per `step`, can be cancelled, and summarises in fixed
//! memory.
//!
//! Random streams: trial `t` (0-based) draws from
//! `ChaCha12Rng::seed_from_u64(seed)` with `set_stream(t)`, from its start. A trial's
//! draws therefore depend only on the seed and its index, never on how the trials
//! were chunked into steps or on the time budget.

use crate::clock::Ctx;
use crate::error::{DealteamError, Result};
use crate::money::Money;
use crate::plan::check::{check_plan, check_trials, Metric, Model};
use crate::plan::stats::{MoneyAcc, MonthCounts, RatioAcc};
use crate::plan::trial::{run_trial, Samplers, Trial};
use crate::plan::types::{SimProgress, SimulateRequest, SimulateResponse};
use rand::SeedableRng;
use rand_chacha::ChaCha12Rng;

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
}

/// A joint-plan simulation in steps (SPEC §6, §10 `Simulation`).
pub struct Simulation {
    pub(crate) model: Model,
    samplers: Samplers,
    base: ChaCha12Rng,
    pub(crate) seed: u64,
    trials: u64,
    done: u64,
    cancelled: bool,
    pub(crate) summary: Summary,
    buf: Trial,
    /// Cumulative investment per partner and month (`[m * P + i]`).
    pub(crate) invest_cum: Vec<i64>,
}

impl Simulation {
    /// Check the request and prepare the run; nothing is simulated yet.
    pub fn new(req: SimulateRequest) -> Result<Self> {
        let trials = check_trials(req.trials)?;
        let model = check_plan(&req.plan).map_err(|e| e.under("plan"))?;
        let seed = req.seed.unwrap_or(0);
        let samplers = Samplers::new(&model)?;
        let p = model.partners.len();
        let h = model.horizon;
        let period = || Period {
            shares: vec![MoneyAcc::default(); p],
            ropi: vec![RatioAcc::default(); p],
            ..Period::default()
        };
        let mut invest_cum = vec![0i64; h * p];
        for (i, pt) in model.partners.iter().enumerate() {
            let mut cum = pt.upfront;
            for m in 0..h {
                cum = cum.saturating_add(pt.monthly);
                if let Some(x) = invest_cum.get_mut(m * p + i) {
                    *x = cum;
                }
            }
        }
        let summary = Summary {
            months: (0..h).map(|_| period()).collect(),
            total: period(),
            payback: (0..p).map(|_| MonthCounts::new(h)).collect(),
            objectives: vec![(0, 0); model.objectives.len()],
            deals: 0,
            trials: 0,
        };
        Ok(Simulation {
            buf: Trial::for_model(&model),
            samplers,
            base: ChaCha12Rng::seed_from_u64(seed),
            seed,
            trials,
            done: 0,
            cancelled: false,
            summary,
            invest_cum,
            model,
        })
    }

    /// Run trials until `budget_ms` has passed on `ctx`'s clock (at least one trial per
    /// call) or all are done.
    pub fn step(&mut self, budget_ms: f64, ctx: &Ctx) -> Result<SimProgress> {
        let start = (ctx.now_ms)();
        let mut n = 0u64;
        while self.done < self.trials && !self.cancelled {
            let mut buf = std::mem::take(&mut self.buf);
            let r = self.run_into(self.done, &mut buf);
            self.buf = buf;
            r?;
            self.absorb();
            self.done += 1;
            n += 1;
            if n % 8 == 0 && (ctx.now_ms)() - start >= budget_ms {
                break;
            }
        }
        Ok(self.progress())
    }

    /// Progress so far.
    pub fn progress(&self) -> SimProgress {
        SimProgress {
            done: self.done >= self.trials || self.cancelled,
            progress: self.done as f64 / self.trials as f64,
            trials_done: self.done,
            trials: self.trials,
        }
    }

    /// Stop: later steps do nothing and [`Simulation::result`] returns `cancelled`.
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// The summary of the trials done so far: all of them once `done`; an error
    /// (`cancelled`) after [`Simulation::cancel`], and `invalid_value` before the first
    /// trial.
    pub fn result(&self) -> Result<SimulateResponse> {
        if self.cancelled {
            return Err(DealteamError::cancelled());
        }
        if self.done == 0 {
            return Err(DealteamError::invalid("", "no trial has run yet; call step() first"));
        }
        crate::plan::report::response(self)
    }

    /// Run trial `t` (0-based) on its own and return its months — the per-trial view
    /// behind the summary (for tests and for inspecting single scenarios).
    pub fn trial(&self, t: u64) -> Result<Trial> {
        let mut out = Trial::for_model(&self.model);
        self.run_into(t, &mut out)?;
        Ok(out)
    }

    fn run_into(&self, t: u64, out: &mut Trial) -> Result<()> {
        let mut rng = self.base.clone();
        rng.set_stream(t);
        run_trial(&self.model, &self.samplers, &mut rng, out)
    }

    /// Add the trial in `self.buf` to the summary.
    fn absorb(&mut self) {
        let m = &self.model;
        let s = &mut self.summary;
        let t = &self.buf;
        let p = m.partners.len();
        let mut cum_share = vec![0i64; p];
        let mut payback: Vec<Option<usize>> = vec![None; p];
        let (mut tot_b, mut tot_r) = (0i64, 0i64);
        for (mi, per) in s.months.iter_mut().enumerate() {
            let b = t.bookings.get(mi).copied().unwrap_or(0);
            let r = t.revenue.get(mi).copied().unwrap_or(0);
            tot_b = tot_b.saturating_add(b);
            tot_r = tot_r.saturating_add(r);
            per.bookings.add(b);
            per.revenue.add(r);
            for i in 0..p {
                let sh = t.shares.get(mi * p + i).copied().unwrap_or(0);
                let cs = cum_share.get_mut(i).map(|c| {
                    *c = c.saturating_add(sh);
                    *c
                });
                let inv = self.invest_cum.get(mi * p + i).copied().unwrap_or(0);
                if let Some(acc) = per.shares.get_mut(i) {
                    acc.add(sh);
                }
                if let Some(cs) = cs {
                    if inv > 0 {
                        if let Some(acc) = per.ropi.get_mut(i) {
                            acc.add(ropi(cs, inv));
                        }
                    }
                    if let Some(pb) = payback.get_mut(i) {
                        if pb.is_none() && cs >= inv {
                            *pb = Some(mi + 1);
                        }
                    }
                }
            }
        }
        s.total.bookings.add(tot_b);
        s.total.revenue.add(tot_r);
        let last = m.horizon.saturating_sub(1);
        for i in 0..p {
            let cs = cum_share.get(i).copied().unwrap_or(0);
            let inv = self.invest_cum.get(last * p + i).copied().unwrap_or(0);
            if let Some(acc) = s.total.shares.get_mut(i) {
                acc.add(cs);
            }
            if inv > 0 {
                if let Some(acc) = s.total.ropi.get_mut(i) {
                    acc.add(ropi(cs, inv));
                }
            }
            if let Some(c) = s.payback.get_mut(i) {
                c.add(payback.get(i).copied().flatten());
            }
        }
        for (o, acc) in m.objectives.iter().zip(s.objectives.iter_mut()) {
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
        s.deals += t.deals;
        s.trials += 1;
    }

    /// Histogram buckets held by the summary: the memory of a run, which depends on
    /// the months, the partners and the spread of the values, not on the trials.
    pub fn buckets(&self) -> usize {
        let period = |p: &Period| {
            p.bookings.q.buckets()
                + p.revenue.q.buckets()
                + p.shares.iter().map(|a| a.q.buckets()).sum::<usize>()
                + p.ropi.iter().map(|a| a.q.buckets()).sum::<usize>()
        };
        self.summary.months.iter().map(period).sum::<usize>() + period(&self.summary.total)
    }

    /// The checked currency's minor units (for callers converting units).
    pub fn minor_units(&self) -> u32 {
        self.model.minor
    }

    /// An amount in minor units as money.
    pub(crate) fn money(&self, units: i128) -> Money {
        Money::from_units(units, self.model.minor).unwrap_or(Money::ZERO)
    }
}

/// ROPI = (share − investment) / investment (SPEC §6), for investment > 0.
pub fn ropi(share: i64, investment: i64) -> f64 {
    (share as f64 - investment as f64) / investment as f64
}
