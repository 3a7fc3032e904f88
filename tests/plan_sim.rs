#![cfg(not(target_arch = "wasm32"))]
//! SPEC §6 simulation: statistical checks with fixed seeds and tolerances from the
//! standard error, exact shares per trial, determinism and step chunking, errors.

use dealteam::clock::Ctx;
use dealteam::plan::{simulate, SimulateRequest, Simulation};
use dealteam::ErrorCode;
use serde_json::{json, Value};
use std::cell::Cell;

fn plan(offer: Value, rate: Value, win: f64, median: &str, p90: &str, cycle: (f64, f64, f64), horizon: u32) -> Value {
    json!({
        "id": "t", "currency": "EUR", "horizonMonths": horizon,
        "partners": [
            {"id": "p1", "name": "A", "lead": true, "investments": {"mdf": "1000.00", "enablement": "500.00", "monthlyCost": "100.00"}},
            {"id": "p2", "name": "B", "investments": {"monthlyCost": "50.00"}},
            {"id": "p3", "name": "C"}],
        "offer": offer,
        "pipeline": {"opportunitiesPerMonth": rate, "winProbability": win,
            "dealSize": {"distribution": "lognormal", "median": median, "p90": p90},
            "salesCycleDays": {"distribution": "triangular", "min": cycle.0, "mode": cycle.1, "max": cycle.2}},
        "split": {"model": "fixed", "shares": {"p1": 1, "p2": 1, "p3": 1}},
        "objectives": [{"metric": "bookings", "target": "100000.00", "byMonth": horizon}]
    })
}

fn request(plan: Value, trials: u64, seed: u64) -> SimulateRequest {
    dealteam::json::from_str(&json!({"plan": plan, "trials": trials, "seed": seed}).to_string()).unwrap()
}

fn tri_cdf(x: f64, a: f64, c: f64, b: f64) -> f64 {
    if x <= a {
        0.0
    } else if x >= b {
        1.0
    } else if x <= c {
        (x - a) * (x - a) / ((b - a) * (c - a))
    } else {
        1.0 - (b - x) * (b - x) / ((b - a) * (b - c))
    }
}

/// E[won deals booked within the horizon] = Σ_m λ p P(open + cycle < H·D), by quadrature.
fn expected_deals(lam: f64, win: f64, cyc: (f64, f64, f64), h: usize) -> f64 {
    let d = 365.25 / 12.0;
    let n = 20_000;
    let mut total = 0.0;
    for m in 0..h {
        let mut p = 0.0;
        for k in 0..n {
            let u = (k as f64 + 0.5) / n as f64;
            p += tri_cdf(h as f64 * d - (m as f64 + u) * d, cyc.0, cyc.1, cyc.2);
        }
        total += lam * win * p / n as f64;
    }
    total
}

fn mean_se(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, (v / n).sqrt())
}

#[test]
fn mean_bookings_match_the_analytic_expectation_within_4_se() {
    let cyc = (30.0, 60.0, 180.0);
    let p = plan(
        json!({"kind": "oneTime"}),
        json!(4),
        0.25,
        "120000.00",
        "300000.00",
        cyc,
        12,
    );
    let sim = Simulation::new(request(p, 4000, 11)).unwrap();
    let totals: Vec<f64> = (0..4000)
        .map(|t| sim.trial(t).unwrap().bookings.iter().sum::<i64>() as f64 / 100.0)
        .collect();
    let (mean, se) = mean_se(&totals);
    let sigma = (300_000f64 / 120_000.0).ln() / 1.2815515655446004;
    let expected = expected_deals(4.0, 0.25, cyc, 12) * 120_000.0 * (sigma * sigma / 2.0).exp();
    assert!(
        (mean - expected).abs() < 4.0 * se,
        "mean {mean} vs expected {expected} (se {se})"
    );
    // and the summary's mean is exactly the mean of the same trials
    let mut s = Simulation::new(request(
        plan(
            json!({"kind": "oneTime"}),
            json!(4),
            0.25,
            "120000.00",
            "300000.00",
            cyc,
            12,
        ),
        4000,
        11,
    ))
    .unwrap();
    while !s.step(1e9, &Ctx::frozen()).unwrap().done {}
    let r = s.result().unwrap();
    let exact: i128 = (0..4000)
        .map(|t| {
            s.trial(t)
                .unwrap()
                .bookings
                .iter()
                .map(|&x| i128::from(x))
                .sum::<i128>()
        })
        .sum();
    let want = rust_decimal::Decimal::from_i128_with_scale(exact, 2) / rust_decimal::Decimal::from(4000);
    assert_eq!(
        r.totals.bookings.mean.0,
        want.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    );
}

