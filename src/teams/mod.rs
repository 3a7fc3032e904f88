//! Deal teams (SPEC §3): scoring, admissible bounds and exact top-k search.

/// `teams` (SPEC §10). Owned by the teams workstream; not implemented yet.
pub struct TeamsCommand;
impl crate::api::Command for TeamsCommand {
    const NAME: &'static str = "teams";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`teams` is not implemented yet"))
    }
}
