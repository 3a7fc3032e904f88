//! JS-value helpers shared by the wasm-bindgen test files (`tests/wasm_*.rs`).

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// `JSON.parse`.
pub fn parse(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON")
}

/// `JSON.stringify`, as a Rust string.
pub fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).expect("stringify").as_string().expect("a string")
}

/// `v[key]`.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}
