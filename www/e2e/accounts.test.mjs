// The Accounts screen in a real browser: two partners' account lists (a Salesforce export
// with ";" and decimal commas and a bad row, a HubSpot export) are read with every left-out
// row named; the overlap shows in words and money, as a heat map and a table whose cells open
// the shared accounts and how each matched; "numbers only" hides them; the table downloads
// as CSV; a private match run on both sides in the browser finds the same companies. Hand-
// computed: Acme (same domain), Globex (same domain) and Initech (same name, no domains) are
// shared; Umbrella has two domains (a near miss). Screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, openReady, shots as SHOTS } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US', acceptDownloads: true })); });
after(async () => { await close?.(); });

const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const panel = () => page.locator('#panel-accounts');
/** The heat map's texts drawn smaller than 12 px. */
const smallText = () => panel().locator('figure.heat svg').evaluate((svg) => [...svg.querySelectorAll('text')]
  .filter((t) => t.getBoundingClientRect().width > 0 && parseFloat(getComputedStyle(t).fontSize) < 12).map((t) => t.textContent));
const axe = async (label) => assert.deepEqual(await axeViolations(page), [], `axe violations on ${label}`);

const SALESFORCE = ['Account ID;Account Name;Website;Type;Amount', '001-1;Acme Inc.;https://www.acme.com/about;Customer - Direct;', '002-2;Globex GmbH;globex.de;Opportunity;12.500,50',
  '003-3;Initech;;Prospect;', '004-4;Umbrella Corp;umbrella.com;Opportunity;30.000,00', '005-5;Hooli;hooli.com;Customer;', '006-6;Bad Row Ltd;bad.com;Opportunity;zwölf'].join('\n');
const HUBSPOT = ['Record ID,Company name,Company Domain Name,Lifecycle Stage,Recent Deal Amount', '11,ACME,acme.com,customer,', '12,Globex,globex.de,opportunity,7000',
  '13,INITECH LLC,,lead,', '14,Umbrella,umbrella.co.uk,customer,', '15,Stark,stark.com,customer,'].join('\n');

