//! The `Ecosystem` handle's methods for a screen that keeps no partners of its own
//! (`rank::views`, `rank::document`): a page of partners, a filter, a summary, the names,
//! the ecosystem as JSON text, and `Ecosystem.open` for a file that holds one. With them the
//! planner's worker keeps the ecosystem only here.
//!
//! ```js
//! const { ecosystem, rest } = Ecosystem.open(fileText); // or the file's bytes; rest: a workspace's other fields
//! ecosystem.summary();                                  // {partners, relationships, tiers, facets, …}
//! ecosystem.partners(0, 500);                           // the first 500 partners
//! ecosystem.filter("acme", "", "", "EMEA");            // Uint32Array of partner indices
//! ```

use super::ecosystem::EcosystemHandle;
use super::{reply, throw, utf8_of};
use crate::api::Command;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::insights::calibrate::CalibrateRequest;
use crate::insights::CalibrateCommand;
use crate::rank::{EcosystemIndex, PartnerFilter};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Ecosystem)]
impl EcosystemHandle {
    /// Read a JSON file that holds an ecosystem — its text, or its bytes (UTF-8, as
    /// `file.arrayBuffer()` gives them: no JS string is made of a large file, and the bytes
    /// are read as `file.text()` reads them, a byte-order mark dropped and bytes that are no
    /// UTF-8 read as U+FFFD) — the ecosystem itself, a list of partners, or an object with an
    /// `ecosystem` field and others (a workspace). Returns the ecosystem (null when an object
    /// has none) and, for such an object, its other fields as JSON text (`rest`). Errors in
    /// the ecosystem have paths within it.
    #[wasm_bindgen(unchecked_return_type = "{ ecosystem: Ecosystem | null; rest: string | null }")]
    pub fn open(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] file: &JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let run = || -> Result<JsValue> {
            let bytes = match file.dyn_ref::<js_sys::Uint8Array>() {
                Some(b) => b.to_vec(),
                None => utf8_of(file).ok_or_else(|| {
                    DealteamError::new(ErrorCode::InvalidJson, "", "expected the file's text or bytes")
                })?,
            };
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            let lossy;
            let text = match simdutf8::basic::from_utf8(body) {
                Ok(text) => text,
                Err(_) => {
                    lossy = String::from_utf8_lossy(body);
                    &*lossy
                }
            };
            let opened = EcosystemIndex::open(text)?;
            let out = js_sys::Object::new();
            let ecosystem = opened
                .ecosystem
                .map_or(JsValue::NULL, |i| EcosystemHandle::of(i).into());
            let rest = opened.rest.map_or(JsValue::NULL, |r| JsValue::from_str(&r));
            for (key, value) in [("ecosystem", ecosystem), ("rest", rest)] {
                // setting a property of a fresh plain object cannot fail
                let _ = js_sys::Reflect::set(&out, &key.into(), &value);
            }
            Ok(out.into())
        };
        run().map_err(|e| throw(&e))
    }

    /// Partners `from` to `to` (exclusive; clamped to the partners there are), in input
    /// order, whole. To show many, `partnerList` is cheaper.
    #[wasm_bindgen(unchecked_return_type = "Partner[]")]
    pub fn partners(&self, from: usize, to: usize) -> std::result::Result<JsValue, JsValue> {
        reply(Ok(self.index.partners_in(from, to)))
    }

    /// Partners `from` to `to` (exclusive; clamped to the partners there are) as a list shows
    /// them, column by column: ids, names, kinds, tiers, regions as text and the three
    /// strongest capabilities as text. The cheapest way to show many partners: 100,000 cost a
    /// few lists of strings, not an object each. With `text` false, `regions` and
    /// `capabilities` are empty lists and the rest costs a fraction: take in every partner so,
    /// and ask for the text of the rows a page shows.
    #[wasm_bindgen(js_name = partnerList, unchecked_return_type = "PartnerList")]
    pub fn partner_list(&self, from: usize, to: usize, text: Option<bool>) -> std::result::Result<JsValue, JsValue> {
        reply(Ok(self.index.list_in(from, to, text.unwrap_or(true))))
    }

    /// The indices, ascending, of the partners whose name or id contains `text` (any case)
    /// and that have the `kind`, `tier` and `region` asked for (each "" for any).
    #[wasm_bindgen(unchecked_return_type = "Uint32Array")]
    pub fn filter(&self, text: &str, kind: &str, tier: &str, region: &str) -> JsValue {
        let f = PartnerFilter {
            text: text.into(),
            kind: kind.into(),
            tier: tier.into(),
            region: region.into(),
        };
        js_sys::Uint32Array::from(self.index.filter(&f).as_slice()).into()
    }

    /// The number of partners and relationships, the currency and tiers, and the distinct
    /// kinds, tiers and regions the partners use (`facets`).
    #[wasm_bindgen(unchecked_return_type = "EcosystemSummary")]
    pub fn summary(&self) -> std::result::Result<JsValue, JsValue> {
        reply(Ok(self.index.summary()))
    }

    /// The partner names, by partner index.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn names(&self) -> std::result::Result<JsValue, JsValue> {
        let names: Vec<&str> = (0..self.index.len()).map(|i| self.index.name(i)).collect();
        reply(Ok(names))
    }

    /// The ecosystem as JSON text (what `new Ecosystem(text)` reads back to the same
    /// partners), written a partner at a time. An ecosystem whose text is longer than a JS
    /// string can be (V8: 2^29 − 24 UTF-16 units, ~512 MiB) is refused (`too_large`): write
    /// it with `toJsonChunks()`.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> std::result::Result<String, JsValue> {
        let mut out = Vec::new();
        self.index
            .write_json(&mut out, usize::MAX, &mut |_| ())
            .map_err(|e| throw(&not_written(&e)))?;
        let text = String::from_utf8(out).map_err(|e| throw(&not_written(&e)))?;
        // more bytes than a string holds units is rare enough to count the units then
        if text.len() > MAX_JS_STRING {
            let units = text.encode_utf16().count();
            if units > MAX_JS_STRING {
                return Err(throw(&DealteamError::too_large(
                    "",
                    "characters of one JS string (use toJsonChunks())",
                    MAX_JS_STRING,
                    units,
                )));
            }
        }
        Ok(text)
    }

    /// [`EcosystemHandle::to_json`]'s text as UTF-8 bytes in pieces of about 1 MiB, in order
    /// (`new Blob(chunks)` is the file): for any size of ecosystem, and no more than one
    /// piece at a time in wasm memory.
    #[wasm_bindgen(js_name = toJsonChunks, unchecked_return_type = "Uint8Array[]")]
    pub fn to_json_chunks(&self) -> std::result::Result<JsValue, JsValue> {
        let chunks = js_sys::Array::new();
        let mut give = |bytes: &mut Vec<u8>| {
            chunks.push(&js_sys::Uint8Array::from(bytes.as_slice()));
            bytes.clear();
        };
        let mut out = Vec::with_capacity(OUT_CHUNK);
        self.index
            .write_json(&mut out, OUT_CHUNK, &mut give)
            .map_err(|e| throw(&not_written(&e)))?;
        give(&mut out);
        Ok(chunks.into())
    }

    /// `calibrate` (SPEC §2, §9) on these partners: the request without `ecosystem`.
    #[wasm_bindgen(unchecked_return_type = "CalibrateResponse")]
    pub fn calibrate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Omit<CalibrateRequest, \"ecosystem\"> | string")] request: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        reply(
            self.request(request, |r: &mut CalibrateRequest| &mut r.ecosystem)
                .and_then(|r| CalibrateCommand::run(r, &super::js_ctx())),
        )
    }
}

/// The longest JS string V8 makes, in UTF-16 units (`String::kMaxLength` on 64-bit).
const MAX_JS_STRING: usize = (1 << 29) - 24;

/// Bytes of one piece of `toJsonChunks`.
const OUT_CHUNK: usize = 1 << 20;

fn not_written(e: &impl std::fmt::Display) -> DealteamError {
    DealteamError::invalid("", format!("could not write the ecosystem: {e}"))
}
