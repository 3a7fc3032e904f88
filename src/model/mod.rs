//! The data model of SPEC §1: serde input types (camelCase, unknown fields rejected)
//! and their validation, which reports every problem with a code and a path.

pub mod account;
pub(crate) mod capped;
mod deal;
mod ecosystem;
pub mod limits;
mod profile;

pub use account::{AccountRecord, PartnerAccount};
pub use deal::{ConflictMode, Deal, Requirement, ScoreWeights, Slot};
pub use ecosystem::{joint_win_rate, Ecosystem, Partner, Relationship};
pub(crate) use ecosystem::{PartnerFields, Parts};
pub use limits::*;
pub use profile::{Criterion, CriterionKind, Profile, Require};

use crate::error::{ErrorCode, Problems};
use rustc_hash::FxHashMap;

/// Record `duplicate_id` / empty-id problems for a list of ids at `path[i].id`.
pub(crate) fn check_ids<'a>(p: &mut Problems, path: &str, ids: impl Iterator<Item = &'a str>) {
    index_ids(p, path, ids);
}

/// [`check_ids`], returning each distinct id's first position (for reference checks).
pub(crate) fn index_ids<'a>(
    p: &mut Problems,
    path: &str,
    ids: impl Iterator<Item = &'a str>,
) -> FxHashMap<&'a str, usize> {
    index_ids_at(p, path, ".id", ids)
}

/// Record `duplicate_id` / empty-id problems for a list of ids given as plain strings
/// (`members: ["acme", "beta"]`), at `path[i]`.
pub(crate) fn check_id_list<'a>(p: &mut Problems, path: &str, ids: impl Iterator<Item = &'a str>) {
    index_ids_at(p, path, "", ids);
}

/// The ids' first positions; problems at `path[i]` followed by `suffix`.
fn index_ids_at<'a>(
    p: &mut Problems,
    path: &str,
    suffix: &str,
    ids: impl Iterator<Item = &'a str>,
) -> FxHashMap<&'a str, usize> {
    let mut seen = FxHashMap::default();
    seen.reserve(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        let at = || format!("{path}[{i}]{suffix}");
        if id.trim().is_empty() {
            p.invalid(at(), "an id must be a non-empty string");
        } else if let Some(first) = seen.insert(id, i) {
            seen.insert(id, first);
            p.push(
                ErrorCode::DuplicateId,
                at(),
                format!("the id `{id}` is used more than once in {path} (first at {path}[{first}]); list it once"),
            );
        }
    }
    seen
}
