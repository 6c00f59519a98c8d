# Sourced by the benchmark scripts. When DEVHOST_BENCH_RESULTS names a file (examples/bench/run.sh
# sets it), figures are appended to it as tab-separated "table, subject, metric, value" lines and
# notes as "#text" lines; examples/bench/GenerateBenchmarksPage.java turns them into
# docs/benchmarks.md.

# record TABLE SUBJECT METRIC VALUE
record() { [ -z "${DEVHOST_BENCH_RESULTS:-}" ] || printf '%s\t%s\t%s\t%s\n' "$@" >> "$DEVHOST_BENCH_RESULTS"; }

# note TEXT...: printed to stderr and kept with the figures (what ran, what was skipped and why).
note() {
  echo "$*" >&2
  [ -z "${DEVHOST_BENCH_RESULTS:-}" ] || printf '#%s\n' "$*" >> "$DEVHOST_BENCH_RESULTS"
}
