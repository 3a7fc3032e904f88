#![cfg(not(target_arch = "wasm32"))]
//! Issue 13, "Bad input" (SPEC §13, §0 errors): overlapping or unordered schedule
//! brackets, negative rates, thresholds out of order, holds or windows longer than the
//! horizon are `invalid_value` at the field's path with a message that says what to
//! change; every problem of the plan is reported at once, and nothing is simulated from
//! a half-valid plan (`simulate`, the step-wise `Simulation`, `auditPlan` and
//! `validatePlan` all refuse it). One case per line below; the horizon is 12 months.

use dealteam::clock::Ctx;
use dealteam::plan::audit::audit_plan;
use dealteam::plan::validate::validate_plan;
use dealteam::plan::{simulate, AuditRequest, Plan, SimulateRequest, Simulation};
use dealteam::{DealteamError, ErrorCode};
use serde_json::{json, Value};

fn plan(offer: Value, incentives: Value) -> Value {
    json!({
        "id": "bad", "currency": "EUR", "horizonMonths": 12,
        "partners": [
            {"id": "p1", "name": "Acme", "role": "isv", "lead": true},
            {"id": "p2", "name": "Beta", "role": "si"}],
        "offer": offer,
        "pipeline": {"opportunitiesPerMonth": 3, "winProbability": 0.4,
            "dealSize": {"distribution": "lognormal", "median": "12000.00", "p90": "30000.00"},
            "salesCycleDays": {"distribution": "triangular", "min": 10, "mode": 30, "max": 60}},
        "split": {"model": "fixed", "shares": {"p1": 70, "p2": 30}},
        "incentives": incentives
    })
}

fn subscription() -> Value {
    json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.05, "renewalRate": 0.5})
}

fn request(plan: &Value) -> SimulateRequest {
    dealteam::json::from_str(&json!({"plan": plan, "trials": 20, "seed": 1}).to_string()).unwrap()
}

/// Every error of `simulate` on the plan with `incentives` (subscription offer).
fn errors(incentives: Value) -> Vec<DealteamError> {
    errors_of(&plan(subscription(), incentives))
}

fn errors_of(plan: &Value) -> Vec<DealteamError> {
    let Err(e) = simulate(request(plan), &Ctx::native()) else {
        panic!("a half-valid plan was simulated")
    };
    let mut all = vec![e.clone()];
    all.extend(e.others);
    all
}

/// The only error at `path`: `invalid_value`, its message containing each of `says`.
fn expect(all: &[DealteamError], path: &str, says: &[&str]) {
    let at: Vec<_> = all
        .iter()
        .filter(|e| e.path == format!("plan.incentives.{path}"))
        .collect();
    assert_eq!(at.len(), 1, "one error at {path}: {all:?}");
    assert_eq!(at[0].code, ErrorCode::InvalidValue, "{path}");
    for s in says {
        assert!(
            at[0].message.contains(s),
            "{path}: «{}» does not say «{s}»",
            at[0].message
        );
    }
}

fn rates(schedule: Value) -> Value {
    json!({"rates": [{"partner": "p2", "schedule": schedule}]})
}

