#![cfg(not(target_arch = "wasm32"))]
//! SPEC §15: the audit re-forecasts the remaining months conditioned on the actuals —
//! hand-computed run-offs, k = 0 equals the plain simulation, k = horizon is decided by
//! the actuals, the flags by the plan's thresholds, partner profitability, and
//! properties over random plans and actuals.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

/// No new deal is ever won (win probability 0): the future is the run-off of the
/// existing customers only, so every figure can be computed by hand.
fn runoff_plan(offer: Value) -> Value {
    json!({
        "id": "r", "name": "Run-off", "currency": "EUR", "horizonMonths": 4,
        "partners": [
            {"id": "p1", "name": "Acme", "lead": true, "investments": {"mdf": "0.00", "monthlyCost": "100.00"}},
            {"id": "p2", "name": "Beta", "investments": {"enablement": "40.00"}}],
        "offer": offer,
        "pipeline": {"opportunitiesPerMonth": 3, "winProbability": 0,
            "dealSize": {"distribution": "lognormal", "median": "1000.00", "p90": "2000.00"},
            "salesCycleDays": {"distribution": "triangular", "min": 0, "mode": 10, "max": 20}},
        "split": {"model": "fixed", "shares": {"p1": 60, "p2": 40}},
        "objectives": [
            {"metric": "revenue", "target": "3710.00", "byMonth": 4},
            {"metric": "revenue", "target": "3710.01", "byMonth": 4},
            {"metric": "share:p2", "target": "800.00", "byMonth": 2}]
    })
}

fn audit(plan: &Value, actuals: Value, trials: u64, seed: u64) -> Result<Value, dealteam::DealteamError> {
    let req = json!({"plan": plan, "actuals": actuals, "trials": trials, "seed": seed});
    run_json("audit", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn two_months() -> Value {
    json!({"months": [
        {"month": 1, "revenue": "1000.00", "costs": {"p1": "150.00"}},
        {"month": 2, "revenue": "1000.00"}]})
}

#[test]
fn subscription_run_off_by_hand() {
    // s = (1 − 0.1) × (1 − (1 − 1) / 1) = 0.9: month 3 = 900.00, month 4 = 810.00
    let plan = runoff_plan(json!({"kind": "subscription", "termMonths": 1, "monthlyChurn": 0.1, "renewalRate": 1}));
    let r = &audit(&plan, two_months(), 50, 7).unwrap()["reforecast"];
    assert_eq!(r["throughMonth"], 2);
    let rev: Vec<&str> = (0..4)
        .map(|i| r["months"][i]["revenue"]["p50"].as_str().unwrap())
        .collect();
    assert_eq!(rev, ["1000.00", "1000.00", "900.00", "810.00"]);
    assert_eq!(r["months"][3]["revenue"]["p5"], "810.00");
    // 1000 + 1000 + 900 + 810 = 3710: the first target is certain, the second impossible
    let o = r["objectives"].as_array().unwrap();
    assert_eq!(
        (o[0]["now"].as_f64(), o[0]["flag"].as_str()),
        (Some(1.0), Some("onTrack"))
    );
    assert_eq!(
        (o[1]["now"].as_f64(), o[1]["flag"].as_str()),
        (Some(0.0), Some("offTrack"))
    );
    assert_eq!(o[0]["expectedNow"], "3710.00");
    assert_eq!(o[0]["actualToDate"], "2000.00");
    // at signing nothing is ever won: revenue 0, both revenue objectives impossible
    assert_eq!(
        (o[0]["atSigning"].as_f64(), o[0]["expectedAtSigning"].as_str()),
        (Some(0.0), Some("0.00"))
    );
    // share:p2 by month 2 is fixed by the actuals: 400 + 400 = 800 ≥ 800
    assert_eq!(
        (o[2]["actualToDate"].as_str(), o[2]["now"].as_f64()),
        (Some("800.00"), Some(1.0))
    );
    // partners: p1 gets 60 % of 3710 = 2226; its costs to date are 150 reported in month 1
    // and the planned 100 in month 2 (not reported), then 100 a month
    let p1 = &r["partners"][0];
    assert_eq!(
        [&p1["shareToDate"], &p1["costsToDate"], &p1["profitToDate"]],
        ["1200.00", "250.00", "950.00"]
    );
    assert_eq!(
        [&p1["expectedShare"], &p1["expectedInvestment"], &p1["expectedProfit"]],
        ["2226.00", "450.00", "1776.00"]
    );
    // at signing: no revenue, 400.00 invested over four months
    assert_eq!(p1["expectedProfitAtSigning"], "-400.00");
    // p2: 40 % of 3710 = 1484; enablement 40.00 in month 1 (no cost reported)
    let p2 = &r["partners"][1];
    assert_eq!(
        [&p2["shareToDate"], &p2["costsToDate"], &p2["expectedProfit"]],
        ["800.00", "40.00", "1444.00"]
    );
}

#[test]
fn run_off_of_term_ends_growth_and_one_time_offers() {
    let month3 = |offer: Value| {
        let r = audit(&runoff_plan(offer), two_months(), 20, 1).unwrap();
        let m = &r["reforecast"]["months"];
        (
            m[2]["revenue"]["p50"].as_str().unwrap().to_string(),
            m[3]["revenue"]["p50"].as_str().unwrap().to_string(),
        )
    };
    // term 12, no churn, renewal 0.4: s = 1 − 0.6 / 12 = 0.95 → 950.00, 902.50
    assert_eq!(
        month3(json!({"kind": "subscription", "termMonths": 12, "renewalRate": 0.4})),
        ("950.00".into(), "902.50".into())
    );
    // consumption growing 10 %, term 1 renewing always: s = 1.1 → 1100.00, 1210.00
    assert_eq!(
        month3(json!({"kind": "consumption", "termMonths": 1, "monthlyGrowth": 0.1, "renewalRate": 1})),
        ("1100.00".into(), "1210.00".into())
    );
    // one-time revenue does not recur
    assert_eq!(month3(json!({"kind": "oneTime"})), ("0.00".into(), "0.00".into()));
}

#[test]
fn flags_follow_the_plans_thresholds() {
    let mut plan = runoff_plan(json!({"kind": "subscription", "termMonths": 1, "monthlyChurn": 0.1, "renewalRate": 1}));
    plan["audit"] = json!({"onTrackAbove": 1.0, "offTrackBelow": 0.0});
    let r = audit(&plan, two_months(), 20, 1).unwrap();
    let o = &r["reforecast"]["objectives"];
    // 1 ≥ 1: on track; 0 is not below 0: at risk
    assert_eq!(
        (o[0]["flag"].as_str(), o[1]["flag"].as_str()),
        (Some("onTrack"), Some("atRisk"))
    );
    assert_eq!(
        r["reforecast"]["thresholds"],
        json!({"onTrackAbove": 1.0, "offTrackBelow": 0.0})
    );
    for (audit_terms, path) in [
        (json!({"onTrackAbove": 1.5}), "plan.audit.onTrackAbove"),
        (json!({"offTrackBelow": -0.1}), "plan.audit.offTrackBelow"),
        (
            json!({"onTrackAbove": 0.4, "offTrackBelow": 0.5}),
            "plan.audit.offTrackBelow",
        ),
    ] {
        plan["audit"] = audit_terms;
        let e = audit(&plan, two_months(), 20, 1).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, path));
    }
    plan["audit"] = json!({"onTrackAbov": 0.5});
    assert_eq!(
        audit(&plan, two_months(), 20, 1).unwrap_err().code,
        ErrorCode::UnknownField
    );
}

