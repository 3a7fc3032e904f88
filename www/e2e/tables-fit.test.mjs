// Result tables that fit the screen: at 390 px (a phone) the tables of Splits, Plan (its audit's
// payouts one card per partner), Insights and Accounts become one card per row, every cell on screen and headed by its column's name (not a
// box to scroll sideways, its right-hand columns off-screen); at 1280 px the amounts per rule and
// every pair of partners fit their box. The Splits share chart's partner names never run together
// (at 390 px one row of bars per partner, its name on the left), its text 12 px or more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US', viewport: { width: 1280, height: 900 } })); });
after(async () => { await close?.(); });

/** The cells of the tables matched by `sel` (shown ones) that reach past either edge of the window. */
const offScreen = (sel) => page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((t) => [...t.querySelectorAll(':scope > tbody > tr > *')])
  .filter((c) => c.getClientRects().length).map((c) => ({ text: c.textContent.trim().slice(0, 40), r: c.getBoundingClientRect() }))
  .filter(({ r }) => r.left < -1 || r.right > innerWidth + 1).map(({ text, r }) => `“${text}” at ${Math.round(r.left)}–${Math.round(r.right)} px`), sel);
/** Each data cell's text before its value on a phone (the ::before of its `data-label`). */
const unlabelled = (sel) => page.evaluate((sel) => [...document.querySelectorAll(`${sel} > tbody > tr > td`)]
  .filter((c) => c.getClientRects().length && !/\S/.test(getComputedStyle(c, '::before').content.replace(/^none$|"/g, ''))).map((c) => c.textContent.trim().slice(0, 40)), sel);
/** Whether the box around the table sized to its content (no sideways scrolling, nothing cut). */
const boxFits = (table) => table.evaluate((t) => { const b = t.closest('.table-scroll') ?? t; return { scroll: b.scrollWidth, client: b.clientWidth }; });
const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const chartTexts = (fig) => fig.evaluate((f) => [...f.querySelectorAll('svg[role="img"] text, svg text')].filter((t) => t.textContent.trim() && t.getClientRects().length)
  .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height, size: parseFloat(getComputedStyle(t).fontSize) }; }));

test('Splits: the amounts per rule fit at 1280 px and are cards at 390 px; the share chart’s names never run together', async (t) => {
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.locator('#panel-teams .progress-text').filter({ hasText: /Done|limit/ }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Use this team for splits and plan' }).first().click();
  await page.getByRole('tab', { name: 'Splits' }).click();
  const panel = page.locator('#panel-splits');
  await panel.getByRole('button', { name: 'Compare splits' }).click();
  const amounts = panel.getByRole('table', { name: /Amount per partner and rule/ });
  await amounts.or(panel.getByText(/not available in this build/i)).first().waitFor({ timeout: 60000 });
  if (!await amounts.isVisible()) { t.skip('splitting is not in this engine build'); return; }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(400); // the chart is drawn again at its new width
    const fit = await boxFits(amounts);
    assert.ok(fit.scroll <= fit.client + 1, `${width} px: the amounts are ${fit.scroll} px in a ${fit.client} px box`);
    assert.deepEqual(await offScreen('#panel-splits table.split-table'), [], `${width} px: amounts off-screen`);
    const fig = panel.locator('figure.chart').first();
    await fig.scrollIntoViewIfNeeded();
    await fig.screenshot({ path: join(shots, `tables-fit-splits-chart-${width}.png`) });
    const texts = await chartTexts(fig);
    assert.ok(texts.length > 4, `${width} px: ${texts.length} texts in the chart`);
    for (const x of texts) assert.ok(x.size >= 12, `${width} px: “${x.text}” is ${x.size} px`);
    const legend = await fig.evaluate((f) => [...f.querySelectorAll('[class*="-swatch"]')].filter((e) => e.textContent.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert.ok(legend.length && legend.every((px) => px >= 12), `${width} px: the legend’s text is ${legend.join(', ')} px`);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) assert.ok(!overlap(texts[i], texts[j]), `${width} px: “${texts[i].text}” runs into “${texts[j].text}”`);
    }
  }
  assert.deepEqual(await unlabelled('#panel-splits table.split-table'), []);
  await amounts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'tables-fit-splits-390.png') });
  assert.deepEqual(errors, []);
});

