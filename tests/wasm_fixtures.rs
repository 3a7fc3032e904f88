//! Native side of the wasm/native agreement check: the `rank` output for the shared
//! fixture `tests/wasm/rank-small.json` must equal `tests/wasm/rank-small.expected.json`,
//! which `tests/wasm_facade.rs` compares with the wasm facade's output (Node, Chromium).
//! Set `UPDATE_FIXTURES=1` to rewrite the expected file after an intended change.
#![cfg(not(target_arch = "wasm32"))]

use dealteam::api::run_json;
use dealteam::clock::Ctx;

const REQUEST: &str = include_str!("wasm/rank-small.json");
const EXPECTED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wasm/rank-small.expected.json");

#[test]
fn native_rank_output_matches_the_shared_fixture() {
    let out = run_json("rank", REQUEST, false, &Ctx::frozen()).expect("the fixture is a valid request");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(EXPECTED_PATH, format!("{out}\n")).expect("write the fixture");
    }
    let expected = std::fs::read_to_string(EXPECTED_PATH).expect("the expected fixture exists");
    assert_eq!(out, expected.trim_end());
}

#[test]
fn fixture_fits_are_the_hand_computed_values() {
    let out = run_json("rank", REQUEST, false, &Ctx::frozen()).expect("valid request");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rows = v["results"].as_array().expect("results");
    let got: Vec<(&str, f64, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["partnerId"].as_str().unwrap_or(""),
                r["fit"].as_f64().unwrap_or(-1.0),
                r["eligible"] == true,
            )
        })
        .collect();
    // SPEC §2: fit = Σ w·s / Σ w; eligible partners first, then fit descending.
    assert_eq!(
        got,
        vec![
            ("a", 0.933333333333, true),
            ("c", 0.733333333333, true),
            ("b", 0.266666666667, false)
        ]
    );
    assert_eq!(rows[2]["failed"], serde_json::json!(["kinds"]));
}

/// Requests in `examples/` whose outputs must be identical natively and in wasm: the
/// seeded Monte Carlo (§6), the win model's Newton fit (§9), Shapley with the logistic
/// win curve and exact Markov attribution (§5), and §8. `tests/wasm_facade.rs` runs the
/// same list through the facade.
pub const CROSS_TARGET: &[(&str, &str)] = &[
    ("simulate", "plan-simulate"),
    ("audit", "plan-audit"),
    ("train", "history"),
    ("calibrate", "calibrate"),
    ("split", "split"),
    ("attribute", "attribute"),
    ("register", "register"),
    ("register", "register-lifecycle"),
    ("overlap", "overlap"),
];

#[test]
fn native_outputs_match_the_cross_target_fixtures() {
    let dir = env!("CARGO_MANIFEST_DIR");
    for (cmd, name) in CROSS_TARGET {
        let req = std::fs::read_to_string(format!("{dir}/examples/{name}.json")).expect("example exists");
        let out = run_json(cmd, &req, false, &Ctx::frozen()).expect("the example is a valid request");
        let path = format!("{dir}/tests/wasm/{name}.expected.json");
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, format!("{out}\n")).expect("write the fixture");
        }
        let expected = std::fs::read_to_string(&path).expect("the expected fixture exists");
        assert_eq!(out, expected.trim_end(), "{cmd} {name}");
    }
}
