//! Joint plans (SPEC §6, §7): the plan model, its seeded Monte Carlo simulation in
//! steps, the agreement checklist (`validate`), the Markdown agreement and the audit
//! against actuals — and the four commands of SPEC §10 that expose them.
//!
//! - [`types`]: the plan and each command's request and response (the JSON contract);
//! - [`model`]: the simulation model, checked from a plan, one checker per part;
//! - [`sim`]: the stepped Monte Carlo simulation and its summary;
//! - [`validate`]: the §7 checklist, one validator per section of the agreement;
//! - [`agreement`]: the Markdown agreement; [`audit`]: the plan against actuals.

pub mod agreement;
pub mod audit;
pub mod incentives;
pub mod model;
pub mod sim;
pub mod types;
pub mod validate;

pub use crate::splits::{PreparedSplit, SplitRule};
pub use sim::{simulate, Simulation};
pub use types::*;

use crate::clock::Ctx;
use crate::command::Command;
use crate::Result;

/// `simulate` (SPEC §10): `{plan, trials?, seed?}` → months, totals, partners, objectives.
pub struct SimulateCommand;
impl Command for SimulateCommand {
    const NAME: &'static str = "simulate";
    type Request = SimulateRequest;
    type Response = SimulateResponse;
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response> {
        simulate(req, ctx)
    }
}

/// `validate` (SPEC §10, §15): `{plan, trials?, seed?}` → `{ok, findings}`. The plan is
/// simulated once, when it can be, for `profit.partner`.
pub struct ValidateCommand;
impl Command for ValidateCommand {
    const NAME: &'static str = "validate";
    type Request = ValidateRequest;
    type Response = ValidateResponse;
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response> {
        let trials = model::check_trials(req.trials)?;
        model::check_one_call_work(trials, &req.plan)?;
        let sim = model::check_plan(&req.plan).ok().and_then(|_| {
            let r = SimulateRequest {
                plan: req.plan.clone(),
                trials: Some(trials),
                seed: req.seed,
            };
            simulate(r, ctx).ok()
        });
        Ok(validate::validate_with(&req.plan, sim.as_ref()))
    }
}

/// `agreement` (SPEC §10, §15): `{plan, trials?, seed?, locale?, format?}` → Markdown or HTML.
pub struct AgreementCommand;
impl Command for AgreementCommand {
    const NAME: &'static str = "agreement";
    type Request = AgreementRequest;
    type Response = String;
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response> {
        agreement::draft_agreement(&req, ctx)
    }
    fn render(resp: &Self::Response, _pretty: bool) -> Result<String> {
        Ok(resp.clone())
    }
}

/// `verify` (SPEC §15): `{markdown, plan}` → `{matches, reason, planHash, documentHash, line}`.
pub struct VerifyCommand;
impl Command for VerifyCommand {
    const NAME: &'static str = "verify";
    type Request = VerifyRequest;
    type Response = VerifyResponse;
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response> {
        agreement::verify_agreement(&req, ctx)
    }
}

/// `audit` (SPEC §10): `{plan, actuals, trials?, seed?}` → months, variances, objectives, split.
pub struct AuditCommand;
impl Command for AuditCommand {
    const NAME: &'static str = "audit";
    type Request = AuditRequest;
    type Response = AuditResponse;
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response> {
        audit::audit_plan(&req, ctx)
    }
}
