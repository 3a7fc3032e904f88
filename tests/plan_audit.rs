#![cfg(not(target_arch = "wasm32"))]
//! SPEC §7 `audit` on a hand-computed case, its errors, and the Markdown agreement.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::ErrorCode;
use serde_json::{json, Value};

/// Deal size fixed at 1000.00 (p90 = median), every opportunity won and closed in the
/// month it opens: expected bookings = expected pipeline = 2 × 1000.00 a month.
fn plan() -> Value {
    json!({
        "id": "a", "name": "Audit case", "currency": "EUR", "horizonMonths": 6,
        "partners": [
            {"id": "p1", "name": "Acme", "lead": true, "investments": {"mdf": "300.00", "enablement": "200.00", "monthlyCost": "100.00"}},
            {"id": "p2", "name": "Beta", "investments": {"monthlyCost": "50.00"}}],
        "offer": {"kind": "oneTime"},
        "pipeline": {"opportunitiesPerMonth": 2, "winProbability": 1,
            "dealSize": {"distribution": "lognormal", "median": "1000.00", "p90": "1000.00"},
            "salesCycleDays": {"distribution": "triangular", "min": 0, "mode": 0, "max": 0}},
        "split": {"model": "fixed", "shares": {"p1": 60, "p2": 40}},
        "objectives": [
            {"metric": "bookings", "target": "4000.00", "byMonth": 6},
            {"metric": "revenue", "target": "99999.00", "byMonth": 2},
            {"metric": "share:p2", "target": "99999.00", "byMonth": 6},
            {"metric": "share:p1", "target": "99999.00", "byMonth": 6}]
    })
}

fn audit(actuals: Value) -> Result<Value, dealteam::DealteamError> {
    let req = json!({"plan": plan(), "actuals": actuals, "trials": 4000, "seed": 3});
    run_json("audit", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

#[test]
fn hand_computed_audit() {
    let out = audit(json!({"months": [
        {"month": 2, "bookings": "5000.00", "revenue": "1000.01", "pipeline": "2500.00", "costs": {"p1": "120.00"}},
        {"month": 1, "revenue": "0.03", "costs": {"p1": "600.00", "p2": "50.00"}, "metrics": {"share:p1": "0.00"}}
    ]}))
    .unwrap();
    // months sorted, expectations: pipeline analytic 2 × 1000.00
    assert_eq!(out["months"][0]["month"], 1);
    assert_eq!(out["months"][1]["expectedPipeline"], "2000.00");
    let var = |item: &str, month: u64| {
        out["variances"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["item"] == item && v["month"] == month)
            .cloned()
            .unwrap()
    };
    let p = var("pipeline", 2);
    assert_eq!(
        (p["actual"].as_str(), p["expected"].as_str(), p["variance"].as_str()),
        (Some("2500.00"), Some("2000.00"), Some("500.00"))
    );
    assert_eq!(p["ratio"], 0.25);
    // costs are the plan's investments: month 1 = 300 + 200 + 100, month 2 = 100
    let c1 = var("costs:p1", 1);
    assert_eq!(
        (c1["expected"].as_str(), c1["variance"].as_str()),
        (Some("600.00"), Some("0.00"))
    );
    let c2 = var("costs:p1", 2);
    assert_eq!(
        (c2["expected"].as_str(), c2["variance"].as_str(), c2["ratio"].as_f64()),
        (Some("100.00"), Some("20.00"), Some(0.2))
    );
    assert_eq!(var("costs:p2", 1)["expected"], "50.00");
    // bookings expectation is the simulation mean of 2 × 1000.00 deals: close to 2000
    let b = var("bookings", 2);
    let e: f64 = b["expected"].as_str().unwrap().parse().unwrap();
    assert!(
        (e - 2000.0).abs() < 4.0 * (2.0f64).sqrt() * 1000.0 / (4000f64).sqrt(),
        "{e}"
    );
    // the split on actual revenue: 1000.01 → 600.01 / 400.00 (§4 largest remainder), 0.03 → 0.02 / 0.01
    let s = &out["split"];
    assert_eq!(s["revenue"], "1000.04");
    assert_eq!(
        s["allocations"],
        json!([{"partnerId": "p1", "amount": "600.03"}, {"partnerId": "p2", "amount": "400.01"}])
    );
    assert_eq!(
        s["months"][0]["allocations"],
        json!([{"partnerId": "p1", "amount": "0.02"}, {"partnerId": "p2", "amount": "0.01"}])
    );
    assert_eq!(s["months"][1]["allocations"][0]["amount"], "600.01");
    // objectives
    let o = out["objectives"].as_array().unwrap();
    assert_eq!(
        (
            o[0]["status"].as_str(),
            o[0]["actual"].as_str(),
            o[0]["throughMonth"].as_u64()
        ),
        (Some("met"), Some("5000.00"), Some(2))
    );
    assert_eq!(
        (o[1]["status"].as_str(), o[1]["actual"].as_str()),
        (Some("missed"), Some("1000.04"))
    );
    assert_eq!(
        (o[2]["status"].as_str(), o[2]["actual"].as_str()),
        (Some("offTrack"), Some("400.01"))
    );
    // share:p1 reported directly as 0.00 in month 1 overrides the split's 0.02
    assert_eq!(o[3]["actual"], "600.01");
}

#[test]
fn on_track_when_ahead_of_the_expected_path() {
    let out = audit(json!({"months": [{"month": 1, "revenue": "9000.00"}]})).unwrap();
    let o = &out["objectives"][2];
    assert_eq!(
        (o["status"].as_str(), o["actual"].as_str()),
        (Some("onTrack"), Some("3600.00"))
    );
}

#[test]
fn actuals_errors() {
    let e = audit(json!({"months": [{"month": 7, "revenue": "1.00"}]})).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "actuals.months[0].month")
    );
    let e = audit(json!({"months": [{"month": 0}]})).unwrap_err();
    assert_eq!(e.path, "actuals.months[0].month");
    let e = audit(json!({"months": [{"month": 1}, {"month": 1}]})).unwrap_err();
    assert_eq!(e.path, "actuals.months[1].month");
    let e = audit(json!({"months": [{"month": 1, "costs": {"p9": "1.00"}}]})).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownPartner, "actuals.months[0].costs.p9")
    );
    let e = audit(json!({"months": [{"month": 1, "metrics": {"share:zz": "1.00"}}]})).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownPartner);
    let e = audit(json!({"months": [{"month": 1, "revenue": "1.001"}]})).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidMoney, "actuals.months[0].revenue")
    );
    let e = audit(json!({"months": [{"month": 1, "revenu": "1.00"}]})).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownField);
}

