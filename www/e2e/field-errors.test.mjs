// A wrong value is said next to its field in the page's words, and goes once it is fixed:
// an engine error on Deal & Teams no longer blocks Find teams after the field is corrected;
// the plan's Trials error shows beside Trials (not in the collapsed plan text) and a chance
// typed in percent is answered in percent; a registration with an unreadable deal value is
// refused instead of taking the previous deal's value, an empty one marks the fields to fill,
// and Reject asks for its reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openReady } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

/** The message shown next to `input` (its `<id>-err` element). */
const said = async (input) => page.locator(`#${await input.getAttribute('id')}-err`).innerText();

test('Deal & Teams: an engine error goes with the first edit, and Find teams runs again', async () => {
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  const panel = page.locator('#panel-teams');
  const size = panel.locator('[data-path="deal.maxTeamSize"]');
  await size.fill('0');
  await panel.getByRole('button', { name: 'Find teams' }).click();
  await panel.locator('[data-path="deal.maxTeamSize"][aria-invalid="true"]').waitFor({ timeout: 30000 });
  assert.equal(await said(size), 'Must be at least 1.');
  await size.fill('4');
  assert.equal(await size.getAttribute('aria-invalid'), null, 'the mark goes with the edit');
  assert.equal(await said(size), '');
  await panel.getByRole('button', { name: 'Find teams' }).click();
  await panel.getByRole('heading', { name: /^Team 1: score/ }).waitFor({ timeout: 60000 });
  assert.doesNotMatch(await panel.locator('.progress-text').innerText(), /Correct the marked field/);
  assert.deepEqual(errors, []);
});

test('Plan: Trials is answered beside Trials, a chance in percent', async () => {
  await page.getByRole('tab', { name: 'Plan' }).click();
  const panel = page.locator('#panel-plan');
  const trials = page.locator('#sim-trials');
  await trials.fill('-3');
  await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
  await panel.locator('#sim-trials[aria-invalid="true"]').waitFor({ timeout: 30000 });
  assert.match(await said(trials), /^Write a whole number, 0 or more \(not -3\)\.$/);
  await trials.fill('0');
  await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
  await panel.locator('#sim-trials[aria-invalid="true"]').waitFor({ timeout: 30000 });
  assert.equal(await said(trials), 'Write how many futures to simulate: 500 is quick, 2,000 more precise.');
  await trials.fill('300');
  const chance = panel.locator('[data-path="plan.pipeline.winProbability"]');
  const before = await chance.inputValue();
  await chance.fill('150');
  await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
  await panel.locator('[data-path="plan.pipeline.winProbability"][aria-invalid="true"]').waitFor({ timeout: 30000 });
  assert.equal(await said(chance), 'Write a percentage from 0% to 100% (this is 150%).');
  await chance.fill(before);
  assert.deepEqual(errors, []);
});

test('Registration: an unreadable deal value is refused, never replaced; Reject asks for a reason', async () => {
  await page.getByRole('tab', { name: 'Registration' }).click();
  const panel = page.locator('#panel-registration');
  const [first, second] = await page.evaluate(() => window.__app.eco.partners.slice(0, 2).map((p) => p.name));
  const value = panel.getByLabel('Deal value (optional)');
  // nothing filled in: the fields to fill are marked, the first has the focus
  await panel.getByRole('button', { name: 'Register the deal' }).click();
  const partner = panel.getByLabel('Partner', { exact: true });
  assert.equal(await partner.getAttribute('aria-invalid'), 'true');
  assert.equal(await panel.getByLabel('Customer', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.ok(await partner.evaluate((el) => el === document.activeElement), 'the focus on Partner');
  await panel.getByLabel('Partner', { exact: true }).fill(first);
  await panel.getByLabel('Customer', { exact: true }).fill('Globex');
  assert.equal(await partner.getAttribute('aria-invalid'), null, 'the mark goes as the field is filled');
  await value.fill('80,000');
  await panel.getByRole('button', { name: 'Register the deal' }).click();
  const table = panel.getByRole('table', { name: 'Deal registrations' });
  await table.getByText('Globex').waitFor();
  assert.equal(await value.inputValue(), '', 'the next registration starts without the last one’s value');

  await panel.getByLabel('Partner', { exact: true }).fill(second);
  await panel.getByLabel('Customer', { exact: true }).fill('Zeta');
  await value.fill('lots');
  await panel.getByRole('button', { name: 'Register the deal' }).click();
  await panel.locator('.reg-feedback').getByText(/Correct the marked field first/).waitFor();
  assert.equal(await table.getByText('Zeta').count(), 0, 'nothing registered');
  // emptied, the optional value is no error, and the deal registers without one
  await value.fill('');
  assert.equal(await value.getAttribute('aria-invalid'), null);
  await panel.getByRole('button', { name: 'Register the deal' }).click();
  const zeta = table.locator('tbody tr', { hasText: 'Zeta' });
  await zeta.waitFor();
  assert.doesNotMatch(await zeta.innerText(), /80,000/, 'no value it was not given');

  const reason = zeta.getByRole('combobox', { name: /reject/i });
  assert.equal(await reason.inputValue(), '', 'no reason chosen for the user');
  await zeta.getByRole('button', { name: /^Reject:/ }).click();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('.status').innerText(), /Choose why Zeta is rejected/);
  assert.match(await zeta.innerText(), /Waiting for approval/);
  await reason.selectOption('incomplete');
  assert.equal(await reason.getAttribute('aria-invalid'), null, 'choosing a reason takes the mark away');
  await zeta.getByRole('button', { name: /^Reject:/ }).click();
  await zeta.getByText(/Rejected: the registration is incomplete/).waitFor();
  assert.deepEqual(errors, []);
});
