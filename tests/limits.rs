#![cfg(not(target_arch = "wasm32"))]
//! Issue 17 item 2: every dimension has a limit (a `too_large` error naming it, found
//! before the work is done) and the algorithms scale where real users reach the size.
//! Timings at the limits: bench/limits/run.sh (docs/limits.md).

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::model::limits::LIMITS;
use dealteam::model::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::time::Instant;

fn run(cmd: &str, req: &Value) -> Result<Value, dealteam::DealteamError> {
    run_json(cmd, &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn too_large(cmd: &str, req: &Value, path: &str, name: &str) {
    let e = run(cmd, req).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", path), "{e}");
    assert!(
        e.message.contains(name),
        "the message names the limit `{name}`: {}",
        e.message
    );
}

fn reg(id: &str, partner: &str, account: &str, product: Option<&str>, at: &str) -> Value {
    let mut r = json!({"id": id, "partnerId": partner, "account": account, "registeredAt": at});
    if let Some(p) = product {
        r["product"] = json!(p);
    }
    r
}

fn deal(id: usize, members: usize) -> Value {
    let partners: Vec<Value> = (0..members).map(|m| json!({"id": format!("p{m}")})).collect();
    json!({"id": format!("d{id}"), "closedAt": "2026-01-01", "won": id % 2 == 0, "value": "10.00",
           "cycleDays": 30, "partners": partners})
}

#[test]
fn every_limit_is_documented_in_docs_limits_md() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/limits.md")).unwrap();
    for l in LIMITS {
        let n = l.max.to_string();
        let grouped = n
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(",");
        let line = doc.lines().find(|line| line.contains(&format!("| {} |", l.name)));
        let line = line.unwrap_or_else(|| panic!("docs/limits.md has no row for `{}`", l.name));
        assert!(
            line.contains(&grouped),
            "docs/limits.md gives {} for `{}`: {line}",
            grouped,
            l.name
        );
    }
}

#[test]
fn registrations_are_limited_while_reading() {
    let registry: Vec<Value> = (0..=MAX_REGISTRATIONS)
        .map(|i| reg(&format!("r{i}"), "p1", "acme", None, "2026-01-01"))
        .collect();
    let req = json!({"registry": registry, "registration": reg("new", "p2", "acme", None, "2026-01-02")});
    too_large("register", &req, "registry", "registrations");
}

#[test]
fn history_deals_members_per_deal_and_member_pairs_are_limited() {
    let req = json!({"history": (0..=MAX_HISTORY_DEALS).map(|i| deal(i, 0)).collect::<Vec<_>>()});
    too_large("insights", &req, "history", "history deals");
    let req = json!({"history": [deal(0, MAX_DEAL_MEMBERS + 1)]});
    too_large("train", &req, "history[0].partners", "members per deal");
    // 210 deals of 100 members: 210 × 4,950 pairs > 1,000,000
    let deals = MAX_MEMBER_PAIRS / (MAX_DEAL_MEMBERS * (MAX_DEAL_MEMBERS - 1) / 2) + 1;
    let req = json!({"history": (0..deals).map(|i| deal(i, MAX_DEAL_MEMBERS)).collect::<Vec<_>>()});
    too_large("train", &req, "history", "member pairs");
}

#[test]
fn journeys_and_path_length_are_limited() {
    let long: Vec<String> = (0..=MAX_PATH_LENGTH).map(|i| format!("p{i}")).collect();
    let req = json!({"journeys": [{"path": ["a"], "conversions": 1}, {"path": long, "conversions": 1}]});
    too_large("attribute", &req, "journeys[1].path", "touches per journey");
    // journeys: a compact text of MAX_JOURNEYS + 1 one-touch journeys
    let one = r#"{"path":["a"],"conversions":1}"#;
    let text = format!("{{\"journeys\":[{}]}}", vec![one; MAX_JOURNEYS + 1].join(","));
    let e = run_json("attribute", &text, false, &Ctx::frozen()).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "journeys"));
    assert!(e.message.contains("journeys"), "{}", e.message);
}

