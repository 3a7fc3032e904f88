// The Plan screen's charts as a designer reads them, at 1280 and 390 px: the return-on-
// investment chart's axis label stays clear of its ticks and inside the chart; every money
// chart (the plan's fan, a partner's payouts, the audit) names its axis alike — "↑ Revenue
// (EUR)" — with ticks in the page's money format ("€200K", never "0k"); the audit's two bands
// do not blend into a colour its caption does not name; chart text is at least 12 px and no
// two labels of a chart run into each other. Screenshots of each chart at both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openReady, shots } from './browser.mjs';

let page, errors, close;
const plan = () => page.locator('#panel-plan');
/** The charts checked, by the figure that holds each. */
const CHARTS = {
  roi: 'figure.chart:has(svg[aria-label^="Return on investment"])',
  fan: 'figure.fan:not(.payout-fan):not(.audit-fan)',
  payouts: 'figure.payout-fan',
  audit: 'figure.audit-fan',
};
const MONEY = ['fan', 'payouts', 'audit'];
/** What each chart shows at each width: its texts with their boxes (relative to its svg), its caption and its filled areas. */
const seen = { 1280: {}, 390: {} };
let skipped = '';
let noAudit = '';

/** The plan with incentives, simulated once (500 futures); false when the engine refused. */
async function simulated() {
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.locator('#sim-trials').fill('500');
  const add = plan().getByRole('button', { name: 'Add incentives' });
  await add.waitFor({ timeout: 30000 });
  await add.click();
  await plan().getByRole('button', { name: 'Simulate', exact: true }).click();
  const payouts = plan().locator('.payouts');
  await payouts.or(plan().locator('.form-error:not(:empty)')).first().waitFor({ timeout: 120000 });
  if (!await payouts.isVisible()) { skipped = `the engine refused: ${await plan().locator('.form-error').innerText()}`; return false; }
  return true;
}

/** The plan audited against the sample actuals (three months); false when this build cannot audit. */
async function audited() {
  await page.setViewportSize({ width: 1280, height: 900 });
  await plan().getByRole('button', { name: 'Audit against actuals' }).click();
  const objectives = plan().locator('.audit-objectives');
  await objectives.or(plan().locator('.audit').getByText(/not available in this build/i)).first().waitFor({ timeout: 60000 });
  if (!await objectives.isVisible()) { noAudit = 'auditing is not in this engine build'; return false; }
  await plan().locator(`${CHARTS.audit} svg`).waitFor();
  return true;
}

/** The `names` charts' texts, caption and filled areas, once each is drawn for `width` (its svg at most that wide, or 5 s). */
async function measure(width, names) {
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  const sels = names.map((n) => `#panel-plan ${CHARTS[n]} svg[width]`);
  await page.waitForFunction(([ss, w]) => ss.every((s) => { const e = document.querySelector(s); return e && Number(e.getAttribute('width')) <= w; }), [sels, width], { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);
  for (const name of names) {
    const sel = CHARTS[name];
    const fig = plan().locator(sel).first();
    await fig.scrollIntoViewIfNeeded();
    await fig.screenshot({ path: join(shots, `chart-${name}-${width}.png`) });
    seen[width][name] = await fig.evaluate((f) => {
      const svg = f.querySelector('svg');
      const s = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, x: r.left - s.left, y: r.top - s.top, w: r.width, h: r.height, size: parseFloat(getComputedStyle(t).fontSize) };
      });
      // a filled area and how see-through it is (its own fill-opacity and opacity, and its groups')
      const areas = [...svg.querySelectorAll('path')].filter((p) => { const fill = getComputedStyle(p).fill; return fill && fill !== 'none' && !/rgba\(.*, 0\)$/.test(fill); }).map((p) => {
        let alpha = 1;
        for (let e = p; e && e !== svg.parentElement; e = e.parentElement) alpha *= Number(getComputedStyle(e).fillOpacity) * Number(getComputedStyle(e).opacity);
        return { fill: getComputedStyle(p).fill, alpha, blend: getComputedStyle(p).mixBlendMode };
      });
      return { width: s.width, height: s.height, texts, areas, caption: f.querySelector('figcaption')?.textContent ?? '' };
    });
  }
}

before(async () => {
  ({ page, errors, close } = await openReady({ locale: 'en-US' }));
  // the simulation's charts at both widths, then the audit's (its tables are cards on a phone: tables-fit checks that
  // they no longer hold the Plan screen wider than the phone, which drew every chart on it that wide)
  const results = ['roi', 'fan', 'payouts'];
  if (!await simulated()) return;
  for (const w of [1280, 390]) await measure(w, results);
  if (!await audited()) return;
  for (const w of [1280, 390]) await measure(w, ['audit']);
  await page.setViewportSize({ width: 1280, height: 900 });
});
after(async () => { await close?.(); });

