// The account map's first and later calls in wasm, packages side by side (docs/PERFORMANCE.md,
// stops 33–34). On a virtual machine that backs memory on first use, a process's first call
// pays for every page it touches (bench/machine/first-touch.mjs) and a later call does not, as
// in the planner's worker, which keeps its memory: the two are measured apart. Each round
// starts one Node process per package, in turn, so that the machine's drift falls on all
// alike; each process makes `calls` calls of `mapAccountColumns` (or `mapAccounts`) on the
// request handed over as a JS object, and reports each call's wall time and the wasm memory.
// Prints one line per process, then per package the median and range of first calls and the
// median and fastest of later ones.
// Usage: node bench/accounts/map_warm.mjs REQUEST.json [rounds (4)] [calls (4)] [PKG_DIR ...]
//   (default package: pkg/; REQUEST.json from gen.py, or to_columns.py for columns)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageEntry } from "../package.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** One process: `calls` calls of the map on the request, as JSON on stdout. */
async function child(request, calls, pkg) {
  const dt = await import(packageEntry(pkg));
  const req = JSON.parse(readFileSync(request, "utf8"));
  const map = req.ecosystem ? dt.mapAccounts : dt.mapAccountColumns;
  const ms = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    map(req);
    ms.push(Math.round(performance.now() - t));
  }
  console.log(JSON.stringify({ ms, wasmMemoryMB: Math.round(dt.wasmMemoryBytes() / 1e6) }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const [request, roundsArg, callsArg, ...pkgArgs] = process.argv.slice(2);
if (process.env.MAP_WARM_CHILD) {
  await child(request, Number(callsArg), pkgArgs[0]);
} else {
  if (!request) {
    console.error("usage: node bench/accounts/map_warm.mjs REQUEST.json [rounds] [calls] [PKG_DIR ...]");
    process.exit(2);
  }
  const rounds = Number(roundsArg ?? 4);
  const calls = Math.max(2, Number(callsArg ?? 4));
  const pkgs = (pkgArgs.length ? pkgArgs : [join(here, "..", "..", "pkg")]).map((p) => resolve(p));
  const seen = new Map(pkgs.map((p) => [p, []]));
  for (let r = 0; r < rounds; r++) {
    for (const pkg of pkgs) {
      const out = execFileSync(
        process.execPath,
        ["--max-old-space-size=8000", fileURLToPath(import.meta.url), request, "1", String(calls), pkg],
        { env: { ...process.env, MAP_WARM_CHILD: "1" }, encoding: "utf8", maxBuffer: 1 << 20 },
      );
      const run = JSON.parse(out.trim().split("\n").pop());
      seen.get(pkg).push(run);
      console.log(`${pkg}: calls ${run.ms.join(", ")} ms; wasm memory ${run.wasmMemoryMB} MB`);
    }
  }
  for (const [pkg, runs] of seen) {
    const first = runs.map((r) => r.ms[0]);
    const later = runs.flatMap((r) => r.ms.slice(1));
    console.log(
      `${pkg}: first call median ${median(first)} ms (${Math.min(...first)}–${Math.max(...first)}); ` +
        `later calls median ${median(later)} ms, fastest ${Math.min(...later)} ms (${runs.length} processes)`,
    );
  }
}
