#![cfg(not(target_arch = "wasm32"))]
//! SplitRule / PreparedSplit: fixed and tiered splits through §4 (SPEC §5).

use dealteam::money::{Currency, Money};
use dealteam::splits::SplitRule;
use dealteam::ErrorCode;

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}
fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
fn rule(json: &str) -> SplitRule {
    dealteam::json::from_str(json).unwrap()
}
fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

#[test]
fn percent_must_add_up_to_exactly_100() {
    let r = rule(r#"{"model":"fixed","percent":{"a":33.3,"b":33.3,"c":33.4}}"#);
    let p = r.prepare(&ids(&["a", "b", "c"]), &eur(), "split").unwrap();
    assert_eq!(
        p.divide(m("1000.00")).unwrap(),
        vec![m("333.00"), m("333.00"), m("334.00")]
    );
    let bad = rule(r#"{"model":"fixed","percent":{"a":33.3,"b":33.3,"c":33.3}}"#);
    let e = bad.prepare(&ids(&["a", "b", "c"]), &eur(), "plan.split").unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "plan.split.percent")
    );
    assert!(e.message.contains("99.9"), "{}", e.message);
    // 0.1 + 0.2 style float sums would fail; decimals add exactly
    let ok = rule(r#"{"model":"fixed","percent":{"a":0.1,"b":0.2,"c":99.7}}"#);
    assert!(ok.prepare(&ids(&["a", "b", "c"]), &eur(), "split").is_ok());
}

#[test]
fn shares_are_weights_and_missing_members_get_zero() {
    let r = rule(r#"{"model":"fixed","shares":{"a":1,"b":2}}"#);
    let p = r.prepare(&ids(&["a", "b", "c"]), &eur(), "split").unwrap();
    assert_eq!(p.divide(m("10.00")).unwrap(), vec![m("3.33"), m("6.67"), m("0.00")]);
    assert_eq!(p.divide(m("-10.00")).unwrap(), vec![m("-3.33"), m("-6.67"), m("0.00")]);
}

#[test]
fn unknown_members_and_zero_shares_are_errors() {
    let e = rule(r#"{"model":"fixed","shares":{"a":1,"z":2}}"#)
        .prepare(&ids(&["a", "b"]), &eur(), "split")
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPartner, "split.shares.z"));
    let e = rule(r#"{"model":"fixed","shares":{"a":0}}"#)
        .prepare(&ids(&["a", "b"]), &eur(), "split")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    let e = rule(r#"{"model":"fixed","shares":{"a":-1}}"#)
        .prepare(&ids(&["a", "b"]), &eur(), "split")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
}

const TIERED: &str = r#"{"model":"tiered","roles":{"p2":"influence","p3":"sourcing"},
  "schedules":{"influence":[{"upTo":"100000.00","rate":0.05},{"rate":0.03}],"sourcing":[{"rate":"0.10"}]},
  "residual":{"to":"p1"}}"#;

#[test]
fn tiered_marginal_brackets() {
    let p = rule(TIERED)
        .prepare(&ids(&["p1", "p2", "p3"]), &eur(), "split")
        .unwrap();
    // influence: 5% of 100,000 + 3% of 50,000 = 6,500; sourcing 10% = 15,000; rest 128,500
    assert_eq!(
        p.divide(m("150000.00")).unwrap(),
        vec![m("128500.00"), m("6500.00"), m("15000.00")]
    );
    assert_eq!(
        p.divide(m("-150000.00")).unwrap(),
        vec![m("-128500.00"), m("-6500.00"), m("-15000.00")]
    );
    assert_eq!(p.divide(m("0.00")).unwrap(), vec![m("0.00"), m("0.00"), m("0.00")]);
    // cents: 5% of 0.10 = 0.005 → rounded through §4, parts still add up
    let parts = p.divide(m("0.10")).unwrap();
    assert_eq!(parts.iter().map(|x| x.0).sum::<rust_decimal::Decimal>(), m("0.10").0);
}

#[test]
fn tiered_residual_shares() {
    let r = rule(
        r#"{"model":"tiered","roles":{"c":"fee"},"schedules":{"fee":[{"rate":0.1}]},"residual":{"shares":{"a":1,"b":1}}}"#,
    );
    let p = r.prepare(&ids(&["a", "b", "c"]), &eur(), "split").unwrap();
    assert_eq!(p.divide(m("100.01")).unwrap(), vec![m("45.01"), m("45.00"), m("10.00")]);
}

#[test]
fn tiered_errors() {
    let members = ids(&["p1", "p2", "p3"]);
    let e = rule(r#"{"model":"tiered","roles":{"p2":"x"},"schedules":{"x":[{"rate":0.6}]},"residual":{"to":"p9"}}"#)
        .prepare(&members, &eur(), "s")
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::UnknownPartner, "s.residual.to"));
    let e = rule(
        r#"{"model":"tiered","roles":{"p2":"x","p3":"x"},"schedules":{"x":[{"rate":0.6}]},"residual":{"to":"p1"}}"#,
    )
    .prepare(&members, &eur(), "s")
    .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "s.roles"));
    let e = rule(r#"{"model":"tiered","roles":{"p2":"x"},"schedules":{"x":[{"rate":0.1},{"upTo":"5.00","rate":0.2}]},"residual":{"to":"p1"}}"#)
        .prepare(&members, &eur(), "s")
        .unwrap_err();
    assert_eq!(e.path, "s.schedules.x[0].upTo");
    let e = rule(r#"{"model":"tiered","roles":{"p2":"y"},"schedules":{"x":[{"rate":0.1}]}}"#)
        .prepare(&members, &eur(), "s")
        .unwrap_err();
    assert_eq!(e.path, "s.roles.p2");
}

#[test]
fn game_models_without_deal_are_clear_errors() {
    let e = rule(r#"{"model":"shapley"}"#)
        .prepare(&ids(&["a", "b"]), &eur(), "plan.split")
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "plan.split.game"));
    let e = rule(r#"{"model":"shapley","game":{"kind":"coverage"}}"#)
        .prepare(&ids(&["a", "b"]), &eur(), "plan.split")
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "plan.split.game"));
    // a table game works inside a plan
    let r = rule(r#"{"model":"shapley","game":{"kind":"table","values":{"a":"10.00","b":"20.00","a,b":"60.00"}}}"#);
    let p = r.prepare(&ids(&["a", "b"]), &eur(), "plan.split").unwrap();
    // φ_a = (10 + (60−20))/2 = 25, φ_b = 35
    assert_eq!(p.divide(m("60.00")).unwrap(), vec![m("25.00"), m("35.00")]);
}

/// Issue 16: a residual share beyond Decimal's range was read as 0 by §4; it is refused
/// at its field.
#[test]
fn a_residual_share_beyond_an_exact_amount_is_refused() {
    let members = ids(&["p1", "p2"]);
    let e = rule(r#"{"model":"tiered","roles":{"p1":"x"},"schedules":{"x":[{"rate":0.1}]},"residual":{"shares":{"p1":1,"p2":1e40}}}"#)
        .prepare(&members, &eur(), "s")
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "s.residual.shares.p2")
    );
    assert!(e.message.contains("at most"), "{}", e.message);
}
