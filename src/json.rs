//! Reading requests: JSON text (CLI, `Ecosystem` from a string) or a stream of bytes
//! (the wasm facade's `Ecosystem.fromChunks`), with the failing field's path kept.
//!
//! Requests are read with plain serde_json: one copy of every `Deserialize` impl in the
//! module and no bookkeeping per value. Only a failing request is read once more, by
//! `json_locate`, to turn serde_json's line and column into the path of the
//! failing field, so a typo such as `wieght` is reported as `unknown_field` at
//! `profile.criteria[2].wieght`, not as a bare message.
//!
//! Both paths read through `json::strict`: structs come from JSON objects only, at every
//! depth (a positional list such as `[ecosystem, profile, 2]` is refused at its path).

use crate::error::{DealteamError, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use strict::Strict;

pub(crate) mod strict;

/// Parse JSON text into `T`, mapping serde's failures to dealteam errors with paths.
/// Structs are read from JSON objects only, at every depth (`json::strict`): a positional
/// list (`[ecosystem, profile, 2]`) is refused.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    an_object(text)?;
    let locate =
        |line, column, message: &str| crate::json_locate::path_at(text.as_bytes(), line, column, blame(message), true);
    read(serde_json::Deserializer::from_str(text), locate, Some(text))
}

/// The error `inner` that serde_json met reading `text` the way [`from_str`] reads it (its
/// line and column within `text`), with its path found in `text`.
pub(crate) fn error_in(inner: serde_json::Error, text: &str) -> DealteamError {
    let mut locate =
        |line, column, message: &str| crate::json_locate::path_at(text.as_bytes(), line, column, blame(message), true);
    failed(inner, &mut locate, Some(text))
}

/// The checks of [`from_str`] before the request's type is read: within the request-bytes
/// limit, and an object. Not inlined: one copy for every request type.
#[inline(never)]
fn an_object(text: &str) -> Result<()> {
    check_request_bytes(text.len())?;
    // objects only where the spec has objects: serde would also read a struct from a
    // positional list (`[ecosystem, profile, 2]`); invalid JSON keeps its own message
    if !text.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => not_an_object(),
            Err(e) => not_json(e),
        });
    }
    Ok(())
}

/// Parse JSON read from `r` (e.g. chunks of bytes arriving from JS) into `T`, with the
/// same errors and paths as [`from_str`] (objects only, at every depth); the text is
/// never held whole in memory, and reading stops once it is past the request-bytes limit.
/// `again` reads the same bytes once more, from the start, only when `r` fails (to find
/// the failing field's path); `None` leaves the path empty.
pub fn from_reader<R: std::io::Read, T: DeserializeOwned>(r: R, again: impl FnOnce() -> Option<R>) -> Result<T> {
    let locate = |line, column, message: &str| match again() {
        Some(r) => crate::json_locate::path_at(r, line, column, blame(message), false),
        None => String::new(),
    };
    let mut capped = Capped {
        inner: r,
        read: 0,
        limit: MAX_REQUEST_BYTES,
    };
    // serde_json reads a reader one byte at a time: through a buffer that is a copy out of
    // it, not a call down the chain of readers per byte
    let buffered = |head, capped| std::io::BufReader::with_capacity(1 << 16, std::io::Read::chain(head, capped));
    // objects only, as from_str: anything but `{` first is refused at the top, with
    // from_str's message (invalid JSON keeps its own)
    let out = match first_byte(&mut capped) {
        Ok((Some(b'{'), head)) => read(
            serde_json::Deserializer::from_reader(buffered(head, &mut capped)),
            locate,
            None,
        ),
        Ok((_, head)) => Err(
            match serde_json::from_reader::<_, serde::de::IgnoredAny>(buffered(head, &mut capped)) {
                Ok(_) => not_an_object(),
                Err(e) => not_json(e),
            },
        ),
        Err(e) => Err(not_json(e)),
    };
    // the request-bytes limit, counted as the bytes arrive: reading stops past it
    check_request_bytes(capped.read)?;
    out
}

