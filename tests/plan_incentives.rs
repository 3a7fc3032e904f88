#![cfg(not(target_arch = "wasm32"))]
//! SPEC §13 incentives: a hand-computed ledger, the identity
//! `earned = paid + held + clawedBack + balance` in every trial and month (property
//! tests), paid history never rewritten, bad input rejected with its path, and the
//! simulate report (cash-based ROPI, absent without incentives).

use dealteam::clock::Ctx;
use dealteam::plan::incentives::deals::DealLog;
use dealteam::plan::incentives::{run_ledger, Book, LedgerRules, Payouts};
use dealteam::plan::model::check_plan;
use dealteam::plan::{simulate, Plan, SimulateRequest, Simulation};
use dealteam::rng::ChaCha12Rng;
use dealteam::ErrorCode;
use proptest::prelude::*;
use rand::SeedableRng;
use serde_json::{json, Value};

fn base(offer: Value, horizon: u32, incentives: Value) -> Value {
    json!({
        "id": "inc", "currency": "EUR", "horizonMonths": horizon,
        "partners": [
            {"id": "p1", "name": "Acme", "role": "isv", "lead": true,
             "investments": {"enablement": "5000.00", "monthlyCost": "500.00"}},
            {"id": "p2", "name": "Beta", "role": "si", "investments": {"enablement": "2000.00"}},
            {"id": "p3", "name": "Gamma", "role": "referral"}],
        "offer": offer,
        "pipeline": {"opportunitiesPerMonth": 3, "winProbability": 0.4,
            "dealSize": {"distribution": "lognormal", "median": "12000.00", "p90": "30000.00"},
            "salesCycleDays": {"distribution": "triangular", "min": 10, "mode": 30, "max": 60}},
        "split": {"model": "fixed", "shares": {"p1": 70, "p2": 20, "p3": 10}},
        "incentives": incentives
    })
}

fn parse_plan(v: Value) -> Plan {
    dealteam::json::from_str(&v.to_string()).unwrap()
}

fn request(plan: Value, trials: u64, seed: u64) -> SimulateRequest {
    dealteam::json::from_str(&json!({"plan": plan, "trials": trials, "seed": seed}).to_string()).unwrap()
}

fn subscription() -> Value {
    json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.08, "renewalRate": 0.5})
}

#[test]
fn a_hand_computed_ledger_with_hold_instalments_and_a_clawback() {
    // Beta: 40 % of revenue in months 1–3 since booking, then 20 %; 100.00 per booking;
    // held 1 month, paid in 2 monthly instalments; churn within 3 months is clawed back.
    let inc = json!({
        "rates": [{"partner": "p2", "bounty": "100.00",
            "schedule": [{"fromMonth": 1, "toMonth": 3, "percent": 40}, {"fromMonth": 4, "percent": 20}]}],
        "holdMonths": 1, "instalments": {"count": 2, "everyMonths": 1}, "clawbackMonths": 3});
    let model = check_plan(&parse_plan(base(subscription(), 6, inc))).unwrap();
    let im = model.incentives.as_ref().unwrap();
    assert!(!im.rewarded(0) && im.rewarded(1) && !im.rewarded(2));
    // deal A: booked in month 1, 1,000.00 a month, churns after its third month;
    // deal B: booked in month 2, 500.00 a month to the horizon
    let mut log = DealLog::recording();
    log.open(0);
    (0..3).for_each(|_| log.push(100_000));
    log.close(true);
    log.open(1);
    (0..5).for_each(|_| log.push(50_000));
    log.close(false);
    let revenue = [100_000, 150_000, 150_000, 50_000, 50_000, 50_000];
    let mut pay = Payouts::new(3, 6);
    pay.run(im, &revenue, &log, &mut ChaCha12Rng::seed_from_u64(0));
    let row = |v: &Vec<i64>| pay.row(v, 1).to_vec();
    // A earns 400 + 100, 400, 400 (1,300.00 in all); B 200 + 100, 200, 200, 100, 100
    assert_eq!(row(&pay.earned), vec![50_000, 70_000, 60_000, 20_000, 10_000, 10_000]);
    // A churned after 3 months: its 1,300.00 are reversed in month 4
    assert_eq!(row(&pay.clawed), vec![0, 0, 0, 130_000, 0, 0]);
    // each month's rewards are due in halves 1 and 2 months later
    assert_eq!(row(&pay.paid), vec![0, 25_000, 60_000, 0, 0, 0]);
    assert_eq!(row(&pay.held), vec![50_000, 95_000, 95_000, 50_000, 20_000, 15_000]);
    assert_eq!(row(&pay.balance), vec![0, 0, 0, -65_000, -25_000, -10_000]);
    for m in 0..6 {
        for i in 0..3 {
            assert!(pay.identity_holds(i, m), "partner {i} month {m}");
        }
    }
    // partners without rules earn nothing through the ledger
    assert!(pay.row(&pay.earned, 0).iter().all(|&x| x == 0));
}

