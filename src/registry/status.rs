//! The registration lifecycle of SPEC §14: statuses, the transitions between them,
//! lifecycle actions, program rules and the stable reason codes.
//!
//! ```text
//! submitted ─┬─ approved ─┬─ won
//!            │            ├─ lost
//!            ├─ rejected  ├─ expired
//!            ├─ expired   └─ withdrawn
//!            └─ withdrawn
//! ```

use serde::{Deserialize, Serialize};

/// Where a registration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Registered, waiting for the vendor's decision; protects the account.
    Submitted,
    /// Accepted by the vendor; protects the account until it expires.
    Approved,
    /// Refused, with a reason.
    Rejected,
    /// The deal was won.
    Won,
    /// The deal was lost.
    Lost,
    /// The protection ended, or acceptance was not given in time.
    Expired,
    /// The partner withdrew it.
    Withdrawn,
}

impl Status {
    /// The status as written in requests (`submitted`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Won => "won",
            Status::Lost => "lost",
            Status::Expired => "expired",
            Status::Withdrawn => "withdrawn",
        }
    }
    /// Whether a registration in this status still protects its account.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Submitted | Status::Approved)
    }
    /// Whether the lifecycle allows going from `self` to `to` (SPEC §14).
    pub fn may_become(self, to: Status) -> bool {
        use Status::*;
        match self {
            Submitted => matches!(to, Approved | Rejected | Expired | Withdrawn),
            Approved => matches!(to, Won | Lost | Expired | Withdrawn),
            Rejected | Won | Lost | Expired | Withdrawn => false,
        }
    }
}

/// One change of status, with when it happened (UTC, RFC 3339) and why.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Transition {
    /// The new status.
    pub status: Status,
    /// When, in UTC (`2026-03-02T04:30:00Z`); requests may give any offset.
    pub at: String,
    /// A reason code ([`REJECT_REASONS`], `protection_ended`, `expired_acceptance`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A lifecycle action of the `register` request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ActionKind {
    /// submitted → approved.
    Approve,
    /// submitted → rejected (needs a `reason`).
    Reject,
    /// approved → won.
    Win,
    /// approved → lost.
    Lose,
    /// submitted or approved → withdrawn.
    Withdraw,
    /// With an `id`: that registration → expired. Without: every registration whose
    /// protection ended, or whose acceptance is overdue, as of `at` → expired.
    Expire,
}

impl ActionKind {
    /// The status the action leads to.
    pub fn target(self) -> Status {
        match self {
            ActionKind::Approve => Status::Approved,
            ActionKind::Reject => Status::Rejected,
            ActionKind::Win => Status::Won,
            ActionKind::Lose => Status::Lost,
            ActionKind::Withdraw => Status::Withdrawn,
            ActionKind::Expire => Status::Expired,
        }
    }
}

/// Change the status of registrations in the registry.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Action {
    /// What to do.
    pub kind: ActionKind,
    /// The registration (optional only for `expire`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub id: Option<String>,
    /// When (RFC 3339 with offset, or a day).
    pub at: String,
    /// Reason code, required for `reject` (one of [`REJECT_REASONS`]).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub reason: Option<String>,
}

/// What makes two registrations name the same account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MatchBy {
    /// The normalised domain of `domain` (or of `account` when it has none).
    Domain,
    /// The normalised name of `name` (or of `account` when it has none).
    Name,
    /// The `account` strings, exactly.
    #[default]
    Id,
}

/// The vendor's program rules.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Rules {
    /// Days a registration protects its account, the registration day included (90).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub protection_days: Option<u32>,
    /// Open registrations one partner may hold at once.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub max_active_per_partner: Option<u32>,
    /// Days the vendor has to approve a submitted registration, the registration day
    /// included; after them it expires (`expired_acceptance`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub accept_by_days: Option<u32>,
    /// How accounts are matched (`id`).
    #[serde(default)]
    pub match_by: MatchBy,
}

/// Reason codes a rejection may carry (stable ids).
pub const REJECT_REASONS: [&str; 7] = [
    "conflict",
    "duplicate",
    "max_active",
    "expired_acceptance",
    "incomplete",
    "not_eligible",
    "other",
];

/// Reason of an expiry when the protection window ended.
pub const PROTECTION_ENDED: &str = "protection_ended";
/// Reason of an expiry when a submitted registration was not approved in time.
pub const EXPIRED_ACCEPTANCE: &str = "expired_acceptance";
