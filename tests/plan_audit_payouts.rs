#![cfg(not(target_arch = "wasm32"))]
//! SPEC §13 (last line): `auditPlan` recomputes the incentive ledger on the actual
//! customers — a hand-computed case (the same deals as the simulation's hand-computed
//! ledger), the same customers as CSV columns, bad customers, and the ledger identity on
//! random actuals.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::plan::audit::payouts::{actual_ledger, actual_log};
use dealteam::plan::model::check_plan;
use dealteam::plan::{Actuals, Plan};
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Beta: 40 % of revenue in months 1–3 since booking, then 20 %, 100.00 per booking;
/// held 1 month, paid in 2 monthly instalments; churn within 3 months is clawed back.
fn plan() -> Value {
    json!({
        "id": "inc", "currency": "EUR", "horizonMonths": 6,
        "partners": [
            {"id": "p1", "name": "Acme", "role": "isv", "lead": true},
            {"id": "p2", "name": "Beta", "role": "si"}],
        "offer": {"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.08},
        "pipeline": {"opportunitiesPerMonth": 3, "winProbability": 0.4,
            "dealSize": {"distribution": "lognormal", "median": "12000.00", "p90": "30000.00"},
            "salesCycleDays": {"distribution": "triangular", "min": 10, "mode": 30, "max": 60}},
        "split": {"model": "fixed", "shares": {"p1": 70, "p2": 30}},
        "incentives": {
            "rates": [{"partner": "p2", "bounty": "100.00",
                "schedule": [{"fromMonth": 1, "toMonth": 3, "percent": 40}, {"fromMonth": 4, "percent": 20}]}],
            "holdMonths": 1, "instalments": {"count": 2, "everyMonths": 1}, "clawbackMonths": 3}
    })
}

fn audit(actuals: Value, csv: Option<&str>) -> Result<Value, dealteam::DealteamError> {
    let mut req = json!({"plan": plan(), "trials": 200, "seed": 3});
    match csv {
        Some(text) => req["actualsCsv"] = json!(text),
        None => req["actuals"] = actuals,
    }
    run_json("audit", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

/// A: booked in month 1, 1,000.00 a month, churned after its third month; B: booked in
/// month 2, 500.00 a month to the horizon.
fn deals() -> Value {
    json!([
        {"customer": "Northwind", "bookedMonth": 1, "revenue": ["1000.00", "1000.00", "1000.00"], "ended": "churn"},
        {"customer": "Contoso", "bookedMonth": 2, "revenue": ["500.00", "500.00", "500.00", "500.00", "500.00"]}])
}

#[test]
fn payouts_are_recomputed_on_the_actual_customers() {
    let out = audit(
        json!({"months": [{"month": 1, "revenue": "1000.00"}], "deals": deals()}),
        None,
    )
    .unwrap();
    let pays = out["payouts"].as_array().expect("payouts with incentives");
    assert_eq!(pays.len(), 1, "only Beta is rewarded: {pays:?}");
    let b = &pays[0];
    assert_eq!(b["partnerId"], "p2");
    assert_eq!(b["throughMonth"], 6);
    // the simulation's hand-computed ledger of the same deals (tests/plan_incentives.rs):
    // earned 500+700+600+200+100+100, paid 250+600, held 150 and balance −100 at month 6,
    // A's 1,300.00 clawed back in month 4
    let a = &b["actual"];
    assert_eq!(a["earned"], "2200.00");
    assert_eq!(a["paid"], "850.00");
    assert_eq!(a["held"], "150.00");
    assert_eq!(a["clawedBack"], "1300.00");
    assert_eq!(a["balance"], "-100.00");
    // the expectation is the simulation's, over the same months, and adds up
    let e = &b["expected"];
    let d = |v: &Value| v.as_str().unwrap().parse::<f64>().unwrap();
    assert!(d(&e["earned"]) > 0.0);
    let sum = d(&e["paid"]) + d(&e["held"]) + d(&e["clawedBack"]) + d(&e["balance"]);
    assert!((sum - d(&e["earned"])).abs() < 0.06, "{e}");
    // without incentives there are no payouts
    let mut req = json!({"plan": plan(), "actuals": {"months": [], "deals": deals()}, "trials": 50});
    req["plan"].as_object_mut().unwrap().remove("incentives");
    let out = run_json("audit", &req.to_string(), false, &Ctx::frozen()).unwrap();
    assert!(!out.contains("\"payouts\""));
}

#[test]
fn customers_from_csv_columns_give_the_same_payouts() {
    let csv = "month,revenue,customer:Northwind,customer:Contoso\n\
               1,1000.00,1000.00,\n2,,1000.00,500.00\n3,,1000,500\n4,,churn,500\n5,,,500\n6,,,500\n";
    let from_csv = audit(Value::Null, Some(csv)).unwrap();
    let from_json = audit(
        json!({"months": [{"month": 1, "revenue": "1000.00"}], "deals": deals()}),
        None,
    )
    .unwrap();
    assert_eq!(from_csv["payouts"], from_json["payouts"]);
    // an amount after the end, an end before any revenue, a word that is not an amount
    let bad = "month,customer:A,customer:B,customer:C\n1,100,churn,x\n2,churn,,\n3,5,,\n";
    let e = audit(Value::Null, Some(bad)).unwrap_err();
    let all: Vec<(String, ErrorCode)> = std::iter::once(&e)
        .chain(&e.others)
        .map(|x| (x.path.clone(), x.code))
        .collect();
    assert!(
        all.contains(&("actualsCsv[4].customer:A".into(), ErrorCode::InvalidValue)),
        "{all:?}"
    );
    assert!(
        all.contains(&("actualsCsv[2].customer:B".into(), ErrorCode::InvalidValue)),
        "{all:?}"
    );
    assert!(
        all.contains(&("actualsCsv[2].customer:C".into(), ErrorCode::InvalidMoney)),
        "{all:?}"
    );
}

#[test]
fn bad_customers_name_their_field_and_what_to_change() {
    let e = audit(
        json!({"months": [], "deals": [
            {"bookedMonth": 0, "revenue": []},
            {"bookedMonth": 5, "revenue": ["1.00", "1.00", "1.00"]},
            {"bookedMonth": 1, "revenue": ["-5.00"]},
            {"bookedMonth": 1, "revenue": ["1.001"]}]}),
        None,
    )
    .unwrap_err();
    let all: Vec<_> = std::iter::once(&e).chain(&e.others).collect();
    let find = |path: &str| {
        all.iter()
            .find(|x| x.path == path)
            .unwrap_or_else(|| panic!("{path}: {all:?}"))
    };
    assert_eq!(find("actuals.deals[0].bookedMonth").code, ErrorCode::InvalidValue);
    assert!(find("actuals.deals[0].bookedMonth").message.contains("from 1 to 6"));
    assert!(find("actuals.deals[1].revenue").message.contains("give at most 2"));
    assert_eq!(find("actuals.deals[2].revenue[0]").code, ErrorCode::InvalidMoney);
    assert!(all.iter().any(|x| x.path == "actuals.deals[3].revenue[0]"));
}

fn parse_plan(v: Value) -> Plan {
    dealteam::json::from_str(&v.to_string()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// On any actual customers the ledger identity holds to the minor unit in every month.
    #[test]
    fn the_ledger_identity_holds_on_actuals(
        deals in prop::collection::vec((1u32..=6, prop::collection::vec(0i64..400_000, 0..6), 0u8..3), 0..8),
        hold in 0u32..3, parts in 1u32..4, claw in 0u32..6, minimum in 0i64..100_000,
    ) {
        let mut p = plan();
        p["incentives"]["holdMonths"] = json!(hold);
        p["incentives"]["instalments"] = json!({"count": parts, "everyMonths": 1});
        p["incentives"]["clawbackMonths"] = json!(claw);
        p["incentives"]["minimumPayout"] = json!(format!("{}.{:02}", minimum / 100, minimum % 100));
        let model = check_plan(&parse_plan(p)).unwrap();
        let inc = model.incentives.as_ref().unwrap();
        let ds: Vec<Value> = deals.iter().map(|(b, rev, end)| {
            let n = rev.len().min(7 - *b as usize);
            let rev: Vec<String> = rev[..n].iter().map(|u| format!("{}.{:02}", u / 100, u % 100)).collect();
            let mut d = json!({"bookedMonth": b, "revenue": rev});
            if *end > 0 { d["ended"] = json!(if *end == 1 { "churn" } else { "refund" }); }
            d
        }).collect();
        let actuals: Actuals = dealteam::json::from_str(&json!({"months": [], "deals": ds}).to_string()).unwrap();
        let (log, revenue) = actual_log(&actuals, 2, 6).unwrap();
        let book = actual_ledger(inc, 2, 6, &revenue, &log);
        for m in 0..6 {
            prop_assert!(book.identity_holds(1, m), "month {}", m + 1);
        }
        // what has been paid is never negative
        prop_assert!(book.row(&book.paid, 1).iter().all(|&x| x >= 0));
    }
}
