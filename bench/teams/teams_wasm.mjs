// wasm-in-Node side of the teams benchmark: times exact top-1 and top-10 through the
// npm package on the requests that bench/teams/run.sh (examples/bench_teams.rs) wrote
// to bench/out/teams_<n>.json, and compares the scores with the native run
// (bench/out/teams_native.jsonl).
//
// Usage (repository root, after the package is built into pkg/):
//   node bench/teams/teams_wasm.mjs [sizes…]     default: 120 500 1000 10000
//
// It uses `new Ecosystem(json).topTeams({profiles, deal, k})` when the package has it,
// else the free function `teams(request)`.
import { readFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url)).catch(() =>
  import(new URL("../../pkg/dealteam.js", import.meta.url)),
);
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(120, 500, 1000, 10000);
const native = existsSync("bench/out/teams_native.jsonl")
  ? readFileSync("bench/out/teams_native.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l))
  : [];

for (const n of sizes) {
  const req = JSON.parse(readFileSync(`bench/out/teams_${n}.json`, "utf8"));
  let eco = null;
  if (pkg.Ecosystem) {
    const t0 = performance.now();
    eco = new pkg.Ecosystem(JSON.stringify(req.ecosystem));
    console.log(`n=${n} Ecosystem parse+index ${(performance.now() - t0).toFixed(1)} ms`);
  }
  for (const k of [1, 10]) {
    const t0 = performance.now();
    const out = eco && eco.topTeams
      ? eco.topTeams({ profiles: req.profiles, deal: req.deal, k, timeLimitMs: req.timeLimitMs })
      : pkg.teams({ ...req, k });
    const ms = performance.now() - t0;
    const res = typeof out === "string" ? JSON.parse(out) : out;
    const nat = native.find((r) => r.partners === n && r.k === k);
    const score = res.teams[0]?.score;
    const same = nat ? Math.abs(nat.score - score) < 1e-9 : "n/a";
    const ratio = nat ? (ms / nat.ms).toFixed(2) : "n/a";
    console.log(
      `n=${n} k=${k} wasm ${ms.toFixed(1)} ms exact=${res.exact} nodes=${res.nodes}` +
        ` | native ${nat ? nat.ms.toFixed(1) : "?"} ms | wasm/native ${ratio}x | same top-1 score: ${same}`,
    );
  }
  if (eco && eco.free) eco.free();
}
