//! Requests, responses and messages of the private intersection (SPEC §14; docs/psi.md).

use serde::{Deserialize, Serialize};

/// One account of a side: a bare string (the account, a customer) or an object with its
/// population. It is matched by its normalised domain when it has one, else by its
/// normalised name (`name`, else `account`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum PsiAccount {
    /// The account's name or id; its population is `customer`.
    Bare(String),
    /// The account with its population.
    Full(PsiAccountFull),
}

/// An account with its population (SPEC §14; the money value is not exchanged).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiAccountFull {
    /// The account's id or name as the side knows it.
    pub account: String,
    /// `customer` (default), `prospect`, `opportunity` or a custom population.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub status: Option<String>,
    /// Pipeline value; accepted for the shape of §14 but never sent to the other side.
    #[cfg_attr(feature = "ts", ts(optional = nullable, type = "unknown"))]
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// The account's web domain (`acme.com`, `https://www.acme.com/about`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub domain: Option<String>,
    /// The company name, when `account` is an id.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub name: Option<String>,
}

/// How much the two sides agree to reveal: `counts` (numbers per population pair only) or
/// `overlaps` (also the shared accounts). The exchange uses the lesser of the two.
/// (`PsiSharing` in TypeScript: the account map's `Sharing` has a third level.)
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PsiSharing"))]
#[serde(rename_all = "camelCase")]
pub enum Sharing {
    /// Only the number of shared accounts per pair of populations.
    #[default]
    Counts,
    /// The shared accounts too (each side sees its own names for them).
    Overlaps,
}

/// `psiStart` request: the side that opens the exchange ("A").
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiStartRequest {
    /// This side's accounts.
    pub accounts: Vec<PsiAccount>,
    /// What this side agrees to reveal (default `counts`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub sharing: Option<Sharing>,
    /// Only for tests and reproducible demos: derives the secret from this text. Omit it
    /// in real use — the secret then comes from the system's cryptographic randomness.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub seed: Option<String>,
}

/// `psiReply` request: the side that answers ("B").
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiReplyRequest {
    /// This side's accounts.
    pub accounts: Vec<PsiAccount>,
    /// The other side's first message (from `psiStart`).
    pub message: PsiMessage,
    /// What this side agrees to reveal (default `counts`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub sharing: Option<Sharing>,
    /// As in `psiStart`: only for tests and demos.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub seed: Option<String>,
}

/// `psiFinish` request: either side's last step, with its own state and the other
/// side's latest message.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiFinishRequest {
    /// The `state` this side got from `psiStart` or `psiReply`.
    pub state: String,
    /// The other side's message (step 2 for A, step 3 for B).
    pub message: PsiMessage,
}

/// `psiStart` / `psiReply` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiStepResponse {
    /// The exchange's id (both sides see the same).
    pub exchange_id: String,
    /// Send this to the other side.
    pub message: PsiMessage,
    /// Keep this to yourself (it holds your secret and your accounts); pass it to
    /// `psiFinish`.
    pub state: String,
}

/// `psiFinish` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiFinishResponse {
    /// What this side learnt.
    pub result: PsiResult,
    /// For A: the message that gives B the same counts (send it); absent for B.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<PsiMessage>,
}

/// The outcome of an exchange, from one side's point of view.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiResult {
    /// The exchange's id.
    pub exchange_id: String,
    /// The sharing level used (the lesser of the two sides').
    pub sharing: Sharing,
    /// Distinct accounts on this side.
    pub my_accounts: usize,
    /// Distinct accounts on the other side.
    pub their_accounts: usize,
    /// Shared accounts in all.
    pub shared: usize,
    /// Shared accounts per (my population, their population), sorted; pairs with none left out.
    pub counts: Vec<PsiCount>,
    /// With `overlaps`: the shared accounts as this side names them, sorted.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<PsiShared>>,
    /// Accounts of this side left out (duplicate or without a usable name), with why.
    pub skipped: Vec<PsiSkipped>,
}

/// Shared accounts of one population pair.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiCount {
    /// This side's population.
    pub mine: String,
    /// The other side's population.
    pub theirs: String,
    /// Number of shared accounts.
    pub shared: usize,
}

/// One shared account (sharing level `overlaps`).
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiShared {
    /// The account as this side names it.
    pub account: String,
    /// This side's population.
    pub mine: String,
    /// The other side's population.
    pub theirs: String,
}

/// An account left out of the exchange.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiSkipped {
    /// Where it is in the request (`accounts[4]`).
    pub path: String,
    /// Why.
    pub message: String,
}

