// The private match on lists large enough to take a while: each step's coding is spread over
// the engine's pool of workers, the step shows how much of it is done, Stop cancels it (the
// pool's work ends, nothing is shown as learnt) and a new run then finishes with the plain
// intersection's counts. Generated lists: 6,000 accounts each, 3,000 shared (every second one
// by web domain, the others by name), populations in turn customer / prospect / opportunity.
// Screenshots at 1280 and 390 px (SHOTS, else test-results/www).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openReady, shots as SHOTS } from './browser.mjs';

const N = 6000;
const POPS = ['customer', 'prospect', 'opportunity'];

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-accounts');

/** N accounts from `offset`: the same company has the same name and domain on both lists. */
function list(offset) {
  const rows = ['account,name,domain,status'];
  for (let i = 0; i < N; i++) {
    const k = i + offset;
    rows.push(`${k},Company ${k} Inc,${k % 2 ? '' : `company${k}.example`},${POPS[k % 3]}`);
  }
  return rows.join('\n');
}

async function load(owner, name, csv) {
  await panel().locator('#accounts-owner').fill(owner);
  await panel().locator('#accounts-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel().locator('.accounts-read').getByText(`Read ${N.toLocaleString('en-US')} accounts of ${owner}`).waitFor({ timeout: 60000 });
}

test('private match: progress per step, Stop cancels, a new run finds the plain intersection', async () => {
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await load('Northwind', 'northwind.csv', list(0));
  await load('Contoso', 'contoso.csv', list(N / 2));
  const run = panel().getByRole('button', { name: 'Run the private match in this browser' });
  const stop = panel().getByRole('button', { name: 'Stop' });
  const progress = panel().locator('.psi-progress');

  await run.click();
  await progress.getByText(/^Step 1 of 4: Northwind codes its 6,000 accounts…/).waitFor();
  assert.ok(await run.isDisabled(), 'Run is disabled while the match runs');
  // a share of the step's coding shows before the step ends
  await progress.getByText(/^Step [12] of 4: .*… \d+%$/).waitFor({ timeout: 60000 });
  await page.screenshot({ path: `${SHOTS}/psi-running-1280.png`, fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await stop.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/psi-running-390.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await stop.click();
  await progress.getByText('Stopped: nothing was compared. Run it again when you are ready.').waitFor({ timeout: 30000 });
  assert.equal(await panel().locator('.psi-side').count(), 0);
  assert.ok(await stop.isHidden(), 'Stop is hidden once stopped');
  assert.ok(!(await run.isDisabled()), 'Run is enabled again');

  await run.click();
  await progress.getByText(/^Done in/).waitFor({ timeout: 180000 });
  const a = await panel().locator('.psi-side').nth(0).innerText();
  const b = await panel().locator('.psi-side').nth(1).innerText();
  assert.match(a, /Northwind and Contoso share 3,000 accounts \(Northwind has 6,000, Contoso 6,000\)/);
  // shared: companies 3000..5999, a third in each population, the same on both sides
  assert.match(a, /Northwind’s customers that are Contoso’s customers: 1,000/);
  assert.match(a, /Northwind’s prospects that are Contoso’s prospects: 1,000/);
  assert.match(a, /Northwind’s opportunities that are Contoso’s opportunities: 1,000/);
  assert.equal((a.match(/: \d/g) ?? []).length, 3, 'no other population pair');
  assert.match(b, /Contoso and Northwind share 3,000 accounts/);
  assert.ok(await stop.isHidden());
  assert.deepEqual(await axeViolations(page), [], 'axe violations on the private match');
  await panel().locator('.private-match').screenshot({ path: `${SHOTS}/psi-1280.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await panel().getByRole('heading', { name: 'Private match' }).scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 392, `page is ${wide}px wide at 390px`);
  await panel().locator('.private-match').screenshot({ path: `${SHOTS}/psi-390.png` });
  assert.deepEqual(errors, []);
});
