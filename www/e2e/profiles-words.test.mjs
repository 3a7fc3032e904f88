// Partners and Profiles as a partner manager reads them: names, not data keys or ids. A
// criterion's "which one" is chosen by name among what the partners have (a key the profile holds
// that no partner has stays, and another can be typed); its weight says what it counts for in the
// fit, and says it again as any weight moves; the require lists are ticked by name; the Partners
// table has no id column (the search still finds a partner by id, the CSV keeps it) and names the
// capabilities ("Cloud 80%"); a partner not eligible lacks "2 must-haves". At 390 px nothing runs
// off the screen, and no choice is cut short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, openReady, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-profiles');
const profile = () => page.evaluate(() => window.__app.ws.profiles.find((p) => p.id === window.__app.ws.activeProfile));
/** A data key as written: camel case, an underscore, or a lower-case code with digits ("iso27001"). */
const KEYISH = /[a-z][A-Z]|_|^[a-z]+\d+$/;

test('a criterion’s “which one” is chosen by name among what the partners have; a key no partner has stays', async () => {
  await page.getByRole('tab', { name: 'Profiles' }).click();
  const crits = (await profile()).criteria;
  const at = (kind, key) => crits.findIndex((c) => c.kind === kind && (key === undefined || c.key === key)) + 1;
  const which = (i, noun) => panel().getByRole('combobox', { name: `Criterion ${i}: which ${noun}`, exact: true });
  const shown = (loc) => loc.evaluate((el) => el.selectedOptions[0]?.textContent ?? '');

  // a capability: a choice, not a typed key; the options are the partners' capabilities by name
  const cap = which(at('capability', 'cloud'), 'capability');
  assert.equal(await cap.evaluate((el) => el.tagName), 'SELECT');
  assert.equal(await shown(cap), 'Cloud');
  const capNames = await cap.locator('option').allInnerTexts();
  for (const n of ['AI', 'Cloud', 'Data', 'Implementation', 'Security']) assert.ok(capNames.includes(n), `${n} is not offered: ${capNames.join(', ')}`);
  assert.deepEqual(capNames.filter((n) => /^[a-z]/.test(n)), [], 'a capability offered by its key');
  // a certification and an industry by name, from those the partners list
  const cert = which(at('certification'), 'certification');
  assert.equal(await shown(cert), 'ISO 27001');
  const certNames = await cert.locator('option').allInnerTexts();
  assert.ok(certNames.includes('SOC 2') && certNames.includes('HIPAA'), certNames.join(', '));
  assert.deepEqual(certNames.filter((n) => KEYISH.test(n)), [], 'a certification offered by its key');
  assert.equal(await shown(which(at('industry'), 'industry')), 'Healthcare');
  // a figure: the same names as the limits' rows
  const fig = which(at('metric', 'winRate'), 'figure');
  assert.equal(await shown(fig), 'Win rate');
  const figNames = (await fig.locator('option').allInnerTexts()).filter((n) => !/^Other/.test(n));
  const least = panel().getByRole('group', { name: 'Figures at least' });
  await least.getByRole('button', { name: /^Add/ }).click();
  const limitNames = await least.getByLabel('Figure', { exact: true }).locator('option').allInnerTexts();
  await least.getByRole('button', { name: /^Remove/ }).click();
  assert.deepEqual(figNames, limitNames, 'a criterion and a limit name the figures differently');
  assert.ok(figNames.includes('Sales cycle (days)') && figNames.includes('Partner satisfaction'), figNames.join(', '));

  // choosing by name stores the key
  const i = at('capability', 'security');
  await which(i, 'capability').selectOption({ label: 'AI' });
  assert.equal((await profile()).criteria[i - 1].key, 'ai');

  // a key the profile holds that no partner has is still there, by name, and stays in the profile
  await page.evaluate((k) => { window.__app.ws.profiles.find((p) => p.id === window.__app.ws.activeProfile).criteria[k].key = 'quantumComputing'; }, i - 1);
  const select = page.locator('#profile-select');
  const id = await select.inputValue();
  await select.selectOption({ index: 1 });
  await select.selectOption(id);
  assert.equal(await shown(which(i, 'capability')), 'Quantum computing');
  assert.equal((await profile()).criteria[i - 1].key, 'quantumComputing');

  // one the lists do not hold is typed after “Other”
  await which(i, 'capability').selectOption({ label: 'Other (type it)…' });
  const typed = panel().getByRole('textbox', { name: `Criterion ${i}: which capability (typed)` });
  // none typed: the engine's error is under the field, in red like every error
  await typed.fill('');
  const err = panel().locator(`[id="${await typed.getAttribute('id')}-err"]`);
  await err.filter({ hasText: /./ }).waitFor();
  assert.equal(await typed.getAttribute('aria-invalid'), 'true');
  assert.equal(await err.evaluate((e) => getComputedStyle(e).color), 'rgb(180, 35, 24)', 'a criterion’s error not in red');
  await typed.fill('blockchain');
  assert.equal((await profile()).criteria[i - 1].key, 'blockchain');
  await which(i, 'capability').selectOption({ label: 'Security' });
  assert.equal(await typed.isHidden(), true);
  assert.equal((await profile()).criteria[i - 1].key, 'security');

  // another kind offers its own keys (here the partners' industries), and chooses one of them
  const kind = panel().getByRole('combobox', { name: `Criterion ${i} kind` });
  await kind.selectOption('industry');
  const ind = which(i, 'industry');
  const indNames = await ind.locator('option').allInnerTexts();
  assert.ok(indNames.includes('Healthcare') && indNames.includes('Public sector'), indNames.join(', '));
  assert.ok(!indNames.includes('Security'), 'the capabilities offered for an industry');
  assert.equal((await profile()).criteria[i - 1].key, await ind.inputValue());
  await kind.selectOption('capability');
  await which(i, 'capability').selectOption({ label: 'Security' });
  assert.deepEqual((await profile()).criteria[i - 1], crits[i - 1]);

  // a profile renamed is called so in the list of profiles at once
  const name = panel().getByRole('textbox', { name: 'Profile name' });
  const before = await name.inputValue();
  await name.fill('My renamed profile');
  assert.equal(await select.locator('option:checked').innerText(), 'My renamed profile');
  await name.fill(before);
  assert.equal(await select.locator('option:checked').innerText(), before);
  assert.deepEqual(errors, []);
});

