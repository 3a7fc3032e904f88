//! The matching keys of every side's accounts, interned: each distinct normalised domain
//! and name gets a number, and each distinct raw spelling outside plain ASCII is normalised
//! once (a shared pool of accounts across 10,000 partners is normalised once per spelling,
//! not per row; plain ASCII spellings, full-width forms included, take the fast path of
//! `super::ascii` every time).
//! Rows with a malformed domain, an empty name or a repeated key are set aside with
//! their path (SPEC §14 "kept out of matching").

use super::ascii::{ascii_domain_key_into, ascii_name_key_into};
use super::normalise::{domain_key, name_key};
use super::rows::Rec;
use super::types::SkippedAccount;
use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;

/// One kept account row: (row number in its side's list, domain id, name id).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub rec: u32,
    pub domain: Option<u32>,
    pub name: u32,
}

/// Distinct keys numbered in the order first met, their text in one arena: no
/// allocation per key (a million keys would otherwise be two million small strings).
#[derive(Default)]
pub(crate) struct Interner {
    text: String,
    ends: Vec<u32>,
    /// (id, start, end) of each key: a probe compares the text without a look-up in `ends`
    table: HashTable<(u32, u32, u32)>,
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// The text of `text` between `start` and `end`.
fn cut(text: &str, start: u32, end: u32) -> &str {
    text.get(start as usize..end as usize).unwrap_or_default()
}

impl Interner {
    /// Key `i`'s text.
    pub fn get(&self, i: u32) -> Option<&str> {
        let end = *self.ends.get(i as usize)?;
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p as usize))
            .copied()
            .unwrap_or(0);
        Some(cut(&self.text, start, end))
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Room for `n` keys without growing the table.
    fn reserve(&mut self, n: usize) {
        let Interner { text, table, .. } = self;
        table.reserve(n, |&(_, a, b)| hash(cut(text, a, b)));
    }

    /// The number of `key` (a new one the first time).
    fn intern(&mut self, key: &str) -> u32 {
        let h = hash(key);
        let Interner { text, ends, table } = self;
        // one probe: found, or the free slot it ends at
        match table.entry(
            h,
            |&(_, a, b)| cut(text, a, b) == key,
            |&(_, a, b)| hash(cut(text, a, b)),
        ) {
            Entry::Occupied(e) => e.get().0,
            Entry::Vacant(v) => {
                let i = ends.len() as u32;
                let start = text.len() as u32;
                text.push_str(key);
                let end = text.len() as u32;
                v.insert((i, start, end));
                ends.push(end);
                i
            }
        }
    }
}

/// Interned keys and the kept rows of every side.
#[derive(Default)]
pub(crate) struct Keys {
    /// Normalised domains by id.
    pub domains: Interner,
    /// Normalised names by id.
    pub names: Interner,
    /// Kept rows per side.
    pub rows: Vec<Vec<Row>>,
    raw_domain: FxHashMap<String, Result<u32, String>>,
    raw_name: FxHashMap<String, Option<u32>>,
    /// Scratch text of the fast paths.
    buf: String,
    /// Per domain id, then per name id: the last side that had it as its matching key,
    /// plus one (a key met twice in one side is set aside). Arrays, not a set: ids are dense.
    seen_domain: Vec<u32>,
    seen_name: Vec<u32>,
}

impl Keys {
    /// Keys for `rows` account rows in all (the tables are sized once, not grown).
    pub fn with_rows(rows: usize) -> Keys {
        let mut keys = Keys::default();
        keys.domains.reserve(rows);
        keys.names.reserve(rows);
        keys.seen_domain.reserve(rows);
        keys.seen_name.reserve(rows);
        keys
    }

    /// Add one side's accounts; `at(k)` is the path of row k (for the skipped list) and
    /// `reveal` whether messages may quote the row's text (not under `counts`).
    pub fn add_side(
        &mut self,
        accounts: &[Rec],
        at: impl Fn(usize) -> String,
        reveal: bool,
        skipped: &mut Vec<SkippedAccount>,
    ) {
        let mut rows = Vec::with_capacity(accounts.len());
        let stamp = (self.rows.len() as u32).wrapping_add(1);
        for (k, a) in accounts.iter().enumerate() {
            let skip = |code: &str, field: &str, message: String| SkippedAccount {
                path: format!("{}.{field}", at(k)),
                code: code.to_string(),
                message,
            };
            let domain = match a.domain {
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
            let Some(name) = self.name_id(a.name) else {
                let field = if a.named { "name" } else { "account" };
                let message = "the company name is empty (or only punctuation); give the account a name".to_string();
                skipped.push(skip("empty_name", field, message));
                continue;
            };
            // a row repeating an earlier row's matching key would be counted twice
            let (seen, id) = match domain {
                Some(d) => (&mut self.seen_domain, d),
                None => (&mut self.seen_name, name),
            };
            if seen.len() <= id as usize {
                seen.resize((id as usize).saturating_add(1), 0);
            }
            let repeated = seen
                .get_mut(id as usize)
                .is_some_and(|s| std::mem::replace(s, stamp) == stamp);
            if repeated {
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
        if ascii_domain_key_into(raw.trim(), &mut self.buf) {
            return Ok(self.domains.intern(&self.buf));
        }
        if let Some(r) = self.raw_domain.get(raw) {
            return r.clone();
        }
        let r = domain_key(raw).map(|d| self.domains.intern(&d));
        self.raw_domain.insert(raw.to_string(), r.clone());
        r
    }

    fn name_id(&mut self, raw: &str) -> Option<u32> {
        if ascii_name_key_into(raw, &mut self.buf) {
            return (!self.buf.is_empty()).then(|| self.names.intern(&self.buf));
        }
        if let Some(&r) = self.raw_name.get(raw) {
            return r;
        }
        let r = name_key(raw).map(|n| self.names.intern(&n));
        self.raw_name.insert(raw.to_string(), r);
        r
    }
}
