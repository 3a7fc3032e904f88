#!/usr/bin/env bash
# One fuzz campaign per command (issue 17: ≥ 10⁶ executions per command): for each command
# of the `commands` target, start from the inputs of CORPUS (default: the committed seeds)
# that name it and run with DEALTEAM_FUZZ_ONLY set, for at most SECONDS seconds or RUNS
# executions of that command. Prints one line per command: its own executions, the time and
# whether anything was found (artifacts go to OUT/<command>/). RUNS is a multiple of
# 100,000 (the target counts in those steps).
#
#   cd fuzz && cargo +nightly fuzz build -s none -a
#   nice -n 19 ./campaign.sh [CORPUS] [OUT] [SECONDS] [RUNS] [command ...]
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BIN="$HERE/target/x86_64-unknown-linux-gnu/release/commands"
CORPUS="${1:-$HERE/corpus/commands}"
OUT="${2:-/tmp/dealteam-campaign}"
SECONDS_EACH="${3:-300}"
RUNS="${4:-1000000}"
shift $(( $# < 4 ? $# : 4 ))
[ -x "$BIN" ] || { echo "build first: cd fuzz && cargo +nightly fuzz build -s none -a" >&2; exit 2; }
if [ $# -gt 0 ]; then commands=("$@"); else
  mapfile -t commands < <(for f in "$HERE"/corpus/commands/seed-*; do head -n1 "$f"; done | sort -u)
fi
for c in "${commands[@]}"; do
  dir="$OUT/$c"; rm -rf "$dir"; mkdir -p "$dir/corpus" "$dir/found"
  for f in "$CORPUS"/*; do
    [ "$(head -n1 "$f" | tr -d '\0')" = "$c" ] && cp "$f" "$dir/corpus/"
  done
  start=$(date +%s)
  # libFuzzer's -runs counts every execution, skipped ones too; the target prints the
  # command's own count every 100,000, and the run is stopped (SIGINT: libFuzzer ends
  # cleanly) once that count reaches RUNS, or at the time limit.
  DEALTEAM_FUZZ_ONLY="$c" "$BIN" "$dir/corpus" -max_total_time="$SECONDS_EACH" \
    -timeout=2 -rss_limit_mb=4096 -artifact_prefix="$dir/found/" > "$dir/log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2
    grep -q "\[only $c\] $RUNS runs" "$dir/log" && kill -INT "$pid" 2>/dev/null
  done
  wait "$pid"
  rc=$?
  own=$(grep -o "\[only $c\] [0-9]* runs" "$dir/log" | tail -n1 | awk '{print $3}')
  printf '%s\t%s own runs (≥)\t%s s\texit %s\tfound %s\n' "$c" "${own:-<100000}" $(( $(date +%s) - start )) "$rc" \
    "$(ls "$dir/found" | wc -l)"
done
