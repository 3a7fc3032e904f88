//! The JS `TeamSearch` class (SPEC §3, §10): the exact top-k team search in resumable
//! steps, so a page or a Web Worker can show progress and cancel it.
//!
//! ```js
//! const search = new TeamSearch({ ecosystem, profiles, deal, k: 5 });
//! let p;
//! do { p = search.step(50); show(p.progress); } while (!p.done);
//! const { teams, exact } = search.result();
//! search.free();
//! ```

use super::{from_js, js_ctx, reply, throw};
use crate::teams::TeamSearch;
use wasm_bindgen::prelude::*;

/// A resumable top-k team search: `new TeamSearch(request)`.
#[wasm_bindgen(js_name = TeamSearch)]
pub struct TeamSearchHandle {
    search: TeamSearch,
}

impl TeamSearchHandle {
    /// Wrap a search built elsewhere (`Ecosystem.teamSearch`).
    pub(crate) fn from_search(search: TeamSearch) -> Self {
        TeamSearchHandle { search }
    }
}

#[wasm_bindgen(js_class = TeamSearch)]
impl TeamSearchHandle {
    /// Validate and index the request (a `teams` request, object or JSON text); throws
    /// a `DealteamError` (`unknown_profile`, `infeasible`, …). Nothing is searched yet.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TeamsRequest | string")] request: JsValue,
    ) -> Result<TeamSearchHandle, JsValue> {
        from_js(request)
            .and_then(TeamSearch::new)
            .map(|search| TeamSearchHandle { search })
            .map_err(|e| throw(&e))
    }

    /// Search for about `budgetMs` milliseconds (`performance.now()`), then report
    /// `{done, progress, nodes, bestScore?, bound?}`. Call again until `done`.
    #[wasm_bindgen(unchecked_return_type = "TeamProgress")]
    pub fn step(
        &mut self,
        #[wasm_bindgen(js_name = budgetMs, unchecked_param_type = "number")] budget_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        reply(super::budget_ms(&budget_ms).map(|ms| self.search.step(ms, &js_ctx())))
    }

    /// Stop the search; `result()` then returns the best teams found so far
    /// (`exact: false`).
    pub fn cancel(&mut self) {
        self.search.cancel();
    }

    /// The teams: the proven top-k (`exact: true`) once done, else the best found so far
    /// with `exact: false` and the `gap`.
    #[wasm_bindgen(unchecked_return_type = "TeamsResponse")]
    pub fn result(&self) -> Result<JsValue, JsValue> {
        reply(self.search.result())
    }
}