async function load(owner, name, csv) {
  await panel().locator('#accounts-owner').fill(owner);
  await panel().locator('#accounts-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

test('accounts: two CRM exports, the overlap in words, a heat map and its cells, CSV', async () => {
  await page.getByRole('tab', { name: 'Accounts' }).click();
  // the private match says what it needs before it can run
  const needs = panel().locator('.private-match').getByText(/^Load (two account lists|one more account list) above to match them here\.$/);
  assert.equal(await needs.count(), 1);
  assert.equal(await panel().locator('.account-lists').innerText(), 'None yet: choose a partner’s account list, or try two made-up lists.');
  await load('Northwind', 'northwind.csv', SALESFORCE);
  const read = panel().locator('.accounts-read');
  await read.getByText('Read 5 accounts of Northwind from northwind.csv (a Salesforce export).').waitFor();
  assert.match(await read.innerText(), /1 row left out\s*Line 7: value “zwölf” is not an amount/);
  await load('Contoso', 'contoso.csv', HUBSPOT);
  await read.getByText('Read 5 accounts of Contoso from contoso.csv (a HubSpot export).').waitFor();
  assert.equal(await needs.count(), 0, 'two lists are loaded: nothing more is needed');
  // the private match names the sharing levels as the map's choices do
  const levels = await panel().locator('label.choice strong').allInnerTexts();
  assert.deepEqual(await panel().locator('#psi-share-a option').allInnerTexts(), levels.slice(0, 2));
  assert.deepEqual(levels, ['Numbers only', 'Shared accounts', 'Everything']);
  assert.match(await panel().locator('.account-lists').innerText(), /Northwind — 5 accounts: 2 customers, 2 opportunities, 1 prospect/);

  const facts = panel().locator('.account-map .facts');
  await facts.waitFor();
  const text = await facts.innerText();
  assert.match(text, /Shared accounts\s*3 companies are on both lists/);
  // 12,500.50 (Northwind's Globex) + 7,000 (Contoso's Globex), in the reader's format
  assert.match(text, /Potential revenue\s*€19,501 in open opportunities/);
  assert.match(text, /New to Contoso\s*Northwind has 1 customer, 1 opportunity that Contoso does not have/);
  assert.match(text, /New to Northwind\s*Contoso has 2 customers that Northwind does not have/);
  await panel().getByRole('img', { name: 'Shared accounts of Northwind and Contoso by relationship (customer, prospect, …)' }).waitFor();

  // a cell opens its accounts and how each matched
  await panel().getByRole('button', { name: '1 shared: Northwind’s opportunities that are Contoso’s opportunities' }).click();
  const cell = panel().locator('.account-cell');
  await cell.getByRole('heading', { name: /Northwind’s opportunities that are Contoso’s opportunities: 1/ }).waitFor();
  // the heading shows at once ("Listing the accounts…"); the rows come from the worker
  await cell.locator('tbody tr').first().waitFor();
  assert.match(await cell.innerText(), /Globex GmbH\s+002-2\s+12\s+same web domain \(globex\.de\)/);
  await panel().getByRole('button', { name: '1 shared: Northwind’s prospects that are Contoso’s prospects' }).click();
  await cell.getByText(/same company name \(“initech”\)/).waitFor();
  // a click on the heat map's cell opens the same list
  await panel().locator('figure.heat svg rect').first().click();
  await cell.getByRole('heading', { name: /Northwind’s customers that are Contoso’s customers: 1/ }).waitFor();
  await cell.locator('tbody tr').first().waitFor();
  assert.match(await cell.innerText(), /Acme Inc\.\s+001-1\s+11\s+same web domain \(acme\.com\)/);

  await panel().getByText(/Near misses: 1 company with the same name/).click();
  assert.match(await panel().locator('.near-misses').innerText(), /“umbrella”: Northwind’s 004-4 \(umbrella\.com\) and Contoso’s 14 \(umbrella\.co\.uk\)/);
  const [csv] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: /^Download as CSV: Shared accounts of Northwind \(rows\)/ }).click()]);
  const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
  assert.equal(rows[0], 'Northwind \\ Contoso,customers,opportunities,prospects');
  assert.equal(rows[1], 'customers,1,0,0');
  await shot('30-accounts-map');
  assert.deepEqual(await smallText(), [], 'heat map text under 12 px');
  await axe('accounts');

  // everything: each side's accounts the other does not have, listed on demand (by hand:
  // Northwind's Umbrella and Hooli are not Contoso's; the bad row was left out)
  await panel().getByLabel(/^Everything/).check();
  await panel().getByRole('button', { name: 'List them: the accounts of Northwind that Contoso does not have' }).click();
  await cell.getByRole('heading', { name: 'Northwind’s accounts that Contoso does not have' }).waitFor();
  await cell.locator('tbody tr').first().waitFor();
  const only = await cell.locator('tbody').innerText();
  assert.match(only, /Umbrella Corp\s+004-4\s+opportunity/);
  assert.match(only, /Hooli\s+005-5\s+customer/);
  assert.equal(await cell.locator('tbody tr').count(), 2);
  await axe('accounts new to the other side');

  // numbers only: the counts stay, the accounts go
  await panel().getByLabel(/^Numbers only/).check();
  await panel().getByRole('button', { name: '1 shared: Northwind’s customers that are Contoso’s customers' }).waitFor();
  await panel().getByRole('button', { name: '1 shared: Northwind’s customers that are Contoso’s customers' }).click();
  await cell.getByText(/Numbers only: the accounts themselves are not shown/).waitFor();
  assert.doesNotMatch(await panel().locator('.account-map').innerText(), /Acme|globex\.de/);
  assert.deepEqual(errors, []);
});

