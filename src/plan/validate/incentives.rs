//! The incentive plan's warnings (SPEC §13): incentives that are valid but cannot work
//! as written — a threshold tier that no simulated trial reaches, a clawback window
//! longer than the customer's term, and MDF requests beyond the pool. Bad values
//! themselves (brackets out of order, negative rates, …) are `plan.simulatable` errors.

use crate::plan::incentives::schedule::period_revenue;
use crate::plan::incentives::TierModel;
use crate::plan::sim::Simulation;
use crate::plan::types::{Offer, Plan, SimulateRequest, ThresholdMode, ThresholdPeriod};
use crate::plan::validate::findings::Findings;

/// Trials simulated to see whether a threshold can be reached (seed 0).
pub const THRESHOLD_TRIALS: u64 = 1_000;

/// `incentives.threshold.unreached`, `incentives.clawback.term`, `incentives.mdf.pool`.
pub fn incentives(plan: &Plan, o: &mut Findings) {
    let Some(inc) = &plan.incentives else { return };
    if let (Some(c), Some(Offer::Subscription { term_months, .. } | Offer::Consumption { term_months, .. })) =
        (inc.clawback_months, &plan.offer)
    {
        if c > *term_months {
            o.add(
                "incentives.clawback.term",
                "incentives.clawbackMonths",
                format!("the clawback window of {c} months is longer than the customer's term of {term_months} months; shorten it to the term or less"),
            );
        }
    }
    if let Some(m) = &inc.mdf {
        let sum = |it: &mut dyn Iterator<Item = rust_decimal::Decimal>| {
            it.fold(rust_decimal::Decimal::ZERO, |a, x| a.saturating_add(x))
        };
        let pool = sum(&mut m.contributions.values().map(|x| x.0));
        let asked = sum(&mut m.requests.iter().map(|r| r.amount.0));
        if asked > pool {
            o.add(
                "incentives.mdf.pool",
                "incentives.mdf",
                format!("the MDF requests add up to {asked}, more than the pool of {pool}: the later requests will not be approved in full; raise the contributions or lower the requests"),
            );
        }
    }
    if !inc.thresholds.is_empty() {
        unreached(plan, o);
    }
}

/// Each tier's revenue against the highest period revenue of [`THRESHOLD_TRIALS`]
/// simulated trials (nothing is reported when the plan cannot be simulated yet).
fn unreached(plan: &Plan, o: &mut Findings) {
    let req = SimulateRequest {
        plan: plan.clone(),
        trials: Some(THRESHOLD_TRIALS),
        seed: Some(0),
    };
    let Ok(sim) = Simulation::new(req) else { return };
    let minor = sim.minor_units();
    let Some(inc) = &plan.incentives else { return };
    let models: Vec<TierModel> = (inc.thresholds.iter())
        .map(|t| TierModel {
            len: match t.period {
                ThresholdPeriod::Month => 1,
                ThresholdPeriod::Quarter => 3,
                ThresholdPeriod::Year => 12,
            },
            running: t.mode == ThresholdMode::Running,
            tiers: Vec::new(),
        })
        .collect();
    let mut peak = vec![0i64; models.len()];
    for t in 0..THRESHOLD_TRIALS {
        let Ok(trial) = sim.trial(t) else { return };
        for (tm, best) in models.iter().zip(peak.iter_mut()) {
            for m in 0..trial.revenue.len() {
                *best = (*best).max(period_revenue(tm, &trial.revenue, m).1);
            }
        }
    }
    for (k, (t, best)) in inc.thresholds.iter().zip(peak).enumerate() {
        for (j, tier) in t.tiers.iter().enumerate() {
            let Ok(units) = tier.revenue.to_units(minor) else {
                continue;
            };
            if units > i128::from(best) {
                o.add(
                    "incentives.threshold.unreached",
                    format!("incentives.thresholds[{k}].tiers[{j}].revenue"),
                    format!("no simulated outcome reaches {} in a period (the highest of {THRESHOLD_TRIALS} trials is {}); lower the threshold or drop the tier", tier.revenue, crate::plan::sim::report::money(i128::from(best), minor)),
                );
            }
        }
    }
}
