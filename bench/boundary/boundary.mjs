// How results cross the wasm → JS boundary: the same calls through two builds of the
// npm package (e.g. before/after a change to the facade's response path), in one run.
//   node bench/boundary/boundary.mjs PKG_DIR [PKG_DIR...] [--partners N]
// For each package: `sample(N)` (a large nested response), `new Ecosystem(text)`,
// `eco.rank(profile, {limit: 0, explain: false})` (N rows), `eco.order(profile)` (typed
// arrays, when the package has it), and `simulate` of bench/simulate/plan.json with
// 2,000 trials (per-month series). Medians of several runs, milliseconds; one JSON line
// per package, then a Markdown table.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { median as timed } from "../median.mjs";

const median = (runs, f) => timed(runs, f, { decimals: 1 });

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf("--partners");
const partners = at >= 0 ? Number(args[at + 1]) : 100000;
const dirs = args.filter((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1));
const plan = JSON.parse(readFileSync(join(here, "../simulate/plan.json"), "utf8"));

const rows = [];
for (const dir of dirs) {
  const dt = await import(pathToFileURL(resolve(dir, "node.js")).href);
  const [sampleMs, s] = median(3, () => dt.sample(partners, 1));
  const text = JSON.stringify(s.ecosystem);
  const profile = s.profiles[0];
  const [ecoMs, eco] = median(3, () => new dt.Ecosystem(text));
  const [rowsMs, r] = median(5, () => eco.rank(profile, { limit: 0, explain: false }));
  const [top100Ms] = median(21, () => eco.rank(profile, { limit: 100 }));
  const orderMs = typeof eco.order === "function" ? median(5, () => eco.order(profile))[0] : null;
  const [simMs, sim] = median(3, () => dt.simulate({ plan, trials: 2000, seed: 1 }));
  const line = {
    pkg: dir, partners, sampleMs, ecoMs, rowsMs, top100Ms, orderMs, simMs,
    rows: r.results.length, months: sim.months.length,
  };
  console.log(JSON.stringify(line));
  rows.push(line);
  eco.free?.();
}
const keys = ["sampleMs", "ecoMs", "rowsMs", "top100Ms", "orderMs", "simMs"];
console.log(`\n| call (ms) | ${rows.map((r) => r.pkg).join(" | ")} |`);
console.log(`|---|${rows.map(() => "---:").join("|")}|`);
for (const k of keys) console.log(`| ${k} | ${rows.map((r) => r[k] ?? "–").join(" | ")} |`);
