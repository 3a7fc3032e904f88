// The win model on the Insights screen: train it on the imported history (validated on the
// latest deals, never shuffled), say plainly whether it beats guessing the usual win rate,
// show its calibration and what drives it, and estimate a chosen team's chance to win.
import type { Prediction, TeamFeatures, TrainResponse } from 'dealteam';
import type { App } from '../app';
import type { Team } from '../engine/types';
import { loadPlot } from './lazy';
import { a11yChart, clear, field, h, unavailable } from './dom';
import { fitChart } from './fit-chart';
import { number, percent } from './format';
import { TEXT } from './fan-chart';
import { asCards, scrollBox } from './cards';
import { explainError } from './errors';

/** The model's features in a partner manager's words. */
const FEATURES: Record<string, string> = {
  // each reads as the subject of "raises the chance" / "lowers the chance"
  coverage: 'Covering the requirements',
  fit: 'Fitting the profiles',
  synergy: 'How well the partners work together',
  size: 'The number of partners',
  roles: 'The number of different roles',
  pastJointWinRate: 'Having won together before',
};
const feature = (f: string) => FEATURES[f] ?? f;

/**
 * How a team compares with the past deals on each feature, [more, less]: a contribution is
 * the model's weight times the team's distance from the past deals' average, so "lowers the
 * chance" says nothing without saying whether the team has more or less of it than usual.
 */
const COMPARED: Record<string, [string, string]> = {
  coverage: ['It covers the requirements better than the past deals’ teams did on average', 'It covers the requirements less well than the past deals’ teams did on average'],
  fit: ['Its partners fit the profiles better than the past deals’ partners on average', 'Its partners fit the profiles less well than the past deals’ partners on average'],
  synergy: ['Its partners have worked together better than usual', 'Its partners have worked together less well than usual'],
  size: ['It has more partners than the past deals’ teams on average', 'It has fewer partners than the past deals’ teams on average'],
  roles: ['It has more different roles than the past deals’ teams on average', 'It has fewer different roles than the past deals’ teams on average'],
  pastJointWinRate: ['Its partners have won together more often than usual', 'Its partners have won together less often than usual'],
};

/** What a team's features are for `predict`: members, their roles, and the search's scores. */
export const teamFeatures = (t: Team): TeamFeatures => ({ members: [...t.members], roles: t.members.map((m) => t.slots?.[m] ?? 'member'), coverage: t.coverage, fit: t.fit, synergy: t.synergy });

/**
 * The model's predictions on the most recent deals against always guessing the older deals'
 * win rate, in words: how much less (or more) off they were, by log loss (lower is better).
 */
export function againstGuess(model: number | null, guess: number | null, rate: number | null): string {
  // without a rate: the one said just before (a model without skill gives every team its own)
  const base = rate === null ? 'always guessing the usual win rate' : `always guessing the older deals’ win rate (${percent(rate)})`;
  if (guess === null || model === null || !(guess > 0) || !Number.isFinite(model)) return `On the most recent deals, the model was compared with ${base}.`;
  const change = 1 - model / guess;
  if (Math.abs(change) < 0.005) return `On the most recent deals, the model’s predictions were as far off as ${base}.`;
  return `On the most recent deals, the model’s predictions were ${percent(Math.abs(change))} ${change > 0 ? 'less' : 'more'} off than ${base}.`;
}

/** The verdict in words: skill or not, and how it was judged. */
export function verdict(r: TrainResponse): string {
  const v = r.validation;
  const judged = `Judged on the ${number(v.validationDeals)} most recent deals, after learning from the ${number(v.trainDeals)} before them`;
  if (!r.model.skill) return `The model has no skill yet: ${r.model.reason ?? 'it does not predict better than the usual win rate'}. Every team gets the usual win rate of ${percent(r.model.baseRate)}. ${judged}.`;
  const auc = typeof v.auc === 'number' ? ` it tells a won deal from a lost one ${percent(v.auc)} of the time (50% would be a coin toss)` : '';
  return `The model predicts better than guessing the usual win rate:${auc}. ${judged}.`;
}

/**
 * One team's chance to win in words, with what raises and lowers it; with the `model` (its
 * features and weights), each reason also says how the team compares with the past deals.
 */
export function chanceText(p: Prediction, model?: { features: string[]; coefficients: number[] }): { headline: string; reasons: string[] } {
  if (!p.fromModel) return { headline: `${percent(p.probability)} — the usual win rate (the model has no skill yet, so every team gets it)`, reasons: [] };
  const weight = (f: string) => model?.coefficients[model.features.indexOf(f)];
  const reasons = Object.entries(p.contributions).filter(([, c]) => Math.abs(c) >= 0.05).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([f, c]) => {
      const effect = `${c > 0 ? 'raises' : 'lowers'} the chance${Math.abs(c) >= 0.5 ? ' a lot' : ''}`;
      const w = weight(f);
      const compared = COMPARED[f];
      if (!compared || typeof w !== 'number' || w === 0) return `${feature(f)} ${effect}.`;
      // the team has more of the feature than the average when its contribution has the weight's sign
      return `${compared[(c > 0) === (w > 0) ? 0 : 1]}, which ${effect}.`;
    });
  return { headline: percent(p.probability), reasons };
}