#[test]
fn poisson_rate_and_dispersion_are_recovered() {
    let p = plan(
        json!({"kind": "oneTime"}),
        json!(3.5),
        0.5,
        "1000.00",
        "2000.00",
        (0.0, 10.0, 20.0),
        6,
    );
    let sim = Simulation::new(request(p, 3000, 5)).unwrap();
    let opps: Vec<f64> = (0..3000).map(|t| sim.trial(t).unwrap().opportunities as f64).collect();
    let (mean, se) = mean_se(&opps);
    assert!((mean - 21.0).abs() < 4.0 * se, "{mean} vs 21 (se {se})");
    let var = opps.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 2999.0;
    // variance of a Poisson count equals its mean; SE of the sample variance ≈ √(2/n)·σ² (+ excess kurtosis 1/λ)
    let se_var = 21.0 * ((2.0 + 1.0 / 21.0) / 3000.0f64).sqrt();
    assert!((var - 21.0).abs() < 4.0 * se_var, "variance {var}");
}

#[test]
fn lognormal_parameters_are_recovered() {
    // one month, cycle 0: a trial with exactly one deal books exactly that deal's size
    let p = plan(
        json!({"kind": "oneTime"}),
        json!(0.3),
        1.0,
        "50000.00",
        "90000.00",
        (0.0, 0.0, 0.0),
        1,
    );
    let sim = Simulation::new(request(p, 40_000, 3)).unwrap();
    let mut logs = Vec::new();
    for t in 0..40_000 {
        let tr = sim.trial(t).unwrap();
        if tr.deals == 1 {
            logs.push((tr.bookings[0] as f64 / 100.0).ln());
        }
    }
    let n = logs.len() as f64;
    assert!(n > 5000.0);
    let (mu, se_mu) = mean_se(&logs);
    let sd = (logs.iter().map(|x| (x - mu) * (x - mu)).sum::<f64>() / (n - 1.0)).sqrt();
    let want_mu = 50_000f64.ln();
    let want_sd = (90_000f64 / 50_000.0).ln() / 1.2815515655446004;
    assert!((mu - want_mu).abs() < 4.0 * se_mu, "mu {mu} vs {want_mu}");
    assert!(
        (sd - want_sd).abs() < 4.0 * want_sd / (2.0 * n).sqrt(),
        "sd {sd} vs {want_sd}"
    );
}

#[test]
fn shares_add_up_exactly_in_every_trial_and_month() {
    for offer in [
        json!({"kind": "oneTime"}),
        json!({"kind": "subscription", "termMonths": 7, "monthlyChurn": 0.05, "renewalRate": 0.5}),
        json!({"kind": "consumption", "termMonths": 5, "monthlyGrowth": 0.07, "monthlyChurn": 0.1, "renewalRate": 1}),
    ] {
        let p = plan(offer, json!([1, 2, 5]), 0.4, "999.99", "5000.01", (0.0, 20.0, 90.0), 18);
        let sim = Simulation::new(request(p, 500, 9)).unwrap();
        for t in 0..500 {
            let tr = sim.trial(t).unwrap();
            for m in 0..18 {
                let s: i64 = tr.shares[m * 3..m * 3 + 3].iter().sum();
                assert_eq!(s, tr.revenue[m], "trial {t} month {m}");
                let (lo, hi) = (
                    tr.shares[m * 3..m * 3 + 3].iter().min().unwrap(),
                    tr.shares[m * 3..m * 3 + 3].iter().max().unwrap(),
                );
                assert!(hi - lo <= 1, "equal shares differ by at most one cent");
            }
        }
    }
}

