#![cfg(not(target_arch = "wasm32"))]
//! §14 deal targets feed the §3 team score: `score + w_a · max access over members`,
//! hand-computed; with `weights.access` absent every score is what it was.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use serde_json::{json, Value};

fn teams(req: &Value) -> Value {
    serde_json::from_str(&run_json("teams", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}

/// Three one-member teams; coverage = min(cloud, 1) (fit and synergy weigh 0).
/// Alpha: cloud 1, no target → 1 + 0.6·0 = 1. Beta: cloud 0.5, "Acme" as a customer
/// (the deal's "Acme Inc" by name) → 0.5 + 0.6·1 = 1.1. Gamma: cloud 0.8, "ACME Corp" as
/// a prospect → 0.8 + 0.6·0.4 = 1.04. Delta: cloud 0.9, Acme in a custom population → 0.9.
fn request(access: Option<f64>) -> Value {
    let mut weights = json!({"coverage": 1, "fit": 0, "synergy": 0});
    if let Some(a) = access {
        weights["access"] = json!(a);
    }
    json!({
        "ecosystem": {"partners": [
            {"id": "alpha", "name": "Alpha", "kind": "si", "capabilities": {"cloud": 1.0}, "accounts": ["Globex"]},
            {"id": "beta", "name": "Beta", "kind": "si", "capabilities": {"cloud": 0.5}, "accounts": ["Acme"]},
            {"id": "gamma", "name": "Gamma", "kind": "si", "capabilities": {"cloud": 0.8},
             "accounts": [{"account": "g-7", "status": "prospect", "name": "ACME Corp"}]},
            {"id": "delta", "name": "Delta", "kind": "si", "capabilities": {"cloud": 0.9},
             "accounts": [{"account": "Acme", "status": "former-customer"}]}
        ]},
        "profiles": [],
        "deal": {"id": "d", "name": "D", "value": "100.00", "currency": "EUR",
                 "requirements": [{"capability": "cloud", "weight": 1}],
                 "slots": [{"role": "si", "min": 1, "max": 1}],
                 "accounts": ["Acme Inc"], "weights": weights},
        "k": 4
    })
}

fn scores(out: &Value) -> Vec<(String, f64)> {
    out["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["members"][0].as_str().unwrap().to_string(),
                t["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn access_adds_to_the_score() {
    let out = teams(&request(Some(0.6)));
    let s = scores(&out);
    let want = [("beta", 1.1), ("gamma", 1.04), ("alpha", 1.0), ("delta", 0.9)];
    assert_eq!(s.len(), 4);
    for ((id, got), (wid, w)) in s.iter().zip(want) {
        assert_eq!(id, wid);
        assert!((got - w).abs() < 1e-12, "{id}: {got} vs {w}");
    }
    assert_eq!(out["exact"], true);
    let beta = &out["teams"][0]["access"];
    assert_eq!(beta["text"], "Beta has Acme as a customer");
    assert_eq!(
        (beta["partnerId"].as_str(), beta["level"].as_f64()),
        (Some("beta"), Some(1.0))
    );
    assert_eq!(out["teams"][1]["access"]["text"], "Gamma has ACME Corp as a prospect");
    assert!(out["teams"][2].get("access").is_none());
}

#[test]
fn no_access_weight_leaves_scores_unchanged() {
    let out = teams(&request(None));
    let s = scores(&out);
    assert_eq!(
        s,
        [
            ("alpha".to_string(), 1.0),
            ("delta".to_string(), 0.9),
            ("gamma".to_string(), 0.8),
            ("beta".to_string(), 0.5)
        ]
    );
    // the explanation is there (the deal names accounts), the score does not use it
    assert_eq!(out["teams"][3]["access"]["text"], "Beta has Acme as a customer");
    // without deal accounts nothing about access appears
    let mut req = request(Some(0.6));
    req["deal"].as_object_mut().unwrap().remove("accounts");
    let out = teams(&req);
    assert!(out.to_string().find("access").is_none());
    assert_eq!(scores(&out)[0], ("alpha".to_string(), 1.0));
}

#[test]
fn access_weight_must_not_be_negative() {
    let req = request(Some(-1.0));
    let e = run_json("teams", &req.to_string(), false, &Ctx::frozen()).unwrap_err();
    assert_eq!(e.path, "deal.weights.access");
}
