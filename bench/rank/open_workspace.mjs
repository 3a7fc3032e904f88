// How the planner's worker opens a 100k-partner workspace file, wasm in Node: the way it did
// before stop 38 (`JSON.parse` of the file, `JSON.stringify` of its ecosystem, `new Ecosystem`)
// against `Ecosystem.open`, which indexes the ecosystem from its part of the text; with the JS
// heap each leaves held, and the handle's methods the worker uses instead of a JS copy.
// Usage: node --expose-gc bench/rank/open_workspace.mjs [PKG_DIR] [PARTNERS] [ROUNDS]
import { packageEntry } from "../package.mjs";

const [pkgDir = "pkg", partners = "100000", rounds = "3"] = process.argv.slice(2);
const pkg = await import(packageEntry(pkgDir));
const s = pkg.sample(Number(partners), 1);
const ws = { version: 1, source: { kind: "data", label: "bench" }, profiles: s.profiles, activeProfile: "", deal: s.deal, plan: null, splits: null, teamK: 10 };
const text = JSON.stringify({ ...ws, ecosystem: s.ecosystem });
console.log(`workspace of ${partners} partners: ${(text.length / 1e6).toFixed(1)} MB of JSON`);
const timed = (f) => { const t0 = performance.now(); const r = f(); return [performance.now() - t0, r]; };
const heap = () => { globalThis.gc?.(); return process.memoryUsage().heapUsed; };
const mib = (b) => (b / 2 ** 20).toFixed(0);
for (let round = 0; round < Number(rounds); round++) {
  let h0 = heap();
  const [before, old] = timed(() => {
    const v = JSON.parse(text);
    const eco = v.ecosystem;
    delete v.ecosystem;
    return { v, eco, handle: new pkg.Ecosystem(JSON.stringify(eco)) };
  });
  const heldBefore = heap() - h0;
  old.handle.free();
  h0 = heap();
  const [now, opened] = timed(() => pkg.Ecosystem.open(text));
  const heldNow = heap() - h0;
  const eco = opened.ecosystem;
  const [json, out] = timed(() => eco.toJson());
  const [summary] = timed(() => eco.summary());
  const [filter] = timed(() => eco.filter("ab", "", "", ""));
  const pages = (brief) => timed(() => { for (let i = 0; i < 10; i++) eco.partners(i * 1000, i * 1000 + 1000, brief); })[0];
  const [whole, brief] = [pages(false), pages(true)];
  // the heap each way leaves held, read in the first round (a fresh heap; later rounds of one
  // process read about 0 for both, which this script does not explain)
  const held = round === 0 ? `, +${mib(heldBefore)} MiB JS heap held` : '';
  const heldOpen = round === 0 ? `, +${mib(heldNow)} MiB` : '';
  console.log(`before ${before.toFixed(0)} ms${held} | open ${now.toFixed(0)} ms${heldOpen} | ` +
    `toJson ${json.toFixed(0)} ms (${(out.length / 1e6).toFixed(1)} MB) | summary ${summary.toFixed(1)} ms | filter ${filter.toFixed(1)} ms | ` +
    `10 pages of 1,000 partners: whole ${whole.toFixed(0)} ms, brief ${brief.toFixed(0)} ms`);
  eco.free();
}
