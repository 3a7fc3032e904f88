// How the planner's worker reads a picked JSON file, wasm in Node: `file.text()` then
// `Ecosystem.open(text)`, against `file.arrayBuffer()` then `Ecosystem.open(bytes)`, alternating.
// Usage: node bench/rank/open_file.mjs FILE.json [PKG_DIR] [ROUNDS]
import { readFileSync } from "node:fs";
import { middle } from "../median.mjs";
import { packageEntry } from "../package.mjs";

const [path, pkgDir = "pkg", rounds = "5"] = process.argv.slice(2);
if (!path) throw new Error("usage: open_file.mjs FILE.json [PKG_DIR] [ROUNDS]");
const pkg = await import(packageEntry(pkgDir));
const file = new Blob([readFileSync(path)]);
const timed = async (f) => { const t0 = performance.now(); const r = await f(); return [performance.now() - t0, r]; };
const totals = { text: [], bytes: [] };
for (let r = 0; r < Number(rounds); r++) {
  for (const way of r % 2 ? ["bytes", "text"] : ["text", "bytes"]) {
    const [read, content] = await timed(() => (way === "text" ? file.text() : file.arrayBuffer().then((b) => new Uint8Array(b))));
    const [open, opened] = await timed(() => pkg.Ecosystem.open(content));
    opened.ecosystem?.free();
    totals[way].push(read + open);
    console.log(`${way}: read ${read.toFixed(0)} ms + open ${open.toFixed(0)} ms = ${(read + open).toFixed(0)} ms`);
  }
}
console.log(`median: text ${middle(totals.text).toFixed(0)} ms, bytes ${middle(totals.bytes).toFixed(0)} ms`);
