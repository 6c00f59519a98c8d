#!/usr/bin/env bash
# The bridge's prompt, before and after, side by side in one run: DevHost's default toolsets (fs, git,
# pg, from their stored tool contracts), a fixed 4-step multi-source task replayed with scripted R1
# replies, first-prompt size (characters, and tokens by llama.cpp with the generated R1-shape GGUF's
# tokenizer), tokens llama.cpp evaluates per later step against the new content, and the first
# request sent to Ollama and to an OpenAI-compatible server (local servers that record it).
#
#   examples/bench/bridge-prompt.sh [BASE]   # BASE: the commit to compare with (default: main)
#
# "Before" is BASE's bridge with the same benchmark class copied in, built in a temporary git
# worktree. Output: a Markdown table, kept in bench-out/bridge-prompt.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${1:-main}"
repo="$PWD"
mkdir -p bench-out
before="$(mktemp -d)/base"
git worktree add --quiet --detach "$before" "$base"
trap 'git worktree remove --force "$before"' EXIT
bench=local-llm-bridge/src/test/java/io/devhost/bridge/model/PromptBench.java
cp "$bench" "$before/$bench"

measure() { # DIR: prints "metric<TAB>value" lines for the bridge built in DIR
  (cd "$1" && ./mvnw -o -q -pl local-llm-bridge test-compile -Dspotless.check.skip=true &&
    ./mvnw -o -q -pl local-llm-bridge exec:exec -Dspotless.check.skip=true \
      -Dexec.classpathScope=test -Dexec.executable=java \
      -Dexec.args="-cp %classpath io.devhost.bridge.model.PromptBench $repo") | grep -P '\t'
}

measure "$before" > bench-out/prompt-before.tsv
measure "$repo" > bench-out/prompt-after.tsv
{
  echo "| metric | before ($base) | after |"
  echo "|---|---|---|"
  join -t $'\t' <(sort bench-out/prompt-before.tsv) <(sort bench-out/prompt-after.tsv) |
    awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
} | tee bench-out/bridge-prompt.md
