#!/usr/bin/env bash
# Bridge benchmark: valid-action rate over raw R1-style replies, host overhead per step, model
# calls per step, and embedded llama.cpp speed on generated GGUF files (no download needed).
#
#   examples/bench/bridge.sh          # about a minute on 2 cores
#   examples/bench/bridge.sh --big    # adds the DeepSeek-R1-Distill-Qwen-1.5B shape (~1.9 GB temp file)
#
# Results are printed as Markdown and kept in bench-out/bridge.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench-out
./mvnw -o -q -pl local-llm-bridge test-compile -Dspotless.check.skip=true
./mvnw -o -q -pl local-llm-bridge exec:exec -Dspotless.check.skip=true \
  -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-cp %classpath io.devhost.bridge.bench.BridgeBench $*" | tee bench-out/bridge.md
