// The page never freezes: on a 100,000-partner workspace made by the package's own sample
// generator (`sample(100000, 7)`: 150,000 relationships, ~70 MB of JSON), no main-thread task
// takes over 50 ms — the browser's `longtask` entries, observed from the first script on —
// while the workspace is imported, the ranking updates, a team search runs to its time limit,
// a plan is simulated and a share link is asked for (and refused, suggesting export).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { dist, shots } from './browser.mjs';

const www = new URL('..', import.meta.url).pathname;
const out = shots;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const N = 100000;

/** The 100k workspace file, generated once per package build (kept in test-results/). */
async function workspaceFile() {
  const wasm = join(www, '../pkg/dealteam_bg.wasm');
  const tag = createHash('sha256').update(readFileSync(wasm)).digest('hex').slice(0, 12);
  const file = join(out, `sample-${N}-${tag}.json`);
  if (!existsSync(file)) {
    // one cached workspace at a time: those of earlier package builds go
    for (const f of readdirSync(out)) if (/^sample-\d+-[0-9a-f]+\.json$/.test(f)) rmSync(join(out, f));
    const { sample } = await import('../../pkg/node.js');
    const s = sample(N, 7);
    const ws = { version: 1, source: { kind: 'data', label: `sample of ${N}` }, ecosystem: s.ecosystem, profiles: s.profiles, activeProfile: s.profiles[0].id, deal: s.deal, plan: null, splits: null, teamK: 10, teamSeconds: 3 };
    writeFileSync(file, JSON.stringify(ws));
  }
  return file;
}

let server, browser, page;
const errors = [];

