#![cfg(not(target_arch = "wasm32"))]
//! The `split` command end to end (SPEC §5, §10): fairness reports, core membership on
//! games with known (non-)empty cores, errors, and exact sums for every model.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(req: Value) -> Value {
    serde_json::from_str(&run_json("split", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}
fn err(req: Value) -> dealteam::DealteamError {
    run_json("split", &req.to_string(), false, &Ctx::frozen()).unwrap_err()
}
fn amounts(r: &Value) -> Vec<String> {
    r["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["amount"].as_str().unwrap().to_string())
        .collect()
}

fn eco_deal(n: usize) -> (Value, Value, Vec<String>) {
    let caps = ["product", "integration", "cloud", "security"];
    let partners: Vec<Value> = (0..n)
        .map(|i| {
            let mut c = serde_json::Map::new();
            for (k, cap) in caps.iter().enumerate() {
                c.insert(cap.to_string(), json!(((i * 7 + k * 13) % 11) as f64 / 10.0));
            }
            json!({"id": format!("p{i}"), "name": format!("P{i}"), "kind": "si", "capabilities": c})
        })
        .collect();
    let deal = json!({"id": "d", "name": "D", "value": "100000.00", "currency": "EUR",
        "requirements": caps.iter().map(|c| json!({"capability": c, "weight": 1})).collect::<Vec<_>>(),
        "slots": [{"role": "si", "min": 1, "max": 30}]});
    (
        json!({"partners": partners}),
        deal,
        (0..n).map(|i| format!("p{i}")).collect(),
    )
}

#[test]
fn coverage_game_has_an_empty_core_and_says_why() {
    let (eco, deal, members) = eco_deal(4);
    let r = run(
        json!({"amount": "100000.00", "currency": "EUR", "members": members, "model": "shapley",
        "ecosystem": eco, "deal": deal, "game": {"kind": "coverage"}}),
    );
    assert_eq!(r["method"], "closedForm");
    let f = &r["fairness"];
    assert_eq!(f["efficient"], true);
    assert_eq!(f["coreEmpty"], true);
    assert_eq!(f["inCore"], false);
    assert!(f["multiplier"].as_f64().unwrap() < 1.0);
    let text = f["explanation"].to_string();
    assert!(
        text.contains("substitute") && text.contains("overlapping capabilities"),
        "{text}"
    );
    assert!(f["blocking"]["excess"].as_f64().unwrap() > 0.0);
}

#[test]
fn convex_game_shapley_is_in_the_core() {
    // v(S) = |S|² is convex (supermodular): its Shapley value lies in the core
    let mut values = serde_json::Map::new();
    let ids = ["a", "b", "c", "d"];
    for m in 1..16usize {
        let key: Vec<&str> = (0..4).filter(|i| m >> i & 1 == 1).map(|i| ids[i]).collect();
        values.insert(key.join(","), json!(format!("{}.00", key.len() * key.len())));
    }
    let r = run(
        json!({"amount": "16.00", "currency": "EUR", "members": ids, "model": "shapley",
        "game": {"kind": "table", "values": values}}),
    );
    assert_eq!(amounts(&r), vec!["4.00", "4.00", "4.00", "4.00"]);
    assert_eq!(r["fairness"]["inCore"], true);
    assert_eq!(r["fairness"]["multiplier"], 4.0);
    assert_eq!(r["fairness"]["symmetry"]["players"], json!([["a", "b", "c", "d"]]));
    assert_eq!(r["fairness"]["symmetry"]["respected"], true);
}

#[test]
fn glove_game_core_is_the_left_glove_taking_all() {
    let game = json!({"kind": "table", "values": {"l,r1": "60.00", "l,r2": "60.00", "l,r1,r2": "60.00"}});
    let r = run(
        json!({"amount": "60.00", "currency": "EUR", "members": ["l", "r1", "r2"], "model": "fixed",
        "percent": {"l": 100}, "game": game}),
    );
    assert_eq!(r["fairness"]["inCore"], true);
    let r = run(
        json!({"amount": "60.00", "currency": "EUR", "members": ["l", "r1", "r2"], "model": "shapley", "game": game}),
    );
    assert_eq!(amounts(&r), vec!["40.00", "10.00", "10.00"]);
    assert_eq!(r["fairness"]["inCore"], false);
    assert_eq!(r["fairness"]["blocking"]["members"], json!(["l", "r1"]));
    assert_eq!(r["fairness"]["blocking"]["excess"], 10.0);
    assert_eq!(r["fairness"]["multiplierUnbounded"], true);
    assert!(r["fairness"].get("multiplier").is_none());
}

#[test]
fn dummy_players_are_reported() {
    let r = run(
        json!({"amount": "30.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "shapley",
        "game": {"kind": "additiveSynergy", "standalone": {"a": "10.00", "b": "5.00", "c": "3.00"}, "pairs": [{"a": "a", "b": "b", "bonus": "12.00"}]}}),
    );
    // φ = (16, 11, 3)
    assert_eq!(amounts(&r), vec!["16.00", "11.00", "3.00"]);
    assert_eq!(r["fairness"]["dummy"]["players"], json!([["c"]]));
    assert_eq!(r["fairness"]["dummy"]["respected"], true);
}

#[test]
fn compare_side_by_side() {
    let (eco, deal, members) = eco_deal(5);
    let r = run(
        json!({"amount": "100000.00", "currency": "EUR", "members": members, "model": "compare",
        "ecosystem": eco, "deal": deal, "shares": {"p0": 1, "p1": 1}}),
    );
    let models: Vec<&str> = r["comparison"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["model"].as_str().unwrap())
        .collect();
    assert_eq!(models, vec!["fixed", "contribution", "shapley", "banzhaf"]);
    for m in r["comparison"].as_array().unwrap() {
        assert_eq!(m["fairness"]["game"], "winProbability");
        assert_eq!(m["fairness"]["efficient"], true);
    }
}

#[test]
fn compare_lists_a_failing_model_with_its_error() {
    // two substitutes: both marginal contributions are 0, so `contribution` cannot divide
    let r = run(
        json!({"amount": "10.00", "currency": "EUR", "members": ["a", "b"], "model": "compare",
        "game": {"kind": "table", "values": {"a": "5.00", "b": "5.00", "a,b": "5.00"}}}),
    );
    assert_eq!(r["model"], "shapley");
    assert_eq!(r["comparison"][0]["model"], "contribution");
    assert_eq!(r["comparison"][0]["error"]["code"], "invalid_value");
    assert_eq!(amounts(&r["comparison"][1]), vec!["5.00", "5.00"]);
    assert_eq!(r["fairness"]["coreEmpty"], true);
}

#[test]
fn errors() {
    let (eco, mut deal, members) = eco_deal(3);
    let base = json!({"amount": "100.00", "currency": "EUR", "members": ["a", "b"], "model": "fixed"});
    let with = |extra: Value| {
        let mut b = base.clone();
        b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        b
    };
    let e = err(with(json!({"percent": {"a": 50, "b": 40}})));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "percent"));
    let e = err(with(json!({"shares": {"a": 1, "c": 1}})));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPartner, "shares.c"));
    let e = err(with(json!({"amount": "-1.005", "shares": {"a": 1}})));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidMoney, "amount"));
    let e = err(with(json!({"amount": 1.5, "shares": {"a": 1}})));
    assert_eq!(e.code, ErrorCode::InvalidMoney);
    let e = err(with(json!({"amount": "12,00", "shares": {"a": 1}})));
    assert_eq!(e.code, ErrorCode::InvalidMoney);
    let e = err(with(json!({"shares": {"a": 1}, "schedules": {}})));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "schedules"));
    let e = err(with(json!({"shares": {"a": 1}, "wieght": 1})));
    assert_eq!(e.code, ErrorCode::UnknownField);
    deal["currency"] = json!("USD");
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": members, "model": "shapley", "ecosystem": eco, "deal": deal}),
    );
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::CurrencyMismatch, "deal.currency")
    );
    let (eco, deal, _) = eco_deal(3);
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": ["p0", "zz"], "model": "shapley", "ecosystem": eco, "deal": deal}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPartner, "members[1]"));
    let (eco, deal, members) = eco_deal(22);
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": members, "model": "banzhaf", "ecosystem": eco, "deal": deal}),
    );
    assert_eq!(e.code, ErrorCode::TooLarge);
    // values that cancel out (SPEC §11: W = 0) are refused naming the game
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": ["a", "b"], "model": "shapley",
        "game": {"kind": "additiveSynergy", "standalone": {"a": "3.00", "b": "1.00"}, "pairs": [{"a": "a", "b": "b", "bonus": "-4.00"}]}}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "game"));
    assert!(e.message.contains("additiveSynergy game"), "{}", e.message);
}