test('accounts: a private match run on both sides finds the same three companies', async () => {
  await panel().locator('#psi-share-a').selectOption('overlaps');
  await panel().locator('#psi-share-b').selectOption('overlaps');
  await panel().getByRole('button', { name: 'Run the private match in this browser' }).click();
  await panel().locator('.psi-progress').getByText(/^Done in/).waitFor({ timeout: 60000 });
  const sides = panel().locator('.psi-side');
  const a = await sides.nth(0).innerText();
  const b = await sides.nth(1).innerText();
  assert.match(a, /What Northwind learns\s*Northwind and Contoso share 3 accounts \(Northwind has 5, Contoso 5\)/);
  assert.match(a, /Northwind’s customers that are Contoso’s customers: 1/);
  assert.match(a, /The shared accounts, as Northwind names them: Acme Inc\., Globex GmbH, Initech\./);
  assert.match(b, /Contoso and Northwind share 3 accounts/);
  assert.match(b, /The shared accounts, as Contoso names them: ACME, Globex, INITECH LLC\./);
  // the map finds the same three: nothing to explain
  assert.equal(await panel().locator('.psi-vs-map').count(), 0);
  // the message a real partner would paste can be downloaded
  await panel().getByText('What was sent between the two sides').click();
  const [msg] = await Promise.all([page.waitForEvent('download'), panel().locator('.psi-result details li').first().getByRole('button', { name: 'Download' }).click()]);
  const m = JSON.parse(readFileSync(await msg.path(), 'utf8'));
  assert.equal(m.step, 1);
  assert.doesNotMatch(JSON.stringify(m), /acme|globex|initech/i, 'a company name in the message');
  await shot('31-accounts-private-match');
  await axe('private match');

  // phone width: no sideways scrolling of the page
  await page.setViewportSize({ width: 390, height: 844 });
  await panel().getByRole('heading', { name: 'Private match' }).scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 392, `page is ${wide}px wide at 390px`);
  await shot('32-accounts-phone');
  assert.deepEqual(await smallText(), [], 'heat map text under 12 px at 390 px');
  assert.deepEqual(errors, []);
});

