#!/usr/bin/env bash
# What the bridge's era probe (server/discover before initialize) costs per server connection,
# against connecting with initialize alone, side by side in one run. About half a minute.
#
#   examples/bench/era-probe.sh
#
# Results are printed as Markdown and kept in bench-out/era-probe.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench-out
./mvnw -o -q -pl local-llm-bridge test-compile -Dspotless.check.skip=true
./mvnw -o -q -pl local-llm-bridge exec:exec -Dspotless.check.skip=true \
  -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-cp %classpath io.devhost.bridge.host.EraProbeBench" | tee bench-out/era-probe.md
