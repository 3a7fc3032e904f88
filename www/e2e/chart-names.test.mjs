// Partner names in the charts, at 1280 and 390 px: the splits' share chart, the attribution
// chart and the plan's return-on-investment chart each show every partner's whole name (on one
// line or wrapped between words), inside the chart's picture and clear of every other text of
// the chart — not cut off by the left margin (")elta Digital 110") nor run into its neighbour
// ("Vertex Networks 3Acme Networks 81"). Screenshots of each chart at both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, shots } from './browser.mjs';

let page, errors, close;
/** Each chart: the figure that holds it, and the table whose row or column heads name its partners. */
const CHARTS = {
  share: { fig: '#panel-splits figure.chart:has(svg[aria-label^="Share of each partner"])', names: '#panel-splits .split-table thead th:not(:first-child)' },
  attribution: { fig: '#panel-splits figure.chart:has(svg[aria-label^="Conversions credited"])', names: '#panel-splits .attribution table:has(> caption:has-text("Attribution by model")) tbody th[scope="row"]' },
  roi: { fig: '#panel-plan figure.chart:has(svg[aria-label^="Return on investment"])', names: '#panel-plan table.stats tbody th[scope="row"]' },
};
/** What each chart shows at each width: its partners, its texts (their lines and boxes relative to its svg) and its svg's size. */
const seen = { 1280: {}, 390: {} };
const missing = {};

/** `name`'s texts and size, once its svg is drawn for `width` (at most that wide, or 5 s). */
async function measure(width, name) {
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  const { fig, names } = CHARTS[name];
  await page.waitForFunction(([s, w]) => { const e = document.querySelector(s); return e && Number(e.getAttribute('width')) <= w; }, [`${fig} svg[aria-label][width]`, width], { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);
  const f = page.locator(fig).first();
  await f.scrollIntoViewIfNeeded();
  await f.screenshot({ path: join(shots, `chart-names-${name}-${width}.png`) });
  const partners = (await page.locator(names).allTextContents()).map((x) => x.trim()).filter(Boolean);
  seen[width][name] = { partners, ...await f.evaluate((el) => {
    const svg = el.querySelector('svg[aria-label]');
    const s = svg.getBoundingClientRect();
    // a text's lines: its tspans, else its own words (never its <title>, the words shown on hover)
    const lines = (t) => { const ts = [...t.querySelectorAll('tspan')]; return (ts.length ? ts.map((x) => x.textContent) : [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)).map((x) => x.trim()).filter(Boolean); };
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ t, r: t.getBoundingClientRect() })).filter(({ t, r }) => r.width > 0 && lines(t).length)
      .map(({ t, r }) => ({ text: lines(t).join(' '), x: r.left - s.left, y: r.top - s.top, w: r.width, h: r.height }));
    return { width: s.width, height: s.height, texts };
  }) };
}

before(async () => {
  ({ page, errors, close } = await openReady({ locale: 'en-US' }));
  await page.getByRole('tab', { name: 'Deal & Teams' }).click();
  await page.getByRole('button', { name: 'Find teams' }).click();
  await page.locator('#panel-teams .progress-text').filter({ hasText: /Done|limit/ }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Use this team for splits and plan' }).first().click();
  await page.getByRole('tab', { name: 'Splits' }).click();
  const splits = page.locator('#panel-splits');
  await splits.getByRole('button', { name: 'Compare splits' }).click();
  await page.locator(CHARTS.share.fig).or(splits.getByText(/not available in this build/i)).first().waitFor({ timeout: 60000 });
  if (await page.locator(CHARTS.share.fig).isVisible()) for (const w of [1280, 390]) await measure(w, 'share');
  else missing.share = 'splitting is not in this engine build';
  await page.setViewportSize({ width: 1280, height: 900 });
  await splits.getByRole('button', { name: 'Compare attribution models' }).click();
  await page.locator(CHARTS.attribution.fig).or(splits.locator('.attribution .form-error:not(:empty), .attribution :text("not available in this build")')).first().waitFor({ timeout: 60000 });
  if (await page.locator(CHARTS.attribution.fig).isVisible()) for (const w of [1280, 390]) await measure(w, 'attribution');
  else missing.attribution = 'attribution did not draw a chart';
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('500');
  const plan = page.locator('#panel-plan');
  await plan.getByRole('button', { name: 'Simulate', exact: true }).click();
  await page.locator(CHARTS.roi.fig).or(plan.locator('.form-error:not(:empty)')).first().waitFor({ timeout: 120000 });
  if (await page.locator(CHARTS.roi.fig).isVisible()) for (const w of [1280, 390]) await measure(w, 'roi');
  else missing.roi = `the engine refused: ${await plan.locator('.form-error').first().innerText()}`;
  await page.setViewportSize({ width: 1280, height: 900 });
});
after(async () => { await close?.(); });

/** Whether the boxes of two texts overlap (half a pixel of rounding forgiven). */
const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const inside = (t, c) => t.x >= -0.5 && t.y >= -0.5 && t.x + t.w <= c.width + 0.5 && t.y + t.h <= c.height + 0.5;
const show = (t) => `“${t.text}” at ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.w)}×${Math.round(t.h)}`;

for (const name of Object.keys(CHARTS)) {
  for (const width of [1280, 390]) {
    test(`${name} chart at ${width} px: every partner's whole name, inside the chart and clear of every other text`, (t) => {
      if (missing[name]) { t.skip(missing[name]); return; }
      const c = seen[width][name];
      assert.ok(c.partners.length >= 2, `partners named by the table: ${c.partners.join(', ')}`);
      for (const p of c.partners) {
        const label = c.texts.find((x) => x.text === p);
        assert.ok(label, `${p} is not written whole among ${c.texts.map((x) => `“${x.text}”`).join(' ')}`);
        assert.ok(inside(label, c), `${show(label)} reaches out of the ${Math.round(c.width)}×${Math.round(c.height)} chart`);
        for (const other of c.texts.filter((x) => x !== label)) assert.ok(!overlap(label, other), `${show(label)} runs into ${show(other)}`);
      }
    });
  }
}

test('no page errors', () => { assert.deepEqual(errors, []); });
