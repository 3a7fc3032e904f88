//! `auditPlan` (SPEC §7): the plan "audited against reality" — each reported month's
//! bookings, revenue, pipeline and costs against the plan's expectation, each
//! objective on or off track, and the split recomputed on the actual revenue.
//!
//! Expectations: bookings, revenue and shares are the simulation means (the request's
//! trials and seed); costs are the plan's investments (deterministic); pipeline is the
//! analytic value of the opportunities expected to open, `λ_m × E[deal size]` with
//! `E[deal size] = exp(μ + σ²/2)` of the lognormal.

use crate::clock::Ctx;
use crate::error::{ErrorCode, Problems, Result};
use crate::money::Money;
use crate::plan::check::{parse_metric, Metric};
use crate::plan::sim::Simulation;
use crate::plan::types::{
    AuditAllocation, AuditMonth, AuditRequest, AuditResponse, AuditSplit, AuditSplitMonth, ObjectiveAudit,
    ObjectiveStatus, SimulateRequest, Variance,
};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// Audit the plan against its actuals (SPEC §7).
pub fn audit_plan(req: &AuditRequest, ctx: &Ctx) -> Result<AuditResponse> {
    let mut sim = Simulation::new(SimulateRequest {
        plan: req.plan.clone(),
        trials: req.trials,
        seed: req.seed,
    })?;
    let ids: Vec<String> = sim.model.partners.iter().map(|p| p.id.clone()).collect();
    // check the actuals before doing any work
    let model = &sim.model;
    let mut p = Problems::new();
    let mut seen = BTreeMap::new();
    for (i, am) in req.actuals.months.iter().enumerate() {
        let at = |f: &str| format!("actuals.months[{i}].{f}");
        if am.month == 0 || am.month as usize > model.horizon {
            p.invalid(
                at("month"),
                format!(
                    "month {} is outside the plan's horizon, 1..={}",
                    am.month, model.horizon
                ),
            );
        } else if let Some(j) = seen.insert(am.month, i) {
            p.invalid(
                at("month"),
                format!(
                    "month {} is already reported at actuals.months[{j}]; report each month once",
                    am.month
                ),
            );
        }
        for (f, v) in [
            ("bookings", am.bookings),
            ("revenue", am.revenue),
            ("pipeline", am.pipeline),
        ] {
            if let Some(v) = v {
                check_amount(&mut p, v, model.minor, &at(f));
            }
        }
        for (id, v) in am.costs.iter().flatten() {
            if !ids.contains(id) {
                p.push(
                    ErrorCode::UnknownPartner,
                    at(&format!("costs.{id}")),
                    format!("`{id}` is not a partner of the plan"),
                );
            }
            check_amount(&mut p, *v, model.minor, &at(&format!("costs.{id}")));
        }
        for (k, v) in am.metrics.iter().flatten() {
            if let Err(msg) = parse_metric(k, &ids) {
                let code = if k.starts_with("share:") {
                    ErrorCode::UnknownPartner
                } else {
                    ErrorCode::InvalidValue
                };
                p.push(code, at(&format!("metrics.{k}")), msg);
            }
            check_amount(&mut p, *v, model.minor, &at(&format!("metrics.{k}")));
        }
    }
    p.finish()?;
    while !sim.step(f64::INFINITY, ctx)?.done {}
    let expect = sim.result()?;
    let model = &sim.model;
    let mut months: Vec<&crate::plan::types::ActualMonth> = req.actuals.months.iter().collect();
    months.sort_by_key(|m| m.month);
    let minor = model.minor;
    let scale = libm::pow(10.0, f64::from(minor));
    let mean_deal = libm::exp(model.mu + model.sigma * model.sigma / 2.0) * scale;
    let pc = model.partners.len();

    let mut out_months = Vec::new();
    let mut variances = Vec::new();
    let mut split_months = Vec::new();
    let mut totals = vec![0i128; pc];
    let mut revenue_total = 0i128;
    // per month: actual metric values, for the objectives
    let mut metric_values: Vec<(u32, BTreeMap<String, i128>)> = Vec::new();
    for am in &months {
        let mi = am.month as usize - 1;
        let Some(em) = expect.months.get(mi) else { continue };
        let rate = model.rates.get(mi).copied().unwrap_or(0.0);
        let exp_pipeline = sim.money((rate * mean_deal).round() as i128);
        let mut vary = |item: String, actual: Money, expected: Money| {
            // amounts are bounded by `check_amount`, so these cannot overflow
            let var = Money(actual.0.checked_sub(expected.0).unwrap_or_default());
            let ratio = var.0.checked_div(expected.0).and_then(|r| r.to_f64());
            variances.push(Variance {
                month: am.month,
                item,
                actual,
                expected,
                variance: var,
                ratio,
            });
        };
        let mut values = BTreeMap::new();
        if let Some(b) = am.bookings {
            vary("bookings".into(), b.with_scale(minor), em.bookings.mean);
            values.insert("bookings".to_string(), b.to_units(minor)?);
        }
        if let Some(r) = am.revenue {
            vary("revenue".into(), r.with_scale(minor), em.revenue.mean);
            values.insert("revenue".to_string(), r.to_units(minor)?);
            let parts = model
                .split
                .divide(r.with_scale(minor))
                .map_err(|e| e.under("plan.split"))?;
            let mut allocations = Vec::new();
            for ((id, part), tot) in ids.iter().zip(parts).zip(totals.iter_mut()) {
                let u = part.to_units(minor)?;
                *tot += u;
                values.insert(format!("share:{id}"), u);
                allocations.push(AuditAllocation {
                    partner_id: id.clone(),
                    amount: part.with_scale(minor),
                });
            }
            revenue_total += r.to_units(minor)?;
            split_months.push(AuditSplitMonth {
                month: am.month,
                revenue: r.with_scale(minor),
                allocations,
            });
        }
        if let Some(pl) = am.pipeline {
            vary("pipeline".into(), pl.with_scale(minor), exp_pipeline);
        }
        for (i, id) in ids.iter().enumerate() {
            if let Some(c) = am.costs.as_ref().and_then(|c| c.get(id)) {
                let prev = if mi == 0 {
                    0
                } else {
                    sim.invest_cum.get((mi - 1) * pc + i).copied().unwrap_or(0)
                };
                let cum = sim.invest_cum.get(mi * pc + i).copied().unwrap_or(0);
                vary(
                    format!("costs:{id}"),
                    c.with_scale(minor),
                    sim.money(i128::from(cum - prev)),
                );
            }
        }
        for (k, v) in am.metrics.iter().flatten() {
            values.insert(k.clone(), v.to_units(minor)?);
        }
        metric_values.push((am.month, values));
        out_months.push(AuditMonth {
            month: am.month,
            expected_bookings: em.bookings.mean,
            expected_revenue: em.revenue.mean,
            expected_pipeline: exp_pipeline,
            bookings: am.bookings.map(|m| m.with_scale(minor)),
            revenue: am.revenue.map(|m| m.with_scale(minor)),
            pipeline: am.pipeline.map(|m| m.with_scale(minor)),
        });
    }
    let mut objectives = Vec::new();
    for o in &model.objectives {
        let (mut actual, mut expected, mut through) = (0i128, Money(rust_decimal::Decimal::ZERO), 0u32);
        for (month, values) in metric_values.iter().filter(|(m, _)| *m as usize <= o.by_month) {
            let Some(v) = values.get(&o.name) else { continue };
            actual += v;
            through = *month;
            let Some(em) = expect.months.get(*month as usize - 1) else {
                continue;
            };
            let e = match o.metric {
                Metric::Bookings => em.bookings.mean,
                Metric::Revenue => em.revenue.mean,
                Metric::Share(i) => ids
                    .get(i)
                    .and_then(|id| em.partners.get(id))
                    .map(|p| p.share.mean)
                    .unwrap_or(Money::ZERO),
            };
            expected = Money(expected.0.checked_add(e.0).unwrap_or_default());
        }
        let status = if actual >= o.target {
            ObjectiveStatus::Met
        } else if through as usize >= o.by_month {
            ObjectiveStatus::Missed
        } else if sim.money(actual).0 >= expected.0 {
            ObjectiveStatus::OnTrack
        } else {
            ObjectiveStatus::OffTrack
        };
        objectives.push(ObjectiveAudit {
            metric: o.name.clone(),
            target: sim.money(o.target),
            by_month: o.by_month as u32,
            through_month: through,
            actual: sim.money(actual),
            expected: expected.with_scale(minor),
            status,
        });
    }
    Ok(AuditResponse {
        months: out_months,
        variances,
        objectives,
        split: AuditSplit {
            revenue: sim.money(revenue_total),
            allocations: ids
                .iter()
                .zip(&totals)
                .map(|(id, &u)| AuditAllocation {
                    partner_id: id.clone(),
                    amount: sim.money(u),
                })
                .collect(),
            months: split_months,
        },
    })
}

/// Largest actual amount, in minor units (keeps every sum and difference exact).
const MAX_ACTUAL_UNITS: i128 = 1_000_000_000_000_000_000;

/// An actual amount must have at most the currency's decimals and be at most 10¹⁸
/// minor units in size.
fn check_amount(p: &mut Problems, v: Money, minor: u32, path: &str) {
    let units = v.check_minor(minor, path).and_then(|m| m.to_units(minor));
    match p.take(units.map_err(|e| crate::DealteamError {
        path: path.to_string(),
        ..e
    })) {
        Some(u) if u.abs() > MAX_ACTUAL_UNITS => {
            p.push(
                ErrorCode::InvalidMoney,
                path,
                format!("{v} is too large to audit (at most 10^18 minor units)"),
            );
        }
        _ => {}
    }
}
