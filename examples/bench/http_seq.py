#!/usr/bin/env python3
"""Sequential tools/call (or ping) latency over one keep-alive connection, with nothing but the
standard library: a cross-check of the server's own per-call cost, free of any Java client.

    examples/bench/http_seq.py http://127.0.0.1:8808/mcp [tools/call|ping] [CALLS]
"""
import http.client
import json
import sys
import time
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
method = sys.argv[2] if len(sys.argv) > 2 else "tools/call"
calls = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
conn = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}


def post(body):
    conn.request("POST", url.path, json.dumps(body), headers)
    response = conn.getresponse()
    return response, response.read()


response, _ = post({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
    "protocolVersion": "2025-11-25", "capabilities": {},
    "clientInfo": {"name": "http_seq", "version": "1"}}})
headers["Mcp-Session-Id"] = response.getheader("mcp-session-id")
post({"jsonrpc": "2.0", "method": "notifications/initialized"})

latencies = []
for i in range(1, calls + 1):
    body = {"jsonrpc": "2.0", "id": i, "method": method}
    if method == "tools/call":
        body["params"] = {"name": "list_allowed_directories", "arguments": {}}
    start = time.perf_counter()
    _, data = post(body)
    latencies.append(time.perf_counter() - start)
    if b'"error"' in data:
        sys.exit("error response: %r" % data[:300])

measured = sorted(latencies[calls // 4:])  # the first quarter warms the JIT up
print("%s: p50 %.3f ms, p99 %.3f ms, %.0f calls/s (%d calls after warm-up)" % (
    method, measured[len(measured) // 2] * 1e3, measured[int(len(measured) * 0.99)] * 1e3,
    len(measured) / sum(measured), len(measured)))
