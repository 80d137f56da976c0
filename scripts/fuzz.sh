#!/usr/bin/env bash
# Fuzz the share-link decoder for SECONDS (default 60) and print how many
# inputs ran. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")/../fuzz"
mkdir -p corpus/decode_link
# Seed with the golden links, so mutations start from real payloads.
cp ../tests/golden/*.txt corpus/decode_link/ 2>/dev/null || true
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo +nightly fuzz run decode_link corpus/decode_link -- \
  -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^(#[0-9]+ +DONE|==|SUMMARY|INFO: seed)" || true
status="${PIPESTATUS[0]}"
runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)"
if [[ -z "$runs" ]]; then
  runs="$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')"
fi
echo "decode_link: ${runs:-0} inputs in ${seconds}s (exit ${status})"
exit "$status"
