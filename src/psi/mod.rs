//! Private set intersection (SPEC §14): two partners learn how many accounts they share per
//! pair of populations — or, when both agree, which ones — and nothing else, by an
//! elliptic-curve Diffie–Hellman exchange over Ristretto255 in two messages plus a
//! closing one with the counts (docs/psi.md has the protocol and the threat model).
//!
//! Stateless: `psiStart` and `psiReply` return a `state` string that the caller keeps and
//! hands to `psiFinish`, so the same calls work in the CLI, in Node and in the browser.
//! `psiBlind` and `psiAssemble` split a step's scalar multiplications into slices that can
//! run on several threads and put them together into the same bytes.

mod crypto;
mod exchange;
mod finish;
mod key;
mod slices;
pub mod types;
mod wire;

pub use exchange::{finish, reply, start, MAX_ACCOUNTS};
pub use slices::{assemble, blind};
pub use types::*;

use crate::clock::Ctx;
use crate::command::Command;
use crate::error::Result;

/// `psiStart`: the opening side blinds its accounts (step 1).
pub struct PsiStartCommand;
impl Command for PsiStartCommand {
    const NAME: &'static str = "psiStart";
    type Request = PsiStartRequest;
    type Response = PsiStepResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        start(req)
    }
}

/// `psiReply`: the answering side blinds both sets (step 2).
pub struct PsiReplyCommand;
impl Command for PsiReplyCommand {
    const NAME: &'static str = "psiReply";
    type Request = PsiReplyRequest;
    type Response = PsiStepResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        reply(req)
    }
}

/// `psiFinish`: either side's last step (A counts and answers with step 3; B reads it).
pub struct PsiFinishCommand;
impl Command for PsiFinishCommand {
    const NAME: &'static str = "psiFinish";
    type Request = PsiFinishRequest;
    type Response = PsiFinishResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        finish(req)
    }
}

/// `psiBlind`: one slice of a step's blinding, for spreading a side's work over threads.
pub struct PsiBlindCommand;
impl Command for PsiBlindCommand {
    const NAME: &'static str = "psiBlind";
    type Request = PsiBlindRequest;
    type Response = PsiBlindResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        blind(req)
    }
}

/// `psiAssemble`: a step put together from `psiBlind` slices (the same bytes as the step alone).
pub struct PsiAssembleCommand;
impl Command for PsiAssembleCommand {
    const NAME: &'static str = "psiAssemble";
    type Request = PsiAssembleRequest;
    type Response = PsiAssembled;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        assemble(req)
    }
}
