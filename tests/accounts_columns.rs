#![cfg(not(target_arch = "wasm32"))]
//! §14 account map with the accounts as columns (`accountMapColumns`) and the whole map
//! in a few numbers (`summary`): the same pairs as `accountMap` on the same accounts (the
//! example by hand, seeded random lists against the object form), the summary by hand and
//! as the sum of every pair, and each malformed table named by its row and column.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

fn run(command: &str, req: &Value) -> Result<Value, dealteam::DealteamError> {
    run_json(command, &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn example(file: &str) -> Value {
    let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An `accountMap` request's accounts as tab-separated text, a header line first.
fn columns(req: &Value) -> Value {
    let cols = ["account", "status", "name", "domain", "value"];
    let tsv = |accounts: &Value| {
        let mut lines = vec![cols.join("\t")];
        for a in accounts.as_array().unwrap() {
            let a = if a.is_string() {
                json!({"account": a, "status": "customer"})
            } else {
                a.clone()
            };
            lines.push(cols.map(|c| a[c].as_str().unwrap_or("").to_string()).join("\t"));
        }
        lines.join("\n")
    };
    let partners: Vec<Value> = req["ecosystem"]["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| json!({"id": p["id"], "accounts": tsv(&p["accounts"])}))
        .collect();
    let mut out = json!({"partners": partners});
    for k in ["sharing", "focus", "with", "minShared", "limit", "summary"] {
        if !req[k].is_null() {
            out[k] = req[k].clone();
        }
    }
    if !req["vendor"].is_null() {
        out["vendor"] = json!({"accounts": tsv(&req["vendor"]["accounts"])});
    }
    out
}

/// The response with the paths of skipped rows relative to the partners' list.
fn relative(mut out: Value) -> Value {
    for s in out["skipped"].as_array_mut().unwrap() {
        let path = s["path"].as_str().unwrap().trim_start_matches("ecosystem.").to_string();
        s["path"] = json!(path);
    }
    out
}

/// examples/account-map-columns.json is examples/account-map.json as columns: the same
/// map, and its summary by hand — alpha–beta share 2 (customer×opportunity,
/// opportunity×customer, 50,000 + 120,000 of opportunities), alpha–vendor 1
/// (customer×customer: Umbrella), beta–vendor 1 (prospect×customer: Hooli).
#[test]
fn the_example_as_columns_gives_the_same_map_and_its_summary() {
    let objects = run("accountMap", &example("account-map.json")).unwrap();
    let cols = run("accountMapColumns", &example("account-map-columns.json")).unwrap();
    assert_eq!(cols["pairs"], objects["pairs"]);
    assert_eq!(cols["nearMisses"], objects["nearMisses"]);
    assert_eq!(cols["populations"], objects["populations"]);
    assert_eq!(objects.get("summary"), None, "no summary unless asked");
    assert_eq!(
        cols["summary"],
        json!({
            "pairs": 3,
            "shared": 4,
            "matrix": {"customer": {"customer": 1, "opportunity": 1}, "opportunity": {"customer": 1}, "prospect": {"customer": 1}},
            "potentialRevenue": "170000.00"
        })
    );
}

/// Seeded random lists (colliding names and domains, bad domains, empty names, values,
/// duplicates): the columns give the object form's response, field for field, at every
/// sharing level; the summary is the sum of every pair, also when `limit` keeps one.
#[test]
fn columns_equal_objects_and_the_summary_sums_every_pair() {
    let names = [
        "Acme Inc",
        "ACME",
        "Globex",
        "globex corp",
        "Ｉｎｉｔｅｃｈ",
        "Hooli",
        "--",
        "Stark",
    ];
    let domains = [
        None,
        None,
        Some("acme.com"),
        Some("https://WWW.acme.com/x"),
        Some("acme.de"),
        Some("bad"),
    ];
    let pops = ["customer", "prospect", "opportunity", "partner-sourced"];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
    for round in 0..40 {
        let partners: Vec<Value> = (0..5)
            .map(|p| {
                let accounts: Vec<Value> = (0..rng.random_range(0..9))
                    .map(|k| {
                        let status = pops[rng.random_range(0..pops.len())];
                        let mut a = json!({"account": format!("r{k}"), "status": status,
                                           "name": names[rng.random_range(0..names.len())]});
                        if let Some(d) = domains[rng.random_range(0..domains.len())] {
                            a["domain"] = json!(d);
                        }
                        if status == "opportunity" && rng.random_bool(0.8) {
                            a["value"] = json!(format!(
                                "{}.{:02}",
                                rng.random_range(0..90_000),
                                rng.random_range(0..100)
                            ));
                        }
                        a
                    })
                    .collect();
                json!({"id": format!("p{}", 4 - p), "name": "P", "kind": "si", "accounts": accounts})
            })
            .collect();
        let sharing = ["counts", "overlaps", "full"][round % 3];
        let req = json!({"ecosystem": {"partners": partners}, "sharing": sharing, "summary": true});
        let objects = relative(run("accountMap", &req).unwrap());
        let cols = run("accountMapColumns", &columns(&req)).unwrap();
        assert_eq!(cols, objects, "round {round}");
        let pairs = objects["pairs"].as_array().unwrap();
        let mut matrix = json!({});
        let mut potential = rust_decimal::Decimal::ZERO;
        for p in pairs {
            for (x, row) in p["matrix"].as_object().unwrap() {
                for (y, n) in row.as_object().unwrap() {
                    let cell = &mut matrix[x][y];
                    *cell = json!(cell.as_u64().unwrap_or(0) + n.as_u64().unwrap());
                }
            }
            potential += p["potentialRevenue"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap();
        }
        let shared: u64 = pairs.iter().map(|p| p["shared"].as_u64().unwrap()).sum();
        let s = &objects["summary"];
        assert_eq!(
            (s["pairs"].as_u64(), s["shared"].as_u64()),
            (Some(pairs.len() as u64), Some(shared))
        );
        assert_eq!(s["matrix"], matrix, "round {round}");
        assert_eq!(
            s["potentialRevenue"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap(),
            potential
        );
        let mut top = req.clone();
        top["limit"] = json!(1);
        let limited = run("accountMap", &top).unwrap();
        assert!(limited["pairs"].as_array().unwrap().len() <= 1);
        assert_eq!(
            limited["summary"], *s,
            "the summary covers the pairs `limit` leaves out"
        );
    }
}

fn error(req: Value) -> (String, String, String) {
    let e = run("accountMapColumns", &req).unwrap_err();
    (e.code.as_str().to_string(), e.path.clone(), e.message.clone())
}

#[test]
fn malformed_tables_are_named_by_row_and_column() {
    let side = |id: &str, text: &str| json!({"id": id, "accounts": text});
    let (code, path, message) = error(json!({"partners": [side("a", "account\tcolour\nx\tred")]}));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_value", "partners[0].accounts")
    );
    assert!(message.contains("`colour`"), "{message}");
    let (_, path, message) = error(json!({"partners": [side("a", "name\tdomain\nAcme\tacme.com")]}));
    assert_eq!(path, "partners[0].accounts");
    assert!(message.contains("`account` column"), "{message}");
    let (_, path, message) = error(
        json!({"partners": [side("a", "account\tstatus\nx\tcustomer"), side("b", "account\tstatus\ny\tcustomer\nz")]}),
    );
    assert_eq!(path, "partners[1].accounts[1]");
    assert!(message.contains("1 cells; the header has 2"), "{message}");
    let (code, path, _) = error(json!({"partners": [side("a", "account\tstatus\tvalue\nx\topportunity\t12,50")]}));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_money", "partners[0].accounts[0].value")
    );
    let (code, path, _) = error(json!({"partners": [side("a", "account\tstatus\tvalue\nx\topportunity\t-3")]}));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("invalid_money", "partners[0].accounts[0].value")
    );
    let (_, path, _) = error(json!({"partners": [side("a", "account\tstatus\nx\t\n")]}));
    assert_eq!(path, "partners[0].accounts[0].status");
    let (code, path, _) = error(json!({"partners": [side("a", "account\nx"), side("a", "account\ny")]}));
    assert_eq!((code.as_str(), path.as_str()), ("duplicate_id", "partners[1].id"));
    let (code, path, _) =
        error(json!({"partners": [side("vendor", "account\nx")], "vendor": {"accounts": "account\ny"}}));
    assert_eq!((code.as_str(), path.as_str()), ("duplicate_id", "vendor.id"));
    let (code, path, _) = error(json!({"partners": [side("a", "account\nx")], "minShared": 0}));
    assert_eq!((code.as_str(), path.as_str()), ("invalid_value", "minShared"));
}

/// Rows kept out of matching are named like the object form's, relative to `partners`;
/// a table without a `status` column is all customers; `\r\n` line ends and blank lines
/// read as the plain ones.
#[test]
fn skipped_rows_and_line_ends() {
    let req = json!({"partners": [
        {"id": "a", "accounts": "account\tdomain\r\nAcme\tacme.com\r\n\r\nGlobex\tnot a domain\r\n"},
        {"id": "b", "accounts": "domain\taccount\tstatus\nACME.COM\tacme-b\tprospect\n"}
    ], "sharing": "overlaps"});
    let out = run("accountMapColumns", &req).unwrap();
    assert_eq!(out["skipped"][0]["path"], "partners[0].accounts[1].domain");
    assert_eq!(out["skipped"][0]["code"], "invalid_domain");
    assert_eq!(out["pairs"][0]["matrix"], json!({"customer": {"prospect": 1}}));
    assert_eq!(out["pairs"][0]["accounts"][0]["key"], "acme.com");
}
