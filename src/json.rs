//! Reading requests: JSON text (CLI, `Ecosystem` from a string) or any serde
//! deserializer (the wasm facade's JS values), with the failing field's path kept.
//!
//! `serde_path_to_error` tracks where serde stopped, so a typo such as `wieght` is
//! reported as `unknown_field` at `profile.criteria[2].wieght`, not as a bare message.

use crate::error::{DealteamError, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parse JSON text into `T`, mapping serde's failures to dealteam errors with paths.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    check_request_bytes(text.len())?;
    // objects only where the spec has objects: serde would also read a struct from a
    // positional list (`[ecosystem, profile, 2]`); invalid JSON keeps its own message
    let start = text.trim_start();
    if !start.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
        return Err(not_an_object());
    }
    // Fast path: plain serde_json (no path tracking, about twice as fast natively on a
    // 70 MB ecosystem); only a failing input is parsed again to find the failing path.
    // Not in wasm: there it saves only ~15% of the parse but adds ~60 KB (gzip) to the
    // module, a second copy of every Deserialize impl (docs/performance/wasm-size.md).
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(v) = serde_json::from_str(text) {
        return Ok(v);
    }
    read(serde_json::Deserializer::from_str(text), Some(text))
}

/// Parse JSON read from `r` (e.g. chunks of bytes arriving from JS) into `T`, with the
/// same errors and paths as [`from_str`]; the text is never held whole in memory.
pub fn from_reader<R: std::io::Read, T: DeserializeOwned>(r: R) -> Result<T> {
    read(serde_json::Deserializer::from_reader(r), None)
}

/// `text`, when the input is held whole, lets an error inside a tagged enum name its
/// field ([`crate::json_paths::refine`]).
fn read<'de, R: serde_json::de::Read<'de>, T: DeserializeOwned>(
    mut de: serde_json::Deserializer<R>,
    text: Option<&str>,
) -> Result<T> {
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = render_path(e.path());
        let inner = e.into_inner();
        let message = inner.to_string();
        if message.starts_with("number out of range") {
            // e.g. 1e999: a number that is not a finite f64
            return DealteamError::invalid(path, "the number is out of range; use a finite number");
        }
        if inner.is_syntax() || inner.is_eof() {
            DealteamError::new(
                ErrorCode::InvalidJson,
                "",
                format!("the input is not valid JSON: {inner}"),
            )
        } else {
            let path = match text {
                Some(t) => crate::json_paths::refine(t, &path, &message),
                None => path,
            };
            classify(&path, &message)
        }
    })?;
    de.end().map_err(|e| {
        DealteamError::new(
            ErrorCode::InvalidJson,
            "",
            format!("trailing characters after the JSON value: {e}"),
        )
    })?;
    Ok(value)
}

/// Bytes of one request's JSON text (the `request bytes` row of the limits table,
/// `model::MAX_REQUEST_BYTES`, is this value; it lives here, below `model`).
pub const MAX_REQUEST_BYTES: usize = 1 << 30;

/// The prefix that tells `classify` the error is `too_large` (its path is the
/// list's path, where serde stopped); written by `model::capped`.
pub(crate) const TOO_LARGE_TAG: &str = "too_large:";

/// `too_large` when a request of `bytes` bytes is over [`MAX_REQUEST_BYTES`]; callers
/// that read a request check its size before reading it whole.
pub fn check_request_bytes(bytes: usize) -> Result<()> {
    if bytes > MAX_REQUEST_BYTES {
        return Err(DealteamError::too_large("", "request bytes", MAX_REQUEST_BYTES, bytes));
    }
    Ok(())
}

/// Deserialize `T` from any deserializer (used by the wasm facade with
/// serde-wasm-bindgen), with the same error mapping as [`from_str`].
pub fn from_deserializer<'de, D, T>(de: D) -> Result<T>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
    T: DeserializeOwned,
{
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = render_path(e.path());
        classify(&path, &e.into_inner().to_string())
    })
}

/// Serialize a response as compact (or indented) JSON.
pub fn to_string<T: Serialize>(value: &T, pretty: bool) -> Result<String> {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.map_err(|e| DealteamError::invalid("", format!("could not write the response: {e}")))
}

fn not_an_object() -> DealteamError {
    DealteamError::new(
        ErrorCode::InvalidJson,
        "",
        "the request must be a JSON object with named fields ({\"field\": value, …}), not a list or a single value",
    )
}

/// Turn serde's message into a code, a path and a message that says what to change,
/// in the user's terms (never serde's: "expected u32" becomes "must be a whole number
/// from 0 to 4294967295").
fn classify(path: &str, msg: &str) -> DealteamError {
    // serde's messages: "unknown field `x`, expected one of ...", "missing field `x`",
    // "invalid type: ...", "invalid value: ...", "unknown variant `x`, expected ...".
    let msg = strip_position(msg);
    if path.is_empty() && (msg.starts_with("invalid type") || msg.starts_with("invalid length")) {
        return not_an_object();
    }
    if let Some(name) = between(&msg, "unknown field `", "`") {
        let full = join(path, &name);
        return DealteamError::new(
            ErrorCode::UnknownField,
            full,
            format!(
                "unknown field `{name}` (check its spelling); {}",
                crate::json_paths::known(&msg, "fields")
            ),
        );
    }
    if let Some(name) = between(&msg, "missing field `", "`") {
        let full = join(path, &name);
        return DealteamError::new(ErrorCode::MissingField, full, format!("the field `{name}` is required"));
    }
    if let Some(rest) = msg.strip_prefix(TOO_LARGE_TAG) {
        return DealteamError::new(ErrorCode::TooLarge, path, rest.trim().to_string());
    }
    if let Some(rest) = msg.strip_prefix("invalid_money:") {
        return DealteamError::new(ErrorCode::InvalidMoney, path, rest.trim().to_string());
    }
    if let Some(rest) = msg.strip_prefix("too_large:") {
        return DealteamError::new(ErrorCode::TooLarge, path, rest.trim().to_string());
    }
    DealteamError::new(ErrorCode::InvalidValue, path, crate::json_paths::plain(&msg))
}

fn render_path(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in p.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

fn join(path: &str, name: &str) -> String {
    // serde_path_to_error already points inside the struct for unknown fields in
    // some cases; avoid doubling the last segment.
    if path.is_empty() {
        name.to_string()
    } else if path.ends_with(&format!(".{name}")) || path == name {
        path.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn between(s: &str, start: &str, end: &str) -> Option<String> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(s[i..j].to_string())
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

pub use crate::json_paths::{field, index};
