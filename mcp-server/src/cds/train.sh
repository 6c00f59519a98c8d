#!/bin/sh
# Records the classes a typical stdio session loads into a CDS archive: JAVA JAR ARCHIVE TRAINING.
# The training session runs in a scratch directory so it reads only files made for it.
set -u
java=$1 jar=$2 archive=$3 training=$4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'line one\nline two\n' > "$scratch/notes.txt"
rm -f "$archive"
if ! (cd "$scratch" && "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=warning:stderr \
    -jar "$jar" serve --stdio < "$training" > "$scratch/out.jsonl" 2> "$scratch/err.txt"); then
  echo "CDS training failed; continuing without an archive:" >&2
  cat "$scratch/err.txt" >&2
  rm -f "$archive"
fi
exit 0
