#![cfg(not(target_arch = "wasm32"))]
//! §9 insights and the win model, through the public command layer.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use serde_json::{json, Value};

fn run(cmd: &str, req: &Value) -> Result<Value, dealteam::DealteamError> {
    run_json(cmd, &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn deal(id: &str, day: &str, won: bool, value: &str, cycle: f64, partners: &[&str]) -> Value {
    let ps: Vec<Value> = partners.iter().map(|p| json!({"id": p, "role": "influence"})).collect();
    json!({"id": id, "closedAt": day, "won": won, "value": value, "cycleDays": cycle, "partners": ps})
}

#[test]
fn hand_computed_insights() {
    let history = json!([
        deal("d1", "2026-01-01", true, "100.00", 30.0, &[]),
        deal("d2", "2026-01-02", false, "50.00", 50.0, &[]),
        deal("d3", "2026-01-03", true, "200.00", 20.0, &["a"]),
        deal("d4", "2026-01-04", false, "80.00", 40.0, &["b"]),
        deal("d5", "2026-01-05", true, "300.00", 10.0, &["a", "b"]),
    ]);
    let out = run("insights", &json!({"history": history})).unwrap();
    assert_eq!(out["influencedRevenue"], "500.00");
    assert_eq!(out["totalRevenue"], "600.00");
    assert_eq!(out["influencedShare"], 0.833333333333);
    // win rate: partnered 2/3, none 1/2 → ratio 4/3
    assert_eq!(out["winRate"]["withPartners"], 0.666666666667);
    assert_eq!(out["winRate"]["withoutPartners"], 0.5);
    assert_eq!(out["winRate"]["ratio"], 1.33333333333);
    // mean won size 250 vs 100; cycle 70/3 vs 40
    assert_eq!(out["dealSize"]["ratio"], 2.5);
    assert_eq!(out["cycleDays"]["withPartners"], 23.3333333333);
    assert_eq!(out["groups"]["single"]["avgDealSize"], "200.00");
    // multiplier: p2p 300/1 per deal vs single 200/2 per deal = 3
    assert_eq!(out["multiplier"], 3.0);
}

#[test]
fn the_multiplier_is_unbounded_not_an_error_when_single_partner_deals_earn_nothing() {
    let history = json!([
        deal("d1", "2026-01-01", false, "10.00", 5.0, &["a"]),
        deal("d2", "2026-01-02", true, "10.00", 5.0, &["a", "b"])
    ]);
    let out = run("insights", &json!({"history": history})).unwrap();
    assert_eq!(out["multiplier"], Value::Null);
    assert!(out["notes"].to_string().contains("unbounded"));
}

#[test]
fn too_little_data_means_no_skill_and_base_rate_predictions() {
    let history = json!([
        deal("d1", "2026-01-01", true, "1.00", 5.0, &["a"]),
        deal("d2", "2026-01-02", false, "1.00", 5.0, &["b"]),
        deal("d3", "2026-01-03", true, "1.00", 5.0, &["a", "b"]),
    ]);
    let out = run("train", &json!({"history": history})).unwrap();
    assert_eq!(out["model"]["skill"], false);
    assert!(out["model"]["reason"].as_str().unwrap().starts_with("too little data"));
    let p = run(
        "predict",
        &json!({"model": out["model"], "teams": [{"members": ["a", "b"]}]}),
    )
    .unwrap();
    assert_eq!(p["predictions"][0]["fromModel"], false);
    assert_eq!(p["predictions"][0]["probability"], out["model"]["baseRate"]);
}

/// Deals whose win chance rises steeply with coverage; later deals follow the same law.
fn synthetic(n: usize, seed: u64, informative: bool) -> Value {
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let ds: Vec<Value> = (0..n)
        .map(|i| {
            let cov: f64 = rng.random();
            let p = if informative { 1.0 / (1.0 + (-(8.0 * (cov - 0.5))).exp()) } else { 0.4 };
            let won = rng.random::<f64>() < p;
            let day = format!("2025-{:02}-{:02}", 1 + i * 12 / n, 1 + i % 28);
            json!({"id": format!("d{i}"), "closedAt": day, "won": won, "value": "1000.00", "cycleDays": 30, "coverage": cov,
                   "partners": [{"id": format!("p{}", i % 7), "role": "si"}, {"id": format!("p{}", (i + 3) % 7), "role": "isv"}]})
        })
        .collect();
    Value::Array(ds)
}

#[test]
fn a_real_signal_is_learned_validated_out_of_time_and_explained() {
    let out = run("train", &json!({"history": synthetic(400, 7, true)})).unwrap();
    let v = &out["validation"];
    assert_eq!(out["model"]["skill"], true, "{out}");
    assert_eq!(
        (v["trainDeals"].as_u64(), v["validationDeals"].as_u64()),
        (Some(280), Some(120))
    );
    assert!(v["auc"].as_f64().unwrap() > 0.75, "auc {}", v["auc"]);
    assert!(v["logLoss"].as_f64().unwrap() < v["baseline"]["logLoss"].as_f64().unwrap());
    let bins = v["calibration"].as_array().unwrap();
    assert_eq!(bins.iter().map(|b| b["deals"].as_u64().unwrap()).sum::<u64>(), 120);
    let model = &out["model"];
    let p = run("predict", &json!({"model": model, "teams": [{"members": ["p0", "p3"], "coverage": 0.9}, {"members": ["p0", "p3"], "coverage": 0.1}]})).unwrap();
    let (hi, lo) = (&p["predictions"][0], &p["predictions"][1]);
    assert!(hi["probability"].as_f64().unwrap() > lo["probability"].as_f64().unwrap() + 0.3);
    // contributions are log-odds relative to the mean: intercept + Σ contributions = logit(p)
    let z = model["intercept"].as_f64().unwrap()
        + hi["contributions"]
            .as_object()
            .unwrap()
            .values()
            .map(|c| c.as_f64().unwrap())
            .sum::<f64>();
    let p_hi = hi["probability"].as_f64().unwrap();
    assert!((1.0 / (1.0 + (-z).exp()) - p_hi).abs() < 1e-9);
    assert!(hi["contributions"]["coverage"].as_f64().unwrap() > 0.0);
}

#[test]
fn noise_is_not_claimed_as_skill() {
    let out = run("train", &json!({"history": synthetic(400, 11, false)})).unwrap();
    assert_eq!(out["model"]["skill"], false, "{}", out["validation"]);
    assert!(out["model"]["reason"].as_str().unwrap().contains("no better than"));
}

#[test]
fn training_is_deterministic_and_independent_of_input_order() {
    let h = synthetic(200, 3, true);
    let mut rev = h.as_array().unwrap().clone();
    rev.reverse();
    let a = run_json("train", &json!({"history": h}).to_string(), false, &Ctx::frozen()).unwrap();
    let b = run_json("train", &json!({"history": rev}).to_string(), false, &Ctx::frozen()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn history_errors_name_the_field() {
    let e = run("insights", &json!({"history": []})).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "history"));
    let e = run(
        "insights",
        &json!({"history": [deal("d1", "2026/01/01", true, "1.00", 1.0, &[])]}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "history[0].closedAt")
    );
    let e = run(
        "insights",
        &json!({"history": [deal("d1", "2026-01-01", true, "1.001", 1.0, &[])]}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_money", "history[0].value")
    );
    let e = run(
        "train",
        &json!({"history": synthetic(50, 1, true), "trainFraction": 1.5}),
    )
    .unwrap_err();
    assert_eq!(e.path, "trainFraction");
}

#[test]
fn teams_carry_the_win_probability_of_a_trained_model() {
    let trained = run("train", &json!({"history": synthetic(400, 7, true)})).unwrap();
    let model = trained["model"].clone();
    assert_eq!(model["skill"], true);
    let sample: Value =
        serde_json::from_str(&serde_json::to_string(&dealteam::sample::generate(60, 2).unwrap()).unwrap()).unwrap();
    let req = json!({"ecosystem": sample["ecosystem"], "profiles": sample["profiles"], "deal": sample["deal"], "k": 3, "winModel": model});
    let out = run("teams", &req).unwrap();
    for t in out["teams"].as_array().unwrap() {
        let roles: Vec<Value> = t["slots"].as_object().unwrap().values().cloned().collect();
        let p = run(
            "predict",
            &json!({"model": model, "teams": [{"members": t["members"], "roles": roles,
            "coverage": t["coverage"], "fit": t["fit"], "synergy": t["synergy"]}]}),
        )
        .unwrap();
        let (a, b) = (
            t["win"]["probability"].as_f64().unwrap(),
            p["predictions"][0]["probability"].as_f64().unwrap(),
        );
        // the team's reported coverage/fit/synergy are rounded to 12 digits before predict sees them
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        assert_eq!(t["win"]["fromModel"], true);
    }
    let mut bad = model.clone();
    bad["features"][0] = json!("colour");
    let e = run("teams", &json!({"ecosystem": sample["ecosystem"], "profiles": sample["profiles"], "deal": sample["deal"], "winModel": bad})).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "winModel.features[0]")
    );
}

/// Issue 17 repro: two won deals at Decimal's maximum overflowed the sum of won values
/// (a panic, `unreachable` in wasm); now `invalid_money` at the value that overflows.
#[test]
fn won_values_beyond_an_exact_amount_are_invalid_money() {
    let max = "79228162514264337593543950335";
    let history = json!([
        deal("d1", "2026-01-01", true, max, 10.0, &[]),
        deal("d2", "2026-01-02", true, max, 10.0, &[]),
    ]);
    let e = run("insights", &json!({"history": history})).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (dealteam::ErrorCode::InvalidMoney, "history[1].value")
    );
    assert!(e.message.contains("add up to more than"), "{}", e.message);
}

/// Issue 17 repro: `cltv / cac` with cltv at Decimal's maximum and cac 0.01 overflowed
/// (a panic); now `invalid_money` at the deal's `cltv`.
#[test]
fn cltv_over_cac_beyond_an_exact_amount_is_invalid_money() {
    let mut d = deal("d1", "2026-01-01", true, "10.00", 10.0, &[]);
    d["cltv"] = json!("79228162514264337593543950335");
    d["cac"] = json!("0.01");
    let e = run("insights", &json!({"history": [d]})).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (dealteam::ErrorCode::InvalidMoney, "history[0].cltv")
    );
    assert!(e.message.contains("cltv / cac"), "{}", e.message);
}