#[test]
fn tiered_split_adds_up_in_every_month() {
    let mut p = plan(
        json!({"kind": "subscription", "termMonths": 6, "monthlyChurn": 0.1}),
        json!(3),
        0.5,
        "20000.00",
        "90000.00",
        (0.0, 30.0, 60.0),
        12,
    );
    p["split"] = json!({"model": "tiered", "roles": {"p2": "influence", "p3": "sourcing"},
        "schedules": {"influence": [{"upTo": "5000.00", "rate": 0.05}, {"rate": 0.03}], "sourcing": [{"rate": "0.10"}]},
        "residual": {"to": "p1"}});
    let sim = Simulation::new(request(p, 300, 4)).unwrap();
    let mut revenue_months = 0;
    for t in 0..300 {
        let tr = sim.trial(t).unwrap();
        for m in 0..12 {
            let row = &tr.shares[m * 3..m * 3 + 3];
            assert_eq!(row.iter().sum::<i64>(), tr.revenue[m]);
            if tr.revenue[m] > 0 {
                revenue_months += 1;
                // sourcing gets 10 % of the month's revenue (rounded by §4)
                assert!((row[2] as f64 - 0.1 * tr.revenue[m] as f64).abs() <= 1.0);
            }
        }
    }
    assert!(revenue_months > 500);
}

#[test]
fn subscription_revenue_is_equal_parts_with_leftover_cents_first() {
    // no churn, no renewal, term 5: a lone deal booked in month b earns parts in b..b+4
    let p = plan(
        json!({"kind": "subscription", "termMonths": 5}),
        json!(0.1),
        1.0,
        "1000.03",
        "1000.03",
        (0.0, 0.0, 0.0),
        12,
    );
    let sim = Simulation::new(request(p, 300, 1)).unwrap();
    let mut checked = 0;
    for t in 0..300 {
        let tr = sim.trial(t).unwrap();
        if tr.deals != 1 {
            continue;
        }
        let b = tr.bookings.iter().position(|&x| x > 0).unwrap();
        assert_eq!(tr.bookings[b], 100_003);
        let want: Vec<i64> = (0..12)
            .map(|m| {
                if m < b || m >= b + 5 {
                    0
                } else if m <= b + 2 {
                    20_001
                } else {
                    20_000
                }
            })
            .collect();
        assert_eq!(tr.revenue, want, "booked in month {}", b + 1);
        checked += 1;
    }
    assert!(checked > 10);
}

#[test]
fn consumption_grows_month_by_month() {
    let p = plan(
        json!({"kind": "consumption", "termMonths": 4, "monthlyGrowth": 0.1}),
        json!(0.1),
        1.0,
        "400.00",
        "400.00",
        (0.0, 0.0, 0.0),
        24,
    );
    let sim = Simulation::new(request(p, 300, 2)).unwrap();
    let tr = (0..300)
        .map(|t| sim.trial(t).unwrap())
        .find(|tr| tr.deals == 1 && tr.bookings[..19].iter().any(|&x| x > 0))
        .unwrap();
    let b = tr.bookings.iter().position(|&x| x > 0).unwrap();
    assert_eq!(&tr.revenue[b..b + 5], &[10_000, 11_000, 12_100, 13_310, 0]);
}

fn counting_ctx(c: &Cell<f64>) -> impl Fn() -> f64 + '_ {
    move || {
        c.set(c.get() + 1.0);
        c.get()
    }
}

#[test]
fn same_seed_same_output_regardless_of_step_chunking() {
    let p = plan(
        json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.02}),
        json!(4),
        0.25,
        "120000.00",
        "300000.00",
        (30.0, 60.0, 180.0),
        24,
    );
    let once = serde_json::to_string(&simulate(request(p.clone(), 1000, 42), &Ctx::frozen()).unwrap()).unwrap();
    let again = serde_json::to_string(&simulate(request(p.clone(), 1000, 42), &Ctx::frozen()).unwrap()).unwrap();
    assert_eq!(once, again);
    let clock = Cell::new(0.0);
    let f = counting_ctx(&clock);
    let ctx = Ctx { now_ms: &f };
    let mut sim = Simulation::new(request(p.clone(), 1000, 42)).unwrap();
    let mut steps = 0;
    loop {
        let pr = sim.step(0.5, &ctx).unwrap();
        steps += 1;
        assert!(pr.trials_done <= 1000 && (pr.progress - pr.trials_done as f64 / 1000.0).abs() < 1e-12);
        if pr.done {
            break;
        }
    }
    assert!(steps > 10, "the budget split the run into {steps} steps");
    assert_eq!(serde_json::to_string(&sim.result().unwrap()).unwrap(), once);
    let other = serde_json::to_string(&simulate(request(p, 1000, 43), &Ctx::frozen()).unwrap()).unwrap();
    assert_ne!(other, once);
}

