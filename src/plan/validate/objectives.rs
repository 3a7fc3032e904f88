//! Joint objectives and how success is measured (SPEC §7).

use crate::plan::model::parse_metric;
use crate::plan::types::{Objective, Plan};
use crate::plan::validate::findings::{blank, Findings};

/// `objectives.metrics`, `objectives.dates`, `objectives.owners`.
pub fn objectives(plan: &Plan, o: &mut Findings) {
    if plan.objectives.is_empty() {
        o.add(
            "objectives.metrics",
            "objectives",
            "add at least one joint objective with a `metric` (bookings, revenue or share:<partnerId>) and a `target`",
        );
    }
    let ids: Vec<String> = plan.partners.iter().map(|p| p.id.clone()).collect();
    for (i, ob) in plan.objectives.iter().enumerate() {
        objective(o, i, ob, &ids, plan.horizon_months);
    }
}

fn objective(o: &mut Findings, i: usize, ob: &Objective, ids: &[String], horizon: Option<u32>) {
    if let Err(msg) = parse_metric(&ob.metric, ids) {
        o.add("objectives.metrics", format!("objectives[{i}].metric"), msg);
    }
    if ob.target.is_none() {
        o.add(
            "objectives.metrics",
            format!("objectives[{i}].target"),
            "give the objective a `target` amount",
        );
    }
    match (ob.by_month, horizon) {
        (None, _) => o.add(
            "objectives.dates",
            format!("objectives[{i}].byMonth"),
            "give the objective a date: `byMonth` (1..horizonMonths)",
        ),
        (Some(b), Some(h)) if b == 0 || b > h => o.add(
            "objectives.dates",
            format!("objectives[{i}].byMonth"),
            format!("byMonth {b} is outside the plan's horizon of {h} months"),
        ),
        (Some(0), None) => o.add(
            "objectives.dates",
            format!("objectives[{i}].byMonth"),
            "byMonth starts at 1",
        ),
        _ => {}
    }
    if blank(&ob.owner) {
        o.add(
            "objectives.owners",
            format!("objectives[{i}].owner"),
            "name who is accountable for this objective (`owner`)",
        );
    }
}

/// `success.measures`.
pub fn success(plan: &Plan, o: &mut Findings) {
    if plan.success_measures.iter().all(|s| s.trim().is_empty()) {
        o.add("success.measures", "successMeasures", "describe how success is measured (`successMeasures`, e.g. \"joint pipeline reviewed monthly against target\")");
    }
}
