// How long the planner takes to import a workspace or ecosystem file, for builds of the page
// side by side in headless Chromium: each run a fresh browser context, the builds alternating.
// Times from the file being picked to the Partners screen saying "N of N partners", and the
// page's own marks of taking in the partners (`dt:adopt-start` → `dt:adopt-end`); also the
// main-thread tasks over 50 ms in between. Prints each run and the medians per build.
// Usage: node bench/planner/import_time.mjs RUNS FILE.json DIST_A [DIST_B …]   (a DIST is a built www/dist)
import { middle } from "../median.mjs";
import { alternate } from "./builds.mjs";

const [runs = "4", file, ...dists] = process.argv.slice(2);
if (!file || !dists.length) throw new Error("usage: import_time.mjs RUNS FILE.json DIST_A [DIST_B …]");
const seen = dists.map(() => []);
await alternate(Number(runs), dists, async (page, i) => {
  const before = await page.locator("#panel-partners .count").textContent();
  const picked = await page.evaluate(() => performance.now());
  await page.locator("#ws-file").setInputFiles(file);
  // the sample's count first, then the file's: "100,000 of 100,000 partners"
  await page.waitForFunction((b) => {
    const text = document.querySelector("#panel-partners .count")?.textContent ?? "";
    return text !== b && /^([\d,]+) of \1 partners$/.test(text);
  }, before, { timeout: 300000 });
  const run = await page.evaluate((from) => {
    const mark = (n) => performance.getEntriesByName(n).at(-1)?.startTime;
    const adopt = (mark("dt:adopt-end") ?? NaN) - (mark("dt:adopt-start") ?? NaN);
    const count = document.querySelector("#panel-partners .count")?.textContent ?? "";
    return { ms: performance.now() - from, adopt, count, long: window.__long.filter((e) => e.at >= from).map((e) => e.ms) };
  }, picked);
  seen[i].push(run);
  console.log(`${dists[i]}: import ${run.ms.toFixed(0)} ms, taking in the partners ${run.adopt.toFixed(0)} ms, tasks over 50 ms ${JSON.stringify(run.long)} (${run.count})`);
});
for (const [i, d] of dists.entries()) {
  console.log(`${d}: median import ${middle(seen[i].map((s) => s.ms)).toFixed(0)} ms, taking in ${middle(seen[i].map((s) => s.adopt)).toFixed(0)} ms over ${seen[i].length} runs`);
}
