//! Request and response of `accountMap` (SPEC §14): the overlap matrix per pair of
//! partners (and the vendor), under a sharing level.

use super::normalise::MatchedBy;
use crate::model::{Ecosystem, PartnerAccount};
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of the overlap a result shows (SPEC §14 sharing levels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Sharing {
    /// Numbers only: counts per population pair, potential revenue, greenfield counts.
    /// No account, name, domain or row of either side appears.
    Counts,
    /// Also the shared accounts (with their populations) and the near misses.
    #[default]
    Overlaps,
    /// Also each shared account's values and the greenfield accounts themselves.
    Full,
}

/// The vendor's own accounts: one more side of the map, next to the partners.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct VendorAccounts {
    /// The vendor's id in the result (default `vendor`); must differ from every partner id.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub id: Option<String>,
    /// The vendor's accounts, like a partner's.
    #[serde(deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::AccountsPerPartner>")]
    pub accounts: Vec<PartnerAccount>,
}

/// A request of the account map: the struct's own fields (how the sides are given), then
/// the options every form of the request shares, declared once here, and `options()`.
macro_rules! account_map_request {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Deserialize, Serialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(deny_unknown_fields, rename_all = "camelCase")]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Only pairs with this partner (or the vendor's id) as `a`.
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub focus: Option<String>,
            /// With `focus`: only the pair of `focus` and this partner (reported even when they
            /// share nothing).
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub with: Option<String>,
            /// `counts`, `overlaps` (default) or `full`.
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub sharing: Option<Sharing>,
            /// Only pairs sharing at least this many accounts (default 1).
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub min_shared: Option<usize>,
            /// At most this many pairs, most shared first (default all).
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub limit: Option<usize>,
            /// Also the whole map in a few numbers (`summary` of the response): every pair that
            /// shares at least `minShared` accounts, also those `limit` leaves out (default false).
            #[cfg_attr(feature = "ts", ts(optional = nullable))]
            #[serde(default)]
            pub summary: Option<bool>,
        }

        impl $name {
            /// The options of the map, borrowed.
            pub(crate) fn options(&self) -> super::command::Options<'_> {
                super::command::Options {
                    focus: self.focus.as_deref(),
                    with: self.with.as_deref(),
                    min_shared: self.min_shared,
                    limit: self.limit,
                    summary: self.summary.unwrap_or(false),
                }
            }
        }
    };
}
pub(crate) use account_map_request;

account_map_request! {
    /// `accountMap` request.
    pub struct AccountMapRequest {
        /// The partners and their accounts (bare ids are customers).
        pub ecosystem: Ecosystem,
        /// The vendor's own accounts, mapped against every partner's.
        #[cfg_attr(feature = "ts", ts(optional = nullable))]
        #[serde(default)]
        pub vendor: Option<VendorAccounts>,
    }
}

/// Counts per population.
pub type PopulationCounts = BTreeMap<String, usize>;

/// One shared account: a's record and b's record that match.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SharedAccount {
    /// a's account id.
    pub a: String,
    /// b's account id.
    pub b: String,
    /// a's name for the company.
    pub name: String,
    /// `domain` or `name`.
    pub matched_by: MatchedBy,
    /// The normalised domain or name they share.
    pub key: String,
    /// a's population for the account.
    pub a_status: String,
    /// b's population for the account.
    pub b_status: String,
    /// a's value of the account (`full` only).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_value: Option<Money>,
    /// b's value of the account (`full` only).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_value: Option<Money>,
}

/// The account map of one pair.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AccountPair {
    /// The focus, else the id that sorts first.
    pub a: String,
    /// The other side.
    pub b: String,
    /// Matches (pairs of a's and b's records that are the same company).
    pub shared: usize,
    /// `matrix[aPopulation][bPopulation]` = matches in that population pair.
    pub matrix: BTreeMap<String, PopulationCounts>,
    /// Σ of the values of the shared accounts that are opportunities, on either side
    /// (each record once).
    pub potential_revenue: Money,
    /// a's accounts that b does not have, per a's population.
    pub greenfield_a: PopulationCounts,
    /// b's accounts that a does not have, per b's population.
    pub greenfield_b: PopulationCounts,
    /// The shared accounts (`overlaps` and `full`), by a's account id.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<SharedAccount>>,
    /// a's greenfield account ids (`full` only).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greenfield_a_accounts: Option<Vec<String>>,
    /// b's greenfield account ids (`full` only).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greenfield_b_accounts: Option<Vec<String>>,
}

/// One side's account in a near miss.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NearMissSide {
    /// The partner (or vendor) id.
    pub partner: String,
    /// The account id.
    pub account: String,
    /// The normalised domain.
    pub domain: String,
}

/// Two accounts with the same normalised name but different domains: not matched.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NearMiss {
    /// The normalised name both have.
    pub name: String,
    /// One side.
    pub a: NearMissSide,
    /// The other side.
    pub b: NearMissSide,
}

/// An account left out of matching, with where it is and why.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SkippedAccount {
    /// Where: `ecosystem.partners[3].accounts[7].domain`, `vendor.accounts[0].name`, ….
    pub path: String,
    /// `invalid_domain`, `empty_name` or `duplicate_account`.
    pub code: String,
    /// What to change.
    pub message: String,
}

/// `accountMap` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AccountMapResponse {
    /// The sharing level applied.
    pub sharing: Sharing,
    /// Currency of the potential revenue and values.
    pub currency: Currency,
    /// Every population that occurs: customer, opportunity, prospect, then others by name.
    pub populations: Vec<String>,
    /// Pairs by shared count descending, then ids.
    pub pairs: Vec<AccountPair>,
    /// Same name, different domains (`overlaps` and `full`; at most
    /// [`super::matrix::MAX_NEAR_MISSES`] listed).
    pub near_misses: Vec<NearMiss>,
    /// Number of near misses in all (also under `counts`).
    pub near_miss_count: usize,
    /// Accounts left out of matching.
    pub skipped: Vec<SkippedAccount>,
    /// The whole map in a few numbers (requested with `summary: true`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<AccountSummary>,
}

/// Every pair that shares at least `minShared` accounts, summed (before `limit`): what a
/// picture of the whole map needs, without every pair written out. Counts only: it
/// reveals no account at any sharing level.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    /// How many pairs share at least `minShared` accounts.
    pub pairs: usize,
    /// Σ of their `shared`.
    pub shared: usize,
    /// Σ of their `matrix` (`matrix[aPopulation][bPopulation]`, a and b as in each pair:
    /// the focus, else the id that sorts first).
    pub matrix: BTreeMap<String, PopulationCounts>,
    /// Σ of their `potentialRevenue`.
    pub potential_revenue: Money,
}