test('Plan at 390 px: each partner’s typical future is a card, return on investment and payback on screen', async (t) => {
  await page.setViewportSize({ width: 390, height: 900 });
  const plan = page.locator('#panel-plan');
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('500');
  await plan.getByRole('button', { name: 'Simulate', exact: true }).click();
  const table = plan.getByRole('table', { name: /Per partner: the typical future/ });
  await table.or(plan.locator('.form-error:not(:empty)')).first().waitFor({ timeout: 120000 });
  if (!await table.isVisible()) { t.skip('the engine refused the plan'); return; }
  assert.deepEqual(await offScreen('#panel-plan table.stats'), []);
  assert.deepEqual(await unlabelled('#panel-plan table.stats'), []);
  for (const col of ['Return on investment', 'Payback (months)']) assert.ok(await table.locator(`td[data-label="${col}"]`).count() >= 2, `no cell headed “${col}”`);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'tables-fit-plan-390.png') });
  assert.deepEqual(errors, []);
});

test('Plan audit at 390 px: each rewarded partner’s payouts are a card, every amount on screen and headed by its column', async (t) => {
  await page.setViewportSize({ width: 390, height: 900 });
  const plan = page.locator('#panel-plan');
  await plan.getByRole('button', { name: 'Add incentives' }).click();
  await plan.locator('#actuals').fill('month,bookings,revenue,customer:Northwind,customer:Contoso\n1,120000.00,1000.00,1000.00,\n2,0,1500.00,1000.00,500.00\n3,0,1500.00,1000.00,500.00\n4,0,500.00,churn,500.00\n');
  await plan.getByRole('button', { name: 'Audit against actuals' }).click();
  const table = plan.getByRole('table', { name: /Each rewarded partner’s payouts so far/ });
  await table.or(plan.locator('.audit .bad')).first().waitFor({ timeout: 120000 });
  if (!await table.isVisible()) { t.skip(`the engine refused the audit: ${await plan.locator('.audit').innerText()}`); return; }
  const fit = await boxFits(table);
  assert.ok(fit.scroll <= fit.client + 1, `the payouts are ${fit.scroll} px in a ${fit.client} px box`);
  assert.deepEqual(await offScreen('#panel-plan table.audit-payouts'), []);
  assert.deepEqual(await unlabelled('#panel-plan table.audit-payouts'), []);
  // both lines of a partner headed alike: the second line's cells (under the name spanning both) are not one column off
  for (const col of ['Earned', 'Paid out', 'Held', 'Clawed back', 'Balance']) {
    assert.equal(await table.locator(`td[data-label="${col}"]`).count(), 2 * await table.locator('tbody').count(), `cells headed “${col}”`);
  }
  assert.equal(await table.locator('td[data-label="Figures"], td[data-label="Partner"]').count(), 0, 'an amount headed by the wrong column');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'tables-fit-plan-audit-payouts-390.png') });
  // month by month, actual against plan: a card per month and item too
  await plan.locator('.audit summary', { hasText: 'Month by month' }).click();
  const variances = plan.getByRole('table', { name: /Variance per month and item/ });
  const box = await boxFits(variances);
  assert.ok(box.scroll <= box.client + 1, `the variances are ${box.scroll} px in a ${box.client} px box`);
  assert.deepEqual(await offScreen('#panel-plan table.audit-variances'), []);
  assert.deepEqual(await unlabelled('#panel-plan table.audit-variances'), []);
  assert.deepEqual(errors, []);
});

test('Insights at 390 px: the deals by number of partners and predicted against actual are cards on screen', async () => {
  const panel = page.locator('#panel-insights');
  await page.getByRole('tab', { name: 'Insights' }).click();
  await panel.getByRole('button', { name: 'Try a made-up example history' }).click();
  await panel.getByRole('table', { name: 'Deals by number of partners' }).waitFor({ timeout: 30000 });
  await panel.getByRole('button', { name: 'Train the win model' }).click();
  await panel.getByRole('table', { name: /Predicted against actual/ }).waitFor({ timeout: 60000 });
  assert.deepEqual(await offScreen('#panel-insights table'), []);
  assert.deepEqual(await unlabelled('#panel-insights table.cards'), []);
  assert.ok(await panel.locator('td[data-label="Average cycle"]').count() >= 3, 'no cell headed “Average cycle”');
  assert.ok(await panel.locator('td[data-label="Actually won"]').count() >= 2, 'no cell headed “Actually won”');
  await panel.getByRole('table', { name: /Predicted against actual/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'tables-fit-insights-390.png') });
  assert.deepEqual(errors, []);
});