#[test]
fn closed_forms_scale_and_the_player_limit_holds() {
    let members: Vec<String> = (0..10_000).map(|i| format!("m{i}")).collect();
    let standalone: serde_json::Map<String, Value> = members.iter().map(|m| (m.clone(), json!("1.00"))).collect();
    let req = json!({"amount": "10000.00", "currency": "EUR", "members": members, "model": "shapley",
        "game": {"kind": "additiveSynergy", "standalone": standalone}});
    let r = run(req);
    assert_eq!(r["method"], "closedForm");
    assert_eq!(r["allocations"][9999]["amount"], "1.00");
    assert_eq!(r["fairness"]["multiplier"], 1.0);
    let mut members = members;
    members.push("one-too-many".into());
    let e = err(
        json!({"amount": "10000.00", "currency": "EUR", "members": members, "model": "shapley",
        "game": {"kind": "additiveSynergy", "standalone": {}}}),
    );
    assert_eq!(e.code, ErrorCode::TooLarge);
    assert!(e.message.contains("10000"), "{}", e.message);
}

#[test]
fn sampled_split_reports_standard_errors() {
    let (eco, deal, members) = eco_deal(25);
    let req = json!({"amount": "100000.00", "currency": "EUR", "members": members, "model": "shapley",
        "ecosystem": eco, "deal": deal, "samples": 400, "seed": 3});
    let r = run(req.clone());
    assert_eq!(r["method"], "sampling");
    assert_eq!(r["samples"], 400);
    assert!(r["stdErr"]["p0"].as_f64().is_some());
    assert_eq!(r["stdErr"].as_object().unwrap().len(), 25);
    assert_eq!(r, run(req));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn every_model_adds_up_exactly(cents in -10_000_000i64..10_000_000, n in 1usize..7) {
        let (eco, deal, members) = eco_deal(n);
        let amount = format!("{}.{:02}", cents / 100, (cents % 100).abs());
        let amount = if cents < 0 && cents > -100 { format!("-{amount}") } else { amount };
        let r = run(json!({"amount": amount, "currency": "EUR", "members": members, "model": "compare",
            "ecosystem": eco, "deal": deal, "shares": {"p0": 3},
            "roles": {"p0": "inf"}, "schedules": {"inf": [{"upTo": "1000.00", "rate": 0.1}, {"rate": 0.05}]}, "residual": {"to": members[n - 1]}}));
        for m in r["comparison"].as_array().unwrap() {
            let sum: rust_decimal::Decimal = amounts(m).iter().map(|a| a.parse::<rust_decimal::Decimal>().unwrap()).sum();
            prop_assert_eq!(sum, amount.parse::<rust_decimal::Decimal>().unwrap());
            prop_assert_eq!(&m["fairness"]["efficient"], &json!(true));
        }
    }
}

