// Two builds of the npm package in one Node process, their calls alternated (A B, then B A, …)
// on the rows of cases.mjs, so that the machine's drift falls on both alike: per row the median
// of each (the first call of each left out) and B/A. Use it for a change's effect (another
// opt-level, a scratch build), not for the wasm-vs-native table (run.sh).
// Even so, two copies of the same package (`cp -r pkg /tmp/pkg-copy`; one directory given twice
// would be one module) read apart by several per cent on a busy machine (docs/PERFORMANCE.md,
// "Stop 42"): trust only what stays beyond that in repeated runs.
// Usage: node --max-old-space-size=8000 bench/wasm-vs-native/ab.mjs PKG_A PKG_B [rounds (8)] [ROW_ID…]
//   (repository root; bench/out/wvn/ written by run.sh)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { middle } from "../median.mjs";
import { packageEntry } from "../package.mjs";
import { CASES } from "./cases.mjs";

const [a, b, rounds = "8", ...only] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node bench/wasm-vs-native/ab.mjs PKG_A PKG_B [rounds] [ROW_ID…]");
  process.exit(2);
}
if (resolve(a) === resolve(b)) {
  console.error("A and B are one directory, so one module: copy the package to compare it with itself");
  process.exit(2);
}
const A = await import(packageEntry(resolve(a)));
const B = await import(packageEntry(resolve(b)));
const dir = "bench/out/wvn";
for (const c of CASES.filter((c) => only.length === 0 || only.includes(c.id))) {
  const text = readFileSync(`${dir}/${c.file}`, "utf8");
  const profile = c.profile ? readFileSync(`${dir}/${c.profile}`, "utf8") : undefined;
  const sides = [
    { dt: A, state: c.setup(A, text, profile), ms: [] },
    { dt: B, state: c.setup(B, text, profile), ms: [] },
  ];
  for (let i = 0; i < Number(rounds); i++) {
    for (const s of i % 2 ? sides : [...sides].reverse()) {
      const t0 = performance.now();
      c.run(s.dt, s.state);
      s.ms.push(performance.now() - t0);
    }
  }
  for (const s of sides) c.teardown?.(s.state);
  const [ma, mb] = sides.map((s) => middle(s.ms.slice(1)));
  console.log(`${c.id.padEnd(12)} A ${ma.toFixed(1).padStart(8)} ms  B ${mb.toFixed(1).padStart(8)} ms  B/A ${(mb / ma).toFixed(3)}`);
}
