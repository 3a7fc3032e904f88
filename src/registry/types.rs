//! Request and response types of `register` and `overlap` (SPEC §8, §10).

use super::status::{Action, Rules, Status, Transition};
use crate::accounts::normalise::MatchedBy;
use crate::model::Ecosystem;
use crate::money::Money;
use crate::plan::types::incentives::Incentives;
use serde::{Deserialize, Serialize};

/// One deal registration.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Registration {
    /// Unique id within the registry.
    pub id: String,
    /// The registering partner.
    pub partner_id: String,
    /// The customer account.
    pub account: String,
    /// The product; a registration without one covers every product of the account.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Expected deal value.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// Day of registration (YYYY-MM-DD).
    pub registered_at: String,
    /// Last protected day (inclusive); default `registeredAt` + `protectionDays` − 1.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// The account's domain (matched on with `matchBy: "domain"`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The account's company name (matched on with `matchBy: "name"`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Lifecycle status (SPEC §14); absent: protected for its window, as in §8.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Every change of status, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Transition>,
}

/// `register` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RegisterRequest {
    /// Existing registrations.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(
        default,
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::Registrations>"
    )]
    pub registry: Vec<Registration>,
    /// The new registration (or give an `action`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub registration: Option<Registration>,
    /// A lifecycle action on the registry instead of a new registration.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub action: Option<Action>,
    /// Program rules; giving them (or an action, or a status) turns on the lifecycle.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub rules: Option<Rules>,
    /// The plan's incentives: a refused partner's commission schedule prices the
    /// referral suggested in the conflict report.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub incentives: Option<Incentives>,
    /// Today (YYYY-MM-DD); default: the new registration's `registeredAt`.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub now: Option<String>,
    /// Protection window in days for registrations without `expiresAt` (default 90).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub protection_days: Option<u32>,
}

/// Why a registration was refused, and what the partners can do about it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// The rule that decided (`first_registration_owns` or `already_registered`).
    pub rule: String,
    /// The partner that owns the account (and product).
    pub owner: String,
    /// The owner's registration.
    pub registration_id: String,
    /// The refused or later registration.
    pub challenger_registration_id: String,
    /// The challenging partner.
    pub challenger: String,
    /// The contested account.
    pub account: String,
    /// The contested product, if the registrations name one.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The last protected day of the owner's registration.
    pub protected_until: String,
    /// A sentence for people.
    pub message: String,
    /// Suggested resolutions.
    pub resolutions: Vec<String>,
    /// How the accounts matched (with `matchBy` `domain` or `name`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
}

/// `register` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RegisterResponse {
    /// Whether the new registration was accepted.
    pub accepted: bool,
    /// Why not, when refused.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    /// The registry afterwards (with the new registration when accepted).
    pub registry: Vec<Registration>,
    /// Every conflict among the registry's active registrations (the ecosystem view).
    pub conflicts: Vec<Conflict>,
    /// Lifecycle: the reason code of a refusal (`conflict`, `duplicate`, `max_active`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Lifecycle: a sentence on the decision, for people.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Lifecycle: ids of the registrations whose status this request changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

/// `overlap` request.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OverlapRequest {
    /// The partners and their accounts.
    pub ecosystem: Ecosystem,
    /// Compare and report salted SHA-256 hashes instead of raw account ids.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub hashed: bool,
    /// Salt for the hashes (required when `hashed`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub salt: Option<String>,
    /// Only pairs sharing at least this many accounts (default 1).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub min_shared: Option<usize>,
    /// At most this many pairs, best first (default all).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub limit: Option<usize>,
    /// List the shared accounts of each pair (default true).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub include_accounts: Option<bool>,
}

/// One pair of partners with shared accounts.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OverlapPair {
    /// The partner id that sorts first.
    pub a: String,
    /// The other partner id.
    pub b: String,
    /// Number of shared accounts.
    pub shared: usize,
    /// |A ∩ B| / |A ∪ B|.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub jaccard: f64,
    /// The shared accounts (hashes when `hashed`), sorted.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<String>>,
}

/// `overlap` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OverlapResponse {
    /// Pairs by shared count descending, then Jaccard descending, then ids.
    pub pairs: Vec<OverlapPair>,
}
