//! The three steps of the exchange (docs/psi.md): A blinds its accounts (step 1); B blinds
//! them again and sends its own as tags with encrypted populations (step 2); A unblinds,
//! matches the tags, counts per population pair and tells B (step 3).
// Offsets into lists this exchange built: at + n ≤ accounts, k < labels/LABEL_LEN,
// counts ≤ accounts ≤ MAX_PARTNERS · MAX_ACCOUNTS_PER_PARTNER.
// Indexing: points and labels by the positions of the accounts keyed here, labels in
// LABEL_LEN-byte steps of a length checked against the count.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::crypto::{
    binding_key, hash_to_group, mul_compress_batch, tag_and_pad, Secret, LABEL_LEN, POINT_LEN, TAG_LEN,
};
use super::key::{keyed_accounts, Keyed};
use super::types::*;
use super::wire::{check_header, check_mac, dec, enc, point, seal, Held, Role, State};
use crate::error::{DealteamError, Result};
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Most accounts one side may bring to an exchange.
pub const MAX_ACCOUNTS: usize = 1_000_000;

/// Points a caller computed in slices (`psiBlind`) for `psiAssemble` to put together; both
/// empty for a step that does its own work.
#[derive(Default)]
pub struct Given {
    /// Steps 1 and 2: one point per request account; A's last step: the answer's points
    /// unblinded, group after group.
    pub own: Option<Vec<[u8; POINT_LEN]>>,
    /// Step 2: the first message's points blinded again, group after group.
    pub theirs: Option<Vec<[u8; POINT_LEN]>>,
}

/// The `at..at + n` points of slices that must hold at least that many, or an error at `path`.
fn given_range(all: &[[u8; POINT_LEN]], at: usize, n: usize, path: &str) -> Result<Vec<CompressedRistretto>> {
    all.get(at..at + n)
        .map(|s| s.iter().map(|b| CompressedRistretto(*b)).collect())
        .ok_or_else(|| too_few(path, all.len()))
}

/// Slices that do not cover the message they were made from.
pub fn too_few(path: &str, got: usize) -> DealteamError {
    DealteamError::invalid(
        path,
        format!("{got} points do not match the message; compute every slice again from the same message"),
    )
}

/// The secret of a seed, or a fresh one from the system's randomness.
pub fn secret(seed: &Option<String>) -> Result<Secret> {
    match seed {
        Some(s) => Ok(Secret::from_seed(s)),
        None => Secret::random(),
    }
}

fn prepared(accounts: &[PsiAccount]) -> Result<(Vec<Keyed>, Vec<PsiSkipped>)> {
    if accounts.len() > MAX_ACCOUNTS {
        return Err(DealteamError::too_large(
            "accounts",
            "accounts per side",
            MAX_ACCOUNTS,
            accounts.len(),
        ));
    }
    Ok(keyed_accounts(accounts))
}

fn held(keyed: Vec<Keyed>) -> Vec<Held> {
    keyed
        .into_iter()
        .map(|k| Held {
            account: k.account,
            population: k.population,
        })
        .collect()
}

/// `s · H(key)` for every key, compressed.
fn blind_keys<'a>(s: &Scalar, keys: impl Iterator<Item = &'a str>) -> Vec<u8> {
    mul_compress_batch(s, keys.map(hash_to_group))
        .iter()
        .flat_map(|p| p.to_bytes())
        .collect()
}

/// Decompress concatenated points (the other side's), or an error at `path`.
fn points(text: &str, path: &str) -> Result<Vec<RistrettoPoint>> {
    points_range(text, path, 0, usize::MAX)
}

