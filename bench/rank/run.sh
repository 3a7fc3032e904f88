#!/usr/bin/env bash
# Rank benchmark (issue 3): native Rust, NumPy and (when ../../pkg exists) wasm in Node,
# on the same generated 100,000-partner ecosystem, in one run, with ratios.
# Usage: bench/rank/run.sh [PARTNERS]   (from anywhere; writes bench/out/)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
n="${1:-100000}"
cargo build --release --quiet --example bench_rank
native="$(./target/release/examples/bench_rank --partners "$n" --seed 1 --out bench/out)"
py="$(bash bench/venv.sh)"
numpy="$("$py" bench/rank/rank_numpy.py bench/out)"
wasm=""
if [ -d pkg ] && command -v node >/dev/null; then
  wasm="$(node bench/rank/rank_wasm.mjs bench/out || echo '')"
fi
echo "$native"
echo "$numpy"
[ -n "$wasm" ] && echo "$wasm"
"$py" bench/rank/compare.py "$native" "$numpy" "$wasm"
