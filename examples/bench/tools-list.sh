#!/usr/bin/env bash
# The size of DevHost's tools/list as a client receives it: characters of the compact JSON tools
# array and tokens by jtokkit's cl100k_base and o200k_base encodings, for the default surface and
# for the wider ones a user can switch on. Started in an empty directory with no DEVHOST_* or
# DATABASE_URL variables, so that only the flags shown decide.
# Usage: examples/bench/tools-list.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f mcp-server/target/devhost.jar ] || ./mvnw -q -B -DskipTests package -pl mcp-server -am >&2
jar=$PWD/mcp-server/target/devhost.jar
jtokkit=$HOME/.m2/repository/com/knuddels/jtokkit/1.1.0/jtokkit-1.1.0.jar
[ -f "$jtokkit" ] || ./mvnw -q -B dependency:get -Dartifact=com.knuddels:jtokkit:1.1.0 -Dtransitive=false >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
note "tokens: jtokkit 1.1.0, cl100k_base and o200k_base; characters: Java string length of the compact JSON"

measure() { # measure LABEL DEVHOST-ARGS...
  local label=$1
  shift
  (cd "$work" && env -u DATABASE_URL $(env | sed -n 's/^\(DEVHOST_[A-Z_]*\)=.*/-u \1/p') \
    "$java" -cp "$jar:$jtokkit" "$OLDPWD/examples/bench/ToolsListSize.java" \
    ${DEVHOST_BENCH_RESULTS:+--record "$DEVHOST_BENCH_RESULTS"} "$label" -- \
    "$java" -jar "$jar" serve "$@")
}

measure "default (fs, git)"
measure "with a database (fs, git, pg)" --db app=postgres://reader@db.invalid/app
measure "every toolset, every write" --toolsets fs,git,github,pg --git-write --github-write \
  --db app=postgres://reader@db.invalid/app --db-read-write app
