//! The `Ecosystem` handle as the hub (SPEC §10), as JS sees it (Node and headless
//! Chromium): `eco.teams / teamSearch / split / overlap` on the handle's partners give
//! the same JSON as the free functions given the same ecosystem, requests that still
//! carry `ecosystem` are refused, and `Ecosystem.fromChunks` / `fromBytes` read the
//! ecosystem from UTF-8 pieces with the constructor's results and errors.
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::wasm::EcosystemHandle;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

const TEAMS: &str = include_str!("../examples/teams.json");
const SPLIT: &str = include_str!("../examples/split.json");
const OVERLAP: &str = include_str!("../examples/overlap.json");

/// The request's `ecosystem` as a handle, and the request without it.
fn hub(request: &str) -> (EcosystemHandle, JsValue) {
    let req = parse(request);
    let eco = get(&req, "ecosystem");
    Reflect::delete_property(&req.clone().into(), &"ecosystem".into()).expect("delete");
    (EcosystemHandle::new(eco).expect("valid ecosystem"), req)
}

fn one_shot(command: &str, request: &str) -> String {
    stringify(&parse(
        &run_json(command, request, false, &Ctx::frozen()).expect("runs"),
    ))
}

#[wasm_bindgen_test]
fn teams_on_the_handle_equal_the_teams_command() {
    let (eco, rest) = hub(TEAMS);
    assert_eq!(
        stringify(&eco.teams(rest.clone()).expect("teams")),
        one_shot("teams", TEAMS)
    );
    let mut search = eco.team_search(rest).expect("search");
    while get(
        &search.step(wasm_bindgen::JsValue::from_f64(50.0)).expect("step"),
        "done",
    )
    .as_bool()
        != Some(true)
    {}
    assert_eq!(stringify(&search.result().expect("result")), one_shot("teams", TEAMS));
}

#[wasm_bindgen_test]
fn split_and_overlap_on_the_handle_equal_the_commands() {
    let (eco, rest) = hub(SPLIT);
    assert_eq!(stringify(&eco.split(rest).expect("split")), one_shot("split", SPLIT));
    let (eco, rest) = hub(OVERLAP);
    assert_eq!(
        stringify(&eco.overlap(Some(rest)).expect("overlap")),
        one_shot("overlap", OVERLAP)
    );
}

#[wasm_bindgen_test]
fn a_request_with_its_own_ecosystem_is_refused_and_paths_stay_the_commands() {
    let (eco, _) = hub(TEAMS);
    let e = eco.teams(parse(TEAMS)).expect_err("ecosystem given twice");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_value"));
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("ecosystem"));
    let e = eco.teams(parse(r#"{"kk": 1, "deal": {}}"#)).expect_err("unknown field");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_field"));
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("kk"));
    let e = eco.teams(JsValue::from_str(" { } ")).expect_err("no deal");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("missing_field"));
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("deal"));
}

fn chunks(text: &str, size: usize) -> JsValue {
    let out = Array::new();
    for piece in text.as_bytes().chunks(size) {
        out.push(&Uint8Array::from(piece));
    }
    out.into()
}

#[wasm_bindgen_test]
fn from_chunks_reads_what_the_constructor_reads() {
    let eco_text = stringify(&get(&parse(TEAMS), "ecosystem"));
    let profile = get(&get(&parse(TEAMS), "profiles"), "0");
    let whole = EcosystemHandle::new(JsValue::from_str(&eco_text)).expect("whole");
    for size in [1, 7, 4096] {
        let pieces = EcosystemHandle::from_chunks(chunks(&eco_text, size)).expect("chunks");
        assert_eq!(pieces.size(), whole.size());
        assert_eq!(
            stringify(&pieces.rank(profile.clone(), None).expect("rank")),
            stringify(&whole.rank(profile.clone(), None).expect("rank"))
        );
    }
    let bytes = EcosystemHandle::from_bytes(Uint8Array::from(eco_text.as_bytes()).into()).expect("bytes");
    assert_eq!(bytes.size(), whole.size());
}