#[test]
fn cancel_gives_cancelled() {
    let p = plan(
        json!({"kind": "oneTime"}),
        json!(4),
        0.25,
        "1000.00",
        "2000.00",
        (0.0, 1.0, 2.0),
        12,
    );
    let mut sim = Simulation::new(request(p, 100_000, 1)).unwrap();
    let clock = Cell::new(0.0);
    let f = counting_ctx(&clock);
    let pr = sim.step(0.5, &Ctx { now_ms: &f }).unwrap();
    assert!(!pr.done && pr.trials_done >= 8);
    assert!(sim.result().is_ok(), "partial results before cancel");
    sim.cancel();
    assert!(sim.step(1.0, &Ctx::frozen()).unwrap().done);
    assert_eq!(sim.result().unwrap_err().code, ErrorCode::Cancelled);
}

#[test]
fn summary_fields_are_consistent() {
    let p = plan(
        json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.02}),
        json!(4),
        0.25,
        "120000.00",
        "300000.00",
        (30.0, 60.0, 180.0),
        24,
    );
    let r = simulate(request(p, 2000, 8), &Ctx::frozen()).unwrap();
    assert_eq!(r.months.len(), 24);
    let p1 = &r.partners["p1"];
    assert_eq!(p1.investment.to_string(), "3900.00"); // 1000 + 500 + 24 × 100
    assert_eq!(r.partners["p2"].investment.to_string(), "1200.00");
    assert!(r.partners["p3"].ropi.is_none(), "no investment, no ROPI");
    assert_eq!(r.months[0].partners["p1"].cost.to_string(), "1600.00");
    assert_eq!(r.months[1].partners["p1"].cost.to_string(), "100.00");
    for m in &r.months {
        assert!(m.bookings.p5 <= m.bookings.p50 && m.bookings.p50 <= m.bookings.p95);
    }
    // totals: shares' means add up to the revenue mean within rounding of three means
    let sum: rust_decimal::Decimal = r.partners.values().map(|p| p.share.mean.0).sum();
    assert!((sum - r.totals.revenue.mean.0).abs() <= rust_decimal::Decimal::new(2, 2));
    let o = &r.objectives[0];
    assert!(o.probability > 0.0 && o.probability <= 1.0);
    assert_eq!(o.expected, r.totals.bookings.mean);
}

fn err(p: Value) -> dealteam::DealteamError {
    Simulation::new(request(p, 10, 1)).err().expect("an error")
}

/// The 12-month subscription plan the error tests change one field of.
fn base_plan() -> Value {
    plan(
        json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.02}),
        json!(4),
        0.25,
        "1000.00",
        "2000.00",
        (1.0, 2.0, 3.0),
        12,
    )
}

/// [`base_plan`] with the field at JSON pointer `ptr` set to `v`.
fn with(ptr: &str, v: Value) -> Value {
    let mut p = base_plan();
    *p.pointer_mut(ptr).unwrap() = v;
    p
}

#[test]
fn impossible_plans_are_errors_with_paths() {
    let base = base_plan();
    let e = err(with("/pipeline/dealSize/p90", json!("999.00")));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "plan.pipeline.dealSize.p90")
    );
    let e = err(with("/offer/monthlyChurn", json!(1.5)));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "plan.offer.monthlyChurn")
    );
    let e = err(with("/horizonMonths", json!(0)));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "plan.horizonMonths")
    );
    let e = err(with("/horizonMonths", json!(601)));
    assert_eq!(e.code, ErrorCode::TooLarge);
    let e = err(with("/pipeline/winProbability", json!(-0.1)));
    assert_eq!(e.path, "plan.pipeline.winProbability");
    let e = err(with("/pipeline/salesCycleDays/mode", json!(5)));
    assert_eq!(e.path, "plan.pipeline.salesCycleDays");
    let e = err(with(
        "/split",
        json!({"model": "fixed", "percent": {"p1": 60, "p2": 30, "p3": 5}}),
    ));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "plan.split.percent")
    );
    let e = err(with("/partners/0/investments/mdf", json!("10.005")));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidMoney, "plan.partners[0].investments.mdf")
    );
    let e = err(with("/objectives/0/byMonth", json!(13)));
    assert_eq!(e.path, "plan.objectives[0].byMonth");
    // every problem is reported at once
    let mut p = with("/offer/monthlyChurn", json!(2));
    *p.pointer_mut("/pipeline/winProbability").unwrap() = json!(7);
    assert_eq!(err(p).others.len(), 1);
    // trials
    let e = Simulation::new(request(base.clone(), 0, 1)).err().unwrap();
    assert_eq!(e.path, "trials");
    let e = Simulation::new(request(base.clone(), 10_000_001, 1)).err().unwrap();
    assert_eq!(e.code, ErrorCode::TooLarge);
}