#[test]
fn level_games_value_coalitions_by_the_section_3_coverage() {
    use dealteam::splits::game::Game;
    let (eco, deal, members) = eco_deal(6);
    let eco: dealteam::model::Ecosystem = serde_json::from_value(eco).unwrap();
    let deal: dealteam::model::Deal = serde_json::from_value(deal).unwrap();
    let eur = dealteam::money::Currency::parse("EUR").unwrap();
    let spec = dealteam::splits::GameSpec::Coverage {};
    let game = Game::build(Some(&spec), Some(&eco), Some(&deal), &members, &eur, "")
        .unwrap()
        .unwrap();
    let table = game.table().unwrap();
    for (mask, v) in table.iter().enumerate().skip(1) {
        let team = (0..6).filter(|i| mask >> i & 1 == 1).map(|i| &eco.partners[i]);
        let cov = dealteam::coverage::coverage(&deal.requirements, team);
        assert!((v - 100_000.0 * cov).abs() < 1e-6, "mask {mask}");
    }
    // and winProbability applies P(c) of §5 on top
    let win = dealteam::splits::GameSpec::WinProbability { k: None, m: None };
    let game = Game::build(Some(&win), Some(&eco), Some(&deal), &members, &eur, "")
        .unwrap()
        .unwrap();
    let all: Vec<usize> = (0..6).collect();
    let cov = dealteam::coverage::coverage(&deal.requirements, eco.partners.iter());
    let p = dealteam::splits::win_probability(cov, 10.0, 0.6);
    assert!((game.value_of(&all) - 100_000.0 * p).abs() < 1e-6);
    assert_eq!(dealteam::splits::win_probability(0.0, 10.0, 0.6), 0.0);
    assert!((dealteam::splits::win_probability(1.0, 10.0, 0.6) - 1.0).abs() < 1e-15);
}

/// Issue 16: a share weight beyond Decimal's range was read as 0 without a word; now it
/// is refused at the share that is too large.
#[test]
fn a_share_beyond_an_exact_amount_is_refused_not_zeroed() {
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": ["a", "b"], "model": "fixed",
        "shares": {"a": 1, "b": 1e40}}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "shares.b"));
    assert!(e.message.contains("at most"), "{}", e.message);
    // the §4 allocation itself refuses it too (for weights that come from elsewhere)
    let m = dealteam::money::Money::parse("100.00").unwrap();
    let e = dealteam::money::allocate(m, &[1.0, 1e40], 2).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "shares[1]"));
}

/// Issue 17: money is exactly `-?digits(.digits)?`; each refusal names the field.
#[test]
fn money_outside_the_grammar_is_invalid_money_at_its_field() {
    for bad in [" 12.00 ", "+5.00", ".5", "5."] {
        let e = err(
            json!({"amount": bad, "currency": "EUR", "members": ["a", "b"], "model": "fixed",
            "shares": {"a": 1, "b": 1}}),
        );
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidMoney, "amount"), "{bad}");
        assert!(e.message.contains(&format!("`{bad}`")), "{}", e.message);
    }
}
