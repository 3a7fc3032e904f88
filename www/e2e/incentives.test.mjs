// The Incentives panel of the plan in a real browser: incentives added to the plan read as a
// schedule in words ("40% for the first 3 months, then 20% …"), a step is edited, the plan is
// simulated and each rewarded partner's payouts show as a fan chart per month and a ledger per
// month (earned, paid, held, clawed back, balance, marketing fund cash) in the plan's currency,
// downloadable as CSV; an overlapping step is refused next to its field in words, with nothing
// simulated. Axe-clean; screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReady, axeViolations, shots } from './browser.mjs';

let page, errors, close;

before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-plan');
const step = (j, f) => panel().locator(`[data-path="plan.incentives.rates[0].schedule[${j}].${f}"]`);

test('incentives: a schedule in words, simulated payouts as a fan and a ledger, CSV', async (t) => {
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('500');
  const add = panel().getByRole('button', { name: 'Add incentives' });
  await add.waitFor({ timeout: 30000 });
  await add.click();
  const words = panel().locator('.incentives .schedule-words').first();
  assert.match(await words.innerText(), / earns 40% of each customer’s revenue for the first 3 months, then 20% from month 4 on\./);
  // the second step pays 25% instead of 20%, the first lasts 2 months
  await step(1, 'percent').fill('25');
  await step(0, 'toMonth').fill('2');
  await step(1, 'fromMonth').fill('3');
  assert.match(await words.innerText(), / earns 40% of each customer’s revenue for the first 2 months, then 25% from month 3 on\./);
  // a shared marketing fund with one request
  await panel().getByRole('button', { name: 'Add a shared pool' }).click();
  await panel().getByRole('button', { name: 'Add a request' }).click();
  await panel().locator('[data-path="plan.incentives.mdf.requests[0].month"]').fill('3');
  const plan = JSON.parse(await panel().locator('#plan-json').inputValue());
  assert.equal(plan.incentives.mdf.requests[0].month, 3);
  assert.deepEqual(plan.incentives.rates[0].schedule, [{ fromMonth: 1, toMonth: 2, percent: 40 }, { fromMonth: 3, percent: 25 }]);
  await panel().getByRole('button', { name: 'Simulate', exact: true }).click();
  const payouts = panel().locator('.payouts');
  await payouts.or(panel().locator('.form-error:not(:empty)')).first().waitFor({ timeout: 120000 });
  if (!await payouts.isVisible()) { t.skip(`the engine refused: ${await panel().locator('.form-error').innerText()}`); return; }
  const who = await payouts.getByLabel('Partner', { exact: true }).locator('option:checked').innerText();
  assert.doesNotMatch(who, /^p\d|^[a-z0-9-]+$/, 'a partner name, not an id');
  assert.ok(await payouts.locator('figure.payout-fan svg').isVisible(), 'no payout fan chart');
  assert.ok(await payouts.locator('figure.payout-fan svg path').count() >= 2, 'band and median line');
  assert.match(await payouts.locator('figure.payout-fan figcaption').innerText(), new RegExp(`^${who}: paid out per month`));
  const ledger = payouts.getByRole('table', { name: new RegExp(`Payout ledger of ${who} per month`) });
  const head = await ledger.locator('thead th').allInnerTexts();
  assert.deepEqual(head, ['Month', 'Earned', 'Paid out', 'Held', 'Clawed back', 'Balance', 'MDF cash']);
  assert.equal(await ledger.locator('tbody tr').count(), plan.horizonMonths);
  const total = await ledger.locator('tfoot tr').innerText();
  assert.match(total, /^Whole plan\s+[^\d\s-]{1,3}[\d,]+/, 'the totals in the currency’s format');
  // earned = paid + held + clawed back + balance for the totals, as shown (whole units: within rounding)
  const [earned, paid, held, clawed, balance] = (await ledger.locator('tfoot td').allInnerTexts()).map((x) => Number(x.replace(/[^\d.-]/g, '')));
  assert.ok(Math.abs(earned - (paid + held + clawed + balance)) <= 3, `ledger does not add up: ${earned} vs ${paid}+${held}+${clawed}+${balance}`);
  assert.ok(earned > 0, 'nothing earned');
  const perPartner = await panel().locator('.sim table').first().innerText();
  assert.doesNotMatch(perPartner, /\{|"mean"|payouts/, 'the payouts as raw data in the per-partner table');
  await payouts.getByLabel('Show', { exact: true }).selectOption('earned');
  assert.match(await payouts.locator('figure.payout-fan figcaption').innerText(), /earned per month/);
  const [csv] = await Promise.all([page.waitForEvent('download'), payouts.getByRole('button', { name: /^Download as CSV: Payout ledger of/ }).click()]);
  const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
  assert.equal(rows[0], 'Month,Earned,Paid out,Held,Clawed back,Balance,MDF cash');
  assert.match(rows[1], /^1,/);
  assert.match(rows[plan.horizonMonths + 1], /^Whole plan,/);
  assert.doesNotMatch(await payouts.innerText(), /p5|p95|clawedBack|mdfCash|SPEC|§/, 'engine wording on screen');
  await payouts.screenshot({ path: join(shots, '40-incentives-payouts-1280.png') });
  await panel().locator('.incentives').screenshot({ path: join(shots, '41-incentives-panel-1280.png') });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('incentives: an overlapping step is refused next to its field, nothing simulated', async () => {
  await step(1, 'fromMonth').fill('2');
  await panel().getByRole('button', { name: 'Simulate', exact: true }).click();
  await panel().locator('[aria-invalid="true"]').first().waitFor({ timeout: 60000 });
  assert.equal(await step(1, 'fromMonth').getAttribute('aria-invalid'), 'true');
  const id = await step(1, 'fromMonth').getAttribute('id');
  const msg = await panel().locator(`#${id}-err`).innerText();
  assert.equal(msg, 'This step starts in month 2, but the step above runs to month 2: start it in month 3 or later (steps follow each other without overlap).');
  assert.match(await panel().locator('.progress-text').innerText(), /Failed: see the message next to the field/);
  assert.ok(await panel().locator('.sim .stale').isVisible(), 'the earlier simulation is not marked out of date');
  await page.setViewportSize({ width: 390, height: 844 });
  await panel().locator('.incentives').screenshot({ path: join(shots, '42-incentives-error-390.png') });
  await panel().locator('.payouts').screenshot({ path: join(shots, '43-incentives-payouts-390.png') });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 392, `the page scrolls sideways at 390 px (${wide} px)`);
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});

test('incentives: the audit shows each rewarded partner’s payouts, expected and on the actual customers', async () => {
  await step(1, 'fromMonth').fill('3');
  const csv = 'month,bookings,revenue,customer:Northwind,customer:Contoso\n1,120000.00,1000.00,1000.00,\n2,0,1500.00,1000.00,500.00\n3,0,1500.00,1000.00,500.00\n4,0,500.00,churn,500.00\n';
  await panel().locator('#actuals').fill(csv);
  await panel().getByRole('button', { name: 'Audit against actuals' }).click();
  const table = panel().getByRole('table', { name: /Each rewarded partner’s payouts so far/ });
  await table.or(panel().locator('.audit .bad')).first().waitFor({ timeout: 120000 });
  assert.ok(await table.isVisible(), await panel().locator('.audit').innerText());
  const head = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(head, ['Partner', 'Figures', 'Earned', 'Paid out', 'Held', 'Clawed back', 'Balance']);
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.match(rows[0], /^Bright Logic 1\s+Expected by month 4\s+€/);
  assert.match(rows[1], /^Actual\s+€/);
  // by hand (40% in a customer's months 1–2, 25% from its month 3; held 1 month; minimum €250; clawback 3 months):
  // earned: Northwind 400 + 400 + 250, Contoso 200 + 200 + 125 = 1,575; paid 400 (month 2) + 600 (month 3) = 1,000;
  // Northwind churns in month 4: its 1,050 clawed back against month 4's payable 450 → balance −600; Contoso's 125 held
  assert.match(rows[1], /^Actual\s+€1,575\s+€1,000\s+€125\s+€1,050\s+-€600$/);
  assert.doesNotMatch(await table.innerText(), /p\d|partnerId|clawedBack|NaN|undefined/, 'engine wording in the payouts table');
  await table.screenshot({ path: join(shots, '44-incentives-audit-1280.png') });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

test('incentives: a clawback window longer than the customer’s term is a recommendation in words, next to its field', async () => {
  const clawback = panel().locator('[data-path="plan.incentives.clawbackMonths"]');
  await clawback.fill('18');
  await panel().getByRole('button', { name: 'Check the agreement' }).click();
  const id = await clawback.getAttribute('id');
  const said = panel().locator(`#${id}-err`);
  await said.filter({ hasText: /clawback/i }).waitFor({ timeout: 120000 });
  assert.equal(await said.innerText(), 'The clawback window (18 months) is longer than a customer’s term (12 months): shorten it to 12 months or less.');
  const item = panel().locator('.finding-list li', { hasText: 'clawback window' });
  assert.match(await item.innerText(), /^Recommended: The clawback window \(18 months\)/);
  assert.doesNotMatch(await panel().locator('.finding-list').innerText(), /clawbackMonths|termMonths|incentives\./, 'engine field names in the findings');
  assert.deepEqual(errors, []);
});
