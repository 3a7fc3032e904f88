// The fan chart of a simulated series over months: the band holds 9 in 10 simulated futures
// (p5–p95), the solid line is the typical one (median), the dashed line the average. One
// drawing for the plan's series and each partner's payouts; with it what the money charts of
// the Plan screen share: their text size, and a money axis labelled and ticked alike.
import { a11yChart } from './dom';
import { LOCALE } from './format';

/** One month of a series over the simulated futures. */
export interface FanRow { month: number; p5: number; p50: number; p95: number; mean?: number }

/**
 * What the charts share: 12 px text (Plot's own 10 px is hard to read) and room under the
 * horizontal ticks for the axis label, so the label has a line of its own and never runs into
 * the last tick.
 */
export const CHART = { style: { fontSize: '12px' }, marginBottom: 44 };
/**
 * The same for the charts of other screens (Insights, Splits, Accounts…): at 12 px an axis label
 * under Plot's default 30 px margin sat on the ticks ("Predicted chance to win →" over "80%").
 */
export const TEXT = CHART;

/**
 * A money axis: its label with the currency in parentheses, "Revenue (EUR)" (Plot adds the
 * arrow), and ticks as the page writes money, short: "€0", "€200K", "€1.2M" in en-US.
 */
export function moneyAxis(label: string, currency?: string | null): { label: string; tickFormat: (x: number) => string } {
  const cur = currency && /^[A-Z]{3}$/.test(currency) ? currency : null;
  const short = { notation: 'compact', maximumFractionDigits: 1 } as const;
  let f: Intl.NumberFormat;
  try { f = new Intl.NumberFormat(LOCALE, cur ? { ...short, style: 'currency', currency: cur } : short); } catch { f = new Intl.NumberFormat(LOCALE, short); }
  return { label: `${label.slice(0, 1).toUpperCase()}${label.slice(1)}${cur ? ` (${cur})` : ''}`, tickFormat: (x) => f.format(x) };
}

/** The chart (an accessible image named `label`); `yLabel` names the vertical axis, whose amounts are in `currency`. */
export function fanPlot(Plot: typeof import('@observablehq/plot'), data: FanRow[], o: { width: number; yLabel: string; currency?: string | null; label: string }): Element {
  const withMean = data.some((d) => Number.isFinite(d.mean));
  return a11yChart(Plot.plot({
    ...CHART, height: 300, marginLeft: 64, width: o.width, x: { label: 'Month' }, y: { ...moneyAxis(o.yLabel, o.currency), grid: true },
    marks: [
      Plot.areaY(data, { x: 'month', y1: 'p5', y2: 'p95', fill: 'steelblue', fillOpacity: 0.25 }),
      Plot.lineY(data, { x: 'month', y: 'p50', stroke: 'steelblue' }),
      withMean ? Plot.lineY(data, { x: 'month', y: 'mean', stroke: 'orange', strokeDasharray: '4 3' }) : null,
      Plot.ruleY([0]),
    ],
  }), o.label);
}
