//! The simulation model of a joint plan (SPEC §6): the checked numbers the Monte Carlo
//! simulation runs on, built from a plan by [`check_plan`] with every impossible value
//! reported at once with its path: p90 below the median, churn outside 0..1, horizon 0,
//! shares that do not add up, bad money, ….
//!
//! One checker per part of the plan: [`terms`] (currency, horizon, partners,
//! exclusivity), [`offer`], [`pipeline`] and [`objectives`]. `validate` reports the same
//! problems as findings, so a plan that validates can be simulated.

mod checks;
pub mod investment;
pub mod objectives;
pub mod offer;
pub mod pipeline;
pub mod terms;

pub use investment::Investment;
pub use objectives::{parse_metric, Metric, ObjectiveModel};
pub use offer::OfferModel;
pub use pipeline::{MAX_RATE, Z90};
pub use terms::PartnerModel;

use crate::error::{DealteamError, Problems, Result};
use crate::model::{MAX_OBJECTIVES, MAX_PLAN_MONTHS, MAX_PLAN_PARTNERS, MAX_SIMULATED_MONTHS, MAX_TRIALS};
use crate::money::Currency;
use crate::plan::types::Plan;
use crate::splits::PreparedSplit;

/// Default number of trials.
pub const DEFAULT_TRIALS: u64 = 10_000;

/// Everything the simulation needs, checked.
#[derive(Clone, Debug)]
pub struct Model {
    /// Currency.
    pub currency: Currency,
    /// Minor units of every amount (the currency's).
    pub minor: u32,
    /// Deal sizes are rounded to multiples of this many minor units (10^(minor − minorUnits)).
    pub deal_quantum: i64,
    /// Months.
    pub horizon: usize,
    /// Partners in plan order.
    pub partners: Vec<PartnerModel>,
    /// λ per month (index 0 = month 1).
    pub rates: Vec<f64>,
    /// Win probability.
    pub win: f64,
    /// Lognormal μ of the deal size in currency units.
    pub mu: f64,
    /// Lognormal σ.
    pub sigma: f64,
    /// Sales cycle min/mode/max in days.
    pub cycle: (f64, f64, f64),
    /// Revenue model.
    pub offer: OfferModel,
    /// The split, prepared for the partners.
    pub split: PreparedSplit,
    /// Objectives.
    pub objectives: Vec<ObjectiveModel>,
    /// Incentives (SPEC §13), when the plan has them.
    pub incentives: Option<crate::plan::incentives::IncentiveModel>,
}

/// Check `trials` (default 10,000; 1..=10,000,000).
pub fn check_trials(trials: Option<u64>) -> Result<u64> {
    let t = trials.unwrap_or(DEFAULT_TRIALS);
    if t == 0 {
        return Err(DealteamError::invalid("trials", "run at least 1 trial"));
    }
    if t > MAX_TRIALS as u64 {
        return Err(DealteamError::too_large(
            "trials",
            "simulation trials",
            MAX_TRIALS,
            t.min(usize::MAX as u64) as usize,
        ));
    }
    Ok(t)
}

/// The work of simulating `plan` `trials` times in one call: trials × months ×
/// (partners + objectives), each count clamped to its limit (more is refused by
/// [`check_plan`] with its own message).
pub fn simulated_months(trials: u64, plan: &Plan) -> u128 {
    let months = plan.horizon_months.unwrap_or(0).min(MAX_PLAN_MONTHS as u32);
    let rows = plan
        .partners
        .len()
        .min(MAX_PLAN_PARTNERS)
        .saturating_add(plan.objectives.len().min(MAX_OBJECTIVES));
    u128::from(trials)
        .saturating_mul(u128::from(months))
        .saturating_mul(rows.max(1) as u128)
}

/// Check that one call's simulation (`validate`, `agreement`, `audit`: they run all
/// their trials at once) stays within [`MAX_SIMULATED_MONTHS`], so that it finishes within about two
/// seconds (docs/limits.md); over it, a `too_large` error at `trials` saying how many
/// trials this plan allows. The stepped `Simulation` has no such limit.
pub fn check_one_call_work(trials: u64, plan: &Plan) -> Result<()> {
    let work = simulated_months(trials, plan);
    let limit = MAX_SIMULATED_MONTHS as u128;
    if work <= limit {
        return Ok(());
    }
    // at the plan limits one trial is 600 × 1,100 = 660,000 months: at least 60 trials fit
    let allowed = limit.checked_div(simulated_months(1, plan)).unwrap_or(limit);

    Err(DealteamError::new(
        crate::error::ErrorCode::TooLarge,
        "trials",
        format!(
            "{trials} trials of this plan are {work} simulated months (trials × months × (partners + objectives)); \
             the limit is {MAX_SIMULATED_MONTHS} simulated months per call: use at most {allowed} trials for this \
             plan"
        ),
    ))
}

/// Check a plan for simulation (SPEC §6): every problem is reported, the first as the
/// error and the rest in `others` (in the order of the checkers below).
pub fn check_plan(plan: &Plan) -> Result<Model> {
    let mut p = Problems::new();
    let (cur, minor, deal_quantum) = terms::check_currency(&mut p, plan);
    let checked_horizon = terms::check_horizon(&mut p, plan.horizon_months);
    let horizon = checked_horizon.unwrap_or(1);
    let partners = terms::check_partners(&mut p, plan, minor);
    let offer = offer::check_offer(&mut p, plan.offer.as_ref());
    let pipe = pipeline::check_pipeline(&mut p, plan.pipeline.as_ref(), horizon, minor);
    let ids: Vec<String> = plan.partners.iter().map(|x| x.id.clone()).collect();
    let split = terms::check_split(&mut p, plan, &ids, &cur);
    let objectives = objectives::check_objectives(&mut p, &plan.objectives, &ids, checked_horizon, minor);
    terms::check_exclusivity(&mut p, plan, &ids);
    let incentives = (plan.incentives.as_ref())
        .map(|inc| crate::plan::incentives::check_incentives(&mut p, inc, plan, horizon, minor, &offer));
    p.finish()?;
    let split = split.ok_or_else(|| DealteamError::invalid("split", "the split could not be prepared"))?;
    Ok(Model {
        currency: cur,
        minor,
        deal_quantum,
        horizon,
        partners,
        rates: pipe.rates,
        win: pipe.win,
        mu: pipe.mu,
        sigma: pipe.sigma,
        cycle: pipe.cycle,
        offer,
        split,
        objectives,
        incentives,
    })
}
