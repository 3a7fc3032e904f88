// One served page in Debian's Chromium for a journey file: the built page (www/dist) on a free
// port, a fresh context at desktop size, and every console error, page error or dialog
// collected in `errors` (a journey asserts it stays empty).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const www = new URL('..', import.meta.url).pathname;
/** Where journeys save their screenshots (SHOTS, else test-results/www), made on first use. */
export const shots = process.env.SHOTS ?? join(www, '../test-results/www');
/** The built page the journeys serve: www/dist, or WWW_DIST (a build of its own, e.g. `vite build --outDir`). */
export const dist = process.env.WWW_DIST ?? join(www, 'dist');
mkdirSync(shots, { recursive: true });
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function openPage(options = {}) {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options })).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`unexpected dialog: ${d.message()}`); void d.dismiss(); });
  const close = async () => { await browser.close(); await server.close(); };
  return { server, browser, page, errors, close };
}

/** `openPage`, then the page loaded and ready (`body[data-ready]`). */
export async function openReady(options = {}) {
  const opened = await openPage(options);
  await opened.page.goto(opened.server.url);
  await opened.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return opened;
}

/** The serious and critical axe-core violations on the page, one line each (none is the goal). */
export async function axeViolations(page) {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
}
