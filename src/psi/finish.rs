//! The last step of each side: A checks B's answer and counts (then tells B); B checks A's
//! counts and reads them from its own side.

use super::crypto::{binding_key, Secret, POINT_LEN, TAG_LEN};
use super::exchange::{match_answer, Matched};
use super::types::*;
use super::wire::{check_header, check_mac, dec, enc, point, seal, State};
use crate::error::{DealteamError, Result};
use rustc_hash::FxHashMap;

fn counts_of(map: impl IntoIterator<Item = ((String, String), usize)>) -> Vec<PsiCount> {
    let mut out: Vec<PsiCount> = map
        .into_iter()
        .map(|((mine, theirs), shared)| PsiCount { mine, theirs, shared })
        .collect();
    crate::sort::sort(&mut out);
    out
}

/// A's finish: the counts, and the step-3 message for B.
pub fn finish_a(
    state: &State,
    secret: &Secret,
    msg: &PsiMessage,
    unblinded: Option<&[[u8; POINT_LEN]]>,
) -> Result<PsiFinishResponse> {
    check_header(msg, Some(&state.exchange_id), 2)?;
    let their_public = point(msg.body.public_key.as_deref().unwrap_or(""), "message.body.publicKey")?;
    let key = binding_key(secret, &their_public, state.exchange_id.as_bytes())?;
    check_mac(msg, Some(&key))?;
    if msg.body.answers.as_deref() != Some(state.sent.as_str()) {
        return Err(DealteamError::invalid(
            "message.body.answers",
            "the other side answered a different first message than the one you sent (it was changed on the way): \
             start again and send the new first message unaltered",
        ));
    }
    let sharing = state.sharing.min(msg.body.sharing.unwrap_or_default());
    let Matched {
        counts,
        shared,
        their_size,
    } = match_answer(state, &secret.blinding()?, &msg.body, unblinded)?;
    let total = shared.len();
    let (accounts, shared_tags) = if sharing == Sharing::Overlaps {
        let mut list: Vec<PsiShared> = shared
            .iter()
            .filter_map(|(i, theirs, _)| {
                state.accounts.get(*i).map(|h| PsiShared {
                    account: h.account.clone(),
                    mine: h.population.clone(),
                    theirs: theirs.clone(),
                })
            })
            .collect();
        crate::sort::sort(&mut list);
        let mut tags: Vec<([u8; TAG_LEN], String)> = shared
            .iter()
            .filter_map(|(i, _, t)| state.accounts.get(*i).map(|h| (*t, h.population.clone())))
            .collect();
        crate::sort::sort(&mut tags);
        let pops = tags.iter().map(|(_, p)| p.clone()).collect();
        (
            Some(list),
            Some((enc(&tags.iter().flat_map(|(t, _)| *t).collect::<Vec<u8>>()), pops)),
        )
    } else {
        (None, None)
    };
    let (shared_tags, shared_populations) = shared_tags.unzip();
    let counts = counts_of(counts);
    let body = PsiBody {
        counts: counts.clone(),
        shared_tags,
        shared_populations: shared_populations.unwrap_or_default(),
        size: Some(state.accounts.len()),
        ..PsiBody::default()
    };
    let message = seal(&state.exchange_id, 3, body, Some(&key))?;
    Ok(PsiFinishResponse {
        result: PsiResult {
            exchange_id: state.exchange_id.clone(),
            sharing,
            my_accounts: state.accounts.len(),
            their_accounts: their_size,
            shared: total,
            counts,
            accounts,
            skipped: state.skipped.clone(),
        },
        message: Some(message),
    })
}

/// B's finish: A's counts seen from B's side (and B's shared accounts with `overlaps`).
pub fn finish_b(state: &State, secret: &Secret, msg: &PsiMessage) -> Result<PsiFinishResponse> {
    check_header(msg, Some(&state.exchange_id), 3)?;
    let their_public = point(state.peer_public.as_deref().unwrap_or(""), "state")?;
    let key = binding_key(secret, &their_public, state.exchange_id.as_bytes())?;
    check_mac(msg, Some(&key))?;
    let counts = counts_of(
        msg.body
            .counts
            .iter()
            .map(|c| ((c.theirs.clone(), c.mine.clone()), c.shared)),
    );
    let total: usize = counts.iter().map(|c| c.shared).sum();
    let accounts = match (state.sharing, &state.tags, &msg.body.shared_tags) {
        (Sharing::Overlaps, Some(mine), Some(theirs)) => {
            let mine = dec(mine, TAG_LEN, "state")?;
            let index: FxHashMap<&[u8], usize> = mine.chunks_exact(TAG_LEN).enumerate().map(|(i, t)| (t, i)).collect();
            let shared = dec(theirs, TAG_LEN, "message.body.sharedTags")?;
            let theirs_pops = &msg.body.shared_populations;
            if theirs_pops.len() != shared.len() / TAG_LEN {
                return Err(DealteamError::invalid(
                    "message.body.sharedPopulations",
                    "one population per shared tag is expected; ask again",
                ));
            }
            let mut out = Vec::new();
            for (t, theirs) in shared.chunks_exact(TAG_LEN).zip(theirs_pops) {
                let h = index.get(t).and_then(|&i| state.accounts.get(i)).ok_or_else(|| {
                    DealteamError::invalid(
                        "message.body.sharedTags",
                        "names an account this side never sent; ask again",
                    )
                })?;
                out.push(PsiShared {
                    account: h.account.clone(),
                    mine: h.population.clone(),
                    theirs: theirs.clone(),
                });
            }
            crate::sort::sort(&mut out);
            Some(out)
        }
        _ => None,
    };
    if total > state.accounts.len() || total > msg.body.size.unwrap_or(0) {
        return Err(DealteamError::invalid(
            "message.body.counts",
            "more shared accounts than either side has; ask again",
        ));
    }
    Ok(PsiFinishResponse {
        result: PsiResult {
            exchange_id: state.exchange_id.clone(),
            sharing: state.sharing,
            my_accounts: state.accounts.len(),
            their_accounts: msg.body.size.unwrap_or(0),
            shared: total,
            counts,
            accounts,
            skipped: state.skipped.clone(),
        },
        message: None,
    })
}
