//! Encoding of the exchange: base64 fields, the bound content of a message, the checks a
//! received message must pass (protocol, exchange, step, binding) and the caller-held state.

use super::crypto::{bind, same, POINT_LEN, PROTOCOL};
use super::types::{PsiBody, PsiMessage, PsiSkipped, Sharing};
use crate::error::{DealteamError, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use curve25519_dalek::ristretto::CompressedRistretto;
use serde::{Deserialize, Serialize};

/// Base64 (standard alphabet, padded).
pub fn enc(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

/// Decode base64 into chunks of `n` bytes, or an error at `path`.
pub fn dec(text: &str, n: usize, path: &str) -> Result<Vec<u8>> {
    let b = B64.decode(text).map_err(|e| {
        DealteamError::invalid(
            path,
            format!("not base64 ({e}); the message was damaged — ask for it again"),
        )
    })?;
    if n > 1 && b.len().checked_rem(n) != Some(0) {
        return Err(DealteamError::invalid(
            path,
            format!(
                "{} bytes is not a whole number of {n}-byte items; the message was damaged — ask for it again",
                b.len()
            ),
        ));
    }
    Ok(b)
}

/// A public key from base64.
pub fn point(text: &str, path: &str) -> Result<CompressedRistretto> {
    let b = dec(text, POINT_LEN, path)?;
    CompressedRistretto::from_slice(&b).map_err(|_| {
        DealteamError::invalid(
            path,
            "must be one 32-byte key; the message was damaged — ask for it again",
        )
    })
}

/// The bytes a message's `mac` binds: protocol, exchange id, step and body.
pub fn content(exchange_id: &str, step: u8, body: &PsiBody) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for part in [PROTOCOL.as_bytes(), exchange_id.as_bytes(), &[step]] {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part);
    }
    let body = serde_json::to_vec(body).map_err(|e| DealteamError::invalid("message.body", e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// A message with its binding.
pub fn seal(exchange_id: &str, step: u8, body: PsiBody, key: Option<&[u8; 32]>) -> Result<PsiMessage> {
    let mac = enc(&bind(key, &content(exchange_id, step, &body)?));
    Ok(PsiMessage {
        protocol: PROTOCOL.to_string(),
        exchange_id: exchange_id.to_string(),
        step,
        body,
        mac,
    })
}

const STEP_NAMES: [&str; 4] = [
    "",
    "the first message (from psiStart)",
    "the answer (from psiReply)",
    "the counts (from psiFinish on the other side)",
];

/// Check a received message's protocol, exchange (when this side knows it) and step.
pub fn check_header(msg: &PsiMessage, exchange_id: Option<&str>, step: u8) -> Result<()> {
    if msg.protocol != PROTOCOL {
        return Err(DealteamError::invalid(
            "message.protocol",
            format!(
                "`{}` is not a dealteam private match message (expected `{PROTOCOL}`)",
                msg.protocol
            ),
        ));
    }
    if let Some(id) = exchange_id.filter(|id| *id != msg.exchange_id) {
        return Err(DealteamError::invalid(
            "message.exchangeId",
            format!(
                "this message belongs to exchange `{}`, not to this one (`{id}`): it was replayed from another \
                 exchange or mixed up; use the message the other side made for this exchange",
                msg.exchange_id
            ),
        ));
    }
    if msg.step != step {
        let got = STEP_NAMES
            .get(usize::from(msg.step))
            .copied()
            .unwrap_or("no step of this protocol");
        return Err(DealteamError::invalid(
            "message.step",
            format!(
                "expected step {step}, {}, but this is step {} ({got}); pass the other side's latest message",
                STEP_NAMES.get(usize::from(step)).copied().unwrap_or(""),
                msg.step
            ),
        ));
    }
    Ok(())
}

/// Check a received message's binding.
pub fn check_mac(msg: &PsiMessage, key: Option<&[u8; 32]>) -> Result<()> {
    let want = bind(key, &content(&msg.exchange_id, msg.step, &msg.body)?);
    let got = B64.decode(&msg.mac).unwrap_or_default();
    if !same(&want, &got) {
        return Err(DealteamError::invalid(
            "message.mac",
            "the message was changed after it was made (its binding does not match): ask the other side to send \
             it again, unaltered",
        ));
    }
    Ok(())
}

/// Which side a state belongs to.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Opened the exchange (`psiStart`).
    A,
    /// Answered (`psiReply`).
    B,
}

/// An account in a state: as named, its population and (B with `overlaps`) its tag.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Held {
    /// The account as this side names it.
    pub account: String,
    /// Its population.
    pub population: String,
}

/// What a side keeps between its steps (base64 JSON; secret: it holds the side's secret).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct State {
    /// `dealteam-psi-state/1`.
    pub protocol: String,
    /// Which side.
    pub role: Role,
    /// The exchange.
    pub exchange_id: String,
    /// The 32-byte secret.
    pub secret: String,
    /// The sharing level: this side's (A) or the agreed one (B).
    pub sharing: Sharing,
    /// The binding of this side's own message.
    pub sent: String,
    /// B: A's public key.
    pub peer_public: Option<String>,
    /// B: A's number of accounts.
    pub their_size: Option<usize>,
    /// The distinct accounts, A's grouped by population in message order.
    pub accounts: Vec<Held>,
    /// B with `overlaps`: the tags of `accounts`, concatenated, base64.
    pub tags: Option<String>,
    /// Accounts left out.
    pub skipped: Vec<PsiSkipped>,
}

const STATE: &str = "dealteam-psi-state/1";

impl State {
    /// The protocol name of states.
    pub const PROTOCOL: &'static str = STATE;
    /// As the opaque text handed to the caller.
    pub fn encode(&self) -> Result<String> {
        serde_json::to_vec(self)
            .map(|b| enc(&b))
            .map_err(|e| DealteamError::invalid("state", e.to_string()))
    }
    /// Back from the caller's text.
    pub fn decode(text: &str) -> Result<State> {
        let bad = |why: String| {
            DealteamError::invalid(
                "state",
                format!("not a private match state ({why}); pass the `state` psiStart or psiReply returned"),
            )
        };
        let bytes = B64.decode(text.trim()).map_err(|e| bad(e.to_string()))?;
        let s: State = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
        if s.protocol != STATE {
            return Err(bad(format!("protocol `{}`", s.protocol)));
        }
        Ok(s)
    }
}
