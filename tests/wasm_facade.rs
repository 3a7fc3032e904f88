//! The wasm facade as JS sees it, run under wasm-bindgen-test in Node
//! (`wasm-pack test --node`) and, unchanged, in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`): the runner picks
//! the environment from that variable, so one suite serves both (scripts/test.sh).
//! Same small cases as natively: hand-computed fits, an error with code and path,
//! money allocation, and output identical to the native fixture.
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use dealteam::money::{allocate, Money};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

const REQUEST: &str = include_str!("wasm/rank-small.json");
const EXPECTED: &str = include_str!("wasm/rank-small.expected.json");

#[wasm_bindgen_test]
fn rank_from_a_js_object_gives_the_hand_computed_fits() {
    let out = dealteam::wasm::rank(parse(REQUEST)).expect("rank succeeds");
    let rows: js_sys::Array = get(&out, "results").dyn_into().expect("an array");
    let got: Vec<(String, f64, bool)> = rows
        .iter()
        .map(|r| {
            (
                get(&r, "partnerId").as_string().unwrap_or_default(),
                get(&r, "fit").as_f64().unwrap_or(-1.0),
                get(&r, "eligible").as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("a".to_string(), 0.933333333333, true),
            ("c".to_string(), 0.733333333333, true),
            ("b".to_string(), 0.266666666667, false),
        ]
    );
}

#[wasm_bindgen_test]
fn rank_output_is_the_same_as_native_for_objects_and_json_text() {
    // Parse both sides into JS values and print them the same way: equal numbers
    // (bit for bit after parsing), the same keys in the same order.
    let expected = stringify(&parse(EXPECTED));
    let from_object = dealteam::wasm::rank(parse(REQUEST)).expect("rank succeeds");
    let from_text = dealteam::wasm::rank(JsValue::from_str(REQUEST)).expect("rank succeeds");
    assert_eq!(stringify(&from_object), expected);
    assert_eq!(stringify(&from_text), expected);
}

#[wasm_bindgen_test]
fn a_typo_throws_a_dealteam_error_with_code_and_path() {
    let bad = REQUEST.replacen("\"weight\": 2", "\"wieght\": 2", 1);
    for input in [parse(&bad), JsValue::from_str(&bad)] {
        let err = dealteam::wasm::rank(input).expect_err("the typo is refused");
        assert!(err.is_instance_of::<js_sys::Error>(), "a real Error subclass");
        assert_eq!(get(&err, "name").as_string().as_deref(), Some("DealteamError"));
        assert_eq!(get(&err, "code").as_string().as_deref(), Some("unknown_field"));
        assert_eq!(
            get(&err, "path").as_string().as_deref(),
            Some("profile.criteria[0].wieght")
        );
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(message.contains("wieght"), "the message names the field: {message}");
    }
}

#[wasm_bindgen_test]
fn not_json_and_nothing_are_invalid_json() {
    for input in [JsValue::from_str("{\"ecosystem\": "), JsValue::UNDEFINED, JsValue::NULL] {
        let err = dealteam::wasm::rank(input).expect_err("refused");
        assert_eq!(get(&err, "code").as_string().as_deref(), Some("invalid_json"));
        assert_eq!(get(&err, "path").as_string().as_deref(), Some(""));
    }
}

#[wasm_bindgen_test]
fn money_allocation_adds_up_exactly_in_wasm() {
    // SPEC §4: 100.00 in three equal shares → 33.34, 33.33, 33.33 (leftover cent to the
    // first of the tied remainders, by input order).
    let total = Money::parse("100.00").expect("amount");
    let parts = allocate(total, &[1.0, 1.0, 1.0], 2).expect("allocates");
    let text: Vec<String> = parts.iter().map(|m| m.to_string()).collect();
    assert_eq!(text, ["33.34", "33.33", "33.33"]);
    // Negative amounts by absolute value, signs kept.
    let parts = allocate(Money::parse("-0.05").expect("amount"), &[1.0, 1.0], 2).expect("allocates");
    let text: Vec<String> = parts.iter().map(|m| m.to_string()).collect();
    assert_eq!(text, ["-0.03", "-0.02"]);
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(dealteam::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn an_unknown_field_in_a_js_object_is_refused_even_next_to_the_right_one() {
    // Both `weight` and the typo `wieght`: a reader that only looks up declared fields
    // would accept this silently.
    let bad = REQUEST.replacen("\"weight\": 2", "\"weight\": 2, \"wieght\": 2", 1);
    let err = dealteam::wasm::rank(parse(&bad)).expect_err("the typo is refused");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("unknown_field"));
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("profile.criteria[0].wieght")
    );
}

#[wasm_bindgen_test]
fn the_ecosystem_handle_ranks_like_the_rank_command() {
    let req = parse(REQUEST);
    let eco = dealteam::wasm::EcosystemHandle::new(get(&req, "ecosystem")).expect("valid ecosystem");
    assert_eq!(eco.size(), 3);
    let out = eco.rank(get(&req, "profile"), None).expect("rank succeeds");
    assert_eq!(stringify(&out), stringify(&parse(EXPECTED)));
    // Errors carry paths under `profile`, and the handle keeps working afterwards.
    let bad = parse(r#"{"id": "p", "name": "P", "criteria": [{"kind": "capability", "key": "cloud", "weight": 0}]}"#);
    let err = eco.rank(bad, None).expect_err("weight 0 is refused");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("invalid_value"));
    assert_eq!(
        get(&err, "path").as_string().as_deref(),
        Some("profile.criteria[0].weight")
    );
    let limited = eco
        .rank(get(&req, "profile"), Some(parse(r#"{"limit": 1, "explain": false}"#)))
        .expect("ok");
    assert_eq!(
        stringify(&limited),
        r#"{"results":[{"partnerId":"a","fit":0.933333333333,"eligible":true,"failed":[]}]}"#
    );
}

#[wasm_bindgen_test]
fn an_invalid_ecosystem_is_refused_with_its_path() {
    let err = dealteam::wasm::EcosystemHandle::new(JsValue::from_str(
        r#"{"tiers": ["silver"], "partners": [{"id": "a", "name": "A", "kind": "si", "tier": "gold"}]}"#,
    ))
    .err()
    .expect("unknown tier");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("invalid_value"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("partners[0].tier"));
}

#[wasm_bindgen_test]
fn sample_is_deterministic_and_checks_its_arguments() {
    let a = stringify(&dealteam::wasm::sample(50.0, 7.0).expect("sample"));
    let b = stringify(&dealteam::wasm::sample(50.0, 7.0).expect("sample"));
    assert_eq!(a, b);
    let native = dealteam::sample::generate(50, 7).expect("native sample");
    let native_json = serde_json::to_string(&native).expect("json");
    assert_eq!(a, stringify(&parse(&native_json)));
    let err = dealteam::wasm::sample(1.5, 1.0).expect_err("not whole");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("partners"));
}

/// The seeded and transcendental paths give the same JSON as natively
/// (`tests/wasm_fixtures.rs` checks the native side of each fixture).
#[wasm_bindgen_test]
fn seeded_and_transcendental_outputs_are_the_same_as_native() {
    type Entry = fn(JsValue) -> Result<JsValue, JsValue>;
    let cases: &[(&str, &str, &str, Entry)] = &[
        (
            "simulate",
            include_str!("../examples/plan-simulate.json"),
            include_str!("wasm/plan-simulate.expected.json"),
            dealteam::wasm::simulate,
        ),
        (
            "audit",
            include_str!("../examples/plan-audit.json"),
            include_str!("wasm/plan-audit.expected.json"),
            dealteam::wasm::audit_plan,
        ),
        (
            "train",
            include_str!("../examples/history.json"),
            include_str!("wasm/history.expected.json"),
            dealteam::wasm::train,
        ),
        (
            "calibrate",
            include_str!("../examples/calibrate.json"),
            include_str!("wasm/calibrate.expected.json"),
            dealteam::wasm::calibrate,
        ),
        (
            "split",
            include_str!("../examples/split.json"),
            include_str!("wasm/split.expected.json"),
            dealteam::wasm::split,
        ),
        (
            "attribute",
            include_str!("../examples/attribute.json"),
            include_str!("wasm/attribute.expected.json"),
            dealteam::wasm::attribute,
        ),
        (
            "register",
            include_str!("../examples/register.json"),
            include_str!("wasm/register.expected.json"),
            dealteam::wasm::register_deal,
        ),
        (
            "register-lifecycle",
            include_str!("../examples/register-lifecycle.json"),
            include_str!("wasm/register-lifecycle.expected.json"),
            dealteam::wasm::register_deal,
        ),
        (
            "overlap",
            include_str!("../examples/overlap.json"),
            include_str!("wasm/overlap.expected.json"),
            dealteam::wasm::overlap,
        ),
    ];
    for &(name, request, expected, f) in cases {
        let out = f(JsValue::from_str(request)).unwrap_or_else(|e| panic!("{name}: {}", stringify(&e)));
        assert_eq!(stringify(&out), stringify(&parse(expected)), "{name}");
    }
}
