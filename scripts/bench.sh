#!/usr/bin/env bash
# `make bench`: release-build the app (dist/) and the bare Leptos counter
# (bench/counter/dist/) in the same run, then measure both with
# scripts/bench.mjs (sizes, time to interactive, Lighthouse).
#
#   scripts/bench.sh [--counter-only] [extra bench.mjs options, e.g. --runs 20]
#
# Needs the tools from `scripts/setup.sh test` (make bench runs it first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The same environment as the Makefile, for running this script by hand.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

targets=(--app dist --counter bench/counter/dist)
if [[ ${1:-} == --counter-only ]]; then # the baseline alone, e.g. before the app builds
  shift
  targets=(--counter bench/counter/dist)
else
  echo '== building the app (release) =='
  trunk build --release
fi
echo '== building the counter (release) =='
(cd bench/counter && trunk build --release)

node scripts/bench.mjs "${targets[@]}" "$@"
