//! Joint plans (SPEC §6, §7): simulation, validation, agreement and audit.

/// `simulate` (SPEC §10). Owned by the plans workstream; not implemented yet.
pub struct SimulateCommand;
impl crate::api::Command for SimulateCommand {
    const NAME: &'static str = "simulate";
    type Request = serde_json::Value;
    type Response = serde_json::Value;
    fn run(_req: Self::Request, _ctx: &crate::clock::Ctx) -> crate::Result<Self::Response> {
        Err(crate::DealteamError::new(crate::ErrorCode::UnknownCommand, "", "`simulate` is not implemented yet"))
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
