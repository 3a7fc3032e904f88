//! `plan.simulatable` (SPEC §6, §7): the numbers themselves, as the simulation model
//! checks them — reported only where the sections before have not already named the gap.

use crate::error::ErrorCode;
use crate::plan::model::check_plan;
use crate::plan::types::Plan;
use crate::plan::validate::findings::Findings;

/// `plan.simulatable`: every problem of [`check_plan`] not already reported (a missing
/// offer, pipeline, split or partners; the split when `split.adds_up` fired; the
/// objectives' metrics, dates and missing parts).
pub fn numbers(plan: &Plan, o: &mut Findings) {
    let Err(e) = check_plan(plan) else { return };
    let split_reported =
        o.0.iter()
            .any(|f| f.rule == "split.adds_up" || f.rule == "split.shares");
    for e in std::iter::once(e.clone()).chain(e.others) {
        let covered = ["offer", "pipeline", "split", "partners"];
        let dup = (e.code == ErrorCode::MissingField && covered.contains(&e.path.as_str()))
            || (split_reported && e.path.starts_with("split"))
            || (e.path.starts_with("objectives[") && !e.path.ends_with(".target"))
            || (e.path.starts_with("objectives[") && e.code == ErrorCode::MissingField);
        if !dup {
            o.add("plan.simulatable", e.path, e.message);
        }
    }
}
