//! What a list of partners shows of each — id, name, kind, tier, and the regions and the three
//! strongest capabilities as text — for a page of partners, in columns: the planner's Partners
//! table shows 100,000 partners from a few lists of strings, and no screen formats capabilities
//! itself.

use super::partners::NO_TIER;
use super::EcosystemIndex;
use serde::Serialize;

/// Partners as a list of them shows each, column by column: one list per field, item `i` of
/// each for the same partner ([`EcosystemIndex::list_in`]). Text ready to show, so a page
/// of 100,000 partners costs a few lists of strings instead of an object, a map and a list
/// per partner.
#[derive(Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PartnerList<'a> {
    /// Ids.
    pub ids: Vec<&'a str>,
    /// Display names.
    pub names: Vec<&'a str>,
    /// Kinds.
    pub kinds: Vec<&'a str>,
    /// Tiers (`null` for a partner without one).
    pub tiers: Vec<Option<&'a str>>,
    /// Regions, as "emea, uki" ("" for none); empty when the list was asked for without text.
    pub regions: Vec<String>,
    /// The three strongest capabilities, as "cloud 0.80, ai 0.71, data 0.31": strongest
    /// first, equal levels by key, each level with two decimals ("" for none); empty when the
    /// list was asked for without text.
    pub capabilities: Vec<String>,
}

impl EcosystemIndex {
    /// Partners `from..to` (clamped to the partners there are) as a list shows them; without
    /// `text`, `regions` and `capabilities` stay empty (the other columns are all a page needs to
    /// take in many partners, the text only for the rows it shows).
    pub fn list_in(&self, from: usize, to: usize, text: bool) -> PartnerList<'_> {
        let p = &self.partners;
        let to = to.min(self.len());
        let mut out = PartnerList::default();
        for i in from.min(to)..to {
            out.ids.push(self.id(i));
            out.names.push(self.name(i));
            out.kinds.push(p.strings.get(p.kind.get(i).copied().unwrap_or(NO_TIER)));
            out.tiers.push(
                p.tier
                    .get(i)
                    .copied()
                    .filter(|&t| t != NO_TIER)
                    .map(|t| p.strings.get(t)),
            );
            if !text {
                continue;
            }
            let mut regions = String::new();
            for (n, &k) in p.regions.of(i).iter().enumerate() {
                if n > 0 {
                    regions.push_str(", ");
                }
                regions.push_str(p.strings.get(k));
            }
            out.regions.push(regions);
            let mut caps = String::new();
            for (n, (k, level)) in strongest(p.capabilities.of(i)).into_iter().flatten().enumerate() {
                if n > 0 {
                    caps.push_str(", ");
                }
                caps.push_str(p.strings.get(k));
                caps.push(' ');
                push_fixed2(&mut caps, level);
            }
            out.capabilities.push(caps);
        }
        out
    }
}

/// The three highest levels of `levels` (keys ascending), highest first; equal levels keep
/// the keys' order — what a stable sort by level, descending, puts first.
fn strongest(levels: &[(u32, f64)]) -> [Option<(u32, f64)>; 3] {
    let mut top: [Option<(u32, f64)>; 3] = [None; 3];
    for &(k, level) in levels {
        // after every kept level at least as high
        let Some(at) = top.iter().position(|t| t.map_or(true, |(_, w)| level > w)) else {
            continue;
        };
        if let Some(rest) = top.get_mut(at..) {
            rest.rotate_right(1);
        }
        if let Some(slot) = top.get_mut(at) {
            *slot = Some((k, level));
        }
    }
    top
}

/// Appends `x` with two decimals as JavaScript's `x.toFixed(2)` writes it. Rust's `{:.2}` rounds
/// the exact value too, but a tie (x exactly halfway between two hundredths: an odd multiple of
/// 1/8, such as 0.125) to even where `toFixed` rounds it away from zero, and it writes −0 as
/// "-0.00" where `toFixed` writes "0.00".
fn push_fixed2(out: &mut String, x: f64) {
    use std::fmt::Write;
    let eighths = x * 8.0;
    let tie = eighths.fract() == 0.0 && eighths % 2.0 != 0.0;
    // at a tie x × 100 is exact (12.5 × an odd integer), and `round` goes away from zero
    let x = if tie { (x * 100.0).round() / 100.0 } else { x };
    let _ = write!(out, "{:.2}", if x == 0.0 { 0.0 } else { x });
}

// proptest is a dev-dependency of native builds only
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::push_fixed2;
    use proptest::prelude::*;

    fn fixed2(x: f64) -> String {
        let mut s = String::new();
        push_fixed2(&mut s, x);
        s
    }

    #[test]
    fn as_to_fixed_writes_them() {
        // `x.toFixed(2)` in Node 20
        let cases = [
            (0.125, "0.13"),
            (0.625, "0.63"),
            (0.375, "0.38"),
            (0.875, "0.88"),
            (0.5, "0.50"),
            (0.005, "0.01"),
            (1.005, "1.00"),
            (2.675, "2.67"),
            (0.0, "0.00"),
            (-0.0, "0.00"),
            (0.995, "0.99"),
            (0.045, "0.04"),
            (1.0, "1.00"),
            (-0.001, "-0.00"),
            (-0.125, "-0.13"),
            (123456.785, "123456.79"),
            (f64::MIN_POSITIVE, "0.00"),
            (5e-324, "0.00"),
            (1e300, &format!("{:.2}", 1e300)),
        ];
        for (x, want) in cases {
            assert_eq!(fixed2(x), want, "{x}");
        }
    }

    /// `toFixed(2)` from the double's bits, in integers, for |x| < 2^49: |x| = m / 2^shift
    /// exactly; hundredths ⌊m·100 / 2^shift⌋, plus one when the rest is half or more.
    fn to_fixed_exact(x: f64) -> String {
        let bits = x.abs().to_bits();
        let (exp, frac) = ((bits >> 52) as u32, bits & ((1 << 52) - 1));
        let (m, shift) = if exp == 0 {
            (frac, 1074)
        } else {
            (frac | 1 << 52, 1075 - exp)
        };
        assert!(shift >= 4, "below 2^49");
        let v = u128::from(m) * 100;
        let n = if shift >= 120 {
            0
        } else {
            (v >> shift) + u128::from((v & ((1 << shift) - 1)) >= 1 << (shift - 1))
        };
        let sign = if x < 0.0 { "-" } else { "" };
        format!("{sign}{}.{:02}", n / 100, n % 100)
    }

    proptest! {
        #[test]
        fn the_exact_value_rounded_half_away_from_zero(x in -1e6f64..1e6, eighths in -8_000_000i64..8_000_000) {
            prop_assert_eq!(fixed2(x), to_fixed_exact(x));
            // ties, and the numbers on either side of them
            let tie = eighths as f64 / 8.0;
            for y in [tie, tie.next_up(), tie.next_down()] {
                prop_assert_eq!(fixed2(y), to_fixed_exact(y));
            }
        }

        #[test]
        fn eighths_and_hundredths(j in -8000i64..8000) {
            let x = j as f64 / 8.0;
            let hundredths = (j * 100).abs();
            // |x|·100 = |j|·12.5: halves round up
            let n = (hundredths + 4) / 8;
            let sign = if j < 0 { "-" } else { "" };
            prop_assert_eq!(fixed2(x), format!("{sign}{}.{:02}", n / 100, n % 100));
        }
    }
}
