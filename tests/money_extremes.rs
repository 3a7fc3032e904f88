#![cfg(not(target_arch = "wasm32"))]
//! The largest money values at every command (issue 17 item 1): each amount of each
//! committed example request (fuzz/corpus/commands/seed-*) set to the largest exact
//! amount, 79228162514264337593543950335 (and its negative), one at a time and all at
//! once. Every run ends in a response or a `DealteamError` whose path names a field of
//! the request that was sent — never a panic (in wasm a panic kills the module).

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::money::Money;
use serde_json::Value;
use std::path::Path;

const MAX: &str = "79228162514264337593543950335";

/// Pointers to every amount string in `v`.
fn amounts(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::String(s) if Money::parse(s).is_ok() => out.push(at),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| amounts(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| amounts(x, format!("{at}/{k}"), out)),
        _ => {}
    }
}

/// The seeds' requests, with at most 20 trials for the plan commands.
fn seeds() -> Vec<(String, &'static str, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/commands");
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let f = e.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&f).unwrap();
        let (cmd, req) = text.split_once('\n').unwrap();
        let cmd = dealteam::api::COMMANDS.iter().copied().find(|c| *c == cmd).unwrap();
        let Ok(mut req @ Value::Object(_)) = serde_json::from_str::<Value>(req) else {
            continue; // the positional-request seed
        };
        if req.get("trials").is_some() {
            req["trials"] = 20.into();
        }
        out.push((name, cmd, req));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Run `req`: a panic is a failure, and so is an error whose path names no field that
/// was sent (a missing field names the one to add).
fn check(name: &str, cmd: &str, req: &Value, failures: &mut Vec<String>) {
    use dealteam::ErrorCode::MissingField;
    let text = req.to_string();
    let r = std::panic::catch_unwind(|| run_json(cmd, &text, false, &Ctx::native()));
    let Ok(r) = r else {
        failures.push(format!("{name}: {cmd} panics on {text}"));
        return;
    };
    if let Err(e) = r {
        let top = e.path.split(['.', '[']).next().unwrap_or("");
        if e.code != MissingField && req.get(top).is_none() {
            failures.push(format!(
                "{name}: the error path `{}` names no field of the request ({}: {})",
                e.path,
                e.code.as_str(),
                e.message
            ));
        }
    }
}

#[test]
fn the_largest_amounts_anywhere_never_panic() {
    let (mut runs, mut failures) = (0, vec![]);
    for (name, cmd, req) in seeds() {
        let mut at = vec![];
        amounts(&req, String::new(), &mut at);
        for value in [MAX.to_string(), format!("-{MAX}")] {
            let mut all = req.clone();
            for p in &at {
                let mut one = req.clone();
                *one.pointer_mut(p).unwrap() = Value::String(value.clone());
                check(&name, cmd, &one, &mut failures);
                *all.pointer_mut(p).unwrap() = Value::String(value.clone());
                runs += 1;
            }
            check(&name, cmd, &all, &mut failures);
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} of {runs} runs:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(runs > 100, "{runs} runs: the seeds have amounts");
}

/// Hand-picked cases of issue 17 item 1: each names the field to change.
#[test]
fn the_largest_amounts_name_their_field() {
    let run = |cmd: &str, req: &Value| run_json(cmd, &req.to_string(), false, &Ctx::native());
    // a split of a total too large for whole cents (i64 minor units)
    let split: Value = serde_json::from_str(include_str!("../examples/split.json")).unwrap();
    let mut req = split.clone();
    req["amount"] = MAX.into();
    let e = run("split", &req).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_money", "amount"),
        "{}",
        e.message
    );
    // the largest total that is still whole cents divides
    req["amount"] = "92233720368547758.07".into();
    assert!(run("split", &req).is_ok());
    req["amount"] = "92233720368547758.08".into();
    assert_eq!(run("split", &req).unwrap_err().path, "amount");

    // a fixed split whose percentages overflow when added: a finding, not a panic
    let mut plan: Value = serde_json::from_str(include_str!("../examples/plan-validate.json")).unwrap();
    plan["plan"]["split"] = serde_json::json!({"model": "fixed", "percent": {"p1": MAX, "p2": MAX}});
    let out = run("validate", &plan).unwrap();
    assert!(out.contains("more than any exact amount"), "{out}");

    // a plan whose deal size is the largest amount
    let mut sim: Value = serde_json::from_str(include_str!("../examples/plan-simulate.json")).unwrap();
    sim["trials"] = 10.into();
    sim["plan"]["pipeline"]["dealSize"]["median"] = MAX.into();
    sim["plan"]["pipeline"]["dealSize"]["p90"] = MAX.into();
    let e = run("simulate", &sim).unwrap_err();
    assert!(
        e.path.starts_with("plan.pipeline.dealSize"),
        "{}: {}",
        e.path,
        e.message
    );
}

