//! Trials conditioned on what already happened — the hook behind the audit's
//! re-forecast (SPEC §15; the rule is in `plan::audit::reforecast` and docs/plans.md).
//!
//! A conditioned trial draws exactly what the plain trial of the same index draws (same
//! stream, same order); the deals it books before month index `from` are dropped (the
//! actuals stand in for them), and the `given` bookings and revenue per month are added
//! before the month-by-month split. With [`Given::NONE`] a trial is the plain one, bit
//! for bit.

use crate::error::{DealteamError, Result};
use crate::plan::sim::report::response;
use crate::plan::sim::summary::Summary;
use crate::plan::sim::trial::{run_trial_given, Trial};
use crate::plan::sim::Simulation;
use crate::plan::types::SimulateResponse;

/// What is known before a trial runs, in minor units per month (index 0 = month 1).
#[derive(Clone, Copy, Debug)]
pub struct Given<'a> {
    /// Deals booked before this month index are dropped (0: none).
    pub from: usize,
    /// Bookings added per month (shorter than the horizon: the rest is 0).
    pub bookings: &'a [i64],
    /// Revenue added per month (shorter than the horizon: the rest is 0).
    pub revenue: &'a [i64],
}

impl Given<'static> {
    /// Nothing given: the plain simulation.
    pub const NONE: Given<'static> = Given {
        from: 0,
        bookings: &[],
        revenue: &[],
    };
}

impl Given<'_> {
    /// Add the given bookings and revenue to a trial's months (before its split).
    pub(crate) fn add_to(&self, out: &mut Trial) {
        for (slot, &x) in out.bookings.iter_mut().zip(self.bookings) {
            *slot = slot.saturating_add(x);
        }
        for (slot, &x) in out.revenue.iter_mut().zip(self.revenue) {
            *slot = slot.saturating_add(x);
        }
    }
}

impl Simulation {
    /// Run every trial of the simulation conditioned on `given`, calling `visit` with
    /// each trial, and summarise them as `simulate` would. Independent of the trials
    /// this handle has stepped through.
    pub fn run_given(&self, given: &Given, mut visit: impl FnMut(&Trial)) -> Result<SimulateResponse> {
        if given.from > self.model.horizon {
            return Err(DealteamError::invalid("", "conditioned beyond the horizon"));
        }
        let mut summary = Summary::new(&self.model);
        let mut out = Trial::for_model(&self.model);
        for t in 0..self.trials {
            let mut rng = self.base.clone();
            rng.set_stream(t);
            run_trial_given(&self.model, &self.samplers, &mut rng, &mut out, given)?;
            summary.absorb(&self.model, &self.invest, &out);
            visit(&out);
        }
        response(&self.model, &summary, &self.invest, self.seed)
    }
}
