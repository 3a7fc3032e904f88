//! Exact small fractions for LP results (the nucleolus's §4 ties): continued fractions
//! over one common denominator.
// Every denominator q ≤ 10⁶ and the common one d ≤ 10¹² (checked at each step): d/gcd·q ≤
// 10¹⁸ < i64::MAX, p·(d/q) ≤ d as p ≤ q, and gcd divides by b ≠ 0.
#![allow(clippy::arithmetic_side_effects)]

/// The shares `xᵢ / Σ x` as small exact fractions over one denominator D (integer
/// weights adding up to D), when every share is within 1e-9 of a fraction with a
/// denominator ≤ 10⁶ and D ≤ 10¹²: the LP's last bits then cannot break the §4 ties
/// of an exact answer such as (8/3, 2/3, 5/3). `None` otherwise (the float values are used).
pub fn rational_weights(x: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = x.iter().sum();
    if total == 0.0 || !total.is_finite() {
        return None;
    }
    let fracs: Vec<(i64, i64)> = x.iter().map(|&xi| fraction(xi / total)).collect::<Option<_>>()?;
    let d = fracs.iter().try_fold(1i64, |d, &(_, q)| {
        let l = d / gcd(d, q) * q;
        (l <= 1_000_000_000_000).then_some(l)
    })?;
    let w: Vec<i64> = fracs.iter().map(|&(p, q)| p * (d / q)).collect();
    (w.iter().sum::<i64>() == d).then(|| w.iter().map(|&x| x as f64).collect())
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// The fraction p/q (q ≤ 10⁶) nearest `r` by continued fractions, if within 1e-9.
fn fraction(r: f64) -> Option<(i64, i64)> {
    let (mut h0, mut h1, mut k0, mut k1) = (0i64, 1i64, 1i64, 0i64);
    let mut y = r;
    for _ in 0..40 {
        let a = y.floor();
        if a.abs() > 1e12 {
            return None;
        }
        let a = a as i64;
        let (h2, k2) = (a.checked_mul(h1)?.checked_add(h0)?, a.checked_mul(k1)?.checked_add(k0)?);
        if k2 > 1_000_000 {
            return None;
        }
        (h0, h1, k0, k1) = (h1, h2, k1, k2);
        if (r - h1 as f64 / k1 as f64).abs() <= 1e-9 {
            return Some((h1, k1));
        }
        let f = y - a as f64;
        if f.abs() < 1e-15 {
            return None;
        }
        y = 1.0 / f;
    }
    None
}
