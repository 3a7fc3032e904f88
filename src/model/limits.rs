//! The documented limits of SPEC §0; exceeding one is a `too_large` error naming it.

/// Partners per ecosystem.
pub const MAX_PARTNERS: usize = 1_000_000;
/// Relationships per ecosystem.
pub const MAX_RELATIONSHIPS: usize = 5_000_000;
/// Criteria per profile.
pub const MAX_CRITERIA: usize = 64;
/// Slots per deal (team slots).
pub const MAX_SLOTS: usize = 16;
/// Players for enumerated Shapley values.
pub const MAX_ENUMERATED_PLAYERS: usize = 20;
/// Players for sampled Shapley values.
pub const MAX_SAMPLED_PLAYERS: usize = 10_000;
/// Monte Carlo trials per simulation.
pub const MAX_TRIALS: usize = 10_000_000;
/// Months of a plan.
pub const MAX_PLAN_MONTHS: usize = 600;
