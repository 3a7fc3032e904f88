#![cfg(not(target_arch = "wasm32"))]
//! Issue 17 items 4 and 6: ids are non-empty and unique wherever SPEC §0 says so, and
//! every error's path resolves in the request that was sent.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use serde_json::{json, Value};

fn err(cmd: &str, req: &Value) -> dealteam::DealteamError {
    run_json(cmd, &req.to_string(), false, &Ctx::frozen()).unwrap_err()
}

fn code_path(e: &dealteam::DealteamError) -> (&str, &str) {
    (e.code.as_str(), e.path.as_str())
}

/// The value at a JSONPath-like `path` (`a.b[2].c`) of `v`, as a JSON pointer (`/a/b/2/c`).
fn resolve<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let pointer: String = path
        .replace('[', ".")
        .replace(']', "")
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{s}"))
        .collect();
    v.pointer(&pointer)
}

#[test]
fn split_members_are_unique_and_non_empty() {
    for model in ["shapley", "tiered"] {
        let mut req = json!({"amount": "100.00", "currency": "EUR", "members": ["acme", "beta", "cloudy", "acme"], "model": model});
        if model == "tiered" {
            req["roles"] = json!({"acme": "influence"});
            req["schedules"] = json!({"influence": [{"rate": 0.05}]});
        }
        let e = err("split", &req);
        assert_eq!(code_path(&e), ("duplicate_id", "members[3]"), "{model}: {e}");
        req["members"] = json!(["acme", ""]);
        assert_eq!(
            code_path(&err("split", &req)),
            ("invalid_value", "members[1]"),
            "{model}"
        );
    }
}

fn deal(id: &str, partners: Value) -> Value {
    json!({"id": id, "closedAt": "2026-01-01", "won": true, "value": "10.00", "cycleDays": 3, "partners": partners})
}

#[test]
fn history_deal_partners_are_unique_and_non_empty() {
    for cmd in ["insights", "train"] {
        let req = json!({"history": [deal("d1", json!([{"id": "a"}, {"id": "b"}, {"id": "a"}]))]});
        assert_eq!(
            code_path(&err(cmd, &req)),
            ("duplicate_id", "history[0].partners[2].id"),
            "{cmd}"
        );
        let req = json!({"history": [deal("d1", json!([{"id": ""}]))]});
        assert_eq!(
            code_path(&err(cmd, &req)),
            ("invalid_value", "history[0].partners[0].id"),
            "{cmd}"
        );
    }
}

#[test]
fn predict_members_are_unique_and_non_empty() {
    let model = json!({"features": [], "intercept": 0.0, "coefficients": [], "means": [], "scales": [],
                       "baseRate": 0.5, "skill": false, "pairs": []});
    let req = json!({"model": model, "teams": [{"members": ["a"]}, {"members": ["a", "b", "a"]}]});
    assert_eq!(
        code_path(&err("predict", &req)),
        ("duplicate_id", "teams[1].members[2]")
    );
    let req = json!({"model": model, "teams": [{"members": [""]}]});
    assert_eq!(
        code_path(&err("predict", &req)),
        ("invalid_value", "teams[0].members[0]")
    );
}

#[test]
fn registry_partner_ids_and_accounts_are_non_empty() {
    let r = |partner: &str, account: &str| json!({"id": "r1", "partnerId": partner, "account": account, "registeredAt": "2026-01-01"});
    let new = json!({"id": "n", "partnerId": "p", "account": "a", "registeredAt": "2026-01-02"});
    let e = err("register", &json!({"registry": [r("", "acme")], "registration": new}));
    assert_eq!(code_path(&e), ("invalid_value", "registry[0].partnerId"));
    let e = err("register", &json!({"registry": [r("p1", " ")], "registration": new}));
    assert_eq!(code_path(&e), ("invalid_value", "registry[0].account"));
}

#[test]
fn teams_and_overlap_paths_keep_the_ecosystem_prefix() {
    let eco = json!({"partners": [{"id": "a", "name": "A", "kind": "si"}, {"id": "a", "name": "B", "kind": "si"}]});
    let e = err("overlap", &json!({"ecosystem": eco}));
    assert_eq!(code_path(&e), ("duplicate_id", "ecosystem.partners[1].id"));
    let profile = json!({"id": "p", "name": "P", "criteria": [{"kind": "capability", "key": "cloud", "weight": 1}]});
    let deal = json!({"id": "d", "name": "D", "value": "10.00", "currency": "EUR",
                      "requirements": [{"capability": "cloud", "weight": 1}],
                      "slots": [{"role": "r", "profile": "p", "min": 1, "max": 1}]});
    let req = json!({"ecosystem": eco, "profiles": [profile], "deal": deal});
    let e = err("teams", &req);
    assert_eq!(code_path(&e), ("duplicate_id", "ecosystem.partners[1].id"));
    assert!(resolve(&req, &e.path).is_some());
}
