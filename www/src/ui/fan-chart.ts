// The fan chart of a simulated series over months: the band holds 9 in 10 simulated futures
// (p5–p95), the solid line is the typical one (median), the dashed line the average. One
// drawing for the plan's series and each partner's payouts.
import { a11yChart } from './dom';

/** One month of a series over the simulated futures. */
export interface FanRow { month: number; p5: number; p50: number; p95: number; mean?: number }

/** The chart (an accessible image named `label`); `yLabel` names the vertical axis. */
export function fanPlot(Plot: typeof import('@observablehq/plot'), data: FanRow[], o: { width: number; yLabel: string; label: string }): Element {
  const withMean = data.some((d) => Number.isFinite(d.mean));
  return a11yChart(Plot.plot({
    height: 300, marginLeft: 64, width: o.width, x: { label: 'month' }, y: { label: o.yLabel, grid: true, tickFormat: '~s' },
    marks: [
      Plot.areaY(data, { x: 'month', y1: 'p5', y2: 'p95', fill: 'steelblue', fillOpacity: 0.25 }),
      Plot.lineY(data, { x: 'month', y: 'p50', stroke: 'steelblue' }),
      withMean ? Plot.lineY(data, { x: 'month', y: 'mean', stroke: 'orange', strokeDasharray: '4 3' }) : null,
      Plot.ruleY([0]),
    ],
  }), o.label);
}
