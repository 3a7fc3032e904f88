//! Money: exact decimal amounts in an ISO 4217 currency, and the one allocation rule
//! of SPEC §4 that every split, share and simulation trial goes through.
//!
//! Amounts are `rust_decimal::Decimal`, never floats. Dividing by shares rounds each
//! part toward zero to the currency's minor unit and hands the leftover units, one
//! each, to the largest discarded remainders (ties by input order), so the parts
//! always add up to the whole.

use crate::error::{DealteamError, ErrorCode, Result};
use rust_decimal::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

mod currency;
mod units;
pub use currency::Currency;
pub use units::UnitDivider;

/// An exact amount. Reads a decimal string (`"1200.50"`) or a JSON integer; writes a
/// string. Floats are refused: money is never a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct Money(pub Decimal);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parse a decimal string such as `"1200.50"` or `"-30"`: exactly
    /// `-?digits(.digits)?` (SPEC §0) — no spaces, no `+`, digits on both sides of
    /// the point, at most 28 significant digits.
    pub fn parse(s: &str) -> std::result::Result<Money, String> {
        if !well_formed(s) {
            return Err(format!(
                "`{s}` is not a decimal amount; write money as a string of digits with an optional leading `-` \
                 and an optional `.` followed by digits, such as \"1200.50\""
            ));
        }
        Decimal::from_str_exact(s)
            .map(Money)
            .map_err(|_| format!("`{s}` has too many digits to be an exact amount (at most 28 significant digits)"))
    }

    /// The amount with exactly `minor` decimal places, or `invalid_money` when it has
    /// more precision than the currency allows.
    pub fn check_minor(self, minor: u32, path: &str) -> Result<Money> {
        if self.0.scale() > minor && self.0.round_dp(minor) != self.0 {
            return Err(DealteamError::new(
                ErrorCode::InvalidMoney,
                path,
                format!("{} has more than {minor} decimal places for this currency", self.0),
            ));
        }
        Ok(self.with_scale(minor))
    }

    /// The same amount written with `minor` decimal places (rounded half-even if needed).
    pub fn with_scale(self, minor: u32) -> Money {
        let mut d = self.0.round_dp(minor);
        d.rescale(minor);
        Money(d)
    }

    /// Whole minor units (cents) as an integer.
    pub fn to_units(self, minor: u32) -> Result<i128> {
        let scaled = self
            .0
            .checked_mul(Decimal::from(10u64.pow(minor)))
            .ok_or_else(|| too_big(self.0))?;
        scaled.trunc().to_i128().ok_or_else(|| too_big(self.0))
    }

    /// An amount from whole minor units.
    pub fn from_units(units: i128, minor: u32) -> Result<Money> {
        let i = i64::try_from(units).map_err(|_| too_big(Decimal::MAX))?;
        Ok(Money(Decimal::new(i, minor)))
    }
}

/// The money grammar of SPEC §0: `-?digits(.digits)?`.
fn well_formed(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match body.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(body),
    }
}