fn ledger(rules: &LedgerRules, earned: &[i64], clawed: &[i64]) -> [Vec<i64>; 3] {
    let h = earned.len();
    let (mut paid, mut held, mut balance) = (vec![0; h], vec![0; h], vec![0; h]);
    let book = Book {
        paid: &mut paid,
        held: &mut held,
        balance: &mut balance,
    };
    run_ledger(rules, earned, clawed, &mut Vec::new(), book);
    [paid, held, balance]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The identity after every month, and what was paid is never rewritten: the months
    /// before a later clawback read the same with or without it.
    #[test]
    fn the_ledger_identity_holds_and_paid_history_stays(
        earned in prop::collection::vec(0i64..1_000_000, 1..40),
        claws in prop::collection::vec((0usize..40, 0i64..2_000_000), 0..6),
        hold in 0usize..6, count in 1u32..5, every in 1usize..4, minimum in 0i64..300_000,
    ) {
        let h = earned.len();
        let mut clawed = vec![0i64; h];
        for (m, c) in &claws {
            clawed[m % h] += c;
        }
        let rules = LedgerRules { hold, count, every, minimum };
        let [paid, held, balance] = ledger(&rules, &earned, &clawed);
        let (mut e, mut p, mut c) = (0i64, 0i64, 0i64);
        for m in 0..h {
            e += earned[m];
            p += paid[m];
            c += clawed[m];
            prop_assert_eq!(e, p + held[m] + c + balance[m], "month {}", m);
            prop_assert!(paid[m] >= 0 && held[m] >= 0);
            prop_assert!(paid[m] == 0 || paid[m] >= minimum);
        }
        // a clawback added in month k changes nothing before k
        let k = claws.first().map(|x| x.0 % h).unwrap_or(0);
        let mut later = clawed.clone();
        later[k] += 777_777;
        let [paid2, held2, balance2] = ledger(&rules, &earned, &later);
        prop_assert_eq!(&paid2[..k], &paid[..k]);
        prop_assert_eq!(&held2[..], &held[..]);
        prop_assert_eq!(&balance2[..k], &balance[..k]);
    }
}

const PERIODS: [&str; 3] = ["month", "quarter", "year"];

