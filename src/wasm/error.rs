//! Turning a core [`DealteamError`] into the JS `DealteamError` (an `Error` subclass
//! defined in `error.js`), so JS callers can write `err instanceof DealteamError`
//! and branch on `err.code`.

use crate::error::DealteamError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeDealteamError)]
    fn make_dealteam_error(code: &str, path: &str, message: &str, others: JsValue) -> JsValue;
}

/// The JS `DealteamError` for a core error (its `others` as plain objects).
pub(crate) fn to_js(e: &DealteamError) -> JsValue {
    let others = js_sys::Array::new();
    for o in &e.others {
        let item = js_sys::Object::new();
        // Reflect::set on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&item, &"code".into(), &o.code.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"path".into(), &o.path.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"message".into(), &o.message.as_str().into());
        others.push(&item);
    }
    make_dealteam_error(e.code.as_str(), &e.path, &e.message, others.into())
}