export function winModelPanel(app: App): { el: HTMLElement; refresh: () => void } {
  const train = h('button', { type: 'button', class: 'primary' }, 'Train the win model');
  const out = h('div', { class: 'win-model', 'aria-live': 'polite' });
  const pick = h('select', { id: 'predict-team' });
  const predict = h('button', { type: 'button' }, 'Estimate the chance to win');
  const chance = h('div', { class: 'chance', 'aria-live': 'polite' });

  /** The teams a user can ask about: the last search's, and the one chosen for splits. */
  function choices(): { label: string; team: TeamFeatures }[] {
    const list = app.teams.map((t, i) => ({ label: `Team ${i + 1}: ${t.members.map((m) => app.name(m)).join(', ')}`, team: teamFeatures(t) }));
    const chosen = app.ws.splits?.members;
    if (chosen?.length && !app.teams.some((t) => t.members.join() === chosen.join())) list.push({ label: `The team used for splits: ${chosen.map((m) => app.name(m)).join(', ')}`, team: { members: [...chosen] } });
    return list;
  }

  async function draw(r: TrainResponse) {
    const v = r.validation;
    const Plot = await loadPlot();
    const bins = v.calibration.filter((b) => b.deals > 0);
    const chart = bins.length ? h('figure', { class: 'chart' }) : null;
    if (chart) fitChart(chart, (width) => [a11yChart(Plot.plot({
      ...TEXT, width, height: 300, x: { label: 'Predicted chance to win', domain: [0, 1], tickFormat: '%' }, y: { label: 'Share actually won', domain: [0, 1], tickFormat: '%', grid: true },
      marks: [Plot.line([[0, 0], [1, 1]], { stroke: '#8c959f', strokeDasharray: '4 3' }), Plot.dot(bins, { x: 'predicted', y: 'observed', r: (b: { deals: number }) => 3 + Math.sqrt(b.deals) * 1.5, fill: '#0a5dc2' })],
    }), 'Predicted chance against the share actually won, on the most recent deals'),
    h('figcaption', {}, 'Each dot is a group of recent deals: its predicted chance against the share actually won. On the dashed line, predictions match reality.')], 420, out.clientWidth || 420);
    const model = r.model;
    clear(out,
      h('p', { class: model.skill ? 'verdict good' : 'verdict notice' }, verdict(r)),
      h('p', { class: 'against-guess' }, againstGuess(v.logLoss, v.baseline.logLoss, model.skill ? v.baseline.rate : null)),
      h('div', { class: 'side-by-side' }, chart,
      bins.length ? scrollBox('Predicted against actual', asCards(h('table', {}, h('caption', {}, 'Predicted against actual, on the most recent deals'),
        h('thead', {}, h('tr', {}, ['Predicted chance', 'Deals', 'Predicted on average', 'Actually won'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
        h('tbody', {}, bins.map((b) => h('tr', {}, h('td', {}, `${percent(b.from)} – ${percent(b.to)}`), h('td', { class: 'num' }, number(b.deals)), h('td', { class: 'num' }, percent(b.predicted)), h('td', { class: 'num' }, percent(b.observed)))))))) : null),
      model.skill ? h('div', {}, h('h4', {}, 'What goes with winning'), h('ul', {}, model.features.map((f, i) => {
        const c = model.coefficients[i];
        return h('li', {}, `${feature(f)}: ${Math.abs(c) < 0.05 ? 'makes little difference' : c > 0 ? 'more of it, more wins' : 'more of it, fewer wins'}`);
      }))) : null);
  }

  function refresh() {
    const ts = choices();
    clear(pick, ts.length ? ts.map((t, i) => h('option', { value: String(i) }, t.label)) : h('option', { value: '' }, 'Find teams first (Deal & Teams)'));
    predict.disabled = !ts.length || !app.ws.winModel;
    train.disabled = !app.ws.history;
    const saved = app.ws.winModel;
    if (saved) void draw(saved);
    else clear(out, h('p', { class: 'muted' }, app.ws.history ? 'Train the model to see whether the history predicts wins.' : 'Import a deal history above, or try the made-up example, to train the model.'));
    // a disabled button says why
    clear(chance, ts.length && !saved ? h('p', { class: 'muted' }, 'Train the win model above to estimate a team’s chance.') : null);
  }

  train.addEventListener('click', async () => {
    const hist = app.ws.history;
    if (!hist) return;
    if (!app.engine.has('train')) { clear(out, unavailable('The win model')); return; }
    clear(out, h('p', {}, 'Training…'));
    try {
      app.ws.winModel = await app.engine.call('train', { history: hist.deals, currency: hist.currency });
      app.changed('history');
    } catch (e) {
      clear(out, h('p', { class: 'bad', role: 'alert' }, `The model could not be trained: ${explainError(e, false)}`));
    }
  });

  predict.addEventListener('click', async () => {
    const m = app.ws.winModel;
    const t = choices()[Number(pick.value)];
    if (!m || !t) return;
    try {
      const r = await app.engine.call('predict', { model: m.model, teams: [t.team] });
      const p = r.predictions[0];
      const { headline, reasons } = chanceText(p, m.model);
      clear(chance, h('p', { class: 'big' }, `Chance to win: ${headline}`), reasons.length ? h('ul', {}, reasons.map((x) => h('li', {}, x))) : null);
    } catch (e) {
      clear(chance, h('p', { class: 'bad', role: 'alert' }, `No estimate: ${explainError(e, false)}`));
    }
  });
  app.on('teams', refresh, true);

  const el = h('section', { class: 'win-model-panel', 'aria-labelledby': 'h-win' },
    h('h3', { id: 'h-win' }, 'Win model: which teams win?'),
    h('p', {}, 'The model learns from the older deals and is checked on the most recent ones, so it is judged the way you would use it. When it predicts no better than the usual win rate, it says so and gives every team that rate.'),
    h('div', { class: 'row' }, train), out,
    h('h4', {}, 'A team’s chance to win'),
    h('div', { class: 'row' }, field('Team', pick), predict), chance);
  return { el, refresh };
}
