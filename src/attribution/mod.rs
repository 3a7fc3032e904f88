//! Multi-touch attribution over customer journeys (SPEC §5).

/// `attribute` (SPEC §10). Owned by the splits workstream; not implemented yet.
pub struct AttributeCommand;
impl crate::api::Command for AttributeCommand {
    const NAME: &'static str = "attribute";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`attribute` is not implemented yet"))
    }
}
