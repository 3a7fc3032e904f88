#!/usr/bin/env bash
# bench/nucleolus: least core and nucleolus of generated games of 14–20 members, natively
# (examples/bench_nucleolus.rs) and in wasm through the npm package (wasm.mjs) on the
# same games. Usage: bash bench/nucleolus/run.sh   (wasm side needs pkg/: scripts/build-pkg.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/nucleolus
cargo run --release --example bench_nucleolus -- "$out"
node bench/nucleolus/wasm.mjs "$out"
