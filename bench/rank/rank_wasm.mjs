// Rank benchmark, wasm side: the npm package in Node, on the files written by
// examples/bench_rank.rs. Times `new Ecosystem(jsonText)` (parse + validate + index)
// and `eco.rank(profile, {limit: 100})` (top 100 with explanations) and the full order
// (`{limit: 0, explain: false}`). Prints one JSON line (milliseconds).
// Usage: node bench/rank/rank_wasm.mjs [OUT_DIR]   (needs the built package in pkg/)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { median } from "../median.mjs";
import { packageEntry } from "../package.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "..", "pkg");
const { Ecosystem } = await import(packageEntry(pkg));
const out = process.argv[2] ?? join(here, "..", "out");
const text = readFileSync(join(out, "rank_ecosystem.json"), "utf8");
const profile = JSON.parse(readFileSync(join(out, "rank_profile.json"), "utf8"));

const [fromJsonMs, eco] = median(3, () => new Ecosystem(text));
const [top100Ms, top] = median(31, () => eco.rank(profile, { limit: 100 }));
// the full order as rows (every partner's id, fit, eligibility and failed clauses);
// comparable with the native `fullRowsMs`. `order()` (indices only), if the facade has it.
const [fullRowsMs, full] = median(5, () => eco.rank(profile, { limit: 0, explain: false }));
const fullOrderMs = typeof eco.order === "function" ? median(5, () => eco.order(profile))[0] : null;
console.log(JSON.stringify({
  side: "wasm", partners: full.results.length, fromJsonMs, top100Ms, fullOrderMs, fullRowsMs,
  best: top.results[0].partnerId, bestFit: top.results[0].fit,
}));
eco.free?.();
