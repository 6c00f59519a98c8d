#!/usr/bin/env bash
# Git and GitHub toolset benchmark: git_log (10,000 commits, path filter) and git_grep against
# the git CLI on the same generated repository, plus the size of the GitHub tools/list.
# Usage: examples/bench/git.sh [commits]   (builds nothing; needs mcp-server/target/devhost.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=mcp-server/target/devhost.jar
COMMITS=${1:-10000}
[ -f "$JAR" ] || { echo "build first: ./mvnw -o -q package -DskipTests" >&2; exit 1; }
OUT=bench-out/git
REPO=$OUT/repo-$COMMITS
if [ ! -d "$REPO/.git" ]; then
  rm -rf "$REPO" && mkdir -p "$REPO"
  git -C "$REPO" init -q -b main
  python3 examples/bench/gen-git-repo.py "$COMMITS" | git -C "$REPO" fast-import --quiet
  git -C "$REPO" checkout -q -f main
  git -C "$REPO" gc -q
fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(git --version); $(date -u +%FT%TZ)"
java -cp "$JAR" examples/bench/GitBench.java "$REPO" 7

echo "cold, one process per call (includes JVM start):"
for cmd in "java -jar $JAR call git_log --toolsets git --roots $REPO --args {\"path\":\"docs\",\"maxCount\":500}" \
           "git -C $REPO log --format=%H%x09%an%x09%aI%x09%s -n 500 -- docs"; do
  s=$(date +%s%N); $cmd > /dev/null; e=$(date +%s%N)
  echo "  $(( (e - s) / 1000000 )) ms  ${cmd%% --args*}"
done

echo "GitHub default tools/list (12 read tools), measured over stdio:"
python3 - "$JAR" <<'PY'
import json, subprocess, sys
p = subprocess.Popen(["java", "-jar", sys.argv[1], "serve", "--toolsets", "github"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
def send(m): p.stdin.write(json.dumps(m) + "\n"); p.stdin.flush()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
send({"jsonrpc": "2.0", "method": "notifications/initialized"})
send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
for line in p.stdout:
    msg = json.loads(line)
    if msg.get("id") == 2:
        tools = msg["result"]["tools"]
        s = json.dumps(tools, separators=(",", ":"), ensure_ascii=False)
        print(f"  {len(tools)} tools, {len(s)} characters, ~{len(s) // 4} tokens (chars/4)")
        break
p.stdin.close(); p.wait(timeout=30)
PY
