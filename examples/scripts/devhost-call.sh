#!/bin/sh
# Drives DevHost from a shell script with `devhost call`: each call runs one tool through the same
# code as an MCP tools/call and prints the structured result as JSON on stdout. Exit status 0 is
# success, 1 a tool error (its message on stderr), 2 a usage or configuration error.
#
# Usage: examples/scripts/devhost-call.sh [PROJECT_DIR]
# Without PROJECT_DIR it runs on the demo shop (--demo): its files, git history and database.
# DEVHOST is the command that runs DevHost; default: the repository's ./devhost script. Examples:
#   examples/scripts/devhost-call.sh
#   DEVHOST=/opt/devhost/bin/devhost examples/scripts/devhost-call.sh ~/src/shop
#   DEVHOST="java -jar mcp-server/target/devhost.jar" examples/scripts/devhost-call.sh .
set -eu
project=${1:-}
DEVHOST=${DEVHOST:-$(cd "$(dirname "$0")/../.." && pwd)/devhost}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The same options could come from DEVHOST_* variables or a devhost.yaml (docs/configuration.md).
if [ -n "$project" ]; then
  where="--toolsets fs,git --roots $project"
else
  where="--demo"
fi
devhost() {
  command=$1
  shift
  # DEVHOST may be a command with arguments, and $where holds several, so both are split on purpose.
  # shellcheck disable=SC2086
  $DEVHOST "$command" $where "$@"
}

echo "== the tools a client would see"
devhost tools

echo "== the first lines of README.md"
devhost call read_text_file --args '{"path":"README.md","head":3}' > "$scratch/readme.json"
if command -v jq > /dev/null 2>&1; then
  jq -r .content "$scratch/readme.json"
else
  cat "$scratch/readme.json"
fi

echo "== the last two commits"
devhost call git_log --args '{"maxCount":2}'

if [ -z "$project" ]; then
  echo "== the best-selling products, from the demo database"
  devhost call query --args '{"sql":"SELECT p.name, sum(i.quantity) AS units FROM order_items i JOIN products p ON p.id = i.product_id GROUP BY p.name ORDER BY units DESC LIMIT 3"}'
fi

echo "== a refused call: the file lies outside the allowed directory"
if devhost call read_text_file --args '{"path":"/etc/hostname"}' 2> "$scratch/error.txt"; then
  echo "unexpected: the call succeeded" >&2
  exit 3
else
  echo "exit status $?: $(cat "$scratch/error.txt")"
fi
