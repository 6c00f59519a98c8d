#!/usr/bin/env bash
# tools/call throughput and p50/p99 latency of DevHost over Streamable HTTP (1, 8, 64 concurrent
# clients, one session each) and over stdio (one client), for a cheap read tool
# (list_allowed_directories), plus the server's resident memory with the clients' sessions open.
# Uses the built jar (./mvnw -q package -DskipTests); builds nothing.
#   examples/bench/http.sh [CALLS_PER_CLIENT]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR="$PWD/mcp-server/target/devhost.jar"
CALLS="${1:-2000}"
[[ -f "$JAR" ]] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The per-session rate limit (600 calls/min by default) would measure the limiter, not the server.
java -jar "$JAR" serve --http --port 0 --rate-limit 0 --roots "$work" \
  --audit-log "$work/audit.jsonl" 2>"$work/server.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^devhost: serving MCP at \(http:[^ ]*\)\/mcp$/\1/p' "$work/server.log" | head -n 1)"
  [[ -n "$url" ]] && break
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$work/server.log" >&2; exit 1; }

echo "DevHost $(java -jar "$JAR" --version | tail -n 1), $(nproc) cores, $(date -u +%Y-%m-%d), java $(java -version 2>&1 | head -n 1 | cut -d'"' -f2)"
java examples/bench/HttpBench.java "$url/mcp" "$server_pid" "$JAR" "$CALLS"
echo "audit lines written: $(wc -l < "$work/audit.jsonl")"
