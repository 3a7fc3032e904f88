import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
const s = await serve(new URL('../dist', import.meta.url).pathname);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (let i = 0; i < 3; i++) {
  const c = await b.newContext();
  const p = await c.newPage({ viewport: { width: 1280, height: 900 } });
  await p.goto(s.url); await p.waitForSelector('body[data-ready]', { timeout: 20000 });
  console.log(await p.evaluate(() => JSON.stringify({ marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), first: Math.round(window.__firstRender) })));
  await c.close();
}
await b.close(); await s.close();