#[test]
fn overlapping_brackets() {
    // months 1–6 then from month 4: month 4 would have two rates
    let all = errors(rates(
        json!([{"fromMonth": 1, "toMonth": 6, "percent": 40}, {"fromMonth": 4, "percent": 20}]),
    ));
    expect(
        &all,
        "rates[0].schedule[1].fromMonth",
        &["covers months up to 6", "start this one at 7 or later"],
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn unordered_brackets() {
    // months 4–6 listed before months 1–3
    let all = errors(rates(
        json!([{"fromMonth": 4, "toMonth": 6, "percent": 20}, {"fromMonth": 1, "toMonth": 3, "percent": 40}]),
    ));
    expect(
        &all,
        "rates[0].schedule[1].fromMonth",
        &["in order", "start this one at 7 or later"],
    );
    // after an open-ended bracket nothing can follow: give the one before an end
    let all = errors(rates(
        json!([{"fromMonth": 4, "percent": 20}, {"fromMonth": 1, "toMonth": 3, "percent": 40}]),
    ));
    expect(
        &all,
        "rates[0].schedule[1].fromMonth",
        &["no toMonth", "give the bracket before a toMonth"],
    );
    // a bracket that ends before it starts, and month 0
    let all = errors(rates(
        json!([{"fromMonth": 0, "toMonth": 2, "percent": 5}, {"fromMonth": 5, "toMonth": 3, "percent": 5}]),
    ));
    expect(&all, "rates[0].schedule[0].fromMonth", &["start at 1"]);
    expect(
        &all,
        "rates[0].schedule[1].toMonth",
        &["make toMonth at least fromMonth"],
    );
}

#[test]
fn negative_rates() {
    let inc = json!({
        "rates": [{"partner": "p2", "schedule": [{"fromMonth": 1, "percent": -5}]}],
        "thresholds": [{"partner": "p2", "period": "quarter", "mode": "reset", "tiers": [{"revenue": "10000.00", "bonusPercent": -1}]}],
    });
    let all = errors(inc);
    expect(&all, "rates[0].schedule[0].percent", &["negative", "from 0 to 100"]);
    expect(
        &all,
        "thresholds[0].tiers[0].bonusPercent",
        &["negative", "from 0 to 100"],
    );
    // above 100 % is refused the same way
    let all = errors(rates(json!([{"fromMonth": 1, "percent": 140}])));
    expect(&all, "rates[0].schedule[0].percent", &["above 100", "from 0 to 100"]);
    // an adoption reward's share of growth (consumption offer)
    let consumption = json!({"kind": "consumption", "termMonths": 12, "monthlyGrowth": 0.02, "monthlyChurn": 0.03, "renewalRate": 0.5});
    let all = errors_of(&plan(
        consumption,
        json!({"adoption": [{"partner": "p2", "growthPercent": -10, "milestones": []}]}),
    ));
    expect(&all, "adoption[0].growthPercent", &["negative"]);
}

#[test]
fn thresholds_out_of_order() {
    let inc = json!({"thresholds": [{"partner": "p2", "period": "quarter", "mode": "running", "tiers": [
        {"revenue": "50000.00", "bonusPercent": 2}, {"revenue": "20000.00", "bonusPercent": 4}, {"revenue": "20000.00", "bonusPercent": 6}]}]});
    let all = errors(inc);
    expect(
        &all,
        "thresholds[0].tiers[1].revenue",
        &["ascending order", "reorder the tiers"],
    );
    // an equal tier is not above the one before either
    expect(&all, "thresholds[0].tiers[2].revenue", &["ascending order"]);
    // milestones of an adoption reward, the same rule
    let consumption = json!({"kind": "consumption", "termMonths": 12, "monthlyGrowth": 0.02, "monthlyChurn": 0.03, "renewalRate": 0.5});
    let all = errors_of(&plan(
        consumption,
        json!({"adoption": [{"partner": "p2", "growthPercent": 5, "milestones": [
        {"monthlyConsumption": "9000.00", "bonus": "500.00"}, {"monthlyConsumption": "3000.00", "bonus": "500.00"}]}]}),
    ));
    expect(
        &all,
        "adoption[0].milestones[1].monthlyConsumption",
        &["ascending order", "reorder"],
    );
}

#[test]
fn holds_or_windows_longer_than_the_horizon() {
    let inc = json!({"holdMonths": 13, "clawbackMonths": 24,
        "mdf": {"contributions": {"p1": "1000.00"}, "requests": [], "reimburseAfterMonths": 40, "claimRejectRate": 0.1}});
    let all = errors(inc);
    expect(&all, "holdMonths", &["a hold of 13 months", "shorten it to at most 12"]);
    expect(
        &all,
        "clawbackMonths",
        &["a clawback window of 24 months", "at most 12"],
    );
    expect(
        &all,
        "mdf.reimburseAfterMonths",
        &["a reimbursement delay of 40 months", "at most 12"],
    );
    assert_eq!(all.len(), 3, "every problem at once: {all:?}");
    // a hold plus instalments that run past the horizon
    let all = errors(json!({"holdMonths": 2, "instalments": {"count": 7, "everyMonths": 2}}));
    expect(
        &all,
        "instalments.count",
        &["take 14 months", "use fewer or closer instalments"],
    );
    // exactly the horizon is fine: a hold of 2 and 6 instalments 2 months apart take 12 months
    let ok = plan(
        subscription(),
        json!({"holdMonths": 2, "instalments": {"count": 6, "everyMonths": 2}, "clawbackMonths": 12}),
    );
    assert!(simulate(request(&ok), &Ctx::native()).is_ok());
}

#[test]
fn nothing_is_simulated_from_a_half_valid_plan() {
    // one good rule, one bad: the plan is refused as a whole, by every command that simulates it
    let inc = json!({"rates": [
        {"partner": "p1", "schedule": [{"fromMonth": 1, "percent": 10}]},
        {"partner": "p2", "schedule": [{"fromMonth": 2, "toMonth": 4, "percent": 30}, {"fromMonth": 3, "percent": 10}]}]});
    let bad = plan(subscription(), inc);
    let path = "plan.incentives.rates[1].schedule[1].fromMonth";
    assert!(errors_of(&bad).iter().any(|e| e.path == path));
    let step_wise = Simulation::new(request(&bad))
        .err()
        .expect("Simulation::new accepted it");
    assert_eq!(
        (step_wise.code, step_wise.path.as_str()),
        (ErrorCode::InvalidValue, path)
    );
    let audit: AuditRequest = dealteam::json::from_str(
        &json!({"plan": bad, "actualsCsv": "month,bookings,revenue\n1,0.00,0.00\n", "trials": 20}).to_string(),
    )
    .unwrap();
    let e = audit_plan(&audit, &Ctx::native()).expect_err("the audit simulated a half-valid plan");
    assert!(
        std::iter::once(&e).chain(e.others.iter()).any(|x| x.path == path),
        "{e:?}"
    );
    // validatePlan: an error of the plan, at the field, with what to change
    let parsed: Plan = dealteam::json::from_str(&bad.to_string()).unwrap();
    let v = validate_plan(&parsed);
    assert!(!v.ok);
    let f = v
        .findings
        .iter()
        .find(|f| f.rule == "plan.simulatable" && f.path == "incentives.rates[1].schedule[1].fromMonth");
    assert!(
        f.is_some_and(|f| f.message.contains("start this one at 5 or later")),
        "{:?}",
        v.findings
    );
}
