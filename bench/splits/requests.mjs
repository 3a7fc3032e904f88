// The requests of bench/splits' generated inputs (examples/bench_splits.rs writes
// games.json and attribution.json): one `split` request per game, one `attribute`
// request per set of paths. Shared by bench/splits/wasm.mjs and bench/wasm-vs-native.

/** The `split` request of a game of games.json (members p00…, one capability per requirement). */
export function splitRequest(g, kind = "winProbability") {
  const R = g.weights.length;
  const members = Array.from({ length: g.n }, (_, i) => `p${String(i).padStart(2, "0")}`);
  const partners = members.map((id, i) => ({
    id, name: id, kind: "si",
    capabilities: Object.fromEntries(g.weights.map((_, r) => [`r${r}`, g.levels[i * R + r]])),
  }));
  const deal = {
    id: "d", name: "d", value: "1000000.00", currency: "EUR", slots: [{ role: "si", min: 1, max: g.n }],
    requirements: g.weights.map((w, r) => ({ capability: `r${r}`, weight: w })),
  };
  return { amount: "1000000.00", currency: "EUR", members, ecosystem: { partners }, deal, model: "shapley", game: { kind } };
}

/** The journeys of an entry of attribution.json (paths are "c01>c07>…"). */
export function journeys(a) {
  return a.paths.map((p, i) => ({ path: p.split(">"), conversions: a.conversions[i], nulls: a.nulls[i] }));
}
