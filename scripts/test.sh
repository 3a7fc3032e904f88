#!/usr/bin/env bash
# THE test command (README, .ci/run): installs what is missing, then runs every layer —
#   0. cargo fmt --check, cargo clippy -D warnings (native: all targets and features;
#      wasm32: the library and tests/wasm_*.rs) — fast, so they come first
#   1. cargo test                      native unit, integration and doc tests
#   2. wasm-bindgen tests in Node      tests/wasm_*.rs through the facade
#   3. the same suite in headless Chromium
#   4. scripts/build-pkg.sh            the npm package in pkg/, then
#      scripts/check-wasm-size.sh      the module within its gzip budget
#   5. npm consumer tests              tests/npm/run.mjs (pack, Node, README example, tsc, Vite page)
#   6. the planner page's e2e tests    npm --prefix www test
#   7. cargo doc, warnings denied      the crate docs' §→function index must resolve
#   8. supply chain                    scripts/supply-chain.sh (cargo deny, npm audit --omit=dev)
#   9. fuzz smoke                      10 s per cargo-fuzz target from fuzz/corpus, seed 1 (when
#                                      nightly and cargo-fuzz are installed; `cargo test`
#                                      replays the corpus in any case: docs/fuzzing.md)
# Every step runs even when an earlier one failed; the end lists each step with the
# runners' own summary lines. Exits non-zero when any step failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# A CI run starts from a clean clone and builds everything once: incremental caches (GBs of
# target/*/incremental) would only take disk.
if [[ -n "${CI:-}" ]]; then export CARGO_INCREMENTAL=0; fi

"$ROOT/scripts/setup.sh" || { echo "[test] setup failed" >&2; exit 1; }

LOGS="$(mktemp -d)"
names=()
statuses=()

step() {
  local name="$1"
  shift
  local log="$LOGS/${#names[@]}.log"
  printf '\n==== %s\n' "$name"
  if "$@" 2>&1 | tee "$log"; then
    statuses+=(PASS)
  else
    statuses+=(FAIL)
  fi
  names+=("$name")
}

# The wasm tests are the tests/wasm_*.rs files; --no-default-features leaves out the
# native-only CLI binary (feature `cli`).
WASM_TEST_ARGS=(-- --no-default-features --test 'wasm_*')

step "cargo fmt --check" cargo fmt --check
step "cargo clippy (native)" cargo clippy --all-targets --all-features -- -D warnings
step "cargo clippy (wasm32)" \
  cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --test 'wasm_*' -- -D warnings
step "cargo test (native)" cargo test --no-fail-fast
step "wasm-bindgen tests in Node" wasm-pack test --node "${WASM_TEST_ARGS[@]}"
step "wasm-bindgen tests in headless Chromium" \
  env WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome "${WASM_TEST_ARGS[@]}"
# Under CI the package is always rebuilt from the sources (elsewhere build-pkg.sh skips the
# build when pkg/.source-hash matches them).
step "build the npm package (pkg/)" "$ROOT/scripts/build-pkg.sh" ${CI:+--force}
step "wasm module size budget" "$ROOT/scripts/check-wasm-size.sh"
step "npm consumer tests" node "$ROOT/tests/npm/run.mjs"
step "planner page e2e (www)" npm --prefix www test
step "cargo doc (warnings denied)" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
step "supply chain (cargo deny, npm audit)" "$ROOT/scripts/supply-chain.sh"
if command -v cargo-fuzz >/dev/null && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz_smoke() {
    local t
    for t in commands handles reader; do
      # a copy of the seeds, so the smoke run adds nothing to the committed corpus
      local corpus
      corpus="$(mktemp -d)"
      cp "$ROOT/fuzz/corpus/$t"/seed-* "$corpus"/
      (cd "$ROOT/fuzz" && cargo +nightly fuzz run "$t" "$corpus" -- -seed=1 -max_total_time=10 -timeout=2) || return 1
      rm -rf "$corpus"
    done
  }
  step "fuzz smoke (cargo-fuzz, 10 s per target)" fuzz_smoke
fi

printf '\n==== summary\n'
failed=0
for i in "${!names[@]}"; do
  printf '%s  %s\n' "${statuses[$i]}" "${names[$i]}"
  grep -a -E '^Diff in |^error: could not compile |^test result:|^npm consumer tests:|^# (tests|pass|fail) |^ℹ (tests|pass|fail) |[0-9]+ (passed|failed|skipped|flaky)|wasm size:|\[wasm-size\]|^Done [0-9]+ runs|NOT checked' \
    "$LOGS/$i.log" | sed 's/^/      /' || true
  [[ "${statuses[$i]}" == PASS ]] || failed=$((failed + 1))
done
rm -rf "$LOGS"
echo "steps: $((${#names[@]} - failed)) passed, $failed failed"
((failed == 0))
