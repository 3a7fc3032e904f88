#!/usr/bin/env bash
# Time and peak memory of the release CLI at each limit of docs/limits.md
# (docs/PERFORMANCE.md, "Limits"): bench/limits/run.sh [OUTDIR]
# BIN=path/to/dealteam measures that binary instead of building the release one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-/tmp/dealteam-limits}"
cd "$ROOT"
BIN="${BIN:-}"
if [[ -z "$BIN" ]]; then
  cargo build --release --quiet
  BIN=target/release/dealteam
fi
python3 bench/limits/gen.py "$OUT"
printf '| request | bytes | command | wall s | peak RSS MiB | result |\n|---|---:|---|---:|---:|---|\n'
for f in "$OUT"/*.json; do
  base="$(basename "$f" .json)"
  cmd="${base##*.}"
  name="${base%.*}"
  /usr/bin/time -v "$BIN" "$cmd" "$f" >/dev/null 2>"$OUT/$base.time" && ok=ok || ok="error: $(head -c 120 "$OUT/$base.time")"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/$base.time" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$OUT/$base.time")"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(stat -c %s "$f")" "$cmd" "$wall" "$rss" "$ok"
done
