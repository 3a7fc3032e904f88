//! The free functions of SPEC §10, one per command, in camelCase. Each takes the
//! command's request as a JS object or a JSON string and returns the response object
//! (`draftAgreement` returns Markdown). The TypeScript signatures name the request and
//! response types generated from the Rust serde types (`scripts/ts-types.sh`).

use super::call;
use crate::attribution::AttributeCommand;
use crate::insights::{InsightsCommand, PredictCommand, TrainCommand};
use crate::plan::{AgreementCommand, AuditCommand, SimulateCommand, ValidateCommand};
use crate::rank::RankCommand;
use crate::registry::{OverlapCommand, RegisterCommand};
use crate::splits::SplitCommand;
use crate::teams::TeamsCommand;
use wasm_bindgen::prelude::*;

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A realistic synthetic `{ecosystem, profiles, deal}` with `partners` partners from
/// `seed` (the same as `dealteam sample --partners N --seed S`, bit for bit).
#[wasm_bindgen(unchecked_return_type = "Sample")]
pub fn sample(partners: f64, seed: f64) -> Result<JsValue, JsValue> {
    let whole = |x: f64, name: &str| -> crate::Result<u64> {
        if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_991.0 {
            Ok(x as u64)
        } else {
            Err(crate::DealteamError::invalid(
                name,
                format!("{name} must be a whole number ≥ 0, got {x}"),
            ))
        }
    };
    let run = || {
        let n = whole(partners, "partners")?;
        let s = whole(seed, "seed")?;
        crate::sample::generate(usize::try_from(n).unwrap_or(usize::MAX), s)
    };
    super::reply(run())
}

/// `rank` (SPEC §2, §10): score and order an ecosystem's partners against a profile.
#[wasm_bindgen(unchecked_return_type = "RankResponse")]
pub fn rank(#[wasm_bindgen(unchecked_param_type = "RankRequest | string")] req: JsValue) -> Result<JsValue, JsValue> {
    call::<RankCommand>(req)
}

/// `teams` (SPEC §3, §10): the top-k deal teams.
#[wasm_bindgen(unchecked_return_type = "TeamsResponse")]
pub fn teams(#[wasm_bindgen(unchecked_param_type = "TeamsRequest | string")] req: JsValue) -> Result<JsValue, JsValue> {
    call::<TeamsCommand>(req)
}

/// `split` (SPEC §5, §10): divide an amount among partners.
#[wasm_bindgen(unchecked_return_type = "SplitResponse")]
pub fn split(#[wasm_bindgen(unchecked_param_type = "SplitRequest | string")] req: JsValue) -> Result<JsValue, JsValue> {
    call::<SplitCommand>(req)
}

/// `attribute` (SPEC §5, §10): multi-touch attribution over customer journeys.
#[wasm_bindgen(unchecked_return_type = "AttributeResponse")]
pub fn attribute(
    #[wasm_bindgen(unchecked_param_type = "AttributeRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<AttributeCommand>(req)
}

/// `simulate` (SPEC §6, §10): Monte Carlo simulation of a joint plan, in one call.
#[wasm_bindgen(unchecked_return_type = "SimulateResponse")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "SimulateRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<SimulateCommand>(req)
}

/// `validate` (SPEC §7, §10): check a plan against the agreement checklist.
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "ValidateResponse")]
pub fn validate_plan(
    #[wasm_bindgen(unchecked_param_type = "ValidateRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<ValidateCommand>(req)
}

/// `agreement` (SPEC §7, §10): the plan as a Markdown agreement.
#[wasm_bindgen(js_name = draftAgreement)]
pub fn draft_agreement(
    #[wasm_bindgen(unchecked_param_type = "AgreementRequest | string")] req: JsValue,
) -> Result<String, JsValue> {
    super::call_text::<AgreementCommand>(req)
}

/// `audit` (SPEC §7, §10): compare a plan with monthly actuals.
#[wasm_bindgen(js_name = auditPlan, unchecked_return_type = "AuditResponse")]
pub fn audit_plan(
    #[wasm_bindgen(unchecked_param_type = "AuditRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<AuditCommand>(req)
}

/// `register` (SPEC §8, §10): accept or refuse a deal registration.
#[wasm_bindgen(js_name = registerDeal, unchecked_return_type = "RegisterResponse")]
pub fn register_deal(
    #[wasm_bindgen(unchecked_param_type = "RegisterRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<RegisterCommand>(req)
}

/// `overlap` (SPEC §8, §10): shared accounts per pair of partners.
#[wasm_bindgen(unchecked_return_type = "OverlapResponse")]
pub fn overlap(
    #[wasm_bindgen(unchecked_param_type = "OverlapRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<OverlapCommand>(req)
}

/// `insights` (SPEC §9, §10): partner-influenced revenue and the ecosystem multiplier.
#[wasm_bindgen(unchecked_return_type = "InsightsResponse")]
pub fn insights(
    #[wasm_bindgen(unchecked_param_type = "InsightsRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<InsightsCommand>(req)
}

/// `train` (SPEC §9, §10): the win model with its out-of-time validation.
#[wasm_bindgen(unchecked_return_type = "TrainResponse")]
pub fn train(#[wasm_bindgen(unchecked_param_type = "TrainRequest | string")] req: JsValue) -> Result<JsValue, JsValue> {
    call::<TrainCommand>(req)
}

/// `predict` (SPEC §9, §10): win probabilities of proposed teams, explained.
#[wasm_bindgen(unchecked_return_type = "PredictResponse")]
pub fn predict(
    #[wasm_bindgen(unchecked_param_type = "PredictRequest | string")] req: JsValue,
) -> Result<JsValue, JsValue> {
    call::<PredictCommand>(req)
}