/// Decompress the points `from..to` of concatenated points (items numbered from the first of
/// `text`), or an error at `path`.
pub fn points_range(text: &str, path: &str, from: usize, to: usize) -> Result<Vec<RistrettoPoint>> {
    dec(text, POINT_LEN, path)?
        .chunks_exact(POINT_LEN)
        .enumerate()
        .skip(from)
        .take(to.saturating_sub(from))
        .map(|(i, c)| {
            CompressedRistretto::from_slice(c)
                .ok()
                .and_then(|p| p.decompress())
                .ok_or_else(|| {
                    DealteamError::invalid(
                        path,
                        format!("item {i} is not a valid point; the message was damaged — ask for it again"),
                    )
                })
        })
        .collect()
}

/// Step 1 (A): blind this side's accounts, grouped by population.
pub fn start(req: PsiStartRequest) -> Result<PsiStepResponse> {
    let secret = secret(&req.seed)?;
    start_with(req, secret, &Given::default())
}

/// Step 1 with this secret, blinding here or taking the given points.
pub fn start_with(req: PsiStartRequest, secret: Secret, given: &Given) -> Result<PsiStepResponse> {
    let (mut keyed, skipped) = prepared(&req.accounts)?;
    crate::sort::sort_by(&mut keyed, |x, y| x.population.cmp(&y.population));
    let alpha = secret.blinding()?;
    let exchange_id = enc(&secret.nonce());
    let sharing = req.sharing.unwrap_or_default();
    let groups = keyed
        .chunk_by(|x, y| x.population == y.population)
        .map(|g| PsiGroup {
            population: g[0].population.clone(),
            points: enc(&match &given.own {
                Some(own) => g.iter().flat_map(|k| own[k.index]).collect(),
                None => blind_keys(&alpha, g.iter().map(|k| k.key.as_str())),
            }),
        })
        .collect();
    let body = PsiBody {
        public_key: Some(enc(secret.public_key().as_bytes())),
        sharing: Some(sharing),
        groups,
        ..PsiBody::default()
    };
    let message = seal(&exchange_id, 1, body, None)?;
    let state = State {
        protocol: State::PROTOCOL.to_string(),
        role: Role::A,
        exchange_id: exchange_id.clone(),
        secret: enc(&secret.0),
        sharing,
        sent: message.mac.clone(),
        peer_public: None,
        their_size: None,
        accounts: held(keyed),
        tags: None,
        skipped,
    };
    Ok(PsiStepResponse {
        exchange_id,
        message,
        state: state.encode()?,
    })
}

/// Step 2 (B): blind A's points again, and send this side's accounts as tags with their
/// populations encrypted under pads only A's matching accounts reveal.
pub fn reply(req: PsiReplyRequest) -> Result<PsiStepResponse> {
    let secret = secret(&req.seed)?;
    reply_with(req, secret, &Given::default())
}

