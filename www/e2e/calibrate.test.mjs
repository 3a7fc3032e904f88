// Calibration in the profile editor, in a real browser: a deal history where partners strong
// on the profile's first criterion win more often is imported on the Insights screen; "Check
// against past deals" says in words that a high fit predicts wins, charts the win rate of deals
// scoring high against low per criterion, suggests weights beside the current ones with the top
// 10 under them next to today's, and "Use these weights" changes the profile — Undo brings the
// old weights back. Axe-clean; phone width needs no sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { openReady, axeViolations, shots } from './browser.mjs';

let page, errors, close;

before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const panel = () => page.locator('#panel-profiles');

/**
 * 240 one- or two-partner deals over the first 60 partners, seeded; a deal is won with a
 * chance that rises steeply with its partners' mean score on the profile's first criterion.
 */
function drivenHistory() {
  return page.evaluate(() => {
    const app = window.__app;
    const profile = app.ws.profiles.find((p) => p.id === app.ws.activeProfile) ?? app.ws.profiles[0];
    const c = profile.criteria.find((x) => x.kind === 'capability');
    const partners = app.eco.partners.slice(0, 60);
    const score = (p) => Math.min(1, (p.capabilities?.[c.key] ?? 0) / (c.target ?? 1));
    let s = 42;
    const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
    const history = [];
    for (let i = 0; i < 240; i++) {
      const team = [...new Set([partners[Math.floor(rnd() * 60)], partners[Math.floor(rnd() * 60)]].slice(0, 1 + Math.floor(rnd() * 2)))];
      const x = team.reduce((a, p) => a + score(p), 0) / team.length;
      const won = rnd() < 1 / (1 + Math.exp(-10 * (x - 0.5)));
      history.push({ id: `h-${i}`, closedAt: new Date(Date.UTC(2024, 0, 1) + i * 2 * 86400000).toISOString().slice(0, 10), won, value: '10000.00', cycleDays: 60, partners: team.map((p) => ({ id: p.id, role: 'influence' })) });
    }
    return { history };
  });
}

test('profile calibration: a high fit predicts wins; the suggested weights, the what-if, and Undo', async () => {
  await page.getByRole('tab', { name: 'Profiles' }).click();
  // without a history the check says where to import one
  await panel().getByText('Import your closed deals on the Insights screen').waitFor();
  assert.ok(await panel().getByRole('button', { name: 'Check against past deals' }).isDisabled());
  const history = await drivenHistory();
  await page.getByRole('tab', { name: 'Insights' }).click();
  await page.locator('#history-file').setInputFiles({ name: 'deals.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(history)) });
  await page.locator('#panel-insights').getByText('Read 240 closed deals from deals.json.').waitFor();
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await panel().getByRole('button', { name: 'Check against past deals' }).click();
  const box = panel().locator('.calibration');
  await box.locator('.verdict').first().getByText(/A high fit predicts wins (well|fairly well|weakly): a won deal has a higher fit than a lost one \d+% of the time \(240 deals\)/).waitFor({ timeout: 30000 });
  assert.ok(await box.getByRole('img', { name: /Win rate of deals whose partners score high against low/ }).isVisible(), 'no lift chart');
  const criteria = box.getByRole('table', { name: 'Criteria against past deals' });
  assert.match(await criteria.innerText(), /Weight now\s+Suggested/);
  await box.getByText(/the suggested weights tell a won deal from a lost one \d+% of the time/).waitFor();
  const whatIf = box.getByRole('table', { name: 'Top 10 partners now and with the suggested weights' });
  assert.equal(await whatIf.locator('tbody tr').count(), 10);
  assert.match(await whatIf.innerText(), /▲|▼|= same place/);
  const text = await box.innerText();
  assert.doesNotMatch(text, /\d\.\d{3,}|SPEC|§|JSON|auc|base rate/i, 'engine wording or raw decimals on screen');
  await shot('40-profile-calibration');
  assert.deepEqual(await axeViolations(page), []);
  // the suggested weights replace the current ones; Undo brings them back
  const weights = () => panel().locator('input[type="range"][aria-label$=" weight"]').evaluateAll((els) => els.map((e) => Number(e.value)));
  const before = await weights();
  const suggested = await criteria.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.cells[4].textContent.split(' ')[0])));
  await box.getByRole('button', { name: 'Use these weights' }).click();
  await box.getByText('The suggested weights are in use.').waitFor();
  assert.deepEqual(await weights(), suggested);
  assert.notDeepEqual(suggested, before);
  await page.waitForTimeout(600); // the edit is recorded once edits pause
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((w) => [...document.querySelectorAll('#panel-profiles input[type="range"][aria-label$=" weight"]')].map((e) => Number(e.value)).join() === w, before.join());
  assert.deepEqual(errors, []);
});

test('profile calibration fits a phone screen', async () => {
  await panel().getByRole('button', { name: 'Check against past deals' }).click();
  await panel().locator('.calibration .verdict').first().waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `Profiles is ${over}px wider than the phone screen`);
  await shot('41-profile-calibration-phone');
  assert.deepEqual(errors, []);
});
