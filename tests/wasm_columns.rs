//! `mapAccountColumns` given a JS object (src/wasm/columns.rs): its accounts texts cross
//! as the strings they are, not through JSON. The response and every error (code, path,
//! message) must be those of the same request given as JSON text, which the rest of the
//! suite pins against native. Run in Node and headless Chromium like every `wasm_*` file.
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

/// A side's accounts as columns: CRLF line ends, a name in full-width letters (3 bytes a
/// character in UTF-8), one with an emoji (a UTF-16 surrogate pair, 4 bytes), accents,
/// an opportunity's value, a repeated account and a malformed domain (both set aside).
const ALPHA: &str = "account\tstatus\tname\tdomain\tvalue\r\n\
    a1\tcustomer\tＡｃｍｅ Corp\tacme.com\t\r\n\
    a2\topportunity\tGlobex GmbH\t\t1200.50\r\n\
    a3\tprospect\tInitech 🚀\tinitech.io\t\r\n\
    a4\tcustomer\tAcme Inc.\tacme.com\t\r\n\
    a5\tcustomer\tBad Domain\thttp://\t\r\n";
const BETA: &str = "account\tname\tdomain\n\
    b1\tACME Inc\twww.acme.com\n\
    b2\tglobex gmbh\t\n\
    b3\tInitech 🚀\tinitech.io\n\
    b4\tSociété Générale\t\n";
const VENDOR: &str = "account\tstatus\tname\tvalue\nv1\topportunity\tSOCIETE GENERALE\t99.99\nv2\tcustomer\tGlobex\t\n";

fn request(sharing: &str) -> String {
    serde_json::json!({
        "currency": "EUR",
        "partners": [{"id": "alpha", "accounts": ALPHA}, {"id": "beta", "accounts": BETA}],
        "vendor": {"id": "us", "accounts": VENDOR},
        "sharing": sharing,
        "summary": true,
    })
    .to_string()
}

/// The call on the object, and on the same request as JSON text.
fn both(text: &str) -> (Result<JsValue, JsValue>, Result<JsValue, JsValue>) {
    (
        dealteam::wasm::account_map_columns(parse(text)),
        dealteam::wasm::account_map_columns(JsValue::from_str(text)),
    )
}

/// An error's code, path and message.
fn error(e: &JsValue) -> (String, String, String) {
    let s = |k| get(e, k).as_string().unwrap_or_default();
    (s("code"), s("path"), s("message"))
}

#[wasm_bindgen_test]
fn an_objects_texts_give_the_json_texts_response() {
    for sharing in ["counts", "overlaps", "full"] {
        let text = request(sharing);
        let (object, json) = both(&text);
        let (object, json) = (object.expect("the object is mapped"), json.expect("the text is mapped"));
        assert_eq!(stringify(&object), stringify(&json), "sharing {sharing}");
        // and the response is not empty: the shared accounts were found through the texts
        let summary = get(&object, "summary");
        assert_eq!(get(&summary, "shared").as_f64(), Some(5.0), "{}", stringify(&object));
        assert_eq!(get(&summary, "pairs").as_f64(), Some(3.0));
        let skipped = js_sys::Array::from(&get(&object, "skipped"));
        assert_eq!(skipped.length(), 2, "{}", stringify(&object));
    }
}

#[wasm_bindgen_test]
fn the_core_on_the_same_texts_agrees() {
    let text = request("full");
    let req: dealteam::accounts::AccountMapColumnsRequest = serde_json::from_str(&text).unwrap();
    let native = dealteam::accounts::account_map_columns(&req).unwrap();
    let object = dealteam::wasm::account_map_columns(parse(&text)).unwrap();
    assert_eq!(
        stringify(&object),
        stringify(&parse(&serde_json::to_string(&native).unwrap()))
    );
}

