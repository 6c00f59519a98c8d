#!/usr/bin/env bash
# Benchmarks the PostgreSQL toolset against raw JDBC and the reference Node server.
# Usage: examples/bench/pg.sh   (from the repository root; builds the jar if missing)
# Needs: Java 17; for the reference comparison, npm (installs @modelcontextprotocol/server-postgres
# into a temporary directory). Results go to stdout; record them in docs/benchmarks-pg.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
JAR=mcp-server/target/devhost.jar
if [[ ! -f $JAR ]]; then
  ./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
fi
REFERENCE=""
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  note "reference skipped: node or npm is not installed"
else
  REF_DIR=$(mktemp -d)
  trap 'rm -rf "$REF_DIR"' EXIT
  if (cd "$REF_DIR" && npm install --silent --no-audit --no-fund @modelcontextprotocol/server-postgres >/dev/null 2>&1); then
    REFERENCE="$REF_DIR/node_modules/@modelcontextprotocol/server-postgres/dist/index.js"
    note "reference: @modelcontextprotocol/server-postgres $(node -p "require('$REF_DIR/node_modules/@modelcontextprotocol/server-postgres/package.json').version")"
  else
    note "reference skipped: npm could not install @modelcontextprotocol/server-postgres"
  fi
fi
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  $(uname -sm)"
java -Xmx4g -cp "$JAR" examples/bench/PgBench.java "$PWD/$JAR" $REFERENCE
