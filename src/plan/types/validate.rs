//! The `validate` command's request and response (SPEC §7, §10).

use crate::plan::types::plan::Plan;
use serde::{Deserialize, Serialize};

/// `validate` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ValidateRequest {
    /// The plan to check.
    pub plan: Plan,
    /// Trials of the simulation behind `profit.partner` (default 10,000; the plan is
    /// simulated only when it can be).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed of that simulation (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The agreement cannot work without it.
    Error,
    /// Recommended.
    Warning,
}

/// One gap of the plan.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, e.g. `lead.partner`.
    pub rule: String,
    /// error or warning.
    pub severity: Severity,
    /// Where, e.g. `partners[1].manager`.
    pub path: String,
    /// What to add or change.
    pub message: String,
}

/// `validate` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ValidateResponse {
    /// True when there is no error finding.
    pub ok: bool,
    /// Every gap, errors first, in rule order.
    pub findings: Vec<Finding>,
}
