#![cfg(not(target_arch = "wasm32"))]
//! SPEC §11 end to end: signed games divided by signed weights, individual rationality,
//! the blocking-coalition tie rule, the least core and (pre)nucleolus, Myerson and Owen
//! values — hand-computed cases, cases from the literature (source named), properties.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::money::Money;
use dealteam::splits::signed::allocate_signed;
use dealteam::splits::{myerson, nucleolus::nucleolus, owen, values::shapley_from_table};
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(req: Value) -> Value {
    serde_json::from_str(&run_json("split", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}
fn err(req: Value) -> dealteam::DealteamError {
    run_json("split", &req.to_string(), false, &Ctx::frozen()).unwrap_err()
}
fn amounts(r: &Value) -> Vec<&str> {
    r["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["amount"].as_str().unwrap())
        .collect()
}
/// A `table` game over a, b, c from the values of a, b, c, ab, ac, bc, abc.
fn abc(v: [&str; 7]) -> Value {
    json!({"kind": "table", "values": {"a": v[0], "b": v[1], "c": v[2], "a,b": v[3], "a,c": v[4], "b,c": v[5], "a,b,c": v[6]}})
}
fn split(model: &str, amount: &str, game: Value) -> Value {
    run(json!({"amount": amount, "currency": "EUR", "members": ["a", "b", "c"], "model": model, "game": game}))
}
fn table(n: usize, f: impl Fn(usize) -> f64) -> Vec<f64> {
    (0..1usize << n).map(|m| if m == 0 { 0.0 } else { f(m) }).collect()
}
fn close(a: &[f64], b: &[f64], tol: f64) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= tol, "{a:?} vs {b:?}");
    }
}

#[test]
fn a_member_who_costs_the_others_gets_a_negative_part() {
    // a alone 10, b alone 0, together 6: b costs a 4. Shapley a = 8, b = −2 (W = 6);
    // 90.00 divided by (8, −2): 120.00 and −30.00, exactly
    let r = run(
        json!({"amount": "90.00", "currency": "EUR", "members": ["a", "b"], "model": "shapley",
        "game": {"kind": "table", "values": {"a": "10.00", "b": "0.00", "a,b": "6.00"}}}),
    );
    assert_eq!(amounts(&r), ["120.00", "-30.00"]);
    assert_eq!(r["fairness"]["efficient"], true);
    // a gets 8 < 10 alone, b −2 < 0 alone: neither individually rational
    assert_eq!(r["fairness"]["individuallyRational"], false);
    assert_eq!(r["fairness"]["belowStandalone"], json!(["a", "b"]));
    // an equal split of a game worth 6 that a alone makes 10: a is below, b is not
    let r = run(
        json!({"amount": "6.00", "currency": "EUR", "members": ["a", "b"], "model": "fixed", "shares": {"a": 1, "b": 1},
        "game": {"kind": "table", "values": {"a": "10.00", "b": "0.00", "a,b": "6.00"}}}),
    );
    assert_eq!(r["fairness"]["belowStandalone"], json!(["a"]));
    let r = run(
        json!({"amount": "6.00", "currency": "EUR", "members": ["a", "b"], "model": "fixed", "shares": {"a": 1, "b": 0},
        "game": {"kind": "table", "values": {"a": "5.00", "b": "0.00", "a,b": "6.00"}}}),
    );
    assert_eq!(r["fairness"]["individuallyRational"], true);
    assert!(r["fairness"].get("belowStandalone").is_none());
}

#[test]
fn values_that_cancel_out_are_refused_naming_the_game() {
    // Shapley a = 1, b = −1: W = 0
    let e = err(
        json!({"amount": "10.00", "currency": "EUR", "members": ["a", "b"], "model": "shapley",
        "game": {"kind": "table", "values": {"a": "1.00", "b": "-1.00", "a,b": "0.00"}}}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "game"));
    assert!(e.message.contains("table game"), "{}", e.message);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn signed_parts_add_up_exactly(cents in -1_000_000_000i64..1_000_000_000, w in prop::collection::vec(-1.0e6f64..1.0e6, 1..8)) {
        prop_assume!(w.iter().sum::<f64>().abs() > 1e-3);
        let total = Money(rust_decimal::Decimal::new(cents, 2));
        let parts = allocate_signed(total, &w, 2, "game", "table").unwrap();
        prop_assert_eq!(parts.iter().map(|p| p.0).sum::<rust_decimal::Decimal>(), total.0);
        // each part is within one cent of its exact share
        let sum: f64 = w.iter().sum();
        for (p, wi) in parts.iter().zip(&w) {
            let exact = cents as f64 / 100.0 * wi / sum;
            let got: f64 = p.0.to_string().parse().unwrap();
            prop_assert!((got - exact).abs() <= 0.01 + 1e-6 * exact.abs(), "{} vs {}", got, exact);
        }
    }
}

