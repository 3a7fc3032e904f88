// The audit view of the Plan screen: monthly actuals from a CSV file or pasted text (read by
// the engine's own CSV reader, so the page and the CLI agree; decimal commas and thousands
// separators are fine), then what they mean — each objective's chance when the plan was signed
// and now, in words with on track / at risk / off track; actuals over the plan's fan chart with
// the re-forecast; each partner's profit so far and expected; and the variances month by month.
import { loadPlot } from './lazy';
import type { App } from '../app';
import type { AuditPayout, AuditResponse, Plan } from '../engine/types';
import { LEDGER } from './incentives-results';
import { EngineError } from '../engine/protocol';
import { a11yChart, clear, field, h, nextId, unavailable } from './dom';
import { CHART, moneyAxis } from './fan-chart';
import { fitChart } from './fit-chart';
import { money, percent } from './format';
import { asCards, scrollBox } from './cards';

type Stats = { mean: string; p5: string; p50: string; p95: string };
type Forecast = AuditResponse['reforecast'];

const SAMPLE = 'month,bookings,revenue,pipeline\n1,0.00,0.00,450000.00\n2,120000.00,10000.00,520000.00\n3,260000.00,31000.00,480000.00';
const FLAG: Record<string, string> = { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' };

export interface AuditOptions { plan: () => Plan | null; trials: () => number; seed: () => number }

export function auditView(app: App, opts: AuditOptions): HTMLElement {
  const out = h('div', { class: 'audit', 'aria-live': 'polite' });
  const text = h('textarea', { rows: 5, id: 'actuals', 'data-path': 'actualsCsv', spellcheck: 'false' }, SAMPLE);
  const file = h('input', { type: 'file', id: 'actuals-file', accept: '.csv,.tsv,.txt,text/csv' });
  const run = h('button', { type: 'button' }, 'Audit against actuals');

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    void audit();
  });
  run.addEventListener('click', () => void audit());

  async function audit() {
    const p = opts.plan();
    if (!p) return;
    if (!app.engine.has('auditPlan')) { clear(out, unavailable('Auditing a plan')); return; }
    clear(out, h('p', { class: 'muted' }, 'Auditing…'));
    text.removeAttribute('aria-invalid');
    try {
      const r = await app.engine.call('auditPlan', { plan: p, actualsCsv: costsByName(text.value, p), trials: opts.trials(), seed: opts.seed() });
      clear(out, ...(await report(app, p, r)));
    } catch (e) {
      const err = e instanceof EngineError ? e : new EngineError({ code: 'error', path: '', message: String(e) });
      const all = [err, ...(err.others ?? [])];
      if (err.path.startsWith('actualsCsv')) text.setAttribute('aria-invalid', 'true');
      clear(out, h('p', { class: 'bad', role: 'alert' }, all.length > 1 ? `The actuals cannot be read (${all.length} problems):` : 'The actuals cannot be read:'),
        h('ul', { class: 'bad-rows' }, all.slice(0, 20).map((x) => h('li', {}, plain(x.message)))));
    }
  }

  const hint = 'One line per month: month, bookings, revenue, pipeline, and optionally a column per partner for its costs, headed costs:<partner name> (for example “costs:Acme Cloud”). '
    + 'With incentives, add customer:<name> per customer won (its revenue that month) to compare the payouts. Decimal commas and thousands separators are fine (1.234,50 or 1,234.50); separate fields with commas, semicolons or tabs.';
  return h('div', { class: 'audit-view' },
    field('Monthly actuals (CSV file)', file),
    field('…or paste them here', text, hint),
    h('p', { class: 'muted small' }, 'What counts as on track and off track is set with the agreement terms (Audits).'),
    h('div', { class: 'row' }, run), out);
}

/**
 * The actuals with each `costs:<partner name>` column headed `costs:<partner id>`, as the engine
 * reads it (names matched without regard to case; a header that is already an id stays).
 */
