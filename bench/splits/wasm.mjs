// wasm side of bench/splits, for the lead to run after the npm package is built:
//   bash bench/splits/run.sh            # writes bench/out/splits/{games,attribution}.json
//   node bench/splits/wasm.mjs          # same inputs through the package's split()/attribute()
// Expects the npm API `split(request)` and `attribute(request)` (SPEC §10) from ../../pkg/node.js.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as dealteam from "../../pkg/node.js";
import { splitRequest, journeys as journeysOf } from "./requests.mjs";

const dir = process.argv[2] ?? "bench/out/splits";
const best = (reps, f) => {
  let ms = Infinity, out;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    out = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return [ms, out];
};

// the same coverage / winProbability games as the native run, as split requests
const games = JSON.parse(readFileSync(`${dir}/games.json`, "utf8"));
for (const g of games) {
  const base = splitRequest(g);
  const reps = g.n === 20 ? 5 : 50;
  const [tCov, cov] = best(reps, () => dealteam.split({ ...base, game: { kind: "coverage" } }));
  const [tWin, win] = best(reps, () => dealteam.split({ ...base, game: { kind: "winProbability" } }));
  const diff = Math.max(...win.allocations.map((a, i) => Math.abs(a.value - g.winShapley[i])));
  console.log(`n=${g.n}: coverage (${cov.method}) ${tCov.toFixed(3)} ms [native core ${g.ms.coverageClosedForm.toFixed(4)}], ` +
    `winProbability (${win.method}) ${tWin.toFixed(3)} ms [native core ${g.ms.winEnumeration.toFixed(3)}], max |Δ| vs native ${diff.toExponential(2)} ` +
    `(whole request incl. fairness report)`);
}

const att = JSON.parse(readFileSync(`${dir}/attribution.json`, "utf8"));
for (const a of att) {
  const journeys = journeysOf(a);
  const [tMarkov, res] = best(5, () => dealteam.attribute({ journeys, models: ["markov"] }));
  const [tAll] = best(5, () => dealteam.attribute({ journeys }));
  const diff = Math.max(...Object.entries(a.removalEffects).map(([k, v]) => Math.abs(res.markov.removalEffects[k] - v)));
  console.log(`${journeys.length} paths: markov ${tMarkov.toFixed(2)} ms [native ${a.ms.markov.toFixed(2)}], ` +
    `all six ${tAll.toFixed(2)} ms [native ${a.ms.allModels.toFixed(2)}], max |Δ removal effect| vs native ${diff.toExponential(2)} ` +
    `(includes JS→wasm transfer of the journeys)`);
}
