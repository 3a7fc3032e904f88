//! The JS `Simulation` class (SPEC §6, §10): the Monte Carlo plan simulation in
//! resumable steps, so a page or a Web Worker can show progress and cancel it.
//!
//! ```js
//! const sim = new Simulation({ plan, trials: 10000, seed: 1 });
//! let p;
//! do { p = sim.step(50); show(p.progress); } while (!p.done);
//! const summary = sim.result();
//! sim.free();
//! ```

use super::{from_js, js_ctx, reply, throw};
use crate::plan::Simulation;
use wasm_bindgen::prelude::*;

/// A plan simulation run in steps: `new Simulation(request)`.
#[wasm_bindgen(js_name = Simulation)]
pub struct SimulationHandle {
    sim: Simulation,
}

#[wasm_bindgen(js_class = Simulation)]
impl SimulationHandle {
    /// Check the request (a `simulate` request, object or JSON text) and prepare the
    /// run; throws a `DealteamError`. Nothing is simulated yet.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SimulateRequest | string")] request: JsValue,
    ) -> Result<SimulationHandle, JsValue> {
        from_js(request)
            .and_then(Simulation::new)
            .map(|sim| SimulationHandle { sim })
            .map_err(|e| throw(&e))
    }

    /// Run trials for about `budgetMs` milliseconds (at least one), then report
    /// `{done, progress, trialsDone, trials}`. Call again until `done`.
    #[wasm_bindgen(unchecked_return_type = "SimProgress")]
    pub fn step(
        &mut self,
        #[wasm_bindgen(js_name = budgetMs, unchecked_param_type = "number")] budget_ms: JsValue,
    ) -> Result<JsValue, JsValue> {
        reply(super::budget_ms(&budget_ms).and_then(|ms| self.sim.step(ms, &js_ctx())))
    }

    /// Stop: later steps do nothing and `result()` throws `cancelled`.
    pub fn cancel(&mut self) {
        self.sim.cancel();
    }

    /// The summary of the trials done so far (all of them once `done`).
    #[wasm_bindgen(unchecked_return_type = "SimulateResponse")]
    pub fn result(&self) -> Result<JsValue, JsValue> {
        reply(self.sim.result())
    }
}
