// Builds of the planner side by side in headless Chromium, for the benches of this folder: each
// build served as scripts/serve.sh serves it (without compression), and for each run and build in
// turn a fresh browser context whose page records its main-thread tasks over 50 ms
// (`window.__long`: {at, ms}) from the start; `visit(page, build)` runs once the page is ready.
import { chromium } from "../../www/node_modules/playwright-core/index.mjs";
import { serve } from "../../scripts/static-server.mjs";
import { ARGS } from "../../www/e2e/browser.mjs";

/** Runs `visit(page, i)` for `runs` rounds over the builds `dists` (built www/dist folders), alternating. */
export async function alternate(runs, dists, visit) {
  const servers = await Promise.all(dists.map((d) => serve(d, 0, "127.0.0.1", { compress: false })));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  try {
    for (let r = 0; r < runs; r++) {
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
        await visit(page, i);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}
