#![cfg(not(target_arch = "wasm32"))]
//! §8 deal registration and account overlap, through the public command layer.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use serde_json::{json, Value};

fn run(cmd: &str, req: Value) -> Result<Value, dealteam::DealteamError> {
    run_json(cmd, &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn reg(id: &str, partner: &str, account: &str, product: Option<&str>, at: &str) -> Value {
    let mut r = json!({"id": id, "partnerId": partner, "account": account, "registeredAt": at});
    if let Some(p) = product {
        r["product"] = json!(p);
    }
    r
}

#[test]
fn first_registration_owns_the_account_within_the_window() {
    let registry = json!([reg("r1", "p1", "acme", None, "2026-01-10")]);
    let out = run(
        "register",
        json!({"registry": registry, "registration": reg("r2", "p2", "acme", Some("crm"), "2026-02-01")}),
    )
    .unwrap();
    assert_eq!(out["accepted"], false);
    assert_eq!(out["conflict"]["owner"], "p1");
    assert_eq!(out["conflict"]["rule"], "first_registration_owns");
    // 90-day window: 2026-01-10 + 89 days
    assert_eq!(out["conflict"]["protectedUntil"], "2026-04-09");
    assert_eq!(out["registry"].as_array().unwrap().len(), 1);
    assert!(out["conflict"]["resolutions"][0]
        .as_str()
        .unwrap()
        .starts_with("co-sell"));
}

#[test]
fn an_expired_registration_no_longer_protects() {
    let registry = json!([reg("r1", "p1", "acme", None, "2026-01-10")]);
    let out = run(
        "register",
        json!({"registry": registry, "registration": reg("r2", "p2", "acme", None, "2026-04-10")}),
    )
    .unwrap();
    assert_eq!(out["accepted"], true);
    assert_eq!(out["registry"].as_array().unwrap().len(), 2);
    assert_eq!(out["conflicts"], json!([]));
}

#[test]
fn different_products_do_not_conflict_but_a_productless_one_covers_all() {
    let registry = json!([reg("r1", "p1", "acme", Some("erp"), "2026-01-10")]);
    let ok = run(
        "register",
        json!({"registry": registry.clone(), "registration": reg("r2", "p2", "acme", Some("crm"), "2026-01-11")}),
    )
    .unwrap();
    assert_eq!(ok["accepted"], true);
    let no = run(
        "register",
        json!({"registry": registry, "registration": reg("r3", "p2", "acme", None, "2026-01-11")}),
    )
    .unwrap();
    assert_eq!(no["accepted"], false);
    assert_eq!(no["conflict"]["product"], "erp");
}

#[test]
fn the_ecosystem_view_lists_existing_conflicts() {
    let registry = json!([
        reg("r1", "p1", "acme", None, "2026-01-10"),
        reg("r2", "p2", "acme", None, "2026-01-12"),
        reg("r3", "p3", "globex", None, "2026-01-12")
    ]);
    let out = run(
        "register",
        json!({"registry": registry, "registration": reg("r4", "p3", "initech", None, "2026-01-20")}),
    )
    .unwrap();
    assert_eq!(out["accepted"], true);
    let c = out["conflicts"].as_array().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0]["owner"].as_str(), c[0]["challenger"].as_str()),
        (Some("p1"), Some("p2"))
    );
}

#[test]
fn registration_errors_name_the_field() {
    let e = run(
        "register",
        json!({"registry": [], "registration": reg("r1", "p1", "acme", None, "10/01/2026")}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "registration.registeredAt")
    );
    let e = run("register", json!({"registry": [reg("r1", "p1", "a", None, "2026-01-01")], "registration": reg("r1", "p2", "b", None, "2026-01-02")})).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("duplicate_id", "registration.id"));
}

fn eco() -> Value {
    json!({"partners": [
        {"id": "b", "name": "B", "kind": "si", "accounts": ["x", "y", "z"]},
        {"id": "a", "name": "A", "kind": "isv", "accounts": ["x", "y"]},
        {"id": "c", "name": "C", "kind": "msp", "accounts": ["z", "w"]},
        {"id": "d", "name": "D", "kind": "msp"}]})
}

#[test]
fn overlap_counts_shared_accounts_and_jaccard() {
    let out = run("overlap", json!({"ecosystem": eco()})).unwrap();
    assert_eq!(
        out["pairs"],
        json!([
            {"a": "a", "b": "b", "shared": 2, "jaccard": 0.666666666667, "accounts": ["x", "y"]},
            {"a": "b", "b": "c", "shared": 1, "jaccard": 0.25, "accounts": ["z"]}
        ])
    );
}

#[test]
fn hashed_overlap_reports_hashes_and_needs_a_salt() {
    let out = run("overlap", json!({"ecosystem": eco(), "hashed": true, "salt": "s"})).unwrap();
    let accts = out["pairs"][0]["accounts"].as_array().unwrap();
    assert_eq!(out["pairs"][0]["shared"], 2);
    let mut want = vec![
        dealteam::registry::hash_account("s", "x"),
        dealteam::registry::hash_account("s", "y"),
    ];
    want.sort();
    let got: Vec<&str> = accts.iter().map(|a| a.as_str().unwrap()).collect();
    assert_eq!(got, want);
    assert!(
        !out.to_string().contains("\"x\""),
        "raw account ids must not appear in hashed output"
    );
    let e = run("overlap", json!({"ecosystem": eco(), "hashed": true})).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "salt"));
}
