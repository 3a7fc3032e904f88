// The planner's main-thread tasks over 50 ms while the page starts (the built-in sample), for
// builds of the page side by side: each run a fresh browser context, the builds alternating.
// Prints, per build, how many runs had such a task and their lengths.
// Usage: node bench/planner/load_longtasks.mjs RUNS DIST_A [DIST_B …]   (a DIST is a built www/dist)
import { alternate } from "./builds.mjs";

const [runs = "8", ...dists] = process.argv.slice(2);
if (!dists.length) throw new Error("usage: load_longtasks.mjs RUNS DIST_A [DIST_B …]");
const seen = dists.map(() => []);
await alternate(Number(runs), dists, async (page, i) => {
  await page.waitForTimeout(1000);
  seen[i].push(await page.evaluate(() => window.__long.map((e) => e.ms)));
});
for (const [i, d] of dists.entries()) {
  const over = seen[i].filter((l) => l.length);
  console.log(`${d}: ${over.length} of ${seen[i].length} starts with a task over 50 ms; tasks: ${JSON.stringify(seen[i].flat().sort((a, b) => a - b))}`);
}
