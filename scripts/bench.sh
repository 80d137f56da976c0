#!/usr/bin/env bash
# `make bench`: release-build the app (dist/) and the bare Leptos counter
# (bench/counter/dist/) in the same run, then measure both with
# scripts/bench.mjs (sizes, time to interactive, Lighthouse).
#
#   scripts/bench.sh [--counter-only] [extra bench.mjs options, e.g. --runs 20]
#
# BENCH_BEFORE=<dist folder of another build> (say, main's) also measures the
# keystroke on that build and prints both.
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

if [[ ${targets[0]} == --app ]]; then
  # Where the bytes are, from the name section cargo's module still has.
  module=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/peer-coach.wasm
  echo
  echo '== the whole wasm (every screen), by crate and by module of ours (before wasm-opt) =='
  node scripts/wasm-size.mjs "$module" --top 15
  parts=$(mktemp -d)
  wasm-split-cli "$module" "$parts" --out-name peer-coach >/dev/null
  echo
  echo '== the first load: the main part of the split wasm (home, header, records), before wasm-opt =='
  node scripts/wasm-size.mjs "$parts/peer-coach.wasm" --top 15
  rm -rf "$parts"
fi

node scripts/bench.mjs "${targets[@]}" "$@"

[[ ${targets[0]} == --app ]] || exit 0
echo
echo '== share link: the reference session (shared/reference-session.md) =='
cargo test -q --test share_budget -- --nocapture 2>/dev/null |
  grep -E '^(plain link|encrypted link|common way|ratio):' | sed 's/^/  /'
echo "  encrypted link: $(tr -d '\n' < tests/golden/e1.txt | wc -c) characters (the golden e1 link of the same session)"
echo '  targets: plain <= 1,400 characters and <= 0.75x the common way; encrypted <= 1,500'
cargo test -q --test share_budget -- --nocapture 2>/dev/null |
  grep -Eo 'with exercises:.*' | sed 's/^/  /'
echo '  target (format 2, the reference session with three exercise runs): <= 2,100 characters and <= 0.75x'
cargo test -q --test share_budget -- --nocapture 2>/dev/null |
  grep -Eo 'followed up:.*' | sed 's/^/  /'
echo '  target (format 3, the next session with its follow-up and next meeting): <= 1,600 characters and <= 0.75x'
# Encode and decode in headless Chromium, median of 100, release build.
PEER_COACH_BENCH=1 CARGO_PROFILE_RELEASE_DEBUG=0 \
  cargo test --release --target wasm32-unknown-unknown --test browser_share_bench -- --nocapture 2>&1 |
  grep -Eo 'BENCH share .*' | sed 's/^BENCH share /  in the browser: /'
echo '  target: decode under 5 ms'
echo
echo '== a long history: 500 sessions and 2,000 journal entries stored =='
# Mount to a usable screen in headless Chromium, median of 7, release build.
PEER_COACH_BENCH=1 CARGO_PROFILE_RELEASE_DEBUG=0 \
  cargo test --release --target wasm32-unknown-unknown --test browser_history_bench -- --nocapture 2>&1 |
  grep -Eo 'BENCH history .*' | sed 's/^BENCH history /  /'
echo '  target: home and history interactive in under 200 ms'
# One keystroke in a session with 500 sessions stored, median, release build.
node scripts/bench-keystroke.mjs --app dist ${BENCH_BEFORE:+--before "$BENCH_BEFORE"}
echo
echo '== working together live: two browsers on this machine, connected directly =='
node scripts/bench-live.mjs --app dist
echo '  goals: a reply code as short as the protocol allows; an edit on the other screen within a fraction of a second'