/// Step 2 with this secret, blinding here or taking the given points.
pub fn reply_with(req: PsiReplyRequest, secret: Secret, given: &Given) -> Result<PsiStepResponse> {
    let msg = &req.message;
    check_header(msg, None, 1)?;
    check_mac(msg, None)?;
    let their_public = point(msg.body.public_key.as_deref().unwrap_or(""), "message.body.publicKey")?;
    let (keyed, skipped) = prepared(&req.accounts)?;
    let beta = secret.blinding()?;
    let sharing = req
        .sharing
        .unwrap_or_default()
        .min(msg.body.sharing.unwrap_or_default());
    let mut rng = rand_chacha::ChaCha20Rng::from_seed(secret.shuffle_seed());
    let mut groups = Vec::with_capacity(msg.body.groups.len());
    let mut their_size = 0;
    for (i, g) in msg.body.groups.iter().enumerate() {
        let path = format!("message.body.groups[{i}].points");
        let mut doubled: Vec<[u8; POINT_LEN]> = match &given.theirs {
            Some(all) => {
                let n = dec(&g.points, POINT_LEN, &path)?.len() / POINT_LEN;
                all.get(their_size..their_size + n)
                    .ok_or_else(|| too_few("theirs", all.len()))?
                    .to_vec()
            }
            None => mul_compress_batch(&beta, points(&g.points, &path)?)
                .iter()
                .map(|p| p.to_bytes())
                .collect(),
        };
        if sharing == Sharing::Counts {
            doubled.shuffle(&mut rng);
        }
        their_size += doubled.len();
        groups.push(PsiGroup {
            population: g.population.clone(),
            points: enc(&doubled.concat()),
        });
    }
    if given.theirs.as_ref().is_some_and(|all| all.len() != their_size) {
        return Err(too_few("theirs", given.theirs.as_ref().map_or(0, Vec::len)));
    }
    let blinded = match &given.own {
        Some(own) => keyed.iter().map(|k| CompressedRistretto(own[k.index])).collect(),
        None => mul_compress_batch(&beta, keyed.iter().map(|k| hash_to_group(&k.key))),
    };
    let mut own: Vec<([u8; TAG_LEN], [u8; LABEL_LEN])> = keyed
        .iter()
        .zip(&blinded)
        .map(|(k, b)| {
            let (tag, pad) = tag_and_pad(b);
            (tag, seal_label(&k.population, &pad))
        })
        .collect();
    let kept_tags = (sharing == Sharing::Overlaps).then(|| enc(&own.iter().flat_map(|(t, _)| *t).collect::<Vec<u8>>()));
    own.shuffle(&mut rng);
    let body = PsiBody {
        public_key: Some(enc(secret.public_key().as_bytes())),
        sharing: Some(req.sharing.unwrap_or_default()),
        groups,
        answers: Some(msg.mac.clone()),
        tags: Some(enc(&own.iter().flat_map(|(t, _)| *t).collect::<Vec<u8>>())),
        labels: Some(enc(&own.iter().flat_map(|(_, l)| *l).collect::<Vec<u8>>())),
        ..PsiBody::default()
    };
    let key = binding_key(&secret, &their_public, msg.exchange_id.as_bytes())?;
    let message = seal(&msg.exchange_id, 2, body, Some(&key))?;
    let state = State {
        protocol: State::PROTOCOL.to_string(),
        role: Role::B,
        exchange_id: msg.exchange_id.clone(),
        secret: enc(&secret.0),
        sharing,
        sent: message.mac.clone(),
        peer_public: msg.body.public_key.clone(),
        their_size: Some(their_size),
        accounts: held(keyed),
        tags: kept_tags,
        skipped,
    };
    Ok(PsiStepResponse {
        exchange_id: msg.exchange_id.clone(),
        message,
        state: state.encode()?,
    })
}

fn seal_label(population: &str, pad: &[u8; LABEL_LEN]) -> [u8; LABEL_LEN] {
    let mut out = *pad;
    for (o, b) in out.iter_mut().zip(population.as_bytes()) {
        *o ^= b;
    }
    out
}

fn open_label(sealed: &[u8], pad: &[u8; LABEL_LEN]) -> Result<String> {
    let plain: Vec<u8> = sealed.iter().zip(pad).map(|(s, p)| s ^ p).collect();
    let end = plain.iter().position(|&b| b == 0).unwrap_or(plain.len());
    String::from_utf8(plain[..end].to_vec()).map_err(|_| {
        DealteamError::invalid(
            "message.body.labels",
            "a population does not decode; ask for the message again",
        )
    })
}

/// Either side's last step.
pub fn finish(req: PsiFinishRequest) -> Result<PsiFinishResponse> {
    finish_with(req, &Given::default())
}

/// The last step, A's unblinding done here or given.
pub fn finish_with(req: PsiFinishRequest, given: &Given) -> Result<PsiFinishResponse> {
    let state = State::decode(&req.state)?;
    let secret = state_secret(&state)?;
    match state.role {
        Role::A => super::finish::finish_a(&state, &secret, &req.message, given.own.as_deref()),
        Role::B => super::finish::finish_b(&state, &secret, &req.message),
    }
}