fn too_big(d: Decimal) -> DealteamError {
    DealteamError::new(
        ErrorCode::InvalidMoney,
        "",
        format!(
            "{d} is too large to handle exactly: amounts are at most {} of the currency's smallest unit (cents)",
            i64::MAX
        ),
    )
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Money, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal amount as a string, such as \"1200.50\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Money, E> {
                Money::parse(v).map_err(|m| E::custom(format!("invalid_money: {m}")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Money, E> {
                Ok(Money(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Money, E> {
                Ok(Money(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Money, E> {
                // JS numbers arrive as f64; accept whole numbers that are exact.
                if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(Money(Decimal::from(v as i64)))
                } else {
                    Err(E::custom(format!(
                        "invalid_money: {v} is a floating-point number; write money as a decimal string such as \"{v:.2}\""
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Divide `total` by non-negative `weights` (SPEC §4): each part is its exact share
/// rounded toward zero to `minor` decimal places; the leftover minor units go one each
/// to the parts with the largest discarded remainders, ties by input order. Negative
/// totals are divided by absolute value with the sign kept. The parts add up to
/// `total` exactly.
pub fn allocate(total: Money, weights: &[f64], minor: u32) -> Result<Vec<Money>> {
    allocate_decimal(total, &decimal_weights(weights)?, minor)
}

/// The f64 weights of [`allocate`] as the decimals it divides by.
fn decimal_weights(weights: &[f64]) -> Result<Vec<Decimal>> {
    let mut dec = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        if !w.is_finite() || w < 0.0 {
            return Err(DealteamError::invalid(
                format!("shares[{i}]"),
                format!("a share must be a finite number ≥ 0, got {w}"),
            ));
        }
        // whole weights (the common case) convert exactly without the slow base-2 path
        let d = if w.fract() == 0.0 && w < 9.0e15 {
            Some(Decimal::from(w as i64))
        } else {
            Decimal::from_f64(w)
        };
        let Some(d) = d else {
            return Err(DealteamError::invalid(
                format!("shares[{i}]"),
                format!(
                    "a share must be at most {} (the largest exact amount), got {w}",
                    Decimal::MAX
                ),
            ));
        };
        dec.push(d);
    }
    Ok(dec)
}

/// [`allocate`] with exact decimal weights (e.g. amounts or percentages).
// units = |total| in minor units: a Decimal (< 2⁹⁶) times 10^minor < 2¹¹⁰, so its negation
// fits i128; the floors add up to at most units, so units − given ≥ 0
#[allow(clippy::arithmetic_side_effects)]
pub fn allocate_decimal(total: Money, weights: &[Decimal], minor: u32) -> Result<Vec<Money>> {
    if weights.is_empty() {
        return Err(DealteamError::invalid(
            "shares",
            "there is nobody to divide the amount among",
        ));
    }
    if let Some(i) = weights.iter().position(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(DealteamError::invalid(
            format!("shares[{i}]"),
            "a share must not be negative",
        ));
    }
    let sum: Decimal = weights
        .iter()
        .try_fold(Decimal::ZERO, |a, w| a.checked_add(*w))
        .ok_or_else(|| DealteamError::invalid("shares", "the shares are too large to add up"))?;
    if sum.is_zero() {
        return Err(DealteamError::invalid(
            "shares",
            "the shares are all zero; give at least one party a positive share",
        ));
    }
    let negative = total.0.is_sign_negative();
    let units = total.to_units(minor).map_err(|e| e.under("amount"))?.abs();
    let whole = Money::from_units(if negative { -units } else { units }, minor).map_err(|e| e.under("amount"))?;
    if whole.0 != total.0 {
        return Err(DealteamError::new(
            ErrorCode::InvalidMoney,
            "amount",
            format!("{} has more than {minor} decimal places for this currency", total.0),
        ));
    }
    // Exact shares `units × w / sum`: floors and the order in which the leftover units
    // go (largest discarded remainder first, ties by input order).
    let (mut floors, order) = match integer_shares(units, weights) {
        Some(exact) => exact,
        None => decimal_shares(units, weights, sum).ok_or_else(|| too_big(total.0))?,
    };
    let given: i128 = floors.iter().sum();
    hand_out(&mut floors, &order, units - given);
    floors
        .into_iter()
        .map(|u| Money::from_units(if negative { -u } else { u }, minor))
        .collect()
}

/// Shares in whole integers, exactly: the weights brought to one decimal scale become
/// integers `wᵢ` with sum `W`, part i is `⌊units·wᵢ / W⌋` and its discarded remainder
/// `units·wᵢ mod W` (all over the same `W`, so comparing them is exact). `None` when
/// an intermediate value would not fit in i128; [`decimal_shares`] handles those.
fn integer_shares(units: i128, weights: &[Decimal]) -> Option<(Vec<i128>, Vec<usize>)> {
    let ints = integer_weights(weights)?;
    let total = ints.iter().try_fold(0i128, |a, &w| a.checked_add(w))?;
    let mut floors = Vec::with_capacity(ints.len());
    let mut rems = Vec::with_capacity(ints.len());
    for &w in &ints {
        let p = units.checked_mul(w)?;
        floors.push(p.checked_div(total)?);
        rems.push(p.checked_rem(total)?);
    }
    Some((floors, largest_first(&rems)))
}

/// The weights brought to one decimal scale, as integers (`None` if one does not fit).
fn integer_weights(weights: &[Decimal]) -> Option<Vec<i128>> {
    let scale = weights.iter().map(|w| w.scale()).max()?;
    weights
        .iter()
        .map(|w| {
            w.mantissa()
                .checked_mul(10i128.checked_pow(scale.checked_sub(w.scale())?)?)
        })
        .collect()
}

/// [`integer_shares`] for weights too large for i128 arithmetic: 28-digit decimals.
/// `None` only if a product overflows, which a ratio of at most 1 cannot make happen.
fn decimal_shares(units: i128, weights: &[Decimal], sum: Decimal) -> Option<(Vec<i128>, Vec<usize>)> {
    let units_dec = Decimal::from_i128_with_scale(units, 0);
    let mut floors = Vec::with_capacity(weights.len());
    let mut rems = Vec::with_capacity(weights.len());
    for w in weights {
        // the ratio first keeps magnitudes small
        let ratio = w.checked_div(sum).unwrap_or(Decimal::ZERO);
        let exact = units_dec.checked_mul(ratio)?;
        let fl = exact.trunc();
        floors.push(fl.to_i128()?);
        rems.push(exact.checked_sub(fl)?);
    }
    Some((floors, largest_first(&rems)))
}

/// The leftover step of SPEC §4 on its own, for parts already rounded toward zero:
/// `left` units go one each to the parts with the largest discarded `remainders`, ties
/// by input order, as in [`allocate`]. For parts known as integer quotients, e.g. the
/// means of integer sums.
pub fn give_leftover<T: Ord>(parts: &mut [i128], remainders: &[T], left: i128) {
    hand_out(parts, &largest_first(remainders), left);
}

/// Hand `left` units to `parts`, one each in `order`, going round again when there are
/// more units than parts; a negative `left` takes units back in the reverse order. The
/// parts then add up to their previous sum plus `left`.
// k < left ≤ u32::MAX and the modulus is ≥ 1; j < len; each part moves by one unit per
// leftover unit, at most len of them, and parts are at most |units| < 2¹¹⁰
#[allow(clippy::arithmetic_side_effects)]
fn hand_out(parts: &mut [i128], order: &[usize], left: i128) {
    let step = left.signum();
    for k in 0..left.unsigned_abs().min(u128::from(u32::MAX)) {
        let j = (k % order.len().max(1) as u128) as usize;
        let j = if step < 0 { order.len().saturating_sub(1 + j) } else { j };
        if let Some(part) = order.get(j).and_then(|&i| parts.get_mut(i)) {
            *part += step;
        }
    }
}

/// Indices by remainder, largest first; the stable sort keeps input order for ties.
fn largest_first<T: Ord>(rems: &[T]) -> Vec<usize> {
    let mut order: Vec<(usize, &T)> = rems.iter().enumerate().collect();
    crate::sort::sort_by(&mut order, |a, b| b.1.cmp(a.1));
    order.into_iter().map(|(i, _)| i).collect()
}

/// Part `k` (0-based) of `units` minor units divided into `n` equal parts (SPEC §4 with
/// equal weights, in integers for hot loops): every part gets `units / n` rounded toward
/// zero, and the leftover units go one each to the first parts (equal remainders, ties
/// by input order) — exactly what [`allocate`] gives for `n` equal weights. The sign of
/// `units` is kept. `n = 0` gives 0.
// n ≥ 1; |units| ≤ i64::MAX: callers pass deal units (≤ MAX_DEAL_UNITS, 10¹⁵) or incentive
// amounts built from them, never i64::MIN; q + 1 ≤ |units| where k < r
#[allow(clippy::arithmetic_side_effects)]
pub fn equal_part(units: i64, n: u32, k: u32) -> i64 {
    if n == 0 {
        return 0;
    }
    let n = i64::from(n);
    let (q, r) = (units.abs() / n, units.abs() % n);
    let part = q + i64::from(i64::from(k) < r);
    if units < 0 {
        -part
    } else {
        part
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn thirds_of_a_hundred() {
        let parts = allocate(m("100.00"), &[1.0, 1.0, 1.0], 2).unwrap();
        assert_eq!(parts, vec![m("33.34"), m("33.33"), m("33.33")]);
    }

    #[test]
    fn largest_remainder_wins_the_leftover_cent() {
        // 10.00 by 1:2 → 3.333… and 6.666…; remainders .333 and .666 → the second gets the cent
        let parts = allocate(m("10.00"), &[1.0, 2.0], 2).unwrap();
        assert_eq!(parts, vec![m("3.33"), m("6.67")]);
    }

    #[test]
    fn negative_amounts_keep_their_sign() {
        let parts = allocate(m("-100.00"), &[1.0, 1.0, 1.0], 2).unwrap();
        assert_eq!(parts, vec![m("-33.34"), m("-33.33"), m("-33.33")]);
    }

    #[test]
    fn zero_decimal_currency() {
        let parts = allocate(m("1000"), &[1.0, 1.0, 1.0], 0).unwrap();
        assert_eq!(parts, vec![m("334"), m("333"), m("333")]);
    }

    #[test]
    fn all_zero_shares_is_an_error() {
        assert_eq!(
            allocate(m("1.00"), &[0.0, 0.0], 2).unwrap_err().code,
            ErrorCode::InvalidValue
        );
    }

    #[test]
    fn too_many_decimals_is_invalid_money() {
        assert_eq!(
            allocate(m("1.005"), &[1.0], 2).unwrap_err().code,
            ErrorCode::InvalidMoney
        );
    }

    #[test]
    fn integer_and_decimal_paths_agree() {
        let cases: [(i128, Vec<Decimal>); 4] = [
            (10_000, vec![Decimal::from(60), Decimal::from(40)]),
            (30_001, vec![Decimal::from(1), Decimal::from(2), Decimal::from(3)]),
            (
                12_345_678,
                vec![
                    Decimal::from_f64(0.1805225).unwrap(),
                    Decimal::from_f64(0.693872666667).unwrap(),
                    Decimal::from_f64(0.125604833333).unwrap(),
                ],
            ),
            (7, vec![Decimal::new(1, 2), Decimal::new(1, 2), Decimal::new(1, 2)]),
        ];
        for (units, w) in cases {
            let sum: Decimal = w.iter().sum();
            assert_eq!(
                integer_shares(units, &w),
                decimal_shares(units, &w, sum),
                "{units} {w:?}"
            );
        }
    }

    #[test]
    fn money_grammar_is_exactly_sign_digits_point_digits() {
        for ok in [
            "0",
            "12",
            "-5",
            "12.00",
            "-0.5",
            "007.10",
            "79228162514264337593543950335",
        ] {
            assert!(Money::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            " 12.00 ", "12.00 ", "+5.00", ".5", "5.", "-", "", "1e3", "1,000.00", "--5", "5.-1", "1.2.3", "٣", "0x10",
        ] {
            let e = Money::parse(bad).unwrap_err();
            assert!(
                e.contains(&format!("`{bad}`")) && e.contains("\"1200.50\""),
                "{bad}: {e}"
            );
        }
        assert!(Money::parse("792281625142643375935439503350")
            .unwrap_err()
            .contains("too many digits"));
    }

    #[test]
    fn equal_part_matches_allocate() {
        for units in [-1001i64, -7, 0, 1, 5, 12, 1000, 1001, 123457] {
            for n in 1u32..=13 {
                let all = allocate(Money::from_units(units.into(), 2).unwrap(), &vec![1.0; n as usize], 2).unwrap();
                for k in 0..n {
                    assert_eq!(
                        Money::from_units(equal_part(units, n, k).into(), 2).unwrap(),
                        all[k as usize],
                        "{units} / {n} part {k}"
                    );
                }
            }
        }
    }
}
