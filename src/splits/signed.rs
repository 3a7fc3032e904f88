//! Dividing money by *signed* weights (SPEC §11): game values may be negative (a member
//! who costs the others). With `W = Σ wᵢ ≠ 0`, member i's exact part is
//! `amount × wᵢ / W`, rounded toward zero to the minor unit; the leftover units (positive
//! or negative) go one each to the largest discarded remainders in the direction of the
//! leftover, ties by input order. The parts add up exactly.
//!
//! Non-negative weights take the §4 path ([`crate::money::allocate`]), which this rule
//! reduces to, so existing splits keep their exact parts.

use crate::error::{DealteamError, Result};
use crate::money::{allocate, Money};
use rust_decimal::prelude::*;
use std::cmp::Ordering;

/// Divide `total` by `weights` that may be negative (see the module docs). `game` names
/// the game in the error when the weights add up to zero.
pub fn allocate_signed(total: Money, weights: &[f64], minor: u32, at: &str, game: &str) -> Result<Vec<Money>> {
    if let Some(i) = weights.iter().position(|w| !w.is_finite()) {
        return Err(DealteamError::invalid(
            at,
            format!("the value of member {i} in the {game} game is not a finite number"),
        ));
    }
    if weights.iter().all(|&w| w >= 0.0) && weights.iter().any(|&w| w > 0.0) {
        return allocate(total, weights, minor);
    }
    let dec: Vec<Decimal> = weights
        .iter()
        .map(|&w| Decimal::from_f64(w).unwrap_or(Decimal::ZERO))
        .collect();
    let sum = dec
        .iter()
        .try_fold(Decimal::ZERO, |a, w| a.checked_add(*w))
        .ok_or_else(|| DealteamError::invalid(at, "the values are too large to add up"))?;
    if sum.is_zero() {
        return Err(DealteamError::invalid(
            at,
            format!(
                "the members' values in the {game} game add up to 0 (gains and costs cancel), so no amount can be \
                 divided in proportion to them; change the game or use the fixed or tiered model"
            ),
        ));
    }
    let units = total.to_units(minor).map_err(|e| e.under("amount"))?;
    if Money::from_units(units, minor).map_err(|e| e.under("amount"))?.0 != total.0 {
        return Err(DealteamError::new(
            crate::error::ErrorCode::InvalidMoney,
            "amount",
            format!("{} has more than {minor} decimal places for this currency", total.0),
        ));
    }
    let (mut parts, rems) = exact_parts(units, &dec, sum);
    // Signed weights can give parts far larger than the amount that nearly cancel out.
    // Exact parts truncated toward zero leave |left| < n units (≤ n with the decimal
    // path's rounding); more means a product overflowed, and the loop below would run
    // that many times.
    let Some(mut left) = parts
        .iter()
        .try_fold(0i128, |a, &p| a.checked_add(p))
        .and_then(|given| units.checked_sub(given))
        .filter(|left| left.unsigned_abs() <= parts.len() as u128)
    else {
        return Err(DealteamError::new(
            crate::error::ErrorCode::InvalidMoney,
            "amount",
            format!(
                "the members' values in the {game} game nearly cancel out, so the parts of {} in proportion to them \
                 are too large to handle exactly; change the game or use the fixed or tiered model",
                total.0
            ),
        ));
    };
    let step = left.signum();
    // largest remainders in the direction of the leftover; the stable sort keeps input order on ties
    let mut by_rem: Vec<(usize, &_)> = rems.iter().enumerate().collect();
    crate::sort::sort_by(&mut by_rem, |a, b| match step {
        1 => b.1.cmp(a.1),
        -1 => a.1.cmp(b.1),
        _ => Ordering::Equal,
    });
    let order: Vec<usize> = by_rem.into_iter().map(|(i, _)| i).collect();
    let mut k = 0usize;
    // |left| ≤ n (checked above): k ≤ n, each part moves by at most one unit, left → 0
    #[allow(clippy::arithmetic_side_effects)]
    while left != 0 {
        if let Some(part) = order.get(k % order.len()).and_then(|&i| parts.get_mut(i)) {
            *part += step;
        }
        left -= step;
        k += 1;
    }
    parts.into_iter().map(|u| Money::from_units(u, minor)).collect()
}

