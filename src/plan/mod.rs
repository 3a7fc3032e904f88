//! Joint plans (SPEC §6, §7): the plan model, its seeded Monte Carlo simulation in
//! steps, the agreement checklist (`validate`), the Markdown agreement and the audit
//! against actuals — and the four commands of SPEC §10 that expose them.

pub mod check;
pub mod report;
pub mod sim;
mod split_standin;
pub mod stats;
pub mod trial;
pub mod types;

pub use sim::Simulation;
pub use split_standin::{PreparedSplit, SplitRule};
pub use types::*;

use crate::api::Command;
use crate::clock::Ctx;
use crate::Result;

/// Run a simulation to the end (no time limit).
pub fn simulate(req: SimulateRequest, ctx: &Ctx) -> Result<SimulateResponse> {
    let mut sim = Simulation::new(req)?;
    while !sim.step(f64::INFINITY, ctx)?.done {}
    sim.result()
}

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

/// `validate` (SPEC §10). Owned by the plans workstream; not implemented yet.
pub struct ValidateCommand;
impl crate::api::Command for ValidateCommand {
    const NAME: &'static str = "validate";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`validate` is not implemented yet"))
    }
}

/// `agreement` (SPEC §10). Owned by the plans workstream; not implemented yet.
pub struct AgreementCommand;
impl crate::api::Command for AgreementCommand {
    const NAME: &'static str = "agreement";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`agreement` is not implemented yet"))
    }
}

/// `audit` (SPEC §10). Owned by the plans workstream; not implemented yet.
pub struct AuditCommand;
impl crate::api::Command for AuditCommand {
    const NAME: &'static str = "audit";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`audit` is not implemented yet"))
    }
}