/// Random incentives for the property test over whole simulations.
fn incentives_strategy() -> impl Strategy<Value = (Value, bool)> {
    (
        (0u32..60, 1u32..6, 0u32..30, 0u32..400),
        (0u32..4, 1u32..4, 1u32..3, 0u32..3000),
        (0u32..8, 0u32..3, 1000u32..40_000, 0u32..10),
        (0u32..30, prop::bool::ANY, 0u32..3, 0.0f64..1.0),
    )
        .prop_map(|((r1, to, r2, bounty), (hold, count, every, min), (claw, period, tier, bonus), (growth, consumption, delay, reject))| {
            let mut inc = json!({
                "rates": [
                    {"partner": "p2", "bounty": format!("{bounty}.00"),
                     "schedule": [{"fromMonth": 1, "toMonth": to, "percent": r1}, {"fromMonth": to + 1, "percent": r2}]},
                    {"role": "referral", "bounty": "75.50"}],
                "thresholds": [{"partner": "p2", "period": PERIODS[period as usize],
                    "mode": if tier % 2 == 0 { "reset" } else { "running" },
                    "tiers": [{"revenue": format!("{tier}.00"), "bonusPercent": bonus},
                              {"revenue": format!("{}.00", tier * 3), "bonusPercent": bonus * 2}]}],
                "holdMonths": hold, "instalments": {"count": count, "everyMonths": every},
                "minimumPayout": format!("{min}.00"), "clawbackMonths": claw,
                "mdf": {"contributions": {"p1": "3000.00", "p2": "500.00"},
                        "requests": [{"partner": "p2", "month": 2, "amount": "2000.00"},
                                     {"partner": "p3", "month": 3, "amount": "4000.00"}],
                        "claimRejectRate": reject, "reimburseAfterMonths": delay}});
            if consumption {
                inc["adoption"] = json!([{"partner": "p3", "growthPercent": growth,
                    "milestones": [{"monthlyConsumption": "1500.00", "bonus": "250.00"}]}]);
            }
            (inc, consumption)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every trial of a simulation keeps the identity for every partner and month in
    /// integer minor units, and the reported horizon means keep it exactly.
    #[test]
    fn every_trial_keeps_the_identity((inc, consumption) in incentives_strategy(), seed in 0u64..1000) {
        let offer = if consumption {
            json!({"kind": "consumption", "termMonths": 12, "monthlyGrowth": 0.05, "monthlyChurn": 0.1, "renewalRate": 0.5})
        } else {
            subscription()
        };
        let plan = base(offer, 18, inc);
        let sim = Simulation::new(request(plan.clone(), 30, seed)).unwrap();
        for t in 0..10 {
            let tr = sim.trial(t).unwrap();
            for i in 0..3 {
                for m in 0..18 {
                    prop_assert!(tr.payouts.identity_holds(i, m), "trial {} partner {} month {}", t, i, m);
                    prop_assert!(tr.payouts.at(&tr.payouts.paid, i, m) >= 0);
                }
            }
        }
        let res = simulate(request(plan, 30, seed), &Ctx::native()).unwrap();
        for (id, pt) in &res.partners {
            let s = pt.payouts.as_ref().unwrap();
            prop_assert_eq!(s.earned.mean.0, s.paid.mean.0 + s.held.mean.0 + s.clawed_back.mean.0 + s.balance.mean.0, "{}", id);
        }
    }
}

fn error_of(inc: Value) -> dealteam::DealteamError {
    let plan = base(subscription(), 12, inc);
    match Simulation::new(request(plan, 10, 1)) {
        Err(e) => e,
        Ok(_) => panic!("the plan should be rejected"),
    }
}

/// The error, or one of its others, at `path`.
fn at(e: &dealteam::DealteamError, path: &str) -> (ErrorCode, String) {
    std::iter::once(e)
        .chain(e.others.iter())
        .find(|x| x.path == path)
        .map(|x| (x.code, x.message.clone()))
        .unwrap_or_else(|| panic!("no error at {path}: {e:?}"))
}

#[test]
fn bad_incentives_are_rejected_with_their_path_and_nothing_is_simulated() {
    let e = error_of(json!({"rates": [{"partner": "p2", "schedule": [
        {"fromMonth": 1, "toMonth": 6, "percent": 40}, {"fromMonth": 4, "percent": 20}]}]}));
    let (code, msg) = at(&e, "plan.incentives.rates[0].schedule[1].fromMonth");
    assert_eq!(code, ErrorCode::InvalidValue);
    assert!(msg.contains("start this one at 7 or later"), "{msg}");

    let e = error_of(json!({"rates": [{"partner": "p2", "schedule": [{"fromMonth": 1, "percent": -5}]}]}));
    let (code, msg) = at(&e, "plan.incentives.rates[0].schedule[0].percent");
    assert_eq!(code, ErrorCode::InvalidValue);
    assert!(msg.contains("negative"), "{msg}");

    let e = error_of(json!({"rates": [{"partner": "p2", "schedule": [{"fromMonth": 5, "toMonth": 2, "percent": 5}]}]}));
    assert_eq!(
        at(&e, "plan.incentives.rates[0].schedule[0].toMonth").0,
        ErrorCode::InvalidValue
    );

    let e = error_of(json!({"thresholds": [{"partner": "p2", "tiers": [
        {"revenue": "50000.00", "bonusPercent": 5}, {"revenue": "20000.00", "bonusPercent": 8}]}]}));
    let (code, msg) = at(&e, "plan.incentives.thresholds[0].tiers[1].revenue");
    assert_eq!(code, ErrorCode::InvalidValue);
    assert!(msg.contains("ascending"), "{msg}");

    let e = error_of(json!({"holdMonths": 13, "clawbackMonths": 24,
        "mdf": {"reimburseAfterMonths": 40, "claimRejectRate": 1.5}}));
    for path in [
        "holdMonths",
        "clawbackMonths",
        "mdf.reimburseAfterMonths",
        "mdf.claimRejectRate",
    ] {
        let (code, msg) = at(&e, &format!("plan.incentives.{path}"));
        assert_eq!(code, ErrorCode::InvalidValue, "{path}");
        assert!(path.ends_with("Rate") || msg.contains("at most 12"), "{path}: {msg}");
    }

    let e = error_of(json!({"instalments": {"count": 7, "everyMonths": 2}, "holdMonths": 1}));
    assert!(at(&e, "plan.incentives.instalments.count")
        .1
        .contains("longer than the horizon"));

    let e = error_of(
        json!({"rates": [{"partner": "zz", "bounty": "1.00"}, {"role": "reseller"},
        {"partner": "p1", "role": "isv"}]}),
    );
    assert_eq!(at(&e, "plan.incentives.rates[0].partner").0, ErrorCode::UnknownPartner);
    assert_eq!(at(&e, "plan.incentives.rates[1].role").0, ErrorCode::InvalidValue);
    assert_eq!(at(&e, "plan.incentives.rates[2]").0, ErrorCode::InvalidValue);

    let e = error_of(json!({"adoption": [{"partner": "p2", "growthPercent": 10}]}));
    assert!(at(&e, "plan.incentives.adoption[0]").1.contains("consumption"));

    let e = error_of(json!({"rates": [{"partner": "p2", "bounty": "-10.00"}],
        "mdf": {"requests": [{"partner": "p2", "month": 13, "amount": "10.00"}]}}));
    assert_eq!(at(&e, "plan.incentives.rates[0].bounty").0, ErrorCode::InvalidMoney);
    assert_eq!(
        at(&e, "plan.incentives.mdf.requests[0].month").0,
        ErrorCode::InvalidValue
    );

    // unknown fields are named
    let bad = base(subscription(), 12, json!({"holdMonth": 2}));
    let e = dealteam::json::from_str::<SimulateRequest>(&json!({"plan": bad}).to_string()).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownField);
}

#[test]
fn without_incentives_nothing_changes_and_with_them_ropi_counts_cash_paid() {
    let mut plain = base(subscription(), 24, Value::Null);
    plain.as_object_mut().unwrap().remove("incentives");
    let ctx = Ctx::native();
    let before = simulate(request(plain.clone(), 400, 3), &ctx).unwrap();
    let text = serde_json::to_string(&before).unwrap();
    assert!(!text.contains("payouts"), "no payouts without incentives");
    // Beta earns 20 % of revenue (its split share is also 20 %) and is paid at once:
    // its ROPI and payback are the same as without incentives
    let same = base(
        subscription(),
        24,
        json!({"rates": [{"partner": "p2", "schedule": [{"fromMonth": 1, "percent": 20}]}]}),
    );
    let with = simulate(request(same, 400, 3), &ctx).unwrap();
    let (a, b) = (&before.partners["p2"], &with.partners["p2"]);
    assert_eq!(a.share, b.share, "the split is unchanged");
    let pay = b.payouts.as_ref().unwrap();
    // 20 % of each deal's monthly revenue, rounded toward zero per deal and month:
    // never above the split share, at most a few cents a deal below it
    assert!(pay.paid.mean.0 <= a.share.mean.0 && a.share.mean.0 - pay.paid.mean.0 < rust_decimal::Decimal::new(500, 2));
    let (ra, rb) = (a.ropi.as_ref().unwrap(), b.ropi.as_ref().unwrap());
    assert!((ra.mean - rb.mean).abs() < 1e-3, "{} vs {}", ra.mean, rb.mean);
    // a 6-month hold delays the cash: payback later, ROPI lower
    let held = base(
        subscription(),
        24,
        json!({"holdMonths": 6,
        "rates": [{"partner": "p2", "schedule": [{"fromMonth": 1, "percent": 20}]}]}),
    );
    let late = simulate(request(held, 400, 3), &ctx).unwrap();
    let c = &late.partners["p2"];
    assert!(c.ropi.as_ref().unwrap().mean < rb.mean - 0.01);
    assert!(c.payback.probability <= b.payback.probability);
    assert!(c.payouts.as_ref().unwrap().held.mean.0 > rust_decimal::Decimal::ZERO);
    // month figures carry the ledger too; the untouched partners keep theirs empty
    let m9 = &late.months[8].partners["p2"];
    assert!(m9.payouts.as_ref().unwrap().paid.mean.0 > rust_decimal::Decimal::ZERO);
    assert_eq!(
        late.partners["p1"].payouts.as_ref().unwrap().earned.mean.0,
        rust_decimal::Decimal::ZERO
    );
}

#[test]
fn the_same_seed_gives_the_same_payouts_whatever_the_steps() {
    let inc = json!({"rates": [{"role": "si", "bounty": "50.00", "schedule": [{"fromMonth": 1, "toMonth": 2, "percent": 30}]}],
        "clawbackMonths": 4, "mdf": {"contributions": {"p1": "1000.00"},
        "requests": [{"partner": "p2", "month": 1, "amount": "800.00"}], "claimRejectRate": 0.3, "reimburseAfterMonths": 2}});
    let plan = base(subscription(), 12, inc);
    let ctx = Ctx::native();
    let one = simulate(request(plan.clone(), 200, 9), &ctx).unwrap();
    let mut sim = Simulation::new(request(plan, 200, 9)).unwrap();
    let t = std::cell::Cell::new(0.0);
    let f = move || {
        t.set(t.get() + 1.0);
        t.get()
    };
    let stepped = Ctx { now_ms: &f };
    while !sim.step(3.0, &stepped).unwrap().done {}
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&sim.result().unwrap()).unwrap()
    );
    // the rejection draws come after the trial's own: revenue is the same as without MDF
    let mdf = one.partners["p2"].payouts.as_ref().unwrap().mdf_cash.clone();
    assert!(mdf.p5.0 < mdf.p95.0, "some claims are rejected, some reimbursed");
}