/// Parts `units × wᵢ / W` truncated toward zero, and the signed discarded remainders
/// (comparable with each other): exact over integers when they fit in i128, else as
/// 28-digit decimals.
fn exact_parts(units: i128, w: &[Decimal], sum: Decimal) -> (Vec<i128>, Vec<Decimal>) {
    if let Some(r) = integer_parts(units, w) {
        return r;
    }
    let u = Decimal::from_i128_with_scale(units, 0);
    w.iter()
        .map(|wi| {
            let ratio = wi.checked_div(sum).unwrap_or(Decimal::ZERO);
            let exact = u.checked_mul(ratio).unwrap_or(Decimal::ZERO);
            let t = exact.trunc();
            // exact − trunc(exact) is its fraction: |·| < 1
            #[allow(clippy::arithmetic_side_effects)]
            let fraction = exact - t;
            (t.to_i128().unwrap_or(0), fraction)
        })
        .unzip()
}

/// Integer weights over one scale; with `W > 0` (signs flipped if needed) the part is
/// `units·wᵢ / W` truncated toward zero and the remainder `units·wᵢ mod W` (same sign).
fn integer_parts(units: i128, w: &[Decimal]) -> Option<(Vec<i128>, Vec<Decimal>)> {
    let scale = w.iter().map(|x| x.scale()).max()?;
    let mut ints: Vec<i128> = w
        .iter()
        .map(|x| {
            x.mantissa()
                .checked_mul(10i128.checked_pow(scale.checked_sub(x.scale())?)?)
        })
        .collect::<Option<_>>()?;
    let mut total = ints.iter().try_fold(0i128, |a, &x| a.checked_add(x))?;
    if total < 0 {
        for x in &mut ints {
            *x = x.checked_neg()?;
        }
        total = total.checked_neg()?;
    }
    let mut parts = Vec::with_capacity(ints.len());
    let mut rems = Vec::with_capacity(ints.len());
    for &x in &ints {
        let p = units.checked_mul(x)?;
        parts.push(p.checked_div(total)?);
        // remainders share the denominator W, so comparing the numerators is exact
        rems.push(Decimal::try_from_i128_with_scale(p.checked_rem(total)?, 0).ok()?);
    }
    Some((parts, rems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }
    fn parts(total: &str, w: &[f64]) -> Vec<String> {
        allocate_signed(m(total), w, 2, "game", "table")
            .unwrap()
            .iter()
            .map(|x| x.0.to_string())
            .collect()
    }

    #[test]
    fn hand_computed_signed_parts() {
        // W = 3 − 1 = 2: exact parts 150, −50
        assert_eq!(parts("100.00", &[3.0, -1.0]), ["150.00", "-50.00"]);
        // W = 2 + 2 − 1 = 3; exact 66.666…, 66.666…, −33.333…: truncated 66.66, 66.66, −33.33
        // (sum 99.99); leftover +1 cent to the largest remainder (0.6 cent, first by input order)
        assert_eq!(parts("100.00", &[2.0, 2.0, -1.0]), ["66.67", "66.66", "-33.33"]);
        // a refund mirrors: leftover −1 cent to the most negative remainder
        assert_eq!(parts("-100.00", &[2.0, 2.0, -1.0]), ["-66.67", "-66.66", "33.33"]);
        // W < 0: an amount divided by mostly negative values
        assert_eq!(parts("10.00", &[-3.0, 1.0]), ["15.00", "-5.00"]);
    }

    #[test]
    fn zero_sum_is_refused_naming_the_game() {
        let e = allocate_signed(m("100.00"), &[1.0, -1.0], 2, "game", "table").unwrap_err();
        assert_eq!(e.code, crate::error::ErrorCode::InvalidValue);
        assert_eq!(e.path, "game");
        assert!(e.message.contains("table game"), "{}", e.message);
        assert!(allocate_signed(m("1.00"), &[0.0, 0.0], 2, "game", "table").is_err());
    }

    #[test]
    fn non_negative_weights_match_section_4() {
        let w = [0.3, 0.3, 0.4];
        assert_eq!(
            allocate_signed(m("10.01"), &w, 2, "game", "t").unwrap(),
            allocate(m("10.01"), &w, 2).unwrap()
        );
    }
}
