//! A step's scalar multiplications in slices, so one side's work can be spread over several
//! threads (the planner's Web Workers): `psiBlind` computes one slice — accounts hashed to the
//! group and blinded, or a range of the other side's points blinded again or unblinded — and
//! `psiAssemble` puts the slices together into the step's usual response. The multiplications
//! are independent per point and compression is canonical, so the assembled message, state and
//! result are byte for byte those of `psiStart`, `psiReply` and `psiFinish`.

use super::crypto::{hash_to_group, mul_compress_batch, Secret, POINT_LEN};
use super::exchange::{finish_with, points_range, reply_with, secret, start_with, state_secret, too_few, Given};
use super::key::keyed;
use super::types::*;
use super::wire::{dec, enc, State};
use crate::error::{DealteamError, Result};

/// The secret a slice or an assembly names: exactly one of a seed, the secret, a state.
fn named_secret(seed: &Option<String>, secret_b64: &Option<String>, state: &Option<String>) -> Result<Secret> {
    match (seed, secret_b64, state) {
        (Some(_), None, None) => secret(seed),
        (None, Some(b), None) => {
            let bytes = dec(b, 32, "secret")?;
            let arr: [u8; 32] = bytes.try_into().map_err(|_| {
                DealteamError::invalid("secret", "must be 32 bytes, base64; pass the secret the step was given")
            })?;
            Ok(Secret(arr))
        }
        (None, None, Some(s)) => state_secret(&State::decode(s)?),
        _ => Err(DealteamError::invalid(
            "secret",
            "give exactly one of `seed`, `secret` and `state`: the secret the whole step uses",
        )),
    }
}

/// One slice: `accounts` hashed and blinded (32 zero bytes for one left out), or the points
/// `from..to` of `points` blinded again, or unblinded with `inverse`.
pub fn blind(req: PsiBlindRequest) -> Result<PsiBlindResponse> {
    let secret = named_secret(&req.seed, &req.secret, &req.state)?;
    let s = secret.blinding()?;
    let out: Vec<u8> = match (&req.points, req.accounts.is_empty()) {
        (Some(_), false) => {
            return Err(DealteamError::invalid(
                "points",
                "give either accounts or points in one slice, not both",
            ))
        }
        (Some(text), true) => {
            let path = req.path.as_deref().unwrap_or("points");
            let pts = points_range(text, path, req.from.unwrap_or(0), req.to.unwrap_or(usize::MAX))?;
            let s = if req.inverse { s.invert() } else { s };
            mul_compress_batch(&s, pts).iter().flat_map(|p| p.to_bytes()).collect()
        }
        (None, _) if req.inverse => {
            return Err(DealteamError::invalid(
                "inverse",
                "only points are unblinded; give the answer's points",
            ))
        }
        (None, _) => {
            let hashed: Vec<_> = req.accounts.iter().map(|a| keyed(a, 0).ok()).collect();
            let mut done = mul_compress_batch(&s, hashed.iter().flatten().map(|k| hash_to_group(&k.key))).into_iter();
            hashed
                .iter()
                .flat_map(|k| match k {
                    Some(_) => done.next().map_or([0; POINT_LEN], |p| p.to_bytes()),
                    None => [0; POINT_LEN],
                })
                .collect()
        }
    };
    Ok(PsiBlindResponse { points: enc(&out) })
}

/// Slices decoded and concatenated: `n` points expected when `n` is known.
fn joined(slices: &[String], path: &str, n: Option<usize>) -> Result<Vec<[u8; POINT_LEN]>> {
    let mut out = Vec::new();
    for (i, s) in slices.iter().enumerate() {
        let bytes = dec(s, POINT_LEN, &format!("{path}[{i}]"))?;
        out.extend(bytes.chunks_exact(POINT_LEN).map(|c| {
            let mut p = [0; POINT_LEN];
            p.copy_from_slice(c);
            p
        }));
    }
    match n {
        Some(n) if n != out.len() => Err(too_few(path, out.len())),
        _ => Ok(out),
    }
}

/// One step from its slices.
pub fn assemble(req: PsiAssembleRequest) -> Result<PsiAssembled> {
    let step_secret = |seed: &Option<String>| named_secret(seed, &req.secret, &None);
    match (req.start, req.reply, req.finish) {
        (Some(start), None, None) => {
            let given = Given {
                own: Some(joined(&req.blinded, "blinded", Some(start.accounts.len()))?),
                theirs: None,
            };
            let secret = step_secret(&start.seed)?;
            start_with(start, secret, &given).map(PsiAssembled::Step)
        }
        (None, Some(reply), None) => {
            let given = Given {
                own: Some(joined(&req.blinded, "blinded", Some(reply.accounts.len()))?),
                theirs: Some(joined(&req.theirs, "theirs", None)?),
            };
            let secret = step_secret(&reply.seed)?;
            reply_with(reply, secret, &given).map(PsiAssembled::Step)
        }
        (None, None, Some(finish)) => {
            let given = Given {
                own: Some(joined(&req.blinded, "blinded", None)?),
                theirs: None,
            };
            finish_with(finish, &given).map(PsiAssembled::Finish)
        }
        _ => Err(DealteamError::invalid(
            "start",
            "give exactly one of `start`, `reply` and `finish`: the step to put together",
        )),
    }
}
