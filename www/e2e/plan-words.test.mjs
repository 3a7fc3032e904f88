// The Plan screen as a partner manager meets it: the simulation is out of date exactly while what
// Simulate would send (the plan, the trials, the run number) differs from what it came from — a
// value changed and restored leaves it current, before and after a reload, and a workspace saved
// before the fingerprint was kept loads with its flag; the seed is a "run number" folded away under
// "Repeatable runs", its errors beside it (the fold opened); on a phone the parts after the plan's
// long form are a tap away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, axeViolations, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US', viewport: { width: 1280, height: 900 } })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-plan');
const note = () => panel().locator('.sim .stale');
const opportunities = () => panel().locator('[data-path="plan.pipeline.opportunitiesPerMonth"]');
const KEY = 'dealteam.workspace.v1';
/** Waits for the autosave (250 ms after a change), then reloads and opens the Plan screen. */
async function reload() {
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.getByRole('tab', { name: 'Plan' }).click();
  await panel().locator('.sim table.stats').waitFor({ timeout: 30000 });
}
/** The `stale` flag of the simulation as autosaved (after the autosave's wait). */
const savedStale = async () => { await page.waitForTimeout(700); return page.evaluate((k) => JSON.parse(localStorage.getItem(k)).simResults?.stale, KEY); };

test('Plan: the run number is folded under “Repeatable runs”, in words; its error opens the fold beside it', async () => {
  await page.getByRole('tab', { name: 'Plan' }).click();
  const fold = panel().locator('details.repeatable');
  await fold.waitFor();
  assert.equal(await fold.evaluate((d) => d.open), false, 'the run number is shown unasked');
  assert.equal(await page.locator('#sim-seed').isVisible(), false);
  assert.equal(await fold.locator('summary').innerText(), 'Repeatable runs');
  assert.doesNotMatch(await panel().locator('.run').innerText(), /seed/i, 'the word “seed” beside Simulate');
  await fold.locator('summary').click();
  const seed = panel().getByLabel('Run number — the same number gives the same result');
  assert.equal(await seed.getAttribute('id'), 'sim-seed');
  assert.equal(await seed.getAttribute('data-path'), 'seed');
  await seed.fill('-1');
  await fold.locator('summary').click();
  assert.equal(await seed.isVisible(), false);
  await page.locator('#sim-trials').fill('500');
  await panel().getByRole('button', { name: 'Simulate', exact: true }).click();
  await panel().locator('#sim-seed[aria-invalid="true"]').waitFor({ state: 'attached', timeout: 60000 });
  assert.equal(await fold.evaluate((d) => d.open), true, 'the run number’s error is folded away');
  assert.ok(await seed.isVisible());
  const said = page.locator('#sim-seed-err');
  assert.ok(await said.isVisible());
  assert.equal(await said.innerText(), 'Write a whole number, 0 or more (not -1).');
  assert.match(await panel().locator('.progress-text').innerText(), /Failed: see the message next to the field/);
  await seed.fill('4');
  assert.equal(await said.innerText(), '', 'the message stays after the edit');
  assert.equal(await seed.getAttribute('aria-invalid'), null);
  await seed.fill('42');
  assert.deepEqual(errors, []);
});

test('Plan: out of date while the plan or the run differs from the simulation’s, current again once restored', async (t) => {
  await panel().getByRole('button', { name: 'Simulate', exact: true }).click();
  const table = panel().locator('.sim table.stats');
  await table.or(panel().locator('.form-error:not(:empty)')).first().waitFor({ timeout: 120000 });
  if (!await table.isVisible()) { t.skip('the engine refused the plan'); return; }
  assert.equal(await note().count(), 0, 'a fresh simulation is out of date');
  const was = await opportunities().inputValue();
  await opportunities().fill(String(Number(was) + 1));
  await note().waitFor();
  assert.match(await note().innerText(), /^Out of date/);
  await opportunities().fill(was);
  await note().waitFor({ state: 'detached', timeout: 2000 });
  const trials = page.locator('#sim-trials');
  await trials.fill('600');
  await note().waitFor();
  await trials.fill('500');
  await note().waitFor({ state: 'detached', timeout: 2000 });
  const seed = page.locator('#sim-seed');
  await seed.fill('7');
  await note().waitFor();
  await seed.fill('42');
  await note().waitFor({ state: 'detached', timeout: 2000 });
  assert.equal(await savedStale(), false);
  // the return per partner lists the partners as the table under it does (not alphabetically)
  const rows = await panel().locator('.sim table.stats tbody th').allInnerTexts();
  const roi = panel().locator('.sim figure.chart', { hasText: 'Return on each partner’s investment' });
  await roi.locator('svg').first().waitFor();
  const names = rows.map((r) => r.trim());
  // a label's words: its lines (tspans), else its own text, never its <title> (the name on hover)
  const ticks = await roi.evaluate((f, names) => [...f.querySelectorAll('svg text')].map((t) => {
    const ts = [...t.querySelectorAll('tspan')];
    return (ts.length ? ts.map((x) => x.textContent) : [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)).join(' ').trim();
  }).filter((x) => names.includes(x)), names);
  assert.deepEqual(ticks, names);
  assert.deepEqual(errors, []);
});