#[test]
fn validate_warns_about_incentives_that_cannot_work() {
    let inc = json!({
        "thresholds": [{"partner": "p2", "period": "month", "tiers": [
            {"revenue": "1000.00", "bonusPercent": 2}, {"revenue": "900000000.00", "bonusPercent": 5}]}],
        "clawbackMonths": 18,
        "mdf": {"contributions": {"p1": "1000.00"}, "requests": [{"partner": "p2", "month": 2, "amount": "1500.00"}]}});
    let out = dealteam::plan::validate::validate_plan(&parse_plan(base(subscription(), 24, inc)));
    let rules: Vec<(&str, &str)> = out
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    assert!(
        rules.contains(&(
            "incentives.threshold.unreached",
            "incentives.thresholds[0].tiers[1].revenue"
        )),
        "{rules:?}"
    );
    assert!(
        !rules.iter().any(|r| r.1 == "incentives.thresholds[0].tiers[0].revenue"),
        "the first tier is reached"
    );
    assert!(rules.contains(&("incentives.clawback.term", "incentives.clawbackMonths")));
    assert!(rules.contains(&("incentives.mdf.pool", "incentives.mdf")));
    assert!(out
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("incentives."))
        .all(|f| f.severity == dealteam::plan::Severity::Warning));
    // a bad value is an error of the plan, with its path
    let bad = json!({"holdMonths": 30});
    let out = dealteam::plan::validate::validate_plan(&parse_plan(base(subscription(), 24, bad)));
    assert!(out
        .findings
        .iter()
        .any(|f| f.rule == "plan.simulatable" && f.path == "incentives.holdMonths"));
}
