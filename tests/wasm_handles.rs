//! The facade's handle classes and the other commands, as JS sees them (Node and
//! headless Chromium, like tests/wasm_facade.rs): `TeamSearch` and `Simulation` run in
//! steps and give the same result as the one-shot commands; `cancel()` behaves as
//! documented; `split` allocations add up exactly.
#![cfg(target_arch = "wasm32")]

mod wasm_js;

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::wasm::{SimulationHandle, TeamSearchHandle};
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_js::{get, parse, stringify};

const TEAMS: &str = include_str!("../examples/teams.json");
const PLAN: &str = include_str!("../examples/plan-simulate.json");
const SPLIT: &str = include_str!("../examples/split.json");

/// The simulation example with fewer trials, so the test stays quick.
fn small_plan() -> JsValue {
    let req = parse(PLAN);
    Reflect::set(&req, &"trials".into(), &JsValue::from_f64(400.0)).expect("set trials");
    req
}

#[wasm_bindgen_test]
fn team_search_in_steps_equals_the_teams_command() {
    let mut search = TeamSearchHandle::new(parse(TEAMS)).expect("valid request");
    let mut steps = 0;
    loop {
        let p = search.step(JsValue::from_f64(5.0)).expect("progress");
        steps += 1;
        let progress = get(&p, "progress").as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&progress), "progress in 0..1, got {progress}");
        if get(&p, "done").as_bool() == Some(true) {
            break;
        }
        assert!(steps < 100_000, "the search finishes");
    }
    let stepped = search.result().expect("result");
    assert_eq!(get(&stepped, "exact").as_bool(), Some(true));
    let one_shot = run_json("teams", TEAMS, false, &Ctx::frozen()).expect("teams");
    assert_eq!(stringify(&stepped), stringify(&parse(&one_shot)));
    assert_eq!(
        stringify(&dealteam::wasm::teams(parse(TEAMS)).expect("teams")),
        stringify(&parse(&one_shot))
    );
}

#[wasm_bindgen_test]
fn a_cancelled_team_search_returns_what_it_has_as_not_exact() {
    let mut search = TeamSearchHandle::new(parse(TEAMS)).expect("valid request");
    search.cancel();
    let p = search.step(JsValue::from_f64(5.0)).expect("progress");
    assert_eq!(get(&p, "done").as_bool(), Some(true));
    match search.result() {
        Ok(r) => assert_eq!(get(&r, "exact").as_bool(), Some(false)),
        Err(e) => assert_eq!(get(&e, "code").as_string().as_deref(), Some("infeasible")),
    }
}

#[wasm_bindgen_test]
fn a_bad_team_request_throws_with_a_path() {
    let bad = TEAMS.replacen("\"deal\"", "\"dael\"", 1);
    let err = TeamSearchHandle::new(JsValue::from_str(&bad)).err().expect("refused");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("unknown_field"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("dael"));
}

#[wasm_bindgen_test]
fn simulation_in_steps_equals_the_simulate_command() {
    let mut sim = SimulationHandle::new(small_plan()).expect("valid plan");
    loop {
        let p = sim.step(JsValue::from_f64(2.0)).expect("progress");
        if get(&p, "done").as_bool() == Some(true) {
            assert_eq!(get(&p, "trialsDone").as_f64(), Some(400.0));
            break;
        }
    }
    let stepped = sim.result().expect("result");
    let one_shot = dealteam::wasm::simulate(small_plan()).expect("simulate");
    assert_eq!(stringify(&stepped), stringify(&one_shot));
    let native_in_wasm = run_json("simulate", &stringify(&small_plan()), false, &Ctx::frozen()).expect("simulate");
    assert_eq!(stringify(&stepped), stringify(&parse(&native_in_wasm)));
}

#[wasm_bindgen_test]
fn a_cancelled_simulation_reports_cancelled() {
    let mut sim = SimulationHandle::new(small_plan()).expect("valid plan");
    sim.cancel();
    let err = sim.result().expect_err("cancelled");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("cancelled"));
}

#[wasm_bindgen_test]
fn split_allocations_add_up_to_the_amount() {
    let out = dealteam::wasm::split(parse(SPLIT)).expect("split");
    let req = parse(SPLIT);
    let amount = get(&req, "amount").as_string().expect("amount is a decimal string");
    let allocations = js_sys::Array::from(&get(&out, "allocations"));
    let mut cents: i64 = 0;
    for a in allocations.iter() {
        let text = get(&a, "amount").as_string().expect("decimal string");
        cents += text.replace('.', "").parse::<i64>().expect("two decimals");
    }
    assert_eq!(cents, amount.replace('.', "").parse::<i64>().expect("two decimals"));
}
