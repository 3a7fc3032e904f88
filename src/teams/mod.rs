//! Deal teams (SPEC §3): scoring, admissible bounds and the exact, resumable top-k
//! search behind the `teams` command and the JS `TeamSearch` handle.

mod bound;
mod checks;
mod formulas;
mod frame;
mod index;
mod score;
mod search;
mod slots;
mod types;

pub use formulas::{order, synergy, team_fit, team_score, with_access};
pub use search::TeamSearch;
pub use types::*;

use crate::clock::Ctx;
use crate::Result;

/// `teams` (SPEC §10): the top-k teams, searched until proved or `timeLimitMs`
/// (default [`DEFAULT_TIME_LIMIT_MS`]) has passed on `ctx`'s clock.
pub struct TeamsCommand;

impl crate::command::Command for TeamsCommand {
    const NAME: &'static str = "teams";
    type Request = TeamsRequest;
    type Response = TeamsResponse;
    fn run(req: TeamsRequest, ctx: &Ctx) -> Result<TeamsResponse> {
        let limit = req.time_limit_ms.unwrap_or(DEFAULT_TIME_LIMIT_MS);
        let mut search = TeamSearch::new(req)?;
        let start = (ctx.now_ms)();
        loop {
            let left = limit - ((ctx.now_ms)() - start);
            let p = search.step(left.clamp(0.0, 100.0), ctx);
            if p.done || (ctx.now_ms)() - start >= limit {
                break;
            }
        }
        search.cancel();
        search.result()
    }
}
