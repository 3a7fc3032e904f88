//! Amounts as people type them in spreadsheets, read into exact money for the actuals
//! CSV (docs/plans.md "Actuals from CSV"): decimal commas, thousands separators,
//! spaces and apostrophes as group separators, a leading minus.
//!
//! The rule, for a cell with its spaces and apostrophes removed:
//! - both `.` and `,` present: the one that comes last is the decimal separator, the
//!   other groups thousands (`1,234,567.89`, `1.234.567,89`);
//! - one of them present more than once: it groups thousands (`1,234,567`);
//! - one of them present once: a decimal separator (`1234,56`, `1234.5`) — except when
//!   it is followed by exactly three digits, preceded by one to three digits not
//!   starting with 0, and the currency has fewer than three decimals: then it groups
//!   thousands (`1,234` and `1.234` are 1234 in EUR; `1.234` is 1.234 in BHD).
//!
//! Groups after a thousands separator must have three digits, so a date or a typo
//! (`1.5.2024`, `12,34`) is refused rather than read as something else.

use crate::money::Money;

/// Read `raw` as an amount with at most `minor` decimals; the error says what to write.
pub fn parse_amount(raw: &str, minor: u32) -> Result<Money, String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    let (neg, body) = match cleaned.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let bad = || {
        format!(
            "`{}` is not an amount; write it like 1234.56, 1,234.56 or 1.234,56",
            raw.trim()
        )
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(bad());
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (decimal, group) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if dots.saturating_add(commas) > 1 || groups_thousands(body, sep, minor) {
                (None, Some(sep))
            } else {
                (Some(sep), None)
            }
        }
        _ => {
            let last = body.rfind(['.', ',']).and_then(|i| body[i..].chars().next());
            let dec = last.unwrap_or('.');
            let grp = if dec == '.' { ',' } else { '.' };
            if body.matches(dec).count() > 1 {
                return Err(bad());
            }
            (Some(dec), Some(grp))
        }
    };
    let (int, frac) = match decimal {
        Some(d) => body.split_once(d).unwrap_or((body, "")),
        None => (body, ""),
    };
    if decimal.is_some() && (int.is_empty() || frac.is_empty()) {
        return Err(bad());
    }
    let digits = match group {
        Some(g) => {
            let mut parts = int.split(g);
            let first = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            if first.is_empty() || rest.iter().any(|p| p.len() != 3) {
                return Err(bad());
            }
            std::iter::once(first).chain(rest).collect::<String>()
        }
        None => int.to_string(),
    };
    let text = format!(
        "{}{}{}{}",
        if neg { "-" } else { "" },
        digits,
        if frac.is_empty() { "" } else { "." },
        frac
    );
    let m = Money::parse(&text).map_err(|_| bad())?;
    if m.0.scale() > minor && m.0.round_dp(minor) != m.0 {
        return Err(format!(
            "`{}` has more than {minor} decimal places for this currency",
            raw.trim()
        ));
    }
    Ok(m.with_scale(minor))
}

/// A single `sep` in `body` groups thousands: three digits after it, one to three
/// before (not starting with 0), and a currency with fewer than three decimals.
fn groups_thousands(body: &str, sep: char, minor: u32) -> bool {
    let Some((int, frac)) = body.split_once(sep) else {
        return false;
    };
    minor < 3 && frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    fn ok(raw: &str, minor: u32) -> String {
        parse_amount(raw, minor).unwrap().0.to_string()
    }

    #[test]
    fn separators_by_the_documented_rule() {
        assert_eq!(ok("1234.56", 2), "1234.56");
        assert_eq!(ok("1234,56", 2), "1234.56");
        assert_eq!(ok("1,234,567.89", 2), "1234567.89");
        assert_eq!(ok("1.234.567,89", 2), "1234567.89");
        assert_eq!(ok("1 234 567,89", 2), "1234567.89");
        assert_eq!(ok("1\u{a0}234,5", 2), "1234.50");
        assert_eq!(ok("1'234'567.00", 2), "1234567.00");
        assert_eq!(ok("1,234", 2), "1234.00");
        assert_eq!(ok("1.234", 2), "1234.00");
        assert_eq!(ok("1.234", 3), "1.234");
        assert_eq!(ok("0,125", 3), "0.125");
        assert_eq!(ok("1,234,567", 2), "1234567.00");
        assert_eq!(ok("-1.234,50", 2), "-1234.50");
        assert_eq!(ok("−20", 0), "-20");
        assert_eq!(ok(" 7 ", 2), "7.00");
    }

    #[test]
    fn refusals_say_what_to_write() {
        for bad in [
            "", "abc", "1.5.2024", "12,34,5", "1,2.3.4", ",5", "5.", "EUR 5", "1e3", "--1",
        ] {
            let e = parse_amount(bad, 2).unwrap_err();
            assert!(e.contains("not an amount"), "{bad}: {e}");
        }
        assert!(parse_amount("0,125", 2)
            .unwrap_err()
            .contains("more than 2 decimal places"));
        assert!(parse_amount("1.5", 0)
            .unwrap_err()
            .contains("more than 0 decimal places"));
    }
}
