#!/usr/bin/env bash
# Cold start of the packaged launchers beside the Node reference filesystem server, in one run:
# spawn to the initialize answer over stdio, RUNS of each with the servers interleaved (one of each
# in turn), median, minimum and maximum; then read_text_file of a 4 KB file over stdio (CALLS after
# 500 warm-up calls) on each. The load average before and after is printed and recorded, since the
# build machine is shared.
#
#   examples/bench/startup.sh [runs=15] [calls=2000] [BASELINE.tar.gz]
#     BASELINE: another build's no-JDK tarball, measured beside this one as dist-launcher-baseline
#     (e.g. a copy of mcp-server/target/devhost-*-linux-x64.tar.gz built from an earlier commit)
#
# Variants: bin/devhost of the no-JDK tarball (bundled runtime, app class-data archive), bin/devhost
# of the portable zip (the java on PATH), plain `java -jar devhost.jar`, and the reference server
# (@modelcontextprotocol/server-filesystem, version pinned below, installed with npm into
# bench-out/node-reference, started with node directly). Builds the tarball and the zip with
# ./mvnw -Pdist package when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
runs=${1:-15}
calls=${2:-2000}
baseline=${3:-}
reference_version=2026.8.31
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
tarball=$PWD/mcp-server/target/devhost-$version-linux-x64.tar.gz
zip=$PWD/mcp-server/target/devhost-$version.zip
if [ ! -f "$tarball" ] || [ ! -f "$zip" ]; then
  ./mvnw -q -B -Pdist -DskipTests -Dspotless.check.skip=true package -pl mcp-server -am >&2
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
python3 -m zipfile -e "$zip" "$work"
dist=$work/devhost-$version-linux-x64
portable=$work/devhost-$version
chmod +x "$portable/bin/devhost"
project=$work/project
mkdir "$project"
# A 4 KB text file of 64-character lines.
for i in $(seq 1 64); do printf '%063d\n' "$i"; done > "$project/4k.txt"
# The first run after unpacking makes the tarball's class-data archive for its location; it is
# measured by dist.sh and left out here.
"$dist/bin/devhost" --version > /dev/null 2>&1

ref_dir=$PWD/bench-out/node-reference
ref=$ref_dir/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js
servers=(--server "dist-launcher=$dist/bin/devhost serve --stdio --rate-limit 0 --roots $project")
if [ -n "$baseline" ]; then
  mkdir "$work/baseline"
  tar -xzf "$baseline" -C "$work/baseline"
  base_home=$(echo "$work"/baseline/devhost-*-linux-x64)
  "$base_home/bin/devhost" --version > /dev/null 2>&1
  servers+=(--server "dist-launcher-baseline=$base_home/bin/devhost serve --stdio --rate-limit 0 --roots $project")
  note "dist-launcher-baseline: $(basename "$baseline")${DEVHOST_BASELINE_NOTE:+ ($DEVHOST_BASELINE_NOTE)}"
fi
servers+=(--server "zip-launcher=$portable/bin/devhost serve --stdio --rate-limit 0 --roots $project")
servers+=(--server "java-jar=$java -jar $portable/lib/devhost.jar serve --stdio --rate-limit 0 --roots $project")
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
  note "reference-node skipped: node or npm is not installed"
elif [ -f "$ref" ] && [ "$(node -p "require('${ref%/dist/index.js}/package.json').version")" = "$reference_version" ] \
  || npm install --silent --no-save --prefix "$ref_dir" "@modelcontextprotocol/server-filesystem@$reference_version" >&2; then
  servers+=(--server "reference-node=node $ref $project")
  note "reference-node: @modelcontextprotocol/server-filesystem $reference_version on node $(node --version)"
else
  note "reference-node skipped: npm could not install @modelcontextprotocol/server-filesystem@$reference_version"
fi

before=$(load)
echo "Machine: $(nproc) cores, $(uname -sm), $($java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%dT%H:%MZ); load average before: $before"
note "$runs cold starts per server, interleaved; $calls read_text_file calls of a 4 KB file after 500 warm-up calls"
echo
"$java" examples/bench/StdioBench.java --runs "$runs" --calls "$calls" --warmup 500 \
  --tool read_text_file --args "{\"path\":\"$project/4k.txt\"}" "${servers[@]}"
after=$(load)
echo
echo "Load average (1, 5, 15 min) before: $before; after: $after"
note "load average (1, 5, 15 min) before: $before; after: $after"
