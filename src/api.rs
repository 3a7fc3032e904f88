//! The public operations of SPEC §10 as one trait, so the CLI and the wasm facade
//! are thin: each reads a request, calls [`Command::run`], writes the response.
//!
//! Every command has a typed request and response (serde, camelCase). Adding a
//! command means implementing [`Command`] in its module and listing it in
//! [`run_json`] and in the facade.

use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// One operation of the public surface.
pub trait Command {
    /// The CLI name (`rank`, `teams`, …).
    const NAME: &'static str;
    /// The request JSON.
    type Request: DeserializeOwned;
    /// The response JSON.
    type Response: Serialize;
    /// Run it. `ctx` supplies the clock for time-limited work.
    fn run(req: Self::Request, ctx: &Ctx) -> Result<Self::Response>;
    /// Render the response for the CLI: JSON by default (`agreement` writes Markdown).
    fn render(resp: &Self::Response, pretty: bool) -> Result<String> {
        crate::json::to_string(resp, pretty)
    }
}

/// Parse `input` as `C`'s request, run it and render the response.
pub fn run_text<C: Command>(input: &str, pretty: bool, ctx: &Ctx) -> Result<String> {
    let req: C::Request = crate::json::from_str(input)?;
    let resp = C::run(req, ctx)?;
    C::render(&resp, pretty)
}

/// The commands the CLI knows, in the order of SPEC §10.
pub const COMMANDS: &[&str] = &[
    crate::rank::RankCommand::NAME,
    crate::teams::TeamsCommand::NAME,
    crate::splits::SplitCommand::NAME,
    crate::attribution::AttributeCommand::NAME,
    crate::plan::SimulateCommand::NAME,
    crate::plan::ValidateCommand::NAME,
    crate::plan::AgreementCommand::NAME,
    crate::plan::AuditCommand::NAME,
    crate::registry::RegisterCommand::NAME,
    crate::registry::OverlapCommand::NAME,
    crate::insights::InsightsCommand::NAME,
    crate::insights::TrainCommand::NAME,
    crate::insights::PredictCommand::NAME,
];

/// Run the command `name` on JSON text (the CLI's entry point).
pub fn run_json(name: &str, input: &str, pretty: bool, ctx: &Ctx) -> Result<String> {
    use crate::attribution::AttributeCommand;
    use crate::insights::{InsightsCommand, PredictCommand, TrainCommand};
    use crate::plan::{AgreementCommand, AuditCommand, SimulateCommand, ValidateCommand};
    use crate::rank::RankCommand;
    use crate::registry::{OverlapCommand, RegisterCommand};
    use crate::splits::SplitCommand;
    use crate::teams::TeamsCommand;
    match name {
        RankCommand::NAME => run_text::<RankCommand>(input, pretty, ctx),
        TeamsCommand::NAME => run_text::<TeamsCommand>(input, pretty, ctx),
        SplitCommand::NAME => run_text::<SplitCommand>(input, pretty, ctx),
        AttributeCommand::NAME => run_text::<AttributeCommand>(input, pretty, ctx),
        SimulateCommand::NAME => run_text::<SimulateCommand>(input, pretty, ctx),
        ValidateCommand::NAME => run_text::<ValidateCommand>(input, pretty, ctx),
        AgreementCommand::NAME => run_text::<AgreementCommand>(input, pretty, ctx),
        AuditCommand::NAME => run_text::<AuditCommand>(input, pretty, ctx),
        RegisterCommand::NAME => run_text::<RegisterCommand>(input, pretty, ctx),
        OverlapCommand::NAME => run_text::<OverlapCommand>(input, pretty, ctx),
        InsightsCommand::NAME => run_text::<InsightsCommand>(input, pretty, ctx),
        TrainCommand::NAME => run_text::<TrainCommand>(input, pretty, ctx),
        PredictCommand::NAME => run_text::<PredictCommand>(input, pretty, ctx),
        other => Err(DealteamError::new(
            ErrorCode::UnknownCommand,
            "",
            format!("unknown command `{other}`; commands: {}", COMMANDS.join(", ")),
        )),
    }
}
