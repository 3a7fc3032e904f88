//! The `agreement` command's request (SPEC §7, §10); the response is Markdown text.

use crate::plan::types::plan::Plan;
use serde::{Deserialize, Serialize};

/// `agreement` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AgreementRequest {
    /// The plan.
    pub plan: Plan,
    /// Trials of the simulation behind the figures (default 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub trials: Option<u64>,
    /// Seed (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
}
