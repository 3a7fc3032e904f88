// bench/simulate, wasm side: the same plan and trial count through the npm package
// in Node (run after the package is built: `node bench/simulate/wasm.mjs [TRIALS] [SEED] [PLAN]`,
// PLAN a file of bench/simulate, default plan.json; prints wall and CPU time).
// Uses the handle API (`new Simulation(request)`, `step(budgetMs)`, `result()`, `free()`)
// when the package has it, else the one-shot `simulate(request)`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const dt = await import(join(here, "../../pkg/node.js")).catch(() => import(join(here, "../../pkg/dealteam.js")));
const trials = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? 1);
const plan = JSON.parse(readFileSync(join(here, process.argv[4] ?? "plan.json"), "utf8"));
const request = { plan, trials, seed };

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let res;
if (typeof dt.Simulation === "function") {
  const sim = new dt.Simulation(request);
  let steps = 0;
  for (;;) {
    const p = sim.step(50);
    steps++;
    if (p.done) break;
  }
  res = sim.result();
  sim.free?.();
} else {
  res = dt.simulate(request);
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({
  engine: "dealteam-wasm-node", trials, ms: Math.round(ms * 10) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  meanBookings: Number(res.totals.bookings.mean), meanRevenue: Number(res.totals.revenue.mean),
}));
