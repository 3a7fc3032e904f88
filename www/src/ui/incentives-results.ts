// What the incentives pay, after a simulation: for a chosen partner, a fan chart of a payout
// figure per month (9 in 10 simulated futures in the band, the typical one as the line) and
// the payout ledger month by month — earned, paid, held, clawed back, balance and marketing
// fund cash, on average over the futures — with the horizon's totals (downloadable as CSV like
// every captioned table). Names, not ids; money in the plan's currency.
import type { Plan, SimulateResponse } from '../engine/types';
import { clear, field, h, nextId } from './dom';
import { fanPlot, type FanRow } from './fan-chart';
import { fitChart } from './fit-chart';
import { money } from './format';
import { scrollBox } from './cards';

type Ledger = NonNullable<SimulateResponse['partners'][string]['payouts']>;
type Key = keyof Ledger;

/** The ledger's columns in words, in the order of the identity earned = paid + held + clawed back + balance. */
export const LEDGER: [Key, string][] = [
  ['earned', 'Earned'], ['paid', 'Paid out'], ['held', 'Held'], ['clawedBack', 'Clawed back'], ['balance', 'Balance'], ['mdfCash', 'MDF cash'],
];


/** The payouts section of a simulation of plan `p` (its chart `width` wide until laid out), or null when the plan has no incentives. */
export function incentivesResults(r: SimulateResponse, Plot: typeof import('@observablehq/plot'), p: Plan, width: number, nameOf: (id: string) => string): HTMLElement | null {
  const ids = Object.keys(r.partners ?? {}).filter((id) => r.partners[id]?.payouts);
  if (!ids.length) return null;
  const cur = r.currency ?? p.currency;
  const fmt = (x: unknown) => money(x, cur);
  const who = h('select', { id: nextId('payout-partner') }, ids.map((id) => h('option', { value: id }, nameOf(id))));
  // the partner with the most paid out first: the one the incentives are mostly about
  who.value = ids.reduce((a, b) => (Number(r.partners[b].payouts!.paid.mean) > Number(r.partners[a].payouts!.paid.mean) ? b : a));
  const what = h('select', { id: nextId('payout-figure') }, LEDGER.map(([k, t]) => h('option', { value: k }, t)));
  what.value = 'paid';
  const chart = h('figure', { class: 'chart fan payout-fan' });
  const ledger = h('div', { class: 'payout-ledger' });

  const draw = () => {
    const id = who.value;
    const key = what.value as Key;
    const name = nameOf(id);
    const title = LEDGER.find(([k]) => k === key)![1];
    const label = title.toLowerCase();
    const data: FanRow[] = r.months.map((m) => {
      const s = m.partners[id]?.payouts?.[key];
      return { month: m.month, p5: Number(s?.p5), p50: Number(s?.p50), p95: Number(s?.p95) };
    });
    fitChart(chart, (w) => [fanPlot(Plot, data, { width: w, yLabel: title, currency: cur, label: `${name}: ${label} per month over the simulated futures` }),
      h('figcaption', {}, `${name}: ${label} per month. 9 in 10 simulated futures fall in the band; the line is the typical (median) one.`)], 900, width);
    const total = r.partners[id].payouts!;
    clear(ledger, scrollBox(`Payout ledger of ${name}`, h('table', { class: 'ledger' },
      h('caption', {}, `Payout ledger of ${name} per month (average over the simulated futures)`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), LEDGER.map(([, t]) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', {}, r.months.map((m) => {
        const s = m.partners[id]?.payouts;
        return h('tr', {}, h('th', { scope: 'row' }, String(m.month)), LEDGER.map(([k]) => cell(s?.[k].mean)));
      })),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Whole plan'), LEDGER.map(([k]) => cell(total[k].mean)))))),
    h('p', { class: 'muted small' }, `Over the plan ${name} earns ${fmt(total.earned.mean)} on average: ${fmt(total.paid.mean)} paid out, ${fmt(total.held.mean)} still held, `
      + `${fmt(total.clawedBack.mean)} clawed back and ${fmt(total.balance.mean)} carried as balance. `
      + `Paid out in 9 in 10 futures: ${fmt(total.paid.p5)} to ${fmt(total.paid.p95)}. Held and balance are at the end of each month; the others are that month’s.`));
  };
  const cell = (v: unknown) => h('td', { class: `num${Number(v) < 0 ? ' bad' : ''}` }, fmt(v));
  who.addEventListener('input', draw);
  what.addEventListener('input', draw);
  draw();
  return h('div', { class: 'payouts' }, h('h3', {}, 'Payouts'),
    h('div', { class: 'row' }, field('Partner', who), field('Show', what)), chart, ledger);
}
