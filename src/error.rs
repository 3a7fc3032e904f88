//! One error type for every public boundary: a stable `code`, a JSONPath-like `path`
//! naming the field to fix, and a message that says what to change (SPEC §0).
//!
//! Errors are values: the core never panics on input, so the CLI can print them and
//! the wasm facade can throw them as `DealteamError` without killing the module.

use serde::Serialize;
use std::fmt;

/// Stable, snake_case error codes (SPEC §0). Published to TypeScript as a string union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input is not JSON (or not the JSON shape expected at the top level).
    InvalidJson,
    /// A field that the schema does not know (often a typo such as `wieght`).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value is present but not allowed (out of range, wrong type, NaN, …).
    InvalidValue,
    /// Two items of one list share an id.
    DuplicateId,
    /// A reference to a partner id that the ecosystem does not have.
    UnknownPartner,
    /// A reference to a profile id that the request does not have.
    UnknownProfile,
    /// An amount that is not a decimal string with at most the currency's minor units.
    InvalidMoney,
    /// Amounts in two currencies were about to be combined.
    CurrencyMismatch,
    /// A documented limit was exceeded; the message names the limit.
    TooLarge,
    /// The constraints cannot be met (for example no team fills a slot).
    Infeasible,
    /// Long work was cancelled by the caller.
    Cancelled,
    /// An unknown CLI command or JS operation.
    UnknownCommand,
    /// A JS handle (`Ecosystem`, `TeamSearch`, `Simulation`) used after `free()`.
    Freed,
}

impl ErrorCode {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownPartner => "unknown_partner",
            ErrorCode::UnknownProfile => "unknown_profile",
            ErrorCode::InvalidMoney => "invalid_money",
            ErrorCode::CurrencyMismatch => "currency_mismatch",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Infeasible => "infeasible",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::UnknownCommand => "unknown_command",
            ErrorCode::Freed => "freed",
        }
    }
}

/// The error of every public operation: `code` to branch on, `path` to the field, a
/// message for people. `others` lists further problems found in the same validation
/// pass, so a user can fix them all at once.
#[derive(Clone, Debug, PartialEq, Serialize)]
// In TypeScript `DealteamProblem` (as data, e.g. in a split comparison); the thrown
// JS class `DealteamError` is declared by the npm package itself.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "DealteamProblem"))]
pub struct DealteamError {
    /// What kind of problem this is.
    pub code: ErrorCode,
    /// Where it is, e.g. `partners[3].capabilities.cloud`; empty for the whole input.
    pub path: String,
    /// What to change.
    pub message: String,
    /// Further problems of the same input, in the order found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub others: Vec<DealteamError>,
}

impl DealteamError {
    /// A new error with `code`, `path` and `message`.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        DealteamError {
            code,
            path: path.into(),
            message: message.into(),
            others: Vec::new(),
        }
    }
    /// `invalid_value` at `path`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidValue, path, message)
    }
    /// `too_large`, naming the limit.
    pub fn too_large(path: impl Into<String>, what: &str, limit: usize, got: usize) -> Self {
        Self::new(
            ErrorCode::TooLarge,
            path,
            format!("{what}: {got} exceeds the limit of {limit}"),
        )
    }
    /// `cancelled`.
    pub fn cancelled() -> Self {
        Self::new(ErrorCode::Cancelled, "", "the operation was cancelled")
    }
    /// Re-root this error's path, and its `others`', under `prefix`: `criteria[0].wieght`
    /// under `profile` is `profile.criteria[0].wieght`, `[2]` under `members` is
    /// `members[2]`, and an empty path becomes `prefix` itself. The one place a nested
    /// request's errors are given the path of the request that was sent (SPEC §0).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else if prefix.is_empty() || self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self.others = self.others.into_iter().map(|o| o.under(prefix)).collect();
        self
    }
    /// This error at `field` of the request, for an error of a step whose inputs the engine
    /// derived (the §4 division names its own `shares`): the message says what was being done.
    pub fn at_field(mut self, field: &str, doing: &str) -> Self {
        if self.path != field {
            self.message = format!("{doing}: {}", self.message);
            self.path = field.to_string();
        }
        self
    }
    /// The `{"error": {code, path, message}}` JSON the CLI prints.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "error": self }).to_string()
    }
}

impl fmt::Display for DealteamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code.as_str(), self.message)
        } else {
            write!(f, "{} at {}: {}", self.code.as_str(), self.path, self.message)
        }
    }
}

impl std::error::Error for DealteamError {}

/// The result of every fallible public operation.
pub type Result<T> = std::result::Result<T, DealteamError>;

/// Collects every problem of one validation pass; the first becomes the error,
/// the rest go to `others`.
#[derive(Default, Debug)]
pub struct Problems(Vec<DealteamError>);

impl Problems {
    /// An empty collection.
    pub fn new() -> Self {
        Problems(Vec::new())
    }
    /// Record a problem.
    pub fn push(&mut self, code: ErrorCode, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(DealteamError::new(code, path, message));
    }
    /// Record `invalid_value`.
    pub fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(ErrorCode::InvalidValue, path, message);
    }
    /// Record an existing error (and its `others`).
    pub fn add(&mut self, mut e: DealteamError) {
        let others = std::mem::take(&mut e.others);
        self.0.push(e);
        self.0.extend(others);
    }
    /// Record the error of a result, if any, and return its value.
    pub fn take<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(e);
                None
            }
        }
    }
    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `Ok(())` when empty, else the first problem with the rest in `others`.
    pub fn finish(self) -> Result<()> {
        let mut it = self.0.into_iter();
        match it.next() {
            None => Ok(()),
            Some(mut first) => {
                first.others = it.collect();
                Err(first)
            }
        }
    }
}

/// Check that `x` is a finite number, for fields that arrive as f64.
pub fn check_finite(p: &mut Problems, path: impl Into<String>, x: f64) -> bool {
    if x.is_finite() {
        true
    } else {
        p.invalid(path, format!("must be a finite number, got {x}"));
        false
    }
}
