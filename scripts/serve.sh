#!/usr/bin/env bash
# THE serve command (README): builds what is stale — the npm package pkg/ (when its sources
# changed: scripts/build-pkg.sh keeps a hash in pkg/.source-hash) and the planner page www/dist
# (when www's sources, its lockfile or pkg/ changed: a hash in www/dist/.source-hash) — installs
# only what is missing, and serves the page on http://localhost:8080 (PORT to change) with
# compression and the security headers of docs/planner.md § "Serving".
#   --build-only  build what is stale, then exit
#   --check       build what is stale, start the server on a free port, check that it serves
#                 the page (MIME types, compression, headers), then exit
# When nothing changed it takes well under a second before serving.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"
MODE="${1:-serve}"
say() { printf '[serve] %s\n' "$*"; }
case "$MODE" in serve | --build-only | --check) ;; *) say "unknown option $MODE (--build-only, --check)"; exit 2 ;; esac

www_hash() {
  {
    find www/src www/index.html www/vite.config.ts www/tsconfig.json www/package-lock.json pkg \
      scripts/precompress.mjs -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

# 1. tools and dependencies: setup.sh only when something is missing (it is idempotent, but
#    checking the Rust toolchain costs seconds)
deps_ok() { [[ -f www/node_modules/.dealteam-lock ]] && cmp -s www/package-lock.json www/node_modules/.dealteam-lock; }
if ! "$ROOT/scripts/build-pkg.sh" --is-fresh || ! deps_ok; then
  "$ROOT/scripts/setup.sh"
fi

# 2. the npm package, when its sources changed
"$ROOT/scripts/build-pkg.sh"

# 3. the page, when its sources or the package changed
SITE="$ROOT/www/dist"
HASH="$(www_hash)"
if [[ -f "$SITE/index.html" && -f "$SITE/.source-hash" && "$(cat "$SITE/.source-hash")" == "$HASH" ]]; then
  say "www/dist is up to date (www/dist/.source-hash)"
else
  say "building the planner page (www/)"
  npm --prefix www run build
  node "$ROOT/scripts/precompress.mjs" "$SITE"
  echo "$HASH" >"$SITE/.source-hash"
fi

case "$MODE" in
  --build-only) exit 0 ;;
  --check) exec node "$ROOT/scripts/serve-check.mjs" "$SITE" ;;
esac
say "open http://localhost:$PORT/"
exec node "$ROOT/scripts/static-server.mjs" "$SITE" "$PORT"
