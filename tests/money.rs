#![cfg(not(target_arch = "wasm32"))]
//! SPEC §4 — dividing money by shares: the parts always add up exactly, each part is
//! within one minor unit of its exact share, leftovers go to the largest remainders
//! (ties by input order), negative amounts keep their sign; currencies with 0, 2 and 3
//! minor units.

use dealteam::money::{allocate, allocate_decimal, Currency, Money};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

#[test]
fn hand_cases() {
    // 100.00 in thirds: 33.333… each, one leftover cent to the first (tie by input order)
    assert_eq!(
        allocate(m("100.00"), &[1.0, 1.0, 1.0], 2).unwrap(),
        [m("33.34"), m("33.33"), m("33.33")]
    );
    // 0.05 by 1:1:1:1:1:1 → 0.00833… each: five cents to the first five parties
    assert_eq!(
        allocate(m("0.05"), &[1.0; 6], 2).unwrap(),
        [m("0.01"), m("0.01"), m("0.01"), m("0.01"), m("0.01"), m("0")]
    );
    // 1000 JPY by 50/30/20 is exact
    assert_eq!(
        allocate(m("1000"), &[50.0, 30.0, 20.0], 0).unwrap(),
        [m("500"), m("300"), m("200")]
    );
    // 10.000 KWD by 1:2 → 3.333… and 6.666…: the larger remainder (.666) gets the fils
    assert_eq!(allocate(m("10.000"), &[1.0, 2.0], 3).unwrap(), [m("3.333"), m("6.667")]);
    // a zero share gets nothing, even a leftover unit
    assert_eq!(
        allocate(m("1.00"), &[0.0, 1.0, 1.0], 2).unwrap(),
        [m("0"), m("0.50"), m("0.50")]
    );
    // refunds: divided by absolute value, sign kept
    assert_eq!(allocate(m("-10.00"), &[1.0, 2.0], 2).unwrap(), [m("-3.33"), m("-6.67")]);
    // zero amount
    assert_eq!(allocate(m("0"), &[1.0, 3.0], 2).unwrap(), [m("0"), m("0")]);
    // exact decimal weights: 60/40 of 0.01 → the larger share (0.006) gets the cent
    let w = [Decimal::new(60, 0), Decimal::new(40, 0)];
    assert_eq!(allocate_decimal(m("0.01"), &w, 2).unwrap(), [m("0.01"), m("0")]);
}

#[test]
fn bad_shares_and_amounts_are_errors() {
    assert_eq!(allocate(m("1.00"), &[], 2).unwrap_err().code.as_str(), "invalid_value");
    assert_eq!(
        allocate(m("1.00"), &[0.0, 0.0], 2).unwrap_err().code.as_str(),
        "invalid_value"
    );
    let e = allocate(m("1.00"), &[1.0, -1.0], 2).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "shares[1]"));
    assert_eq!(
        allocate(m("1.00"), &[f64::NAN], 2).unwrap_err().code.as_str(),
        "invalid_value"
    );
    assert_eq!(
        allocate(m("1.001"), &[1.0], 2).unwrap_err().code.as_str(),
        "invalid_money"
    );
    assert_eq!(
        allocate(m("1.5"), &[1.0], 0).unwrap_err().code.as_str(),
        "invalid_money"
    );
}

#[test]
fn minor_units_by_currency() {
    for (code, minor) in [("EUR", 2), ("USD", 2), ("JPY", 0), ("KRW", 0), ("BHD", 3), ("KWD", 3)] {
        assert_eq!(Currency::parse(code).unwrap().minor_units(), minor, "{code}");
    }
    let (eur, usd) = (Currency::parse("EUR").unwrap(), Currency::parse("USD").unwrap());
    assert_eq!(
        eur.ensure_same(&usd, "amount").unwrap_err().code.as_str(),
        "currency_mismatch"
    );
    assert!(eur.ensure_same(&eur.clone(), "amount").is_ok());
}

/// Amount in minor units, a currency's minor units, shares (not all zero).
fn case() -> impl Strategy<Value = (i64, u32, Vec<f64>)> {
    let shares = prop::collection::vec(
        prop_oneof![Just(0.0), Just(1.0), 0.0..100.0f64, 0.0..1e-3f64, 1.0..1e9f64],
        1..12,
    )
    .prop_filter("not all zero", |w| w.iter().any(|&x| x > 0.0));
    (
        prop_oneof![-1_000_000i64..1_000_000, -1_000_000_000_000i64..1_000_000_000_000],
        prop::sample::select(vec![0u32, 2, 3]),
        shares,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parts_add_up_exactly_and_stay_within_one_unit((units, minor, shares) in case()) {
        let total = Money(Decimal::new(units, minor));
        let parts = allocate(total, &shares, minor).unwrap();
        prop_assert_eq!(parts.len(), shares.len());
        let sum: Decimal = parts.iter().map(|p| p.0).sum();
        prop_assert_eq!(sum, total.0);
        let unit = Decimal::new(1, minor);
        let wsum: Decimal = shares.iter().map(|&w| Decimal::try_from(w).unwrap()).sum();
        for (p, &w) in parts.iter().zip(&shares) {
            // the exact share, computed independently
            let exact = total.0 * Decimal::try_from(w).unwrap() / wsum;
            prop_assert!((p.0 - exact).abs() < unit, "part {} exact {}", p.0, exact);
            // rounded toward zero, then at most one unit more: never past the exact share's next unit
            prop_assert!(p.0.is_zero() || p.0.is_sign_negative() == total.0.is_sign_negative());
            prop_assert!(p.0.scale() <= minor || p.0.round_dp(minor) == p.0);
            if w == 0.0 {
                prop_assert!(p.0.is_zero());
            }
        }
    }

    #[test]
    fn negative_is_the_mirror_of_positive((units, minor, shares) in case()) {
        let pos = allocate(Money(Decimal::new(units.abs(), minor)), &shares, minor).unwrap();
        let neg = allocate(Money(Decimal::new(-units.abs(), minor)), &shares, minor).unwrap();
        for (a, b) in pos.iter().zip(&neg) {
            prop_assert_eq!(a.0, -b.0);
        }
    }

    #[test]
    fn equal_shares_give_leftovers_in_input_order(units in 0i64..10_000, n in 1usize..9, minor in prop::sample::select(vec![0u32, 2, 3])) {
        let parts = allocate(Money(Decimal::new(units, minor)), &vec![1.0; n], minor).unwrap();
        let base = units / n as i64;
        let extra = (units % n as i64) as usize;
        for (i, p) in parts.iter().enumerate() {
            let want = Decimal::new(base + if i < extra { 1 } else { 0 }, minor);
            prop_assert_eq!(p.0, want);
        }
    }
}