/// The Decimal operators left unchecked in the core (`#[allow(clippy::arithmetic_side_effects)]`
/// with a bound, issue 17 item 1) at the bounds their comments argue: a tiered split whose
/// commissions take all of the largest amount, and journey values that add up to exactly
/// the largest amount.
#[test]
fn the_unchecked_decimal_sums_hold_at_their_bounds() {
    let run = |cmd: &str, req: &Value| run_json(cmd, &req.to_string(), false, &Ctx::native());
    // commissions ≤ |amount| (rates ∈ [0, 1] adding up to ≤ 1): all of it at rate 1
    for amount in ["92233720368547758.07", "-92233720368547758.07"] {
        let req = serde_json::json!({"amount": amount, "currency": "EUR", "members": ["p1", "p2"],
            "model": "tiered", "roles": {"p2": "all"},
            "schedules": {"all": [{"upTo": "1", "rate": 0.5}, {"rate": 1}]}, "residual": {"to": "p1"}});
        // an error naming its field is fine too (here the shares' exact sum does not fit)
        let out: Value = match run("split", &req) {
            Ok(out) => serde_json::from_str(&out).unwrap(),
            Err(e) => {
                assert_eq!(e.path, "amount", "{e}");
                continue;
            }
        };
        let parts: Vec<Money> = out["allocations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| Money::parse(a["amount"].as_str().unwrap()).unwrap())
            .collect();
        let sum = parts
            .iter()
            .try_fold(rust_decimal::Decimal::ZERO, |s, p| s.checked_add(p.0));
        assert_eq!(sum, Some(Money::parse(amount).unwrap().0), "{out}");
        assert_eq!(parts[0].0.abs(), rust_decimal::Decimal::new(50, 2), "{out}");
    }
    // the commissions of the largest amount: the rest of the split refuses it at `amount`
    let req = serde_json::json!({"amount": MAX, "currency": "EUR", "members": ["p1", "p2"],
        "model": "tiered", "roles": {"p2": "all"}, "schedules": {"all": [{"rate": 1}]}, "residual": {"to": "p1"}});
    assert_eq!(run("split", &req).unwrap_err().path, "amount");
    // sourced + influenced ≤ the checked total: two journeys' values add up to the largest amount
    let half = "39614081257132168796771975167";
    let req = serde_json::json!({"currency": "JPY", "journeys": [
        {"path": ["a", "b"], "conversions": 1, "value": half},
        {"path": ["b", "a"], "conversions": 1, "value": "39614081257132168796771975168"}],
        "models": ["firstTouch"]});
    match run("attribute", &req) {
        Ok(out) => assert!(out.contains("\"sourced\""), "{out}"),
        Err(e) => assert!(e.path.starts_with("journeys"), "{e}"),
    }
}

/// A signed split whose members' values nearly cancel out: parts in proportion to them
/// are far beyond any exact amount. Before, the overflowing products were taken as 0 and
/// the leftover-unit loop ran 9·10¹⁸ times; now it is `invalid_money` at `amount`.
#[test]
fn a_signed_split_of_values_that_nearly_cancel_is_refused_at_amount() {
    // contributions 1e20, 1e20 and −(2e20 − 32768): their sum is 32768
    let req = serde_json::json!({"amount": "90000000000000000.00", "currency": "EUR",
        "members": ["a", "b", "c"], "model": "contribution",
        "game": {"kind": "table", "values": {"a": "100000000000000000000", "b": "100000000000000000000",
            "c": "-199999999999999967232"}}});
    let e = run_json("split", &req.to_string(), false, &Ctx::native()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_money", "amount"),
        "{}",
        e.message
    );
    assert!(e.message.contains("nearly cancel out"), "{}", e.message);
}
