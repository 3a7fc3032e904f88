// The agreement in a real browser: the agreement terms are a form whose missing answers the
// check names next to the field (and the finding goes away once the field is filled); the
// agreement is the engine's HTML, printed alone (no tabs, no buttons); a signed copy is checked
// against the plan (a matching and a tampered copy); actuals come from a CSV file and a bad line
// is named. Screenshots at 1280 and 390 px (SHOTS, else test-results/www).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, openReady, shots } from './browser.mjs';

let page, errors, close;

before(async () => {
  ({ page, errors, close } = await openReady({ locale: 'en-US', acceptDownloads: true }));
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('300');
});

after(async () => { await close?.(); });

const shot = (name, fullPage = true) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });
const panel = () => page.locator('#panel-plan');
const ENGINE_WORDS = /SPEC|§|JSON|serde|legal\.|dataSharing|engagement\.|\bnull\b|undefined/;

const axe = async (label) => assert.deepEqual(await axeViolations(page), [], `axe violations on ${label}`);

test('agreement terms: a missing answer is named next to its field and goes away once filled', async () => {
  const ip = panel().getByLabel('Who owns what the partners build together');
  await ip.fill('');
  await panel().getByLabel('Kind of collaboration').selectOption('');
  await panel().getByRole('button', { name: 'Check the agreement' }).click();
  const ipError = panel().locator(`#${await ip.getAttribute('id')}-err`);
  await ipError.filter({ hasText: /./ }).waitFor({ timeout: 60000 });
  assert.match(await ipError.innerText(), /^State who owns what the partners build together/);
  assert.equal(await ip.getAttribute('aria-invalid'), 'true');
  const findings = await panel().locator('.findings').innerText();
  assert.match(findings, /Must fix: State who owns what the partners build together/);
  assert.match(findings, /Recommended: Say whether this is a pilot/);
  assert.doesNotMatch(findings, ENGINE_WORDS, 'engine wording in the findings');
  // the finding takes the reader to its field
  await panel().locator('.finding-list').getByRole('button', { name: /Go to “Who owns what/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), await ip.getAttribute('id'));
  await panel().locator('fieldset.terms').first().scrollIntoViewIfNeeded();
  await shot('30-terms-findings-1280', false);
  await panel().locator('fieldset.terms').nth(3).scrollIntoViewIfNeeded();
  await shot('30b-terms-working-1280', false);
  await axe('agreement terms with findings');
  // filled in: checked again by itself, and the finding is gone
  await ip.fill('Each partner keeps what it owned before; joint work is owned jointly.');
  await panel().getByLabel('Kind of collaboration').selectOption('pilot');
  await panel().locator('.findings').filter({ hasNotText: /State who owns|pilot, an opportunistic/ }).waitFor({ timeout: 60000 });
  assert.equal(await ipError.innerText(), '');
  assert.equal(await ip.getAttribute('aria-invalid'), null);
  // an edit of the terms is undone and redone like any other
  const kind = panel().getByLabel('Kind of collaboration');
  assert.equal(await page.evaluate(() => window.__app.ws.plan.engagement.kind), 'pilot');
  await page.waitForTimeout(600); // the history records a burst of edits once they pause
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await page.waitForFunction(() => !window.__app.ws.plan.engagement?.kind);
  await page.waitForFunction(() => document.querySelector('#panel-plan select[data-path="plan.engagement.kind"]')?.value === '');
  await page.getByRole('button', { name: 'Redo', exact: true }).first().click();
  await page.waitForFunction(() => window.__app.ws.plan.engagement?.kind === 'pilot');
  // the form is drawn again after the state changes (the fresh-clone CI once read it in between)
  await page
    .waitForFunction(() => document.querySelector('#panel-plan select[data-path="plan.engagement.kind"]')?.value === 'pilot', null, { timeout: 10000 })
    .catch(() => {});
  assert.equal(await kind.inputValue(), 'pilot');
  assert.deepEqual(errors, []);
});

let markdown = '';

