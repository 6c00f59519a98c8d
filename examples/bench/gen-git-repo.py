#!/usr/bin/env python3
"""Writes a git fast-import stream for the git benchmark repository to stdout.

10,000 commits: each changes one of 400 source files; every 10th also changes docs/notes.md,
so a log filtered by 'docs' matches 1,000 commits. The tree holds 400 files of 250 lines
(100,000 lines); one line in 50 files carries the grep target 'FIXME(bench)'.
"""
import sys

COMMITS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
FILES = 400
LINES = 250
out = sys.stdout.buffer


def blob_data(text):
    data = text.encode()
    out.write(b"data %d\n" % len(data) + data + b"\n")


def source(i, version):
    lines = []
    for n in range(LINES):
        if n == 7 and i % 8 == 0:
            lines.append(f"    // FIXME(bench) revisit file {i}")
        else:
            lines.append(f"    int value{n} = compute({i}, {n}, {version}); // line {n}")
    return "class File%d {\n%s\n}\n" % (i, "\n".join(lines))


versions = [0] * FILES
mark = 0
for c in range(COMMITS):
    ts = 1_600_000_000 + c * 60
    f = c % FILES
    versions[f] += 1
    author = "Ada <ada@example.com>" if c % 3 else "Bob <bob@example.com>"
    out.write(b"commit refs/heads/main\n")
    out.write(f"author {author} {ts} +0000\ncommitter {author} {ts} +0000\n".encode())
    blob_data(f"change {c} to file {f}\n")
    if c == 0:
        for i in range(FILES):
            out.write(f"M 100644 inline src/pkg{i % 20}/File{i}.java\n".encode())
            blob_data(source(i, 0))
    out.write(f"M 100644 inline src/pkg{f % 20}/File{f}.java\n".encode())
    blob_data(source(f, versions[f]))
    if c % 10 == 0:
        out.write(b"M 100644 inline docs/notes.md\n")
        blob_data(f"# Notes\n\nRevision {c}\n")
    out.write(b"\n")
