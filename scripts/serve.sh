#!/usr/bin/env bash
# THE serve command (README): installs what is missing, builds the npm package and the
# planner page, and serves it on http://localhost:8080 (PORT to change).
# When the planner (www/package.json) does not exist yet, serves a self-contained
# placeholder page (www/placeholder/) that loads the wasm and ranks the built-in sample.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-pkg.sh"

if [[ -f www/package.json ]]; then
  echo "[serve] building the planner page (www/)"
  npm --prefix www run build
  SITE="$ROOT/www/dist"
else
  echo "[serve] www/package.json not found: serving the placeholder page"
  SITE="$ROOT/target/site"
  rm -rf "$SITE"
  mkdir -p "$SITE"
  cp -r www/placeholder/. "$SITE/"
  cp -r pkg "$SITE/pkg"
fi

echo "[serve] open http://localhost:$PORT/"
exec node "$ROOT/scripts/static-server.mjs" "$SITE" "$PORT"
