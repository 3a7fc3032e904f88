#![cfg(not(target_arch = "wasm32"))]
//! Attribution (SPEC §5): hand-computed heuristics, a hand-solved Markov chain,
//! values through §4, errors.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(req: Value) -> Value {
    serde_json::from_str(&run_json("attribute", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}
fn err(req: Value) -> dealteam::DealteamError {
    run_json("attribute", &req.to_string(), false, &Ctx::frozen()).unwrap_err()
}
fn conv(r: &Value, model: &str, id: &str) -> f64 {
    r["models"][model][id]["conversions"].as_f64().unwrap()
}

#[test]
fn heuristics_count_every_touch() {
    let r = run(json!({"journeys": [{"path": ["a", "a", "b"], "conversions": 3, "touchDays": [14, 7, 0]}]}));
    assert_eq!((conv(&r, "linear", "a"), conv(&r, "linear", "b")), (2.0, 1.0));
    assert_eq!((conv(&r, "firstTouch", "a"), conv(&r, "firstTouch", "b")), (3.0, 0.0));
    assert_eq!((conv(&r, "lastTouch", "a"), conv(&r, "lastTouch", "b")), (0.0, 3.0));
    // 40 / 20 / 40: a gets 0.4 + 0.2
    assert_eq!(
        (conv(&r, "positionBased", "a"), conv(&r, "positionBased", "b")),
        (1.8, 1.2)
    );
    // weights 2^-2, 2^-1, 1 → a 0.75/1.75, b 1/1.75
    assert_eq!(conv(&r, "timeDecay", "a"), dealteam::num::round12(3.0 * 0.75 / 1.75));
    // markov collapses a > a > b to a > b: both are necessary, equal credit
    assert_eq!((conv(&r, "markov", "a"), conv(&r, "markov", "b")), (1.5, 1.5));
}

#[test]
fn position_based_short_paths_and_default_days() {
    let r = run(json!({"models": ["positionBased", "timeDecay"], "halfLifeDays": 1,
        "journeys": [{"path": ["a"], "conversions": 1}, {"path": ["a", "b"], "conversions": 2}]}));
    assert_eq!(
        (conv(&r, "positionBased", "a"), conv(&r, "positionBased", "b")),
        (2.0, 1.0)
    );
    // without touchDays the last touch is 0 days, the one before 1 day: weights 1/2, 1 → a gets 1/3 of 2
    assert_eq!(conv(&r, "timeDecay", "a"), dealteam::num::round12(1.0 + 2.0 / 3.0));
    assert!(r["models"].get("linear").is_none());
}

#[test]
fn markov_matches_a_hand_solved_chain() {
    // start→a ½, start→b ½; a→b ½, a→null ½; b→conv ⅔, b→null ⅓.
    // x_b = ⅔, x_a = ⅓, P = ½. Without a: P = ⅓ → RE_a = ⅓. Without b: P = 0 → RE_b = 1.
    let r = run(json!({"models": ["markov"], "journeys": [
        {"path": ["a", "b"], "conversions": 1},
        {"path": ["a"], "conversions": 0, "nulls": 1},
        {"path": ["b"], "conversions": 1, "nulls": 1}]}));
    assert_eq!(r["markov"]["conversionProbability"], 0.5);
    assert_eq!(r["markov"]["removalEffects"]["a"], dealteam::num::round12(1.0 / 3.0));
    assert_eq!(r["markov"]["removalEffects"]["b"], 1.0);
    // credit ∝ removal effects: a ¼, b ¾ of 2 conversions
    assert_eq!((conv(&r, "markov", "a"), conv(&r, "markov", "b")), (0.5, 1.5));
}

#[test]
fn markov_with_a_loop() {
    // a → b → a revisits a. Chain: start→a ½, start→c ½; a→b ½, a→conv ¼, a→null ¼;
    // b→a 1; c→conv ½, c→null ½. x_a = ½·x_a + ¼ → x_a = ½; P = ½·½ + ½·½ = ½.
    // Without a: P = ¼ → RE ½. Without b: x_a = ¼, P = ⅛ + ¼ = ⅜ → RE ¼. Without c: P = ¼ → RE ½.
    let r = run(json!({"models": ["markov"], "journeys": [
        {"path": ["a", "b", "a"], "conversions": 1, "nulls": 1},
        {"path": ["c"], "conversions": 1, "nulls": 1}]}));
    let re = &r["markov"]["removalEffects"];
    assert_eq!(r["markov"]["conversionProbability"], 0.5);
    assert_eq!(
        (re["a"].as_f64(), re["b"].as_f64(), re["c"].as_f64()),
        (Some(0.5), Some(0.25), Some(0.5))
    );
    // 2 conversions ∝ (½, ¼, ½)
    assert_eq!(
        (
            conv(&r, "markov", "a"),
            conv(&r, "markov", "b"),
            conv(&r, "markov", "c")
        ),
        (0.8, 0.4, 0.8)
    );
}

#[test]
fn values_are_divided_exactly() {
    let r = run(json!({"currency": "EUR", "journeys": [
        {"path": ["a", "b", "c"], "conversions": 1, "value": "100.00"},
        {"path": ["c"], "conversions": 2, "value": "0.01"}]}));
    assert_eq!(r["totalValue"], "100.01");
    for model in [
        "firstTouch",
        "lastTouch",
        "linear",
        "timeDecay",
        "positionBased",
        "markov",
    ] {
        let sum: rust_decimal::Decimal = ["a", "b", "c"]
            .iter()
            .map(|id| {
                r["models"][model][id]["value"]
                    .as_str()
                    .unwrap()
                    .parse::<rust_decimal::Decimal>()
                    .unwrap()
            })
            .sum();
        assert_eq!(sum.to_string(), "100.01", "{model}");
    }
    assert_eq!(r["models"]["linear"]["a"]["value"], "33.33");
    assert_eq!(r["models"]["linear"]["c"]["value"], "33.35");
}

#[test]
fn errors() {
    let e = err(json!({"journeys": []}));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "journeys"));
    let e = err(json!({"journeys": [{"path": ["a"], "conversions": 1}], "models": ["lastClick"]}));
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(e.path.starts_with("models"), "{}", e.path);
    let e = err(json!({"journeys": [{"path": ["a", "b"], "conversions": 1, "touchDays": [1]}]}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "journeys[0].touchDays")
    );
    let e = err(json!({"journeys": [{"path": ["a"], "conversions": -1}]}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "journeys[0].conversions")
    );
    let e = err(json!({"journeys": [{"path": [], "conversions": 1}]}));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "journeys[0].path"));
    let e = err(json!({"journeys": [{"path": ["a"], "conversions": 1, "value": "1.001"}]}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidMoney, "journeys[0].value")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Every model gives out exactly the total conversions.
    #[test]
    fn credits_add_up(paths in prop::collection::vec((prop::collection::vec(0u8..5, 1..6), 0u32..20, 0u32..20), 1..12)) {
        let journeys: Vec<Value> = paths.iter().map(|(p, c, n)| json!({
            "path": p.iter().map(|x| format!("p{x}")).collect::<Vec<_>>(), "conversions": c, "nulls": n})).collect();
        let total: f64 = paths.iter().map(|x| x.1 as f64).sum();
        let r = run(json!({"journeys": journeys}));
        for (model, credits) in r["models"].as_object().unwrap() {
            let sum: f64 = credits.as_object().unwrap().values().map(|c| c["conversions"].as_f64().unwrap()).sum();
            prop_assert!((sum - total).abs() < 1e-8 * total.max(1.0), "{} {} {}", model, sum, total);
        }
    }
}
