// The headless-Chromium side of the wasm-vs-native table: the page chromium.mjs opens (the
// repository root served as static files). It loads the npm package's browser entry and
// exposes `window.bench`: `load(id)` fetches the row's request file(s) from bench/out/wvn/ and
// runs its setup, `once(id)` times one call (performance.now, ms), `done(id)` frees the state.
import init, * as dt from "../../pkg/browser.js";
import { CASES } from "./cases.mjs";

await init();
const states = new Map();
const byId = (id) => CASES.find((c) => c.id === id);
const fetchText = async (name) => (await fetch(`../out/wvn/${name}`)).text();

window.bench = {
  async load(id) {
    const c = byId(id);
    const text = await fetchText(c.file);
    const profile = c.profile ? await fetchText(c.profile) : undefined;
    states.set(id, c.setup(dt, text, profile));
    return c.runs;
  },
  once(id) {
    const t0 = performance.now();
    byId(id).run(dt, states.get(id));
    return performance.now() - t0;
  },
  done(id) {
    byId(id).teardown?.(states.get(id));
    states.delete(id);
  },
};
document.getElementById("status").textContent = "Ready.";
document.body.dataset.ready = "true";
