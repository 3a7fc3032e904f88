//! Joint objectives as the simulation counts them (SPEC §6): the metric's total up to
//! `byMonth` against `target`.

use crate::error::{ErrorCode, Problems};
use crate::plan::types::Objective;

/// What an objective measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Metric {
    /// New bookings.
    Bookings,
    /// Recognised revenue.
    Revenue,
    /// One partner's share (index into the partners).
    Share(usize),
}

/// A checked objective.
#[derive(Clone, Debug)]
pub struct ObjectiveModel {
    /// The metric as written.
    pub name: String,
    /// Parsed.
    pub metric: Metric,
    /// Target in minor units.
    pub target: i128,
    /// 1-based month.
    pub by_month: usize,
}

/// Check every objective; those whose metric cannot be parsed are left out.
pub fn check_objectives(
    p: &mut Problems,
    objectives: &[Objective],
    ids: &[String],
    horizon: Option<usize>,
    minor: u32,
) -> Vec<ObjectiveModel> {
    let mut out = Vec::new();
    for (i, o) in objectives.iter().enumerate() {
        let at = |f: &str| format!("objectives[{i}].{f}");
        let metric = parse_metric(&o.metric, ids);
        if let Err(msg) = &metric {
            p.invalid(at("metric"), msg.clone());
        }
        let target = check_target(p, o, minor, &at("target"));
        let by = check_by_month(p, o.by_month, horizon, &at("byMonth"));
        if let Ok(metric) = metric {
            out.push(ObjectiveModel {
                name: o.metric.clone(),
                metric,
                target,
                by_month: by,
            });
        }
    }
    out
}

fn check_target(p: &mut Problems, o: &Objective, minor: u32, path: &str) -> i128 {
    match o.target {
        None => {
            p.push(ErrorCode::MissingField, path, "an objective needs a `target` amount");
            0
        }
        Some(t) => match t.check_minor(minor, path).and_then(|m| m.to_units(minor)) {
            Ok(u) => u,
            Err(e) => {
                p.add(e);
                0
            }
        },
    }
}

/// `byMonth` within the horizon (`None`: the horizon is wrong and already reported, so
/// only the month's own range, 1..=600, is checked).
fn check_by_month(p: &mut Problems, by_month: Option<u32>, horizon: Option<usize>, path: &str) -> usize {
    let horizon = horizon.unwrap_or(crate::model::MAX_PLAN_MONTHS);
    match by_month {
        None => {
            p.push(ErrorCode::MissingField, path, "an objective needs a `byMonth`");
            1
        }
        Some(b) if b == 0 || b as usize > horizon => {
            p.invalid(
                path,
                format!("byMonth must be within the horizon, 1..={horizon}, got {b}"),
            );
            1
        }
        Some(b) => b as usize,
    }
}

/// Parse an objective metric: `bookings`, `revenue` or `share:<partnerId>`.
pub fn parse_metric(name: &str, ids: &[String]) -> std::result::Result<Metric, String> {
    match name {
        "bookings" => Ok(Metric::Bookings),
        "revenue" => Ok(Metric::Revenue),
        s => match s.strip_prefix("share:") {
            Some(id) => ids
                .iter()
                .position(|x| x == id)
                .map(Metric::Share)
                .ok_or_else(|| format!("`{id}` is not a partner of the plan; use share:<partnerId>")),
            None => Err(format!(
                "unknown metric `{s}`; use bookings, revenue or share:<partnerId>"
            )),
        },
    }
}
