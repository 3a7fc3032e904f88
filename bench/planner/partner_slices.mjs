// What the planner's page receives of every partner after an import, wasm in Node, alternating:
//   objects — stop 39's way, on stop 39's package (OLD_PKG: `git archive a94ce4e pkg`):
//             `partners(from, to, true)` (brief partners as objects) made into the page's views
//             in JS (regions joined, the three strongest capabilities written with toFixed);
//   columns — this package's `partnerList(from, to)`: the same as columns of text, written by
//             the engine, taken in as stop 40's page did;
//   brief   — this package's `partnerList(from, to, false)`: the columns without regions and
//             capabilities, taken in as the page does now (`App.adopt`; the text comes later,
//             only for the rows the Partners table shows).
// Each slice is structured-cloned, as postMessage does. First checks that both give the same
// text for every partner. Slices of 1,000 partners, as the page asks for them. Prints each
// round's milliseconds per step (engine + JS on the worker's side, the clone, the page's side)
// and the medians.
// Usage: node bench/planner/partner_slices.mjs FILE.json OLD_PKG [PKG_DIR] [ROUNDS]
// (PKG_DIR's partnerList must take `text`: stop 41 on)
import { readFileSync } from "node:fs";
import { middle } from "../median.mjs";
import { packageEntry } from "../package.mjs";

const [path, oldDir, pkgDir = "pkg", rounds = "5"] = process.argv.slice(2);
if (!path || !oldDir) throw new Error("usage: partner_slices.mjs FILE.json OLD_PKG [PKG_DIR] [ROUNDS]");
const open = async (dir) => {
  const pkg = await import(packageEntry(dir));
  const eco = pkg.Ecosystem.open(readFileSync(path)).ecosystem;
  if (!eco) throw new Error(`${path} holds no ecosystem`);
  return eco;
};
const [old, eco] = [await open(oldDir), await open(pkgDir)];
const n = eco.summary().partners;
const SLICE = 1000;

const strongest = (p) => Object.entries(p.capabilities ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 3)
  .map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
const view = (p) => {
  const v = { id: p.id, name: p.name, kind: p.kind };
  if (p.tier) v.tier = p.tier;
  if (p.regions?.length) v.regionsText = p.regions.join(", ");
  const caps = strongest(p);
  if (caps) v.capsText = caps;
  return v;
};

/** The page's partner objects from a slice of columns, as `App.adopt` makes them. */
function takeBrief(part, page) {
  for (let i = 0; i < part.ids.length; i++) {
    const p = { id: part.ids[i], name: part.names[i], kind: part.kinds[i] };
    if (part.tiers[i]) p.tier = part.tiers[i];
    page.partners.push(p);
    page.byId.set(p.id, p);
  }
}

const ways = {
  objects: {
    make: (from) => old.partners(from, from + SLICE, true).map(view),
    take: (part, page) => { for (const p of part) { page.partners.push(p); page.byId.set(p.id, p); } },
  },
  columns: {
    make: (from) => eco.partnerList(from, from + SLICE),
    take: (part, page) => {
      takeBrief(part, page);
      for (let i = 0; i < part.ids.length; i++) {
        page.regions.push(part.regions[i]);
        page.capabilities.push(part.capabilities[i]);
      }
    },
  },
  brief: { make: (from) => eco.partnerList(from, from + SLICE, false), take: (part, page) => takeBrief(part, page) },
};

// objects and columns show the same text for every partner, and brief the same other columns
for (let from = 0; from < n; from += SLICE) {
  const objects = ways.objects.make(from), columns = ways.columns.make(from);
  objects.forEach((v, i) => {
    const same = v.id === columns.ids[i] && v.name === columns.names[i] && v.kind === columns.kinds[i]
      && (v.tier ?? null) === columns.tiers[i] && (v.regionsText ?? "") === columns.regions[i]
      && (v.capsText ?? "") === columns.capabilities[i];
    if (!same) throw new Error(`partner ${from + i}: ${JSON.stringify(v)} against ${columns.capabilities[i]}`);
  });
  const brief = ways.brief.make(from);
  for (const key of ["ids", "names", "kinds", "tiers"]) {
    if (JSON.stringify(brief[key]) !== JSON.stringify(columns[key])) throw new Error(`slice ${from}: brief ${key} differ`);
  }
}

const times = { objects: [], columns: [], brief: [] };
const order = Object.keys(times);
for (let r = 0; r < Number(rounds); r++) {
  // a different way first each round
  for (const way of order.map((_, i) => order[(i + r) % order.length])) {
    const page = { partners: [], byId: new Map(), regions: [], capabilities: [] };
    let make = 0, clone = 0, take = 0;
    for (let from = 0; from < n; from += SLICE) {
      const t0 = performance.now();
      const part = ways[way].make(from);
      const t1 = performance.now();
      const sent = structuredClone(part);
      const t2 = performance.now();
      ways[way].take(sent, page);
      const t3 = performance.now();
      make += t1 - t0; clone += t2 - t1; take += t3 - t2;
    }
    if (page.partners.length !== n) throw new Error(`${way}: ${page.partners.length} of ${n} partners`);
    const all = make + clone + take;
    times[way].push(all);
    console.log(`${way}: worker ${make.toFixed(0)} ms + clone ${clone.toFixed(0)} ms + page ${take.toFixed(0)} ms = ${all.toFixed(0)} ms`);
  }
}
console.log(`median, ${n.toLocaleString("en-US")} partners: ${order.map((w) => `${w} ${middle(times[w]).toFixed(0)} ms`).join(", ")}`);
eco.free();
old.free();
