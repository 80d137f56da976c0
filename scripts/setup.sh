#!/usr/bin/env bash
# Install the tools Peer Coach needs, skipping every step whose tool is
# already present at the right version. Safe to run again and again.
#
#   scripts/setup.sh [STEP|GROUP]...      (default: all)
#
# Steps:
#   target        rustup target wasm32-unknown-unknown
#   fetch         cargo fetch for the app and bench/counter (Trunk builds offline)
#   trunk         trunk 0.21.14 (cargo install, ~11 min once)
#   wasm-bindgen  wasm-bindgen-cli at exactly the version in Cargo.lock (~3.5 min once)
#   wasm-split    wasm-split-cli (crates.io: wasm_split_cli_support), which splits
#                 the release wasm into the parts loaded on demand (~2 min once)
#   npm           npm ci (Playwright, axe, Lighthouse, and binaryen's wasm-opt 132)
#   apt           Debian packages: chromium chromium-driver brotli iproute2
#   fuzz          nightly toolchain and cargo-fuzz (for make fuzz only)
# Groups:
#   rust   = target fetch                         (fmt, clippy, cargo test)
#   build  = target fetch trunk wasm-bindgen wasm-split npm  (make build / make serve)
#   wasm   = target fetch wasm-bindgen apt        (make test-wasm)
#   test   = build + apt                          (everything else)
#   all    = test
#
# Nothing here downloads from outside the package registries (crates.io, npm,
# Debian): Trunk is pinned to PATH tools by Trunk.toml and builds offline.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# Its split format must match wasm_split_helpers 0.2 (a dependency of leptos).
WASM_SPLIT_VERSION=0.2.4
APT_PACKAGES=(chromium chromium-driver brotli iproute2)
CRATES=("$ROOT" "$ROOT/bench/counter") # every crate Trunk builds

log() { printf 'setup: %s\n' "$*"; }

step_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown: present"
  else
    log "rust target wasm32-unknown-unknown: installing"
    rustup target add wasm32-unknown-unknown
  fi
}

# Trunk passes --offline to cargo, so every crate must be downloaded first.
# `cargo fetch --offline` succeeds (without network) when nothing is missing.
step_fetch() {
  local dir name
  for dir in "${CRATES[@]}"; do
    [[ -f $dir/Cargo.toml ]] || continue
    name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$dir/Cargo.toml" | head -n 1)
    if [[ -f $dir/Cargo.lock ]] && (cd "$dir" && cargo fetch --offline --quiet) 2>/dev/null; then
      log "crates of $name: present"
    else
      log "crates of $name: fetching"
      (cd "$dir" && cargo fetch)
    fi
  done
}

step_trunk() {
  if [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then
    log "trunk $TRUNK_VERSION: present"
  else
    # Unpinned, cargo picks 0.22.x, which needs a newer rustc.
    log "trunk $TRUNK_VERSION: installing (about 11 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# The CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
wasm_bindgen_version() {
  local v=""
  [[ -f Cargo.lock ]] || (cargo generate-lockfile --quiet || true)
  if [[ -f Cargo.lock ]]; then
    v=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  fi
  if [[ -z $v ]]; then # no lock yet: fall back to the pin in Trunk.toml
    v=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)
  fi
  echo "$v"
}

step_wasm_bindgen() {
  local want pinned
  want=$(wasm_bindgen_version)
  pinned=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)
  if [[ -n $pinned && $pinned != "$want" ]]; then
    log "WARNING: Cargo.lock has wasm-bindgen $want but Trunk.toml pins $pinned: update Trunk.toml"
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $want"* ]] &&
     [[ "$(wasm-bindgen-test-runner --version 2>/dev/null)" == *" $want"* ]]; then
    log "wasm-bindgen-cli $want: present"
  else
    # Without --locked: with it, a dependency does not resolve from crates.io.
    log "wasm-bindgen-cli $want: installing (about 4 minutes on 2 cores)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm ci when node_modules is missing or older than package-lock.json
# (npm records what it installed in node_modules/.package-lock.json).
step_npm() {
  command -v npm >/dev/null || { log "ERROR: npm not found: install Node.js 20 or newer"; exit 1; }
  if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "npm packages: present"
  else
    log "npm packages: installing (npm ci)"
    # Playwright must not download browsers: it drives Debian's /usr/bin/chromium.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  if [[ "$(wasm-opt --version 2>/dev/null)" != *"(version_132)"* ]]; then
    log "ERROR: wasm-opt on PATH is not binaryen 132 ($(command -v wasm-opt || echo none))"
    exit 1
  fi
}

step_wasm_split() {
  if command -v wasm-split-cli >/dev/null &&
     cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "wasm-split-cli $WASM_SPLIT_VERSION: present"
  else
    log "wasm-split-cli $WASM_SPLIT_VERSION: installing (about 2 minutes on 2 cores)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
  fi
}

# For `make fuzz` only: the nightly toolchain and cargo-fuzz.
step_fuzz() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "nightly toolchain: installing"
    rustup toolchain install nightly --profile minimal
  else
    log "nightly toolchain: present"
  fi
  if cargo fuzz --version >/dev/null 2>&1; then
    log "cargo-fuzz: present"
  else
    log "cargo-fuzz: installing (about 2 minutes)"
    cargo install cargo-fuzz --locked
  fi
}

step_apt() {
  local pkg missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "apt packages (${APT_PACKAGES[*]}): present"
    return
  fi
  log "apt packages: installing ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
}

# Expand groups into steps, keeping order and dropping repeats.
declare -A seen=()
steps=()
add() { local s; for s in "$@"; do [[ -n ${seen[$s]:-} ]] || { seen[$s]=1; steps+=("$s"); }; done; }
(($# > 0)) || set -- all
for arg in "$@"; do
  case $arg in
    rust) add target fetch ;;
    build) add target fetch trunk wasm-bindgen wasm-split npm ;;
    wasm) add target fetch wasm-bindgen apt ;;
    test | all) add target fetch trunk wasm-bindgen wasm-split npm apt ;;
    target | fetch | trunk | wasm-bindgen | wasm-split | npm | apt | fuzz) add "$arg" ;;
    *) echo "setup.sh: unknown step or group '$arg' (see the top of $0)" >&2; exit 2 ;;
  esac
done
for s in "${steps[@]}"; do "step_${s//-/_}"; done
