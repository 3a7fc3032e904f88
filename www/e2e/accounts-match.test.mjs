// The private match beside the account map, in a real browser: before two lists are loaded its
// side choices are hidden (the hint says what is missing); with the two made-up lists, where some
// companies have a web domain on one list and only a name on the other, the private match finds
// fewer shared accounts than the map, and says why next to its result, with both numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axeViolations, openReady, shots } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const panel = () => page.locator('#panel-accounts');

test('accounts: the private match hides its sides until two lists exist, and says why it finds fewer than the map', async () => {
  await page.getByRole('tab', { name: 'Accounts' }).click();
  const psi = panel().locator('.private-match');
  await psi.getByText('Load two account lists above to match them here.', { exact: true }).waitFor();
  for (const label of ['First side', 'Second side']) assert.equal(await psi.getByLabel(label, { exact: true }).isVisible(), false, `${label} hidden before two lists`);
  // matching with a partner elsewhere starts from your list: none yet says so, with no empty choice
  const elsewhere = psi.locator('details', { hasText: 'Match with a partner elsewhere' });
  await elsewhere.locator('summary').click();
  assert.equal(await elsewhere.getByLabel('Your list', { exact: true }).isVisible(), false, 'an empty “Your list” choice');
  await elsewhere.getByText('Load your account list above first: the match starts from it.').waitFor();

  await panel().getByRole('button', { name: 'Try two made-up lists' }).click();
  await psi.getByLabel('Second side', { exact: true }).waitFor({ timeout: 30000 });
  assert.equal(await elsewhere.getByLabel('Your list', { exact: true }).isVisible(), true);
  await elsewhere.locator('summary').click();
  assert.equal(await psi.getByText(/^Load .* above to match them here\.$/).count(), 0);
  const facts = panel().locator('.account-map .facts');
  await facts.waitFor({ timeout: 30000 });
  const onMap = Number((await facts.innerText()).match(/(\d+) companies are on both lists/)?.[1]);
  assert.ok(onMap > 0, 'the map finds shared accounts');

  await psi.getByRole('button', { name: 'Run the private match in this browser' }).click();
  await psi.locator('.psi-progress').getByText(/^Done in/).waitFor({ timeout: 60000 });
  const found = Number((await psi.locator('.psi-side').first().innerText()).match(/Northwind and Contoso share (\d+) accounts/)?.[1]);
  assert.ok(found < onMap, `the made-up lists have companies with a domain on one side only (${found} against ${onMap})`);
  const why = await psi.locator('.psi-vs-map').innerText();
  assert.equal(why, `The private match finds ${found} shared accounts where the account map above finds ${onMap}: it compares one key per account — its web domain, or its company name when it has none — so a company with a web domain on one list and only its name on the other is not matched here; the map matches it by name.`);
  await page.screenshot({ path: join(shots, 'accounts-private-match-vs-map-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await psi.locator('.psi-vs-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'accounts-private-match-vs-map-390.png') });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 392, 'no sideways scrolling at 390 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});
