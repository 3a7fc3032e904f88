// On a phone each long screen is one column: a "Go to:" line at its top takes the reader to each
// part (the form under the results, the results under the form) and leaves the focus there; at
// 1280 px, where the parts sit side by side, it is not shown. Plan's own is checked in plan-words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openReady } from './browser.mjs';

let page, errors, close;
before(async () => { ({ page, errors, close } = await openReady({ locale: 'en-US' })); });
after(async () => { await close?.(); });

const SCREENS = [
  ['Profiles', 'Parts of the profiles', ['The profile', 'The ranking']],
  ['Deal & Teams', 'Parts of the deal and teams', ['The deal', 'The teams']],
  ['Splits', 'Parts of the splits', ['Split settings', 'The splits', 'Attribution']],
];

test('phone: Profiles, Deal & Teams and Splits have a line to each of their parts; none at 1280 px', async () => {
  for (const [tab, nav] of SCREENS) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    assert.equal(await page.getByRole('navigation', { name: nav }).isVisible(), false, `${tab}: the jump shown at 1280 px`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [tab, nav, parts] of SCREENS) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    const jump = page.getByRole('navigation', { name: nav });
    assert.ok(await jump.isVisible(), `${tab}: no jump at 390 px`);
    assert.deepEqual(await jump.getByRole('button').allInnerTexts(), parts);
    for (const part of parts) {
      await jump.getByRole('button', { name: part, exact: true }).click();
      // the focus went to the part, and the part is at the top of the window (or in it, where the page ends)
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a?.getBoundingClientRect();
        return { tag: a?.tagName, top: r?.top ?? -1 };
      });
      assert.notEqual(where.tag, 'BODY', `${tab} › ${part}: the focus is nowhere`);
      assert.ok(where.top >= -1 && where.top < 844 - 20, `${tab} › ${part}: the focused part at ${Math.round(where.top)} px`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 391, `${tab}: the page scrolls sideways`);
  }
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});
