//! `draftAgreement` (SPEC §7, §15): the plan written out as a collaboration agreement
//! for the people who sign it — partner names, money in the currency's format, the split
//! in words, the simulated figures (expected revenue per partner, likely ranges), the
//! open points of `validate`, and a footer with the plan's fingerprint so that a signed
//! copy can be checked (`verify`).
//!
//! One document, two renderings: the sections (`sections::SECTIONS`) build a [`Doc`],
//! which is written as Markdown (the copy to sign and verify) or as a printable HTML
//! page. Every piece of user text is escaped by the renderer, so a name such as
//! `*Acme* | Co` cannot break the layout. A plan that cannot be simulated yet still
//! gets its agreement, with the reason in place of the figures.

mod closing;
pub mod doc;
mod figures;
pub mod fingerprint;
pub mod format;
mod incentives;
mod sections;
mod terms;
mod verify;
mod words;

pub use doc::{md_escape as md, Doc};
pub use fingerprint::{canonical_json, plan_hash};
pub use verify::verify_agreement;

use crate::clock::Ctx;
use crate::money::Currency;
use crate::plan::model::{check_one_call_work, check_trials};
use crate::plan::sim::simulate;
use crate::plan::types::{AgreementFormat, AgreementRequest, Locale, SimulateRequest};
use crate::plan::validate::validate_with;
use crate::Result;
use doc::{t, Block, Inline};
use sections::{Draft, SECTIONS};

/// Render the agreement (SPEC §7, §15) as Markdown or HTML (the request's `format`).
/// The figures come from one simulation with the request's trials and seed, which also
/// feeds the checklist's `profit.partner`.
pub fn draft_agreement(req: &AgreementRequest, ctx: &Ctx) -> Result<String> {
    let doc = draft_document(req, ctx)?;
    Ok(match req.format.unwrap_or_default() {
        AgreementFormat::Markdown => doc.markdown(),
        AgreementFormat::Html => doc.html(),
    })
}

/// The agreement as a document, before rendering.
pub fn draft_document(req: &AgreementRequest, ctx: &Ctx) -> Result<Doc> {
    let trials = check_trials(req.trials)?;
    check_one_call_work(trials, &req.plan)?;
    let seed = req.seed.unwrap_or(0);
    let plan = &req.plan;
    let sim = simulate(
        SimulateRequest {
            plan: plan.clone(),
            trials: Some(trials),
            seed: Some(seed),
        },
        ctx,
    );
    let findings = validate_with(plan, sim.as_ref().ok()).findings;
    let loc = req.locale.unwrap_or_default();
    let cur = plan.currency.as_ref().map(|c| c.code().to_string()).unwrap_or_default();
    let minor = plan
        .minor_units
        .or_else(|| plan.currency.as_ref().map(Currency::minor_units))
        .unwrap_or(2);
    let d = Draft {
        plan,
        sim: sim.as_ref(),
        findings: &findings,
        loc,
        cur,
        minor,
    };
    let name = plan.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let title = match name {
        Some(n) => format!("Collaboration agreement: {n}"),
        None => "Collaboration agreement".to_string(),
    };
    let mut blocks = vec![Block::Heading(1, title)];
    let mut n = 0u32;
    for section in SECTIONS {
        if let Some(s) = section(&d) {
            n = n.saturating_add(1);
            blocks.push(Block::Heading(2, format!("{n}. {}", s.title)));
            blocks.extend(s.blocks);
        }
    }
    blocks.push(Block::Footer(footer(&fingerprint::plan_hash(plan), trials, seed, loc)));
    Ok(Doc(blocks))
}

/// The engine version written in the footer.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The footer line: the plan's fingerprint, the engine version and the settings the
/// figures were drawn with — everything `verify` needs to draft the same text again.
fn footer(hash: &str, trials: u64, seed: u64, loc: Locale) -> Vec<Inline> {
    vec![
        t(fingerprint::FOOTER_START),
        Inline::Code(hash.to_string()),
        t(format!(
            " · dealteam {ENGINE_VERSION} · {} simulated outcomes, seed {seed} · number format {}",
            loc.count(trials),
            loc.code()
        )),
    ]
}
