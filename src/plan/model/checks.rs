//! Checks shared by the model's parts: optional amounts as minor units, probabilities,
//! and the message for a part the simulation needs.

use crate::error::{DealteamError, ErrorCode, Problems};
use crate::money::Money;

/// An optional amount as minor units for the simulation: missing is 0; a bad,
/// negative or too large amount is reported at `path` (negative as "`what` must not be
/// negative", `what` the amount in the user's words: "an investment") and counts as 0.
pub(crate) fn units(p: &mut Problems, m: Option<Money>, minor: u32, path: &str, what: &str) -> i64 {
    let Some(m) = m else { return 0 };
    let r = m.check_minor(minor, path).and_then(|m| m.to_units(minor));
    match p.take(r.map_err(|e| DealteamError {
        path: path.to_string(),
        ..e
    })) {
        Some(u) if u < 0 => {
            p.push(ErrorCode::InvalidMoney, path, format!("{what} must not be negative"));
            0
        }
        Some(u) if u > i64::MAX as i128 / 1_000_000 => {
            p.push(ErrorCode::InvalidMoney, path, "this amount is too large to simulate");
            0
        }
        Some(u) => u as i64,
        None => 0,
    }
}

/// `x` must be a probability (finite, 0..=1).
pub(crate) fn prob(p: &mut Problems, x: f64, path: &str, what: &str) {
    if crate::error::check_finite(p, path, x) && !(0.0..=1.0).contains(&x) {
        p.invalid(path, format!("{what} is a probability between 0 and 1, got {x}"));
    }
}

/// A part the simulation needs is missing.
pub(crate) fn missing(p: &mut Problems, path: &str, what: &str) {
    p.push(
        ErrorCode::MissingField,
        path,
        format!("a plan needs {what} to be simulated"),
    );
}
