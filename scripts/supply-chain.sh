#!/usr/bin/env bash
# Supply-chain checks of scripts/test.sh (issue 17 item 10):
#   - cargo deny check licenses bans sources   (deny.toml; every crate in Cargo.lock)
#   - cargo deny check advisories              only when the RustSec database can be
#     fetched from GitHub (not reachable from the build machines: then it says so)
#   - npm audit --omit=dev                     for the planner page's runtime packages
#     (www/) and the npm package (which has none); when the registry's audit endpoint
#     refuses the request (the offline mirror answers 405), it says so and does not fail.
# Exits non-zero when a check that could run found a problem.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
failed=0

if command -v cargo-deny >/dev/null; then
  cargo deny check licenses bans sources || failed=1
  if timeout 20 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
    cargo deny check advisories || failed=1
  else
    echo "[supply-chain] advisories NOT checked: github.com (RustSec advisory-db) is not reachable from here"
  fi
else
  echo "[supply-chain] cargo-deny is not installed (scripts/setup.sh installs it)"
  failed=1
fi

audit() {
  local dir="$1" out
  out="$(cd "$dir" && npm audit --omit=dev 2>&1)"
  local rc=$?
  echo "$out" | tail -n 5
  if ((rc != 0)) && grep -q "audit endpoint returned an error" <<<"$out"; then
    echo "[supply-chain] npm audit NOT checked for $dir: the registry's audit endpoint refused the request"
  elif ((rc != 0)); then
    failed=1
  fi
}
audit www
audit tests/npm

exit "$failed"
