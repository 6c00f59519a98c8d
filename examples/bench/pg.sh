#!/usr/bin/env bash
# Benchmarks the PostgreSQL toolset against raw JDBC and the reference Node server.
# Usage: examples/bench/pg.sh   (from the repository root; builds the jar if missing)
# Needs: Java 17; for the reference comparison, npm (installs @modelcontextprotocol/server-postgres
# into a temporary directory). Results go to stdout; record them in docs/benchmarks-pg.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=mcp-server/target/devhost.jar
if [[ ! -f $JAR ]]; then
  ./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
fi
REFERENCE=""
if command -v npm >/dev/null 2>&1; then
  REF_DIR=$(mktemp -d)
  if (cd "$REF_DIR" && npm install --silent --no-audit --no-fund @modelcontextprotocol/server-postgres >/dev/null 2>&1); then
    REFERENCE="$REF_DIR/node_modules/@modelcontextprotocol/server-postgres/dist/index.js"
  else
    echo "npm could not install @modelcontextprotocol/server-postgres; skipping the reference" >&2
  fi
fi
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cores: $(nproc)  $(uname -sm)"
exec java -Xmx4g -cp "$JAR" examples/bench/PgBench.java "$PWD/$JAR" $REFERENCE
