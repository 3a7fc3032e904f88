// Ingest benchmark, wasm in Node: an ecosystem file read into an `Ecosystem` handle by
// `Ecosystem.fromChunks` (the file's bytes in chunks; the text never becomes one JS
// string) or by `new Ecosystem(text)`, then ranked (top 100 with explanations).
// Prints one JSON line: wall and CPU milliseconds (the process's user + system CPU),
// and wasm memory (`memory.buffer.byteLength`: wasm memory only grows, so after the
// ingest this is its peak). One file per process, so the memory is that ingest's. A
// 2,000-partner ecosystem is read first (both ways) so that V8 has compiled the hot
// functions; with RUNS > 1 the ingest is repeated and the median time reported.
// Usage: RUNS=3 node bench/rank/ingest_wasm.mjs PKG_DIR ECOSYSTEM.json [chunks|text] [PROFILE.json] [CHUNK_BYTES]
import { readFileSync, openSync, readSync, closeSync, fstatSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pkgDir, file, mode = "chunks", profileFile, chunkArg] = process.argv.slice(2);
if (!pkgDir || !file) {
  console.error("usage: node bench/rank/ingest_wasm.mjs PKG_DIR ECOSYSTEM.json [chunks|text] [PROFILE.json] [CHUNK_BYTES]");
  process.exit(2);
}
const pkg = resolve(pkgDir);
const { initSync, Ecosystem, sample } = await import(pathToFileURL(join(pkg, "dealteam.js")).href);
const wasm = initSync({ module: readFileSync(join(pkg, "dealteam_bg.wasm")) });
const memory = () => wasm.memory.buffer.byteLength;
const chunkBytes = Number(chunkArg ?? 1 << 20);

function chunksOf(path) {
  const fd = openSync(path, "r");
  const size = fstatSync(fd).size;
  const chunks = [];
  for (let at = 0; at < size; at += chunkBytes) {
    const c = new Uint8Array(Math.min(chunkBytes, size - at));
    readSync(fd, c, 0, c.length, at);
    chunks.push(c);
  }
  closeSync(fd);
  return [chunks, size];
}

function timed(f) {
  const [c, t] = [process.cpuUsage(), performance.now()];
  const v = f();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [v, Math.round(wall), Math.round((cpu.user + cpu.system) / 1000)];
}

{
  const warm = JSON.stringify(sample(2000, 1).ecosystem);
  new Ecosystem(warm).free();
  Ecosystem.fromChunks([new TextEncoder().encode(warm)]).free();
}
const before = memory();
let input, bytes;
if (mode === "text") {
  input = readFileSync(file, "utf8");
  bytes = input.length;
} else {
  [input, bytes] = chunksOf(file);
}
const ingest = mode === "text" ? () => new Ecosystem(input) : () => Ecosystem.fromChunks(input);
const runs = [];
let eco, peak;
for (let r = 0; r < Number(process.env.RUNS ?? 1); r++) {
  eco?.free();
  const [e, wall, cpu] = timed(ingest);
  eco = e;
  peak ??= memory();
  runs.push([wall, cpu]);
}
runs.sort((a, b) => a[0] - b[0]);
const [wall, cpu] = runs[runs.length >> 1];
const out = { mode, bytes, partners: eco.size, runs: runs.length, ingestMs: wall, ingestCpuMs: cpu, wasmMemoryMiB: +(peak / 2 ** 20).toFixed(1), wasmMemoryBeforeMiB: +(before / 2 ** 20).toFixed(1) };
if (profileFile) {
  const profile = JSON.parse(readFileSync(profileFile, "utf8"));
  const [top, w, c] = timed(() => eco.rank(profile, { limit: 100 }));
  Object.assign(out, { top100Ms: w, top100CpuMs: c, best: top.results[0]?.partnerId, bestFit: top.results[0]?.fit, wasmMemoryAfterRankMiB: +(memory() / 2 ** 20).toFixed(1) });
}
console.log(JSON.stringify(out));
