#!/usr/bin/env bash
# Runs every benchmark in examples/bench/ in turn and regenerates docs/benchmarks.md from their
# figures, with the machine, the date and the load average around each script.
#
#   examples/bench/run.sh [--quick] [--no-build]
#     --quick     fewer runs and calls in stdio, HTTP, dist and startup: noisier figures, a few minutes less
#     --no-build  use the jar and tarball already in mcp-server/target
#   examples/bench/run.sh --check
#     regenerates the page from examples/bench/fixture/ into a temporary file and compares it with
#     examples/bench/fixture/expected.md; runs no benchmark (BenchmarkPageTest does the same in CI)
#
# Each script's output and its machine-readable figures (AREA.tsv) go to bench-out/results/
# (DEVHOST_BENCH_OUT overrides). DEVHOST_BENCH_NOTE adds a sentence about the conditions of the run
# to the page, e.g. "Other builds shared the machine during the run."
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=examples/bench

quick=false build=true
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --check)
      page=$(mktemp)
      trap 'rm -f "$page"' EXIT
      java $bench/GenerateBenchmarksPage.java $bench/fixture $bench/benchmarks.md.template "$page"
      diff -u $bench/fixture/expected.md "$page" && echo "generator output matches $bench/fixture/expected.md"
      exit ;;
    *) sed -n '2,16s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done

out=${DEVHOST_BENCH_OUT:-$PWD/bench-out/results}
mkdir -p "$out" && rm -f "$out"/*.tsv "$out"/*.log
meta() { printf '%s\t%s\n' "$1" "$2" >> "$out/run.tsv"; }
load() { cut -d' ' -f1 /proc/loadavg; }

meta mode "$($quick && echo quick || echo full)"
meta started "$(date -u '+%Y-%m-%d %H:%M')"
meta commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with uncommitted changes)')"
meta cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
meta cores "$(nproc)"
meta memory "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
meta os "$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)"
meta kernel "$(uname -r) ($(uname -m))"
meta java "$(java -version 2>&1 | head -n 1)"
meta node "$(node --version 2>/dev/null || echo 'not installed')"
meta note "${DEVHOST_BENCH_NOTE:-}"
meta load.start "$(load)"

if $build; then
  echo "building the jar and the tarball (./mvnw package -DskipTests)" >&2
  ./mvnw -q -B -o package -DskipTests -Dspotless.check.skip=true \
    || ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
fi

# bench AREA PREREQUISITE-CHECK COMMAND...: runs one script with its figures going to AREA.tsv,
# and records its status, load average and duration. A script that cannot run here is skipped
# with the reason; one that fails is recorded as failed and the run goes on.
bench() {
  local area=$1 missing=$2
  shift 2
  meta "$area.command" "$*"
  if [ -n "$missing" ]; then
    meta "$area.status" "skipped: $missing"
    echo "== $area skipped: $missing" >&2
    return
  fi
  echo "== $area: $* (load $(load))" >&2
  meta "$area.load.before" "$(load)"
  local start=$SECONDS rc
  set +e
  DEVHOST_BENCH_RESULTS=$out/$area.tsv "$@" 2>&1 | tee "$out/$area.log"
  rc=${PIPESTATUS[0]}
  set -e
  meta "$area.seconds" $((SECONDS - start))
  meta "$area.load.after" "$(load)"
  if [ "$rc" -eq 0 ]; then
    meta "$area.status" ok
  else
    # The last line that is not indented: an error message rather than a stack frame.
    meta "$area.status" "failed (exit $rc): $(grep -v '^[[:space:]]' "$out/$area.log" | grep . | tail -n 1 | cut -c1-200 | tr '\t|' '  ')"
  fi
}
need() { # need CMD...: prints the first command that is not installed
  for c in "$@"; do command -v "$c" >/dev/null || { echo "$c is not installed"; return; }; done
}

# Quick mode trims only the areas whose run counts are arguments.
if $quick; then
  stdio_args=(3 300) http_calls=300 dist_runs=3 startup_args=(5 300)
else
  stdio_args=(10 2000) http_calls=2000 dist_runs=10 startup_args=(15 2000)
fi
bench stdio "" $bench/stdio.sh "${stdio_args[@]}"
bench fs "" $bench/run-fs-bench.sh
bench pg "" $bench/pg.sh
bench git "$(need git python3)" $bench/git.sh
bench http "" $bench/http.sh "$http_calls"
bench bridge "" $bench/bridge.sh
bench dist "" $bench/dist.sh "$dist_runs"
bench startup "" $bench/startup.sh "${startup_args[@]}"
bench tools "" $bench/tools-list.sh

meta finished "$(date -u '+%H:%M')"
meta load.end "$(load)"
java $bench/GenerateBenchmarksPage.java "$out" $bench/benchmarks.md.template docs/benchmarks.md
echo "wrote docs/benchmarks.md from $out" >&2
