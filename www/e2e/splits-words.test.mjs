// The Splits screen read by a partner manager without a mouse: every rule's name comes with what
// it rewards in plain words (on a phone too, where nothing can be hovered), a rule's name tapped
// shows its meaning; at 1280 px the attribution table fits its box (no sideways scrolling) and at
// 390 px it keeps the partner names in view while it scrolls; the journeys are written with
// amounts as people write them ("240,000", as the field's own example), and read back the same.
// On a phone Compare splits and its results come before the settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, axeViolations, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-splits');
const amounts = () => page.getByRole('table', { name: /Amount per partner and rule/ });

test('phone: every rule name in the splits comes with its meaning in words, and a tapped name shows its meaning', async (t) => {
  // the sample's best team: no split keeps every group of it content, so the least core is said too
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.locator('#panel-teams .progress-text').filter({ hasText: /Done|limit/ }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Use this team for splits and plan' }).first().click();
  await page.getByRole('tab', { name: 'Splits' }).click();
  // the form's rule names, explained where they are used
  const alliances = await panel().getByRole('group', { name: 'Alliances (for the Owen rule)' }).innerText();
  assert.match(alliances, /the Owen rule first divides the deal among the alliances/);
  assert.match(alliances, /same as Shapley — each partner’s average extra value over every order in which the team could have formed/);
  assert.match(await panel().locator('p.note').innerText(), /^The Myerson rule rewards what each partner adds to groups that really work together/);
  await page.getByRole('button', { name: 'Compare splits' }).click();
  await amounts().or(panel().getByText(/not available in this build/i)).first().waitFor({ timeout: 60000 });
  if (!await amounts().isVisible()) { t.skip('splitting is not in this engine build'); return; }
  // Compare splits, then its amounts and their fairness, then the settings (not a long form to scroll past first)
  const order = await panel().evaluate((p) => ['button.primary', '.split-table', '.fairness-table', 'form.editor']
    .map((q) => Math.round(p.querySelector(q).getBoundingClientRect().top + scrollY)));
  assert.deepEqual([...order].sort((a, b) => a - b), order, `Compare splits, amounts, fairness, settings are at ${order.join(', ')} px`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth + 1), false, 'sideways scrolling at 390 px');
  // each rule's row: its name, then a line in words of what it rewards (seen, not in a title)
  const heads = await amounts().locator('tbody th[scope="row"]').all();
  assert.ok(heads.length >= 8, `${heads.length} rules`);
  for (const th of heads) {
    const [name, said = ''] = (await th.innerText()).split('\n').map((x) => x.trim());
    assert.ok(said.length >= 30, `“${name}” has no meaning in words under it: “${said}”`);
  }
  const text = await amounts().innerText();
  assert.match(text, /Shapley \(win probability\)\s+Each partner’s average extra value over every order in which the team could have formed/);
  assert.match(text, /Banzhaf \(win probability\)\s+Each partner’s average extra value over every group it could join/);
  // the least core and the nucleolus said in words before their names
  const fair = await panel().locator('.team-fairness').innerText();
  assert.doesNotMatch(fair, /least core needs/, 'the least core as a figure without saying what it is');
  if (/No split can keep every group content/.test(fair)) {
    assert.match(fair, /whatever the split, some group would be at least €[\d,]+ better off alone \(that smallest possible shortfall is the least core\)/);
    assert.match(fair, /the split that leaves the most short-changed group as little short as possible/);
  }
  // a rule's name tapped in the fairness table (no hover on a phone) shows its meaning; Escape hides it
  const word = panel().locator('.fairness-table abbr.tip', { hasText: 'Banzhaf' }).first();
  await word.scrollIntoViewIfNeeded();
  await word.tap();
  const box = page.locator('.tip-box');
  await box.waitFor({ state: 'visible', timeout: 2000 });
  assert.match(await box.innerText(), /Like Shapley, but counting how often/);
  const b = await box.boundingBox();
  assert.ok(b.x >= 0 && b.x + b.width <= 390, `the meaning runs off the phone: ${JSON.stringify(b)}`);
  await page.keyboard.press('Escape');
  assert.equal(await box.isVisible(), false, 'Escape leaves the meaning open');
  await amounts().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'splits-words-390.png') });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('the journeys are written as people write amounts (240,000), and read back to the same value', async () => {
  const box = panel().getByLabel(/^Customer journeys, one per line/);
  const text = await box.inputValue();
  assert.doesNotMatch(text, /\d\.00\b/, `raw decimals in the journeys: ${text}`);
  assert.match(text, /; 240,000$/m);
  const before = await page.evaluate(() => window.__app.ws.splits.journeys.map((j) => j.value));
  await box.fill(text);
  assert.deepEqual(await page.evaluate(() => window.__app.ws.splits.journeys.map((j) => j.value)), before, 'the shown journeys read back otherwise');
  assert.deepEqual(errors, []);
});

test('attribution: the whole table in view at 1280 px; at 390 px it scrolls with the partner names kept in view', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Compare attribution models' }).click();
  const table = page.getByRole('table', { name: 'Attribution by model' });
  await table.waitFor({ timeout: 60000 });
  const box = panel().getByRole('region', { name: 'Attribution per model' });
  const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(size.scroll <= size.client + 1, `the attribution table scrolls sideways at 1280 px: ${size.scroll} px in ${size.client}`);
  assert.match(await table.locator('thead').innerText(), /First and last count most\s+Data-driven/);
  await panel().locator('h3', { hasText: 'Attribution' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'splits-attribution-1280.png') });
  await page.screenshot({ path: join(shots, 'splits-results-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const [frame, name] = await Promise.all([box.boundingBox(), table.locator('tbody th[scope="row"]').first().boundingBox()]);
  assert.ok(name.x >= frame.x - 1 && name.x + name.width <= frame.x + frame.width, `the partner name scrolled out of view: ${JSON.stringify({ frame, name })}`);
  await page.screenshot({ path: join(shots, 'splits-results-390.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