/// A message between the two sides: JSON whose binary fields are base64. `mac` binds the
/// protocol, the exchange id, the step and the body (docs/psi.md).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiMessage {
    /// Always `dealteam-psi/1`.
    pub protocol: String,
    /// The exchange's id (16 random bytes, base64).
    pub exchange_id: String,
    /// 1 (A's blinded accounts), 2 (B's answer) or 3 (A's counts for B).
    pub step: u8,
    /// The step's content.
    pub body: PsiBody,
    /// Step 1: SHA-512/256 of the rest (no key is shared yet); steps 2 and 3: HMAC-SHA-512/256
    /// under the key both sides derive from their Diffie–Hellman exchange.
    pub mac: String,
}

/// The content of a message; which fields are present depends on the step.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiBody {
    /// Steps 1 and 2: the sender's public key for the message binding.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// Steps 1 and 2: the sender's sharing level.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing: Option<Sharing>,
    /// Step 1: A's blinded accounts; step 2: the same, blinded again by B (same groups,
    /// shuffled within each group unless both sides chose `overlaps`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<PsiGroup>,
    /// Step 2: the digest of the step-1 message B answers.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// Step 2: B's accounts, shuffled: 16-byte tags, concatenated, base64.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    /// Step 2: B's populations, each readable only for a shared account: 32 bytes per tag.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<String>,
    /// Step 3: the counts, from A's side (`mine` is A's population).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<PsiCount>,
    /// Step 3 with `overlaps`: the tags of B's shared accounts, concatenated, base64.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_tags: Option<String>,
    /// Step 3 with `overlaps`: A's population of each shared tag, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_populations: Vec<String>,
    /// Step 3: the number of distinct accounts on A's side.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
}

/// The blinded accounts of one population of A.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiGroup {
    /// A's population.
    pub population: String,
    /// Compressed Ristretto255 points (32 bytes each), concatenated, base64.
    pub points: String,
}

/// `psiBlind` request: one slice of a step's scalar multiplications, so a side's work can be
/// spread over several threads (Web Workers) and put together with `psiAssemble`. The secret
/// comes from exactly one of `seed`, `secret` and `state`; the work is either `accounts`
/// (hashed to the group and blinded: steps 1 and 2) or a range of `points` (blinded again by
/// B in step 2, or unblinded by A with `inverse` in its last step).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiBlindRequest {
    /// As in `psiStart`: only for tests and demos.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub seed: Option<String>,
    /// The side's 32-byte secret, base64 (the one given to `psiAssemble`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub secret: Option<String>,
    /// The side's `state` (for A's last step).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub state: Option<String>,
    /// Accounts to blind, in the order of the step's request: one point each (32 zero bytes
    /// for an account the step leaves out).
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<PsiAccount>>", optional))]
    #[serde(default)]
    pub accounts: Vec<PsiAccount>,
    /// Compressed points (a message group's `points`, base64) to blind again or unblind.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub points: Option<String>,
    /// Where `points` came from, for errors (`message.body.groups[0].points`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub path: Option<String>,
    /// First point of `points` to take (default 0).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub from: Option<usize>,
    /// One past the last point to take (default: to the end).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub to: Option<usize>,
    /// Unblind (multiply by the inverse of the blinding scalar): A's last step.
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    #[serde(default)]
    pub inverse: bool,
}

/// `psiBlind` response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PsiBlindResponse {
    /// The slice's points, compressed, concatenated, base64.
    pub points: String,
}

/// `psiAssemble` request: one step (exactly one of `start`, `reply`, `finish`) put together
/// from `psiBlind` slices, giving the same message, state and result as the step alone.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PsiAssembleRequest {
    /// Step 1 (A).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub start: Option<PsiStartRequest>,
    /// Step 2 (B).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub reply: Option<PsiReplyRequest>,
    /// A's last step (B's needs no slices: call `psiFinish`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub finish: Option<PsiFinishRequest>,
    /// Steps 1 and 2 without a `seed`: the secret the slices were blinded with (32 bytes,
    /// base64, from the system's cryptographic randomness).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub secret: Option<String>,
    /// The slices, in order: of the step's `accounts` (steps 1 and 2), or of the answer's
    /// points, group after group, unblinded (A's last step).
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    #[serde(default)]
    pub blinded: Vec<String>,
    /// Step 2: the slices of the first message's points blinded again, group after group.
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    #[serde(default)]
    pub theirs: Vec<String>,
}

/// `psiAssemble` response: the step's own response.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum PsiAssembled {
    /// Steps 1 and 2 (as `psiStart` / `psiReply`).
    Step(PsiStepResponse),
    /// A's last step (as `psiFinish`).
    Finish(PsiFinishResponse),
}