test('a weight says what it counts for in the fit, as a share of the profile’s weights, as any slider moves', async () => {
  await page.getByRole('tab', { name: 'Profiles' }).click();
  const weights = (await profile()).criteria.map((c) => c.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const out = (i) => panel().getByRole('slider', { name: `Criterion ${i} weight`, exact: true }).locator('xpath=following-sibling::output[1]');
  const pct = (w, t) => `${Math.round((100 * w) / t)}%`;
  assert.equal(await out(1).innerText(), `${weights[0]} counts for ${pct(weights[0], total)} of the fit`);
  assert.doesNotMatch(await out(1).innerText(), /\d\.0\b/, 'a raw slider value');
  const slider = panel().getByRole('slider', { name: 'Criterion 1 weight' });
  assert.equal(await slider.getAttribute('aria-valuetext'), `${weights[0]}, counts for ${pct(weights[0], total)} of the fit`);
  // moving the first weight changes its share, and every other criterion's too
  await slider.evaluate((el) => { el.value = '10'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  const t2 = total - weights[0] + 10;
  assert.equal(await out(1).innerText(), `10 counts for ${pct(10, t2)} of the fit`);
  assert.equal(await out(2).innerText(), `${weights[1]} counts for ${pct(weights[1], t2)} of the fit`);
  await slider.evaluate((el, w) => { el.value = String(w); el.dispatchEvent(new Event('input', { bubbles: true })); }, weights[0]);
  assert.equal(await out(2).innerText(), `${weights[1]} counts for ${pct(weights[1], total)} of the fit`);
  assert.deepEqual(errors, []);
});

test('the require lists are ticked by name; no data key or raw decimal is on the Profiles screen', async () => {
  await page.getByRole('tab', { name: 'Profiles' }).click();
  const regions = panel().getByRole('group', { name: /^Active in one of these regions/ });
  assert.equal(await regions.getByRole('checkbox', { name: 'EMEA' }).isChecked(), true);
  assert.equal(await regions.getByRole('checkbox', { name: 'DACH' }).isChecked(), true);
  const certs = panel().getByRole('group', { name: /^Holding all of these certifications/ });
  await certs.getByRole('checkbox', { name: 'ISO 27001' }).check();
  assert.deepEqual((await profile()).require.certificationsAll, ['iso27001']);
  await certs.getByRole('checkbox', { name: 'ISO 27001' }).uncheck();
  assert.equal((await profile()).require.certificationsAll, undefined);
  const industries = panel().getByRole('group', { name: /^In one of these industries/ });
  await industries.getByRole('checkbox', { name: 'Healthcare' }).check();
  assert.deepEqual((await profile()).require.industriesAny, ['Healthcare']);
  await industries.getByRole('checkbox', { name: 'Healthcare' }).uncheck();
  // what the editor and the explanation of the fit say: names, not keys; weights as whole numbers
  const editor = await panel().getByRole('form', { name: 'Profile editor' }).innerText();
  for (const key of ['winRate', 'salesCycleDays', 'iso27001', 'aws-advanced']) assert.ok(!editor.includes(key), `“${key}” on the Profiles screen`);
  assert.doesNotMatch(editor, /\b\d+\.0\b/, 'a raw decimal on the Profiles screen');
  // how long the ranking took, without the engine's wording
  assert.match(await panel().locator('.timing').innerText(), /^Ranked 300 partners in \d+ ms\.$/);
  const why = await panel().getByRole('table', { name: /^Per criterion/ }).innerText();
  assert.match(why, /a certification: ISO 27001/);
  assert.doesNotMatch(why, /iso27001|[a-z][A-Z]/);
  // a partner that is not eligible: what it lacks, counted in the words of the editor's “Must have”
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV: Ranking' }).click()]);
  const eligible = readFileSync(await dl.path(), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',').at(-1));
  assert.ok(eligible.some((e) => /^no: lacks \d+ must-haves?$/.test(e)), `no partner said to lack a must-have: ${[...new Set(eligible)].join(' | ')}`);
  assert.deepEqual(eligible.filter((e) => e !== 'yes' && !/^no: lacks \d+ must-haves?$/.test(e)), []);
  // and whole in the table when the top of the ranking is not eligible (here: a win rate of at least 90% required)
  const ranking = panel().getByRole('table', { name: 'Ranking' });
  const least = panel().getByRole('group', { name: 'Figures at least' });
  await least.getByRole('button', { name: /^Add/ }).click();
  await least.getByLabel('Figure', { exact: true }).selectOption({ label: 'Win rate' });
  await least.getByLabel('At least (%)', { exact: true }).fill('90');
  const no = ranking.getByRole('cell').filter({ hasText: /^no: lacks/ }).first();
  await no.waitFor();
  assert.ok(await no.evaluate((c) => c.scrollWidth <= c.clientWidth), `“${await no.innerText()}” is cut short`);
  await least.getByRole('button', { name: 'Remove Win rate' }).click();
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(shots, 'profiles-words-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('the partner list shows names, not ids: no id column, capabilities by name; the search and the CSV keep the id', async () => {
  await page.getByRole('tab', { name: 'Partners' }).click();
  const table = page.getByRole('table', { name: 'Partners' });
  const heads = await table.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(heads, ['Name', 'Kind', 'Tier', 'Regions', 'Top capabilities']);
  const caps = table.getByRole('cell').filter({ hasText: / \d{1,3}%/ });
  await caps.first().waitFor();
  for (const t of await caps.allInnerTexts()) assert.match(t, /^[A-Z][A-Za-z0-9 ]* \d{1,3}%(, [A-Z][A-Za-z0-9 ]* \d{1,3}%)*$/, `capabilities by their keys: ${t}`);
  assert.ok((await table.innerText()).match(/\bAI \d/), 'the “ai” capability is not said “AI”');
  assert.doesNotMatch(await table.innerText(), /\bp0000\d\d\b/, 'an id in the partner list');
  // the search still finds a partner by its id
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('p000003');
  await page.getByText(/^1 of 300 partners$/).waitFor();
  assert.equal(await table.getByRole('row').nth(1).getByRole('cell').first().innerText(), 'Delta Solutions 3');
  // the CSV keeps each partner's id beside its name
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV: Partners' }).click()]);
  const lines = readFileSync(await dl.path(), 'utf8').trim().split('\r\n');
  assert.equal(lines[0], 'Name,Id,Kind,Tier,Regions,Top capabilities');
  assert.match(lines[1], /^Delta Solutions 3,p000003,systems integrator,/);
  await search.fill('');
  await page.getByText(/^300 of 300 partners$/).waitFor();
  assert.deepEqual(errors, []);
});

test('phone: Profiles and Partners fit 390 px; a criterion’s choices and its weight stay inside its box', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ['Profiles', 'Partners']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(300);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 1, `${tab} is ${wide} px wider than the phone`);
    await page.screenshot({ path: join(shots, `${tab.toLowerCase()}-words-390.png`), fullPage: true });
  }
  await page.getByRole('tab', { name: 'Profiles' }).click();
  const out = await page.evaluate(() => [...document.querySelectorAll('#panel-profiles fieldset.criterion')].flatMap((f) => {
    const box = f.getBoundingClientRect();
    return [...f.querySelectorAll('select, input, output, button')].filter((e) => e.offsetParent).map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1).map(([e]) => `${f.querySelector('legend')?.textContent}: ${e.getAttribute('aria-label') ?? e.tagName}`);
  }));
  assert.deepEqual(out, [], 'a field runs out of its criterion’s box');
  // the figure a criterion looks at is named whole (not cut to "salesCycle")
  const cut = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    const text = (e) => (e.tagName === 'SELECT' ? e.selectedOptions[0]?.text ?? '' : e.value);
    return [...document.querySelectorAll('#panel-profiles fieldset.criterion :is(select, input[type="text"])')].filter((e) => e.offsetParent).filter((e) => {
      ctx.font = getComputedStyle(e).font;
      // the box less its padding (and a select's arrow)
      return ctx.measureText(text(e)).width > e.clientWidth - (e.tagName === 'SELECT' ? 30 : 12);
    }).map((e) => `${e.getAttribute('aria-label')}: ${text(e)}`);
  });
  assert.deepEqual(cut, [], 'a choice cut short');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});