#[test]
fn the_agreement_has_every_section_and_escapes_user_text() {
    let mut plan: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-example.json")).unwrap(),
    )
    .unwrap();
    plan["partners"][1]["name"] = json!("*Beta* | <b>Integrators</b>");
    let md = run_json(
        "agreement",
        &json!({"plan": plan, "trials": 500, "seed": 1}).to_string(),
        false,
        &Ctx::frozen(),
    )
    .unwrap();
    for h in [
        "# Collaboration agreement: Hospital cloud platform",
        "## 1. Parties",
        "## 2. Leadership and delivery",
        "## 3. The collaboration",
        "## 4. Joint objectives",
        "## 5. How success is measured",
        "## 6. Remuneration and revenue split",
        "## 7. Investments",
        "## 8. Pipeline and sales cycle",
        "## 9. Rules of engagement",
        "## 10. Customer data",
        "## 11. Governance",
        "## 12. Dispute mediation",
        "## 13. Legal terms",
        "## 14. Exclusivity",
        "## 15. Shared values and vision",
        "## 16. Simulated outlook",
        "## 17. Open points",
        "## 18. Signatures",
    ] {
        assert!(md.contains(h), "missing {h}");
    }
    assert!(md.contains(r"\*Beta\* \| \<b\>Integrators\</b\>"), "escaped name");
    assert!(!md.contains("<b>"));
    assert!(
        md.contains("| Acme Software | 60"),
        "the split table has the expected shares:\n{md}"
    );
    assert!(
        md.contains("Alex Rivera") && md.contains("Northwind Advisory") && md.contains("1. Partnership managers meet")
    );
    assert!(md.contains("500 simulated outcomes, seed 1"));
    // same input, same text
    let again = run_json(
        "agreement",
        &json!({"plan": plan, "trials": 500, "seed": 1}).to_string(),
        false,
        &Ctx::frozen(),
    )
    .unwrap();
    assert_eq!(md, again);
    // an incomplete plan still renders, with its open points
    let md = run_json("agreement", r#"{"plan": {"name": "Draft"}}"#, false, &Ctx::frozen()).unwrap();
    assert!(md.contains("The plan cannot be simulated yet") && md.contains("Mark exactly one partner as the lead"));
}
