// `eco.toJson()` on an ecosystem file, wasm in Node: time and the wasm memory it leaves (wasm
// memory only grows, so what one export takes stays taken). One ecosystem per process.
// Make a file: node -e "import('./pkg/node.js').then((p) => require('fs').writeFileSync('eco.json', JSON.stringify(p.sample(100000, 1).ecosystem)))"
// Usage: node bench/rank/to_json_memory.mjs PKG_DIR ECOSYSTEM.json [RUNS]
import { readFileSync } from "node:fs";
import { packageEntry } from "../package.mjs";

const [pkgDir, file, runs = "2"] = process.argv.slice(2);
if (!pkgDir || !file) {
  console.error("usage: node bench/rank/to_json_memory.mjs PKG_DIR ECOSYSTEM.json [RUNS]");
  process.exit(2);
}
const pkg = await import(packageEntry(pkgDir));
const eco = new pkg.Ecosystem(readFileSync(file, "utf8"));
const mib = (b) => (b / 2 ** 20).toFixed(0);
const m0 = pkg.wasmMemoryBytes();
for (let i = 0; i < Number(runs); i++) {
  const t0 = performance.now();
  const text = eco.toJson();
  console.log(`toJson ${(performance.now() - t0).toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} MB of text, wasm memory ${mib(m0)} → ${mib(pkg.wasmMemoryBytes())} MiB`);
}