#[test]
fn typos_and_json_errors_name_the_field() {
    let text = r#"{"plan": {"currency": "EUR", "pipeline": {"winProbabilty": 0.2}}}"#;
    let e = dealteam::api::run_json("simulate", text, false, &Ctx::frozen()).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownField);
    assert!(e.path.ends_with("winProbabilty"), "{}", e.path);
    let e = dealteam::api::run_json(
        "simulate",
        r#"{"plan": {"offer": {"kind": "lease"}}}"#,
        false,
        &Ctx::frozen(),
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    let e = dealteam::api::run_json(
        "simulate",
        r#"{"plan": {"partners": [{"id": "a", "investments": {"mdf": 10.5}}]}}"#,
        false,
        &Ctx::frozen(),
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidMoney);
}

#[test]
fn cli_example_runs() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plan-simulate.json")).unwrap();
    let out = dealteam::api::run_json("simulate", &text, false, &Ctx::frozen()).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["months"].as_array().unwrap().len(), 24);
    assert_eq!(v["currency"], "EUR");
    assert!(v["totals"]["bookings"]["mean"].as_str().unwrap().contains('.'));
}

#[test]
fn memory_does_not_grow_with_trials() {
    let p = plan(
        json!({"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.02}),
        json!(4),
        0.25,
        "120000.00",
        "300000.00",
        (30.0, 60.0, 180.0),
        24,
    );
    let mut sim = Simulation::new(request(p, 60_000, 1)).unwrap();
    let clock = Cell::new(0.0);
    let f = counting_ctx(&clock);
    let ctx = Ctx { now_ms: &f };
    while sim.step(0.5, &ctx).unwrap().trials_done < 6_000 {}
    let early = sim.buckets();
    while !sim.step(1e9, &ctx).unwrap().done {}
    let late = sim.buckets();
    // 25 periods × 8 series; a tenfold run adds only the buckets of rarer extremes
    assert!(late < early * 3 / 2, "{early} → {late} buckets");
    assert!(late < 25 * 8 * 40 * 128, "{late} buckets");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn trials_keep_their_invariants(
            kind in 0usize..3, term in 1u32..15, churn in 0.0f64..1.0, renewal in 0.0f64..1.0, growth in -0.5f64..0.5,
            lam in 0.0f64..6.0, win in 0.0f64..1.0, median in 1i64..10_000_000, spread in 1.0f64..20.0,
            cmin in 0.0f64..100.0, cmode in 0.0f64..100.0, cmax in 0.0f64..100.0,
            w in proptest::collection::vec(0u32..50, 3), horizon in 1u32..30, seed in 0u64..1000,
        ) {
            let offer = match kind {
                0 => json!({"kind": "oneTime"}),
                1 => json!({"kind": "subscription", "termMonths": term, "monthlyChurn": churn, "renewalRate": renewal}),
                _ => json!({"kind": "consumption", "termMonths": term, "monthlyGrowth": growth, "monthlyChurn": churn, "renewalRate": renewal}),
            };
            let med = median as f64 / 100.0;
            let p90 = format!("{:.2}", med * spread);
            let mut cyc = [cmin, cmode, cmax];
            cyc.sort_by(|a, b| a.partial_cmp(b).unwrap());
            let mut p = plan(offer, json!(lam), win, &format!("{med:.2}"), &p90, (cyc[0], cyc[1], cyc[2]), horizon);
            p["split"] = json!({"model": "fixed", "shares": {"p1": w[0], "p2": w[1], "p3": w[2] + 1}});
            let h = horizon as usize;
            let sim = Simulation::new(request(p, 20, seed)).unwrap();
            for t in 0..20 {
                let tr = sim.trial(t).unwrap();
                for m in 0..h {
                    prop_assert_eq!(tr.shares[m * 3..m * 3 + 3].iter().sum::<i64>(), tr.revenue[m]);
                    prop_assert!(tr.revenue[m] >= 0 && tr.bookings[m] >= 0);
                }
                if kind == 0 {
                    prop_assert_eq!(&tr.revenue, &tr.bookings);
                }
                if kind == 1 && renewal == 0.0 {
                    prop_assert!(tr.revenue.iter().sum::<i64>() <= tr.bookings.iter().sum::<i64>());
                }
                prop_assert!(tr.deals <= tr.opportunities);
            }
        }
    }
}

/// Golden output: the same bits on every platform (the wasm tests can replay it).
#[test]
fn golden_output_of_the_example() {
    let mut v: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plan-simulate.json")).unwrap(),
    )
    .unwrap();
    v["trials"] = json!(300);
    let out = dealteam::api::run_json("simulate", &v.to_string(), false, &Ctx::frozen()).unwrap();
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["totals"]["bookings"]["mean"], "3244817.98");
    assert_eq!(r["totals"]["revenue"]["mean"], "2201190.38");
    assert_eq!(r["partners"]["p2"]["share"]["mean"], "880476.15");
    assert_eq!(r["objectives"][0]["probability"], 0.576666666667);
    use sha2::Digest;
    let hash = sha2::Sha256::digest(out.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "55176167cac8682f719263d8180b4e1ff6ac7b8a77982a370d424713625d738b");
}

