//! The matching keys of every side's accounts, interned: each distinct normalised domain
//! and name gets a number, and each distinct raw spelling outside plain ASCII is normalised
//! once (a shared pool of accounts across 10,000 partners is normalised once per spelling,
//! not per row; plain ASCII spellings, full-width forms included, take the fast path of
//! `super::ascii` every time).
//! Rows with a malformed domain, an empty name or a repeated key are set aside with
//! their path (SPEC §14 "kept out of matching").
//!
//! Rows go through in batches: a batch's keys are normalised first, then their table
//! slots read (the cache misses of the whole batch at once), then interned in row order,
//! so the numbers are those of one row after the other.

use super::ascii::{ascii_domain_key_into, ascii_name_key_into};
use super::interner::hash;
pub(crate) use super::interner::Interner;
use super::normalise::{domain_key, name_key};
use super::rows::Rec;
use super::types::SkippedAccount;
use rustc_hash::FxHashMap;

/// Rows per batch: enough misses in flight, few enough keys to stay in cache.
const BATCH: usize = 32;

/// One kept account row: its row number in its side's list, its domain and name ids and
/// its population (at hand here, so that a match need not read the row's record for it).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub rec: u32,
    pub domain: Option<u32>,
    pub name: u32,
    pub status: u32,
}

/// A normalised key of the batch: its hash and where its text lies in the batch's text.
#[derive(Clone, Copy)]
struct Key {
    hash: u64,
    start: u32,
    end: u32,
}

/// A row of the batch before its keys are numbered: the keys found (a domain's is kept even
/// when the name then fails, as the row was read in that order) and why it is set aside.
struct Pending {
    rec: usize,
    status: u32,
    domain: Option<Key>,
    name: Option<Key>,
    skip: Option<(&'static str, &'static str, String)>,
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
    /// Each raw spelling outside the fast paths, normalised (or why it cannot be).
    raw_domain: FxHashMap<String, Result<String, String>>,
    raw_name: FxHashMap<String, Option<String>>,
    /// Scratch text of the fast paths.
    buf: String,
    /// The batch's keys, one after the other, and its rows.
    batch: String,
    pending: Vec<Pending>,
    /// Per domain id, then per name id: the last side that had it as its matching key,
    /// plus one (a key met twice in one side is set aside). Arrays, not a set: ids are dense.
    seen_domain: Vec<u32>,
    seen_name: Vec<u32>,
}

impl Keys {
    /// Keys for `rows` account rows in all (their names `name_bytes` long), `domains` of
    /// them with a domain (`domain_bytes`): the tables are sized once, not grown (a raw
    /// text's length is a fair bound of its key's).
    pub fn with_rows(rows: usize, name_bytes: usize, domains: usize, domain_bytes: usize) -> Keys {
        let mut keys = Keys::default();
        keys.domains.reserve(domains, domain_bytes);
        keys.names.reserve(rows, name_bytes);
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
        for (b, batch) in accounts.chunks(BATCH).enumerate() {
            self.read_batch(b.saturating_mul(BATCH), batch, reveal);
            let mut pending = std::mem::take(&mut self.pending);
            for p in pending.drain(..) {
                let domain = p.domain.map(|k| self.domains.intern(key_text(&self.batch, k), k.hash));
                let name = p.name.map(|k| self.names.intern(key_text(&self.batch, k), k.hash));
                let skip = |code: &str, field: &str, message: String| SkippedAccount {
                    path: format!("{}.{field}", at(p.rec)),
                    code: code.to_string(),
                    message,
                };
                if let Some((code, field, message)) = p.skip {
                    skipped.push(skip(code, field, message));
                    continue;
                }
                let Some(name) = name else { continue };
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
                    rec: p.rec as u32,
                    domain,
                    name,
                    status: p.status,
                });
            }
            self.pending = pending;
        }
        self.rows.push(rows);
    }

    /// Normalise the keys of `batch` (rows `first`… of the side) into `self.batch` and
    /// `self.pending`, then read the table slots they will be looked up in.
    fn read_batch(&mut self, first: usize, batch: &[Rec], reveal: bool) {
        self.batch.clear();
        self.pending.clear();
        for (k, a) in batch.iter().enumerate() {
            let mut p = Pending {
                rec: first.saturating_add(k),
                status: a.status,
                domain: None,
                name: None,
                skip: None,
            };
            if let Some(raw) = a.domain {
                match self.domain_key(raw) {
                    Ok(key) => p.domain = Some(key),
                    Err(why) => {
                        let message = if reveal {
                            why
                        } else {
                            "the domain is not well-formed; write it like example.com".to_string()
                        };
                        p.skip = Some(("invalid_domain", "domain", message));
                        self.pending.push(p);
                        continue;
                    }
                }
            }
            p.name = self.name_key(a.name);
            if p.name.is_none() {
                let field = if a.named { "name" } else { "account" };
                let message = "the company name is empty (or only punctuation); give the account a name".to_string();
                p.skip = Some(("empty_name", field, message));
            }
            self.pending.push(p);
        }
        // the misses of the whole batch at once, before the look-ups that need them
        let mut touched = 0u32;
        for p in &self.pending {
            if let Some(k) = p.domain {
                touched ^= self.domains.touch(k.hash);
            }
            if let Some(k) = p.name {
                touched ^= self.names.touch(k.hash);
            }
        }
        std::hint::black_box(touched);
    }

    /// `text` appended to the batch as a key.
    fn push_key(batch: &mut String, text: &str) -> Key {
        let start = batch.len() as u32;
        batch.push_str(text);
        Key {
            hash: hash(text),
            start,
            end: batch.len() as u32,
        }
    }

    fn domain_key(&mut self, raw: &str) -> Result<Key, String> {
        // a plain spelling costs less to normalise than to remember
        if ascii_domain_key_into(raw.trim(), &mut self.buf) {
            return Ok(Self::push_key(&mut self.batch, &self.buf));
        }
        let r = match self.raw_domain.get(raw) {
            Some(r) => r,
            None => self.raw_domain.entry(raw.to_string()).or_insert(domain_key(raw)),
        };
        match r {
            Ok(d) => Ok(Self::push_key(&mut self.batch, d)),
            Err(why) => Err(why.clone()),
        }
    }

    fn name_key(&mut self, raw: &str) -> Option<Key> {
        if ascii_name_key_into(raw, &mut self.buf) {
            return (!self.buf.is_empty()).then(|| Self::push_key(&mut self.batch, &self.buf));
        }
        let r = match self.raw_name.get(raw) {
            Some(r) => r,
            None => self.raw_name.entry(raw.to_string()).or_insert(name_key(raw)),
        };
        r.as_deref().map(|n| Self::push_key(&mut self.batch, n))
    }
}

/// The text of batch key `k`.
fn key_text(batch: &str, k: Key) -> &str {
    batch.get(k.start as usize..k.end as usize).unwrap_or_default()
}
