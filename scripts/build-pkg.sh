#!/usr/bin/env bash
# Build the npm package `dealteam` into pkg/ (committed as generated output):
#   1. wasm-pack (target web, cargo profile `wasm-release`: the release profile with
#      opt-level "s") compiles the facade src/wasm/ and runs wasm-bindgen;
#   2. wasm-opt (npm binaryen in scripts/tools, installed by setup.sh) optimises the
#      module — level from WASM_OPT_LEVEL (default -O3; docs/performance/wasm-size.md
#      compares -Oz, -Os and -O3). Debian's binaryen 108 is not used: it corrupts
#      wasm-bindgen's externref table;
#   3. scripts/ts-types.sh appends the TypeScript types generated from the Rust serde
#      types (ts-rs) to pkg/dealteam.d.ts;
#   4. scripts/pkg-postprocess.mjs adds the Node entry (node.js: reads the .wasm with fs
#      and initialises synchronously), the browser entry (browser.js: call `await init()`),
#      the DealteamError export, and rewrites package.json (exports conditions node/default).
# Prints the raw and gzip size of the .wasm.
#
# Staleness: pkg/.source-hash records a hash of every input of the package (src/, Cargo.toml,
# Cargo.lock, examples/ts_types.rs, these build scripts, rustc's version, wasm-opt's version
# and level). When it matches the inputs, nothing is rebuilt (about 0.1 s).
#   --force     rebuild anyway
#   --is-fresh  build nothing; exit 0 when pkg/ is up to date, 1 when it is stale
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[build-pkg] %s\n' "$*"; }

source_hash() {
  local inputs=(src Cargo.toml Cargo.lock examples/ts_types.rs scripts/build-pkg.sh scripts/ts-types.sh
    scripts/pkg-postprocess.mjs scripts/tools/package-lock.json .cargo/config.toml build.rs rust-toolchain rust-toolchain.toml)
  local present=()
  for p in "${inputs[@]}"; do [[ -e "$p" ]] && present+=("$p"); done
  {
    printf 'rustc %s\nWASM_OPT_LEVEL=%s\n' "$(rustc --version 2>/dev/null || echo none)" "${WASM_OPT_LEVEL:-}"
    find "${present[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}
STAMP=pkg/.source-hash
fresh() {
  local f
  for f in dealteam_bg.wasm dealteam.js dealteam.d.ts browser.js node.js package.json; do [[ -f "pkg/$f" ]] || return 1; done
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$(source_hash)" ]]
}
case "${1:-}" in
  --is-fresh) fresh; exit ;;
  --force) ;;
  "") if fresh; then say "pkg/ is up to date with its sources ($STAMP); --force rebuilds"; exit 0; fi ;;
  *) say "unknown option $1 (--force, --is-fresh)"; exit 2 ;;
esac
HASH="$(source_hash)"
WASM_OPT="$ROOT/scripts/tools/node_modules/.bin/wasm-opt"
if [[ ! -x "$WASM_OPT" && "${WASM_OPT_LEVEL:-}" != none ]]; then
  # Without wasm-opt the module is larger and slower: refuse rather than ship that by accident.
  say "ERROR: $WASM_OPT is missing: run scripts/setup.sh first (WASM_OPT_LEVEL=none builds without it)"
  exit 1
fi

say "wasm-pack build --profile wasm-release --target web"
# A failed build must fail this script: the module of an earlier build (or a truncated one) in
# pkg/ would otherwise go on to wasm-opt and the size check.
rm -f pkg/dealteam_bg.wasm
set +e
wasm-pack --quiet build --profile wasm-release --target web --out-dir pkg --out-name dealteam --no-pack 2>&1 \
  | grep -v -E "^\[(INFO|WARN)\]|^$"
pack_status=${PIPESTATUS[0]}
set -e
((pack_status == 0)) || { say "ERROR: wasm-pack failed (exit $pack_status)"; exit 1; }
test -f pkg/dealteam_bg.wasm || { say "ERROR: wasm-pack produced no pkg/dealteam_bg.wasm"; exit 1; }

WASM=pkg/dealteam_bg.wasm
raw_before=$(stat -c %s "$WASM")
if [[ "${WASM_OPT_LEVEL:-}" != none ]]; then # present: checked before the build
  level="${WASM_OPT_LEVEL:--O3}"
  say "wasm-opt $level ($("$WASM_OPT" --version))"
  "$WASM_OPT" "$level" \
    --enable-simd --enable-bulk-memory --enable-reference-types --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$WASM" -o "$WASM.opt"
  mv "$WASM.opt" "$WASM"
else
  say "wasm-opt skipped (WASM_OPT_LEVEL=none)"
fi

"$ROOT/scripts/ts-types.sh"
node "$ROOT/scripts/pkg-postprocess.mjs" "$ROOT/pkg"
rm -f pkg/.gitignore
echo "$HASH" >"$STAMP"

raw=$(stat -c %s "$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
say "wasm size: raw $raw bytes ($((raw / 1024)) KiB; before wasm-opt $raw_before), gzip -9 $gz bytes ($((gz / 1024)) KiB)"
say "package ready in pkg/ ($(ls pkg | tr '\n' ' '))"
