//! The wasm-bindgen facade, compiled only for wasm32: it translates JS values to the
//! core's serde types and back, and core errors to the JS `DealteamError`. It holds no
//! logic of its own — every operation is the library's (SPEC §10, "one API, three doors").
//!
//! One file per JS surface: `commands.rs` (the free functions), `error.rs` (the error
//! class), and one file per handle class.

mod chunks;
mod columns;
mod commands;
mod ecosystem;
mod ecosystem_views;
mod error;
mod simulation;
mod team_search;
mod utf8;

use crate::api::Command;
use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use commands::*;
pub use ecosystem::EcosystemHandle;
pub use simulation::SimulationHandle;
pub use team_search::TeamSearchHandle;
pub(crate) use utf8::{string_of, utf8_of, Utf8Buffer};

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: a monotonic clock in Node ≥ 16, browsers and workers.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;

}

/// Bytes of wasm memory the module holds (its `memory.buffer.byteLength`). Wasm memory
/// only grows, so this is also the peak so far: for measuring what an ecosystem costs.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) as f64) * 65536.0
}

/// The clock of the JS host, for time-limited and stepped work.
pub(crate) fn js_now_ms() -> f64 {
    performance_now()
}

/// A context whose clock is `performance.now()`.
pub(crate) fn js_ctx() -> Ctx<'static> {
    Ctx { now_ms: &js_now_ms }
}

/// Read a request from a JS value: JSON text is parsed directly; any other value is
/// first turned into JSON text with `JSON.stringify` and parsed the same way.
///
/// Why not `serde_wasm_bindgen::Deserializer`: it reads a struct by looking up its
/// declared fields only, so unknown fields (`wieght`) would pass silently, against
/// SPEC §0. Going through JSON keeps one parser, one error mapping and the same paths
/// for objects and text (`undefined` members are dropped as absent; `NaN`/`Infinity`
/// become `null` and are refused by the field's type).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T> {
    crate::json::from_str(&js_text(value)?)
}

/// The JSON text of a JS request: a string as it is, any other value through
/// `JSON.stringify` (see [`from_js`]).
pub(crate) fn js_text(value: JsValue) -> Result<String> {
    if let Some(text) = string_of(&value) {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(DealteamError::new(
            ErrorCode::InvalidJson,
            "",
            "expected a request object or a JSON string, got nothing",
        ));
    }
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| string_of(&s))
        .ok_or_else(|| {
            DealteamError::new(
                ErrorCode::InvalidJson,
                "",
                "the request cannot be written as JSON (functions, BigInt values or cycles are not allowed)",
            )
        })
}

/// Write a response as a plain JS value (objects, arrays, numbers, strings; maps as
/// objects — the same shape as the JSON the CLI prints): serde_json writes the JSON
/// text, `JSON.parse` builds the objects. Measured faster than building them one
/// property at a time across the boundary (serde-wasm-bindgen), and it keeps one
/// serializer in the module (docs/performance/wasm-size.md, boundary.md).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue> {
    parsed(serde_json::to_string(value))
}

/// [`to_js`]'s part that does not depend on the type: one copy in the module.
#[inline(never)]
fn parsed(text: serde_json::Result<String>) -> Result<JsValue> {
    let text = text.map_err(|e| DealteamError::invalid("", format!("could not build the response: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| DealteamError::invalid("", "could not build the response"))
}

/// Run command `C` on a JS request (object or JSON string) and return its response as
/// a JS object; errors become a thrown `DealteamError`.
pub fn call<C: Command>(req: JsValue) -> std::result::Result<JsValue, JsValue> {
    let run = || -> Result<JsValue> {
        let request: C::Request = from_js(req)?;
        let response = C::run(request, &js_ctx())?;
        to_js(&response)
    };
    run().map_err(|e| error::to_js(&e))
}

/// Run command `C` and return its CLI rendering (Markdown for `agreement`) as a string.
pub fn call_text<C: Command>(req: JsValue) -> std::result::Result<String, JsValue> {
    let run = || -> Result<String> {
        let request: C::Request = from_js(req)?;
        let response = C::run(request, &js_ctx())?;
        C::render(&response, false)
    };
    run().map_err(|e| error::to_js(&e))
}

/// Map a core result to the JS side: `Ok` through [`to_js`], `Err` as `DealteamError`.
pub(crate) fn reply<T: Serialize>(r: Result<T>) -> std::result::Result<JsValue, JsValue> {
    r.and_then(|v| to_js(&v)).map_err(|e| error::to_js(&e))
}

/// The `budgetMs` of a handle's `step`: a finite number of milliseconds ≥ 0 (a JS
/// number, not a string); NaN, `undefined` or `"abc"` would otherwise run the whole
/// job in one call.
pub(crate) fn budget_ms(value: &JsValue) -> Result<f64> {
    match value.as_f64() {
        Some(ms) if ms.is_finite() && ms >= 0.0 => Ok(ms),
        _ => Err(DealteamError::invalid(
            "budgetMs",
            "step(budgetMs) needs a number of milliseconds ≥ 0, such as step(50)",
        )),
    }
}

/// A core error as the JS `DealteamError`.
pub(crate) fn throw(e: &DealteamError) -> JsValue {
    error::to_js(e)
}
