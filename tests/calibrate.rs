#![cfg(not(target_arch = "wasm32"))]
//! IPP calibration (`calibrate`, SPEC §2, §9): does a profile's fit predict wins?

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use serde_json::{json, Value};

fn run(req: &Value) -> Result<Value, dealteam::DealteamError> {
    run_json("calibrate", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn deal(id: usize, won: bool, partners: &[String]) -> Value {
    let ps: Vec<Value> = partners.iter().map(|p| json!({"id": p, "role": "influence"})).collect();
    let day = format!("2025-{:02}-{:02}", 1 + (id / 28) % 12, 1 + id % 28);
    json!({"id": format!("d{id:04}"), "closedAt": day, "won": won, "value": "100.00", "cycleDays": 30, "partners": ps})
}

fn partner(id: &str, caps: &[(&str, f64)]) -> Value {
    let caps: serde_json::Map<String, Value> = caps.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    json!({"id": id, "name": id.to_uppercase(), "kind": "si", "capabilities": caps})
}

fn profile(id: &str, weights: &[(&str, f64)]) -> Value {
    let criteria: Vec<Value> = weights
        .iter()
        .map(|(k, w)| json!({"kind": "capability", "key": k, "weight": w}))
        .collect();
    json!({"id": id, "name": id, "criteria": criteria})
}

/// Four partners whose cloud level is their fit under a one-criterion profile.
fn tiny() -> Value {
    let eco = json!({"partners": [
        partner("a", &[("cloud", 0.1)]), partner("b", &[("cloud", 0.4)]),
        partner("c", &[("cloud", 0.35)]), partner("d", &[("cloud", 0.8)])]});
    let history = json!([
        deal(1, false, &["a".into()]),
        deal(2, false, &["b".into()]),
        deal(3, true, &["c".into()]),
        deal(4, true, &["d".into()]),
        deal(5, true, &[]),
    ]);
    json!({"ecosystem": eco, "profiles": [profile("p", &[("cloud", 2.0)])], "history": history})
}

#[test]
fn hand_computed_auc_and_lift_on_a_tiny_history() {
    let out = run(&tiny()).unwrap();
    let p = &out["profiles"][0];
    // fits 0.1 (lost), 0.4 (lost), 0.35 (won), 0.8 (won): of the 4 won/lost pairs the won
    // deal has the higher fit in 3 (0.35 < 0.4 is the miss) → AUC 3/4
    assert_eq!(p["auc"], 0.75);
    assert_eq!(
        (p["deals"].as_u64(), p["wins"].as_u64(), p["unscored"].as_u64()),
        (Some(4), Some(2), Some(1))
    );
    assert_eq!(p["verdict"], "tooFewDeals");
    assert!(p["summary"]
        .as_str()
        .unwrap()
        .starts_with("Too few deals to judge: 4 deals"));
    // high (≥ 0.5): only d (won) → 1/1; low: a, b, c → 1/3; lift 3
    let c = &p["criteria"][0];
    assert_eq!(c["high"], json!({"deals": 1, "wins": 1, "winRate": 1.0}));
    assert_eq!(c["low"], json!({"deals": 3, "wins": 1, "winRate": 0.333333333333}));
    assert_eq!(c["lift"], 3.0);
    assert_eq!(c["weight"], 1.0);
    // four deals cannot support a claim: no weights
    assert_eq!(c["suggestedWeight"], Value::Null);
    assert_eq!(p["suggestion"]["skill"], false);
    assert!(p["suggestion"]["reason"].as_str().unwrap().contains("too little data"));
}

#[test]
fn a_deal_scores_the_mean_of_its_partners() {
    let mut req = tiny();
    // a two-partner deal (a 0.1, d 0.8 → 0.45) lost: fits 0.1 L, 0.4 L, 0.35 W, 0.8 W, 0.45 L
    // → pairs won > lost: 0.35 beats 0.1 only; 0.8 beats all three → (1 + 3) / 6
    req["history"]
        .as_array_mut()
        .unwrap()
        .push(deal(6, false, &["a".into(), "d".into()]));
    let out = run(&req).unwrap();
    assert_eq!(out["profiles"][0]["auc"], 0.666666666667);
}

/// 40 partners with capabilities `drive` and `noise` drawn uniformly; 400 deals of one
/// or two partners; each deal won with probability logistic(8·(drive − ½)) when
/// `driven`, else ½.
fn generated(seed: u64, driven: bool) -> Value {
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let partners: Vec<Value> = (0..40)
        .map(|i| {
            let (d, n, x): (f64, f64, f64) = (rng.random(), rng.random(), rng.random());
            partner(&format!("p{i:02}"), &[("drive", d), ("noise", n), ("other", x)])
        })
        .collect();
    let level = |p: &Value| p["capabilities"]["drive"].as_f64().unwrap();
    let history: Vec<Value> = (0..400)
        .map(|id| {
            let m = rng.random_range(1..=2);
            let members: Vec<usize> = (0..m).map(|_| rng.random_range(0..40)).collect();
            let mut ids: Vec<String> = members.iter().map(|&i| format!("p{i:02}")).collect();
            ids.dedup();
            let drive = members.iter().map(|&i| level(&partners[i])).sum::<f64>() / m as f64;
            let chance = if driven {
                1.0 / (1.0 + (-8.0 * (drive - 0.5)).exp())
            } else {
                0.5
            };
            deal(id, rng.random::<f64>() < chance, &ids)
        })
        .collect();
    json!({
        "ecosystem": {"partners": partners},
        "profiles": [
            profile("even", &[("drive", 1.0), ("noise", 1.0), ("other", 1.0)]),
            profile("heavy", &[("drive", 4.0), ("noise", 1.0), ("other", 1.0)]),
        ],
        "history": history,
    })
}

#[test]
fn the_criterion_that_drives_wins_gets_the_largest_suggested_weight() {
    for seed in [1, 2, 3] {
        let out = run(&generated(seed, true)).unwrap();
        let p = &out["profiles"][0];
        assert_eq!(p["suggestion"]["skill"], true, "seed {seed}: {}", p["suggestion"]);
        // the weights fitted on the older deals tell the later ones apart
        let later = p["suggestion"]["validation"]["auc"].as_f64().unwrap();
        assert!(later > 0.7, "seed {seed}: AUC on later deals {later}");
        let w: Vec<f64> = (0..3)
            .map(|j| p["criteria"][j]["suggestedWeight"].as_f64().unwrap())
            .collect();
        assert!(w[0] > w[1] && w[0] > w[2] && w[0] > 0.6, "seed {seed}: {w:?}");
        assert!(w.iter().all(|x| *x >= 0.0), "{w:?}");
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{w:?}");
        // the driver's lift: deals of high-drive partners win far more often
        assert!(p["criteria"][0]["lift"].as_f64().unwrap() > 1.5);
        // equal weights dilute the driver; a profile that weighs it most predicts wins
        let heavy = &out["profiles"][1];
        let auc = heavy["auc"].as_f64().unwrap();
        assert!(auc > 0.7 && auc > p["auc"].as_f64().unwrap(), "seed {seed}: AUC {auc}");
        assert!(
            matches!(heavy["verdict"].as_str(), Some("acceptable" | "strong")),
            "{}",
            heavy["verdict"]
        );
        assert!(
            heavy["summary"].as_str().unwrap().contains("predicts wins"),
            "{}",
            heavy["summary"]
        );
    }
}

#[test]
fn coin_flips_show_no_skill_and_claim_no_weights() {
    for seed in [11, 12, 13, 14, 15] {
        let out = run(&generated(seed, false)).unwrap();
        let p = &out["profiles"][0];
        assert_eq!(p["suggestion"]["skill"], false, "seed {seed}: {}", p["suggestion"]);
        assert!(p["suggestion"]["reason"]
            .as_str()
            .unwrap()
            .ends_with("no weights are suggested"));
        for j in 0..3 {
            assert_eq!(p["criteria"][j]["suggestedWeight"], Value::Null);
        }
        assert_eq!(p["verdict"], "noSignal", "seed {seed}: AUC {}", p["auc"]);
        assert_eq!(out["profiles"][1]["suggestion"]["skill"], false, "seed {seed}");
    }
}

fn error(req: &Value) -> dealteam::DealteamError {
    run(req).expect_err("the request is refused")
}

#[test]
fn bad_input_says_where_and_what_to_change() {
    let mut req = tiny();
    req["history"] = json!([]);
    let e = error(&req);
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "history"));
    assert!(e.message.contains("at least one closed deal"), "{}", e.message);

    let mut req = tiny();
    req["history"][2]["partners"][0]["id"] = json!("zz");
    let e = error(&req);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("unknown_partner", "history[2].partners[0].id")
    );
    assert!(
        e.message.contains("`zz`") && e.message.contains("add the partner"),
        "{}",
        e.message
    );

    let mut req = tiny();
    req["profiles"][0]["criteria"] = json!([]);
    let e = error(&req);
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "profiles[0].criteria")
    );
    assert!(e.message.contains("at least one criterion"), "{}", e.message);

    let mut req = tiny();
    req["profiles"] = json!([]);
    let e = error(&req);
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "profiles"));

    let mut req = tiny();
    req["trainFraction"] = json!(1.5);
    assert_eq!(error(&req).path, "trainFraction");
}
