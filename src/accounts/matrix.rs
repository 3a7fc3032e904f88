//! The account map (SPEC §14): which accounts two sides share, matched by normalised
//! domain when both have one, else by normalised name. An inverted index (key → rows
//! holding it) keeps the work proportional to the matches, not to all pairs of sides;
//! the candidate pairs are counted and bounded by [`MAX_OVERLAP_PAIRS`] first.
// Counts and offsets of account keys ≤ accounts (MAX_PARTNERS · MAX_ACCOUNTS_PER_PARTNER
// rows read from one request ≤ its bytes): k + 1 ≤ n, i ≥ 1 where ends[i − 1] is read.
#![allow(clippy::arithmetic_side_effects)]

use super::keys::Keys;
use crate::error::{DealteamError, Result};
use crate::model::MAX_OVERLAP_PAIRS;

/// At most this many near misses are listed (all are counted).
pub const MAX_NEAR_MISSES: usize = 1000;

/// One match between two sides' rows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match {
    /// The two sides.
    pub a: u32,
    pub b: u32,
    /// a's and b's row numbers in their lists.
    pub ra: u32,
    pub rb: u32,
    /// Matched by name (else by domain).
    pub by_name: bool,
    /// The populations of a's and b's rows.
    pub pa: u32,
    pub pb: u32,
    /// The numbers of a's and b's values (`rows::Values`).
    pub va: u32,
    pub vb: u32,
}

/// One near miss: (side, row number, side, row number, name id).
pub(crate) type Miss = (u32, u32, u32, u32, u32);

/// The matches and near misses of all sides (or of `focus` against the others),
/// oriented so that `a` is the focus, else the side whose id sorts first (`rank`: the
/// position of each side in id order).
pub(crate) struct Found {
    pub matches: Vec<Match>,
    pub misses: Vec<Miss>,
    pub miss_count: usize,
}

/// What a match needs of one kept row, at hand in its key's group: reading the rows
/// themselves for each pair of a group was a random read of two million rows.
#[derive(Clone, Copy, Default)]
struct Entry {
    side: u32,
    rec: u32,
    status: u32,
    value: u32,
    /// The domain's id, or [`NO_DOMAIN`].
    domain: u32,
}

/// No domain (an [`Entry`]'s).
const NO_DOMAIN: u32 = u32::MAX;

/// The entries of every key held by two rows or more, in one array cut at `ends` (a list
/// per key would be a million small allocations for a million keys). A key held by one row
/// pairs with nothing: its group is empty, and its row is not copied.
struct Groups {
    ends: Vec<u32>,
    entries: Vec<Entry>,
}

impl Groups {
    /// The groups of `n` keys from the (key, entry) pairs `each` yields (called twice: once
    /// to count, once to fill; entries keep the order they come in).
    fn new<I: Iterator<Item = (u32, Entry)>>(n: usize, each: impl Fn() -> I) -> Groups {
        let mut ends = vec![0u32; n + 1];
        for (k, _) in each() {
            if let Some(c) = ends.get_mut(k as usize + 1) {
                *c += 1;
            }
        }
        let mut total = 0;
        for e in ends.iter_mut() {
            // a lone row's key takes no room
            total += if *e > 1 { *e } else { 0 };
            *e = total;
        }
        let mut next = ends.clone();
        let mut entries = vec![Entry::default(); total as usize];
        for (k, e) in each() {
            let k = k as usize;
            let held = ends.get(k + 1).zip(ends.get(k)).is_some_and(|(b, a)| b > a);
            if let Some(at) = next.get_mut(k).filter(|_| held) {
                if let Some(slot) = entries.get_mut(*at as usize) {
                    *slot = e;
                }
                *at += 1;
            }
        }
        Groups { ends, entries }
    }

    /// The groups in key order (empty for keys held by one row).
    fn iter(&self) -> impl Iterator<Item = &[Entry]> {
        self.ends
            .iter()
            .zip(self.ends.iter().skip(1))
            .map(|(&a, &b)| self.entries.get(a as usize..b as usize).unwrap_or(&[]))
    }
}

