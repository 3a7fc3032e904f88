//! Calendar days and instants for registrations (SPEC §8, §14): ISO 8601 days
//! (`2026-03-01`) and RFC 3339 timestamps with an offset (`2026-03-01T23:30:00-05:00`),
//! stored in UTC (`2026-03-02T04:30:00Z`). A timestamp's day is its UTC day. Parsed by
//! hand: the grammar is small and the crates that parse it add to the wasm module.
// Years are 4 digits (0000–9999): days lie within ±4·10⁶ and seconds within ±4·10¹¹,
// and Day::plus adds at most u32::MAX days (registry windows): far inside i64.
#![allow(clippy::arithmetic_side_effects)]

use crate::error::{DealteamError, Result};
use std::fmt;

/// A day as days since 1970-01-01 (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// Parse `YYYY-MM-DD`, or an RFC 3339 timestamp (then its day in UTC).
    pub fn parse(s: &str, path: &str) -> Result<Day> {
        Ok(Stamp::parse(s, path)?.day())
    }
    /// Parse exactly `YYYY-MM-DD`.
    fn parse_date(d: &str) -> Option<Day> {
        let b = d.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let (y, m, dd) = (digits(&d[0..4])?, digits(&d[5..7])?, digits(&d[8..10])?);
        if !(1..=12).contains(&m) || dd < 1 || dd > days_in_month(y, m) {
            return None;
        }
        Some(Day(days_from_civil(y, m, dd)))
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

/// Non-negative decimal digits only (no sign, no spaces).
fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// An instant in whole seconds since 1970-01-01T00:00:00Z (fractions of a second are
/// dropped: registrations are decided by the day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(pub i64);

impl Stamp {
    /// Parse an RFC 3339 timestamp (`2026-03-01T10:00:00Z`, `…+02:00`, `…-05:30`,
    /// fractions allowed) or a day (`2026-03-01`, meaning its start in UTC).
    pub fn parse(s: &str, path: &str) -> Result<Stamp> {
        Stamp::parse_opt(s).ok_or_else(|| {
            DealteamError::invalid(
                path,
                format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01, or with a time and offset, e.g. 2026-03-01T10:00:00+01:00"),
            )
        })
    }
    fn parse_opt(s: &str) -> Option<Stamp> {
        let day = Day::parse_date(s.get(..10)?)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Stamp(day.0 * 86_400));
        }
        let rest = rest.strip_prefix(['T', 't'])?;
        let b = rest.as_bytes();
        if b.len() < 9 || b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
            return None;
        }
        // bytes 2 and 5 are ':', so 0..2 and 3..5 are whole characters; 6..8 may cut one
        // (`12:00:0ϥ`, found by fuzzing `register`): `get` is None there, never a panic
        let (h, mi, se) = (
            digits(rest.get(0..2)?)?,
            digits(rest.get(3..5)?)?,
            digits(rest.get(6..8)?)?,
        );
        if h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let mut zone = rest.get(8..)?;
        if let Some(frac) = zone.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            zone = &frac[n..];
        }
        let offset = match zone {
            "Z" | "z" => 0,
            _ => {
                let (sign, hm) = match zone.as_bytes().first()? {
                    b'+' => (1, &zone[1..]),
                    b'-' => (-1, &zone[1..]),
                    _ => return None,
                };
                if hm.len() != 5 || hm.as_bytes().get(2) != Some(&b':') {
                    return None;
                }
                let (oh, om) = (digits(&hm[0..2])?, digits(&hm[3..5])?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 3600 + om * 60)
            }
        };
        // a leap second (:60) counts as the next second's start
        Some(Stamp(day.0 * 86_400 + h * 3600 + mi * 60 + se - offset))
    }
    /// The day of this instant in UTC.
    pub fn day(self) -> Day {
        Day(self.0.div_euclid(86_400))
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.day(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
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
        assert!(Day::parse("2023-01-01T", "x").is_err());
        assert!(Day::parse("2023-01-01T10:00:00", "x").is_err(), "an offset is required");
        assert!(Day::parse("+023-01-01", "x").is_err());
    }

    /// A character of several bytes where the seconds or the zone start is refused, not a
    /// panic (fuzz/regressions/commands/date-with-a-two-byte-character-in-the-seconds).
    #[test]
    fn a_wide_character_inside_the_time_is_not_a_date() {
        for bad in [
            "2026-11-02T00:00:0ϥ",
            "2026-11-02T00:00:ϥ0Z",
            "2026-11-02T00:00:00ϥ",
            "2026-11-02T0ϥ:00:00Z",
        ] {
            assert!(Stamp::parse(bad, "at").is_err(), "{bad}");
        }
    }

    /// Offsets are applied to reach UTC; the day is the UTC day.
    #[test]
    fn timestamps_with_offsets_are_stored_in_utc() {
        let table = [
            ("2026-03-01T23:30:00-05:00", "2026-03-02T04:30:00Z"),
            ("2026-03-01T00:30:00+01:00", "2026-02-28T23:30:00Z"),
            ("2024-03-01T00:15:00+00:30", "2024-02-29T23:45:00Z"),
            ("2026-03-01T10:00:00.123456Z", "2026-03-01T10:00:00Z"),
            ("2026-03-01t10:00:00z", "2026-03-01T10:00:00Z"),
            ("2026-03-01", "2026-03-01T00:00:00Z"),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ];
        for (raw, utc) in table {
            assert_eq!(Stamp::parse(raw, "x").unwrap().to_string(), utc, "{raw}");
        }
        assert_eq!(
            Day::parse("2026-03-01T23:30:00-05:00", "x").unwrap().to_string(),
            "2026-03-02"
        );
        for bad in [
            "2026-03-01T24:00:00Z",
            "2026-03-01T10:00:00+5:00",
            "2026-03-01T10:00Z",
            "2026-03-01T10:00:00.Z",
        ] {
            assert!(Stamp::parse(bad, "x").is_err(), "{bad}");
        }
    }
}
