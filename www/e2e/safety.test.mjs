// Keeping the user's work safe, in a real browser: edits can be undone and redone (a burst of
// typing is one step), and a new workspace starts a new history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';

let server, page, errors, close;

before(async () => { ({ server, page, errors, close } = await openPage()); });

after(async () => { await close?.(); });

const value = () => page.locator('#panel-teams [data-path="deal.value"]');
/** The deal value once the screen shows `v` (undo and redo rebuild the screens in a later task). */
const valueIs = async (v) => {
  await page
    .waitForFunction((x) => document.querySelector('#panel-teams [data-path="deal.value"]')?.value === x, v, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await value().inputValue(), v);
};

test('undo and redo edits; a new workspace starts a new history', async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  assert.ok(await undo.isDisabled(), 'Undo is offered before any edit');
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  const first = await value().inputValue();
  await value().fill('1300000');
  // the edit is one step once Undo is offered (a fixed wait fails on a busy machine, where the
  // quiet-time timer fires late and the next keystroke joins the same step)
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Undo' && !b.disabled));
  await value().pressSequentially('5', { delay: 30 }); // typed into the field: one more step
  await page.waitForTimeout(600);
  assert.equal(await value().inputValue(), '13000005');
  await undo.click();
  // the screen shows the amount in the currency's format once it is rebuilt
  await valueIs('€1,300,000');
  await undo.click();
  await valueIs(first);
  assert.ok(await undo.isDisabled());
  await redo.click();
  await valueIs('€1,300,000');
  // the undone state is what is saved
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  assert.equal(await value().inputValue(), '€1,300,000');
  assert.ok(await undo.isDisabled(), 'a reload starts a new history');
  assert.deepEqual(errors, []);
});
