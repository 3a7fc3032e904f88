//! The data model of SPEC §1: serde input types (camelCase, unknown fields rejected)
//! and their validation, which reports every problem with a code and a path.

mod deal;
mod ecosystem;
mod limits;
mod profile;

pub use deal::{ConflictMode, Deal, Requirement, ScoreWeights, Slot};
pub use ecosystem::{Ecosystem, Partner, Relationship};
pub use limits::*;
pub use profile::{Criterion, CriterionKind, Profile, Require};

use crate::error::{ErrorCode, Problems};
use std::collections::HashSet;

/// Record `duplicate_id` / empty-id problems for a list of ids at `path[i].id`.
pub(crate) fn check_ids<'a>(p: &mut Problems, path: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    seen.reserve(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        let at = || format!("{path}[{i}].id");
        if id.trim().is_empty() {
            p.invalid(at(), "an id must be a non-empty string");
        } else if !seen.insert(id) {
            p.push(ErrorCode::DuplicateId, at(), format!("the id `{id}` is used more than once in {path}"));
        }
    }
}