/// Entries per domain id and per name id.
fn groups(keys: &Keys) -> (Groups, Groups) {
    let rows = || {
        (keys.rows.iter().enumerate()).flat_map(|(s, rows)| {
            rows.iter().map(move |r| {
                let entry = Entry {
                    side: s as u32,
                    rec: r.rec,
                    status: r.status,
                    value: r.value,
                    domain: r.domain.unwrap_or(NO_DOMAIN),
                };
                (r, entry)
            })
        })
    };
    let by_domain = Groups::new(keys.domains.len(), || {
        rows().filter_map(|(r, e)| r.domain.map(|d| (d, e)))
    });
    let by_name = Groups::new(keys.names.len(), || rows().map(|(r, e)| (r.name, e)));
    (by_domain, by_name)
}

/// Find every match (and near miss) between different sides.
pub(crate) fn find(keys: &Keys, rank: &[u32], focus: Option<(u32, Option<u32>)>, misses: bool) -> Result<Found> {
    let (by_domain, by_name) = groups(keys);
    let candidates = crate::model::pairs_within(by_domain.iter().chain(by_name.iter()).map(|g| g.len()));
    if focus.is_none() && candidates > MAX_OVERLAP_PAIRS {
        return Err(DealteamError::too_large(
            "ecosystem.partners",
            "pairs of accounts with the same domain or name (Σ over keys of h·(h−1)/2); map one partner with `focus`",
            MAX_OVERLAP_PAIRS,
            candidates,
        ));
    }
    let mut out = Found {
        matches: Vec::new(),
        misses: Vec::new(),
        miss_count: 0,
    };
    // `name`: the name id of a name's group
    let mut visit = |x: Entry, y: Entry, name: Option<u32>| {
        let (x, y) = match focus {
            Some((_, with)) if with.is_some_and(|w| w != y.side) => return,
            Some(_) => (x, y),
            None if rank.get(x.side as usize) <= rank.get(y.side as usize) => (x, y),
            None => (y, x),
        };
        let matched = |by_name| Match {
            a: x.side,
            b: y.side,
            ra: x.rec,
            rb: y.rec,
            by_name,
            pa: x.status,
            pb: y.status,
            va: x.value,
            vb: y.value,
        };
        let Some(name) = name else {
            out.matches.push(matched(false));
            return;
        };
        if x.domain == NO_DOMAIN || y.domain == NO_DOMAIN {
            out.matches.push(matched(true));
        } else if x.domain != y.domain && misses {
            out.miss_count += 1;
            if out.misses.len() < MAX_NEAR_MISSES {
                out.misses.push((x.side, x.rec, y.side, y.rec, name));
            }
        }
    };
    let by_domain = by_domain.iter().map(|g| (g, None));
    let by_name = (by_name.iter().enumerate()).map(|(name, g)| (g, Some(name as u32)));
    for (g, name) in by_domain.chain(by_name).filter(|(g, _)| g.len() > 1) {
        match focus {
            // with a focus only its own entries start pairs: O(|focus entries| · h), not O(h²)
            Some((f, _)) => {
                for &x in g.iter().filter(|x| x.side == f) {
                    for &y in g.iter().filter(|y| y.side != f) {
                        visit(x, y, name);
                    }
                }
            }
            None => {
                for (i, &x) in g.iter().enumerate() {
                    for &y in g.iter().skip(i + 1).filter(|y| y.side != x.side) {
                        visit(x, y, name);
                    }
                }
            }
        }
    }
    // by sides, then in the order found (a pair's matches are counted and listed in any
    // order): their places sorted as plain `u128`s (the module's one sort of them; moving
    // the matches themselves cost three times as much), then the matches taken in that order
    let mut places: Vec<u128> = (out.matches.iter().enumerate())
        .map(|(i, m)| u128::from(m.a) << 96 | u128::from(m.b) << 64 | i as u128)
        .collect();
    places.sort_unstable();
    let matches = places
        .iter()
        .filter_map(|&p| out.matches.get(p as u64 as usize).copied());
    out.matches = matches.collect();
    Ok(out)
}
