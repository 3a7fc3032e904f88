//! `validatePlan` (SPEC §7): the written-framework checklist of a collaboration
//! agreement, one rule per item with a stable id, so that a draft plan can be
//! completed step by step. Rule ids are listed in [`RULES`] and documented in
//! docs/plans.md.
//!
//! One validator per section of the agreement ([`SECTIONS`], in the order findings are
//! reported), each usable on its own: [`parties`], [`objectives`], [`terms`], the
//! framework terms of SPEC §15 ([`framework`]), and last [`simulatable`], the numbers
//! themselves; then `profit.partner` from the simulated figures when the caller has them.

mod findings;
pub mod framework;
pub mod incentives;
pub mod objectives;
pub mod parties;
pub mod simulatable;
pub mod terms;

pub use findings::{Findings, RULES};

use crate::plan::types::{Plan, Severity, SimulateResponse, ValidateResponse};

/// A validator of one section: adds its findings to the list.
pub type Validator = fn(&Plan, &mut Findings);

/// The section validators, in the order their findings are reported (the last one,
/// [`simulatable::numbers`], reads the findings before it to avoid repeating them).
pub const SECTIONS: &[(&str, Validator)] = &[
    ("parties", parties::parties),
    ("delivery", framework::delivery),
    ("objectives", objectives::objectives),
    ("success", objectives::success),
    ("remuneration", terms::remuneration),
    ("investments", parties::investments),
    ("branding", framework::branding),
    ("shares", framework::shares),
    ("split", terms::split),
    ("pipeline", terms::pipeline),
    ("governance", terms::governance),
    ("audit", framework::audit),
    ("mediation", terms::mediation),
    ("exclusivity", terms::exclusivity),
    ("engagement", framework::engagement),
    ("legal", framework::legal),
    ("data", framework::data_sharing),
    ("values", terms::values),
    ("incentives", incentives::incentives),
    ("numbers", simulatable::numbers),
];

/// Check `plan` against every rule of SPEC §7 and §15 that needs no simulated figures
/// (all but `profit.partner`). `ok` is true when no finding is an error.
pub fn validate_plan(plan: &Plan) -> ValidateResponse {
    validate_with(plan, None)
}

/// [`validate_plan`] plus `profit.partner`, read from `sim`, the plan's simulated figures
/// (the caller's simulation: `validate` and `draftAgreement` simulate once and pass it).
pub fn validate_with(plan: &Plan, sim: Option<&SimulateResponse>) -> ValidateResponse {
    let mut o = Findings::default();
    for (_, check) in SECTIONS {
        check(plan, &mut o);
    }
    if let Some(sim) = sim {
        framework::profit(plan, sim, &mut o);
    }
    let mut findings = o.0;
    crate::sort::sort_by_key(&mut findings, |f| f.severity); // stable: rule order kept within a severity
    ValidateResponse {
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
    }
}
