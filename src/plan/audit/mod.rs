//! `auditPlan` (SPEC §7, §15): the plan "audited against reality" — each reported
//! month's bookings, revenue, pipeline and costs against the plan's expectation, each
//! objective on or off track, the split recomputed on the actual revenue, and the
//! re-forecast of the remaining months conditioned on the actuals ([`reforecast`]), and
//! with incentives each rewarded partner's payouts recomputed on the actual customers
//! ([`payouts`]).
//! The actuals come as JSON or as CSV text ([`csv`]).
//!
//! Expectations: bookings, revenue and shares are the simulation means (the request's
//! trials and seed); costs are the plan's investments (deterministic); pipeline is the
//! analytic value of the opportunities expected to open, `λ_m × E[deal size]` with
//! `E[deal size] = exp(μ + σ²/2)` of the lognormal.

mod actuals;
mod amount;
pub mod csv;
mod deals_csv;
mod objectives;
pub mod payouts;
pub mod reforecast;

use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::money::Money;
use crate::plan::model::{check_one_call_work, check_trials};
use crate::plan::sim::Simulation;
use crate::plan::types::{
    ActualMonth, Actuals, AuditAllocation, AuditMonth, AuditRequest, AuditResponse, AuditSplit, AuditSplitMonth,
    MonthFigures, SimulateRequest, Variance,
};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// Audit the plan against its actuals (SPEC §7, §15).
// months are 1..=horizon (checked by the actuals' check before this)
#[allow(clippy::arithmetic_side_effects)]
pub fn audit_plan(req: &AuditRequest, ctx: &Ctx) -> Result<AuditResponse> {
    let mut sim = Simulation::new(SimulateRequest {
        plan: req.plan.clone(),
        trials: req.trials,
        seed: req.seed,
    })?;
    check_one_call_work(check_trials(req.trials)?, &req.plan)?;
    let limits = reforecast::thresholds(req.plan.audit.as_ref())?;
    let ids: Vec<String> = sim.model.partners.iter().map(|p| p.id.clone()).collect();
    // read and check the actuals before doing any work
    let actuals = read_actuals(req, &sim, &ids)?;
    while !sim.step(f64::INFINITY, ctx)?.done {}
    let expect = sim.result()?;
    let mut months: Vec<&ActualMonth> = actuals.months.iter().collect();
    crate::sort::sort_by_key(&mut months, |m| m.month);
    let model = &sim.model;
    let scale = libm::pow(10.0, f64::from(model.minor));
    let mean_deal = libm::exp(model.mu + model.sigma * model.sigma / 2.0) * scale;
    let mut ledger = Ledger::new(&sim, &ids);
    for am in &months {
        let mi = am.month as usize - 1;
        let Some(em) = expect.months.get(mi) else { continue };
        let rate = model.rates.get(mi).copied().unwrap_or(0.0);
        let exp_pipeline = sim.money((rate * mean_deal).round() as i128);
        ledger.month(am, em, exp_pipeline)?;
    }
    let objectives = objectives::audit_objectives(&sim, &ids, &expect, &ledger.metric_values);
    let known = reforecast::Known {
        months: &months,
        metric_values: &ledger.metric_values,
        shares: &ledger.totals,
    };
    let reforecast = reforecast::reforecast(&sim, &ids, &expect, &known, limits)?;
    let payouts = payouts::audit_payouts(&sim, &ids, &expect, &actuals)?;
    Ok(AuditResponse {
        months: ledger.months,
        variances: ledger.variances,
        objectives,
        split: AuditSplit {
            revenue: sim.money(ledger.revenue_total),
            allocations: ids
                .iter()
                .zip(&ledger.totals)
                .map(|(id, &u)| AuditAllocation {
                    partner_id: id.clone(),
                    amount: sim.money(u),
                })
                .collect(),
            months: ledger.split_months,
        },
        reforecast,
        payouts,
    })
}

/// The request's actuals — JSON `actuals` or `actualsCsv`, exactly one — checked
/// against the plan. Problems in CSV actuals name their line and column.
fn read_actuals(req: &AuditRequest, sim: &Simulation, ids: &[String]) -> Result<Actuals> {
    match (&req.actuals, &req.actuals_csv) {
        (Some(a), None) => {
            actuals::check_actuals(a, &sim.model, ids)?;
            Ok(a.clone())
        }
        (None, Some(text)) => csv::read_actuals_csv(text, sim.model.minor, ids, |a| {
            actuals::check_actuals(a, &sim.model, ids)
        }),
        (Some(_), Some(_)) => Err(DealteamError::invalid(
            "actualsCsv",
            "give the actuals once: either `actuals` (JSON) or `actualsCsv` (CSV text), not both",
        )),
        (None, None) => Err(DealteamError::new(
            ErrorCode::MissingField,
            "actuals",
            "missing `actuals`: the monthly actuals as JSON (`actuals`) or as CSV text (`actualsCsv`)",
        )),
    }
}

