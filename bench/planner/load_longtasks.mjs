// The planner's main-thread tasks over 50 ms while the page starts (the built-in sample), for
// builds of the page side by side: each run a fresh browser context, the builds alternating.
// Prints, per build, how many runs had such a task and their lengths.
// Usage: node bench/planner/load_longtasks.mjs RUNS DIST_A [DIST_B …]   (a DIST is a built www/dist)
import { chromium } from "../../www/node_modules/playwright-core/index.mjs";
import { serve } from "../../scripts/static-server.mjs";
import { ARGS } from "../../www/e2e/browser.mjs";

const [runs = "8", ...dists] = process.argv.slice(2);
if (!dists.length) throw new Error("usage: load_longtasks.mjs RUNS DIST_A [DIST_B …]");
const servers = await Promise.all(dists.map((d) => serve(d, 0, "127.0.0.1", { compress: false })));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const seen = dists.map(() => []);
try {
  for (let r = 0; r < Number(runs); r++) {
    for (const [i, server] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: true });
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
      await page.waitForTimeout(1000);
      seen[i].push(await page.evaluate(() => window.__long));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
for (const [i, d] of dists.entries()) {
  const over = seen[i].filter((l) => l.length);
  console.log(`${d}: ${over.length} of ${seen[i].length} starts with a task over 50 ms; tasks: ${JSON.stringify(seen[i].flat().sort((a, b) => a - b))}`);
}
