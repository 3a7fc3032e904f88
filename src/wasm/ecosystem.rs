//! The JS `Ecosystem` class (SPEC §10): an ecosystem parsed, validated and indexed once
//! (`rank::EcosystemIndex`), then ranked against any number of profiles without
//! crossing the JS boundary with the partners again.

use super::{from_js, reply, throw};
use crate::model::Ecosystem;
use crate::rank::{EcosystemIndex, RankOptions};
use wasm_bindgen::prelude::*;

/// An ecosystem parsed and indexed once: `new Ecosystem(jsonTextOrObject)`.
#[wasm_bindgen(js_name = Ecosystem)]
pub struct EcosystemHandle {
    index: EcosystemIndex,
}

#[wasm_bindgen(js_class = Ecosystem)]
impl EcosystemHandle {
    /// Parse (JSON text is fastest for big ecosystems), validate and index. Throws a
    /// `DealteamError` whose `path` is relative to the ecosystem (`partners[3].tier`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "EcosystemData | string")] ecosystem: JsValue,
    ) -> Result<EcosystemHandle, JsValue> {
        let index = match ecosystem.as_string() {
            Some(text) => EcosystemIndex::from_json(&text),
            None => from_js::<Ecosystem>(ecosystem).and_then(EcosystemIndex::new),
        };
        index.map(|index| EcosystemHandle { index }).map_err(|e| throw(&e))
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
        #[wasm_bindgen(unchecked_param_type = "RankOptions")] opts: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let run = || {
            let profile = from_js(profile).map_err(|e| e.under("profile"))?;
            let opts: RankOptions = match opts {
                Some(o) if !o.is_undefined() && !o.is_null() => from_js(o).map_err(|e| e.under("opts"))?,
                _ => RankOptions::default(),
            };
            self.index.rank(&profile, &opts)
        };
        reply(run())
    }
}
