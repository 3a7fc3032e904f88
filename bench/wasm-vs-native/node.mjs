// The Node side of the wasm-vs-native table: every row of cases.mjs through the npm package
// in pkg/ (node.js entry), on bench/out/wvn/; wall (performance.now) and CPU time of the
// process (process.cpuUsage) of each call. Prints one JSON object: {id: {ms: [...], cpuMs: [...]}}.
// Usage: [DEALTEAM_PKG=dir] node bench/wasm-vs-native/node.mjs [ONLY_ID…]   (repository root, pkg/ built)
import { readFileSync } from "node:fs";
import { CASES } from "./cases.mjs";

import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

// DEALTEAM_PKG=dir times another build of the package (before/after comparisons)
const dt = await import(pathToFileURL(resolve(process.env.DEALTEAM_PKG ?? "pkg", "node.js")).href);
const only = process.argv.slice(2);
const dir = "bench/out/wvn";
const result = {};
for (const c of CASES.filter((c) => only.length === 0 || only.includes(c.id))) {
  const text = readFileSync(`${dir}/${c.file}`, "utf8");
  const state = c.setup(dt, text, c.profile ? readFileSync(`${dir}/${c.profile}`, "utf8") : undefined);
  const ms = [], cpuMs = [];
  for (let i = 0; i < c.runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    c.run(dt, state);
    ms.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  c.teardown?.(state);
  result[c.id] = { ms, cpuMs };
  console.error(`node ${c.id}: ${ms.map((x) => x.toFixed(1)).join(", ")} ms`);
}
console.log(JSON.stringify(result));
