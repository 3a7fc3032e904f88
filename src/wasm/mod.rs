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
mod error;
mod simulation;
mod team_search;

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

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: a monotonic clock in Node ≥ 16, browsers and workers.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;

    /// The host's `TextEncoder` (Node ≥ 11 and every browser; the bindings use it too).
    pub(crate) type TextEncoder;
    #[wasm_bindgen(constructor)]
    pub(crate) fn new() -> TextEncoder;
    /// Writes `text` as UTF-8 into `dest` (a view of wasm memory): no array of its own.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, dest: &mut [u8]) -> EncodedInto;

    /// `encodeInto`'s answer: UTF-16 units read, bytes written.
    type EncodedInto;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodedInto) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodedInto) -> u32;
}

/// The text of a JS string (`None` for any other value), through [`utf8_of`].
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    String::from_utf8(utf8_of(value)?).ok().or_else(|| value.as_string())
}

/// The UTF-8 bytes of a JS string (`None` for any other value). wasm-bindgen's
/// `as_string` copies an ASCII string into wasm memory in a JS loop, one character at a
/// time: for the 70 MB of a 100,000-partner ecosystem that loop cost more than the parse
/// (docs/PERFORMANCE.md, issue 10). `TextEncoder.encodeInto` is native code and writes the
/// bytes straight into the buffer here (no JS array, no second copy); the text is the same
/// (UTF-8, a lone surrogate as U+FFFD, as `as_string` writes it). The buffer starts at one
/// byte per UTF-16 unit, exact for ASCII; a text with longer characters is finished in a
/// second call with room for three bytes per unit left (no unit needs more).
///
/// The buffer has as much room behind it ([`with_room_behind`]) for what the parse
/// allocates next, a string per field. A text with non-ASCII characters used to leave such
/// room behind when its buffer was moved to grow; an ASCII one did not, and its parse grew
/// the memory step by step: the account map of an ASCII request 2.0–2.6 s, now 1.4–1.5 s,
/// and `rank`'s first call on 100,000 partners 1.4–1.9 s, now 1.2 s, the peak the same
/// (docs/PERFORMANCE.md, "Stop 31").
pub(crate) fn utf8_of(value: &JsValue) -> Option<Vec<u8>> {
    let units = value.dyn_ref::<js_sys::JsString>()?.length() as usize;
    let mut bytes = with_room_behind(units, units);
    append_utf8(&TextEncoder::new(), value, &mut bytes)?;
    Some(bytes)
}

/// An empty buffer of `capacity` bytes, allocated while a block of `room` bytes is reserved
/// (and then freed), so that what a request allocates next fits into wasm memory already
/// grown: dlmalloc grows it 64 KiB at a time as allocations need, and V8 charges each
/// growth and collects as it grows. If `room` cannot be had, the buffer comes without it.
pub(crate) fn with_room_behind(capacity: usize, room: usize) -> Vec<u8> {
    let mut spare: Vec<u8> = Vec::new();
    let _ = spare.try_reserve_exact(room);
    let bytes = Vec::with_capacity(capacity);
    drop(spare);
    bytes
}

/// [`utf8_of`] appending to `bytes` (unchanged when `value` is not a string): many texts
/// into one buffer, with one encoder.
pub(crate) fn append_utf8(encoder: &TextEncoder, value: &JsValue, bytes: &mut Vec<u8>) -> Option<()> {
    let text = value.dyn_ref::<js_sys::JsString>()?;
    let units = text.length();
    let start = bytes.len();
    bytes.resize(start.saturating_add(units as usize), 0);
    let first = bytes.get_mut(start..).map(|dest| encoder.encode_into(value, dest));
    let (read, mut written) = first.map_or((units, 0), |f| (f.read(), f.written() as usize));
    if read < units {
        let left = units.saturating_sub(read) as usize;
        bytes.resize(start.saturating_add(written).saturating_add(left.saturating_mul(3)), 0);
        let rest = text.slice(read, units);
        written = written.saturating_add(
            bytes
                .get_mut(start.saturating_add(written)..)
                .map_or(0, |dest| encoder.encode_into(&rest, dest).written() as usize),
        );
    }
    bytes.truncate(start.saturating_add(written));
    Some(())
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
