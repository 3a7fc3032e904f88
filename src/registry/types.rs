//! Request and response types of `register` and `overlap` (SPEC §8, §10).

use crate::model::Ecosystem;
use crate::money::Money;
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
    /// The new registration.
    pub registration: Registration,
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
