//! IPP ranking (SPEC §2): an index of partners in ndarray columns, ranked in a tight loop.

/// `rank` (SPEC §10). Owned by the foundation workstream; not implemented yet.
pub struct RankCommand;
impl crate::api::Command for RankCommand {
    const NAME: &'static str = "rank";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`rank` is not implemented yet"))
    }
}