/// The first byte of `r` that is not JSON whitespace (`None` at the end), and the bytes
/// read to find it, to be read again before the rest of `r`.
fn first_byte<R: std::io::Read>(r: &mut R) -> std::io::Result<(Option<u8>, std::io::Cursor<Vec<u8>>)> {
    let mut head = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        let n = r.read(&mut buf)?;
        let got = buf.get(..n).unwrap_or_default();
        head.extend_from_slice(got);
        let first = got.iter().copied().find(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'));
        if n == 0 || first.is_some() {
            return Ok((first, std::io::Cursor::new(head)));
        }
    }
}

/// A reader that stops (an error) after `limit` + 1 bytes.
struct Capped<R> {
    inner: R,
    read: usize,
    limit: usize,
}

impl<R: std::io::Read> std::io::Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > self.limit {
            return Err(std::io::Error::other("over the request bytes limit"));
        }
        let n = self.inner.read(buf)?;
        self.read = self.read.saturating_add(n);
        Ok(n)
    }
}

/// What serde's `message` blames: the innermost object or list itself (a field it lacks,
/// its length, too many items), or a value.
fn blame(message: &str) -> crate::json_locate::Blame {
    // an unknown field: the object that has it (a tagged enum's fields are read after its
    // closing `}`, past the member read last)
    crate::json_locate::Blame::of(
        message,
        &["missing field", "unknown field", "invalid length", TOO_LARGE_TAG],
    )
}

/// `locate(line, column, message)`: the path at serde_json's error position. `text`, when the
/// input is held whole, lets an error inside a tagged enum name its field
/// ([`crate::json_paths::refine`]).
fn read<'de, R: serde_json::de::Read<'de>, T: DeserializeOwned>(
    mut de: serde_json::Deserializer<R>,
    locate: impl FnOnce(usize, usize, &str) -> String,
    text: Option<&str>,
) -> Result<T> {
    let mut locate = Some(locate);
    let value = T::deserialize(Strict(&mut de)).map_err(|inner| {
        let mut at = |line, column, message: &str| locate.take().map_or_else(String::new, |f| f(line, column, message));
        failed(inner, &mut at, text)
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

/// The dealteam error of a request serde_json could not read: one copy for every request
/// type (in `read`, generic over the type, it was one per request type in the wasm
/// module). `locate(line, column, message)` gives the path at serde_json's position.
#[inline(never)]
fn failed(
    inner: serde_json::Error,
    locate: &mut dyn FnMut(usize, usize, &str) -> String,
    text: Option<&str>,
) -> DealteamError {
    let message = inner.to_string();
    if message.starts_with("number out of range") {
        // e.g. 1e999: a number that is not a finite f64
        let path = locate(inner.line(), inner.column(), &message);
        return DealteamError::invalid(path, "the number is out of range; use a finite number");
    }
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return not_json(inner);
    }
    let path = locate(inner.line(), inner.column(), &message);
    let path = match text {
        Some(t) => crate::json_paths::refine(t, &path, &message),
        None => path,
    };
    classify(&path, &message)
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

/// Serialize a response as compact (or indented) JSON.
pub fn to_string<T: Serialize>(value: &T, pretty: bool) -> Result<String> {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.map_err(|e| DealteamError::invalid("", format!("could not write the response: {e}")))
}

fn not_json(e: impl std::fmt::Display) -> DealteamError {
    DealteamError::new(ErrorCode::InvalidJson, "", format!("the input is not valid JSON: {e}"))
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
    if let Some(name) = crate::json_paths::quoted_name(&msg, "unknown field `").map(|(n, _)| n.to_string()) {
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
    if let Some(name) = crate::json_paths::between(&msg, "missing field `", "`") {
        let full = join(path, name);
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

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

pub use crate::json_paths::{field, index};

#[cfg(test)]
mod tests {
    use std::io::Read;

    #[test]
    fn a_reader_stops_after_its_limit() {
        let mut r = super::Capped {
            inner: std::io::repeat(b' '),
            read: 0,
            limit: 10,
        };
        let mut buf = [0u8; 4];
        let mut total = 0;
        while let Ok(n) = r.read(&mut buf) {
            total += n;
        }
        assert_eq!(total, 12, "reads up to the first chunk past the limit, then stops");
        assert!(r.read > r.limit);
    }
}
