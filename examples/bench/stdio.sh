#!/usr/bin/env bash
# Cold start and tools/call round trip over stdio: DevHost beside the Node reference filesystem
# server (@modelcontextprotocol/server-filesystem, started with node directly), in one run.
# Usage: examples/bench/stdio.sh [runs=10] [calls=2000]
# Prints a Markdown table; the reference is skipped when npm is not available.
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
runs=${1:-10}
calls=${2:-2000}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f mcp-server/target/devhost.jar ] || ./mvnw -q -B -DskipTests package -pl mcp-server -am >&2
jar=$PWD/mcp-server/target/devhost.jar
jsa=$PWD/mcp-server/target/devhost.jsa

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A 4 KB text file of 64-character lines.
for i in $(seq 1 64); do printf '%063d\n' "$i"; done > "$work/4k.txt"

servers=(--server "devhost=$java -jar $jar serve --stdio --rate-limit 0 --roots $work")
# devhost-launcher: the JVM flags ./devhost uses (class-data archive, serial GC, client compiler).
if [ -f "$jsa" ]; then
  servers+=(--server "devhost-launcher=$java -XX:SharedArchiveFile=$jsa -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr -jar $jar serve --stdio --rate-limit 0 --roots $work")
fi
cache=${DEVHOST_BENCH_CACHE:-$HOME/.cache/devhost-bench}
ref=$cache/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  note "reference-node skipped: node or npm is not installed"
elif [ -f "$ref" ] || npm install --silent --prefix "$cache" @modelcontextprotocol/server-filesystem >&2; then
  servers+=(--server "reference-node=node $ref $work")
  note "reference-node: @modelcontextprotocol/server-filesystem $(node -p "require('${ref%/dist/index.js}/package.json').version")"
else
  note "reference-node skipped: npm could not install @modelcontextprotocol/server-filesystem"
fi
note "$runs cold starts per server; $calls read_text_file calls of a 4 KB file after 500 warm-up calls"

echo "Machine: $(nproc) cores, $(uname -sm), $($java -version 2>&1 | head -n 1); node $(node --version 2>/dev/null || echo absent); $(date -u +%Y-%m-%d)"
echo
"$java" examples/bench/StdioBench.java --runs "$runs" --calls "$calls" --warmup 500 \
  --tool read_text_file --args "{\"path\":\"$work/4k.txt\"}" "${servers[@]}"
