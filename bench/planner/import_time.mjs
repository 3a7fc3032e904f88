// How long the planner takes to import a workspace or ecosystem file, for builds of the page
// side by side in headless Chromium: each run a fresh browser context, the builds alternating.
// Times from the file being picked to the Partners screen saying "N of N partners", and the
// page's own marks of taking in the partners (`dt:adopt-start` → `dt:adopt-end`); also the
// main-thread tasks over 50 ms in between. Prints each run and the medians per build.
// Usage: node bench/planner/import_time.mjs RUNS FILE.json DIST_A [DIST_B …]   (a DIST is a built www/dist)
import { chromium } from "../../www/node_modules/playwright-core/index.mjs";
import { serve } from "../../scripts/static-server.mjs";
import { ARGS } from "../../www/e2e/browser.mjs";

const [runs = "4", file, ...dists] = process.argv.slice(2);
if (!file || !dists.length) throw new Error("usage: import_time.mjs RUNS FILE.json DIST_A [DIST_B …]");
const servers = await Promise.all(dists.map((d) => serve(d, 0, "127.0.0.1", { compress: false })));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const seen = dists.map(() => []);
try {
  for (let r = 0; r < Number(runs); r++) {
    for (const [i, server] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: Math.round(e.duration) }); })
          .observe({ type: "longtask", buffered: true });
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
      const count = page.locator("#panel-partners .count");
      const before = await count.textContent();
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
        const shown = document.querySelector("#panel-partners .count")?.textContent ?? "";
        return { ms: performance.now() - from, adopt, count: shown, long: window.__long.filter((e) => e.at >= from).map((e) => e.ms) };
      }, picked);
      seen[i].push(run);
      console.log(`${dists[i]}: import ${run.ms.toFixed(0)} ms, taking in the partners ${run.adopt.toFixed(0)} ms, tasks over 50 ms ${JSON.stringify(run.long)} (${run.count})`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [i, d] of dists.entries()) {
  console.log(`${d}: median import ${median(seen[i].map((s) => s.ms)).toFixed(0)} ms, taking in ${median(seen[i].map((s) => s.adopt)).toFixed(0)} ms over ${seen[i].length} runs`);
}
