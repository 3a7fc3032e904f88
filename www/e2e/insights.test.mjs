// The Insights screen in a real browser: a CRM export (";", decimal commas, a row that cannot
// be read) becomes a deal history with every left-out row named; the insights are in words
// and the reader's money format; the win model says plainly when it has no skill, and with
// the made-up example it estimates a team's chance to win — also on the team cards. The
// history and the model survive a reload; phone width needs no sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openPage, shots } from './browser.mjs';

const www = new URL('..', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, page, errors, close;

before(async () => {
  ({ server, page, errors, close } = await openPage({ locale: 'en-US', acceptDownloads: true }));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
});

after(async () => { await close?.(); });

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const panel = () => page.locator('#panel-insights');

async function axe(label) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`), [], `axe violations on ${label}`);
}

/** A Salesforce-style opportunity report: ";" between fields, decimal commas, day-first dates. */
function salesforceCsv(first) {
  const rows = ['Opportunity ID;Stage;Amount;Close Date;Age;Partner Account;Next Step'];
  for (let i = 1; i <= 30; i++) {
    const partners = i % 3 === 0 ? '' : i % 3 === 1 ? first : `${first}|p000002`;
    rows.push(`006-${i};${i % 2 ? 'Closed Won' : 'Closed Lost'};${(i * 10000).toLocaleString('de-DE')},50;${String((i % 28) + 1).padStart(2, '0')}.03.2025;${30 + i};${partners};call`);
  }
  rows.push('006-31;Closed Won;zwölf;01.04.2025;10;;call');
  return rows.join('\n');
}

test('insights: a file that is no deal history says what to change in it, in words', async () => {
  await page.getByRole('tab', { name: 'Insights' }).click();
  // before any history, the disabled Train button is explained
  assert.equal(await panel().getByRole('button', { name: 'Train the win model' }).isDisabled(), true);
  await panel().getByText('Import a deal history above, or try the made-up example, to train the model.').waitFor();
  const read = panel().locator('.history-read');
  await page.locator('#history-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('foo;bar\n1;2\n') });
  await read.getByText('No deal could be read from bad.csv.').waitFor();
  const said = await read.innerText();
  assert.match(said, /Columns not used: foo, bar\.\s*What to change in the file\s*No column for the deal id: add a column named id/);
  assert.match(said, /No column for the close date: add a column named closedAt \(the date the deal closed/);
  assert.match(said, /No column for the sales cycle: add a column named cycleDays \(how many days the deal took to close/);
  // problems of the file are not rows: the file has one row
  assert.doesNotMatch(said, /rows? left out|CSV:|auto-detect|No column for (closedAt|cycleDays)/);
  await page.locator('#history-file').setInputFiles({ name: 'deals.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":') });
  await read.getByText('Could not read deals.json: This JSON file is not complete (it ends too early): export the deal history again, or import a CSV file.').waitFor();
  assert.deepEqual(errors, []);
});

test('insights: a CRM export is read, its bad row named, the results in words', async () => {
  await page.getByRole('tab', { name: 'Insights' }).click();
  // the export names a partner by its name (as CRMs do): the sample's first partner
  const first = await page.evaluate(() => window.__app.name('p000000'));
  await page.locator('#history-file').setInputFiles({ name: 'opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(salesforceCsv(first)) });
  const read = panel().locator('.history-read');
  await read.getByText('Read 30 closed deals from opportunities.csv.').waitFor();
  assert.match(await read.innerText(), /Columns not used: Next Step\./);
  assert.match(await read.innerText(), /1 row left out\s*Line 32: value: “zwölf” is not an amount/);
  const facts = panel().locator('.facts');
  await facts.waitFor();
  const text = await facts.innerText();
  // money in the reader's format with the currency, no raw decimals
  assert.match(text, /Partner-influenced revenue\s*€[\d,]+ of €[\d,]+ won \(\d+%\)/);
  assert.match(text, /Win rate\s*\d+% with partners, \d+% without/);
  assert.doesNotMatch(text, /\d\.\d{3,}/, 'a raw decimal on screen');
  assert.ok(await panel().getByRole('table', { name: 'Deals by number of partners' }).isVisible());
  // the partner named by its name in the export counts as that partner
  assert.match(await panel().getByRole('row', { name: /One partner/ }).innerText(), /One partner\s+10\b/);
  // every table can be downloaded as CSV, every chart as SVG
  const [csv] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: 'Download as CSV: Deals by number of partners' }).click()]);
  assert.equal(csv.suggestedFilename(), 'deals-by-number-of-partners.csv');
  const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
  assert.equal(rows[0], 'Deals,Count,Won,Win rate,Won revenue,Average won deal,Average cycle');
  assert.match(rows[2], /^One partner,10,/);
  const [svg] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: /^SVG: download the chart “Win rate/ }).click()]);
  assert.match(readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // 30 deals: the model says it has no skill, and why
  await panel().getByRole('button', { name: 'Train the win model' }).click();
  await panel().locator('.verdict').getByText(/The model has no skill yet: .*usual win rate of \d+%/).waitFor();
  await shot('20-insights-crm');
  await axe('insights');
  assert.deepEqual(errors, []);
});

test('win model: the example history has skill; a team gets its chance to win', async () => {
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.getByRole('heading', { name: /^Team 1: score/ }).waitFor({ timeout: 60000 });
  await page.getByRole('tab', { name: 'Insights' }).click();
  await panel().getByRole('button', { name: 'Try a made-up example history' }).click();
  await panel().getByText(/not real data/).waitFor();
  // the file box does not go on naming the bad file read before
  assert.equal(await panel().locator('#history-file').evaluate((e) => e.files.length), 0);
  await panel().getByRole('button', { name: 'Train the win model' }).click();
  await panel().locator('.verdict').getByText(/The model predicts better than guessing the usual win rate: it tells a won deal from a lost one \d+% of the time/).waitFor();
  assert.ok(await panel().getByRole('img', { name: /Predicted chance against the share actually won/ }).isVisible(), 'no calibration chart');
  // the screen's charts as readable as the plan's (Plot's own 10 px is small)
  const small = await page.evaluate(() => [...document.querySelectorAll('#panel-insights figure.chart svg text')]
    .filter((t) => t.getBoundingClientRect().width > 0 && parseFloat(getComputedStyle(t).fontSize) < 12).map((t) => t.textContent));
  assert.deepEqual(small, [], 'chart text under 12 px');
  assert.ok(await panel().getByRole('table', { name: 'Predicted against actual, on the most recent deals' }).isVisible());
  await panel().getByLabel('Team', { exact: true }).selectOption({ index: 0 });
  await panel().getByRole('button', { name: 'Estimate the chance to win' }).click();
  await panel().getByText(/^Chance to win: \d+%$/).waitFor();
  await shot('21-insights-model');
  await axe('win model');
  // a new search scores every team with the model
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.locator('#panel-teams .metrics').first().getByText(/chance to win \d+%/).waitFor({ timeout: 60000 });
  assert.deepEqual(errors, []);
});

test('insights: the history and the model are still there after a reload; phone width fits', async () => {
  await page.waitForTimeout(400); // autosave is debounced
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('tab', { name: 'Insights' }).click();
  await panel().getByText(/History: a made-up example history — 160 closed deals\./).waitFor();
  await panel().locator('.verdict').getByText(/predicts better/).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `Insights is ${over}px wider than the phone screen`);
  // the charts are drawn again for the phone's width (the screenshot shows them so, not the
  // desktop drawing shrunk)
  const charts = '#panel-insights figure.chart svg[width]';
  const drawn = (sel) => [...document.querySelectorAll(sel)].map((e) => Number(e.getAttribute('width')));
  const fit = (sel) => { const w = [...document.querySelectorAll(sel)].map((e) => Number(e.getAttribute('width'))); return w.length > 0 && w.every((x) => x <= 390); };
  await page.waitForFunction(fit, charts, { timeout: 5000 }).catch(() => {});
  const widths = await page.evaluate(drawn, charts);
  assert.ok(widths.length > 0 && widths.every((w) => w <= 390), `Insights' charts at 390 px are drawn ${widths.join(', ')} px wide`);
  await shot('22-insights-phone');
  assert.deepEqual(errors, []);
});
