// "Check against past deals" in the profile editor: does the profile's fit predict wins in the
// deal history imported on the Insights screen? The verdict in words; per criterion the win
// rate of deals whose partners score high against low (a chart and a table) with the current
// and the suggested weights; and a what-if — the top 10 under the suggested weights beside
// today's, with movement — and "Use these weights" (one edit, so Undo takes it back).
import type { ProfileCalibration } from 'dealteam';
import type { App } from '../app';
import type { Profile } from '../engine/types';
import { suggestedWeights } from '../calibration';
import { explainError } from './errors';
import { a11yChart, clear, h, unavailable } from './dom';
import { fitChart } from './fit-chart';
import { number, percent } from './format';
import { loadPlot } from './lazy';
import { TEXT } from './fan-chart';
import { scrollBox } from './cards';

/** A table that scrolls sideways inside its box, reachable by keyboard. */

/** A calibration with the partners' top 10 now and under the suggested weights (ids). */
export interface CalibrationView { calibration: ProfileCalibration; current: string[]; whatIf: string[] | null }

/** Why no weights are suggested, in words (the engine's reason names its rule). */
function withheld(c: ProfileCalibration): string {
  const v = c.suggestion.validation;
  if (/too little data/.test(c.suggestion.reason ?? '')) {
    return `No new weights are suggested: too few deals to trust them (${number(c.deals)} deals with partners; at least 40 are needed, with 5 wins and 5 losses among the older ones and 10 recent ones to check on).`;
  }
  if (/no criterion raises/.test(c.suggestion.reason ?? '')) return 'No new weights are suggested: none of the criteria goes with winning more often.';
  return `No new weights are suggested: weights learned from the ${number(v.trainDeals)} older deals did not predict the ${number(v.validationDeals)} most recent ones better than the usual win rate of ${percent(v.baseline.rate)}.`;
}

function skillText(c: ProfileCalibration): string {
  const v = c.suggestion.validation;
  return `Learned from the ${number(v.trainDeals)} older deals and checked on the ${number(v.validationDeals)} most recent ones, the suggested weights tell a won deal from a lost one ${percent(v.auc)} of the time (50% would be a coin toss).`;
}

/** The what-if: today's top 10 and the top 10 under the suggested weights, with movement. */
function whatIfTable(app: App, v: CalibrationView): HTMLElement {
  const now = new Map(v.current.map((id, i) => [id, i]));
  const after = v.whatIf ?? [];
  const move = (id: string, i: number) => {
    const was = now.get(id);
    if (was === undefined) return h('span', { class: 'move up' }, '▲ new in the top 10');
    if (was === i) return h('span', { class: 'move same' }, '= same place');
    return was > i ? h('span', { class: 'move up' }, `▲ ${was - i} up`) : h('span', { class: 'move down' }, `▼ ${i - was} down`);
  };
  const rows = Array.from({ length: Math.max(v.current.length, after.length) }, (_, i) => h('tr', {},
    h('td', { class: 'num' }, String(i + 1)),
    h('td', {}, v.current[i] ? app.name(v.current[i]) : ''),
    h('td', {}, after[i] ? app.name(after[i]) : ''),
    h('td', {}, after[i] ? move(after[i], i) : '')));
  return scrollBox('Top 10 partners now and with the suggested weights', h('table', { class: 'what-if' }, h('caption', {}, 'Top 10 partners now and with the suggested weights'),
    h('thead', {}, h('tr', {}, ['#', 'Now', 'With the suggested weights', 'Change'].map((c, j) => h('th', { scope: 'col', class: j ? null : 'num' }, c)))),
    h('tbody', {}, rows)));
}

/** The win rates per criterion as a figure that fits its box (`guess`: its width until laid out). */
async function liftChart(c: ProfileCalibration, names: string[], guess: number): Promise<HTMLElement | null> {
  const data = c.criteria.flatMap((x, i) => [
    { criterion: names[i], group: 'scores high', rate: x.high.winRate },
    { criterion: names[i], group: 'scores low', rate: x.low.winRate },
  ]).filter((d) => typeof d.rate === 'number');
  if (!data.length) return null;
  const Plot = await loadPlot();
  const figure = h('figure', { class: 'chart' });
  fitChart(figure, (width) => [a11yChart(Plot.plot({
    ...TEXT, width, height: 40 + 44 * c.criteria.length, marginLeft: 180,
    x: { label: 'Share of deals won', domain: [0, 1], tickFormat: '%', grid: true }, y: { label: null, axis: null },
    fy: { label: null, domain: names }, color: { domain: ['scores high', 'scores low'], range: ['#0a5dc2', '#b6c2cf'], legend: true },
    marks: [Plot.barX(data, { x: 'rate', y: 'group', fy: 'criterion', fill: 'group' }), Plot.ruleX([0])],
  }), 'Win rate of deals whose partners score high against low, per criterion'),
  h('figcaption', {}, 'For each criterion: how often deals were won when their partners score high on it (half marks or more) and when they score low.')], 500, guess || 500);
  return figure;
}