test('the agreement: the engine’s document on the page, printed alone, downloadable', async () => {
  // before a draft, the greyed buttons say what they wait for
  assert.equal(await panel().getByRole('button', { name: 'Print or save as PDF' }).isDisabled(), true);
  assert.equal(await panel().locator('.agreement-view > [role="status"]').innerText(), 'Draft the agreement to print it or download it.');
  await panel().getByRole('button', { name: 'Draft agreement' }).click();
  const article = panel().locator('article.agreement');
  await article.locator('h1').waitFor({ timeout: 60000 });
  const text = await article.innerText();
  assert.match(text, /pilot/i, 'the kind of collaboration chosen above');
  assert.match(text, /Plan fingerprint/);
  assert.doesNotMatch(text, /SPEC|§|JSON/, 'engine wording in the agreement');
  assert.equal(await article.locator('script, style, [onerror]').count(), 0);
  const [dl] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: 'Download agreement as text' }).click()]);
  markdown = readFileSync(await dl.path(), 'utf8');
  assert.match(markdown, /^# /m);
  await article.scrollIntoViewIfNeeded();
  await shot('31-agreement-1280', false);
  await page.emulateMedia({ media: 'print' });
  try {
    assert.ok(await article.isVisible(), 'the agreement is not printed');
    const hidden = { tabs: page.locator('#tab-plan'), 'print button': panel().getByRole('button', { name: 'Print or save as PDF', includeHidden: true }),
      form: panel().locator('form.editor'), 'signed copy': panel().locator('#signed-copy'), heading: page.locator('h1').first() };
    for (const [what, el] of Object.entries(hidden)) assert.equal(await el.isVisible(), false, `printed: the ${what}`);
    const box = await article.boundingBox();
    assert.ok(box && box.x < 20 && box.y < 40, `the printed agreement does not start at the top left: ${JSON.stringify(box)}`);
    await shot('32-agreement-print');
  } finally { await page.emulateMedia({ media: 'screen' }); }
  assert.deepEqual(errors, []);
});

test('check a signed copy: a matching one and a tampered one', async () => {
  assert.ok(markdown, 'no downloaded agreement');
  const copy = panel().locator('#signed-copy');
  await copy.fill(markdown);
  await panel().getByRole('button', { name: 'Check the copy' }).click();
  const verdict = panel().locator('.verify .verdict');
  await verdict.waitFor({ timeout: 60000 });
  assert.match(await verdict.innerText(), /This copy matches the plan/);
  // a changed notice period: the fingerprint still matches, the text does not
  const tampered = markdown.replace(/(\d+) days/, (_, d) => `${Number(d) + 1} days`);
  assert.notEqual(tampered, markdown);
  await copy.fill(tampered);
  await panel().getByRole('button', { name: 'Check the copy' }).click();
  await verdict.filter({ hasText: /does not match/ }).waitFor({ timeout: 60000 });
  const out = await panel().locator('.verify').innerText();
  assert.match(out, /The first change is on line \d+:/);
  assert.match(out, /The copy reads\s+.*\b(\d+) days/);
  assert.doesNotMatch(out, /\*\*/, 'Markdown marks on screen');
  await panel().locator('.verify-view').scrollIntoViewIfNeeded();
  await shot('33-verify-1280', false);
  await axe('verify');
  // a copy of another plan, picked as a file
  await page.evaluate(() => { window.__app.ws.plan.name = 'Another plan'; window.__app.changed('plan'); });
  await panel().locator('#signed-file').setInputFiles({ name: 'signed.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  await panel().locator('.verify').filter({ hasText: /drafted from another plan/ }).waitFor({ timeout: 60000 });
  assert.match(await verdict.innerText(), /does not match/);
  assert.deepEqual(errors, []);
});

test('actuals from a CSV file with one bad row: the row is named', async () => {
  const csv = 'month,bookings,revenue,pipeline\n1,0,0,450000\n2,120000,10000,abc\n3,260000,31000,480000\n';
  await panel().locator('#actuals-file').setInputFiles({ name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const rows = panel().locator('.audit .bad-rows li');
  await rows.first().waitFor({ timeout: 60000 });
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /line 3, column “pipeline”: “abc” is not an amount/);
  assert.equal(await panel().locator('#actuals').inputValue(), csv, 'the file is shown in the text box');
  assert.deepEqual(errors, []);
});

test('phone width: terms, agreement and check fit without sideways scrolling', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `the plan screen is ${over}px wider than the phone screen`);
  await panel().locator('fieldset.terms').first().scrollIntoViewIfNeeded();
  await shot('34-terms-390', false);
  await panel().locator('article.agreement').scrollIntoViewIfNeeded();
  await shot('35-agreement-390', false);
  await panel().locator('.verify-view').scrollIntoViewIfNeeded();
  await shot('36-verify-390', false);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});
