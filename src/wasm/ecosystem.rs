//! The JS `Ecosystem` class (SPEC §10), the hub handle: an ecosystem parsed, validated
//! and indexed once (`rank::EcosystemIndex`), then used by `rank`, `teams`,
//! `teamSearch`, `split` and `overlap` without crossing the JS boundary with the
//! partners again.
//!
//! ```js
//! const eco = Ecosystem.fromChunks(chunks);          // or new Ecosystem(textOrObject)
//! eco.rank(profile, { limit: 100 });
//! const search = eco.teamSearch({ profiles, deal, k: 5 }); // a TeamSearch handle
//! eco.split({ amount: "1000.00", currency: "EUR", members, model: "shapley", deal, game });
//! eco.overlap({ minShared: 2 });
//! ```

use super::chunks::JsChunks;
use super::team_search::TeamSearchHandle;
use super::{from_js, js_ctx, js_text, reply, throw, to_js, utf8_of};
use crate::api::Command;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::model::Ecosystem;
use crate::rank::{EcosystemIndex, RankOptions};
use crate::registry::OverlapCommand;
use crate::splits::SplitCommand;
use crate::teams::{TeamSearch, TeamsCommand};
use serde::de::DeserializeOwned;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/rows.js")]
extern "C" {
    /// `rank`'s rows without breakdowns, built in JS from the columns (src/wasm/rows.js).
    #[wasm_bindgen(js_name = rankRows)]
    fn rank_rows(
        ids: &js_sys::Array,
        partners: &[u32],
        fit: &[f64],
        eligible: &[u8],
        failed: &[u32],
        lists: JsValue,
    ) -> JsValue;
}

/// An ecosystem parsed and indexed once: `new Ecosystem(jsonTextOrObject)`,
/// `Ecosystem.fromBytes(utf8)` or `Ecosystem.fromChunks([utf8, …])`.
#[wasm_bindgen(js_name = Ecosystem)]
pub struct EcosystemHandle {
    pub(super) index: EcosystemIndex,
    /// The partner ids as a JS array, made on the first `rank` without breakdowns.
    ids_js: OnceCell<js_sys::Array>,
}

impl EcosystemHandle {
    pub(super) fn of(index: EcosystemIndex) -> EcosystemHandle {
        EcosystemHandle {
            index,
            ids_js: OnceCell::new(),
        }
    }

    /// The partner ids as a JS array, made once.
    fn ids_js(&self) -> Result<&js_sys::Array> {
        if let Some(ids) = self.ids_js.get() {
            return Ok(ids);
        }
        let ids: Vec<&str> = (0..self.index.len()).map(|i| self.index.id(i)).collect();
        let ids: js_sys::Array = to_js(&ids)?.into();
        Ok(self.ids_js.get_or_init(|| ids))
    }
}

