// The headless-Chromium side of the wasm-vs-native table: serves the repository root
// (scripts/static-server.mjs, uncompressed), opens bench/wasm-vs-native/page.html in Debian's
// Chromium (playwright-core from www/node_modules, never a downloaded browser) and times every
// row of cases.mjs: wall from performance.now in the page, CPU as the main thread's
// `ThreadTime` of the DevTools Performance domain around each call.
// Prints one JSON object: {id: {ms: [...], cpuMs: [...]}}.
// Usage: node bench/wasm-vs-native/chromium.mjs [ONLY_ID…]   (repository root, pkg/ built)
import { chromium } from "../../www/node_modules/playwright-core/index.mjs";
import { serve } from "../../scripts/static-server.mjs";
import { ARGS } from "../../www/e2e/browser.mjs";
import { CASES } from "./cases.mjs";

const only = process.argv.slice(2);
const server = await serve(".", 0, "127.0.0.1", { compress: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const result = {};
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const threadMs = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
  await page.goto(`${server.url}bench/wasm-vs-native/page.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  for (const c of CASES.filter((c) => only.length === 0 || only.includes(c.id))) {
    const runs = await page.evaluate((id) => window.bench.load(id), c.id);
    const ms = [], cpuMs = [];
    for (let i = 0; i < runs; i++) {
      const cpu0 = await threadMs();
      ms.push(await page.evaluate((id) => window.bench.once(id), c.id));
      cpuMs.push((await threadMs()) - cpu0);
    }
    await page.evaluate((id) => window.bench.done(id), c.id);
    result[c.id] = { ms, cpuMs };
    console.error(`chromium ${c.id}: ${ms.map((x) => x.toFixed(1)).join(", ")} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(result));