/// The audit built up month by month, in ascending month order.
struct Ledger<'a> {
    sim: &'a Simulation,
    ids: &'a [String],
    months: Vec<AuditMonth>,
    variances: Vec<Variance>,
    split_months: Vec<AuditSplitMonth>,
    /// Each partner's part of the actual revenue so far, in minor units.
    totals: Vec<i128>,
    revenue_total: i128,
    /// Per month: actual metric values, for the objectives.
    metric_values: Vec<(u32, BTreeMap<String, i128>)>,
}

impl<'a> Ledger<'a> {
    fn new(sim: &'a Simulation, ids: &'a [String]) -> Ledger<'a> {
        Ledger {
            sim,
            ids,
            months: Vec::new(),
            variances: Vec::new(),
            split_months: Vec::new(),
            totals: vec![0i128; ids.len()],
            revenue_total: 0,
            metric_values: Vec::new(),
        }
    }

    /// One reported month against the simulated month `em`.
    // months are 1..=horizon (actuals are checked before the ledger runs)
    #[allow(clippy::arithmetic_side_effects)]
    fn month(&mut self, am: &ActualMonth, em: &MonthFigures, exp_pipeline: Money) -> Result<()> {
        let minor = self.sim.model.minor;
        let mut values = BTreeMap::new();
        if let Some(b) = am.bookings {
            self.vary(am.month, "bookings".into(), b.with_scale(minor), em.bookings.mean);
            values.insert("bookings".to_string(), b.to_units(minor)?);
        }
        if let Some(r) = am.revenue {
            self.vary(am.month, "revenue".into(), r.with_scale(minor), em.revenue.mean);
            values.insert("revenue".to_string(), r.to_units(minor)?);
            self.split(am.month, r, &mut values)?;
        }
        if let Some(pl) = am.pipeline {
            self.vary(am.month, "pipeline".into(), pl.with_scale(minor), exp_pipeline);
        }
        let mi = am.month as usize - 1;
        for (i, id) in self.ids.iter().enumerate() {
            if let Some(c) = am.costs.as_ref().and_then(|c| c.get(id)) {
                let expected = self.sim.money(i128::from(self.sim.invest.in_month(mi, i)));
                self.vary(am.month, format!("costs:{id}"), c.with_scale(minor), expected);
            }
        }
        for (k, v) in am.metrics.iter().flatten() {
            values.insert(k.clone(), v.to_units(minor)?);
        }
        self.metric_values.push((am.month, values));
        self.months.push(AuditMonth {
            month: am.month,
            expected_bookings: em.bookings.mean,
            expected_revenue: em.revenue.mean,
            expected_pipeline: exp_pipeline,
            bookings: am.bookings.map(|m| m.with_scale(minor)),
            revenue: am.revenue.map(|m| m.with_scale(minor)),
            pipeline: am.pipeline.map(|m| m.with_scale(minor)),
        });
        Ok(())
    }

    /// Actual against expected for one item.
    fn vary(&mut self, month: u32, item: String, actual: Money, expected: Money) {
        // amounts are bounded by `check_amount`, so these cannot overflow
        let var = Money(actual.0.checked_sub(expected.0).unwrap_or_default());
        let ratio = var.0.checked_div(expected.0).and_then(|r| r.to_f64());
        self.variances.push(Variance {
            month,
            item,
            actual,
            expected,
            variance: var,
            ratio,
        });
    }

    /// The plan's split of the month's actual revenue `r` (each part also becomes the
    /// month's `share:<id>` metric).
    // parts of a month's revenue (≤ 10¹⁸ units, MAX_ACTUAL_UNITS) summed over ≤
    // MAX_PLAN_MONTHS (600) months: far inside i128
    #[allow(clippy::arithmetic_side_effects)]
    fn split(&mut self, month: u32, r: Money, values: &mut BTreeMap<String, i128>) -> Result<()> {
        let minor = self.sim.model.minor;
        let parts = self
            .sim
            .model
            .split
            .divide(r.with_scale(minor))
            .map_err(|e| e.under("plan.split"))?;
        let mut allocations = Vec::new();
        for ((id, part), tot) in self.ids.iter().zip(parts).zip(self.totals.iter_mut()) {
            let u = part.to_units(minor)?;
            *tot += u;
            values.insert(format!("share:{id}"), u);
            allocations.push(AuditAllocation {
                partner_id: id.clone(),
                amount: part.with_scale(minor),
            });
        }
        self.revenue_total += r.to_units(minor)?;
        self.split_months.push(AuditSplitMonth {
            month,
            revenue: r.with_scale(minor),
            allocations,
        });
        Ok(())
    }
}
