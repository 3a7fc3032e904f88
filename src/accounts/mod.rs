//! Accounts (SPEC §14): populations on partner accounts (the types live in
//! [`crate::model::account`]), matching by normalised domain or name, and the overlap
//! matrix per pair of partners (and the vendor) under a sharing level.

pub mod access;
mod ascii;
pub mod columns;
mod command;
mod interner;
mod keys;
mod matrix;
pub mod normalise;
mod pairs;
mod rows;
mod summary;
pub mod types;

pub use crate::model::{AccountRecord, PartnerAccount};
pub use columns::{
    account_map_columns, account_map_columns_with, AccountMapColumnsCommand, AccountMapColumnsRequest, ColumnTexts,
};
pub use command::{account_map, AccountMapCommand, DEFAULT_VENDOR_ID};
pub use matrix::MAX_NEAR_MISSES;
pub use normalise::{account_keys, domain_key, match_accounts, name_key, AccountKeys, MatchKey, MatchedBy};
