#!/usr/bin/env bash
# Working together across a network, not loopback: two network namespaces
# joined by a virtual cable (veth), each with its own address, its own copy
# of the release build on its own 127.0.0.1, and its own Chromium. The two
# people trade the invitation and the reply through files, as through a
# chat; the browsers reach each other only over the cable.
#
#   tests/netns/run.sh [dist]
#
# Needs root and iproute2 (`ip netns`); where namespaces cannot be made
# (a container without CAP_NET_ADMIN), it says so and skips.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dist=${1:-dist}
a=pc-live-a b=pc-live-b
cleanup() {
  ip netns del "$a" 2>/dev/null || true
  ip netns del "$b" 2>/dev/null || true
}
if ! command -v ip >/dev/null || ! ip netns add "$a" 2>/dev/null; then
  echo 'live across two networks: skipped (network namespaces cannot be made here)'
  exit 0
fi
trap cleanup EXIT
ip netns add "$b"
ip link add pc-live-va type veth peer name pc-live-vb
ip link set pc-live-va netns "$a"
ip link set pc-live-vb netns "$b"
ip -n "$a" addr add 10.77.0.1/24 dev pc-live-va
ip -n "$b" addr add 10.77.0.2/24 dev pc-live-vb
for ns in "$a" "$b"; do
  ip -n "$ns" link set lo up
done
ip -n "$a" link set pc-live-va up
ip -n "$b" link set pc-live-vb up
# Browsers offer the address of the interface the default route takes
# (without a camera's permission they offer no other): the cable's.
ip -n "$a" route add default dev pc-live-va
ip -n "$b" route add default dev pc-live-vb

chat=$(mktemp -d)
port=8471
ip netns exec "$a" node tests/netns/person.mjs inviter "$dist" "$port" "$chat" &
inviter=$!
ip netns exec "$b" node tests/netns/person.mjs joiner "$dist" "$port" "$chat" &
joiner=$!
status=0
wait "$inviter" || status=1
wait "$joiner" || status=1
if [[ $status -ne 0 ]]; then
  echo "live across two networks: FAILED (screenshots in $chat)"
  exit 1
fi
rm -rf "$chat"
echo 'live across two networks (10.77.0.1 and 10.77.0.2, no loopback between them): connected, both edits on both screens'
