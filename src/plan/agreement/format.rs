//! How the agreement writes numbers: money in the currency's format (`EUR 3,000,000.00`),
//! percentages always with one decimal (`53.6%`), counts with thousands separators and
//! dates in words — with the separators of the request's `locale` (`en`, `de`, `fr`;
//! the text itself stays English).

use crate::money::Money;
pub use crate::plan::types::Locale;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const NBSP: char = '\u{a0}';

impl Locale {
    fn group_sep(self) -> char {
        match self {
            Locale::En => ',',
            Locale::De => '.',
            Locale::Fr => NBSP,
        }
    }

    fn decimal_sep(self) -> char {
        match self {
            Locale::En => '.',
            _ => ',',
        }
    }

    /// A plain decimal string (`-1234.5`) with this locale's separators.
    // i < int.len(), the digits enumerated
    #[allow(clippy::arithmetic_side_effects)]
    fn digits(self, plain: &str) -> String {
        let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
        let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut out = String::from(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(self.group_sep());
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(self.decimal_sep());
            out.push_str(f);
        }
        out
    }

    /// `EUR 3,000,000.00`: the code, then the amount at `minor` decimals.
    pub fn money(self, m: &Money, code: &str, minor: u32) -> String {
        format!("{code}{NBSP}{}", self.digits(&m.with_scale(minor).0.to_string()))
    }

    /// A percentage of a fraction (`0.536` → `53.6%`), always one decimal.
    pub fn pct(self, fraction: f64) -> String {
        self.pct_of(fraction * 100.0)
    }

    /// A percentage given in percent (`53.55` → `53.6%`; halves away from zero).
    pub fn pct_of(self, percent: f64) -> String {
        self.pct_dec(shortest(percent))
    }

    /// A decimal percentage, one decimal.
    pub fn pct_dec(self, percent: Decimal) -> String {
        let s = percent
            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_string();
        let s = if s.contains('.') { s } else { format!("{s}.0") };
        let s = if s == "-0.0" { "0.0".to_string() } else { s };
        match self {
            Locale::En => format!("{}%", self.digits(&s)),
            _ => format!("{}{NBSP}%", self.digits(&s)),
        }
    }

    /// A count (`10,000`).
    pub fn count(self, n: u64) -> String {
        self.digits(&n.to_string())
    }

    /// A quantity with at most two decimals, trailing zeros dropped (`2.5`).
    pub fn num(self, x: f64) -> String {
        let d = shortest(x).round_dp(2).normalize();
        self.digits(&d.to_string())
    }

    /// `2027-01-01` as `1 January 2027`; anything else as written.
    pub fn date(self, iso: &str) -> String {
        match ymd(iso) {
            Some((y, m, d)) => {
                // ymd gives m ∈ 1..=12
                let name = |names: [&'static str; 12]| names.get(m.wrapping_sub(1)).copied().unwrap_or_default();
                match self {
                    Locale::En => format!("{d} {} {y}", name(MONTHS_EN)),
                    Locale::De => format!("{d}. {} {y}", name(MONTHS_DE)),
                    Locale::Fr => format!("{d} {} {y}", name(MONTHS_FR)),
                }
            }
            None => iso.to_string(),
        }
    }

    /// The calendar month of plan month `k` (1-based) for a plan starting on `start`.
    pub fn plan_month(self, start: &str, k: u32) -> Option<String> {
        let (y, m, _) = ymd(start)?;
        // m ∈ 1..=12 (ymd); checked, as k is any u32 and wasm32's usize is 32 bits
        let idx = (y as usize)
            .checked_mul(12)?
            .checked_add(m.saturating_sub(1))?
            .checked_add(k.saturating_sub(1) as usize)?;

        let (y, m) = (idx / 12, idx % 12);
        let names = match self {
            Locale::En => MONTHS_EN,
            Locale::De => MONTHS_DE,
            Locale::Fr => MONTHS_FR,
        };
        Some(format!("{} {y}", names.get(m)?))
    }
}

/// A ratio as a fraction of the whole, for shares computed from weights.
pub fn fraction(part: f64, whole: f64) -> f64 {
    if whole == 0.0 {
        0.0
    } else {
        part / whole
    }
}

/// The decimal an f64 is written as (its shortest round-trip text: `53.55`, not the
/// binary value 53.549999…), so that halves round as a reader expects; 0 when not finite.
fn shortest(x: f64) -> Decimal {
    use std::str::FromStr;
    if !x.is_finite() {
        return Decimal::ZERO;
    }
    Decimal::from_str(&format!("{x}")).unwrap_or_else(|_| Decimal::from_f64_retain(x).unwrap_or_default())
}

/// A Decimal as f64 (0 when out of range).
pub fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn ymd(s: &str) -> Option<(u32, usize, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y: u32 = s[0..4].parse().ok()?;
    let m: usize = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_percent_count_date_per_locale() {
        let m = Money::parse("3000000").unwrap();
        assert_eq!(Locale::En.money(&m, "EUR", 2), "EUR\u{a0}3,000,000.00");
        assert_eq!(Locale::De.money(&m, "EUR", 2), "EUR\u{a0}3.000.000,00");
        assert_eq!(Locale::Fr.money(&m, "EUR", 2), "EUR\u{a0}3\u{a0}000\u{a0}000,00");
        assert_eq!(
            Locale::En.money(&Money::parse("-1234.6").unwrap(), "JPY", 0),
            "JPY\u{a0}-1,235"
        );
        assert_eq!(
            Locale::En.money(&Money::parse("999").unwrap(), "BHD", 3),
            "BHD\u{a0}999.000"
        );
        assert_eq!(Locale::En.pct_of(53.55), "53.6%");
        assert_eq!(Locale::En.pct_of(68.0), "68.0%");
        assert_eq!(Locale::En.pct(0.25), "25.0%");
        assert_eq!(Locale::En.pct(-0.00001), "0.0%");
        assert_eq!(Locale::De.pct_of(1234.56), "1.234,6\u{a0}%");
        assert_eq!(Locale::En.count(10_000), "10,000");
        assert_eq!(Locale::Fr.count(1_000), "1\u{a0}000");
        assert_eq!(Locale::En.num(2.5), "2.5");
        assert_eq!(Locale::De.num(4.0), "4");
        assert_eq!(Locale::En.date("2027-01-01"), "1 January 2027");
        assert_eq!(Locale::De.date("2028-12-31"), "31. Dezember 2028");
        assert_eq!(Locale::En.date("next spring"), "next spring");
        assert_eq!(
            Locale::En.plan_month("2027-01-01", 24).as_deref(),
            Some("December 2028")
        );
        assert_eq!(Locale::En.plan_month("2027-11-15", 3).as_deref(), Some("January 2028"));
    }
}
