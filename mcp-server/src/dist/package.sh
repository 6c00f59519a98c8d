#!/bin/sh
# Builds the no-JDK distribution: JDK_HOME JAR VERSION TARGET_DIR CDS_DIR.
# TARGET_DIR/devhost-VERSION-linux-x64.tar.gz holds runtime/ (a jlink'ed Java runtime with its own
# base class-data archive), lib/devhost.jar, lib/devhost.jsa (the app's class-data archive, made
# with that runtime), lib/cds/ (what remakes the archive after unpacking) and bin/devhost.
set -eu
jdk=$1 jar=$2 version=$3 target=$4 cds=$5
name=devhost-$version-linux-x64
stage=$target/dist/$name
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$target/dist"
mkdir -p "$stage/bin" "$stage/lib/cds"

# Modules the jar uses (jdeps), plus those reached only by reflection or service lookup:
# jdk.crypto.ec for TLS to GitHub (ECDHE) and jdk.charsets for non-Unicode file and database encodings.
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
modules=$modules,jdk.crypto.ec,jdk.charsets
echo "dist: jlink $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$stage/runtime"

# The jar serves every platform; this tarball is for linux-x64 only.
"$jdk/bin/java" "$here/ThinJar.java" "$jar" "$stage/lib/devhost.jar" \
  'postgres-(darwin|windows)-.*[.]txz' 'postgres-.*alpine.*[.]txz' \
  'de/kherud/llama/(Linux-Android|Mac|Windows|Linux/aarch64)/.*' \
  'org/jline/nativ/(FreeBSD|Mac|Windows|Linux/(arm|arm64|armv6|armv7|ppc64|x86))/.*'
cp "$cds/train.sh" "$cds/training.jsonl" "$stage/lib/cds/"
cp "$here/devhost" "$stage/bin/devhost"
cp "$here/../../../LICENSE" "$stage/LICENSE"
chmod 755 "$stage/bin/devhost"
# The archive made here serves the staging directory; bin/devhost remakes it where it is unpacked.
sh "$cds/train.sh" "$stage/runtime/bin/java" "$stage/lib/devhost.jar" "$stage/lib/devhost.jsa" \
  "$cds/training.jsonl"
if [ -f "$stage/lib/devhost.jsa" ]; then
  printf '%s\n' "$stage/lib/devhost.jar" > "$stage/lib/devhost.jsa.path"
fi

tar -C "$target/dist" -czf "$target/$name.tar.gz" "$name"
echo "dist: $target/$name.tar.gz" >&2
