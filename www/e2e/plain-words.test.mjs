// Every screen in a partner manager's words, after its main actions: no data key in camelCase
// ("maxTeamSize"), no raw decimal ("0.8123"), no partner id ("p000034") and no engine words
// (null, NaN, undefined, "[object …]", spec sections) anywhere in the text a screen shows —
// its tables, charts' texts, choices and messages. Each screen's own test checks its wording
// in detail; this one sweeps them all with the same rules, so that a new view cannot slip by.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openReady } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

/** Three months of actuals as a German spreadsheet writes them (the audit's input). */
const ACTUALS = 'Month;Bookings;Revenue;Pipeline\n1;0;0,00;450.000,00\n2;120.000,00;10.000,00;520.000\n3;260.000;31.000,50;480.000\n';

const RULES = [
  [/\b[a-z]{2,}(?:[A-Z][a-z\d]*)+\b/g, 'a data key'],
  [/\d\.\d{3,}(?![\d,])/g, 'a raw decimal'], // (1.234,50 is a number written the German way)
  [/\bp\d{6}\b/g, 'a partner id'],
  [/SPEC|§|\bnull\b|\bundefined\b|\bNaN\b|\[object|\bInfinity\b/g, 'engine wording'],
];

/** What breaks the rules in `text`, one line per finding with a little of its context. */
export function findings(text) {
  const out = [];
  for (const [re, what] of RULES) {
    for (const m of text.matchAll(re)) out.push(`${what}: “${m[0]}” in “…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}…”`);
  }
  return out;
}

/** The text a screen shows: its inner text plus its charts' texts and its fields' placeholders. */
async function shown(tab) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  return page.locator('[role="tabpanel"]:not([hidden])').evaluate((p) => [p.innerText,
    ...[...p.querySelectorAll('svg text, [placeholder], [aria-label], [title]')].map((e) => e.getAttribute('placeholder') ?? e.getAttribute('aria-label') ?? e.getAttribute('title') ?? e.textContent)].join('\n'));
}

/** Findings per screen: `${tab} (at first)` as the page opens, `${tab}` after its main actions. */
const seen = {};
async function sweep(tab, when = '') { seen[`${tab}${when}`] = findings(await shown(tab)); }

test('words: every screen before and after its main actions', async () => {
  for (const tab of ['Partners', 'Profiles', 'Deal & Teams', 'Splits', 'Plan', 'Insights', 'Accounts', 'Registration']) await sweep(tab, ' (at first)');

  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.getByRole('button', { name: /^Use this team/ }).first().click({ timeout: 60000 });
  await sweep('Deal & Teams');

  await page.getByRole('tab', { name: 'Splits' }).click();
  await page.getByRole('button', { name: 'Compare splits' }).click();
  await page.getByRole('table', { name: /Amount per partner and rule/ }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Compare attribution models' }).click();
  await page.getByRole('table', { name: 'Attribution by model' }).waitFor({ timeout: 60000 });
  await sweep('Splits');

  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('500');
  await page.locator('#panel-plan').getByRole('button', { name: 'Simulate', exact: true }).click();
  await page.locator('#panel-plan figure.chart').first().waitFor({ timeout: 120000 });
  await page.locator('#panel-plan').getByRole('button', { name: 'Check the agreement' }).click();
  await page.locator('#panel-plan .findings').waitFor({ timeout: 60000 });
  await page.locator('#panel-plan').getByRole('button', { name: 'Draft agreement' }).click();
  await page.locator('#panel-plan .agreement-box').filter({ hasText: /./ }).waitFor({ timeout: 60000 });
  await page.locator('#actuals-file').setInputFiles({ name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from(ACTUALS) });
  await page.locator('#panel-plan .audit-objectives').waitFor({ timeout: 60000 });
  await sweep('Plan');

  await page.getByRole('tab', { name: 'Insights' }).click();
  await page.getByRole('button', { name: 'Try a made-up example history' }).click();
  await page.getByRole('button', { name: 'Train the win model' }).click();
  await page.getByRole('button', { name: 'Estimate the chance to win' }).click({ timeout: 60000 });
  await page.locator('#panel-insights .chance').filter({ hasText: /%/ }).waitFor({ timeout: 60000 });
  await sweep('Insights');

  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Try two made-up lists' }).click();
  await page.locator('#panel-accounts figure.chart').first().waitFor({ timeout: 60000 });
  await sweep('Accounts');

  await page.getByRole('tab', { name: 'Registration' }).click();
  const reg = page.locator('#panel-registration');
  const [first, second] = await page.evaluate(() => window.__app.eco.partners.slice(0, 2).map((p) => p.name));
  for (const [partner, customer] of [[first, 'Acme Corporation'], [second, 'ACME']]) {
    await reg.getByLabel('Partner', { exact: true }).fill(partner);
    await reg.getByLabel('Customer', { exact: true }).fill(customer);
    await reg.getByLabel('Deal value (optional)').fill('250,000');
    await (customer === 'ACME' ? reg.locator('.reg-feedback .conflict') : reg.locator('.reg-feedback').getByText(/No conflict/)).waitFor({ timeout: 10000 });
    await sweep('Registration', customer === 'ACME' ? ' (a conflict)' : ' (no conflict)');
    await reg.getByRole('button', { name: 'Register the deal' }).click();
  }
  await reg.getByRole('table', { name: 'Deal registrations' }).waitFor();
  await sweep('Registration');

  // each kind of finding once per screen (the first three), so a whole column of ids reads as one line
  const firsts = (found) => {
    const kinds = new Map();
    for (const f of found) kinds.set(f.split(':')[0], [...(kinds.get(f.split(':')[0]) ?? []), f]);
    return [...kinds.values()].flatMap((fs) => fs.slice(0, 3).concat(fs.length > 3 ? [`… and ${fs.length - 3} more`] : []));
  };
  const all = Object.entries(seen)
    .flatMap(([tab, found]) => firsts(found).map((f) => `${tab}: ${f}`));
  assert.deepEqual(all, []);
  assert.deepEqual(errors, []);
});