#[test]
fn equally_blocking_groups_name_the_smallest_then_the_first_by_id() {
    // symmetric majority game with a split a 50%, b 25%, c 25%: {b, c} has excess 0.5,
    // alone: a −0.5... every pair: {a,b} 1 − 0.75, {a,c} 0.25, {b,c} 0.5 → {b,c}; with an
    // equal split every pair has excess ⅓: three tied, {a, b} named
    let g = abc(["0", "0", "0", "1", "1", "1", "1"]);
    let r = run(
        json!({"amount": "300.00", "currency": "EUR", "members": ["c", "b", "a"], "model": "fixed",
        "shares": {"a": 1, "b": 1, "c": 1}, "game": g}),
    );
    let b = &r["fairness"]["blocking"];
    assert_eq!(b["members"], json!(["a", "b"]));
    assert_eq!(b["tied"], 3);
    // the core is empty: the least core needs ε = ⅓, the nucleolus is (⅓, ⅓, ⅓)
    assert_eq!(r["fairness"]["coreEmpty"], true);
    let lc = &r["fairness"]["leastCore"];
    assert!((lc["epsilon"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert!(r["fairness"]["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e.as_str().unwrap().contains("least core needs")));
}

/// CoopGame (R package by J. Staudacher and J. Anwander, CRAN), test "Check 49.1 -
/// nucleolus - 3 players", from T. S. Ferguson, Game Theory, part IV (coalitional games),
/// §4.9 example: v(1) = −1, v(2) = 0, v(3) = 1, v(12) = 3, v(13) = 4, v(23) = 2, v(N) = 5;
/// nucleolus (8/3, 2/3, 5/3). A signed game.
#[test]
fn ferguson_example_nucleolus() {
    let v = [0.0, -1.0, 0.0, 3.0, 1.0, 4.0, 2.0, 5.0];
    close(
        &nucleolus(&v, true, "game").unwrap().values,
        &[8.0 / 3.0, 2.0 / 3.0, 5.0 / 3.0],
        1e-9,
    );
    let r = split("nucleolus", "5.00", abc(["-1", "0", "1", "3", "4", "2", "5"]));
    assert_eq!(amounts(&r), ["2.67", "0.67", "1.66"]);
    assert_eq!(r["method"], "linearProgram");
}

/// Aumann and Maschler (1985), J. Econ. Theory 36, "Game theoretic analysis of a
/// bankruptcy problem from the Talmud": claims 100, 200, 300 on an estate of 200; the
/// nucleolus of v(S) = max(0, E − Σ_{i∉S} dᵢ) is the Mishna's (50, 75, 75).
#[test]
fn talmud_estate_of_200() {
    let r = split("nucleolus", "200.00", abc(["0", "0", "0", "0", "0", "100", "200"]));
    assert_eq!(amounts(&r), ["50.00", "75.00", "75.00"]);
    let r = split("prenucleolus", "200.00", abc(["0", "0", "0", "0", "0", "100", "200"]));
    assert_eq!(amounts(&r), ["50.00", "75.00", "75.00"]);
}

#[test]
fn glove_game_nucleolus_is_the_unique_core_point() {
    // a holds the one left glove, b and c right gloves: core and nucleolus (1, 0, 0)
    let r = split("nucleolus", "100.00", abc(["0", "0", "0", "1", "1", "0", "1"]));
    assert_eq!(amounts(&r), ["100.00", "0.00", "0.00"]);
    assert_eq!(r["fairness"]["inCore"], true);
}

#[test]
fn nucleolus_needs_imputations_prenucleolus_does_not() {
    let g = abc(["1", "1", "1", "1.8", "1.8", "1.8", "2.5"]);
    let e = err(
        json!({"amount": "100.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "nucleolus", "game": g.clone()}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "model"));
    assert!(e.message.contains("prenucleolus"), "{}", e.message);
    assert_eq!(amounts(&split("prenucleolus", "90.00", g)), ["30.00", "30.00", "30.00"]);
}

/// Convex games (v(S) = (Σ_{i∈S} wᵢ)², supermodular) have a non-empty core that holds the
/// nucleolus; there the prenucleolus is the nucleolus. Efficiency always.
#[test]
fn nucleolus_lies_in_a_non_empty_core() {
    for seed in 0..12u64 {
        let n = 3 + (seed as usize % 6);
        let w: Vec<f64> = (0..n)
            .map(|i| 1.0 + ((seed * 31 + i as u64 * 17) % 13) as f64)
            .collect();
        let v = table(n, |m| {
            let s: f64 = (0..n).filter(|&i| m >> i & 1 == 1).map(|i| w[i]).sum();
            s * s
        });
        let r = nucleolus(&v, true, "game").unwrap();
        let p = nucleolus(&v, false, "game").unwrap();
        close(&r.values, &p.values, 1e-6 * v[v.len() - 1]);
        assert!((r.values.iter().sum::<f64>() - v[v.len() - 1]).abs() < 1e-6 * v[v.len() - 1]);
        assert!(r.epsilon <= 1e-9 * v[v.len() - 1], "ε = {}", r.epsilon);
        let (excess, _, _) = dealteam::splits::fairness::max_excess(&v, &r.values);
        assert!(excess <= 1e-6 * v[v.len() - 1], "excess {excess}");
    }
}

#[test]
fn myerson_on_complete_and_empty_graphs() {
    let v = table(4, |m| {
        let k = m.count_ones() as f64;
        k * k + (m & 1) as f64 * 3.0
    });
    let all: Vec<(usize, usize)> = (0..4).flat_map(|a| (a + 1..4).map(move |b| (a, b))).collect();
    let shapley = shapley_from_table(&v);
    close(
        &shapley_from_table(&myerson::restricted_table(&v, 4, &all)),
        &shapley,
        1e-9,
    );
    let alone: Vec<f64> = (0..4).map(|i| v[1 << i]).collect();
    close(
        &shapley_from_table(&myerson::restricted_table(&v, 4, &[])),
        &alone,
        1e-9,
    );
}

#[test]
fn myerson_cuts_conflict_pairs() {
    // a, b, c with an additive synergy: b–c would add 60, but they are in conflict
    let eco = json!({"partners": [
        {"id": "a", "name": "A", "kind": "si"}, {"id": "b", "name": "B", "kind": "si"}, {"id": "c", "name": "C", "kind": "si"}],
        "relationships": [{"a": "a", "b": "b"}, {"a": "b", "b": "c", "conflict": true}]});
    let game = json!({"kind": "additiveSynergy", "standalone": {"a": "10.00", "b": "10.00", "c": "10.00"},
        "pairs": [{"a": "a", "b": "b", "bonus": "20.00"}, {"a": "b", "b": "c", "bonus": "60.00"}]});
    let r = run(
        json!({"amount": "50.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "myerson",
        "ecosystem": eco, "game": game.clone()}),
    );
    // graph a–b only: v_G = standalone + 20 for a and b together: (20, 20, 10)
    assert_eq!(amounts(&r), ["20.00", "20.00", "10.00"]);
    // an explicit graph b–c instead: (10, 40, 40) of 90, scaled to 50
    let r = run(
        json!({"amount": "90.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "myerson",
        "graph": [["b", "c"]], "game": game}),
    );
    assert_eq!(amounts(&r), ["10.00", "40.00", "40.00"]);
}

#[test]
fn owen_with_singleton_or_one_union_is_shapley_and_by_hand() {
    let v = table(4, |m| {
        let k = m.count_ones() as f64;
        k * k * if m & 2 != 0 { 2.0 } else { 1.0 }
    });
    let shapley = shapley_from_table(&v);
    let singles: Vec<Vec<usize>> = (0..4).map(|i| vec![i]).collect();
    close(&owen::owen_from_table(&v, &singles), &shapley, 1e-9);
    close(&owen::owen_from_table(&v, &[vec![0, 1, 2, 3]]), &shapley, 1e-9);
    // majority game with the alliance {a, b}: the alliance decides alone → (½, ½, 0)
    let r = run(
        json!({"amount": "100.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "owen",
        "unions": [["a", "b"]], "game": abc(["0", "0", "0", "1", "1", "1", "1"])}),
    );
    assert_eq!(amounts(&r), ["50.00", "50.00", "0.00"]);
}

#[test]
fn sampled_myerson_and_owen_above_twenty_members_are_seeded() {
    let members: Vec<String> = (0..24).map(|i| format!("m{i:02}")).collect();
    let standalone: serde_json::Map<String, Value> = members.iter().map(|m| (m.clone(), json!("1.00"))).collect();
    let pairs: Vec<Value> = (0..23)
        .map(|i| json!({"a": members[i], "b": members[i + 1], "bonus": "2.00"}))
        .collect();
    let game = json!({"kind": "additiveSynergy", "standalone": standalone, "pairs": pairs});
    let graph: Vec<Value> = (0..12).map(|i| json!([members[2 * i], members[2 * i + 1]])).collect();
    let req = json!({"amount": "1000.00", "currency": "EUR", "members": members, "model": "myerson",
        "graph": graph, "game": game, "samples": 200, "seed": 7});
    let r = run(req.clone());
    assert_eq!(r["method"], "sampling");
    assert_eq!(r, run(req));
    // the paired game is exact for every order: each member 1 + 2/2 = 2, standard error 0
    for m in &members {
        assert!((r["allocations"][0]["value"].as_f64().unwrap() - 2.0).abs() < 1e-9);
        assert!(r["stdErr"][m].as_f64().unwrap() < 1e-9);
    }
    let unions: Vec<Value> = (0..6).map(|i| json!(members[4 * i..4 * i + 4])).collect();
    let r = run(
        json!({"amount": "1000.00", "currency": "EUR", "members": members, "model": "owen",
        "unions": unions, "game": game_of(&members), "samples": 400, "seed": 1}),
    );
    assert_eq!(r["method"], "sampling");
    // additive synergy: every order gives each pair's bonus to its later member: the mean is ½ per pair
    let total: f64 = r["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_f64().unwrap())
        .sum();
    assert!((total - (24.0 + 46.0)).abs() < 1e-6, "{total}");
}

fn game_of(members: &[String]) -> Value {
    let standalone: serde_json::Map<String, Value> = members.iter().map(|m| (m.clone(), json!("1.00"))).collect();
    let pairs: Vec<Value> = (0..members.len() - 1)
        .map(|i| json!({"a": members[i], "b": members[i + 1], "bonus": "2.00"}))
        .collect();
    json!({"kind": "additiveSynergy", "standalone": standalone, "pairs": pairs})
}

#[test]
fn fields_of_other_models_and_bad_unions_are_refused() {
    let g = abc(["0", "0", "0", "1", "1", "1", "1"]);
    let e = err(
        json!({"amount": "1.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "shapley", "unions": [["a"]], "game": g.clone()}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "unions"));
    let e = err(
        json!({"amount": "1.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "owen", "unions": [["a", "b"], ["b"]], "game": g.clone()}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::DuplicateId, "unions[1][0]"));
    let e = err(
        json!({"amount": "1.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "myerson", "graph": [["a", "z"]], "game": g.clone()}),
    );
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPartner, "graph[0][1]"));
    let e =
        err(json!({"amount": "1.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "myerson", "game": g}));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "graph"));
}

/// Speed of the LP sequence at n = 18 (SPEC §11 target: 0.1 s in wasm). Run with
/// `cargo test --test splits_beyond nucleolus_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn nucleolus_speed() {
    for n in [10usize, 14, 18] {
        // a coverage-like game: max over members of per-requirement levels, 4 requirements
        let lv: Vec<[f64; 4]> = (0..n)
            .map(|i| std::array::from_fn(|k| ((i * 7 + k * 13) % 11) as f64 / 10.0))
            .collect();
        let v = table(n, |m| {
            (0..4)
                .map(|k| {
                    (0..n)
                        .filter(|&i| m >> i & 1 == 1)
                        .map(|i| lv[i][k])
                        .fold(0.0, f64::max)
                })
                .sum::<f64>()
                * 25_000.0
        });
        let t = std::time::Instant::now();
        let r = nucleolus(&v, false, "game").unwrap();
        println!(
            "n = {n}: prenucleolus in {:?}, {} stages, ε = {:.2}",
            t.elapsed(),
            r.stages,
            r.epsilon
        );
    }
}

#[test]
fn fairness_refuses_parts_adding_up_beyond_decimal_range_at_amount() {
    use rust_decimal::Decimal;
    let members = vec!["a".to_string(), "b".to_string()];
    let parts = [Money(Decimal::MAX), Money(Decimal::MAX)];
    let e = dealteam::splits::fairness::report(None, None, &members, Money(Decimal::ONE), &parts, 2).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::TooLarge, "amount"));
    // just inside the range the sum is exact and the report is made
    let parts = [Money(Decimal::MAX), Money(-Decimal::MAX)];
    let f = dealteam::splits::fairness::report(None, None, &members, Money(Decimal::ZERO), &parts, 2).unwrap();
    assert!(f.efficient);
}