export function costsByName(csv: string, p: Plan): string {
  const byName = new Map(p.partners.map((q) => [q.name.trim().toLowerCase(), q.id]));
  const nl = csv.search(/\r?\n/);
  const head = nl < 0 ? csv : csv.slice(0, nl);
  const fixed = head.replace(/costs:([^,;\t"]+)/gi, (all, who: string) => { const id = byName.get(who.trim().toLowerCase()); return id ? `costs:${id}` : all; });
  return fixed + (nl < 0 ? '' : csv.slice(nl));
}

/** Engine messages name CSV columns in backticks; on the page they read as plain quotes. */
const plain = (s: string) => s.replace(/`([^`]*)`/g, '“$1”');

/** An objective's measure in words: "Bookings", "Acme’s share of revenue" (never `share:<id>`). */
export function metricName(app: App, m: string): string {
  const plain: Record<string, string> = { bookings: 'Bookings', revenue: 'Revenue', pipeline: 'Pipeline' };
  return plain[m] ?? (m.startsWith('share:') ? `${app.name(m.slice(6))}’s share of revenue` : m);
}

async function report(app: App, p: Plan, r: AuditResponse): Promise<(HTMLElement | null)[]> {
  const cur = p.currency ?? '';
  const f = r.reforecast;
  const itemName = (m: string) => (m.startsWith('costs:') ? `Costs of ${app.name(m.slice(6))}` : metricName(app, m));
  const horizon = f.months.length;
  return [
    h('p', {}, f.throughMonth === 0 ? 'No month is reported yet: the outlook is the plan’s.'
      : `Actuals through month ${f.throughMonth} of ${horizon}; months ${f.throughMonth + 1}–${horizon} are forecast again from them.`),
    h('h4', {}, 'Objectives: then and now'),
    h('ul', { class: 'audit-objectives' }, f.objectives.map((o) => h('li', { class: `flag-${o.flag}` },
      h('strong', { class: 'flag' }, FLAG[o.flag] ?? o.flag),
      ` ${metricName(app, o.metric)} of ${money(o.target, cur)} by month ${o.byMonth}: `,
      `${percent(o.atSigning)} likely when signed, ${percent(o.now)} now`,
      h('span', { class: 'muted' }, ` — ${money(o.actualToDate, cur)} so far, ${money(o.expectedNow, cur)} expected by then.`)))),
    h('p', { class: 'muted small' }, `On track from ${percent(f.thresholds.onTrackAbove)} likely, off track below ${percent(f.thresholds.offTrackBelow)}, at risk in between.`),
    await chart(f, cur),
    scrollBox('Partner profit', asCards(h('table', { class: 'audit-profit' }, h('caption', {}, `Each partner’s profit so far, and expected by month ${horizon}: now and when the plan was signed`),
      h('thead', {}, h('tr', {}, ['Partner', 'Share so far', 'Costs so far', 'Profit so far', 'Expected now', 'Expected at signing']
        .map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
      h('tbody', {}, f.partners.map((q) => h('tr', {}, h('th', { scope: 'row' }, app.name(q.partnerId)),
        [q.shareToDate, q.costsToDate, q.profitToDate, q.expectedProfit, q.expectedProfitAtSigning].map((v) => h('td', { class: `num${Number(v) < 0 ? ' bad' : ''}` }, money(v, cur))))))))),
    r.payouts?.length ? payouts(app, r.payouts, cur) : null,
    h('details', {}, h('summary', {}, 'Month by month: actual against plan'),
      scrollBox('Variances', asCards(h('table', { class: 'audit-variances' }, h('caption', {}, 'Variance per month and item (actual − plan)'),
        h('thead', {}, h('tr', {}, ['Month', 'Item', 'Actual', 'Plan', 'Difference', 'Difference %'].map((c, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, c)))),
        h('tbody', {}, r.variances.map((v) => h('tr', {}, h('td', {}, String(v.month)), h('td', {}, itemName(v.item)), h('td', { class: 'num' }, money(v.actual, cur)),
          h('td', { class: 'num' }, money(v.expected, cur)), h('td', { class: 'num' }, money(v.variance, cur)), h('td', { class: 'num' }, typeof v.ratio === 'number' ? percent(v.ratio) : '—'))))))),
      h('table', {}, h('caption', {}, `The split of the actual revenue (${money(r.split.revenue, cur)})`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
        h('tbody', {}, r.split.allocations.map((a) => h('tr', {}, h('th', { scope: 'row' }, app.name(a.partnerId)), h('td', { class: 'num' }, money(a.amount, cur))))))),
  ];
}

/**
 * Each rewarded partner's payouts to date: what the plan expected and the ledger on the actual
 * customers. On a phone one card per partner (a row group), its two lines under its name, each
 * amount headed by its column (labelled here: the second line's cells sit one column left of the
 * headings, under the partner's name spanning both lines).
 */
function payouts(app: App, rows: AuditPayout[], cur: string): HTMLElement {
  const cols = LEDGER.filter(([k]) => k !== 'mdfCash') as [keyof AuditPayout['actual'], string][];
  const line = (q: AuditPayout, which: 'expected' | 'actual', first: boolean) => h('tr', {},
    first ? h('th', { scope: 'rowgroup', rowspan: 2 }, app.name(q.partnerId)) : null,
    h('th', { scope: 'row' }, which === 'expected' ? `Expected by month ${q.throughMonth}` : 'Actual'),
    cols.map(([k, t]) => h('td', { class: `num${Number(q[which][k]) < 0 ? ' bad' : ''}`, 'data-label': t }, money(q[which][k], cur))));
  return scrollBox('Partner payouts', asCards(h('table', { class: 'audit-payouts' }, h('caption', {}, 'Each rewarded partner’s payouts so far: expected by the plan and on the actual customers'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Figures'), cols.map(([, t]) => h('th', { scope: 'col', class: 'num' }, t)))),
    rows.map((q) => h('tbody', {}, line(q, 'expected', true), line(q, 'actual', false))))));
}


/** Actuals (dots) over the plan's fan (blue) and the re-forecast after the last reported month (orange). */
async function chart(f: Forecast, cur: string): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const pick = h('select', { id: nextId('audit-series') }, h('option', { value: 'revenue' }, 'Revenue per month'), h('option', { value: 'bookings' }, 'Bookings per month'));
  const box = h('figure', { class: 'chart fan audit-fan' });
  const k = f.throughMonth;
  const num = (s: string) => Number(s);
  const draw = () => {
    const key = pick.value as 'revenue' | 'bookings';
    const planKey = key === 'revenue' ? 'planRevenue' : 'planBookings';
    const row = (month: number, s: Stats) => ({ month, p5: num(s.p5), p50: num(s.p50), p95: num(s.p95) });
    const plan = f.months.map((m) => row(m.month, m[planKey] as Stats));
    const now = f.months.filter((m) => m.month >= Math.max(1, k)).map((m) => row(m.month, m[key] as Stats));
    const actual = f.months.filter((m) => m.month <= k).map((m) => ({ month: m.month, value: num((m[key] as Stats).p50) }));
    const label = key === 'revenue' ? 'Revenue' : 'Bookings';
    fitChart(box, (width) => [a11yChart(Plot.plot({
      ...CHART, height: 300, marginLeft: 64, width, x: { label: 'Month' }, y: moneyAxis(label, cur),
      marks: [
        // opaque bands, the re-forecast's over the plan's, so where they overlap it is orange, not a third colour;
        // the plan band's edges are drawn over both, so the plan's range stays in sight
        Plot.areaY(plan, { x: 'month', y1: 'p5', y2: 'p95', fill: '#dee8f2' }),
        k > 0 && k < f.months.length ? Plot.areaY(now, { x: 'month', y1: 'p5', y2: 'p95', fill: '#ffe6c7' }) : null,
        Plot.gridY(),
        Plot.lineY(plan, { x: 'month', y: 'p5', stroke: 'steelblue', strokeOpacity: 0.6, strokeWidth: 1 }),
        Plot.lineY(plan, { x: 'month', y: 'p95', stroke: 'steelblue', strokeOpacity: 0.6, strokeWidth: 1 }),
        Plot.lineY(plan, { x: 'month', y: 'p50', stroke: 'steelblue' }),
        k < f.months.length ? Plot.lineY(now, { x: 'month', y: 'p50', stroke: 'darkorange', strokeDasharray: '5 3' }) : null,
        k > 0 ? Plot.ruleX([k], { stroke: '#57606a', strokeDasharray: '2 3' }) : null,
        Plot.lineY(actual, { x: 'month', y: 'value', stroke: '#1b1f24' }),
        Plot.dot(actual, { x: 'month', y: 'value', fill: '#1b1f24', r: 3.5 }),
        Plot.ruleY([0]),
      ],
    }), `${label} per month: actuals against the plan and the re-forecast`),
    h('figcaption', {}, `${label} per month. Blue: the plan when signed (9 in 10 futures in the band between the thin lines; the line is the typical one). `,
      k > 0 ? `Black: the actuals through month ${k}. Orange: the re-forecast from them, drawn over the plan’s band.` : 'No actuals yet.')]);
  };
  pick.addEventListener('input', draw);
  const wrap = h('div', {}, field('Show', pick), box);
  requestAnimationFrame(draw);
  return wrap;
}