/**
 * The panel; `profile()` is the profile being edited, `name(i)` its criterion i in words,
 * `apply(weights)` sets its weights (the editor redraws and re-ranks).
 */
export function calibrationPanel(app: App, profile: () => Profile | undefined, name: (i: number) => string, apply: (weights: number[]) => void) {
  const check = h('button', { type: 'button' }, 'Check against past deals');
  const out = h('div', { class: 'calibration', 'aria-live': 'polite' });
  const intro = h('p', { class: 'muted' });
  const sync = () => {
    const hist = app.ws.history;
    check.disabled = !hist;
    intro.textContent = hist ? `Does a high fit go with winning? Checks the profile against ${hist.label} (${number(hist.deals.length)} closed deals).` : 'Import your closed deals on the Insights screen to check whether a high fit goes with winning.';
  };

  async function run() {
    const p = profile();
    const hist = app.ws.history;
    if (!p || !hist) return;
    if (!app.engine.has('calibrate')) { clear(out, unavailable('Checking against past deals')); return; }
    clear(out, h('p', { class: 'muted' }, 'Checking…'));
    try {
      const v = await app.engine.call('calibrate', { profile: p, history: hist.deals, currency: hist.currency });
      await draw(p, v);
    } catch (e) {
      const err = e as { code?: string; path?: string };
      const at = /^history\[(\d+)\]/.exec(err.path ?? '');
      const text = err.code === 'unknown_partner' && at
        ? `The deal history names a partner that is not among your partners (deal ${hist.deals[Number(at[1])]?.id ?? ''}). Load the partners the history belongs to, or import the history again.`
        : explainError(e);
      clear(out, h('p', { class: 'verdict bad', role: 'alert' }, text));
    }
  }

  async function draw(p: Profile, v: CalibrationView) {
    const c = v.calibration;
    const names = p.criteria.map((_, i) => name(i));
    const weights = suggestedWeights(p, c.criteria.map((x) => x.suggestedWeight));
    const good = c.verdict === 'acceptable' || c.verdict === 'strong';
    const chart = await liftChart(c, names, out.clientWidth);
    const left = c.unscored ? ` ${number(c.unscored)} deals without partners are left out.` : '';
    clear(out,
      h('p', { class: `verdict ${good ? 'good' : 'notice'}` }, `${c.summary}${left}`),
      h('div', { class: 'side-by-side' },
        chart,
        scrollBox('Criteria against past deals', h('table', {}, h('caption', {}, 'Criteria against past deals'),
          h('thead', {}, h('tr', {}, ['Criterion', 'Won when high', 'Won when low', 'Weight now', 'Suggested'].map((t, j) => h('th', { scope: 'col', class: j ? 'num' : null }, t)))),
          h('tbody', {}, c.criteria.map((x, i) => h('tr', {},
            h('td', {}, names[i]),
            h('td', { class: 'num' }, `${percent(x.high.winRate)} of ${number(x.high.deals)}`),
            h('td', { class: 'num' }, `${percent(x.low.winRate)} of ${number(x.low.deals)}`),
            h('td', { class: 'num' }, `${number(p.criteria[i].weight, 1)} (${percent(x.weight)})`),
            h('td', { class: 'num' }, weights ? `${number(weights[i], 1)} (${percent(x.suggestedWeight)})` : '—'))))))),
      weights ? h('p', { class: 'verdict good' }, skillText(c)) : h('p', { class: 'verdict notice' }, withheld(c)),
      weights && v.whatIf ? whatIfTable(app, v) : null,
      weights ? h('p', {}, h('button', { type: 'button', class: 'primary', onclick: () => { apply(weights); clear(out, h('p', {}, 'The suggested weights are in use. Undo brings the old ones back.')); } }, 'Use these weights')) : null);
  }

  check.addEventListener('click', () => void run());
  app.on('history', sync);
  sync();
  const el = h('div', { class: 'calibrate' }, h('h3', {}, 'Check against past deals'), intro, check, out);
  return { el, reset: () => { sync(); clear(out); } };
}
