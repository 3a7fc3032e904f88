// Deal & Teams as a partner manager reads it: scores in whole points out of 100 (a decimal only
// where two different scores would read alike), levels and fits in whole percent, no ids; "Out
// of date" exactly while the deal, a profile or the search settings differ from what the shown
// teams answer (a value typed and then restored leaves them current, after a reload too); "Use
// this team" says beside the button which partners are now the team on Splits and Plan, until
// the next search; on a phone the teams side by side are cards, nothing wider than the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-teams');
const note = () => panel().locator('.stale');
/** Runs a search and waits for it to end. */
async function find() {
  await panel().getByRole('button', { name: 'Find teams' }).click();
  await panel().locator('.progress-text').filter({ hasText: /Done|limit/ }).waitFor({ timeout: 60000 });
  await panel().getByRole('heading', { name: /^Team 1: score/ }).waitFor();
}
/** Fills `input` with `value` as typing would (an input event). */
const type = (input, value) => input.fill(value);
const gone = () => note().waitFor({ state: 'detached', timeout: 2000 });

test('scores in whole points out of 100, a decimal only where two would read alike; whole percents; names', async () => {
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await find();
  const raw = await page.evaluate(() => window.__app.teams.map((t) => t.score * 100));
  const heads = await panel().getByRole('heading', { name: /^Team \d+: score/ }).allInnerTexts();
  const shown = heads.map((s) => {
    const m = /^Team \d+: score (\d+(?:\.\d+)?)( \(tied\))? out of 100$/.exec(s);
    assert.ok(m, `a score heading reads “${s}”`);
    return m[1];
  });
  const whole = (x) => Math.round(x);
  for (let i = 0; i < raw.length; i++) {
    // a decimal is there exactly when another, different score rounds to the same whole points
    const twin = raw.some((o, j) => j !== i && Math.abs(o - raw[i]) > 1e-7 && whole(o) === whole(raw[i]));
    assert.equal(shown[i].includes('.'), twin, `team ${i + 1}: ${shown[i]} for ${raw[i]}`);
    if (!twin) assert.equal(shown[i], String(whole(raw[i])));
    for (let j = 0; j < i; j++) if (Math.abs(raw[i] - raw[j]) > 1e-7) assert.notEqual(shown[i], shown[j], `teams ${j + 1} and ${i + 1} read alike`);
  }
  const compare = panel().getByRole('table', { name: 'Teams side by side' });
  assert.deepEqual(await compare.locator('tbody tr td:nth-child(2)').allInnerTexts(), shown, 'the side-by-side table shows the same scores');
  // the first team's tables: whole percents, no ids, no engine numbers
  const first = panel().locator('details.team').first();
  const text = await first.innerText();
  assert.doesNotMatch(text, /\d\.\d%/, 'a percent with decimals');
  assert.doesNotMatch(text, /\bp\d{4,}\b/, 'a partner id');
  const heads2 = await first.getByRole('table', { name: 'Members' }).locator('thead th').allInnerTexts();
  assert.deepEqual(heads2, ['Partner', 'Slot', 'Slot profile', 'Fit']);
  await page.screenshot({ path: join(shots, 'teams-words-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('out of date by content: a value typed and restored leaves the teams current; what only arranges them does not count', async () => {
  assert.equal(await note().count(), 0, 'fresh teams marked out of date');
  const value = panel().locator('[data-path="deal.value"]');
  const good = await value.inputValue();
  await type(value, '1300000.00');
  await note().getByText(/^Out of date/).waitFor();
  assert.equal(await note().getAttribute('role'), 'status');
  await type(value, good);
  await gone();
  // a weight of the score, changed and changed back
  const coverage = panel().locator('[data-path="deal.weights.coverage"]');
  const cov = await coverage.inputValue();
  await type(coverage, '60');
  await note().waitFor();
  await type(coverage, cov);
  await gone();
  // fewer teams to show: the list is arranged again from the search, still current
  const k = panel().locator('[data-path="k"]');
  await type(k, '3');
  assert.equal(await panel().locator('details.team').count(), 3);
  assert.equal(await note().count(), 0, 'showing fewer teams marked them out of date');
  // more than the search brought (it asked for 10 × 10 when one team per set of partners is shown): to search again
  await type(k, '20');
  await note().waitFor();
  await type(k, '10');
  await gone();
  // every team, not one per set: the search brought enough; one per set again: current
  const diverse = panel().getByRole('checkbox', { name: /at most one team per set of required partners/ });
  await diverse.uncheck();
  assert.equal(await note().count(), 0, 'showing every team marked them out of date');
  await diverse.check();
  assert.equal(await note().count(), 0);
  // a profile the search used, changed and changed back on the Profiles screen
  await page.getByRole('tab', { name: 'Profiles' }).click();
  const w = page.getByLabel('Criterion 1 weight');
  const was = await w.inputValue();
  const slide = (v) => w.evaluate((el, x) => { el.value = x; el.dispatchEvent(new Event('input', { bubbles: true })); }, v);
  await slide(was === '1' ? '2' : '1');
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await note().waitFor();
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await slide(was);
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await gone();
  assert.deepEqual(errors, []);
});

test('out of date after a reload as before it, and current again once the deal is as it was', async () => {
  const value = panel().locator('[data-path="deal.value"]');
  const good = await value.inputValue();
  await type(value, '1300000.00');
  await note().waitFor();
  await page.waitForTimeout(800); // autosaved
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await panel().getByRole('heading', { name: /^Team 1: score/ }).waitFor();
  await note().getByText(/^Out of date/).waitFor();
  await type(panel().locator('[data-path="deal.value"]'), good);
  await gone();
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await panel().getByRole('heading', { name: /^Team 1: score/ }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await note().count(), 0, 'the kept teams read out of date after a reload although nothing changed');
  assert.deepEqual(errors, []);
});

test('“Use this team” says beside the button who is now the team on Splits and Plan, until the next search', async () => {
  const team = panel().locator('details.team').first();
  const names = await page.evaluate(() => window.__app.teams[0].members.map((m) => window.__app.name(m)));
  await team.getByRole('button', { name: 'Use this team for splits and plan' }).click();
  const said = team.locator('.use-team [role="status"]');
  const list = names.length < 2 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  assert.equal(await said.innerText(), `${list} ${names.length === 1 ? 'is' : 'are'} now the team on Splits and Plan. Open Splits to divide the revenue`);
  assert.ok(await said.isVisible());
  // it is beside the button: same card, right after it
  const [b, s] = await Promise.all([team.getByRole('button', { name: 'Use this team for splits and plan' }).boundingBox(), said.boundingBox()]);
  assert.ok(s.y < b.y + b.height + 80 && s.y + s.height > b.y - 10, `the confirmation is far from the button: ${JSON.stringify({ b, s })}`);
  assert.deepEqual(await page.evaluate(() => window.__app.ws.splits.members), await page.evaluate(() => window.__app.teams[0].members));
  // the list arranged again (how many to show) keeps it; another team used moves it there
  const k = panel().locator('[data-path="k"]');
  await type(k, '4');
  await type(k, '10');
  assert.equal(await panel().locator('details.team').first().locator('.team-used').innerText(), await said.innerText());
  const second = panel().locator('details.team').nth(1);
  await second.locator('summary').click();
  await second.getByRole('button', { name: 'Use this team for splits and plan' }).click();
  assert.match(await second.locator('.team-used').innerText(), /are now the team on Splits and Plan/);
  assert.equal(await panel().locator('.team-used:not(:empty)').count(), 1, 'two teams say they are the team');
  // the confirmation leads on to Splits, with the team just chosen
  await second.locator('.team-used').getByRole('button', { name: 'Open Splits to divide the revenue' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Splits' }).getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('#panel-splits').innerText(), new RegExp(`Team: ${(await page.evaluate(() => window.__app.teams[1].members.map((m) => window.__app.name(m)))).join(', ')}`));
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await find();
  assert.equal(await panel().locator('.team-used:not(:empty)').count(), 0, 'the confirmation outlived the next search');
  assert.deepEqual(errors, []);
});

test('phone: Find teams and the teams before the form, the teams side by side as cards, nothing wider than the screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const [find, form] = await Promise.all([panel().getByRole('button', { name: 'Find teams' }).boundingBox(), panel().getByRole('form', { name: 'Deal editor' }).boundingBox()]);
  assert.ok(find.y < form.y, 'Find teams is below the deal’s form on a phone');
  const compare = panel().getByRole('table', { name: 'Teams side by side' });
  assert.equal(await compare.locator('tbody tr').first().evaluate((r) => getComputedStyle(r).display), 'block', 'the teams side by side are not cards');
  const wide = await page.evaluate(() => [...document.querySelectorAll('#panel-teams *')].filter((e) => e.getClientRects().length && !e.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map((e) => `${e.tagName}.${e.className}`));
  assert.deepEqual(wide, [], 'wider than the phone');
  const box = await compare.evaluate((t) => { const b = t.closest('.table-scroll'); return { scroll: b.scrollWidth, client: b.clientWidth }; });
  assert.ok(box.scroll <= box.client + 1, `the teams side by side scroll sideways: ${box.scroll} in ${box.client}`);
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'teams-words-390.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});

test('who covers what names the requirements as people read them (AI, not ai)', async () => {
  const covers = panel().locator('details.team').first().getByRole('table', { name: 'Who covers what' });
  const needs = await covers.locator('tbody tr td:first-child').allInnerTexts();
  assert.ok(needs.includes('AI') && needs.includes('Cloud'), `the requirements: ${needs.join(', ')}`);
  assert.deepEqual(needs.filter((n) => /^[a-z]/.test(n)), [], 'a requirement written as its data key');
  assert.deepEqual(errors, []);
});

test('a requirement’s capability is chosen by name among the partners’, or typed under Other', async () => {
  const deal = () => page.evaluate(() => window.__app.ws.deal.requirements[0].capability);
  const pick = panel().getByRole('combobox', { name: 'Requirement 1: capability' });
  await pick.waitFor();
  const offered = await pick.locator('option').allInnerTexts();
  assert.ok(offered.includes('AI') && offered.includes('Cloud'), `the choices: ${offered.join(', ')}`);
  assert.deepEqual(offered.filter((o) => /^[a-z]/.test(o)), [], 'a choice named by its data key');
  assert.equal(offered.at(-1), 'Other (type it)…');
  await pick.selectOption({ label: 'AI' });
  assert.equal(await deal(), 'ai', 'the deal keeps the key');
  // a capability no partner has is typed, and kept in the list once typed
  await pick.selectOption({ label: 'Other (type it)…' });
  const typed = panel().getByRole('textbox', { name: 'Requirement 1: capability (typed)' });
  assert.equal(await typed.evaluate((el) => el === document.activeElement), true, 'the typed field has the focus');
  await typed.fill('quantum');
  assert.equal(await deal(), 'quantum');
  // back to a capability of the list: the typed field goes, the typed one stays a choice
  await pick.selectOption({ label: 'Cloud' });
  assert.equal(await deal(), 'cloud');
  assert.equal(await typed.isHidden(), true);
  assert.equal(await pick.locator('option', { hasText: 'Quantum' }).count(), 0, 'only the key in use is kept beside the partners’');
  assert.deepEqual(errors, []);
});
