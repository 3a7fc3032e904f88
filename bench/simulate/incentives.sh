#!/usr/bin/env bash
# bench/simulate, issue 13 item 9: 100,000 trials × 36 months with incentives
# (plan-36-incentives.json) against the same plan without them (plan-36.json), natively
# (release build) and in wasm through the npm package in Node (pkg/ must be built), ROUNDS
# alternating runs each; prints the median CPU and wall time per side and the ratios
# (goal: with incentives ≤ 2× the time without, on both sides). CPU time is the figure on a
# loaded machine.
#   bench/simulate/incentives.sh [ROUNDS] [TRIALS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
trials="${2:-100000}"
cargo build --quiet --release --example bench_simulate
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for _ in $(seq "$rounds"); do
  for p in plan-36 plan-36-incentives; do
    echo "native $p $(./target/release/examples/bench_simulate "bench/simulate/$p.json" "$trials" 1)" >>"$out"
    echo "wasm $p $(node bench/simulate/wasm.mjs "$trials" 1 "$p.json")" >>"$out"
  done
done
node - "$out" <<'JS'
const lines = require('node:fs').readFileSync(process.argv[2], 'utf8').trim().split('\n');
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const side of ['native', 'wasm']) {
  const runs = (p) => lines.filter((l) => l.startsWith(`${side} ${p} `)).map((l) => JSON.parse(l.slice(l.indexOf('{'))));
  const [a, b] = [runs('plan-36'), runs('plan-36-incentives')];
  const [ca, cb, wa, wb] = [med(a.map((r) => r.cpuMs)), med(b.map((r) => r.cpuMs)), med(a.map((r) => r.ms)), med(b.map((r) => r.ms))];
  console.log(`${side}: without incentives ${ca} ms CPU (${Math.round(wa)} ms wall), with ${cb} ms CPU (${Math.round(wb)} ms wall): ` +
    `${(cb / ca).toFixed(2)}x CPU, ${(wb / wa).toFixed(2)}x wall over ${a.length} runs each; same means: ${a[0].meanRevenue === b[0].meanRevenue}`);
}
JS
