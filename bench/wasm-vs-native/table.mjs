// The table of bench/wasm-vs-native/run.sh, from the files it wrote to bench/out/wvn/:
// per row the median wall time and CPU time natively, in Node and in Chromium, and the ratios.
//   node bench/wasm-vs-native/table.mjs [ROW_ID…]          prints the Markdown table
//   node bench/wasm-vs-native/table.mjs --rows [ROW_ID…]   prints "id cli-command file runs" per row (run.sh)
import { readFileSync, existsSync } from "node:fs";
import { CASES } from "./cases.mjs";
import { middle } from "../median.mjs";

const out = "bench/out/wvn";
const args = process.argv.slice(2);
const rowsMode = args[0] === "--rows";
const only = rowsMode ? args.slice(1) : args;
const cases = CASES.filter((c) => only.length === 0 || only.includes(c.id));
if (rowsMode) {
  for (const c of cases) console.log(`${c.id} ${c.cli ?? "-"} ${c.file} ${c.runs}`);
  process.exit(0);
}

const json = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
/** The native side of a row: the CLI's `time` lines (real user sys, s), or bench_rank's field. */
function native(c) {
  if (c.cli) {
    const f = `${out}/native-${c.id}.txt`;
    if (!existsSync(f)) return null;
    const lines = readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
    return { ms: middle(lines.map((l) => l[0] * 1000)), cpuMs: middle(lines.map((l) => (l[1] + l[2]) * 1000)) };
  }
  const lib = json(`${out}/native-lib.json`);
  return lib && { ms: lib[c.native], cpuMs: lib.cpu[c.native] };
}
const wasm = (side, c) => {
  const r = json(`${out}/${side}-${c.id}.json`)?.[c.id];
  return r && { ms: middle(r.ms), cpuMs: middle(r.cpuMs) };
};
const num = (x) => (x == null ? "–" : x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "–");
const cell = (s) => (s ? `${num(s.ms)} (${num(s.cpuMs)})` : "–");

console.log("| row | native ms (CPU) | Node ms (CPU) | Chromium ms (CPU) | Node / native wall (CPU) | Chromium / native wall (CPU) |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const c of cases) {
  const [n, nd, ch] = [native(c), wasm("node", c), wasm("chromium", c)];
  const r = (s) => (s && n ? `${ratio(s.ms, n.ms)} (${ratio(s.cpuMs, n.cpuMs)})` : "–");
  console.log(`| ${c.label} | ${cell(n)} | ${cell(nd)} | ${cell(ch)} | ${r(nd)} | ${r(ch)} |`);
}
if (existsSync(`${out}/load.txt`)) console.log(`\n${readFileSync(`${out}/load.txt`, "utf8").trim().replace("\n", "; ")}`);
