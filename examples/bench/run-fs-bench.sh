#!/usr/bin/env bash
# Filesystem benchmark: generates the 20,000-file tree, then times DevHost's tools in-process
# (through the ToolRunner) and over stdio, the reference Node server over stdio, and grep/rg.
# Usage: examples/bench/run-fs-bench.sh [WORKDIR]   (build the jar first: ./mvnw -o -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="${1:-/tmp/fsbench}"
TREE="$WORK/tree"
JAR=mcp-server/target/devhost.jar
[ -f "$JAR" ] || { echo "build $JAR first" >&2; exit 1; }
[ -d "$TREE" ] || java examples/bench/GenerateSourceTree.java "$TREE"
echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(find "$TREE" -type f | wc -l) files, $(du -sh --apparent-size "$TREE" | cut -f1)"

timeit() { # label, command...: median of 5 wall times after one warm-up, in ms
  local label="$1"; shift
  "$@" >/dev/null 2>&1 || true
  local t=()
  for _ in 1 2 3 4 5; do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%-9s %-34s median %8s ms\n' floor "$label" "$(printf '%s\n' "${t[@]}" | sort -n | sed -n 3p)"
}

echo "## floor: grep and ripgrep"
timeit "grep -r literal" grep -r -F NEEDLE_UNIQUE_ "$TREE"
timeit "grep -rE regex" grep -r -E 'TODO\(perf\): cache the \w+ lookup' "$TREE"
if command -v rg >/dev/null; then
  timeit "rg literal" rg -F NEEDLE_UNIQUE_ "$TREE"
  timeit "rg regex" rg 'TODO\(perf\): cache the \w+ lookup' "$TREE"
  timeit "rg --files -g '*.ts'" rg --files -g '*.ts' "$TREE"
  timeit "rg -j1 literal (one thread)" rg -j1 -F NEEDLE_UNIQUE_ "$TREE"
fi
timeit "find -name '*.ts'" find "$TREE" -name '*.ts'

echo "## devhost in-process (ToolRunner)"
java -cp "$JAR" examples/bench/FsBench.java "$TREE"

NODE_SDK="$WORK/node"
if [ ! -d "$NODE_SDK/node_modules/@modelcontextprotocol/server-filesystem" ]; then
  mkdir -p "$NODE_SDK" && (cd "$NODE_SDK" && npm init -y >/dev/null && npm install --silent @modelcontextprotocol/server-filesystem >/dev/null) || true
fi
if [ -d "$NODE_SDK/node_modules/@modelcontextprotocol/sdk" ]; then
  cp examples/bench/stdio-bench.mjs "$NODE_SDK/"
  echo "## over stdio, same TypeScript client"
  node "$NODE_SDK/stdio-bench.mjs" "$TREE" devhost java -jar "$JAR" serve --roots "$TREE"
  node "$NODE_SDK/stdio-bench.mjs" "$TREE" reference node "$NODE_SDK/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js" "$TREE"
fi
