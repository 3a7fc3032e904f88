#!/usr/bin/env bash
# bench/splits: native dealteam vs vectorised NumPy (and ChannelAttribution) on the same
# generated inputs, in one run. Usage: bash bench/splits/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/splits
py="$(bash bench/venv.sh)"
cargo build --release --example bench_splits
./target/release/examples/bench_splits "$out"
"$py" bench/splits/compare.py "$out"
