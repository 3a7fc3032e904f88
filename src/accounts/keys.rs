//! The matching keys of every side's accounts, interned: each distinct normalised domain
//! and name gets a number, and each distinct raw spelling outside plain ASCII is normalised
//! once (a shared pool of accounts across 10,000 partners is normalised once per spelling,
//! not per row; plain ASCII spellings take the fast path of `super::ascii` every time).
//! Rows with a malformed domain, an empty name or a repeated key are set aside with
//! their path (SPEC §14 "kept out of matching").

use super::ascii::ascii_domain_key;
use super::normalise::{domain_key, name_key};
use super::types::SkippedAccount;
use crate::model::PartnerAccount;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// One kept account row: (row number in its side's list, domain id, name id).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub rec: u32,
    pub domain: Option<u32>,
    pub name: u32,
}

/// Interned keys and the kept rows of every side.
#[derive(Default)]
pub(crate) struct Keys {
    /// Normalised domains by id.
    pub domains: Vec<String>,
    /// Normalised names by id.
    pub names: Vec<String>,
    /// Kept rows per side.
    pub rows: Vec<Vec<Row>>,
    raw_domain: FxHashMap<String, Result<u32, String>>,
    raw_name: FxHashMap<String, Option<u32>>,
    domain_ids: FxHashMap<String, u32>,
    name_ids: FxHashMap<String, u32>,
}

fn intern(ids: &mut FxHashMap<String, u32>, list: &mut Vec<String>, key: String) -> u32 {
    // one hash per key: the entry is looked up and, when new, filled in the same probe
    match ids.entry(key) {
        Entry::Occupied(e) => *e.get(),
        Entry::Vacant(v) => {
            let i = list.len() as u32;
            list.push(v.key().clone());
            *v.insert(i)
        }
    }
}

impl Keys {
    /// Add one side's accounts; `at(k)` is the path of row k (for the skipped list) and
    /// `reveal` whether messages may quote the row's text (not under `counts`).
    pub fn add_side(
        &mut self,
        accounts: &[PartnerAccount],
        at: impl Fn(usize) -> String,
        reveal: bool,
        skipped: &mut Vec<SkippedAccount>,
    ) {
        let mut rows = Vec::with_capacity(accounts.len());
        let mut seen: FxHashMap<(Option<u32>, u32), ()> = FxHashMap::default();
        for (k, a) in accounts.iter().enumerate() {
            let skip = |code: &str, field: &str, message: String| SkippedAccount {
                path: format!("{}.{field}", at(k)),
                code: code.to_string(),
                message,
            };
            let domain = match a.domain() {
                None => None,
                Some(raw) => match self.domain_id(raw) {
                    Ok(d) => Some(d),
                    Err(why) => {
                        let message = if reveal {
                            why
                        } else {
                            "the domain is not well-formed; write it like example.com".to_string()
                        };
                        skipped.push(skip("invalid_domain", "domain", message));
                        continue;
                    }
                },
            };
            let Some(name) = self.name_id(a.name()) else {
                let field = if matches!(a, PartnerAccount::Detailed(r) if r.name.is_some()) {
                    "name"
                } else {
                    "account"
                };
                let message = "the company name is empty (or only punctuation); give the account a name".to_string();
                skipped.push(skip("empty_name", field, message));
                continue;
            };
            // a row repeating an earlier row's matching key would be counted twice
            let key = if domain.is_some() { (domain, 0) } else { (None, name) };
            if seen.insert(key, ()).is_some() {
                let message = "this account is listed twice (same domain, or same name without a domain); \
                               the first row is used"
                    .to_string();
                skipped.push(skip("duplicate_account", "account", message));
                continue;
            }
            rows.push(Row {
                rec: k as u32,
                domain,
                name,
            });
        }
        self.rows.push(rows);
    }

    fn domain_id(&mut self, raw: &str) -> Result<u32, String> {
        // a plain spelling costs less to normalise than to remember
        if let Some(d) = ascii_domain_key(raw.trim()) {
            return Ok(intern(&mut self.domain_ids, &mut self.domains, d));
        }
        if let Some(r) = self.raw_domain.get(raw) {
            return r.clone();
        }
        let r = domain_key(raw).map(|d| intern(&mut self.domain_ids, &mut self.domains, d));
        self.raw_domain.insert(raw.to_string(), r.clone());
        r
    }

    fn name_id(&mut self, raw: &str) -> Option<u32> {
        if raw.is_ascii() {
            return name_key(raw).map(|n| intern(&mut self.name_ids, &mut self.names, n));
        }
        if let Some(&r) = self.raw_name.get(raw) {
            return r;
        }
        let r = name_key(raw).map(|n| intern(&mut self.name_ids, &mut self.names, n));
        self.raw_name.insert(raw.to_string(), r);
        r
    }
}
