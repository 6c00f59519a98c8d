#!/usr/bin/env bash
# Cold start (spawn to the initialize response, median of RUNS) of the packaged launcher (bin/devhost
# of the no-JDK tarball), beside the plain jar with and without its CDS archive, and the one-time
# cost of the first run after unpacking (when the launcher makes the class-data archive for its
# location). Round trips are the same code in every variant; examples/bench/stdio.sh measures them.
# Usage: examples/bench/dist.sh [runs=10]   (builds the tarball with ./mvnw -Pdist package if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
. examples/bench/results.sh
runs=${1:-10}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
tarball=$PWD/mcp-server/target/devhost-$version-linux-x64.tar.gz
[ -f "$tarball" ] || ./mvnw -q -B -Pdist -DskipTests package -pl mcp-server -am >&2
jar=$PWD/mcp-server/target/devhost.jar
jsa=$PWD/mcp-server/target/devhost.jsa

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
home=$work/devhost-$version-linux-x64
mkdir "$work/project"
printf 'hello\n' > "$work/project/notes.txt"

echo "Machine: $(nproc) cores, $(uname -sm), build JDK: $($java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%dT%H:%MZ)"
sizes=("$(du -h "$tarball" | cut -f1)" "$(du -sh "$home" | cut -f1)" "$(du -sh "$home/runtime" | cut -f1)")
echo "Tarball: ${sizes[0]} ($(basename "$tarball")); unpacked: ${sizes[1]}, runtime/ ${sizes[2]}"
start=$(date +%s%N)
"$home/bin/devhost" --version > /dev/null 2>&1
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "First run after unpacking (makes lib/devhost.jsa), devhost --version: $first_ms ms"
record "size and first run" "$(basename "$tarball")" tarball "${sizes[0]}"
record "size and first run" "$(basename "$tarball")" unpacked "${sizes[1]}"
record "size and first run" "$(basename "$tarball")" "runtime/" "${sizes[2]}"
record "size and first run" "$(basename "$tarball")" "first run after unpacking (ms)" "$first_ms"
note "$runs cold starts per variant"
echo

servers=(--server "dist-launcher=$home/bin/devhost serve --stdio --roots $work/project")
# The same runtime and archive without the shell launcher, to see what the launcher itself costs.
servers+=(--server "dist-java=$home/runtime/bin/java -XX:SharedArchiveFile=$home/lib/devhost.jsa -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr -jar $home/lib/devhost.jar serve --stdio --roots $work/project")
servers+=(--server "jar=$java -jar $jar serve --stdio --roots $work/project")
if [ -f "$jsa" ]; then
  servers+=(--server "jar+cds=$java -XX:SharedArchiveFile=$jsa -Xlog:disable -Xlog:all=warning:stderr -jar $jar serve --stdio --roots $work/project")
fi
"$java" examples/bench/StdioBench.java --runs "$runs" "${servers[@]}"
