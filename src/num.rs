//! Reporting ratios and scores: rounded to at most 12 significant digits (SPEC §0),
//! so outputs agree bit for bit in JSON natively and in wasm.

mod round12;
pub use round12::round12;

/// The larger of two numbers that are never NaN (scores, bounds, fits). `f64::max` must
/// ignore a NaN operand, which wasm's `f64.max` does not do, so in wasm it is a call to
/// `fmax`; this is one compare and a select. Equal operands (±0 included) give `a`.
#[inline(always)]
pub fn larger(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// The smaller of two numbers that are never NaN, as [`larger`] is the larger: one compare
/// and a select where `f64::min` is a call to `fmin` in wasm. Equal operands give `a`.
#[inline(always)]
pub fn smaller(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// Serde helper: serialize an f64 rounded to 12 significant digits.
pub fn ser_round12<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round12(*x))
}

/// Serde helper for `Option<f64>`.
pub fn ser_round12_opt<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(v) => s.serialize_f64(round12(*v)),
        None => s.serialize_none(),
    }
}

/// The logistic function `σ(x) = 1 / (1 + e^(−x))` — the win curve of SPEC §5 and the
/// link of the §9 win model. `libm::exp` gives the same bits natively and in wasm.
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

/// Ties within this distance are treated as equal when ordering scores (SPEC §2, §3).
pub const TIE_EPS: f64 = 1e-9;

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn rounds_to_twelve_significant_digits() {
        assert_eq!(round12(0.1 + 0.2), 0.3);
        assert_eq!(round12(2.0 / 3.0), 0.666666666667);
        assert_eq!(round12(123_456_789.123_456_79), 123456789.123);
        assert_eq!(round12(-1e-20 / 3.0), -3.33333333333e-21);
        assert_eq!(round12(0.0), 0.0);
        assert!(round12(f64::NAN).is_nan());
    }
}

/// The largest integer a JS number holds exactly (2^53 − 1).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Read an optional seed: a whole number from 0 to 2^53 − 1 (exact in JS), or a
/// string of decimal digits for any u64. A larger number is refused rather than
/// silently rounded by JS into another seed (issue 17 item 8).
pub fn seed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    use serde::de::{Error, Visitor};
    struct SeedVisitor;
    const WANT: &str = "a whole number from 0 to 9007199254740991, or a string of digits for a larger seed";
    impl<'de> Visitor<'de> for SeedVisitor {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(WANT)
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
            if v > MAX_SAFE_INTEGER {
                return Err(E::custom(format!(
                    "the seed {v} is above 2^53 − 1, where JavaScript numbers lose digits; pass it as a string (\"{v}\")"
                )));
            }
            Ok(Some(v))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
            match u64::try_from(v) {
                Ok(u) => self.visit_u64(u),
                Err(_) => Err(E::custom(format!("the seed must be {WANT}, got {v}"))),
            }
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(E::custom(format!("the seed must be {WANT}, got {v}")))
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            let digits = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
            match v.parse::<u64>() {
                Ok(s) if digits => Ok(Some(s)),
                _ => Err(E::custom(format!("the seed must be {WANT}, got \"{v}\""))),
            }
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(SeedVisitor)
        }
    }
    d.deserialize_option(SeedVisitor)
}

#[cfg(test)]
mod seed_tests {
    #[derive(serde::Deserialize)]
    struct S {
        #[serde(default, deserialize_with = "super::seed")]
        seed: Option<u64>,
    }
    fn read(text: &str) -> crate::Result<Option<u64>> {
        crate::json::from_str::<S>(text).map(|s| s.seed)
    }

    #[test]
    fn seeds_are_safe_integers_or_digit_strings() {
        assert_eq!(read(r#"{"seed": 7}"#).unwrap(), Some(7));
        assert_eq!(read(r#"{}"#).unwrap(), None);
        assert_eq!(read(r#"{"seed": 9007199254740991}"#).unwrap(), Some(9007199254740991));
        assert_eq!(read(r#"{"seed": "18446744073709551615"}"#).unwrap(), Some(u64::MAX));
        for bad in [r#"9007199254740992"#, r#"1.5"#, r#"-1"#, r#""12a""#, r#""""#, r#"1e20"#] {
            let e = read(&format!(r#"{{"seed": {bad}}}"#)).unwrap_err();
            assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "seed"), "{bad}");
        }
    }
}
