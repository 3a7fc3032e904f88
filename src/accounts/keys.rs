//! The matching keys of every side's accounts, interned: each distinct normalised domain
//! and name gets a number, and each distinct raw spelling outside plain ASCII is normalised
//! once (a shared pool of accounts across 10,000 partners is normalised once per spelling,
//! not per row; plain ASCII spellings, full-width forms included, take the fast path of
//! `super::ascii` every time).
//! Rows with a malformed domain, an empty name or a repeated key are set aside with
//! their path (SPEC §14 "kept out of matching").
//!
//! Every row's keys are found first, then numbered all at once (`super::interner`), then
//! the rows kept in order: the numbers are those of one row after the other.

use super::ascii::{ascii_domain_key_into, ascii_name_key_into};
use super::interner::Arena;
pub(crate) use super::interner::Interner;
use super::normalise::{domain_key, name_key};
use super::rows::Rec;
use super::types::SkippedAccount;
use rustc_hash::FxHashMap;

/// No key (a row's domain or name position among the keys met).
const NONE: u32 = u32::MAX;

/// One kept account row: its row number in its side's list, its domain and name ids, its
/// population and its value's number (at hand here, so that a match need not read the
/// row's record for them).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub rec: u32,
    pub domain: Option<u32>,
    pub name: u32,
    pub status: u32,
    pub value: u32,
}

/// A row before its keys are numbered: the positions of its keys among those met ([`NONE`]
/// when there is none; a domain's is kept even when the name then fails, as the row was
/// read in that order) and whether it is set aside (why: the next of [`Met::skips`]).
#[derive(Clone, Copy)]
struct Pending {
    rec: u32,
    status: u32,
    value: u32,
    domain: u32,
    name: u32,
    set_aside: bool,
}

/// Every side's keys as met, before they are numbered.
#[derive(Default)]
struct Met {
    domains: Arena,
    names: Arena,
    sides: Vec<Vec<Pending>>,
    skips: Vec<(&'static str, &'static str, String)>,
    /// Each raw spelling outside the fast paths, normalised (or why it cannot be).
    raw_domain: FxHashMap<String, Result<String, String>>,
    raw_name: FxHashMap<String, Option<String>>,
    /// Scratch text of the fast paths.
    buf: String,
}

impl Met {
    /// Find the keys of one side's rows; `reveal`: whether messages may quote the row's
    /// text (not under `counts`).
    fn add_side(&mut self, accounts: &[Rec], reveal: bool) {
        let mut rows = Vec::with_capacity(accounts.len());
        for (k, a) in accounts.iter().enumerate() {
            let mut p = Pending {
                rec: k as u32,
                status: a.status,
                value: a.value,
                domain: NONE,
                name: NONE,
                set_aside: false,
            };
            if let Some(raw) = a.domain {
                match domain_key_of(raw, &mut self.buf, &mut self.raw_domain) {
                    Ok(key) => p.domain = self.domains.push(key),
                    Err(why) => {
                        let message = if reveal {
                            why
                        } else {
                            "the domain is not well-formed; write it like example.com".to_string()
                        };
                        self.skips.push(("invalid_domain", "domain", message));
                        p.set_aside = true;
                        rows.push(p);
                        continue;
                    }
                }
            }
            match name_key_of(a.name, &mut self.buf, &mut self.raw_name) {
                Some(key) => p.name = self.names.push(key),
                None => {
                    let field = if a.named { "name" } else { "account" };
                    let message =
                        "the company name is empty (or only punctuation); give the account a name".to_string();
                    self.skips.push(("empty_name", field, message));
                    p.set_aside = true;
                }
            }
            rows.push(p);
        }
        self.sides.push(rows);
    }
}

/// The normalised domain of `raw`: a plain spelling costs less to normalise than to
/// remember, any other is normalised once.
fn domain_key_of<'c>(
    raw: &str,
    buf: &'c mut String,
    cache: &'c mut FxHashMap<String, Result<String, String>>,
) -> Result<&'c str, String> {
    if ascii_domain_key_into(raw.trim(), buf) {
        return Ok(buf);
    }
    if !cache.contains_key(raw) {
        cache.insert(raw.to_string(), domain_key(raw));
    }
    match cache.get(raw) {
        Some(Ok(d)) => Ok(d),
        Some(Err(why)) => Err(why.clone()),
        None => Err(String::new()),
    }
}