/** A fresh context whose page records every main-thread task over 50 ms with the test's phase. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__phase = 'load';
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ phase: window.__phase, ms: Math.round(e.duration), at: Math.round(e.startTime) });
    }).observe({ type: 'longtask', buffered: true });
  });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return context;
}

before(async () => {
  server = await serve(dist);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const phase = (name) => page.evaluate((n) => { window.__phase = n; }, name);
const tab = (name) => page.getByRole('tab', { name }).click();
const timed = async (label, times, f) => { const t0 = Date.now(); await f(); times[label] = Date.now() - t0; };

/** Import, rank, search, simulate and share on the 100k workspace; the long tasks of each phase. */
async function scenario(file) {
  const context = await freshPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const times = {};

  await phase('import');
  await timed('import', times, async () => {
    await page.locator('#ws-file').setInputFiles(file);
    await page.getByText(`${N.toLocaleString('en-US')} of ${N.toLocaleString('en-US')} partners`).waitFor({ timeout: 180000 });
  });

  await phase('ranking');
  await timed('ranking', times, async () => {
    await tab('Profiles');
    await page.waitForFunction((n) => new RegExp(`Ranked ${n}`).test(document.querySelector('.timing')?.textContent ?? ''), N.toLocaleString('en-US'), { timeout: 60000 });
    for (const w of ['3', '5']) {
      const before = await page.evaluate(() => (window.__perf.rank ?? []).length);
      await page.getByLabel('Criterion 1 weight').evaluate((el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, w);
      await page.waitForFunction((b) => window.__perf.rank.length > b, before, { timeout: 60000 });
    }
  });

  await phase('team search');
  await timed('team search', times, async () => {
    await tab('Deal & Teams');
    await page.getByLabel('Time limit (seconds)').fill('3');
    await page.getByRole('button', { name: 'Find teams' }).click();
    await page.getByRole('heading', { name: /^Team 1: score/ }).waitFor({ timeout: 120000 });
  });
  const summary = await page.locator('#panel-teams .summary').innerText();
  assert.match(summary, /the best teams \(proven\)|stopped at the 3 s time limit; a better team could score at most [\d.]+ (points )?more/);
  await page.screenshot({ path: join(out, 'longtask-teams.png') });

  await phase('simulation');
  await timed('simulation', times, async () => {
    await page.getByRole('button', { name: 'Use this team for splits and plan' }).first().click();
    await tab('Plan');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('figure.fan svg').waitFor({ timeout: 120000 });
  });

  await phase('share link');
  await timed('share link', times, async () => {
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.locator('.status').getByText(/too large for a link/).waitFor({ timeout: 120000 });
  });
  assert.match(await page.locator('.status').innerText(), /too large for a link .*Export workspace/);
  await page.screenshot({ path: join(out, 'longtask-share.png') });
  await phase('done');

  const long = await page.evaluate(() => window.__long);
  await context.close();
  const during = long.filter((e) => e.phase !== 'load' && e.phase !== 'done');
  console.log(`# 100k workspace, wall time per phase (ms): ${JSON.stringify(times)}`);
  console.log(`# main-thread tasks over 50 ms: ${during.length} during the phases${during.length ? ` (${during.map((e) => `${e.phase} ${e.ms} ms`).join(', ')})` : ''}; ${long.length - during.length} while the page loaded`);
  return during;
}

test('100k partners: no main-thread task over 50 ms while importing, ranking, searching, simulating and sharing', async () => {
  const file = await workspaceFile();
  // On a machine busier than its cores (load average above the core count: the shared build
  // machine), the OS deschedules the browser mid-task and a 10 ms task can take 100 ms of wall
  // time; the budget is then 200 ms, with one more try in a fresh context when a task passes
  // it (a stall of the machine seldom hits twice). Otherwise: 50 ms, one try.
  const busy = () => loadavg()[0] > availableParallelism();
  let budget = busy() ? 200 : 50;
  if (budget > 50) console.log(`# load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: budget ${budget} ms for this run`);
  let over = (await scenario(file)).filter((e) => e.ms > budget);
  if (over.length && busy()) {
    budget = 200;
    console.log(`# over ${budget} ms on a busy machine (load ${loadavg()[0].toFixed(1)}): one more try`);
    over = (await scenario(file)).filter((e) => e.ms > budget);
  }
  assert.deepEqual(over, [], `main-thread tasks over ${budget} ms`);
  assert.deepEqual(errors, [], 'console errors');
});

test('account lists of 3 × 80,000 accounts: no main-thread task over 50 ms while they are read, mapped and matched at every sharing level', async () => {
  const busy = () => loadavg()[0] > availableParallelism();
  const budget = busy() ? 200 : 50;
  const context = await freshPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await tab('Accounts');
  const panel = page.locator('#panel-accounts');
  const times = {};
  await timed('read and map', times, async () => {
    for (const [owner, offset] of [['Northwind', 0], ['Contoso', 40000], ['Fabrikam', 80000]]) {
      await phase(`accounts: ${owner}'s list read and mapped`);
      await panel.locator('#accounts-owner').fill(owner);
      // the file (a CRM export: every third account an open opportunity with a value) is made
      // in the page, 10,000 rows at a time: Playwright's setInputFiles, or a 3.8 MB argument,
      // is decoded on the page's thread, a long task of the test's own (150 ms, 50 ms)
      await page.evaluate(() => { window.__parts = ['Account ID,Account Name,Website,Type,Amount\n']; });
      for (let from = offset; from < offset + 80000; from += 10000) {
        await page.evaluate((from) => {
          const rows = [];
          for (let i = from; i < from + 10000; i++) {
            const opp = i % 3 === 0;
            rows.push(`A-${i},Company ${i} Inc.,${i % 2 ? `https://www.company${i}.com/` : ''},${opp ? 'Opportunity' : i % 3 === 1 ? 'Customer' : 'Prospect'},${opp ? `${1000 + (i % 97) * 10}.00` : ''}\n`);
          }
          window.__parts.push(new Blob(rows));
        }, from);
      }
      await page.evaluate((name) => {
        const input = document.querySelector('#accounts-file');
        const files = new DataTransfer();
        files.items.add(new File(window.__parts, name, { type: 'text/csv' }));
        window.__parts = null;
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, `${owner}.csv`);
      await panel.locator('.accounts-read').getByText(`Read 80,000 accounts of ${owner}`).waitFor({ timeout: 60000 });
    }
    await panel.locator('.map-summary').getByText(/^2 pairs of partners share accounts — 80,000 shared accounts in all/).waitFor({ timeout: 60000 });
  });
  await timed('sharing levels', times, async () => {
    for (const level of ['Everything', 'Numbers only']) {
      await phase(`accounts: ${level}`);
      await panel.getByLabel(new RegExp(`^${level}`)).check();
      await panel.locator('.map-summary').getByText(/80,000 shared accounts in all/).waitFor({ timeout: 60000 });
    }
  });
  await timed('remove', times, async () => {
    await phase('accounts: a list removed');
    await panel.getByRole('button', { name: 'Remove the list of Fabrikam' }).click();
    await panel.locator('.account-map .facts').getByText(/40,000 companies are on both lists/).waitFor({ timeout: 60000 });
  });
  await phase('done');
  const long = await page.evaluate(() => window.__long);
  await context.close();
  const during = long.filter((e) => e.phase.startsWith('accounts'));
  console.log(`# 3 × 80,000 accounts, wall time per phase (ms): ${JSON.stringify(times)}; main-thread tasks over 50 ms: ${during.map((e) => `${e.phase} ${e.ms} ms`).join(', ') || 'none'}`);
  assert.deepEqual(during.filter((e) => e.ms > budget), [], `main-thread tasks over ${budget} ms`);
  assert.deepEqual(errors, [], 'console errors');
});
