//! Reporting ratios and scores: rounded to at most 12 significant digits (SPEC §0),
//! so outputs agree bit for bit in JSON natively and in wasm.

/// `x` rounded to 12 significant digits; non-finite values pass through unchanged.
pub fn round12(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return if x == 0.0 { 0.0 } else { x };
    }
    // `{:.11e}` formats with 12 significant digits, correctly rounded, on every target.
    format!("{x:.11e}").parse().unwrap_or(x)
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