#[wasm_bindgen(js_class = Ecosystem)]
impl EcosystemHandle {
    /// Parse (JSON text is fastest for big ecosystems), validate and index. Throws a
    /// `DealteamError` whose `path` is relative to the ecosystem (`partners[3].tier`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EcosystemData | string")] ecosystem: JsValue,
    ) -> std::result::Result<EcosystemHandle, JsValue> {
        let index = match utf8_of(&ecosystem) {
            // the bytes TextEncoder wrote are UTF-8; checked with SIMD (simdutf8) rather
            // than by `String::from_utf8`, which took 4 % of a 70 MB ecosystem's reading
            Some(bytes) => match simdutf8::basic::from_utf8(&bytes) {
                Ok(text) => EcosystemIndex::from_json(text),
                Err(_) => from_js(ecosystem).and_then(EcosystemIndex::from_ingested),
            },
            None => from_js(ecosystem).and_then(EcosystemIndex::from_ingested),
        };
        index.map(EcosystemHandle::of).map_err(|e| throw(&e))
    }

    /// The ecosystem from its JSON text in UTF-8 bytes, one `Uint8Array` or several in
    /// order (e.g. the chunks of a `fetch` body or a file stream). Only one chunk at a
    /// time is copied into wasm memory, and read a partner at a time, so ecosystems whose
    /// text is beyond a JS string's limit (~512 MiB, about 700,000 realistic partners) can
    /// be read. Same errors and paths as the constructor.
    #[wasm_bindgen(js_name = fromChunks)]
    pub fn from_chunks(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | Uint8Array[]")] chunks: JsValue,
    ) -> std::result::Result<EcosystemHandle, JsValue> {
        let run = || -> Result<EcosystemHandle> {
            let reader = JsChunks::new(&chunks).map_err(|at| {
                let path = at.map(|i| format!("[{i}]")).unwrap_or_default();
                DealteamError::new(
                    ErrorCode::InvalidJson,
                    path,
                    "expected a Uint8Array or an array of Uint8Array chunks",
                )
            })?;
            EcosystemIndex::from_stream(reader, || JsChunks::new(&chunks).ok()).map(EcosystemHandle::of)
        };
        run().map_err(|e| throw(&e))
    }

    /// [`EcosystemHandle::from_chunks`] with one `Uint8Array`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    ) -> std::result::Result<EcosystemHandle, JsValue> {
        Self::from_chunks(bytes)
    }

    /// Number of partners.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.index.len()
    }

    /// Rank the partners against a profile (SPEC §2): eligible first, fit descending,
    /// near-ties by id. `opts`: `{limit?, explain?}` (default 100 rows with breakdowns).
    #[wasm_bindgen(unchecked_return_type = "RankResponse")]
    pub fn rank(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RankOptions")] opts: Option<JsValue>,
    ) -> std::result::Result<JsValue, JsValue> {
        let run = || -> Result<JsValue> {
            let profile = from_js(profile).map_err(|e| e.under("profile"))?;
            let opts: RankOptions = match opts {
                Some(o) if !o.is_undefined() && !o.is_null() => from_js(o).map_err(|e| e.under("opts"))?,
                _ => RankOptions::default(),
            };
            if opts.explain() {
                return to_js(&self.index.rank(&profile, &opts)?);
            }
            // rows without breakdowns (a full order for a table or chart): built in JS
            // from columns, the same objects as the JSON path's (fits are finite, in 0..1)
            let c = self.index.rank_columns(&profile, &opts)?;
            let lists = to_js(&c.failed_lists)?;
            Ok(rank_rows(
                self.ids_js()?,
                &c.partners,
                &c.fit,
                &c.eligible,
                &c.failed,
                lists,
            ))
        };
        run().map_err(|e| throw(&e))
    }

    /// The whole §2 order as typed arrays, for bulk use (charts, tables of 100,000
    /// rows): `order` (partner indices, best first), and per partner index its `fit`
    /// (unrounded) and `eligible` (1 or 0). Map indices to ids with `ids()`. About 20×
    /// cheaper to hand to JS than `rank(profile, {limit: 0})` rows
    /// (docs/performance/boundary.md).
    #[wasm_bindgen(unchecked_return_type = "{ order: Uint32Array; fit: Float64Array; eligible: Uint8Array }")]
    pub fn order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let run = || -> Result<JsValue> {
            let profile = from_js(profile).map_err(|e| e.under("profile"))?;
            let r = self.index.order(&profile)?;
            let eligible: Vec<u8> = r.scores.eligible.iter().map(|&e| u8::from(e)).collect();
            let out = js_sys::Object::new();
            for (key, value) in [
                ("order", js_sys::Uint32Array::from(r.order.as_slice()).into()),
                ("fit", js_sys::Float64Array::from(r.scores.fit.as_slice()).into()),
                ("eligible", js_sys::Uint8Array::from(eligible.as_slice()).into()),
            ] as [(&str, JsValue); 3]
            {
                // setting a property of a fresh plain object cannot fail
                let _ = js_sys::Reflect::set(&out, &key.into(), &value);
            }
            Ok(out.into())
        };
        run().map_err(|e| throw(&e))
    }

    /// The partner ids, by partner index (the order of `partners` in the input).
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn ids(&self) -> std::result::Result<JsValue, JsValue> {
        // a copy of the cached array: the caller's to change
        self.ids_js()
            .map(|ids| ids.slice(0, ids.length()).into())
            .map_err(|e| throw(&e))
    }

    /// `teams` (SPEC §3) on these partners: the request without `ecosystem`.
    #[wasm_bindgen(unchecked_return_type = "TeamsResponse")]
    pub fn teams(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Omit<TeamsRequest, \"ecosystem\"> | string")] request: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        reply(
            self.request(request, |r: &mut crate::teams::TeamsRequest| &mut r.ecosystem)
                .and_then(|r| TeamsCommand::run(r, &js_ctx())),
        )
    }

    /// A stepped `TeamSearch` (SPEC §3) on these partners: the request without `ecosystem`.
    #[wasm_bindgen(js_name = teamSearch)]
    pub fn team_search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Omit<TeamsRequest, \"ecosystem\"> | string")] request: JsValue,
    ) -> std::result::Result<TeamSearchHandle, JsValue> {
        self.request(request, |r: &mut crate::teams::TeamsRequest| &mut r.ecosystem)
            .and_then(TeamSearch::new)
            .map(TeamSearchHandle::from_search)
            .map_err(|e| throw(&e))
    }

    /// `split` (SPEC §5) with the members among these partners as the request's
    /// `ecosystem` (used by the coverage and winProbability games): the request without
    /// `ecosystem`.
    #[wasm_bindgen(unchecked_return_type = "SplitResponse")]
    pub fn split(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Omit<SplitRequest, \"ecosystem\"> | string")] request: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let run = || {
            let mut r: crate::splits::SplitRequest = with_ecosystem(request)?;
            // the members and their relationships: all a split's games read
            r.ecosystem = Some(self.index.members(r.members.iter().map(String::as_str)));
            SplitCommand::run(r, &js_ctx())
        };
        reply(run())
    }

    /// `overlap` (SPEC §8) of these partners' accounts: the request without
    /// `ecosystem` (`{}` or nothing for the defaults).
    #[wasm_bindgen(unchecked_return_type = "OverlapResponse")]
    pub fn overlap(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Omit<OverlapRequest, \"ecosystem\"> | string")] request: Option<
            JsValue,
        >,
    ) -> std::result::Result<JsValue, JsValue> {
        let request = request
            .filter(|r| !r.is_undefined() && !r.is_null())
            .unwrap_or_else(|| js_sys::Object::new().into());
        reply(
            self.request(request, |r: &mut crate::registry::types::OverlapRequest| {
                &mut r.ecosystem
            })
            .and_then(|r| OverlapCommand::run(r, &js_ctx())),
        )
    }
}

