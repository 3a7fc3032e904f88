//! The `agreement` command's request (SPEC §7, §10, §15; the response is Markdown or
//! HTML text) and the `verify` command's request and response.

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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed"
    )]
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "number"))]
    pub seed: Option<u64>,
    /// Number and date format (default `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub locale: Option<Locale>,
    /// `markdown` (default) or `html` (a printable page from the same document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub format: Option<AgreementFormat>,
}

/// The number and date format of the agreement (its text stays English).
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// 3,000,000.00 · 53.6% · 1 January 2027.
    #[default]
    En,
    /// 3.000.000,00 · 53,6 % · 1. Januar 2027.
    De,
    /// 3 000 000,00 · 53,6 % · 1 janvier 2027.
    Fr,
}

impl Locale {
    /// The code, as in the request and the agreement's footer.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// The locale of a code.
    pub fn from_code(s: &str) -> Option<Locale> {
        [Locale::En, Locale::De, Locale::Fr].into_iter().find(|l| l.code() == s)
    }
}

/// The agreement's output format.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum AgreementFormat {
    /// Markdown, the copy to sign and verify.
    #[default]
    Markdown,
    /// A standalone HTML page with a print stylesheet.
    Html,
}

/// `verify` request: a signed copy of the agreement and the plan it should match.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct VerifyRequest {
    /// The agreement's Markdown, as signed.
    pub markdown: String,
    /// The plan.
    pub plan: Plan,
}

/// `verify` response.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VerifyResponse {
    /// True when the copy was drafted from this plan and its text is unchanged.
    pub matches: bool,
    /// Why it matches or not, in words.
    pub reason: String,
    /// The plan's fingerprint (SHA-256 of its canonical JSON).
    pub plan_hash: String,
    /// The fingerprint written in the copy's footer, if any.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub document_hash: Option<String>,
    /// The first line (1-based) where the copy differs from the agreement drafted now.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub line: Option<u32>,
}
