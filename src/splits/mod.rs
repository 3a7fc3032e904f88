//! Revenue splits and fairness (SPEC §4, §5).

/// `split` (SPEC §10). Owned by the splits workstream; not implemented yet.
pub struct SplitCommand;
impl crate::api::Command for SplitCommand {
    const NAME: &'static str = "split";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`split` is not implemented yet"))
    }
}
