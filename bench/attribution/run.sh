#!/usr/bin/env bash
# bench/attribution: Markov attribution of order 1–4, "auto" and the bootstrap on 10k and
# 100k generated journeys, natively (best of 3). Usage: bash bench/attribution/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo run --release --example bench_attribution