impl EcosystemHandle {
    /// Read a request without its `ecosystem` and give it this handle's partners.
    pub(super) fn request<T: DeserializeOwned>(
        &self,
        request: JsValue,
        slot: impl FnOnce(&mut T) -> &mut Ecosystem,
    ) -> Result<T> {
        let mut r: T = with_ecosystem(request)?;
        *slot(&mut r) = self.index.ecosystem();
        Ok(r)
    }
}

/// Parse a request that leaves out `ecosystem`: the field is filled with an empty
/// ecosystem (replaced by the caller), so every other field keeps the parser, the
/// errors and the paths of the free function. A request that brings its own
/// `ecosystem` (even `null`) is refused, found by [`OwnEcosystem`].
pub(super) fn with_ecosystem<T: DeserializeOwned>(request: JsValue) -> Result<T> {
    let text = js_text(request)?;
    let body = text.trim_start();
    let Some(rest) = body.strip_prefix('{') else {
        return crate::json::from_str(&text); // not an object: the usual error
    };
    if matches!(
        serde_json::from_str::<OwnEcosystem>(&text),
        Ok(OwnEcosystem {
            ecosystem: Present(true)
        })
    ) {
        return Err(DealteamError::invalid(
            "ecosystem",
            "this request runs on the Ecosystem handle's partners: leave out `ecosystem`",
        ));
    }
    let sep = if rest.trim_start().starts_with('}') { "" } else { "," };
    let spliced = format!("{{\"ecosystem\":{{\"partners\":[]}}{sep}{rest}");
    crate::json::from_str(&spliced)
}

/// Whether a request names `ecosystem` at its top level (other fields are skipped
/// unread; invalid JSON is left to the request's own parser and its errors).
#[derive(serde::Deserialize)]
struct OwnEcosystem {
    #[serde(default)]
    ecosystem: Present,
}

/// A field that was there, whatever its value.
#[derive(Default)]
struct Present(bool);

impl<'de> serde::Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        <serde::de::IgnoredAny as serde::Deserialize>::deserialize(d)?;
        Ok(Present(true))
    }
}
