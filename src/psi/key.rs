//! An account's matching key for the private intersection: its normalised domain when it
//! has one, else its normalised name (SPEC §14) — one key per account, since neither side
//! may see whether the other has a domain for it (docs/psi.md).

use super::types::{PsiAccount, PsiSkipped};
use crate::accounts::{domain_key, name_key};
use rustc_hash::FxHashMap;

/// An account ready for the exchange.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed {
    /// The account as this side names it.
    pub account: String,
    /// Its population.
    pub population: String,
    /// `d:<domain>` or `n:<name>`.
    pub key: String,
    /// Its position in the request's `accounts`.
    pub index: usize,
}

/// The population of a bare account.
pub const CUSTOMER: &str = "customer";
/// Longest population name (bytes of UTF-8) that fits a label.
pub const MAX_POPULATION: usize = super::crypto::LABEL_LEN;

/// The account's population and key, or why it is left out.
pub fn keyed(acc: &PsiAccount, index: usize) -> Result<Keyed, String> {
    let (account, status, domain, name) = match acc {
        PsiAccount::Bare(a) => (a.as_str(), None, None, None),
        PsiAccount::Full(f) => (
            f.account.as_str(),
            f.status.as_deref(),
            f.domain.as_deref(),
            f.name.as_deref(),
        ),
    };
    let population = status.unwrap_or(CUSTOMER).trim().to_string();
    if population.is_empty() || population.len() > MAX_POPULATION || population.contains('\0') {
        return Err(format!(
            "the population `{population}` must be 1 to {MAX_POPULATION} bytes long; shorten it"
        ));
    }
    let key = match domain.filter(|d| !d.trim().is_empty()) {
        Some(d) => format!(
            "d:{}",
            domain_key(d).map_err(|e| format!("the domain `{d}` is not usable: {e}"))?
        ),
        None => {
            let n = name.unwrap_or(account);
            format!(
                "n:{}",
                name_key(n).ok_or_else(|| format!("the name `{n}` is empty once normalised"))?
            )
        }
    };
    Ok(Keyed {
        account: account.to_string(),
        population,
        key,
        index,
    })
}

/// The distinct accounts of one side (the first of two with one key stays) and those
/// left out, with their paths.
pub fn keyed_accounts(accounts: &[PsiAccount]) -> (Vec<Keyed>, Vec<PsiSkipped>) {
    let mut seen = FxHashMap::default();
    let (mut out, mut skipped) = (Vec::with_capacity(accounts.len()), Vec::new());
    for (i, acc) in accounts.iter().enumerate() {
        match keyed(acc, i) {
            Ok(k) => {
                if let Some(first) = seen.get(&k.key) {
                    skipped.push(PsiSkipped {
                        path: format!("accounts[{i}]"),
                        message: format!("the same account as accounts[{first}]; counted once"),
                    });
                } else {
                    seen.insert(k.key.clone(), i);
                    out.push(k);
                }
            }
            Err(message) => skipped.push(PsiSkipped {
                path: format!("accounts[{i}]"),
                message,
            }),
        }
    }
    (out, skipped)
}