/** Whether the boxes of two texts come closer than `gap` px (overlap when 0; half a pixel of rounding forgiven). */
const overlap = (a, b, gap = 0) => a.x < b.x + b.w + gap - 0.5 && b.x < a.x + a.w + gap - 0.5 && a.y < b.y + b.h + gap - 0.5 && b.y < a.y + a.h + gap - 0.5;
// (2 px to spare: a text's box is its font's line, a little taller than its letters)
const inside = (t, c) => t.x >= -2 && t.y >= -2 && t.x + t.w <= c.width + 2 && t.y + t.h <= c.height + 2;
const show = (t) => `“${t.text}” at ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.w)}×${Math.round(t.h)}`;
/** The axis labels of a money chart (an arrow at either end), and its ticks: every other text. */
const isLabel = (t) => /^↑ |→$|^Return on investment/.test(t.text);

for (const width of [1280, 390]) {
  test(`return on investment at ${width} px: the axis label is clear of every tick and inside the chart`, (t) => {
    if (skipped) { t.skip(skipped); return; }
    const c = seen[width].roi;
    const label = c.texts.find((x) => /return on investment/i.test(x.text));
    assert.ok(label, `no axis label among ${c.texts.map((x) => x.text).join(' | ')}`);
    assert.ok(inside(label, c), `the label ${show(label)} reaches out of the ${c.width}×${c.height} chart`);
    // on a line of its own: at least 4 px from every tick, not touching the last one
    for (const tick of c.texts.filter((x) => x !== label)) assert.ok(!overlap(label, tick, 4), `the label ${show(label)} is less than 4 px from the tick ${show(tick)}`);
  });
}

test('money charts: the vertical axis is "↑ What (EUR)" in each, ticks in the page’s money format, never "0k"', (t) => {
  if (skipped) { t.skip(skipped); return; }
  for (const width of [1280, 390]) {
    for (const name of MONEY.filter((n) => seen[width][n])) {
      const c = seen[width][name];
      const labels = c.texts.filter(isLabel);
      const y = labels.find((x) => x.text.startsWith('↑'));
      assert.match(y?.text ?? '(none)', /^↑ [A-Z][a-z]+( [a-z]+)* \(EUR\)$/, `${name} at ${width} px: the vertical axis label`);
      for (const l of labels) assert.match(l.text, /^(↑ )?[A-Z]/, `${name} at ${width} px: a label in lower case`);
      const ticks = c.texts.filter((x) => !isLabel(x));
      assert.ok(!ticks.some((x) => /^-?0[kKMG]$/.test(x.text)), `${name} at ${width} px: a "0k" tick among ${ticks.map((x) => x.text).join(' ')}`);
      // the vertical ticks: left of the plot (the 64 px margin), the month ticks under it
      const money = ticks.filter((x) => x.x + x.w <= 64);
      assert.ok(money.length >= 3, `${name} at ${width} px: too few money ticks: ${money.map((x) => x.text).join(' ')}`);
      for (const m of money) assert.match(m.text, /^-?€\d+(\.\d)?[KMB]?$/, `${name} at ${width} px: a money tick as the page writes money`);
    }
  }
});

test('audit: where the plan’s band and the re-forecast’s overlap there is no third colour, and the caption names both', (t) => {
  if (skipped || noAudit) { t.skip(skipped || noAudit); return; }
  for (const width of [1280, 390]) {
    const c = seen[width].audit;
    const bands = c.areas;
    assert.ok(bands.length >= 2, `${width} px: the plan’s band and the re-forecast’s band are drawn (${bands.length} filled areas)`);
    // a see-through band over another mixes their colours into one the caption does not explain
    const mixing = bands.filter((b) => b.alpha < 1 || b.blend !== 'normal');
    assert.deepEqual(mixing, [], `${width} px: bands that blend with what is under them`);
    assert.match(c.caption, /Blue: the plan .*band/);
    assert.match(c.caption, /Orange: the re-forecast.*over the plan’s band/);
  }
});

test('chart text is at least 12 px, and no two texts of a chart run into each other or out of it', (t) => {
  if (skipped) { t.skip(skipped); return; }
  for (const width of [1280, 390]) {
    for (const [name, c] of Object.entries(seen[width])) {
      for (const x of c.texts) assert.ok(x.size >= 12, `${name} at ${width} px: ${show(x)} is ${x.size} px`);
      for (const x of c.texts) assert.ok(inside(x, c), `${name} at ${width} px: ${show(x)} reaches out of the ${c.width}×${c.height} chart`);
      for (let i = 0; i < c.texts.length; i++) {
        for (let j = i + 1; j < c.texts.length; j++) assert.ok(!overlap(c.texts[i], c.texts[j]), `${name} at ${width} px: ${show(c.texts[i])} runs into ${show(c.texts[j])}`);
      }
    }
  }
  assert.deepEqual(errors, []);
});