#[test]
fn accounts_per_partner_and_predict_teams_are_limited() {
    let accounts: Vec<String> = (0..=MAX_ACCOUNTS_PER_PARTNER).map(|i| format!("a{i}")).collect();
    let req = json!({"ecosystem": {"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": accounts}]}});
    too_large(
        "overlap",
        &req,
        "ecosystem.partners[0].accounts",
        "accounts per partner",
    );
    let model = json!({"features": [], "intercept": 0.0, "coefficients": [], "means": [], "scales": [],
                       "baseRate": 0.5, "skill": false, "pairs": []});
    let members: Vec<String> = (0..=MAX_DEAL_MEMBERS).map(|i| format!("p{i}")).collect();
    let req = json!({"model": model, "teams": [{"members": members}]});
    too_large("predict", &req, "teams[0].members", "members per deal");
    let members: Vec<String> = (0..MAX_DEAL_MEMBERS).map(|i| format!("p{i}")).collect();
    let teams = MAX_MEMBER_PAIRS / (MAX_DEAL_MEMBERS * (MAX_DEAL_MEMBERS - 1) / 2) + 1;
    let req = json!({"model": model, "teams": vec![json!({"members": members}); teams]});
    too_large("predict", &req, "teams", "member pairs");
}

#[test]
fn request_bytes_are_limited_before_parsing() {
    let e = dealteam::json::check_request_bytes(MAX_REQUEST_BYTES + 1).unwrap_err();
    assert_eq!(e.code.as_str(), "too_large");
    assert!(e.message.contains("request bytes"), "{}", e.message);
    assert!(dealteam::json::check_request_bytes(MAX_REQUEST_BYTES).is_ok());
}

/// 3,000 partners sharing one account: 4.5 million pairs, over the limit — refused
/// at once (it took 10.7 s and 1.4 GB to list them before).
#[test]
fn overlap_pairs_are_counted_and_refused_before_they_are_built() {
    let partners: Vec<Value> = (0..3000)
        .map(|i| json!({"id": format!("p{i}"), "name": "P", "kind": "si", "accounts": ["shared"]}))
        .collect();
    let t = Instant::now();
    too_large(
        "overlap",
        &json!({"ecosystem": {"partners": partners}}),
        "ecosystem.partners",
        "sharing an account",
    );
    // generous: the refusal comes after counting, before any pair is built (machines
    // running this test may be busy)
    assert!(t.elapsed().as_secs_f64() < 10.0, "{:?}", t.elapsed());
}