/// Issue 17 item 6: each wrong amount is named in its own words and reported once; a
/// wrong horizon adds no second error to the objectives measured against it; seeds
/// are safe integers or strings of digits.
#[test]
fn plan_messages_name_the_amount_and_report_each_problem_once() {
    let base = base_plan();
    let e = err(with("/pipeline/dealSize/p90", json!("-5.00")));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidMoney, "plan.pipeline.dealSize.p90")
    );
    assert!(e.message.contains("deal size must not be negative"), "{}", e.message);
    assert!(e.others.is_empty(), "{:?}", e.others);
    let e = err(with("/pipeline/dealSize/p90", json!("0.00")));
    assert_eq!(e.path, "plan.pipeline.dealSize.p90");
    assert!(e.message.contains("at least the median"), "{}", e.message);
    let e = err(with("/pipeline/dealSize/median", json!("-1.00")));
    assert_eq!(e.path, "plan.pipeline.dealSize.median");
    assert!(e.message.contains("must be positive"), "{}", e.message);
    assert!(e.others.is_empty(), "{:?}", e.others);
    let e = err(with("/partners/1/investments/monthlyCost", json!("-1.00")));
    assert!(
        e.message.contains("a monthly cost must not be negative"),
        "{}",
        e.message
    );
    // the objective's byMonth 601 is not also "outside the horizon of 1 month"
    for horizon in [json!(601), json!(0)] {
        let mut p = with("/horizonMonths", horizon);
        p["objectives"][0]["byMonth"] = json!(24);
        let e = err(p);
        assert_eq!(e.path, "plan.horizonMonths");
        assert!(e.others.is_empty(), "{:?}", e.others);
    }
    // seeds: above 2^53 − 1 refused, digits as a string accepted (the same seed)
    let text = |seed: Value| json!({"plan": base, "trials": 5, "seed": seed}).to_string();
    let e = dealteam::json::from_str::<SimulateRequest>(&text(json!(9007199254740993u64))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "seed"));
    let run = |seed: Value| dealteam::api::run_json("simulate", &text(seed), false, &Ctx::frozen()).unwrap();
    assert_eq!(run(json!("7")), run(json!(7)));
    for cmd in ["audit", "agreement"] {
        let e = dealteam::api::run_json(cmd, &text(json!(-1)), false, &Ctx::frozen()).unwrap_err();
        assert_eq!(e.path, "seed", "{cmd}: {e}");
    }
}
