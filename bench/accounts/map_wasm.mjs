// The account map in wasm (docs/PERFORMANCE.md): `mapAccounts` of the npm package in Node — the
// same V8 wasm engine as Chromium — on a request file made by gen.py (the one run.sh gives the
// native CLI and pandas). The request goes in as JSON text (parsed inside wasm) and the response
// comes back as a JS object. Prints one JSON line: wall and CPU milliseconds, best of `runs`.
// A request made by to_columns.py (accounts as tab-separated columns) runs `mapAccountColumns`;
// with `object` it is handed over as a JS object (parsed before the clock starts, as a page or
// app holding each partner's CSV text has it), whose texts cross without JSON.
// Usage: node bench/accounts/map_wasm.mjs REQUEST.json [runs (3)] [object]
//   (pkg/ built, or DEALTEAM_PKG=dir)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { packageEntry } from "../package.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.env.DEALTEAM_PKG ?? join(here, "..", "..", "pkg");
const dt = await import(packageEntry(pkg));
const text = readFileSync(process.argv[2], "utf8");
const runs = Number(process.argv[3] ?? 3);
const columns = !text.slice(0, 200).includes('"ecosystem"');
const map = columns ? dt.mapAccountColumns : dt.mapAccounts;
const asObject = process.argv[4] === "object";
const input = asObject ? JSON.parse(text) : text;
let best = null;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = map(input);
  const d = process.cpuUsage(c);
  const run = { wallMs: performance.now() - t, cpuMs: (d.user + d.system) / 1000, pairs: r.pairs.length, shared: r.pairs.reduce((s, p) => s + p.shared, 0), summary: r.summary && { pairs: r.summary.pairs, shared: r.summary.shared } };
  if (!best || run.cpuMs < best.cpuMs) best = run;
}
console.log(JSON.stringify({ side: "wasm", form: (columns ? "columns" : "objects") + (asObject ? " (JS object)" : ""), bytes: text.length, ...best }));
