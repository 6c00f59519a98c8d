#!/usr/bin/env bash
# tools/call throughput and p50/p99 latency of DevHost over Streamable HTTP (1, 8, 64 concurrent
# clients, one session each) and over stdio (one client), for a cheap read tool
# (list_allowed_directories), plus the server's resident memory with the clients' sessions open;
# then the same over Streamable HTTP for the reference server-everything (its echo tool), when npm
# can install it. Uses the built jar (./mvnw -q package -DskipTests); builds nothing.
#   examples/bench/http.sh [CALLS_PER_CLIENT]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
JAR="$PWD/mcp-server/target/devhost.jar"
CALLS="${1:-2000}"
[[ -f "$JAR" ]] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
ref_pid=""
cleanup() {
  for pid in $server_pid $ref_pid; do
    { kill "$pid" && wait "$pid"; } 2>/dev/null || true # wait gives the killed server's 143
  done
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

# The reference: server-everything over Streamable HTTP, on a port of its own (it takes PORT).
reference=()
cache=${DEVHOST_BENCH_CACHE:-$HOME/.cache/devhost-bench}
everything=$cache/node_modules/@modelcontextprotocol/server-everything/dist/index.js
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  note "reference skipped: node or npm is not installed"
elif [[ -f "$everything" ]] || npm install --silent --prefix "$cache" @modelcontextprotocol/server-everything >&2; then
  ref_port=$((20000 + RANDOM % 20000))
  PORT=$ref_port node "$everything" streamableHttp 2>"$work/reference.log" >&2 &
  ref_pid=$!
  for _ in $(seq 1 100); do
    grep -q "listening on port" "$work/reference.log" && break
    sleep 0.2
  done
  if grep -q "listening on port" "$work/reference.log"; then
    reference=("http://127.0.0.1:$ref_port/mcp" "$ref_pid")
    note "reference: @modelcontextprotocol/server-everything $(node -p "require('${everything%/dist/index.js}/package.json').version") over Streamable HTTP, its echo tool"
  else
    note "reference skipped: server-everything did not start: $(tail -n 1 "$work/reference.log")"
  fi
else
  note "reference skipped: npm could not install @modelcontextprotocol/server-everything"
fi

echo "DevHost $(java -jar "$JAR" --version | tail -n 1), $(nproc) cores, $(date -u +%Y-%m-%d), java $(java -version 2>&1 | head -n 1 | cut -d'"' -f2)"
java examples/bench/HttpBench.java "$url/mcp" "$server_pid" "$JAR" "$CALLS" "${reference[@]}"
note "audit lines written: $(wc -l < "$work/audit.jsonl") (one per call, warm-up included)"
