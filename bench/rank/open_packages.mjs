// `Ecosystem.open` of two builds of the package on the same files, alternating, wasm in Node:
// a workspace (its ecosystem under `ecosystem`) and a plain ecosystem of PARTNERS partners.
// Usage: node bench/rank/open_packages.mjs PKG_A PKG_B [PARTNERS] [ROUNDS]
import { middle } from "../median.mjs";
import { packageEntry } from "../package.mjs";

const [a, b, partners = "100000", rounds = "5"] = process.argv.slice(2);
if (!a || !b) throw new Error("usage: open_packages.mjs PKG_A PKG_B [PARTNERS] [ROUNDS]");
const pkgs = [[a, await import(packageEntry(a))], [b, await import(packageEntry(b))]];
const s = pkgs[0][1].sample(Number(partners), 1);
const eco = JSON.stringify(s.ecosystem);
const files = {
  workspace: JSON.stringify({ version: 1, source: { kind: "data", label: "bench" }, profiles: s.profiles, deal: s.deal, ecosystem: s.ecosystem, teamK: 10 }),
  ecosystem: eco,
};
const times = {};
for (let round = 0; round < Number(rounds); round++) {
  for (const [name, text] of Object.entries(files)) {
    for (const [dir, pkg] of round % 2 ? [...pkgs].reverse() : pkgs) {
      const t0 = performance.now();
      const opened = pkg.Ecosystem.open(text);
      const ms = performance.now() - t0;
      opened.ecosystem?.free();
      (times[`${name} ${dir}`] ??= []).push(ms);
    }
  }
}
for (const [k, xs] of Object.entries(times)) console.log(`${k}: median ${middle(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`);
