//! Account overlap (SPEC §8): for each pair of partners, the accounts they share —
//! the account-mapping view. With `hashed`, accounts are compared and reported as
//! salted SHA-256 hashes, so partners can exchange hashes instead of raw lists.
//! An inverted index (account → partners) keeps the work proportional to the
//! overlaps, not to all n² pairs; the overlaps are counted first and bounded by
//! [`MAX_OVERLAP_PAIRS`] before their memory is allocated.
// Indexing: partners and accounts by the positions `shared_triples` numbered (< their
// counts); a chunk of `chunk_by` is never empty.
#![allow(clippy::indexing_slicing)]

use super::types::{OverlapPair, OverlapRequest, OverlapResponse};
use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::model::MAX_OVERLAP_PAIRS;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// `hex(SHA-256(salt ‖ account))`, the form partners exchange instead of raw accounts.
pub fn hash_account(salt: &str, account: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(account.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Compute the overlapping pairs.
pub fn overlap(req: &OverlapRequest) -> Result<OverlapResponse> {
    req.ecosystem.validate().map_err(|e| e.under("ecosystem"))?;
    let salt = salt_of(req)?;
    if req.min_shared == Some(0) {
        return Err(DealteamError::invalid("minShared", "minShared must be at least 1"));
    }
    let partners = &req.ecosystem.partners;
    let keyed: Vec<BTreeSet<String>> = partners
        .iter()
        .map(|p| {
            crate::sort::set_of(
                p.accounts
                    .iter()
                    .map(|a| salt.map_or_else(|| a.id().to_string(), |s| hash_account(s, a.id()))),
            )
        })
        .collect();
    let (accounts, triples) = shared_triples(&keyed)?;
    let min = req.min_shared.unwrap_or(1);
    let with_accounts = req.include_accounts.unwrap_or(true);
    let mut pairs: Vec<OverlapPair> = triples
        .chunk_by(|x, y| (x.0, x.1) == (y.0, y.1))
        .filter(|group| group.len() >= min)
        .map(|group| {
            let (i, j) = (group[0].0 as usize, group[0].1 as usize);
            // the group is the accounts both hold, so it is at most either's count
            let union = keyed[i]
                .len()
                .saturating_add(keyed[j].len())
                .saturating_sub(group.len());
            let (a, b) = if partners[i].id <= partners[j].id {
                (i, j)
            } else {
                (j, i)
            };
            OverlapPair {
                a: partners[a].id.clone(),
                b: partners[b].id.clone(),
                shared: group.len(),
                jaccard: group.len() as f64 / union as f64,
                accounts: with_accounts.then(|| group.iter().map(|t| accounts[t.2 as usize].to_string()).collect()),
            }
        })
        .collect();
    crate::sort::sort_by(&mut pairs, |x, y| {
        y.shared
            .cmp(&x.shared)
            .then(y.jaccard.total_cmp(&x.jaccard))
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    if let Some(l) = req.limit {
        pairs.truncate(l);
    }
    Ok(OverlapResponse { pairs })
}

/// The salt of a hashed overlap (`None` for raw ids); hashed mode needs a non-empty salt.
fn salt_of(req: &OverlapRequest) -> Result<Option<&str>> {
    match (req.hashed, &req.salt) {
        (true, Some(s)) if !s.is_empty() => Ok(Some(s.as_str())),
        (true, _) => Err(DealteamError::new(
            ErrorCode::MissingField,
            "salt",
            "hashed overlap needs a non-empty `salt` agreed by the partners",
        )),
        (false, _) => Ok(None),
    }
}

/// Accounts (sorted) and (partner, partner, account number) triples.
type SharedTriples<'a> = (Vec<&'a str>, Vec<(u32, u32, u32)>);

/// The accounts in sorted order and one (partner, partner, account number) triple per
/// account two partners share, sorted so that each pair's triples are contiguous.
/// Refused above [`MAX_OVERLAP_PAIRS`] before anything is allocated for the pairs.
fn shared_triples(keyed: &[BTreeSet<String>]) -> Result<SharedTriples<'_>> {
    // account → partners holding it; accounts in sorted order, so account numbers sort
    // like the accounts themselves
    let mut by_account: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, accts) in keyed.iter().enumerate() {
        for a in accts {
            by_account.entry(a.as_str()).or_default().push(i as u32);
        }
    }
    let incidences = crate::model::pairs_within(by_account.values().map(Vec::len));
    if incidences > MAX_OVERLAP_PAIRS {
        return Err(DealteamError::too_large(
            "ecosystem.partners",
            "partner pairs sharing an account (Σ over accounts of h·(h−1)/2, h = partners holding it)",
            MAX_OVERLAP_PAIRS,
            incidences,
        ));
    }
    let accounts: Vec<&str> = by_account.keys().copied().collect();
    // one (partner, partner, account) triple per shared account, grouped by sorting
    let mut triples: Vec<(u32, u32, u32)> = Vec::with_capacity(incidences);
    for (k, holders) in by_account.values().enumerate() {
        for (x, &i) in holders.iter().enumerate() {
            for &j in holders.get(x.saturating_add(1)..).unwrap_or(&[]) {
                triples.push((i.min(j), i.max(j), k as u32));
            }
        }
    }
    drop(by_account);
    crate::sort::triples(&mut triples);
    Ok((accounts, triples))
}

/// `overlap` (SPEC §10).
pub struct OverlapCommand;
impl Command for OverlapCommand {
    const NAME: &'static str = "overlap";
    type Request = OverlapRequest;
    type Response = OverlapResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        overlap(&req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn sha256_of_salted_account() {
        // expected values from coreutils: printf 's1acme' | sha256sum
        assert_eq!(
            hash_account("s1", "acme"),
            "9e6ac6aebe32eecce201662afa0c83b26b0bcfc1462d9fe81700247b29b09510"
        );
        assert_eq!(
            hash_account("", "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
