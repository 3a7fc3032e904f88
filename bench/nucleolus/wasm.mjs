// Nucleolus speed, wasm side (docs/PERFORMANCE.md; issue 14: n = 18 within 0.1 s): the
// games written by examples/bench_nucleolus.rs through the npm package's `split` in Node
// (the same V8 wasm engine as Chromium), best of 3. Each request is the whole command:
// the game's 2ⁿ table, the nucleolus and the fairness report (which shows the same least
// core, computed once per request). Values are compared with the native run.
// Usage: bash bench/nucleolus/run.sh   (builds and runs both sides; needs pkg/ built), or
//   node bench/nucleolus/wasm.mjs [games dir (bench/out/nucleolus)] [package dir (pkg)]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { packageEntry } from "../package.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[3] ?? join(here, "..", "..", "pkg");
const dt = await import(packageEntry(pkg));
const dir = process.argv[2] ?? "bench/out/nucleolus";
const games = JSON.parse(readFileSync(join(dir, "games.json"), "utf8"));
const best = (reps, f) => {
  let ms = Infinity, out;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    out = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return [ms, out];
};
console.log("| n | game | solution | wasm ms, whole request (best of 3) | native ms, nucleolus only | core empty | max rel. Δ vs native |");
console.log("|---:|---|---|---:|---:|:-:|---:|");
for (const g of games) {
  const R = g.levels.length / g.n;
  const members = Array.from({ length: g.n }, (_, i) => `p${String(i).padStart(2, "0")}`);
  const partners = members.map((id, i) => ({
    id, name: id, kind: "si",
    capabilities: Object.fromEntries(Array.from({ length: R }, (_, r) => [`r${r}`, g.levels[i * R + r]])),
  }));
  const deal = {
    id: "d", name: "d", value: "1000000.00", currency: "EUR", slots: [{ role: "si", min: 1, max: g.n }],
    requirements: Array.from({ length: R }, (_, r) => ({ capability: `r${r}`, weight: 1 })),
  };
  const req = { amount: "1000000.00", currency: "EUR", members, ecosystem: { partners }, deal, model: g.model, game: { kind: g.game } };
  const [ms, res] = best(3, () => dt.split(req));
  const r = res.result ?? res;
  const diff = Math.max(...r.allocations.map((a, i) => Math.abs(a.value - g.values[i]) / 1e6));
  console.log(`| ${g.n} | ${g.game} | ${g.model} | ${ms.toFixed(1)} | ${g.ms.toFixed(1)} | ${r.fairness.coreEmpty ? "yes" : "no"} | ${diff.toExponential(1)} |`);
}
