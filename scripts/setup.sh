#!/usr/bin/env bash
# Install what building and testing dealteam needs, only when it is missing:
# the wasm32 target, wasm-pack, wasm-bindgen-cli at the version pinned in Cargo.lock,
# cargo-deny, nightly + cargo-fuzz, Chromium + ChromeDriver (Debian packages), and the npm dependencies (npm ci, from
# committed lockfiles) of scripts/tools (wasm-opt from the npm `binaryen` package:
# Debian's binaryen 108 breaks wasm-bindgen's externref table), tests/npm and www.
# Idempotent: a second run only checks and prints "ok" lines.
# Never downloads prebuilt binaries from GitHub: everything comes from crates.io,
# Debian's packages or the npm registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# --- Rust target ----------------------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "ok: rust target wasm32-unknown-unknown"
else
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- rustfmt and clippy (scripts/test.sh runs cargo fmt --check and cargo clippy) ---------
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "ok: rust component $component"
  else
    say "installing rust component $component"
    rustup component add "$component"
  fi
done

# --- wasm-bindgen-cli pinned to Cargo.lock ---------------------------------------
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [[ -z "$WB_VERSION" ]]; then
  say "ERROR: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if command -v wasm-bindgen >/dev/null && [[ "$(wasm-bindgen --version | awk '{print $2}')" == "$WB_VERSION" ]]; then
  say "ok: wasm-bindgen-cli $WB_VERSION"
else
  say "installing wasm-bindgen-cli $WB_VERSION (cargo install; a few minutes)"
  # --locked first (reproducible); the registry may lack a locked transitive crate,
  # so fall back to a fresh resolution of the same wasm-bindgen-cli version.
  if ! cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --force; then
    say "--locked install failed; retrying without --locked"
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  fi
fi

# --- wasm-pack ----------------------------------------------------------------------
if command -v wasm-pack >/dev/null; then
  say "ok: $(wasm-pack --version)"
else
  say "installing wasm-pack (cargo install --locked; about 2 minutes)"
  if ! cargo install wasm-pack --locked; then
    cargo install wasm-pack
  fi
fi

# --- cargo-deny (supply chain) and cargo-fuzz + nightly (fuzz smoke) ---------------------
# Each is a one-time cargo install of a few minutes (cargo-deny the longest); the
# checks that need them (scripts/supply-chain.sh, the "fuzz smoke" step) say so when
# they are missing. DEALTEAM_SKIP_FUZZ=1 skips nightly and cargo-fuzz: the stable
# replay of the fuzz corpus in `cargo test` still runs.
cargo_tool() {
  local bin="$1" crate="$2"
  if command -v "$bin" >/dev/null; then
    say "ok: $crate"
  else
    say "installing $crate (cargo install --locked; a few minutes)"
    cargo install "$crate" --locked || say "WARNING: could not install $crate"
  fi
}
cargo_tool cargo-deny cargo-deny
if [[ "${DEALTEAM_SKIP_FUZZ:-0}" != 1 ]]; then
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    say "ok: rust nightly (for cargo-fuzz)"
  else
    say "installing rust nightly (minimal profile, for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal || say "WARNING: could not install nightly"
  fi
  cargo_tool cargo-fuzz cargo-fuzz
fi

# --- Debian packages: Chromium, ChromeDriver ---------------------------------------------
APT_UPDATED=0
apt_install() {
  if ! command -v apt-get >/dev/null; then
    say "WARNING: apt-get not available; install $* by hand"
    return 1
  fi
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  if [[ "$APT_UPDATED" == 0 ]]; then
    say "apt-get update"
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
if ((${#missing[@]})); then
  apt_install "${missing[@]}"
else
  say "ok: $(/usr/bin/chromium --version 2>/dev/null | head -1), chromedriver"
fi

# --- npm dependencies (from committed lockfiles) -----------------------------------
npm_ci() {
  local dir="$1"
  [[ -f "$dir/package.json" ]] || return 0
  if [[ -f "$dir/package-lock.json" ]]; then
    # Re-run npm ci only when the lockfile changed since the last install.
    local stamp="$dir/node_modules/.dealteam-lock"
    if [[ -d "$dir/node_modules" && -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
      say "ok: npm dependencies of $dir"
      return 0
    fi
    say "npm ci in $dir"
    if ! npm ci --prefix "$dir" --no-audit --no-fund --prefer-offline; then
      # npm ci insists on every optional platform package of the lockfile (rollup's
      # @rollup/rollup-<os>-<cpu>); a registry mirror may lack the other platforms'
      # ones. `npm install` still installs the locked versions and skips those.
      say "npm ci failed in $dir; falling back to npm install (same locked versions)"
      npm install --prefix "$dir" --no-audit --no-fund --prefer-offline
    fi
    cp "$dir/package-lock.json" "$stamp"
  else
    say "npm install in $dir (no lockfile yet)"
    npm install --prefix "$dir" --no-audit --no-fund --prefer-offline
  fi
}
npm_ci scripts/tools
npm_ci tests/npm
npm_ci www

say "done"
