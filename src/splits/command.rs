//! The `split` command (SPEC §10): prepare the rule, divide the amount, report fairness.

use super::types::{SplitRequest, SplitResponse};

/// `split` (SPEC §10).
pub struct SplitCommand;
impl crate::api::Command for SplitCommand {
    const NAME: &'static str = "split";
    type Request = SplitRequest;
    type Response = SplitResponse;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`split` is not implemented yet"))
    }
}