/// The secret a state holds.
pub fn state_secret(state: &State) -> Result<Secret> {
    let secret_bytes = dec(&state.secret, 32, "state")?;
    let mut s = [0u8; 32];
    if secret_bytes.len() != 32 {
        return Err(DealteamError::invalid(
            "state",
            "the state's secret is damaged; start the exchange again",
        ));
    }
    s.copy_from_slice(&secret_bytes);
    Ok(Secret(s))
}

/// What A's matching found.
pub struct Matched {
    /// Shared accounts per (A's population, B's population).
    pub counts: BTreeMap<(String, String), usize>,
    /// Each shared account: its position in the state, B's population, its tag.
    pub shared: Vec<(usize, String, [u8; TAG_LEN])>,
    /// B's number of accounts.
    pub their_size: usize,
}

/// A's matching: unblind B's answer to `α⁻¹ · (β · α · H(a)) = β · H(a)`, hash it to a tag,
/// and look the tag up among B's; counts per (A's population, B's population), and the
/// shared accounts' positions in `state.accounts` when the groups kept A's order.
/// `unblinded`: the unblinding done elsewhere (`psiBlind`), group after group.
pub fn match_answer(
    state: &State,
    alpha: &Scalar,
    body: &PsiBody,
    unblinded: Option<&[[u8; POINT_LEN]]>,
) -> Result<Matched> {
    let tags = dec(body.tags.as_deref().unwrap_or(""), TAG_LEN, "message.body.tags")?;
    let labels = dec(body.labels.as_deref().unwrap_or(""), LABEL_LEN, "message.body.labels")?;
    if labels.len() / LABEL_LEN != tags.len() / TAG_LEN {
        return Err(DealteamError::invalid(
            "message.body.labels",
            "as many labels as tags are expected; ask for the message again",
        ));
    }
    let index: FxHashMap<&[u8], usize> = tags.chunks_exact(TAG_LEN).enumerate().map(|(i, t)| (t, i)).collect();
    let inverse = alpha.invert();
    let (mut counts, mut shared) = (BTreeMap::new(), Vec::new());
    let mut at = 0;
    for (i, g) in body.groups.iter().enumerate() {
        let path = format!("message.body.groups[{i}]");
        let pts = match unblinded {
            Some(_) => Vec::new(),
            None => points(&g.points, &format!("{path}.points"))?,
        };
        let n = match unblinded {
            Some(_) => dec(&g.points, POINT_LEN, &format!("{path}.points"))?.len() / POINT_LEN,
            None => pts.len(),
        };
        let mine = state.accounts.get(at..at + n).unwrap_or_default();
        if mine.len() != n || mine.first().is_some_and(|h| h.population != g.population) {
            return Err(DealteamError::invalid(
                path,
                "the answer does not follow the first message's groups; ask for it again",
            ));
        }
        let plain = match unblinded {
            Some(all) => given_range(all, at, n, "blinded")?,
            None => mul_compress_batch(&inverse, pts),
        };
        for (j, p) in plain.iter().enumerate() {
            let (tag, pad) = tag_and_pad(p);
            if let Some(&k) = index.get(&tag[..]) {
                let theirs = open_label(&labels[k * LABEL_LEN..(k + 1) * LABEL_LEN], &pad)?;
                shared.push((at + j, theirs.clone(), tag));
                *counts.entry((g.population.clone(), theirs)).or_insert(0) += 1;
            }
        }
        at += n;
    }
    if unblinded.is_some_and(|all| all.len() != at) {
        return Err(too_few("blinded", unblinded.map_or(0, <[_]>::len)));
    }
    if at != state.accounts.len() {
        return Err(DealteamError::invalid(
            "message.body.groups",
            "the answer leaves out accounts of the first message; ask for it again",
        ));
    }
    Ok(Matched {
        counts,
        shared,
        their_size: tags.len() / TAG_LEN,
    })
}
