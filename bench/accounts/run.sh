#!/usr/bin/env bash
# The account map (SPEC §14) on generated data: dealteam's `accountMap` (native CLI,
# release build) against an independent pandas computation on the same request, which
# must give the same matrix and potential revenue for every pair (exit 1 otherwise).
# With the npm package built (pkg/, or DEALTEAM_PKG=dir), the same request also runs in wasm
# in Node (map_wasm.mjs) and its ratios are printed too.
#   bench/accounts/run.sh [PARTNERS ACCOUNTS POOL]   (default 10000 200 4000000)
#   PROFILE=test bench/accounts/run.sh …   (the CLI at opt-level 2 without LTO: quicker to build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
P="${1:-10000}" A="${2:-200}" POOL="${3:-4000000}"
py="$(bash "$here/../venv.sh")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
PROFILE="${PROFILE:-release}"
cargo build --quiet --profile "$PROFILE" --bin dealteam --manifest-path "$root/Cargo.toml" >&2
bin="$root/target/$([ "$PROFILE" = test ] && echo debug || echo "$PROFILE")/dealteam"
python3 "$here/gen.py" "$P" "$A" "$POOL" 14 > "$tmp/req.json"
echo "request: $P partners × $A accounts from a pool of $POOL companies ($(du -h "$tmp/req.json" | cut -f1))"
best=""
for i in 1 2 3; do
  s=$(date +%s.%N)
  "$bin" accountMap "$tmp/req.json" > "$tmp/resp.json"
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "dealteam accountMap (native CLI: read JSON, normalise, match, count, write JSON): best of 3 ${best} s"
out="$("$py" "$here/check.py" "$tmp/req.json" "$tmp/resp.json")"
echo "$out" | grep -v PANDAS_SECONDS
read -r merge total < <(echo "$out" | awk '/PANDAS_SECONDS/ {print $2, $3}')
echo "ratio pandas merge+count / dealteam: $(echo "scale=2; $merge / $best" | bc)×;" \
     "pandas normalise+merge+count / dealteam: $(echo "scale=2; $total / $best" | bc)×"
if [ -e "${DEALTEAM_PKG:-$root/pkg}/dealteam_bg.wasm" ]; then
  wasm="$(node "$here/map_wasm.mjs" "$tmp/req.json" 3)"
  echo "dealteam mapAccounts (wasm in Node: JSON text in, JS object out): $wasm"
  ws=$(echo "$wasm" | sed 's/.*"wallMs":\([0-9.]*\).*/\1/')
  ws=$(echo "scale=3; $ws / 1000" | bc)
  echo "ratio pandas merge+count / dealteam wasm: $(echo "scale=2; $merge / $ws" | bc)×;" \
       "pandas normalise+merge+count / dealteam wasm: $(echo "scale=2; $total / $ws" | bc)×"
fi
