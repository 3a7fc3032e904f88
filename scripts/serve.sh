#!/usr/bin/env bash
# THE serve command (README): installs what is missing, builds the npm package and the
# planner page (www/, which opens on a built-in sample ecosystem), and serves it on
# http://localhost:8080 (PORT to change).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-pkg.sh"

echo "[serve] building the planner page (www/)"
npm --prefix www run build
SITE="$ROOT/www/dist"

echo "[serve] open http://localhost:$PORT/"
exec node "$ROOT/scripts/static-server.mjs" "$SITE" "$PORT"
