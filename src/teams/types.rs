//! Request and response types of the `teams` command (SPEC §3, §10), in one file so
//! that TypeScript types can be generated from them. Plain serde, camelCase.

use crate::model::{Deal, Ecosystem, Profile};
use crate::num::{ser_round12, ser_round12_opt};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `teams` request: find the `k` best deal teams.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TeamsRequest {
    /// The partners and their relationships.
    pub ecosystem: Ecosystem,
    /// Profiles referenced by the deal's slots.
    #[serde(default)]
    pub profiles: Vec<Profile>,
    /// The opportunity: requirements, slots, constraints, weights.
    pub deal: Deal,
    /// How many teams (default 10, at most [`MAX_K`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<usize>,
    /// Search mode (only `exact`, the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<SearchMode>,
    /// Wall-clock budget of [`crate::teams::TeamsCommand`] in ms (default
    /// [`DEFAULT_TIME_LIMIT_MS`]); when it runs out the best teams found are returned
    /// with `exact: false` and the proven `gap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_ms: Option<f64>,
    /// A trained win model (SPEC §9, from `train`): each team then carries its `win`
    /// probability with the features' contributions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_model: Option<crate::insights::types::WinModel>,
}

/// Default number of teams.
pub const DEFAULT_K: usize = 10;
/// Largest `k`.
pub const MAX_K: usize = 1000;
/// Default time limit of the one-shot command (ms).
pub const DEFAULT_TIME_LIMIT_MS: f64 = 5000.0;

/// Search mode.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SearchMode {
    /// Branch and bound with admissible bounds: the true top-k (anytime under a time limit).
    #[default]
    Exact,
}

/// `teams` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TeamsResponse {
    /// The best teams, best first (score desc, ties within 1e-9 by member ids).
    pub teams: Vec<Team>,
    /// True when the search proved these are the true top-k.
    pub exact: bool,
    /// Search nodes explored.
    pub nodes: u64,
    /// When not exact: proven upper bound on any team not returned minus the k-th best
    /// score found (or minus 0 when fewer than k were found).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_round12_opt")]
    pub gap: Option<f64>,
}

/// One team with its explanation.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Team {
    /// Member ids, sorted.
    pub members: Vec<String>,
    /// Partner id → role of the slot it fills (the best assignment).
    pub slots: BTreeMap<String, String>,
    /// Team score (SPEC §3), after conflict penalties.
    #[serde(serialize_with = "ser_round12")]
    pub score: f64,
    /// Requirement coverage.
    #[serde(serialize_with = "ser_round12")]
    pub coverage: f64,
    /// Mean fit of the members in profiled slots (1 if none).
    #[serde(serialize_with = "ser_round12")]
    pub fit: f64,
    /// Mean pair score over all member pairs (0 for one member).
    #[serde(serialize_with = "ser_round12")]
    pub synergy: f64,
    /// Conflicting member pairs (only under `conflicts: "penalize"`), each `[a, b]` sorted.
    pub conflicts: Vec<[String; 2]>,
    /// Score subtracted for conflicts (`conflictPenalty` × conflicting pairs).
    #[serde(serialize_with = "ser_round12")]
    pub penalty: f64,
    /// Per requirement (deal order): the level reached and the member reaching it.
    pub covers: Vec<Cover>,
    /// Per member (sorted by id): slot and fit.
    pub breakdown: Vec<MemberBreakdown>,
    /// Per member pair (sorted): pair score and conflict flag.
    pub pairs: Vec<PairBreakdown>,
    /// Win probability under the request's `winModel` (SPEC §9), when one is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub win: Option<crate::insights::types::Prediction>,
    /// The member with the best access to the deal's target accounts (SPEC §14), when
    /// the deal names `accounts` and a member has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub access: Option<TeamAccess>,
}

/// A member's access to one of the deal's target accounts (SPEC §14).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TeamAccess {
    /// The member.
    pub partner_id: String,
    /// Its account that is a target of the deal.
    pub account: String,
    /// customer, opportunity or prospect.
    pub status: String,
    /// 1, 0.7 or 0.4.
    #[serde(serialize_with = "ser_round12")]
    pub level: f64,
    /// In words: "Beta has Acme as a customer".
    pub text: String,
}

/// Which member covers a requirement.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Cover {
    /// The required capability.
    pub capability: String,
    /// `min(1, max cap / target)` over the team.
    #[serde(serialize_with = "ser_round12")]
    pub level: f64,
    /// The member reaching that level (ties: smallest id); absent when the level is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
}

/// A member's place in the team.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MemberBreakdown {
    /// Partner id.
    pub partner_id: String,
    /// Index of its slot in `deal.slots`.
    pub slot: usize,
    /// Role of that slot.
    pub role: String,
    /// Profile of that slot, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Fit against that profile (absent for a slot without profile).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_round12_opt")]
    pub fit: Option<f64>,
}

/// A member pair.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PairBreakdown {
    /// Smaller id.
    pub a: String,
    /// Larger id.
    pub b: String,
    /// Pair score (SPEC §3).
    #[serde(serialize_with = "ser_round12")]
    pub score: f64,
    /// The two are in channel conflict.
    pub conflict: bool,
}

/// What [`crate::teams::TeamSearch::step`] reports.
#[derive(Clone, Copy, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TeamProgress {
    /// The search finished (proved, or cancelled).
    pub done: bool,
    /// Estimated fraction of the search tree done, 0..1.
    #[serde(serialize_with = "ser_round12")]
    pub progress: f64,
    /// Nodes explored so far.
    pub nodes: u64,
    /// Best team score found so far (absent before the first team).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_round12_opt")]
    pub best_score: Option<f64>,
    /// Upper bound on the score of any team not yet returned (absent when done).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_round12_opt")]
    pub bound: Option<f64>,
}
