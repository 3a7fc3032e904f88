//! The [`Command`] trait: one operation of the public surface (SPEC §10) with a typed
//! request and response (serde, camelCase). A leaf module — it imports only `clock`,
//! `error` and `json` — so every feature module can implement it without importing the
//! layer above. The list of commands is the table in [`crate::api`].
//!
//! Adding a command: implement [`Command`] in its feature module and add one row to
//! [`crate::for_each_command!`]; the CLI, `run_json`, the wasm function and the
//! TypeScript types follow from that row.

use crate::clock::Ctx;
use crate::error::Result;
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
