//! `mapAccountColumns` with a JS object: the accounts texts cross as the strings they are.
//!
//! Through JSON, 10,000 partners' texts (128 MB) would be written with every tab and line
//! break escaped (`JSON.stringify`), copied into wasm, then scanned and unescaped by the
//! parser. Here the texts are copied into one wasm buffer by `TextEncoder.encodeInto`
//! ([`super::Utf8Buffer`]; one buffer, not a string per side: thousands of allocations
//! would grow wasm memory a little at a time, and V8 collects as it grows), and the rest of
//! the request (ids, options) is read as every request is, with the same checks and
//! paths: an `accounts` that is not a string stays in the JSON and is refused there as
//! before. A JSON string request is read as before.

use super::{from_js, reply, Utf8Buffer};
use crate::accounts::types::AccountMapResponse;
use crate::accounts::{account_map_columns_with, AccountMapColumnsRequest, ColumnTexts};
use crate::api::Command;
use crate::error::{DealteamError, Result};
use crate::json::check_request_bytes;
use std::ops::Range;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/columns.js")]
extern "C" {
    /// `[request without the texts, partners' texts, vendor's text, UTF-16 units of all
    /// and of the longest]` (src/wasm/columns.js), or `undefined`: the request then goes
    /// through JSON whole.
    #[wasm_bindgen(js_name = columnTexts)]
    fn column_texts(req: &JsValue) -> JsValue;
}

/// The texts of `parts` in one buffer: where each partner's lies (`None`: left in the
/// request), and the vendor's.
struct Taken {
    bytes: Vec<u8>,
    partners: Vec<Option<Range<usize>>>,
    vendor: Option<Range<usize>>,
}

/// The texts of `parts` ([`column_texts`]'s answer) copied into wasm memory; `None` when one
/// has a lone surrogate (the request then goes through JSON whole, which refuses it).
fn take(parts: &js_sys::Array) -> Result<Option<Taken>> {
    let texts: js_sys::Array = parts.get(1).unchecked_into();
    let number = |i: u32| parts.get(i).as_f64().unwrap_or(0.0) as usize;
    let (mut left, longest) = (number(3), number(4));
    // a text has at least as many UTF-8 bytes as UTF-16 units
    check_request_bytes(left)?;
    // room for every text as ASCII plus a sixteenth, and for the longest in 3-byte
    // characters: the buffer is not moved unless the texts' characters are mostly wider
    // (a move would also leave the old block free and the wasm memory grown by both)
    let room = |left: usize| left.saturating_add(left / 16).saturating_add(longest.saturating_mul(3));
    // the map's working memory (rows, key tables, matches) is about four times its texts.
    // Grown as the map went, 64 KiB at a time, the call took 1.5–1.7 times as long
    // (docs/PERFORMANCE.md, stop 31).
    let mut buffer = Utf8Buffer::new(room(left), left.saturating_mul(4));
    let mut append = |text: JsValue| {
        let units = text.dyn_ref::<js_sys::JsString>()?.length() as usize;
        left = left.saturating_sub(units);
        buffer.push(&text, room(left))
    };
    let partners: Vec<Option<Range<usize>>> = (0..texts.length()).map(|i| append(texts.get(i))).collect();
    let vendor = append(parts.get(2));
    check_request_bytes(buffer.len())?;
    let bytes = buffer.into_bytes();
    // `encodeInto` writes a lone surrogate as U+FFFD: only a text whose bytes hold one can
    // have had one, and only such a text is asked (a rare character in a CRM export)
    if holds_replacement(&bytes) {
        let texts = (partners.iter().enumerate())
            .map(|(i, r)| (r, texts.get(i as u32)))
            .chain([(&vendor, parts.get(2))]);
        for (range, text) in texts {
            let holds = range.clone().and_then(|r| bytes.get(r)).is_some_and(holds_replacement);
            if holds
                && !text
                    .dyn_ref::<js_sys::JsString>()
                    .is_some_and(js_sys::JsString::is_well_formed)
            {
                return Ok(None);
            }
        }
    }
    Ok(Some(Taken {
        bytes,
        partners,
        vendor,
    }))
}

/// Whether UTF-8 `bytes` hold U+FFFD (EF BF BD), found by its middle byte, rare in other
/// characters (`memchr`, already in the module; its substring searcher would add 5 KB).
fn holds_replacement(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xBF, bytes).any(|at| {
        bytes
            .get(at.wrapping_sub(1)..)
            .is_some_and(|s| s.starts_with("\u{FFFD}".as_bytes()))
    })
}

/// The account map of a JS object request whose texts were taken out; `None`: a text has a
/// lone surrogate.
fn run_taken(parts: &js_sys::Array) -> Result<Option<AccountMapResponse>> {
    // texts first: one with a lone surrogate sends the whole request through JSON, whose
    // error comes at that text or before it
    let Some(taken) = take(parts)? else {
        return Ok(None);
    };
    let request: AccountMapColumnsRequest = from_js(parts.get(0))?;
    // what `encodeInto` wrote is UTF-8; checked with SIMD, as an ecosystem's text is
    let all = simdutf8::basic::from_utf8(&taken.bytes)
        .map_err(|_| DealteamError::invalid("partners", "an accounts text is not valid Unicode"))?;
    let text = |r: &Option<Range<usize>>| r.clone().and_then(|r| all.get(r));
    let texts = ColumnTexts {
        partners: taken.partners.iter().map(text).collect(),
        vendor: text(&taken.vendor),
    };
    account_map_columns_with(&request, &texts).map(Some)
}

/// `mapAccountColumns` (the table's `columns` row): an object's texts taken out, else
/// the request read as any other.
pub fn call<C: Command<Request = AccountMapColumnsRequest>>(req: JsValue) -> std::result::Result<JsValue, JsValue> {
    match column_texts(&req).dyn_ref::<js_sys::Array>().map(run_taken) {
        Some(Ok(Some(response))) => reply(Ok(response)),
        Some(Err(e)) => reply::<AccountMapResponse>(Err(e)),
        Some(Ok(None)) | None => super::call::<C>(req),
    }
}