fn example() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plan-audit.json")).unwrap(),
    )
    .unwrap()
}

#[test]
fn no_actuals_is_the_plain_simulation_exactly() {
    let plan = example()["plan"].clone();
    let out = audit(&plan, json!({"months": []}), 600, 9).unwrap();
    let sim: Value = serde_json::from_str(
        &run_json(
            "simulate",
            &json!({"plan": plan, "trials": 600, "seed": 9}).to_string(),
            false,
            &Ctx::frozen(),
        )
        .unwrap(),
    )
    .unwrap();
    let r = &out["reforecast"];
    assert_eq!(r["throughMonth"], 0);
    for (i, m) in r["months"].as_array().unwrap().iter().enumerate() {
        assert_eq!(m["bookings"], m["planBookings"], "month {}", i + 1);
        assert_eq!(m["revenue"], m["planRevenue"], "month {}", i + 1);
        assert_eq!(m["revenue"], sim["months"][i]["revenue"]);
    }
    for (o, s) in r["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .zip(sim["objectives"].as_array().unwrap())
    {
        assert_eq!(o["now"], o["atSigning"]);
        assert_eq!(o["now"], s["probability"]);
        assert_eq!(o["expectedNow"], s["expected"]);
        assert_eq!(o["actualToDate"], "0.00");
    }
    for p in r["partners"].as_array().unwrap() {
        assert_eq!(p["expectedProfit"], p["expectedProfitAtSigning"]);
        assert_eq!(p["costsToDate"], "0.00");
    }
}

#[test]
fn actuals_to_the_horizon_decide_every_objective() {
    let req = example();
    let plan = req["plan"].clone();
    // 24 months of 150,000.00 bookings and 50,000.00 revenue: bookings 3.6 M ≥ 3 M,
    // revenue by month 18 = 900,000 < 1 M, p2's 40 % share = 480,000 < 500,000
    let months: Vec<Value> = (1..=24)
        .map(|m| json!({"month": m, "bookings": "150000.00", "revenue": "50000.00"}))
        .collect();
    let r = &audit(&plan, json!({ "months": months }), 300, 2).unwrap()["reforecast"];
    let now: Vec<f64> = r["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["now"].as_f64().unwrap())
        .collect();
    assert_eq!(now, [1.0, 0.0, 0.0]);
    let exp: Vec<&str> = r["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["expectedNow"].as_str().unwrap())
        .collect();
    assert_eq!(exp, ["3600000.00", "900000.00", "480000.00"]);
    assert_eq!(r["months"][23]["bookings"]["p5"], "150000.00");
}

#[test]
fn same_seed_same_reforecast_and_the_example_is_stable() {
    let req = example();
    let a = run_json("audit", &req.to_string(), false, &Ctx::frozen()).unwrap();
    let b = run_json("audit", &req.to_string(), false, &Ctx::frozen()).unwrap();
    assert_eq!(a, b);
    let mut other = req.clone();
    other["seed"] = json!(2);
    let c = run_json("audit", &other.to_string(), false, &Ctx::frozen()).unwrap();
    assert_ne!(a, c, "another seed gives another forecast");
}

/// A random plan with its actuals for months 1..k.
fn case() -> impl Strategy<Value = (Value, Value, usize)> {
    (
        2usize..10,
        0.05f64..0.9,
        prop::sample::select(vec!["oneTime", "subscription", "consumption"]),
        prop::collection::vec((0u32..400_000, 0u32..90_000), 0..10),
    )
        .prop_map(|(h, win, kind, rows)| {
            let mut plan = example()["plan"].clone();
            plan["horizonMonths"] = json!(h);
            plan["pipeline"]["winProbability"] = json!(win);
            plan["offer"] = match kind {
                "oneTime" => json!({"kind": "oneTime"}),
                "subscription" => {
                    json!({"kind": "subscription", "termMonths": 6, "monthlyChurn": 0.05, "renewalRate": 0.5})
                }
                _ => json!({"kind": "consumption", "termMonths": 6, "monthlyGrowth": 0.02, "monthlyChurn": 0.05}),
            };
            plan["objectives"] = json!([
                {"metric": "bookings", "target": "400000.00", "byMonth": h},
                {"metric": "revenue", "target": "60000.00", "byMonth": h.div_ceil(2)},
                {"metric": "share:p1", "target": "30000.00", "byMonth": h}]);
            let k = rows.len().min(h);
            let months: Vec<Value> = rows
                .iter()
                .take(k)
                .enumerate()
                .map(|(i, (b, r))| json!({"month": i + 1, "bookings": format!("{b}.00"), "revenue": format!("{r}.50")}))
                .collect();
            (plan, json!({ "months": months }), k)
        })
}

fn money(v: &Value) -> f64 {
    v.as_str().unwrap().parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Months 1..k are the actuals exactly, the bookings after k are the plan's (the same
    /// deals are booked in both), probabilities are probabilities, profits add up, and
    /// each partner's part of the actual revenue adds up to it.
    #[test]
    fn the_reforecast_keeps_the_actuals_and_the_plans_later_deals((plan, actuals, k) in case(), seed in 0u64..1000) {
        let out = audit(&plan, actuals.clone(), 120, seed).unwrap();
        let r = &out["reforecast"];
        prop_assert_eq!(r["throughMonth"].as_u64(), Some(k as u64));
        for (i, m) in r["months"].as_array().unwrap().iter().enumerate() {
            if i < k {
                let a = &actuals["months"][i];
                for q in ["p5", "p50", "p95", "mean"] {
                    prop_assert_eq!(&m["bookings"][q], &a["bookings"]);
                    prop_assert_eq!(&m["revenue"][q], &a["revenue"]);
                }
            } else {
                prop_assert_eq!(&m["bookings"], &m["planBookings"]);
            }
        }
        for o in r["objectives"].as_array().unwrap() {
            let p = o["now"].as_f64().unwrap();
            prop_assert!((0.0..=1.0).contains(&p));
            let flag = if p >= 0.7 { "onTrack" } else if p < 0.3 { "offTrack" } else { "atRisk" };
            prop_assert_eq!(o["flag"].as_str(), Some(flag));
        }
        let mut shares = 0.0;
        for p in r["partners"].as_array().unwrap() {
            let d = money(&p["shareToDate"]) - money(&p["costsToDate"]) - money(&p["profitToDate"]);
            prop_assert!(d.abs() < 1e-6);
            let d = money(&p["expectedShare"]) - money(&p["expectedInvestment"]) - money(&p["expectedProfit"]);
            prop_assert!(d.abs() < 1e-6);
            shares += money(&p["shareToDate"]);
        }
        prop_assert!((shares - money(&out["split"]["revenue"])).abs() < 1e-6);
    }

    /// More actual bookings never make the bookings objective less likely.
    #[test]
    fn more_bookings_never_lower_the_bookings_probability((plan, actuals, k) in case(), extra in 1u32..500_000) {
        prop_assume!(k > 0);
        let base = audit(&plan, actuals.clone(), 80, 5).unwrap();
        let mut more = actuals.clone();
        let b = money(&more["months"][0]["bookings"]) + f64::from(extra);
        more["months"][0]["bookings"] = json!(format!("{b:.2}"));
        let up = audit(&plan, more, 80, 5).unwrap();
        let p = |v: &Value| v["reforecast"]["objectives"][0]["now"].as_f64().unwrap();
        prop_assert!(p(&up) >= p(&base));
    }
}
