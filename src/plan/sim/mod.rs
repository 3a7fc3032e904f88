//! The stepped Monte Carlo simulation of a joint plan (SPEC §6): a handle that runs
//! trials within a time budget per `step`, can be cancelled, and summarises in fixed
//! memory.
//!
//! Random streams: trial `t` (0-based) draws from
//! `ChaCha12Rng::seed_from_u64(seed)` with `set_stream(t)`, from its start. A trial's
//! draws therefore depend only on the seed and its index, never on how the trials
//! were chunked into steps or on the time budget.
//!
//! Parts: [`trial`] runs one trial, `summary` adds it to the accumulators of
//! [`stats`], and [`report`] turns those into the `simulate` response.

pub mod condition;
pub mod report;
pub mod stats;
mod summary;
pub mod trial;

pub use condition::Given;
pub use summary::ropi;

use crate::clock::Ctx;
use crate::error::{DealteamError, Result};
use crate::money::Money;
use crate::plan::model::{check_plan, check_trials, Investment, Model};
use crate::plan::types::{SimProgress, SimulateRequest, SimulateResponse};
use crate::rng::ChaCha12Rng;
use rand::SeedableRng;
use summary::Summary;
use trial::{run_trial, Samplers, Trial};

/// Run a simulation to the end (no time limit).
pub fn simulate(req: SimulateRequest, ctx: &Ctx) -> Result<SimulateResponse> {
    let mut sim = Simulation::new(req)?;
    while !sim.step(f64::INFINITY, ctx)?.done {}
    sim.result()
}

/// A joint-plan simulation in steps (SPEC §6, §10 `Simulation`).
pub struct Simulation {
    pub(crate) model: Model,
    samplers: Samplers,
    base: ChaCha12Rng,
    seed: u64,
    trials: u64,
    done: u64,
    cancelled: bool,
    summary: Summary,
    buf: Trial,
    /// Each partner's investment by month.
    pub(crate) invest: Investment,
}

impl Simulation {
    /// Check the request and prepare the run; nothing is simulated yet.
    pub fn new(req: SimulateRequest) -> Result<Self> {
        let trials = check_trials(req.trials)?;
        let model = check_plan(&req.plan).map_err(|e| e.under("plan"))?;
        let seed = req.seed.unwrap_or(0);
        let samplers = Samplers::new(&model)?;
        Ok(Simulation {
            buf: Trial::for_model(&model),
            samplers,
            base: ChaCha12Rng::seed_from_u64(seed),
            seed,
            trials,
            done: 0,
            cancelled: false,
            summary: Summary::new(&model),
            invest: Investment::new(&model.partners, model.horizon),
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
            self.summary.absorb(&self.model, &self.invest, &self.buf);
            self.done = self.done.saturating_add(1);
            n = n.saturating_add(1);

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
        report::response(&self.model, &self.summary, &self.invest, self.seed)
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

    /// Histogram buckets held by the summary: the memory of a run, which depends on
    /// the months, the partners and the spread of the values, not on the trials.
    pub fn buckets(&self) -> usize {
        self.summary.buckets()
    }

    /// The checked currency's minor units (for callers converting units).
    pub fn minor_units(&self) -> u32 {
        self.model.minor
    }

    /// An amount in minor units as money.
    pub(crate) fn money(&self, units: i128) -> Money {
        report::money(units, self.model.minor)
    }
}