#[wasm_bindgen_test]
fn errors_are_those_of_the_json_text() {
    let base: serde_json::Value = serde_json::from_str(&request("full")).unwrap();
    let variants = [
        // an accounts list that is not text stays in the JSON and is refused there
        ("/partners/1/accounts", serde_json::json!(["b1"])),
        ("/partners/0/accounts", serde_json::json!(7)),
        // a malformed table is named by its row, whichever way the text came
        (
            "/partners/1/accounts",
            serde_json::json!("account\tname\nb1\tx\textra\n"),
        ),
        (
            "/partners/0/accounts",
            serde_json::json!("name\tdomain\nAcme\tacme.com\n"),
        ),
        ("/vendor/accounts", serde_json::json!("account\tvalue\nv1\tlots\n")),
        // the rest of the request is read as always
        ("/partners/1/id", serde_json::json!("alpha")),
        ("/vendor/id", serde_json::json!("beta")),
        ("/partners/0/acounts", serde_json::json!("x")),
        ("/focus", serde_json::json!("nobody")),
    ];
    for (pointer, value) in variants {
        let mut req = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        req.pointer_mut(parent).unwrap()[key] = value;
        let text = req.to_string();
        let (object, json) = both(&text);
        let (object, json) = (object.expect_err(pointer), json.expect_err(pointer));
        assert_eq!(error(&object), error(&json), "{pointer}");
        assert!(!error(&object).1.is_empty(), "{pointer}: {:?}", error(&object));
    }
}

#[wasm_bindgen_test]
fn a_text_with_a_lone_surrogate_is_refused_as_json_refuses_it() {
    // JSON.stringify writes a lone surrogate as an escape that the parser refuses; the
    // object path leaves such a text in the JSON so the error stays that one
    let req = parse(&request("full"));
    let partners = get(&req, "partners");
    let beta = js_sys::Reflect::get_u32(&partners, 1).unwrap();
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let text = js_sys::JsString::from(BETA).concat(&lone);
    js_sys::Reflect::set(&beta, &JsValue::from_str("accounts"), &text).unwrap();
    let object = dealteam::wasm::account_map_columns(req.clone()).expect_err("refused");
    let stringified = js_sys::JSON::stringify(&req).unwrap();
    let json = dealteam::wasm::account_map_columns(stringified.into()).expect_err("refused");
    assert_eq!(error(&object), error(&json));
    assert_eq!(error(&object).0, "invalid_json");
}

/// `req`'s side at `pointer` (a JSON pointer to its `accounts`, as in the variants above) set to `text`.
fn set_accounts(req: &JsValue, side: &[&str], text: &JsValue) {
    let mut at = req.clone();
    for key in side {
        at = match key.parse::<u32>() {
            Ok(i) => js_sys::Reflect::get_u32(&at, i).unwrap(),
            Err(_) => get(&at, key),
        };
    }
    js_sys::Reflect::set(&at, &JsValue::from_str("accounts"), text).unwrap();
}

#[wasm_bindgen_test]
fn a_text_holding_a_real_replacement_character_is_mapped_as_the_json_text_is() {
    // U+FFFD is also what `encodeInto` writes for a lone surrogate: a text that holds a real
    // one is asked whether it is well-formed, and is (the map is the JSON text's)
    let text = request("full").replace("Ａｃｍｅ Corp", "Ａｃｍｅ \u{FFFD} Corp");
    let (object, json) = both(&text);
    let (object, json) = (object.expect("the object is mapped"), json.expect("the text is mapped"));
    assert_eq!(stringify(&object), stringify(&json));
    assert!(
        stringify(&object).contains("Ａｃｍｅ \u{FFFD} Corp"),
        "{}",
        stringify(&object)
    );
}

#[wasm_bindgen_test]
fn a_lone_surrogate_after_a_real_replacement_character_or_in_the_vendors_text_is_refused_as_json_refuses_it() {
    let lone = js_sys::JsString::from_char_code1(0xDC00);
    let with_lone = |base: &str| JsValue::from(js_sys::JsString::from(base).concat(&lone));
    for (side, other_error) in [
        (&["vendor"][..], false),
        (&["partners", "1"][..], false),
        (&["partners", "1"][..], true),
    ] {
        let mut text = request("overlaps").replace("Globex GmbH", "Globex \u{FFFD} GmbH");
        if other_error {
            // an error in the rest of the request as well: JSON meets the surrogate first or not, as it reads
            text = text.replace("\"summary\":true", "\"summary\":true,\"focus\":\"nobody\"");
        }
        let req = parse(&text);
        let base = if side[0] == "vendor" { VENDOR } else { BETA };
        set_accounts(&req, side, &with_lone(base));
        let object = dealteam::wasm::account_map_columns(req.clone()).expect_err("refused");
        let json =
            dealteam::wasm::account_map_columns(js_sys::JSON::stringify(&req).unwrap().into()).expect_err("refused");
        assert_eq!(error(&object), error(&json), "{side:?}");
    }
}
