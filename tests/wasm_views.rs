//! The `Ecosystem` handle's methods for a screen that keeps no partners of its own, as JS
//! sees them (Node and headless Chromium): `Ecosystem.open` of an ecosystem, a list and a
//! workspace; pages of partners, whole and as a list in columns; the filter as a
//! `Uint32Array`; the summary; the names; `toJson` read back to the same partners, and
//! `toJsonChunks` its bytes in pieces; and `calibrate` on the handle equal to the command
//! given the same ecosystem.
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::wasm::EcosystemHandle;
use js_sys::{Array, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

const TEAMS: &str = include_str!("../examples/teams.json");
const CALIBRATE: &str = include_str!("../examples/calibrate.json");

fn ecosystem_text() -> String {
    stringify(&get(&parse(TEAMS), "ecosystem"))
}

/// A JS value as JSON, compared whatever the order of object keys.
fn json(v: &JsValue) -> serde_json::Value {
    serde_json::from_str(&stringify(v)).expect("JSON")
}

fn handle(v: JsValue) -> EcosystemHandle {
    // what `Ecosystem.open` returns is the JS object of a handle; read it back through its text
    let text: String = Reflect::apply(&get(&v, "toJson").into(), &v, &Array::new())
        .expect("toJson")
        .as_string()
        .expect("text");
    EcosystemHandle::new(JsValue::from_str(&text)).expect("reads back")
}

#[wasm_bindgen_test]
fn open_reads_an_ecosystem_a_list_and_a_workspace() {
    let text = ecosystem_text();
    let whole = EcosystemHandle::new(JsValue::from_str(&text)).expect("ecosystem");
    let o = EcosystemHandle::open(&JsValue::from_str(&text)).expect("opens");
    assert!(get(&o, "rest").is_null());
    assert_eq!(handle(get(&o, "ecosystem")).to_json().ok(), whole.to_json().ok());

    let ws = format!(r#"{{"version": 1, "teamK": 3, "ecosystem": {text}, "source": {{"kind": "data"}}}}"#);
    let o = EcosystemHandle::open(&JsValue::from_str(&ws)).expect("opens");
    assert_eq!(
        stringify(&parse(&get(&o, "rest").as_string().expect("rest"))),
        r#"{"source":{"kind":"data"},"teamK":3,"version":1}"#
    );
    assert_eq!(handle(get(&o, "ecosystem")).size(), whole.size());

    let list = r#" [{"id": "a", "name": "A", "kind": "si"}, {"id": "b", "name": "B", "kind": "isv"}]"#;
    let o = EcosystemHandle::open(&JsValue::from_str(list)).expect("opens");
    assert!(get(&o, "rest").is_null());
    assert_eq!(handle(get(&o, "ecosystem")).size(), 2);

    let e = EcosystemHandle::open(&JsValue::from_str("{\"version\": ")).expect_err("not JSON");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
    let e = EcosystemHandle::open(&JsValue::from_f64(1.0)).expect_err("not text");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
    let bad = r#"{"version": 1, "ecosystem": {"partners": [{"id": "a", "name": "A", "kind": "isv", "tier": 3}]}}"#;
    let e = EcosystemHandle::open(&JsValue::from_str(bad)).expect_err("bad tier");
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("partners[0].tier"));
}

/// `s`'s bytes as a `Uint8Array`.
fn bytes(s: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(s).into()
}

#[wasm_bindgen_test]
fn open_reads_a_files_bytes_as_the_browser_reads_its_text() {
    let text = ecosystem_text();
    let whole = EcosystemHandle::new(JsValue::from_str(&text)).expect("ecosystem");
    let ws = format!(r#"{{"version": 1, "ecosystem": {text}}}"#);
    let o = EcosystemHandle::open(&bytes(ws.as_bytes())).expect("opens");
    assert_eq!(get(&o, "rest").as_string().as_deref(), Some(r#"{"version":1}"#));
    assert_eq!(handle(get(&o, "ecosystem")).to_json().ok(), whole.to_json().ok());
    // a byte-order mark is dropped, as `file.text()` drops it
    let o = EcosystemHandle::open(&bytes(format!("\u{feff}{text}").as_bytes())).expect("opens");
    assert_eq!(handle(get(&o, "ecosystem")).size(), whole.size());
    // bytes that are no UTF-8 are read as U+FFFD, as TextDecoder reads them
    let latin1 = b"[{\"id\": \"a\", \"name\": \"Caf\xe9 \xff\xfe\", \"kind\": \"si\"}]";
    let o = EcosystemHandle::open(&bytes(latin1)).expect("opens");
    let decoded =
        js_sys::eval("new TextDecoder().decode(new Uint8Array([67, 97, 102, 233, 32, 255, 254]))").expect("decoder");
    assert_eq!(
        handle(get(&o, "ecosystem")).names().ok().map(|n| stringify(&n)),
        Some(format!("[{}]", stringify(&decoded)))
    );
    let e = EcosystemHandle::open(&bytes(b"{\"partners\": [")).expect_err("not JSON");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
}

#[wasm_bindgen_test]
fn to_json_chunks_are_the_text_in_pieces() {
    let sample = dealteam::sample::generate(3000, 5).expect("sample");
    let text = serde_json::to_string(&sample.ecosystem).expect("json");
    let eco = EcosystemHandle::new(JsValue::from_str(&text)).expect("ecosystem");
    let chunks: Array = eco.to_json_chunks().expect("chunks").unchecked_into();
    // 3,000 partners are over 2 MB of JSON: pieces of about 1 MiB
    assert!(chunks.length() >= 2, "{} chunks", chunks.length());
    let mut bytes = Vec::new();
    for c in chunks.iter() {
        bytes.extend(js_sys::Uint8Array::new(&c).to_vec());
    }
    assert_eq!(String::from_utf8(bytes).ok(), eco.to_json().ok());
    let small = EcosystemHandle::new(JsValue::from_str(&ecosystem_text())).expect("ecosystem");
    let one: Array = small.to_json_chunks().expect("chunks").unchecked_into();
    assert_eq!(one.length(), 1);
    assert_eq!(
        String::from_utf8(js_sys::Uint8Array::new(&one.get(0)).to_vec()).ok(),
        small.to_json().ok()
    );
}

#[wasm_bindgen_test]
fn pages_filter_summary_and_names_describe_the_partners() {
    let eco_js = get(&parse(TEAMS), "ecosystem");
    let partners: Array = get(&eco_js, "partners").into();
    let eco = EcosystemHandle::new(JsValue::from_str(&stringify(&eco_js))).expect("ecosystem");
    let n = partners.length();
    assert_eq!(json(&eco.partners(0, 1000).expect("page")), json(&partners));
    assert_eq!(json(&eco.partners(1, 3).expect("page")), json(&partners.slice(1, 3)));
    // the same partners in columns, as the index lists them
    let list = json(&eco.partner_list(0, 1000, None).expect("list"));
    let index = dealteam::rank::EcosystemIndex::from_json(&stringify(&eco_js)).expect("index");
    assert_eq!(list, serde_json::to_value(index.list_in(0, 1000, true)).expect("json"));
    assert_eq!(list["ids"].as_array().map(Vec::len), Some(n as usize));
    assert_eq!(list["regions"].as_array().map(Vec::len), Some(n as usize));
    // without the text: the same ids, names, kinds and tiers, and no regions or capabilities
    let brief = json(&eco.partner_list(0, 1000, Some(false)).expect("brief list"));
    for column in ["ids", "names", "kinds", "tiers"] {
        assert_eq!(brief[column], list[column], "{column}");
    }
    assert_eq!(brief["regions"], serde_json::json!([]));
    assert_eq!(brief["capabilities"], serde_json::json!([]));
    assert_eq!(json(&eco.partner_list(0, 1000, Some(true)).expect("list")), list);
    assert_eq!(list["ids"][0], json(&partners)[0]["id"]);
    let names: Array = eco.names().expect("names").into();
    assert_eq!(names.length(), n);
    assert_eq!(names.get(0).as_string(), get(&partners.get(0), "name").as_string());

    let first = partners.get(0);
    let kind = get(&first, "kind").as_string().expect("kind");
    let found: Uint32Array = eco.filter("", &kind, "", "").dyn_into().expect("a Uint32Array");
    let want: Vec<u32> = (0..n)
        .filter(|&i| get(&partners.get(i), "kind").as_string().as_deref() == Some(kind.as_str()))
        .collect();
    assert_eq!(found.to_vec(), want);
    let name = get(&first, "name").as_string().expect("name").to_uppercase();
    let by_text: Uint32Array = eco.filter(&name, "", "", "").dyn_into().expect("a Uint32Array");
    assert!(by_text.to_vec().contains(&0));
    let none: Uint32Array = eco
        .filter("", "no such kind", "", "")
        .dyn_into()
        .expect("a Uint32Array");
    assert_eq!(none.length(), 0);

    let s = eco.summary().expect("summary");
    assert_eq!(get(&s, "partners").as_f64(), Some(f64::from(n)));
    let kinds: Array = get(&get(&s, "facets"), "kinds").into();
    assert!(kinds.includes(&JsValue::from_str(&kind), 0));
}

#[wasm_bindgen_test]
fn to_json_reads_back_to_the_same_ranking() {
    let req = parse(TEAMS);
    let eco = EcosystemHandle::new(JsValue::from_str(&ecosystem_text())).expect("ecosystem");
    let again = EcosystemHandle::new(JsValue::from_str(&eco.to_json().expect("json"))).expect("reads back");
    let profile = get(&get(&req, "profiles"), "0");
    assert_eq!(
        stringify(&again.rank(profile.clone(), None).expect("rank")),
        stringify(&eco.rank(profile, None).expect("rank"))
    );
}

#[wasm_bindgen_test]
fn calibrate_on_the_handle_equals_the_calibrate_command() {
    let req = parse(CALIBRATE);
    let eco = EcosystemHandle::new(get(&req, "ecosystem")).expect("ecosystem");
    Reflect::delete_property(&req.clone().into(), &"ecosystem".into()).expect("delete");
    let on_handle = eco.calibrate(req).expect("calibrate");
    let command = parse(&run_json("calibrate", CALIBRATE, false, &Ctx::frozen()).expect("runs"));
    assert_eq!(stringify(&on_handle), stringify(&command));
}