/// Under the limit (1,000 partners on one account: 499,500 pairs) the overlap is
/// listed in full (the time at the limit itself: bench/limits/run.sh).
#[test]
fn overlap_at_the_pair_limit_finishes() {
    let n = 1000;
    assert!(n * (n - 1) / 2 <= MAX_OVERLAP_PAIRS);
    let partners: Vec<Value> = (0..n)
        .map(
            |i| json!({"id": format!("p{i:04}"), "name": "P", "kind": "si", "accounts": ["shared", format!("own{i}")]}),
        )
        .collect();
    let out = run(
        "overlap",
        &json!({"ecosystem": {"partners": partners}, "includeAccounts": false}),
    )
    .unwrap();
    let pairs = out["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), n * (n - 1) / 2);
    assert_eq!(
        pairs[0],
        json!({"a": "p0000", "b": "p0001", "shared": 1, "jaccard": 0.333333333333})
    );
}

/// 30,000 registrations of one account by one partner and one by another: the
/// conflicts pass is O(n log n) (it took 13 s before).
#[test]
fn many_registrations_of_one_account_are_fast() {
    let mut registry: Vec<Value> = (0..30_000)
        .map(|i| {
            reg(
                &format!("r{i:05}"),
                "p1",
                "acme",
                Some(&format!("prod{}", i % 7)),
                "2026-01-01",
            )
        })
        .collect();
    registry.push(reg("z", "p2", "acme", Some("prod3"), "2026-01-02"));
    let out = run(
        "register",
        &json!({"registry": registry, "registration": reg("new", "p3", "globex", None, "2026-01-03")}),
    )
    .unwrap();
    let c = out["conflicts"].as_array().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(
        (
            c[0]["registrationId"].as_str(),
            c[0]["challengerRegistrationId"].as_str()
        ),
        (Some("r00003"), Some("z"))
    );
}

/// (partner, account, product, day of January 2026)
type Reg = (String, String, Option<String>, u32);

/// The conflicts of a naive O(n²) scan (the definition, SPEC §8): per active
/// registration in (account, day, id) order, the first earlier one of the same account,
/// contesting it (same product or either without one), of another partner.
fn naive_conflicts(regs: &[Reg]) -> Vec<(String, String)> {
    let mut ws: Vec<(usize, &Reg)> = regs.iter().enumerate().collect();
    ws.sort_by(|x, y| (&x.1 .1, x.1 .3, format!("r{}", x.0)).cmp(&(&y.1 .1, y.1 .3, format!("r{}", y.0))));
    let mut out = Vec::new();
    for (k, (li, l)) in ws.iter().enumerate() {
        let owner = ws[..k].iter().find(|(_, o)| {
            o.1 == l.1
                && o.0 != l.0
                && (matches!((&o.2, &l.2), (Some(a), Some(b)) if a == b) || o.2.is_none() || l.2.is_none())
        });
        if let Some((oi, _)) = owner {
            out.push((format!("r{oi}"), format!("r{li}")));
        }
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn indexed_conflicts_equal_the_naive_scan(
        regs in prop::collection::vec(
            (0..3u8, 0..2u8, prop::option::of(0..2u8), 1..5u32), 1..14)
    ) {
        let regs: Vec<Reg> = regs.into_iter()
            .map(|(p, a, prod, day)| (format!("p{p}"), format!("a{a}"), prod.map(|x| format!("x{x}")), day))
            .collect();
        let registry: Vec<Value> = regs.iter().enumerate()
            .map(|(i, (p, a, prod, day))| reg(&format!("r{i}"), p, a, prod.as_deref(), &format!("2026-01-0{day}")))
            .collect();
        let req = json!({"registry": registry, "registration": reg("new", "q", "elsewhere", None, "2026-01-05"), "now": "2026-01-05"});
        let out = run("register", &req).unwrap();
        let mut got: Vec<(String, String)> = out["conflicts"].as_array().unwrap().iter()
            .map(|c| (c["registrationId"].as_str().unwrap().to_string(), c["challengerRegistrationId"].as_str().unwrap().to_string()))
            .collect();
        got.sort();
        prop_assert_eq!(got, naive_conflicts(&regs));
    }
}

/// 200 deals of 100 members (the member limit; 990,000 pairs, just under the pair
/// limit): trained, every pair counted.
#[test]
fn train_at_the_member_limit_finishes() {
    let history: Vec<Value> = (0..200).map(|i| deal(i, MAX_DEAL_MEMBERS)).collect();
    let out = run("train", &json!({"history": history})).unwrap();
    let pairs = out["model"]["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), MAX_DEAL_MEMBERS * (MAX_DEAL_MEMBERS - 1) / 2);
    // pairs sorted by id, counted over all 200 deals (100 of them won)
    assert_eq!(pairs[0], json!({"a": "p0", "b": "p1", "deals": 200, "wins": 100}));
}

fn plan_request() -> Value {
    let mut req: Value =
        serde_json::from_str(include_str!("../examples/plan-simulate.json")).expect("the example is JSON");
    req["trials"] = json!(10);
    req
}

/// Plan partners and objectives are counted while the plan is read (1,000 plan
/// partners or 100,000 objectives took over 120 s in `simulate` and `audit` before);
/// a month-by-month ramp and the audit's actual months are plan months.
#[test]
fn plan_partners_objectives_and_months_are_limited() {
    let mut req = plan_request();
    let partners: Vec<Value> = (0..=MAX_PLAN_PARTNERS)
        .map(|i| json!({"id": format!("p{i}"), "name": "P"}))
        .collect();
    req["plan"]["partners"] = json!(partners);
    too_large("simulate", &req, "plan.partners", "plan partners");
    too_large(
        "validate",
        &json!({"plan": {"partners": partners}}),
        "plan.partners",
        "plan partners",
    );

    let mut req = plan_request();
    let objective = json!({"metric": "revenue", "target": "1.00", "byMonth": 1});
    req["plan"]["objectives"] = json!(vec![objective; MAX_OBJECTIVES + 1]);
    too_large("simulate", &req, "plan.objectives", "objectives");

    let mut req = plan_request();
    req["plan"]["pipeline"]["opportunitiesPerMonth"] = json!(vec![1.0; MAX_PLAN_MONTHS + 1]);
    too_large("simulate", &req, "plan.pipeline.opportunitiesPerMonth", "plan months");

    let mut req: Value =
        serde_json::from_str(include_str!("../examples/plan-audit.json")).expect("the example is JSON");
    let months: Vec<Value> = (1..=MAX_PLAN_MONTHS + 1).map(|m| json!({"month": m})).collect();
    req["actuals"]["months"] = json!(months);
    too_large("audit", &req, "actuals.months", "plan months");
}

/// At the limits, one trial of a plan of 100 partners, 1,000 objectives and 600
/// months stays well inside one step's budget (the time of the whole request at its
/// limits: bench/limits/run.sh).
/// A simulate request for a plan at every plan limit: 100 partners, 600 months, 1,000
/// objectives.
fn plan_at_limits() -> Value {
    let mut req = plan_request();
    let partners: Vec<Value> = (0..MAX_PLAN_PARTNERS)
        .map(|i| json!({"id": format!("p{i}"), "name": "P", "investments": {"monthlyCost": "10.00"}}))
        .collect();
    req["plan"]["partners"] = json!(partners);
    let shares: serde_json::Map<String, Value> = (0..MAX_PLAN_PARTNERS).map(|i| (format!("p{i}"), json!(1))).collect();
    req["plan"]["split"] = json!({"model": "fixed", "shares": shares});
    req["plan"]["horizonMonths"] = json!(MAX_PLAN_MONTHS);
    let objectives: Vec<Value> = (0..MAX_OBJECTIVES)
        .map(|i| json!({"metric": format!("share:p{}", i % MAX_PLAN_PARTNERS), "target": "1.00", "byMonth": 1 + i % MAX_PLAN_MONTHS}))
        .collect();
    req["plan"]["objectives"] = json!(objectives);
    req
}

#[test]
fn a_plan_at_its_limits_simulates() {
    let mut req = plan_at_limits();
    req["trials"] = json!(2);
    let t = Instant::now();
    let out = run("simulate", &req).unwrap();
    assert_eq!(out["months"].as_array().unwrap().len(), MAX_PLAN_MONTHS);
    assert_eq!(out["objectives"].as_array().unwrap().len(), MAX_OBJECTIVES);
    assert!(t.elapsed().as_secs_f64() < 10.0, "{:?}", t.elapsed());
}

/// `agreement` and `audit` run all their trials in one call: trials × months ×
/// (partners + objectives) is limited to 30,000,000 simulated months. Hand-computed: a
/// plan at its limits is 600 × (100 + 1,000) = 660,000 months a trial, so 45 trials
/// (29,700,000) fit and 46 (30,360,000) do not; the example plans (24 months, 2
/// partners, 3 objectives: 120 a trial) allow 250,000 trials.
#[test]
fn one_call_simulations_are_limited_by_their_work() {
    use dealteam::plan::model::{check_one_call_work, simulated_months};
    use dealteam::plan::types::Plan;
    let at_limits: Plan = serde_json::from_value(plan_at_limits()["plan"].clone()).unwrap();
    assert_eq!(simulated_months(45, &at_limits), 29_700_000);
    assert!(check_one_call_work(45, &at_limits).is_ok());
    let e = check_one_call_work(46, &at_limits).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "trials"));
    assert!(
        e.message.contains("30360000 simulated months") && e.message.contains("at most 45 trials"),
        "{}",
        e.message
    );

    let mut req = plan_at_limits();
    req["trials"] = json!(46);
    too_large("agreement", &req, "trials", "simulated months per call");
    too_large("validate", &req, "trials", "simulated months per call");
    req["actuals"] = json!({"months": [{"month": 1, "bookings": "10.00"}]});
    too_large("audit", &req, "trials", "simulated months per call");

    let mut req: Value =
        serde_json::from_str(include_str!("../examples/plan-agreement.json")).expect("the example is JSON");
    req["trials"] = json!(250_001);
    let e = run("agreement", &req).unwrap_err();
    assert!(e.message.contains("at most 250000 trials"), "{}", e.message);
    let mut req: Value =
        serde_json::from_str(include_str!("../examples/plan-audit.json")).expect("the example is JSON");
    req["trials"] = json!(250_001);
    let e = run("audit", &req).unwrap_err();
    assert!(e.message.contains("at most 250000 trials"), "{}", e.message);
}

#[test]
fn requirements_per_deal_are_limited() {
    // the example's partners have `product` and `cloud`; the rest nobody covers
    let reqs: Vec<Value> = (0..=MAX_REQUIREMENTS)
        .map(|k| {
            let capability = ["product", "cloud"].get(k).map_or(format!("c{k}"), |c| c.to_string());
            json!({"capability": capability, "weight": 1})
        })
        .collect();
    let mut req: Value = serde_json::from_str(include_str!("../examples/teams.json")).expect("the example is JSON");
    req["deal"]["requirements"] = json!(reqs);
    too_large("teams", &req, "deal.requirements", "requirements per deal");
    let mut req: Value = serde_json::from_str(include_str!("../examples/split.json")).expect("the example is JSON");
    req["deal"]["requirements"] = json!(reqs);
    too_large("split", &req, "deal.requirements", "requirements per deal");
    req["deal"]["requirements"] = json!(reqs[..MAX_REQUIREMENTS]);
    let ok = run("split", &req);
    assert!(ok.is_ok(), "{MAX_REQUIREMENTS} requirements are allowed: {ok:?}");
}

/// A `split` of `n` members of a one-requirement deal by `model` (sampled above 20 members).
fn sampled_split(n: usize, model: &str, samples: u32) -> Value {
    let partners: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("P{i}"), "kind": "si", "capabilities": {"cloud": (i % 10) as f64 / 10.0}}))
        .collect();
    let members: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    json!({"amount": "1000.00", "currency": "EUR", "members": members, "model": model, "samples": samples,
        "ecosystem": {"partners": partners},
        "deal": {"id": "d", "name": "D", "value": "1000.00", "currency": "EUR",
                 "requirements": [{"capability": "cloud", "weight": 1}], "slots": [{"role": "si", "min": 1, "max": 16}]}})
}

