// Writes the request files of the wasm-vs-native table to bench/out/wvn/, from the inputs the
// existing benches generate (run.sh runs them first): bench/rank (examples/bench_rank.rs:
// the 100k-partner ecosystem and profile), bench/teams (teams_1000.json), bench/simulate
// (plan.json) and bench/splits (games.json, attribution.json).
// Usage: node bench/wasm-vs-native/requests.mjs [TRIALS]   (repository root)
import { readFileSync, writeFileSync, mkdirSync, symlinkSync, rmSync } from "node:fs";
import { splitRequest, journeys } from "../splits/requests.mjs";

const out = "bench/out/wvn";
const trials = Number(process.argv[2] ?? 20000);
mkdirSync(out, { recursive: true });
const read = (f) => readFileSync(f, "utf8");
const write = (name, value) => writeFileSync(`${out}/${name}`, typeof value === "string" ? value : JSON.stringify(value));

for (const f of ["rank_ecosystem.json", "rank_profile.json"]) {
  rmSync(`${out}/${f}`, { force: true });
  symlinkSync(`../${f}`, `${out}/${f}`);
}
write("rank.json", `{"ecosystem":${read("bench/out/rank_ecosystem.json")},"profile":${read("bench/out/rank_profile.json")},"limit":100}`);
write("teams.json", { ...JSON.parse(read("bench/out/teams_1000.json")), k: 10 });
write("simulate.json", { plan: JSON.parse(read("bench/simulate/plan.json")), trials, seed: 1 });
const game = JSON.parse(read("bench/out/splits/games.json")).find((g) => g.n === 20);
write("split.json", splitRequest(game));
const paths = JSON.parse(read("bench/out/splits/attribution.json")).find((a) => a.paths.length === 100000);
write("attribute.json", { journeys: journeys(paths), models: ["markov"] });