/// The normalised name of `raw` (`None`: empty), as [`domain_key_of`].
fn name_key_of<'c>(
    raw: &str,
    buf: &'c mut String,
    cache: &'c mut FxHashMap<String, Option<String>>,
) -> Option<&'c str> {
    if ascii_name_key_into(raw, buf) {
        return (!buf.is_empty()).then_some(buf.as_str());
    }
    if !cache.contains_key(raw) {
        cache.insert(raw.to_string(), name_key(raw));
    }
    cache.get(raw).and_then(|n| n.as_deref())
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
}

impl Keys {
    /// The keys of every side's rows; `at(s, k)` is the path of side s's row k (for the
    /// skipped list) and `reveal` whether messages may quote the row's text (not under
    /// `counts`).
    pub fn read(
        sides: &[Vec<Rec>],
        at: impl Fn(usize, usize) -> String,
        reveal: bool,
        skipped: &mut Vec<SkippedAccount>,
    ) -> Keys {
        let mut met = Met::default();
        // sized once, not grown (a raw text's length is a fair bound of its key's)
        let (mut rows, mut name_bytes, mut domains, mut domain_bytes) = (0usize, 0usize, 0usize, 0usize);
        for r in sides.iter().flatten() {
            rows = rows.saturating_add(1);
            name_bytes = name_bytes.saturating_add(r.name.len());
            if let Some(d) = r.domain {
                domains = domains.saturating_add(1);
                domain_bytes = domain_bytes.saturating_add(d.len());
            }
        }
        met.domains.reserve(domains, domain_bytes);
        met.names.reserve(rows, name_bytes);
        for accounts in sides {
            met.add_side(accounts, reveal);
        }
        let (domains, domain_ids) = met.domains.number();
        let (names, name_ids) = met.names.number();
        // per domain id, then per name id: the last side that had it as its matching key,
        // plus one (a key met twice in one side is set aside). Arrays, not a set: ids are dense.
        let mut seen_domain = vec![0u32; domains.len()];
        let mut seen_name = vec![0u32; names.len()];
        let mut skips = met.skips.into_iter();
        let mut kept = Vec::with_capacity(met.sides.len());
        for (s, pending) in met.sides.into_iter().enumerate() {
            let stamp = (s as u32).wrapping_add(1);
            let id = |ids: &[u32], at: u32| (at != NONE).then(|| ids.get(at as usize).copied().unwrap_or(0));
            // in place: a pending row and a kept one are the same size
            let rows: Vec<Row> = (pending.into_iter())
                .filter_map(|p| {
                    let skip = |code: &str, field: &str, message: String| SkippedAccount {
                        path: format!("{}.{field}", at(s, p.rec as usize)),
                        code: code.to_string(),
                        message,
                    };
                    if p.set_aside {
                        if let Some((code, field, message)) = skips.next() {
                            skipped.push(skip(code, field, message));
                        }
                        return None;
                    }
                    let domain = id(&domain_ids, p.domain);
                    let name = id(&name_ids, p.name)?;
                    // a row repeating an earlier row's matching key would be counted twice
                    let (seen, key) = match domain {
                        Some(d) => (&mut seen_domain, d),
                        None => (&mut seen_name, name),
                    };
                    let repeated = seen
                        .get_mut(key as usize)
                        .is_some_and(|x| std::mem::replace(x, stamp) == stamp);
                    if repeated {
                        let message = "this account is listed twice (same domain, or same name without a domain); \
                                       the first row is used"
                            .to_string();
                        skipped.push(skip("duplicate_account", "account", message));
                        return None;
                    }
                    Some(Row {
                        rec: p.rec,
                        domain,
                        name,
                        status: p.status,
                        value: p.value,
                    })
                })
                .collect();
            kept.push(rows);
        }
        Keys {
            domains,
            names,
            rows: kept,
        }
    }
}
