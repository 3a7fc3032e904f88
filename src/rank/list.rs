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
    /// The three strongest capabilities, as "cloud 80%, ai 71%, data 31%": strongest first,
    /// equal levels by key, each level a whole percentage as `Intl.NumberFormat` writes it
    /// ("" for none); empty when the list was asked for without text.
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
                push_percent(&mut caps, level);
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

/// Appends `x` (a level, 0.8) as a whole percentage ("80%"), as the page's percentages
/// (`Intl.NumberFormat`, style percent) write it: the shortest decimal that reads back as `x`
/// ("0.045"), times 100, rounded half away from zero ("5%"; the double's exact value,
/// 0.04499…, would give "4%").
fn push_percent(out: &mut String, x: f64) {
    use rust_decimal::{Decimal, RoundingStrategy};
    use std::fmt::Write;
    // `{}` writes a double's shortest round-trip decimal, never with an exponent
    let percent = x
        .to_string()
        .parse::<Decimal>()
        .ok()
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .map(|d| d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero));
    let _ = match percent {
        Some(p) => write!(out, "{}%", p.normalize()),
        // beyond a decimal's 28 digits (or not a number): as a double
        None => write!(out, "{:.0}%", x * 100.0),
    };
}

// proptest is a dev-dependency of native builds only
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::push_percent;
    use proptest::prelude::*;

    fn percent(x: f64) -> String {
        let mut s = String::new();
        push_percent(&mut s, x);
        s
    }

    #[test]
    fn levels_as_whole_percentages() {
        // Intl.NumberFormat('en', {style: 'percent'}) of the same numbers in Node 20
        let cases = [
            (0.8, "80%"),
            (0.125, "13%"),
            (0.625, "63%"),
            (0.005, "1%"),
            (0.045, "5%"),
            (0.575, "58%"),
            (0.995, "100%"),
            (0.0, "0%"),
            (-0.0, "0%"),
            (0.05, "5%"),
            (1.0, "100%"),
            (1.5, "150%"),
            (5e-324, "0%"),
        ];
        for (x, want) in cases {
            assert_eq!(percent(x), want, "{x}");
        }
        assert_eq!(percent(1e300), format!("{:.0}%", 1e300 * 100.0));
    }

    proptest! {
        /// A level with three decimals, j/1000, is j/10 percent, halves rounded up (levels are 0 to 1).
        #[test]
        fn thousandths_round_half_up(j in 0i64..2_000_000) {
            prop_assert_eq!(percent(j as f64 / 1000.0), format!("{}%", (j + 5) / 10));
        }
    }
}