test('accounts: a third list — every pair summed in one sentence, the pairs counted', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const FABRIKAM = ['account,name,domain,status,value', 'f-1,Acme Corp,acme.com,customer,', 'f-2,Stark Industries,stark.com,prospect,', 'f-3,Wonka,wonka.com,customer,'].join('\n');
  await panel().locator('input[name="accounts-sharing"][value="overlaps"]').check();
  await load('Fabrikam', 'fabrikam.csv', FABRIKAM);
  // by hand: Northwind–Contoso 3 (Acme, Globex, Initech), Northwind–Fabrikam 1 (Acme), Contoso–Fabrikam 2 (Acme, Stark);
  // open opportunities only on Northwind–Contoso's Globex: 12,500.50 + 7,000
  const sentence = panel().locator('.account-map .map-summary');
  await sentence.waitFor();
  assert.match(await sentence.innerText(), /^3 pairs of partners share accounts — 6 shared accounts in all, €19,50\d(\.50)? in open opportunities on them\.$/);
  assert.match(await panel().locator('.account-map details.panel > summary').first().innerText(), /Every pair of partners \(3\)/);
  const options = await panel().locator('#account-pair option').allInnerTexts();
  assert.deepEqual(options, ['Northwind and Contoso — 3 shared', 'Contoso and Fabrikam — 2 shared', 'Northwind and Fabrikam — 1 shared']);
  await panel().locator('.account-map').screenshot({ path: join(SHOTS, '33-accounts-three-lists-1280.png') });
  await axe('three lists');
  await page.setViewportSize({ width: 390, height: 844 });
  await sentence.scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 392, `page is ${wide}px wide at 390px`);
  await panel().locator('.account-map').screenshot({ path: join(SHOTS, '34-accounts-three-lists-390.png') });
  // every pair of partners: one column for the pair, the new accounts named by partner; it fits at 1280 px, cards at 390 px
  await panel().locator('.account-map details.panel > summary').first().click();
  const pairs = panel().getByRole('table', { name: 'Account overlap per pair of partners' });
  await pairs.scrollIntoViewIfNeeded();
  const offScreen = () => pairs.evaluate((t) => [...t.querySelectorAll('tbody td, tbody th')].map((c) => c.getBoundingClientRect())
    .filter((r) => r.left < -1 || r.right > innerWidth + 1).length);
  assert.equal(await offScreen(), 0, 'pairs’ cells off-screen at 390 px');
  await panel().locator('.account-map details.panel').first().screenshot({ path: join(SHOTS, '35-accounts-pairs-390.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await pairs.locator('thead th').allInnerTexts(), ['Partners', 'Shared accounts', 'Potential revenue', 'New to each (accounts only the other has)']);
  assert.deepEqual((await pairs.locator('tbody tr').first().locator('th, td').allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim()),
    ['Northwind and Contoso', '3', '€19,501', '2 new to Contoso 2 new to Northwind']);
  const box = await pairs.evaluate((t) => ({ scroll: t.parentElement.scrollWidth, client: t.parentElement.clientWidth }));
  assert.ok(box.scroll <= box.client + 1, `the pairs are ${box.scroll} px in a ${box.client} px box at 1280 px`);
  // the download keeps every column: both partners, the new accounts each way and the shared accounts by relationship
  const [file] = await Promise.all([page.waitForEvent('download'), panel().getByRole('button', { name: 'Download as CSV: Account overlap per pair of partners' }).click()]);
  const lines = readFileSync(await file.path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^Partner,Other partner,Shared accounts,Potential revenue,New to the other partner .*,New to the first partner .*,Shared: first’s customers × other’s customers/);
  assert.match(lines[1], /^Northwind,Contoso,3,/);
  assert.deepEqual(errors, []);
});

test('accounts: a cell and a side’s new accounts show their first 500, and their files hold all', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Alpha: 600 customers Beta has too (same domains) and 600 of its own; Beta: the 600 and 100 of its own
  const rows = (prefix, from, to) => Array.from({ length: to - from }, (_, i) => `${prefix}-${from + i},Company ${from + i},c${from + i}.example,customer,`);
  const ALPHA = ['account,name,domain,status,value', ...rows('a', 0, 600), ...rows('a', 1000, 1600)].join('\n');
  const BETA = ['account,name,domain,status,value', ...rows('b', 0, 600), ...rows('b', 2000, 2100)].join('\n');
  await load('Alpha', 'alpha.csv', ALPHA);
  await load('Beta', 'beta.csv', BETA);
  await panel().locator('#account-pair option', { hasText: 'Alpha and Beta — 600 shared' }).waitFor({ state: 'attached' });
  assert.equal(await panel().locator('#account-pair').inputValue(), '0');

  await panel().getByRole('button', { name: '600 shared: Alpha’s customers that are Beta’s customers' }).click();
  const cell = panel().locator('.account-cell');
  await cell.getByText('The first 500 of 600 shared accounts in this cell. Download as CSV gives all of them.').waitFor();
  assert.equal(await cell.locator('tbody tr').count(), 500);
  const [csv] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Download as CSV: Shared accounts: Alpha’s customers, Beta’s customers' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  assert.equal(lines.length, 602, 'a header, 600 accounts and the last line end');
  assert.equal(lines[0], 'Company (Alpha’s name),Alpha’s account,Beta’s account,How they matched');
  assert.ok(lines.includes('Company 599,a-599,b-599,same web domain (c599.example)'));
  assert.equal(await cell.getByRole('button', { name: /^Download as CSV/ }).count(), 1, 'one download: the whole list');
  await axe('a cell of 600');

  await panel().getByLabel(/^Everything/).check();
  await panel().getByRole('button', { name: 'List them: the accounts of Alpha that Beta does not have' }).click();
  await cell.getByText('The first 500 of 600 accounts. Download as CSV gives all of them.').waitFor();
  const [mine] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Download as CSV: Alpha’s accounts that Beta does not have' }).click()]);
  const only = readFileSync(await mine.path(), 'utf8').split('\r\n');
  assert.equal(only[0], 'Company,Alpha’s account,Relationship');
  assert.deepEqual(only.slice(1, -1).map((l) => l.split(',')[1]).sort(), Array.from({ length: 600 }, (_, i) => `a-${1000 + i}`).sort());
  assert.ok(only.includes('Company 1599,a-1599,customer'));
  await panel().locator('.account-cell').screenshot({ path: join(SHOTS, '35-accounts-new-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel().locator('.account-cell').screenshot({ path: join(SHOTS, '36-accounts-new-390.png') });
  assert.deepEqual(errors, []);
});

test('accounts: a problem of the whole file says what to change in it, and is no row left out', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await load('Fabrikam', 'fabrikam.csv', 'Foo;Bar\n1;2\n3;4\n');
  const read = panel().locator('.accounts-read');
  await read.getByText('No accounts read from fabrikam.csv.').waitFor();
  const text = await read.innerText();
  assert.match(text, /What to change in the file\s*No column holds the account or company name: under “What each column means”, choose which column is the account id or the company name\./);
  assert.doesNotMatch(text, /rows? left out/, 'the file’s problem counted as a row');
  assert.ok(await read.locator('details', { hasText: 'What each column means' }).evaluate((d) => d.open), 'the columns to choose from are shown');
  assert.deepEqual(errors, []);
});
