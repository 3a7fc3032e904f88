//! The free functions of SPEC §10, one per command, in camelCase. Each takes the
//! command's request as a JS object or a JSON string and returns the response object
//! (`draftAgreement` returns Markdown). The TypeScript signatures name the request and
//! response types generated from the Rust serde types (`scripts/ts-types.sh`). The
//! command functions are generated from the table [`crate::for_each_command!`].

use super::call;
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

/// One `#[wasm_bindgen]` function per row of [`crate::for_each_command!`].
macro_rules! wasm_functions {
    ($( $(#[doc = $doc:tt])* $ty:path => $fun:ident as $js:ident, $kind:ident $req:tt -> $resp:tt; )*) => {
        $(wasm_function!($kind $(#[doc = $doc])* $ty => $fun as $js, $req -> $resp);)*
    };
}

macro_rules! wasm_function {
    (json $(#[doc = $doc:tt])* $ty:path => $fun:ident as $js:ident, $req:tt -> $resp:tt) => {
        $(#[doc = $doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $resp)]
        pub fn $fun(#[wasm_bindgen(unchecked_param_type = $req)] req: JsValue) -> Result<JsValue, JsValue> {
            call::<$ty>(req)
        }
    };
    (columns $(#[doc = $doc:tt])* $ty:path => $fun:ident as $js:ident, $req:tt -> $resp:tt) => {
        $(#[doc = $doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $resp)]
        pub fn $fun(#[wasm_bindgen(unchecked_param_type = $req)] req: JsValue) -> Result<JsValue, JsValue> {
            super::columns::call::<$ty>(req)
        }
    };
    (text $(#[doc = $doc:tt])* $ty:path => $fun:ident as $js:ident, $req:tt -> $resp:tt) => {
        $(#[doc = $doc])*
        #[wasm_bindgen(js_name = $js)]
        pub fn $fun(#[wasm_bindgen(unchecked_param_type = $req)] req: JsValue) -> Result<String, JsValue> {
            super::call_text::<$ty>(req)
        }
    };
}

crate::for_each_command!(wasm_functions);
