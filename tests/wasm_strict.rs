//! Strict input at the JS door (issue 17 item 8), in Node and headless Chromium:
//! requests are objects, `step(budgetMs)` takes a number of milliseconds, seeds are
//! safe integers or strings. (A freed handle's `"freed"` error is made by the npm
//! package's glue: tests/npm/consumer/node.test.mjs.)
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use dealteam::wasm::{SimulationHandle, TeamSearchHandle};
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

const TEAMS: &str = include_str!("../examples/teams.json");
const PLAN: &str = include_str!("../examples/plan-simulate.json");
const SPLIT_GLOVE: &str = include_str!("../examples/split-glove.json");

fn code_path(e: &JsValue) -> (String, String) {
    (
        get(e, "code").as_string().unwrap_or_default(),
        get(e, "path").as_string().unwrap_or_default(),
    )
}

#[wasm_bindgen_test]
fn step_refuses_budgets_that_are_not_milliseconds() {
    let plan = parse(PLAN);
    Reflect::set(&plan, &"trials".into(), &JsValue::from_f64(50.0)).expect("set");
    let mut sim = SimulationHandle::new(plan).expect("valid");
    let mut search = TeamSearchHandle::new(parse(TEAMS)).expect("valid");
    for bad in [
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("abc"),
        JsValue::UNDEFINED,
        JsValue::from_f64(-1.0),
        JsValue::from_f64(f64::INFINITY),
    ] {
        let e = sim.step(bad.clone()).expect_err("refused");
        assert_eq!(code_path(&e), ("invalid_value".into(), "budgetMs".into()));
        let e = search.step(bad).expect_err("refused");
        assert_eq!(code_path(&e), ("invalid_value".into(), "budgetMs".into()));
    }
    // nothing ran: the simulation is still at 0 trials
    let p = sim
        .step(JsValue::from_f64(0.0))
        .expect("a zero budget runs at least one batch");
    assert!(get(&p, "trialsDone").as_f64().unwrap_or(0.0) < 50.0);
}

#[wasm_bindgen_test]
fn a_positional_request_is_refused() {
    let req = js_sys::Array::new();
    req.push(&parse(r#"{"partners": []}"#));
    req.push(&parse(r#"{"id": "p", "name": "P", "criteria": []}"#));
    req.push(&JsValue::from_f64(2.0));
    let e = dealteam::wasm::rank(req.into()).expect_err("refused");
    assert_eq!(code_path(&e), ("invalid_json".into(), "".into()));
}

#[wasm_bindgen_test]
fn seeds_above_2_53_are_refused_and_strings_accepted() {
    let req = parse(SPLIT_GLOVE);
    // 2^53 + 2: JS cannot tell it from 2^53 + 1 or + 3
    Reflect::set(&req, &"seed".into(), &JsValue::from_f64(9007199254740994.0)).expect("set");
    let e = dealteam::wasm::split(req.clone()).expect_err("refused");
    assert_eq!(code_path(&e), ("invalid_value".into(), "seed".into()));
    Reflect::set(&req, &"seed".into(), &"9007199254740995".into()).expect("set");
    dealteam::wasm::split(req.clone()).expect("a seed as a string is exact");
    // a seed as a string is the same seed as the number
    Reflect::set(&req, &"seed".into(), &"7".into()).expect("set");
    let as_text = stringify(&dealteam::wasm::split(req.clone()).expect("seed \"7\""));
    Reflect::set(&req, &"seed".into(), &JsValue::from_f64(7.0)).expect("set");
    let as_number = stringify(&dealteam::wasm::split(req).expect("seed 7"));
    assert_eq!(as_text, as_number);
}
