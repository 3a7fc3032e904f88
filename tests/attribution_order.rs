#![cfg(not(target_arch = "wasm32"))]
//! Higher-order Markov attribution (SPEC §12): hand-solved chains of order 2, a published
//! example, order-k = order-1 on one-touch journeys, the exact loop solver against the
//! closed form, `"auto"`, involvement totals and seeded bootstrap intervals.

use dealteam::api::run_json;
use dealteam::attribution::chain::Chain;
use dealteam::attribution::markov::{markov, removal_effects};
use dealteam::clock::Ctx;
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(req: Value) -> Value {
    serde_json::from_str(&run_json("attribute", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}
fn err(req: Value) -> dealteam::DealteamError {
    run_json("attribute", &req.to_string(), false, &Ctx::frozen()).unwrap_err()
}
fn conv(r: &Value, id: &str) -> f64 {
    r["models"]["markov"][id]["conversions"].as_f64().unwrap()
}
fn re(r: &Value, id: &str) -> f64 {
    r["markov"]["removalEffects"][id].as_f64().unwrap()
}
fn r12(x: f64) -> f64 {
    dealteam::num::round12(x)
}

#[test]
fn order_two_remembers_where_a_journey_came_from() {
    // a > b always converts, c > b never does. Order 1 sees one b (converts ½):
    // P = ½; without a or c P = ¼ (RE ½ each), without b 0 (RE 1) → a ½, b 1, c ½.
    // Order 2 has states (a,b) → conv 1 and (c,b) → null 1: P = ½; without a P = 0
    // (RE 1), without c P = ½ (RE 0), without b 0 (RE 1) → a 1, b 1, c 0.
    let journeys = json!([{"path": ["a", "b"], "conversions": 2}, {"path": ["c", "b"], "conversions": 0, "nulls": 2}]);
    let one = run(json!({"models": ["markov"], "journeys": journeys}));
    assert_eq!((re(&one, "a"), re(&one, "b"), re(&one, "c")), (0.5, 1.0, 0.5));
    assert_eq!((conv(&one, "a"), conv(&one, "b"), conv(&one, "c")), (0.5, 1.0, 0.5));
    assert_eq!(one["markov"]["order"], 1);
    let two = run(json!({"models": ["markov"], "order": 2, "journeys": journeys}));
    assert_eq!(two["markov"]["conversionProbability"], 0.5);
    assert_eq!((re(&two, "a"), re(&two, "b"), re(&two, "c")), (1.0, 1.0, 0.0));
    assert_eq!((conv(&two, "a"), conv(&two, "b"), conv(&two, "c")), (1.0, 1.0, 0.0));
    assert_eq!(two["markov"]["order"], 2);
}

#[test]
fn order_two_with_a_loop_is_solved_exactly() {
    // a > b > a > b (conv 1, null 1) and b (conv 1, null 1). Order-2 states: (S,a) → (a,b);
    // (a,b) → (b,a) 2 of 4, conv 1 of 4, null 1 of 4; (b,a) → (a,b) always; (S,b) conv ½.
    // x_ab = ½ x_ba + ¼ with x_ba = x_ab → x_ab = ½; P = ½·½ + ½·½ = ½.
    // Without a (states (S,a), (a,b), (b,a)): P = ½·½ = ¼, RE ½. Without b: P = 0, RE 1.
    // Credit ∝ (½, 1) of 2 conversions → a ⅔, b 4⁄3.
    let r = run(json!({"models": ["markov"], "order": 2, "journeys": [
        {"path": ["a", "b", "a", "b"], "conversions": 1, "nulls": 1},
        {"path": ["b"], "conversions": 1, "nulls": 1}]}));
    assert_eq!(r["markov"]["conversionProbability"], 0.5);
    assert_eq!((re(&r, "a"), re(&r, "b")), (0.5, 1.0));
    assert_eq!((conv(&r, "a"), conv(&r, "b")), (r12(2.0 / 3.0), r12(4.0 / 3.0)));
    // order 1 differs: b converts ⅓ of its exits; x_b = ½, P = ½; without a P = ½·⅓ → RE ⅔
    let one = run(json!({"models": ["markov"], "journeys": [
        {"path": ["a", "b", "a", "b"], "conversions": 1, "nulls": 1},
        {"path": ["b"], "conversions": 1, "nulls": 1}]}));
    assert_eq!(re(&one, "a"), r12(2.0 / 3.0));
}

#[test]
fn published_example_puzyrov_2019() {
    // Serhii Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect"
    // (serhiipuzyrov.com, July 2019): Google Ads alone 2 conversions, mailing alone 1,
    // Google Ads > mailing 1, Google Ads once without conversion. Its transition table:
    // start → ads 0.8, → mailing 0.2; ads → conv 0.5, → mailing 0.25, → null 0.25;
    // mailing → conv 1. P = 0.8 · 0.75 + 0.2 = 0.8; without ads 0.2 (RE 0.75), without
    // mailing 0.4 (RE 0.5); 4 conversions split 0.75 : 0.5 → ads 2.4, mailing 1.6.
    let journeys = json!([
        {"path": ["ads"], "conversions": 2},
        {"path": ["mailing"], "conversions": 1},
        {"path": ["ads", "mailing"], "conversions": 1},
        {"path": ["ads"], "conversions": 0, "nulls": 1}]);
    for order in [1, 2, 3, 4] {
        let r = run(json!({"models": ["markov"], "order": order, "journeys": journeys}));
        assert_eq!(r["markov"]["conversionProbability"], 0.8, "order {order}");
        assert_eq!((re(&r, "ads"), re(&r, "mailing")), (0.75, 0.5), "order {order}");
        assert_eq!((conv(&r, "ads"), conv(&r, "mailing")), (2.4, 1.6), "order {order}");
    }
}

fn journeys_strategy(max_len: usize) -> impl Strategy<Value = Vec<(Vec<u32>, u32, u32)>> {
    prop::collection::vec((prop::collection::vec(0u32..4, 1..=max_len), 0u32..5, 0u32..5), 1..12)
}

fn as_request(js: &[(Vec<u32>, u32, u32)], order: u32) -> Value {
    let journeys: Vec<Value> = js
        .iter()
        .map(|(p, c, n)| {
            let path: Vec<String> = p.iter().map(|k| format!("p{k}")).collect();
            json!({"path": path, "conversions": c, "nulls": n})
        })
        .collect();
    json!({"models": ["markov"], "order": order, "journeys": journeys})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// SPEC §12: with one touch per journey every order is the same chain.
    #[test]
    fn order_k_equals_order_1_on_one_touch_journeys(js in journeys_strategy(1), k in 2u32..=4) {
        let one = run(as_request(&js, 1));
        let high = run(as_request(&js, k));
        prop_assert_eq!(&one["models"], &high["models"]);
        prop_assert_eq!(&one["markov"]["removalEffects"], &high["markov"]["removalEffects"]);
        prop_assert_eq!(&one["markov"]["conversionProbability"], &high["markov"]["conversionProbability"]);
    }

    /// The loop-by-loop exact solver over an order-1 chain agrees with the closed form
    /// (one dense solve and the fundamental matrix) on journeys with repeats and loops.
    #[test]
    fn component_solver_matches_the_closed_form(js in journeys_strategy(6)) {
        let paths: Vec<&[u32]> = js.iter().map(|(p, _, _)| p.as_slice()).collect();
        let c: Vec<f64> = js.iter().map(|j| j.1 as f64).collect();
        let n: Vec<f64> = js.iter().map(|j| j.2 as f64).collect();
        let closed = markov(&paths, &c, &n, 4).unwrap();
        let chain = Chain::new(&paths, 1);
        let solved = removal_effects(&chain, &chain.counts(&c, &n), 4).unwrap();
        prop_assert!((closed.conversion_probability - solved.conversion_probability).abs() < 1e-12);
        for (a, b) in closed.removal_effects.iter().zip(&solved.removal_effects) {
            prop_assert!((a - b).abs() < 1e-9, "{:?} vs {:?}", closed, solved);
        }
    }
}

#[test]
fn auto_picks_the_order_that_predicts_held_out_journeys() {
    // rows alternate a > b (converts) and c > b (does not); the last 30% are held out.
    // Order 1 cannot tell the two b's apart; order 2 can, and 3 and 4 add nothing (tie → 2).
    let mut journeys = Vec::new();
    for _ in 0..10 {
        journeys.push(json!({"path": ["a", "b"], "conversions": 5}));
        journeys.push(json!({"path": ["c", "b"], "conversions": 0, "nulls": 5}));
    }
    let r = run(json!({"models": ["markov"], "order": "auto", "journeys": journeys}));
    assert_eq!(r["markov"]["order"], 2);
    let ll: Vec<f64> = r["markov"]["heldOut"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["logLikelihood"].as_f64().unwrap())
        .collect();
    assert_eq!(ll.len(), 4);
    assert!(ll[1] > ll[0], "{ll:?}");
    assert_eq!((ll[1], ll[1]), (ll[2], ll[3]));
    // hand check of order 1 on the held-out rows (3 of each kind, 15 journeys each way):
    // training has 7 of each: start → a 35, → c 35 (V = 5: a, b, c, conv, null), a → b 35
    // (V = 4), c → b 35, b → conv 35, null 35 (V = 4). A held-out a > b > conv scores
    // ln(36/75) + ln(36/39) + ln(36/74), and c > b > null the same: the mean is that sum.
    let want = (36.0f64 / 75.0).ln() + (36.0f64 / 39.0).ln() + (36.0f64 / 74.0).ln();
    assert!((ll[0] - want).abs() < 1e-9, "{} vs {want}", ll[0]);
    // one-touch journeys: every order ties, auto keeps 1
    let flat = run(json!({"models": ["markov"], "order": "auto", "journeys": [
        {"path": ["a"], "conversions": 1, "nulls": 1}, {"path": ["b"], "conversions": 2},
        {"path": ["a"], "conversions": 1}, {"path": ["b"], "nulls": 1, "conversions": 0}]}));
    assert_eq!(flat["markov"]["order"], 1);
}

#[test]
fn involvement_splits_every_partners_conversions_three_ways() {
    // a > b > a (2 conv, 100.00), b (1 conv, 50.00), c > a (3 nulls).
    let r = run(json!({"models": ["linear"], "journeys": [
        {"path": ["a", "b", "a"], "conversions": 2, "value": "100.00"},
        {"path": ["b"], "conversions": 1, "value": "50.00"},
        {"path": ["c", "a"], "conversions": 0, "nulls": 3}]}));
    let inv = &r["involvement"];
    let t = |id: &str, kind: &str| {
        (
            inv[id][kind]["conversions"].as_f64().unwrap(),
            inv[id][kind]["value"].clone(),
        )
    };
    assert_eq!(t("a", "sourced"), (2.0, json!("100.00")));
    assert_eq!(t("a", "influenced"), (0.0, json!("0.00")));
    assert_eq!(t("a", "unattributed"), (1.0, json!("50.00")));
    assert_eq!(t("b", "sourced"), (1.0, json!("50.00")));
    assert_eq!(t("b", "influenced"), (2.0, json!("100.00")));
    assert_eq!(t("b", "unattributed"), (0.0, json!("0.00")));
    assert_eq!(t("c", "sourced"), (0.0, json!("0.00")));
    assert_eq!(t("c", "unattributed"), (3.0, json!("150.00")));
    // without values there is no value field
    let r = run(json!({"journeys": [{"path": ["a"], "conversions": 1}]}));
    assert_eq!(r["involvement"]["a"]["sourced"], json!({"conversions": 1.0}));
}

#[test]
fn bootstrap_intervals_are_seeded_and_bracket_the_spread() {
    let req = |seed: u64, order: u32| {
        json!({"models": ["markov"], "order": order, "bootstrap": {"samples": 300, "seed": seed, "level": 0.9},
        "journeys": [
            {"path": ["a", "b"], "conversions": 40, "nulls": 60},
            {"path": ["b"], "conversions": 10, "nulls": 90},
            {"path": ["c", "a", "b"], "conversions": 25, "nulls": 25},
            {"path": ["c"], "conversions": 5, "nulls": 95}]})
    };
    for order in [1, 3] {
        let first = run(req(11, order));
        assert_eq!(first, run(req(11, order)), "same seed, same intervals");
        assert_ne!(first["markov"]["intervals"], run(req(12, order))["markov"]["intervals"]);
        for id in ["a", "b", "c"] {
            let iv = &first["markov"]["intervals"][id];
            let (low, high) = (iv["low"].as_f64().unwrap(), iv["high"].as_f64().unwrap());
            let point = conv(&first, id);
            assert!(
                low < high && low <= point * 1.05 && point * 0.95 <= high,
                "{id}: {low} {point} {high}"
            );
            assert_eq!(iv["level"], 0.9);
        }
    }
}

#[test]
fn bad_orders_and_bootstrap_settings_are_refused_with_their_path() {
    let j = json!([{"path": ["a"], "conversions": 1}]);
    for (req, path) in [
        (json!({"order": 5, "journeys": j}), "order"),
        (json!({"order": 0, "journeys": j}), "order"),
        (json!({"order": "best", "journeys": j}), "order"),
        (json!({"order": 1.5, "journeys": j}), "order"),
        (json!({"order": 2, "models": ["linear"], "journeys": j}), "order"),
        (
            json!({"bootstrap": {}, "models": ["linear"], "journeys": j}),
            "bootstrap",
        ),
        (json!({"bootstrap": {"samples": 0}, "journeys": j}), "bootstrap.samples"),
        (json!({"bootstrap": {"level": 1.0}, "journeys": j}), "bootstrap.level"),
        (json!({"bootstrap": {"seed": -1}, "journeys": j}), "bootstrap.seed"),
        (json!({"order": "auto", "journeys": j}), "order"),
    ] {
        let e = err(req.clone());
        assert_eq!(
            (e.code.as_str(), e.path.as_str()),
            ("invalid_value", path),
            "{req}: {}",
            e.message
        );
    }
}