#[test]
fn sampling_is_limited_by_its_steps_and_says_how_many_samples_fit() {
    use dealteam::splits::values::MAX_SAMPLED_STEPS;
    // shapley of a winProbability game: 8 + 1 steps per member of a one-requirement deal
    let n = 1_000;
    let fit = (MAX_SAMPLED_STEPS / (n * 9) / 2 * 2) as u32;
    let e = run("split", &sampled_split(n, "shapley", fit + 2)).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "samples"), "{e}");
    assert!(
        e.message.contains(&format!("use at most {fit} samples")),
        "{}",
        e.message
    );
    // myerson also reads each link of the graph along every order: a star of n − 1 links
    let mut req = sampled_split(n, "myerson", 2);
    req["graph"] = json!((1..n).map(|i| json!(["p0", format!("p{i}")])).collect::<Vec<_>>());
    let fit = (MAX_SAMPLED_STEPS / ((n + 2 * (n - 1)) * 9) / 2 * 2) as u32;
    req["samples"] = json!(fit + 2);
    let e = run("split", &req).unwrap_err();
    assert!(
        e.message.contains(&format!("use at most {fit} samples")),
        "{}",
        e.message
    );
}

#[test]
fn compare_runs_each_model_once() {
    let mut req: Value =
        serde_json::from_str(include_str!("../examples/split-compare.json")).expect("the example is JSON");
    req["models"] = json!(["shapley", "banzhaf", "shapley"]);
    let e = run("split", &req).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "models[2]"),
        "{e}"
    );
    assert!(e.message.contains("`shapley` is already in the list"), "{}", e.message);
    req["models"] = json!(["shapley", "banzhaf"]);
    assert!(run("split", &req).is_ok());
}

