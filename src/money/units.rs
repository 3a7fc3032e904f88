//! SPEC §4's division prepared once for many amounts: the simulation divides every
//! month of every trial by the same weights, so the weights' integer form is computed
//! once and each month divides in `u64` minor units, without a `Decimal`, an `i128`
//! (a software routine in wasm) or an allocation. It gives exactly the parts of
//! [`super::allocate`] and [`super::allocate_decimal`]; amounts or weights outside its
//! range are left to them.

use super::{decimal_weights, integer_weights};
use rust_decimal::Decimal;

/// Most weights the divider takes (the leftover step marks parts in a `u32`); more are
/// left to the general path.
const MAX_PARTS: usize = 32;
/// Amounts and integer weights below 2³² multiply within `u64`.
const LIMIT: u64 = 1 << 32;

/// Weights as integers over one decimal scale, each below 2³², adding up to more than 0.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDivider {
    ints: Vec<u64>,
    total: u64,
}

impl UnitDivider {
    /// The divider for [`super::allocate`]'s f64 weights; `None` where only the general
    /// path divides (a weight that is not a whole number of small decimals, or an
    /// invalid one, whose error the general path reports).
    pub fn of_f64(weights: &[f64]) -> Option<UnitDivider> {
        Self::of_decimals(&decimal_weights(weights).ok()?)
    }

    /// The divider for [`super::allocate_decimal`]'s weights; `None` as for [`Self::of_f64`].
    pub fn of_decimals(weights: &[Decimal]) -> Option<UnitDivider> {
        if weights.len() > MAX_PARTS {
            return None;
        }
        let ints = integer_weights(weights)?
            .into_iter()
            .map(|w| u64::try_from(w).ok().filter(|&w| w < LIMIT))
            .collect::<Option<Vec<u64>>>()?;
        // at most 32 weights below 2³² each: the sum is below 2³⁷
        let total = ints.iter().try_fold(0u64, |a, &w| a.checked_add(w))?;
        (total > 0).then_some(UnitDivider { ints, total })
    }

    /// Divide `units` minor units into `out` (one part per weight) as SPEC §4 does: each
    /// part `⌊|units|·wᵢ / W⌋`, the leftover units one each to the largest remainders
    /// `|units|·wᵢ mod W` (ties by input order), the sign of `units` kept. Returns
    /// false, with `out` unspecified, when `|units|` ≥ 2³² or `out` has another length:
    /// then the general path divides.
    // Arithmetic: |units| < 2³² and wᵢ < 2³², so |units|·wᵢ < 2⁶⁴; W > 0; the floors add
    // up to at most |units| (each is at most its exact share), so the leftover is ≥ 0,
    // and below the number of parts (each floor loses less than one unit); parts ≤ |units|.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn divide(&self, units: i64, out: &mut [i64]) -> bool {
        let u = units.unsigned_abs();
        let n = self.ints.len();
        if u >= LIMIT || out.len() != n {
            return false;
        }
        let mut rems = [0u64; MAX_PARTS];
        let mut given = 0u64;
        for ((&w, slot), rem) in self.ints.iter().zip(out.iter_mut()).zip(rems.iter_mut()) {
            let p = u * w;
            let floor = p / self.total;
            given += floor;
            *slot = floor as i64;
            *rem = p % self.total;
        }
        // the leftover units, one each to the largest remainders (ties: the first), by
        // selection: fewer than n ≤ 32 of them (no sort routine in the module for this)
        let mut taken = 0u32;
        for _ in 0..u - given {
            let mut best: Option<(usize, u64)> = None;
            for (k, &r) in rems.iter().enumerate().take(n) {
                if taken & (1 << k) == 0 && !matches!(best, Some((_, rb)) if r <= rb) {
                    best = Some((k, r));
                }
            }
            let Some((b, _)) = best else { break };
            taken |= 1 << b;
            if let Some(part) = out.get_mut(b) {
                *part += 1;
            }
        }
        if units < 0 {
            out.iter_mut().for_each(|p| *p = -*p);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{allocate, allocate_decimal, Money};
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn general(parts: &[Money]) -> Vec<i64> {
        parts
            .iter()
            .map(|p| i64::try_from(p.to_units(2).unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn gives_the_parts_of_the_general_division() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut checked = 0;
        for case in 0..3_000 {
            let n = rng.random_range(1..=32usize);
            let weights: Vec<f64> = (0..n)
                .map(|_| match rng.random_range(0..4) {
                    0 => 0.0,
                    1 => f64::from(rng.random_range(1..=100u32)),
                    2 => f64::from(rng.random_range(1..=1000u32)) / 100.0,
                    _ => f64::from(rng.random_range(1..=3u32)),
                })
                .collect();
            if weights.iter().all(|&w| w == 0.0) {
                continue;
            }
            let units: i64 = match case % 3 {
                0 => rng.random_range(-50..=50),
                1 => rng.random_range(-5_000_000..=5_000_000),
                _ => rng.random_range(0..(1i64 << 32)),
            };
            let d = UnitDivider::of_f64(&weights).expect("small weights");
            let mut out = vec![0i64; n];
            assert!(d.divide(units, &mut out));
            let all = allocate(Money::from_units(units.into(), 2).unwrap(), &weights, 2).unwrap();
            assert_eq!(out, general(&all), "{units} by {weights:?}");
            assert_eq!(out.iter().sum::<i64>(), units);
            checked += 1;
        }
        assert!(checked > 2_500);
    }

    #[test]
    fn percentages_divide_as_decimals() {
        let w: Vec<Decimal> = ["33.3", "33.3", "33.4"].iter().map(|s| s.parse().unwrap()).collect();
        let d = UnitDivider::of_decimals(&w).unwrap();
        for units in [0i64, 1, 2, 100, 1001, 99_999, -7] {
            let mut out = vec![0; 3];
            assert!(d.divide(units, &mut out));
            let all = allocate_decimal(Money::from_units(units.into(), 2).unwrap(), &w, 2).unwrap();
            assert_eq!(out, general(&all));
        }
    }

    #[test]
    fn leaves_what_it_cannot_divide_to_the_general_path() {
        // a weight of many decimals, a large weight, a negative one, all zero, too many
        assert!(UnitDivider::of_f64(&[0.123_456_789_123, 1.0]).is_none());
        assert!(UnitDivider::of_f64(&[0.1234567, 1.0]).is_some());
        assert!(UnitDivider::of_f64(&[5.0e9, 1.0]).is_none());
        assert!(UnitDivider::of_f64(&[-1.0, 2.0]).is_none());
        assert!(UnitDivider::of_f64(&[0.0, 0.0]).is_none());
        assert!(UnitDivider::of_f64(&[1.0; 33]).is_none());
        assert!(UnitDivider::of_f64(&[1.0; 32]).is_some());
        let d = UnitDivider::of_f64(&[60.0, 40.0]).unwrap();
        let mut out = [0i64; 2];
        assert!(!d.divide(1 << 32, &mut out));
        assert!(!d.divide(-(1 << 32), &mut out));
        assert!(!d.divide(5, &mut [0i64; 3]));
        assert!(d.divide((1 << 32) - 1, &mut out));
        assert_eq!(out, [2_576_980_377, 1_717_986_918]);
    }
}
