// One served page in Debian's Chromium for a journey file: the built page (www/dist) on a free
// port, a fresh context at desktop size, and every console error, page error or dialog
// collected in `errors` (a journey asserts it stays empty).
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const www = new URL('..', import.meta.url).pathname;
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function openPage(options = {}) {
  const server = await serve(join(www, 'dist'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options })).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`unexpected dialog: ${d.message()}`); void d.dismiss(); });
  const close = async () => { await browser.close(); await server.close(); };
  return { server, browser, page, errors, close };
}
