//! The plan's framework terms (SPEC §15): legal terms, data sharing, the rules of
//! engagement and the kind of collaboration, delivery roles, pre-sales enablement,
//! branding (the audit cadence is `PlanAudit::cadence`). All optional, so that older plans still parse;
//! `validate` reports what is missing.

use serde::{Deserialize, Serialize};

/// Legal terms: intellectual property, liability and the term of the agreement.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Legal {
    /// Who owns what is built jointly, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub ip: Option<String>,
    /// Each party's liability, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub liability: Option<String>,
    /// Start, end or renewal, and termination notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub term: Option<Term>,
}

/// The term of the agreement.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Term {
    /// First day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD` (or give `renewal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub end: Option<String>,
    /// How the agreement renews, in words (e.g. "renews for a year unless terminated").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub renewal: Option<String>,
    /// Days of notice either party gives to terminate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub termination_notice_days: Option<u32>,
}

/// What customer data is shared, how, and who may see it.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DataSharing {
    /// What customer data the partners share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub what: Option<String>,
    /// How it is shared (tools, channels, safeguards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub how: Option<String>,
    /// Who may see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub access: Option<String>,
}

/// The rules of engagement and the kind of collaboration.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Engagement {
    /// Deal registration and how channel conflicts are resolved, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub rules: Option<String>,
    /// Pilot, opportunistic or strategic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub kind: Option<EngagementKind>,
}

/// The kind of collaboration.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum EngagementKind {
    /// A limited first try, to learn whether the collaboration works.
    Pilot,
    /// Deal by deal, when an opportunity calls for it.
    Opportunistic,
    /// A long-term joint go-to-market.
    Strategic,
}

impl EngagementKind {
    /// The kind in words, for the agreement.
    pub fn words(self) -> &'static str {
        match self {
            EngagementKind::Pilot => "a pilot: a limited first collaboration, to learn whether it works",
            EngagementKind::Opportunistic => "opportunistic: the partners work together deal by deal",
            EngagementKind::Strategic => "strategic: a long-term joint go-to-market",
        }
    }
}

/// Pre-sales enablement.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Enablement {
    /// The pre-sales training and support each party commits, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub presales: Option<String>,
}

/// Branding.
#[derive(Clone, Debug, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Branding {
    /// How each party's brand may be used in joint marketing, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub usage: Option<String>,
}
