//! Calendar days for registration windows: ISO 8601 dates (`2026-03-01`, optionally
//! with a time such as `2026-03-01T10:00:00Z`, of which only the day counts).
//! Parsed by hand because a day count is all §8 needs; no time zones are involved.

use crate::error::{DealteamError, Result};
use std::fmt;

/// A day as days since 1970-01-01 (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// Parse `YYYY-MM-DD` (anything after the date, such as `T10:00:00Z`, is ignored).
    pub fn parse(s: &str, path: &str) -> Result<Day> {
        let bad = || {
            DealteamError::invalid(
                path,
                format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"),
            )
        };
        let d = s.get(..10).ok_or_else(bad)?;
        if s.len() > 10 && !s[10..].starts_with('T') {
            return Err(bad());
        }
        let b = d.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| d.get(r).and_then(|x| x.parse::<i64>().ok()).ok_or_else(bad);
        let (y, m, dd) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || dd < 1 || dd > days_in_month(y, m) {
            return Err(bad());
        }
        Ok(Day(days_from_civil(y, m, dd)))
    }
    /// This day plus `n` days.
    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn round_trips_and_counts_days() {
        let a = Day::parse("2024-02-28", "x").unwrap();
        assert_eq!(a.plus(1).to_string(), "2024-02-29");
        assert_eq!(a.plus(2).to_string(), "2024-03-01");
        assert_eq!(Day::parse("1970-01-01", "x").unwrap(), Day(0));
        assert_eq!(
            Day::parse("2026-03-01T10:00:00Z", "x").unwrap().to_string(),
            "2026-03-01"
        );
        assert!(Day::parse("2023-02-29", "x").is_err());
        assert!(Day::parse("2023-13-01", "x").is_err());
        assert!(Day::parse("01/02/2023", "x").is_err());
        assert!(Day::parse("2023-01-01 10:00", "x").is_err());
    }
}
