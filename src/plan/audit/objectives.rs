//! Each objective against the actuals (SPEC §7): met, missed, or on or off the plan's
//! expected path so far.

use crate::money::Money;
use crate::plan::model::Metric;
use crate::plan::sim::Simulation;
use crate::plan::types::{ObjectiveAudit, ObjectiveStatus, SimulateResponse};
use std::collections::BTreeMap;

/// Every objective of the model: the actual and expected totals up to the latest
/// reported month within its `byMonth`, and its status.
// metric values are amounts of at most 10^18 minor units (MAX_ACTUAL_UNITS) summed over
// ≤ MAX_PLAN_MONTHS (600) months: far inside i128
#[allow(clippy::arithmetic_side_effects)]
pub fn audit_objectives(
    sim: &Simulation,
    ids: &[String],
    expect: &SimulateResponse,
    metric_values: &[(u32, BTreeMap<String, i128>)],
) -> Vec<ObjectiveAudit> {
    let minor = sim.model.minor;
    let mut objectives = Vec::new();
    for o in &sim.model.objectives {
        let (mut actual, mut expected, mut through) = (0i128, Money(rust_decimal::Decimal::ZERO), 0u32);
        for (month, values) in metric_values.iter().filter(|(m, _)| *m as usize <= o.by_month) {
            let Some(v) = values.get(&o.name) else { continue };
            actual += v;
            through = *month;
            let Some(em) = (*month as usize).checked_sub(1).and_then(|i| expect.months.get(i)) else {
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
    objectives
}