#[wasm_bindgen_test]
fn from_chunks_errors_have_the_constructors_codes_and_paths() {
    let bad = r#"{"partners": [{"id": "a", "name": "A", "kind": "isv", "tier": 3}]}"#;
    let by_text = EcosystemHandle::new(JsValue::from_str(bad)).err().expect("error");
    let by_chunks = EcosystemHandle::from_chunks(chunks(bad, 5)).err().expect("error");
    for key in ["code", "path", "message"] {
        assert_eq!(
            get(&by_chunks, key).as_string(),
            get(&by_text, key).as_string(),
            "{key}"
        );
    }
    let e = EcosystemHandle::from_chunks(chunks("{\"partners\": [", 3))
        .err()
        .expect("error");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
    let e = EcosystemHandle::from_chunks(JsValue::from_str("{}"))
        .err()
        .expect("error");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_json"));
    let mixed: JsValue = Array::of2(&Uint8Array::from(&b"{"[..]), &JsValue::from_str("}")).into();
    let e = EcosystemHandle::from_chunks(mixed).err().expect("error");
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("[1]"));
}

#[wasm_bindgen_test]
fn order_as_typed_arrays_matches_the_ranked_rows() {
    let req = parse(include_str!("../examples/rank.json"));
    let eco = EcosystemHandle::new(get(&req, "ecosystem")).expect("ecosystem");
    let profile = get(&req, "profile");
    let opts = parse(r#"{"limit": 0, "explain": false}"#);
    let rows: Array = get(&eco.rank(profile.clone(), Some(opts)).expect("rank"), "results").into();
    let order = eco.order(profile).expect("order");
    let idx = js_sys::Uint32Array::from(get(&order, "order")).to_vec();
    let fit = js_sys::Float64Array::from(get(&order, "fit")).to_vec();
    let eligible = Uint8Array::from(get(&order, "eligible")).to_vec();
    let ids: Array = eco.ids().expect("ids").into();
    assert_eq!(idx.len(), eco.size());
    assert_eq!(rows.length() as usize, idx.len());
    for (r, &i) in idx.iter().enumerate() {
        let row = rows.get(r as u32);
        let i = i as usize;
        assert_eq!(ids.get(i as u32).as_string(), get(&row, "partnerId").as_string());
        assert_eq!(Some(eligible[i] == 1), get(&row, "eligible").as_bool());
        let shown = get(&row, "fit").as_f64().expect("fit");
        assert!((fit[i] - shown).abs() < 1e-9, "fit {} vs row {shown}", fit[i]);
    }
}

/// `rank` without breakdowns builds its rows in JS from columns: the same JSON as the
/// `rank` command, for every limit; rows that failed the same clauses share one frozen
/// `failed` array, and rows that failed others do not.
#[wasm_bindgen_test]
fn rank_rows_without_breakdowns_equal_the_rank_command() {
    let req = parse(include_str!("../examples/rank.json"));
    let eco = EcosystemHandle::new(get(&req, "ecosystem")).expect("ecosystem");
    let stricter = parse(&stringify(&get(&req, "profile")));
    let require = parse(r#"{"kinds": ["si"], "minTier": "gold", "capabilitiesMin": {"cloud": 0.8, "security": 0.5}}"#);
    Reflect::set(&stricter, &"require".into(), &require).expect("set");
    let mut shared = 0;
    for profile in [get(&req, "profile"), stricter.clone()] {
        for limit in [0, 1, 3, 100] {
            let opts = parse(&format!(r#"{{"limit": {limit}, "explain": false}}"#));
            let got = eco.rank(profile.clone(), Some(opts.clone())).expect("rank");
            let whole = parse(&stringify(&req));
            Reflect::set(&whole, &"profile".into(), &profile).expect("set");
            Reflect::set(&whole, &"limit".into(), &limit.into()).expect("set");
            Reflect::set(&whole, &"explain".into(), &false.into()).expect("set");
            assert_eq!(stringify(&got), one_shot("rank", &stringify(&whole)), "limit {limit}");
            let rows: Array = get(&got, "results").into();
            for r in 0..rows.length() {
                assert!(
                    js_sys::Object::is_frozen(&get(&rows.get(r), "failed").into()),
                    "row {r}"
                );
            }
            for (a, b) in (0..rows.length()).flat_map(|a| (0..a).map(move |b| (a, b))) {
                let (fa, fb) = (get(&rows.get(a), "failed"), get(&rows.get(b), "failed"));
                let same = stringify(&fa) == stringify(&fb);
                assert_eq!(
                    fa == fb,
                    same,
                    "rows {a} and {b}: one array exactly when the lists are equal"
                );
                shared += usize::from(same);
            }
        }
    }
    assert!(shared > 0, "no two rows with the same failed clauses");
    // the stricter profile fails partners on different clauses: several distinct lists
    let opts = parse(r#"{"limit": 0, "explain": false}"#);
    let rows: Array = get(&eco.rank(stricter, Some(opts)).expect("rank"), "results").into();
    let mut lists: Vec<String> = rows.iter().map(|r| stringify(&get(&r, "failed"))).collect();
    lists.sort();
    lists.dedup();
    assert!(lists.len() >= 3, "{lists:?}");
}

/// A JS string reaches the engine as the same text whatever its characters: 1- to 4-byte
/// UTF-8 characters before, amid and after the ASCII (the facade reads a string with
/// `TextEncoder.encodeInto` into a buffer of one byte per UTF-16 unit, then finishes the
/// rest in a second call), and a lone surrogate as U+FFFD, as `as_string` reads it.
#[wasm_bindgen_test]
fn strings_of_every_character_width_reach_the_engine_as_written() {
    let eco = stringify(&get(&parse(TEAMS), "ecosystem"));
    let partners: Array = get(&parse(&eco), "partners").into();
    let first = get(&partners.get(0), "id").as_string().expect("id");
    let last = get(&partners.get(partners.length() - 1), "id").as_string().expect("id");
    let ids_of = |text: JsValue| -> Vec<String> {
        let handle = EcosystemHandle::new(text).expect("valid ecosystem");
        let ids: Array = handle.ids().expect("ids").into();
        ids.iter().map(|v| v.as_string().expect("string")).collect()
    };
    for (a, b) in [
        ("é日😀x", "plain"),
        ("plain", "x😀日é"),
        ("😀😀😀😀😀😀😀😀", "日本語のパートナー"),
    ] {
        // every mention (relationships name partners too)
        let text = eco
            .replace(&format!("\"{first}\""), &format!("\"{a}\""))
            .replace(&format!("\"{last}\""), &format!("\"{b}\""));
        let ids = ids_of(JsValue::from_str(&text));
        assert_eq!(ids.first().map(String::as_str), Some(a));
        assert_eq!(ids.last().map(String::as_str), Some(b));
        assert_eq!(ids.len() as u32, partners.length());
    }
    // a lone surrogate (only JS can make one) is read as U+FFFD
    let lone = js_sys::JSON::parse(r#""\ud800""#).expect("string");
    let id = js_sys::JsString::from("\"x")
        .concat(&lone)
        .concat(&JsValue::from_str("y\""));
    let mut text = js_sys::JsString::from("");
    for (k, piece) in eco.split(&format!("\"{first}\"")).enumerate() {
        if k > 0 {
            text = text.concat(&id);
        }
        text = text.concat(&JsValue::from_str(piece));
    }
    let ids = ids_of(text.into());
    assert_eq!(ids.first().map(String::as_str), Some("x\u{FFFD}y"));
}