#[test]
fn bonus_pairs_are_limited_while_reading() {
    let pair = json!({"a": "a", "b": "b", "bonus": "1.00"});
    let game =
        json!({"kind": "additiveSynergy", "standalone": {"a": "1.00"}, "pairs": vec![pair; MAX_BONUS_PAIRS + 1]});
    let req = json!({"amount": "10.00", "currency": "EUR", "members": ["a", "b"], "model": "shapley", "game": game});
    // read inside the tagged `game` (serde buffers it whole), so the path is the game's
    too_large("split", &req, "game", "bonus pairs");
}

#[test]
fn a_pair_listed_twice_adds_its_bonuses() {
    let game =
        |pairs: Value| json!({"kind": "additiveSynergy", "standalone": {"a": "1.00", "b": "1.00"}, "pairs": pairs});
    let req = |pairs: Value| json!({"amount": "10.00", "currency": "EUR", "members": ["a", "b", "c"], "model": "contribution", "game": game(pairs)});
    let twice = run(
        "split",
        &req(json!([{"a": "a", "b": "c", "bonus": "2.00"}, {"a": "c", "b": "a", "bonus": "4.00"}])),
    )
    .unwrap();
    let once = run("split", &req(json!([{"a": "a", "b": "c", "bonus": "6.00"}]))).unwrap();
    assert_eq!(twice["allocations"], once["allocations"]);
}
