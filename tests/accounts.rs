#![cfg(not(target_arch = "wasm32"))]
//! §14 account map through the public command layer: a hand-computed matrix, the
//! sharing levels (`counts` reveals no account), rows kept out of matching, and the
//! indexed matcher against a brute-force pairwise one on seeded random data.

use dealteam::accounts::{account_keys, match_accounts};
use dealteam::api::run_json;
use dealteam::clock::Ctx;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

fn run(req: &Value) -> Result<Value, dealteam::DealteamError> {
    run_json("accountMap", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn example() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/account-map.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// examples/account-map.json by hand: alpha's a-1 (acme.com, customer) and beta's b-1
/// (ACME.com, opportunity 120,000) match by domain; a-2 "Globex Corporation" (no domain,
/// opportunity 50,000) and b-2 "globex" match by name; a-3 initech.com and b-3
/// initech.de share the name "initech" with different domains: a near miss, not a match.
/// The vendor's bare "umbrella" matches alpha's bare "Umbrella Ltd", "Hooli Inc." beta's
/// prospect "Hooli".
#[test]
fn hand_computed_matrix() {
    let out = run(&example()).unwrap();
    let ab = &out["pairs"][0];
    assert_eq!(
        (ab["a"].as_str(), ab["b"].as_str(), ab["shared"].as_u64()),
        (Some("alpha"), Some("beta"), Some(2))
    );
    assert_eq!(
        ab["matrix"],
        json!({"customer": {"opportunity": 1}, "opportunity": {"customer": 1}})
    );
    assert_eq!(ab["potentialRevenue"], "170000.00");
    assert_eq!(ab["greenfieldA"], json!({"customer": 1, "prospect": 1}));
    assert_eq!(ab["greenfieldB"], json!({"customer": 1, "prospect": 1}));
    let how: Vec<(&str, &str, &str)> = ab["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["a"].as_str().unwrap(),
                s["matchedBy"].as_str().unwrap(),
                s["key"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(how, [("a-1", "domain", "acme.com"), ("a-2", "name", "globex")]);
    assert_eq!(out["pairs"][1]["b"], "vendor");
    assert_eq!(out["pairs"][1]["accounts"][0]["a"], "Umbrella Ltd");
    assert_eq!(out["pairs"][1]["potentialRevenue"], "0.00");
    assert_eq!(out["pairs"][2]["matrix"], json!({"prospect": {"customer": 1}}));
    assert_eq!(out["nearMissCount"], 1);
    assert_eq!(out["nearMisses"][0]["name"], "initech");
    assert_eq!(out["nearMisses"][0]["a"]["domain"], "initech.com");
    assert_eq!(out["nearMisses"][0]["b"]["domain"], "initech.de");
    assert_eq!(out["populations"], json!(["customer", "opportunity", "prospect"]));
}

/// By hand: alpha's opportunity a-1 (100, acme.com, "Acme Inc") matches beta's b-1
/// (10) by domain and b-2 (20, no domain, "ACME") by name. The pair shares two matches,
/// but a-1 is one record: the potential revenue is 100 + 10 + 20 = 130, not 230; the
/// same in the summary.
#[test]
fn a_record_matching_two_of_the_other_counts_once() {
    let opp = |id: &str, value: &str, at: &str, key: &str| json!({"account": id, "status": "opportunity", "value": value, at: key});
    let req = json!({
        "ecosystem": {"currency": "EUR", "partners": [
            {"id": "alpha", "name": "Alpha", "kind": "si", "accounts": [
                {"account": "a-1", "status": "opportunity", "value": "100", "domain": "acme.com", "name": "Acme Inc"}
            ]},
            {"id": "beta", "name": "Beta", "kind": "si", "accounts": [
                opp("b-1", "10", "domain", "acme.com"),
                opp("b-2", "20", "name", "ACME")
            ]}
        ]},
        "sharing": "overlaps",
        "summary": true
    });
    let out = run(&req).unwrap();
    let ab = &out["pairs"][0];
    assert_eq!(ab["shared"], 2);
    assert_eq!(ab["matrix"], json!({"opportunity": {"opportunity": 2}}));
    assert_eq!(ab["potentialRevenue"], "130.00");
    assert_eq!(out["summary"]["potentialRevenue"], "130.00");
    assert_eq!(out["summary"]["shared"], 2);
}

/// Every string of the input that names or identifies an account.
fn account_strings(v: &Value, out: &mut Vec<String>) {
    for p in v["ecosystem"]["partners"].as_array().unwrap() {
        for a in p["accounts"].as_array().unwrap() {
            match a {
                Value::String(s) => out.push(s.clone()),
                _ => {
                    for f in ["account", "domain", "name"] {
                        if let Some(s) = a[f].as_str() {
                            out.push(s.to_string());
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn counts_never_reveal_an_account() {
    let mut req = example();
    // distinctive strings, including a malformed domain and an empty name
    req["ecosystem"]["partners"][0]["accounts"]
        .as_array_mut()
        .unwrap()
        .extend([
            json!({"account": "zq-secret-7", "status": "customer", "domain": "zq secret"}),
            json!({"account": "zq-empty", "status": "prospect", "name": "..."}),
        ]);
    req["sharing"] = json!("counts");
    let out = run(&req).unwrap();
    let text = out.to_string().to_lowercase();
    let mut secrets = Vec::new();
    account_strings(&req, &mut secrets);
    secrets.extend(["acme", "globex", "initech", "umbrella", "hooli", "zq"].map(String::from));
    for s in &secrets {
        assert!(
            !text.contains(&s.to_lowercase()),
            "`counts` output reveals `{s}`: {text}"
        );
    }
    // the numbers are all there
    assert_eq!(
        out["pairs"][0]["matrix"],
        json!({"customer": {"opportunity": 1}, "opportunity": {"customer": 1}})
    );
    assert_eq!(out["pairs"][0]["potentialRevenue"], "170000.00");
    assert_eq!(out["nearMissCount"], 1);
    assert_eq!(out["nearMisses"], json!([]));
    assert_eq!(out["skipped"].as_array().unwrap().len(), 2);
    assert!(out["pairs"][0].get("accounts").is_none());
}

#[test]
fn full_shows_values_and_greenfield_accounts() {
    let mut req = example();
    req["sharing"] = json!("full");
    req["focus"] = json!("beta");
    req["with"] = json!("alpha");
    let out = run(&req).unwrap();
    assert_eq!(out["pairs"].as_array().unwrap().len(), 1);
    let p = &out["pairs"][0];
    assert_eq!((p["a"].as_str(), p["b"].as_str()), (Some("beta"), Some("alpha")));
    assert_eq!(
        p["matrix"],
        json!({"opportunity": {"customer": 1}, "customer": {"opportunity": 1}})
    );
    assert_eq!(p["accounts"][0]["aValue"], "120000.00");
    assert_eq!(p["greenfieldAAccounts"], json!(["b-3", "b-4"]));
    assert_eq!(p["greenfieldBAccounts"], json!(["Umbrella Ltd", "a-3"]));
    // a pair that shares nothing is still reported when asked for by name
    req["with"] = json!("vendor");
    req["focus"] = json!("alpha");
    req["vendor"] = json!({"id": "us", "accounts": ["Nobody"]});
    assert_eq!(run(&req).unwrap_err().path, "with");
    req["with"] = json!("us");
    let p = run(&req).unwrap()["pairs"][0].clone();
    assert_eq!(
        (p["shared"].as_u64(), p["greenfieldB"].clone()),
        (Some(0), json!({"customer": 1}))
    );
}

/// Two rows with the same account id (different domains) on both sides: the pair lists
/// both shared accounts under the same two ids, in the rows' order (globex, a's first row,
/// before acme), whatever order the keys were met in (acme first, in p2's list).
#[test]
fn accounts_with_the_same_ids_are_listed_in_row_order() {
    let row = |id: &str, domain: &str| json!({"account": id, "status": "customer", "name": domain, "domain": domain});
    let req = json!({"sharing": "overlaps", "ecosystem": {"partners": [
        {"id": "p2", "name": "P2", "kind": "si", "accounts": [row("y", "acme.com"), row("y", "globex.com")]},
        {"id": "p1", "name": "P1", "kind": "si", "accounts": [row("x", "globex.com"), row("x", "acme.com")]},
    ]}});
    let out = run(&req).unwrap();
    let listed: Vec<[&str; 3]> = (out["pairs"][0]["accounts"].as_array().unwrap().iter())
        .map(|s| [&s["a"], &s["b"], &s["key"]].map(|v| v.as_str().unwrap()))
        .collect();
    assert_eq!(listed, [["x", "y", "globex.com"], ["x", "y", "acme.com"]]);
}

#[test]
fn malformed_domains_and_empty_names_are_reported_and_kept_out() {
    let req = json!({"ecosystem": {"partners": [
        {"id": "a", "name": "A", "kind": "si", "accounts": [
            {"account": "x1", "status": "customer", "domain": "acme", "name": "Acme"},
            {"account": "x2", "status": "customer", "name": " - "},
            {"account": "x3", "status": "customer", "domain": "globex.com", "name": "Globex"},
            {"account": "x4", "status": "customer", "domain": "https://globex.com/en", "name": "Globex again"}]},
        {"id": "b", "name": "B", "kind": "si", "accounts": ["Acme", "-", "globex"]}]}});
    let out = run(&req).unwrap();
    let skipped: Vec<(&str, &str)> = out["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap(), s["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("ecosystem.partners[0].accounts[0].domain", "invalid_domain"),
            ("ecosystem.partners[0].accounts[1].name", "empty_name"),
            ("ecosystem.partners[0].accounts[3].account", "duplicate_account"),
            ("ecosystem.partners[1].accounts[1].account", "empty_name"),
        ]
    );
    // only Globex matches (by name: b's "globex" has no domain); x1's Acme is kept out
    assert_eq!(out["pairs"][0]["shared"], 1);
    assert_eq!(out["pairs"][0]["accounts"][0]["a"], "x3");
    assert!(out["skipped"][0]["message"].as_str().unwrap().contains("example.com"));
}

#[test]
fn request_errors_name_the_field() {
    let mut req = example();
    req["vendor"]["id"] = json!("alpha");
    assert_eq!(run(&req).unwrap_err().code.as_str(), "duplicate_id");
    let mut req = example();
    req["focus"] = json!("nobody");
    assert_eq!(run(&req).unwrap_err().path, "focus");
    let mut req = example();
    req["ecosystem"]["partners"][0]["accounts"][1]["valeu"] = json!("1.00");
    assert_eq!(run(&req).unwrap_err().path, "ecosystem.partners[0].accounts[1].valeu");
    let mut req = example();
    req["ecosystem"]["partners"][0]["accounts"][1]["value"] = json!("-1.00");
    assert_eq!(run(&req).unwrap_err().path, "ecosystem.partners[0].accounts[1].value");
    let mut req = example();
    req["vendor"]["accounts"] = json!([{"account": "v", "status": ""}]);
    assert_eq!(run(&req).unwrap_err().path, "vendor.accounts[0].status");
}

/// The indexed matcher equals a brute-force pairwise one (every row of a against every
/// row of b through `match_accounts`) on seeded random ecosystems with colliding names
/// and domains, bad rows and duplicates — the matrix and each side's greenfield.
#[test]
fn index_equals_brute_force() {
    let names = [
        "Acme Inc",
        "ACME",
        "Globex",
        "globex corp",
        "Initech",
        "Hooli",
        "Umbrella",
        "Stark",
        "",
    ];
    let domains = [
        None,
        None,
        Some("acme.com"),
        Some("www.acme.com"),
        Some("acme.de"),
        Some("globex.com"),
        Some("bad"),
    ];
    let pops = ["customer", "prospect", "opportunity", "partner-sourced"];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(14);
    for _ in 0..40 {
        let partners: Vec<Value> = (0..4)
            .map(|p| {
                let accounts: Vec<Value> = (0..rng.random_range(0..8))
                    .map(|k| {
                        let mut a = json!({"account": format!("r{k}"), "status": pops[rng.random_range(0..pops.len())],
                                           "name": names[rng.random_range(0..names.len())]});
                        if let Some(d) = domains[rng.random_range(0..domains.len())] {
                            a["domain"] = json!(d);
                        }
                        a
                    })
                    .collect();
                json!({"id": format!("p{p}"), "name": "P", "kind": "si", "accounts": accounts})
            })
            .collect();
        let req = json!({"ecosystem": {"partners": partners}, "sharing": "full"});
        let out = run(&req).unwrap();
        let skipped: Vec<String> = out["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap().to_string())
            .collect();
        let kept = |p: usize| -> Vec<(String, dealteam::accounts::AccountKeys)> {
            partners[p]["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .filter(|(k, _)| {
                    !skipped
                        .iter()
                        .any(|s| s.starts_with(&format!("ecosystem.partners[{p}].accounts[{k}].")))
                })
                .map(|(_, a)| {
                    (
                        a["status"].as_str().unwrap().to_string(),
                        account_keys(a["domain"].as_str(), a["name"].as_str().unwrap()).0,
                    )
                })
                .collect()
        };
        for i in 0..4 {
            for j in i + 1..4 {
                let (a, b) = (kept(i), kept(j));
                let mut want = serde_json::Map::new();
                let mut n = 0;
                for (sa, ka) in &a {
                    for (sb, kb) in &b {
                        if match_accounts(ka, kb).is_some() {
                            n += 1;
                            let row = want.entry(sa.clone()).or_insert(json!({}));
                            row[sb] = json!(row[sb].as_u64().unwrap_or(0) + 1);
                        }
                    }
                }
                let got = out["pairs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["a"] == format!("p{i}") && x["b"] == format!("p{j}"));
                match got {
                    Some(g) => {
                        assert_eq!(g["shared"], n, "{req}");
                        assert_eq!(g["matrix"], Value::Object(want), "{req}");
                        // greenfield: each side's kept rows that match no row of the other side
                        let green =
                            |x: &[(String, dealteam::accounts::AccountKeys)],
                             y: &[(String, dealteam::accounts::AccountKeys)]| {
                                let mut m = serde_json::Map::new();
                                for (s, _) in x
                                    .iter()
                                    .filter(|(_, k)| y.iter().all(|(_, l)| match_accounts(k, l).is_none()))
                                {
                                    m.insert(s.clone(), json!(m.get(s).and_then(Value::as_u64).unwrap_or(0) + 1));
                                }
                                Value::Object(m)
                            };
                        assert_eq!(g["greenfieldA"], green(&a, &b), "{req}");
                        assert_eq!(g["greenfieldB"], green(&b, &a), "{req}");
                    }
                    None => assert_eq!(n, 0, "{req}"),
                }
            }
        }
    }
}

/// The pairs come by shared count descending, then by the two ids; `minShared` keeps the
/// pairs sharing at least that many and `limit` the first ones of that order — the same
/// pairs, written the same, as the unbounded response (seeded random ecosystems).
#[test]
fn limit_and_min_shared_keep_a_prefix_of_the_order() {
    let names = [
        "Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark", "Wayne", "Tyrell",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    for _ in 0..20 {
        // ids in an order unlike their sorted one, so ranks and ids both matter
        let partners: Vec<Value> = [7, 2, 9, 0, 5, 11]
            .iter()
            .map(|p| {
                let accounts: Vec<Value> = names
                    .iter()
                    .filter(|_| rng.random_bool(0.5))
                    .map(|n| json!({"account": n.to_lowercase(), "status": "customer", "name": n}))
                    .collect();
                json!({"id": format!("p{p}"), "name": "P", "kind": "si", "accounts": accounts})
            })
            .collect();
        let base = json!({"ecosystem": {"partners": partners}, "sharing": "overlaps"});
        let all = run(&base).unwrap()["pairs"].as_array().unwrap().clone();
        let key = |p: &Value| {
            (
                std::cmp::Reverse(p["shared"].as_u64().unwrap()),
                p["a"].as_str().unwrap().to_string(),
                p["b"].as_str().unwrap().to_string(),
            )
        };
        assert!(all.windows(2).all(|w| key(&w[0]) < key(&w[1])), "{all:?}");
        for (min, limit) in [(1, 0), (1, 3), (2, 2), (3, 100), (5, 1)] {
            let mut req = base.clone();
            req["minShared"] = json!(min);
            req["limit"] = json!(limit);
            let got = run(&req).unwrap()["pairs"].as_array().unwrap().clone();
            let want: Vec<Value> = all
                .iter()
                .filter(|p| p["shared"].as_u64().unwrap() >= min)
                .take(limit)
                .cloned()
                .collect();
            assert_eq!(got, want, "minShared {min}, limit {limit}");
        }
    }
}
