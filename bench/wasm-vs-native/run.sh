#!/usr/bin/env bash
# Issue 10: the same requests natively (release CLI, and examples/bench_rank.rs for the two
# `Ecosystem` rows), as wasm in Node (the npm package in pkg/) and as wasm in headless
# Chromium (/usr/bin/chromium, bench/wasm-vs-native/page.html), on the same generated inputs,
# in one run, row by row (native, Node, Chromium back to back, so they share the machine's
# load); prints the table of medians and ratios (wall and CPU time).
#   bench/wasm-vs-native/run.sh [ROW_ID…]     (from anywhere; pkg/ must be built)
# Env: TRIALS (simulate, default 20000), SKIP_GEN=1 reuses bench/out/wvn/ from a previous run (the
# native ingest is still timed again),
# SKIP_BUILD=1 uses the release binaries already in target/release.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/wasm-vs-native
out=bench/out/wvn
[ -f pkg/node.js ] || { echo "build the npm package first (scripts/build-pkg.sh)" >&2; exit 1; }
mkdir -p "$out"
[ "${SKIP_BUILD:-}" = 1 ] || cargo build --release --quiet --bin dealteam --example bench_rank --example bench_teams --example bench_splits
if [ "${SKIP_GEN:-}" != 1 ]; then
  # the generators of bench/rank, bench/teams and bench/splits (they also time their own rows)
  ./target/release/examples/bench_rank --partners 100000 --seed 1 --out bench/out > "$out/native-lib.json"
  ./target/release/examples/bench_teams 1000 --limit 5000 > "$out/teams-native.jsonl"
  ./target/release/examples/bench_splits bench/out/splits 2> /dev/null
  node "$here/requests.mjs" "${TRIALS:-20000}"
else
  # the inputs are reused, but the native ingest is timed again in this run (same seed, same
  # ecosystem; its copy of the inputs goes to a scratch directory)
  scratch=$(mktemp -d)
  ./target/release/examples/bench_rank --partners 100000 --seed 1 --out "$scratch" > "$out/native-lib.json"
  rm -rf "$scratch"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
# one line per row: id, CLI command (or -), request file, runs
node "$here/table.mjs" --rows "$@" | while read -r id cmd file runs; do
  if [ "$cmd" != - ]; then
    : > "$out/native-$id.txt"
    for _ in $(seq "$runs"); do
      TIMEFORMAT='%3R %3U %3S'
      { time ./target/release/dealteam "$cmd" "$out/$file" < /dev/null > /dev/null; } 2>> "$out/native-$id.txt"
    done
  fi
  node "$here/node.mjs" "$id" < /dev/null > "$out/node-$id.json"
  node "$here/chromium.mjs" "$id" < /dev/null > "$out/chromium-$id.json"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
node "$here/table.mjs" "$@"
