//! Accounts (SPEC §14): populations on partner accounts, matching by normalised domain
//! or name, and the overlap matrix per pair of partners.

pub mod normalise;

pub use normalise::{account_keys, domain_key, match_accounts, name_key, AccountKeys, MatchKey, MatchedBy};
