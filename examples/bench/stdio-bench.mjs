// Times file tools over stdio with the official MCP TypeScript client, against any MCP server
// command, so DevHost and the reference Node server are measured the same way.
//
// Usage: NODE_PATH=<dir with @modelcontextprotocol/sdk> node stdio-bench.mjs TREE devhost|reference CMD [ARGS...]
// With DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that
// file as tab-separated "table, subject, metric, value" lines.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { appendFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const [tree, flavour, command, ...args] = process.argv.slice(2);
const client = new Client({ name: "fs-bench", version: "1" });
await client.connect(new StdioClientTransport({ command, args, stderr: "ignore" }));

function record(table, subject, metric, value) {
  const file = process.env.DEVHOST_BENCH_RESULTS;
  if (file) appendFileSync(file, `${table}\t${subject}\t${metric}\t${value}\n`);
}

async function call(name, a) {
  const r = await client.callTool({ name, arguments: a }, undefined, { timeout: 600000 });
  if (r.isError) throw new Error(name + ": " + JSON.stringify(r.content).slice(0, 300));
  return r;
}

async function time(label, name, a, runs = 5) {
  for (let i = 0; i < Math.max(1, runs); i++) await call(name, a); // warm-up, as many as measured
  const ms = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = await call(name, a);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    size = JSON.stringify(r).length;
  }
  ms.sort((x, y) => x - y);
  console.log(`${flavour.padEnd(9)} ${label.padEnd(34)} median ${ms[ms.length >> 1].toFixed(1).padStart(8)} ms  (min ${ms[0].toFixed(1)}, max ${ms[ms.length - 1].toFixed(1)})  ${size} bytes`);
  const table = "over stdio, official TypeScript client, median after as many warm-up calls";
  record(table, `${flavour} ${label}`, "runs", runs);
  record(table, `${flavour} ${label}`, "median (ms)", ms[ms.length >> 1].toFixed(1));
  record(table, `${flavour} ${label}`, "min (ms)", ms[0].toFixed(1));
  record(table, `${flavour} ${label}`, "max (ms)", ms[ms.length - 1].toFixed(1));
  record(table, `${flavour} ${label}`, "result (bytes)", size);
}

function javaFiles(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) javaFiles(p, out);
    else if (e.name.endsWith(".java")) out.push(p);
  }
  return out;
}

const files = javaFiles(tree, []);
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

if (flavour === "reference") {
  await time("search_files **/*.ts", "search_files", { path: tree, pattern: "**/*.ts" }, 3);
  await time("directory_tree module0/src", "directory_tree", { path: join(tree, "module0/src") }, 50);
} else {
  await time("search_files *.ts", "search_files", { path: tree, pattern: "*.ts", maxResults: 5000 }, 3);
  await time("directory_tree module0/src", "directory_tree", { path: join(tree, "module0/src"), maxEntries: 20000 }, 50);
  await time("search_content literal", "search_content", { path: tree, pattern: "NEEDLE_UNIQUE_" });
  await time("search_content regex", "search_content", { path: tree, pattern: "TODO\\(perf\\): cache the \\w+ lookup", regex: true, maxMatches: 1000 });
}
for (let i = 0; i < 3000; i++) await call("read_text_file", { path: files[Math.floor(rnd() * files.length)] });
const us = [];
for (let i = 0; i < 1000; i++) {
  const f = files[Math.floor(rnd() * files.length)];
  const t0 = process.hrtime.bigint();
  await call("read_text_file", { path: f });
  us.push(Number(process.hrtime.bigint() - t0) / 1e3);
}
us.sort((x, y) => x - y);
console.log(`${flavour.padEnd(9)} ${"read_text_file (1000 random .java)".padEnd(34)} p50 ${(us[500] / 1000).toFixed(3)} ms  p99 ${(us[990] / 1000).toFixed(3)} ms`);
const readTable = "over stdio, read_text_file of 1000 random .java files after 3000 warm-up reads";
record(readTable, flavour, "p50 (ms)", (us[500] / 1000).toFixed(3));
record(readTable, flavour, "p99 (ms)", (us[990] / 1000).toFixed(3));
await client.close();
