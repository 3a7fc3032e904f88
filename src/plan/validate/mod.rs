//! `validatePlan` (SPEC §7): the written-framework checklist of a collaboration
//! agreement, one rule per item with a stable id, so that a draft plan can be
//! completed step by step. Rule ids are listed in [`RULES`] and documented in
//! docs/plans.md.
//!
//! One validator per section of the agreement ([`SECTIONS`], in the order findings are
//! reported), each usable on its own: [`parties`], [`objectives`], [`terms`], and last
//! [`simulatable`], the numbers themselves.

mod findings;
pub mod objectives;
pub mod parties;
pub mod simulatable;
pub mod terms;

pub use findings::{Findings, RULES};

use crate::plan::types::{Plan, Severity, ValidateResponse};

/// A validator of one section: adds its findings to the list.
pub type Validator = fn(&Plan, &mut Findings);

/// The section validators, in the order their findings are reported (the last one,
/// [`simulatable::numbers`], reads the findings before it to avoid repeating them).
pub const SECTIONS: &[(&str, Validator)] = &[
    ("parties", parties::parties),
    ("objectives", objectives::objectives),
    ("success", objectives::success),
    ("remuneration", terms::remuneration),
    ("investments", parties::investments),
    ("split", terms::split),
    ("pipeline", terms::pipeline),
    ("governance", terms::governance),
    ("mediation", terms::mediation),
    ("exclusivity", terms::exclusivity),
    ("values", terms::values),
    ("numbers", simulatable::numbers),
];

/// Check `plan` against every rule of SPEC §7. `ok` is true when no finding is an error.
pub fn validate_plan(plan: &Plan) -> ValidateResponse {
    let mut o = Findings::default();
    for (_, check) in SECTIONS {
        check(plan, &mut o);
    }
    let mut findings = o.0;
    findings.sort_by_key(|f| f.severity); // stable: rule order kept within a severity
    ValidateResponse {
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
    }
}