test('Plan: after a reload the simulation is shown with its trials and run number, and its note as it was', async (t) => {
  if (!await panel().locator('.sim table.stats').isVisible()) { t.skip('no simulation'); return; }
  await reload();
  assert.equal(await page.locator('#sim-trials').inputValue(), '500', 'the trials it came from');
  assert.equal(await page.locator('#sim-seed').inputValue(), '42');
  assert.equal(await note().count(), 0, 'current before the reload, out of date after it');
  const was = await opportunities().inputValue();
  await opportunities().fill(String(Number(was) + 1));
  await note().waitFor();
  await reload();
  assert.ok(await note().isVisible(), 'out of date before the reload, current after it');
  assert.equal(await savedStale(), true);
  await opportunities().fill(was);
  await note().waitFor({ state: 'detached', timeout: 2000 });
  assert.equal(await savedStale(), false, 'the saved flag follows the note');
  assert.deepEqual(errors, []);
});

test('Plan: a simulation saved before its fingerprint was kept loads with the flag it was saved with', async (t) => {
  if (!await panel().locator('.sim table.stats').isVisible()) { t.skip('no simulation'); return; }
  for (const stale of [false, true]) {
    // as such a workspace was saved (the page saves its workspace again as it unloads)
    await page.evaluate((stale) => {
      const ws = window.__app.ws;
      const { response, names } = ws.simResults;
      ws.simResults = { response, names, stale };
    }, stale);
    await reload();
    assert.equal(await page.evaluate((k) => 'asked' in JSON.parse(localStorage.getItem(k)).simResults, KEY), false, 'not an old workspace');
    assert.equal(await note().count(), stale ? 1 : 0, `saved with stale: ${stale}`);
  }
  assert.deepEqual(errors, []);
});

test('Plan at 390 px: the agreement check, the agreement and the audit a tap away from the top', async () => {
  assert.equal(await panel().locator('nav.jump').isVisible(), false, 'the jump shown beside the columns at 1280 px');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => scrollTo(0, 0));
  const jump = panel().getByRole('navigation', { name: 'Parts of the plan' });
  assert.ok(await jump.isVisible());
  const runTop = await panel().getByRole('button', { name: 'Simulate', exact: true }).evaluate((b) => b.getBoundingClientRect().top + scrollY);
  const jumpTop = await jump.evaluate((b) => b.getBoundingClientRect().top + scrollY);
  assert.ok(jumpTop < runTop, 'the jump under Simulate');
  await page.screenshot({ path: join(shots, 'plan-words-jump-390.png') });
  for (const [name, heading] of [['Agreement', 'Agreement'], ['Agreement check', 'Agreement check'], ['Audit', 'Audit against actuals']]) {
    await jump.getByRole('button', { name, exact: true }).click();
    const h = panel().getByRole('heading', { name: heading, exact: true });
    // at the top of the window, or in it where the page ends too soon after it
    const top = await h.evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 844 - 40, `${name}: its heading at ${Math.round(top)} px`);
    assert.ok(await h.evaluate((e) => e === document.activeElement), `${name}: the focus stays behind`);
  }
  await jump.getByRole('button', { name: 'The plan', exact: true }).click();
  assert.ok(await panel().locator('form.editor').evaluate((f) => f.contains(document.activeElement)), 'the plan’s form has the focus');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 391, 'the page scrolls sideways');
  // names and lists typed in words get the whole line (a committee's name was cut at 20 characters)
  for (const label of ['Overseen by', 'Independent party', 'How success is measured (one per line)']) {
    const width = await panel().getByLabel(label, { exact: true }).evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(width > 300, `${label}: ${Math.round(width)} px wide at 390 px`);
  }
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});

test('Plan: the fixed shares set on Splits are offered to the plan, and taken in one click', async () => {
  const members = await page.evaluate(() => window.__app.ws.plan.partners.map((q) => ({ id: q.id, name: q.name })));
  const splitsHas = await page.evaluate((ids) => { const s = window.__app.ws.splits; return !!s && s.members.length === ids.length && ids.every((id) => s.members.includes(id)); }, members.map((m) => m.id));
  if (!splitsHas) {
    await page.getByRole('tab', { name: 'Deal & Teams' }).click();
    await page.locator('#panel-teams').getByRole('button', { name: 'Find teams', exact: true }).click();
    await page.locator('#panel-teams').getByRole('button', { name: 'Use this team for splits and plan' }).first().click({ timeout: 60000 });
  }
  const team = await page.evaluate(() => window.__app.ws.splits.members.map((id) => window.__app.name(id)));
  const wanted = team.length === 3 ? [50, 25, 25] : team.map((_, i) => (i === 0 ? 100 - 10 * (team.length - 1) : 10));
  await page.getByRole('tab', { name: 'Splits' }).click();
  const splits = page.locator('#panel-splits');
  for (const [i, name] of team.entries()) await splits.getByLabel(`${name} (%)`, { exact: true }).fill(String(wanted[i]));
  await page.getByRole('tab', { name: 'Plan' }).click();
  const offer = panel().locator('.from-splits');
  await offer.waitFor();
  assert.equal(await offer.innerText(), `The Splits screen divides with other fixed shares: ${team.map((n, i) => `${n} ${wanted[i]}%`).join(', ')}. Use them in this plan`);
  await offer.getByRole('button', { name: 'Use them in this plan' }).click();
  await offer.waitFor({ state: 'detached' });
  const shares = await page.evaluate(() => window.__app.ws.plan.split.shares);
  const ids = await page.evaluate(() => window.__app.ws.splits.members);
  assert.deepEqual(ids.map((id) => shares[id]), wanted);
  for (const [i, name] of team.entries()) {
    const box = panel().locator('fieldset', { has: page.locator('legend', { hasText: name }) }).getByLabel('Split share (%)');
    assert.equal(Number(await box.inputValue()), wanted[i]);
  }
  assert.deepEqual(errors, []);
});
