//! Account overlap (SPEC §8): for each pair of partners, the accounts they share —
//! the account-mapping view. With `hashed`, accounts are compared and reported as
//! salted SHA-256 hashes, so partners can exchange hashes instead of raw lists.
//! An inverted index (account → partners) keeps the work proportional to the
//! overlaps, not to all n² pairs.

use super::types::{OverlapPair, OverlapRequest, OverlapResponse};
use crate::api::Command;
use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// `hex(SHA-256(salt ‖ account))`, the form partners exchange instead of raw accounts.
pub fn hash_account(salt: &str, account: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(account.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Compute the overlapping pairs.
pub fn overlap(req: &OverlapRequest) -> Result<OverlapResponse> {
    req.ecosystem.validate()?;
    let salt = match (req.hashed, &req.salt) {
        (true, Some(s)) if !s.is_empty() => Some(s.as_str()),
        (true, _) => {
            return Err(DealteamError::new(
                ErrorCode::MissingField,
                "salt",
                "hashed overlap needs a non-empty `salt` agreed by the partners",
            ))
        }
        (false, _) => None,
    };
    if req.min_shared == Some(0) {
        return Err(DealteamError::invalid("minShared", "minShared must be at least 1"));
    }
    let partners = &req.ecosystem.partners;
    let keyed: Vec<BTreeSet<String>> = partners
        .iter()
        .map(|p| {
            p.accounts
                .iter()
                .map(|a| salt.map_or_else(|| a.clone(), |s| hash_account(s, a)))
                .collect()
        })
        .collect();
    let mut by_account: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, accts) in keyed.iter().enumerate() {
        for a in accts {
            by_account.entry(a.as_str()).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
    for (acct, holders) in &by_account {
        for (x, &i) in holders.iter().enumerate() {
            for &j in &holders[x + 1..] {
                shared.entry((i.min(j), i.max(j))).or_default().push(acct);
            }
        }
    }
    let min = req.min_shared.unwrap_or(1);
    let with_accounts = req.include_accounts.unwrap_or(true);
    let mut pairs: Vec<OverlapPair> = shared
        .into_iter()
        .filter(|(_, s)| s.len() >= min)
        .map(|((i, j), mut s)| {
            s.sort_unstable();
            let union = keyed[i].len() + keyed[j].len() - s.len();
            let (a, b) = if partners[i].id <= partners[j].id {
                (i, j)
            } else {
                (j, i)
            };
            OverlapPair {
                a: partners[a].id.clone(),
                b: partners[b].id.clone(),
                shared: s.len(),
                jaccard: s.len() as f64 / union as f64,
                accounts: with_accounts.then(|| s.into_iter().map(str::to_string).collect()),
            }
        })
        .collect();
    pairs.sort_by(|x, y| {
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
