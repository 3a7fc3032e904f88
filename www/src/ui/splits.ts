// The Splits screen: the same deal divided by several rules side by side (fixed, tiered,
// contribution, Shapley under two games, Banzhaf, nucleolus, Myerson) as a chart and a table with each rule's
// fairness report; and multi-touch attribution models over customer journeys. At a laptop's width
// the settings beside Compare splits and the amounts, the fairness and the attribution under
// both; on a phone Compare splits and its results first, the settings after them.
import { loadPlot } from './lazy';
import type { App } from '../app';
import type { Journey, SplitRequest, SplitResponse } from '../engine/types';
import type { SplitSettings } from '../state';
import { a11yChart, clear, field, h, nextId, unavailable } from './dom';
import { fitChart } from './fit-chart';
import { namesFitUnder, namesLeft } from './chart-names';
import { amountField, hasInvalid } from './amount-field';
import { glossary, ruleTable, teamSummary, type RuleResult } from './fairness';
import { tip } from './glossary';
import { attributionPanel } from './attribution';
import { alliancePicker, unions, workTogether } from './alliances';
import { money, percent } from './format';
import { explainError } from './errors';
import { TEXT } from './fan-chart';
import { staleNote } from './stale';
import { asCards, scrollBox } from './cards';
import { jumpNav, partHeading } from './jump';

interface Method { id: string; label: string; said: string; req: (s: SplitSettings) => Partial<SplitRequest> }

// `said`: what the rule rewards, in one line shown under its name (a phone has no hover)
const METHODS: Method[] = [
  { id: 'fixed', label: 'Fixed shares', said: 'The percentages agreed up front, whatever each partner brought.', req: (s) => ({ model: 'fixed', percent: Object.fromEntries(s.members.map((m) => [m, String(s.shares[m] ?? 0)])) }) },
  { id: 'tiered', label: 'Tiered commission', said: 'The influence partner’s commission; the others share the rest by their fixed shares.', req: (s) => tieredRequest(s) },
  { id: 'contribution', label: 'Marginal contribution', said: 'In proportion to what the team would lose without each partner.', req: () => ({ model: 'contribution' }) },
  { id: 'shapley-win', label: 'Shapley (win probability)', said: 'Each partner’s average extra value over every order in which the team could have formed.', req: () => ({ model: 'shapley', game: { kind: 'winProbability' } }) },
  { id: 'shapley-cov', label: 'Shapley (coverage)', said: 'The same, valuing a group by how much of the customer’s needs it covers.', req: () => ({ model: 'shapley', game: { kind: 'coverage' } }) },
  { id: 'banzhaf', label: 'Banzhaf (win probability)', said: 'Each partner’s average extra value over every group it could join, every group counted alike.', req: () => ({ model: 'banzhaf', game: { kind: 'winProbability' } }) },
  { id: 'nucleolus', label: 'Nucleolus (smallest worst complaint)', said: 'Leaves the most short-changed group as little short as possible.', req: () => ({ model: 'nucleolus', game: { kind: 'winProbability' } }) },
  { id: 'myerson', label: 'Myerson (only partners who work together)', said: 'Like Shapley, but only groups of partners with working relationships count.', req: () => ({ model: 'myerson', game: { kind: 'winProbability' } }) },
  { id: 'owen', label: 'Owen (alliances first)', said: 'Like Shapley, but the deal goes to the alliances first, then within each alliance.', req: (s) => ({ model: 'owen', game: { kind: 'winProbability' }, unions: unions(s) }) },
];
const saidOf = (id: string) => METHODS.find((m) => m.id === id)?.said;

/** Who the tiered rule's influence partner is: the one chosen, else the last member. */
export const influencer = (s: SplitSettings) => (s.influencer && s.members.includes(s.influencer) ? s.influencer : s.members[s.members.length - 1]);

/**
 * The tiered rule as the user sets it: the influence partner earns `influenceRate` of the
 * amount up to `threshold` and `rateAbove` above it; the rest goes to the others by their fixed shares.
 */
function tieredRequest(s: SplitSettings): Partial<SplitRequest> {
  const infl = influencer(s);
  const others = s.members.filter((m) => m !== infl);
  const above = s.rateAbove ?? Math.max(0, Math.round((s.influenceRate - 0.02) * 1e6) / 1e6);
  return {
    model: 'tiered',
    roles: { [infl]: 'influence' },
    schedules: { influence: [{ upTo: s.threshold ?? '100000.00', rate: s.influenceRate }, { rate: above }] },
    residual: others.length ? { shares: Object.fromEntries(others.map((m) => [m, s.shares[m] ?? 1])) } : { to: infl },
  };
}

/** The fixed shares as percentages adding up to 100 (older workspaces kept equal weights). */
export function equalPercents(members: string[]): Record<string, number> {
  const each = Math.floor(10000 / Math.max(1, members.length)) / 100;
  return Object.fromEntries(members.map((m, i) => [m, i === members.length - 1 ? Math.round((100 - each * (members.length - 1)) * 100) / 100 : each]));
}

/** What is wrong with the fixed shares, or null: they must add up to 100%. */
export function sharesProblem(s: SplitSettings): string | null {
  const sum = Math.round(s.members.reduce((a, m) => a + (s.shares[m] ?? 0), 0) * 100) / 100;
  return sum === 100 ? null : `The fixed shares add up to ${sum}%; they must add up to 100%.`;
}

/** The engine answers `{result: {allocations, fairness, …}}`; SPEC §10 shows the flat form. Accept both. */
function unwrap(r: SplitResponse | { result: SplitResponse }): SplitResponse {
  return 'result' in r && r.result ? r.result : (r as SplitResponse);
}

export function defaultSplits(members: string[], value: string): SplitSettings {
  const [a, b, c] = members;
  const journeys: Journey[] = [];
  if (a) journeys.push({ path: [a], conversions: 12, nulls: 40, value: '240000.00' });
  if (a && b) journeys.push({ path: [a, b], conversions: 20, nulls: 30, value: '500000.00' });
  if (b) journeys.push({ path: [b], conversions: 6, nulls: 50, value: '90000.00' });
  if (a && b && c) journeys.push({ path: [c, a, b], conversions: 9, nulls: 12, value: '310000.00' });
  return { amount: value, members, shares: equalPercents(members), sharesPct: true, influenceRate: 0.05, rateAbove: 0.03, threshold: '100000.00', journeys };
}

export function splitsScreen(app: App): HTMLElement {
  const form = h('form', { class: 'editor', 'aria-labelledby': 'h-split-settings', onsubmit: (e: Event) => e.preventDefault() });
  const team = h('p', { class: 'splits-team' });
  const out = h('div', { class: 'split-results', 'aria-live': 'polite', tabindex: '0', role: 'region', 'aria-label': 'Split results' },
    h('p', { class: 'muted' }, 'Compare splits to see each partner’s share under every rule, side by side, and how fair each rule is.'));
  const fair = h('section', { class: 'splits-fairness', 'aria-labelledby': 'h-fairness', hidden: true });
  const run = h('button', { type: 'button', class: 'primary' }, 'Compare splits');

  const settings = (): SplitSettings | null => {
    if (!app.ws.splits && app.ws.deal) {
      const members = app.teams[0]?.members ?? app.eco?.partners.slice(0, 3).map((p) => p.id) ?? [];
      if (members.length) { app.ws.splits = defaultSplits(members, app.ws.deal.value); app.changed('splits'); }
    }
    const s = app.ws.splits;
    // older workspaces kept equal weights: the same split as equal percentages
    if (s && !s.sharesPct) { s.shares = equalPercents(s.members); s.sharesPct = true; }
    return s;
  };
  const cur = () => app.ws.deal?.currency ?? 'EUR';

  /** What the engine is given for each rule (or why a rule is not asked), from the settings, the team and the deal as they are now. */
  const requests = () => {
    const s = settings();
    const d = app.ws.deal;
    if (!s || !d || !app.eco) return null;
    // the games only look at the members: send those, not the whole (possibly 100k) ecosystem
    const inTeam = new Set(s.members);
    const ecosystem = { ...app.eco, partners: app.eco.partners.filter((p) => inTeam.has(p.id)), relationships: (app.eco.relationships ?? []).filter((r) => inTeam.has(r.a) && inTeam.has(r.b)) };
    const base = { amount: s.amount, currency: d.currency, members: s.members, ecosystem, deal: d };
    const shareError = sharesProblem(s);
    return METHODS.map(({ id, label, req }) => (id === 'fixed' && shareError ? { id, label, error: shareError } : { id, label, req: { ...base, ...req(s) } as SplitRequest }));
  };
  const stale = staleNote(out, 'Out of date: the settings, the team, the partners or the deal changed. Compare splits again to update.', requests);
  const attribution = attributionPanel(app, settings);

  function build() {
    const s = settings();
    if (!s) { clear(team); clear(form, h('p', {}, 'Find a team first, or load partners.')); return; }
    const changed = () => app.changed('splits');
    const pctInput = (path: string, label: string, get: () => number, set: (v: number) => void) => {
      const el = h('input', { type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal', value: Math.round(get() * 1e6) / 1e4, 'data-path': path, id: nextId('s') });
      el.addEventListener('input', () => { set(Number(el.value) / 100); changed(); });
      return field(label, el);
    };
    const who = h('select', { id: nextId('s'), 'data-path': 'roles' }, s.members.map((m) => h('option', { value: m }, app.name(m))));
    who.value = influencer(s);
    who.addEventListener('change', () => { s.influencer = who.value; changed(); });
    const sumNote = h('p', { class: 'form-error', role: 'alert' });
    const checkSum = () => { sumNote.textContent = sharesProblem(s) ?? ''; };
    const shares = s.members.map((m) => {
      const el = h('input', { type: 'number', min: '0', max: '100', step: 'any', value: s.shares[m] ?? 0, 'data-path': `percent.${m}`, id: nextId('s') });
      el.addEventListener('input', () => { s.shares[m] = Number(el.value); checkSum(); changed(); });
      return field(`${app.name(m)} (%)`, el);
    });
    checkSum();
    clear(team, 'Team: ', s.members.map((m) => app.name(m)).join(', '));
    clear(form,
      amountField('amount', 'Amount to divide', () => s.amount, (v) => { s.amount = v; changed(); }, cur),
      h('fieldset', {}, h('legend', {}, 'Fixed shares (must add up to 100%)'), h('div', { class: 'grid' }, shares), sumNote),
      h('fieldset', {}, h('legend', {}, 'Tiered commission'),
        h('div', { class: 'grid' },
          field('Influence partner', who),
          amountField('schedules.influence[0].upTo', 'Up to', () => s.threshold ?? '100000.00', (v) => { s.threshold = v; changed(); }, cur),
          pctInput('schedules.influence[0].rate', 'Commission up to it (%)', () => s.influenceRate, (v) => { s.influenceRate = v; }),
          pctInput('schedules.influence[1].rate', 'Commission above it (%)', () => s.rateAbove ?? Math.max(0, s.influenceRate - 0.02), (v) => { s.rateAbove = v; })),
        h('small', {}, 'The others share the rest by their fixed shares.')),
      alliancePicker(app, s, changed),
      workTogether(app, s),
      h('p', { class: 'form-error', role: 'alert' }));
  }

  async function compare() {
    const s = settings();
    const d = app.ws.deal;
    const asked = requests();
    if (!s || !d || !asked) return;
    if (!app.engine.has('split')) { clear(out, unavailable('Revenue splitting')); return; }
    if (hasInvalid(form)) { clear(out, h('p', { class: 'bad' }, 'Correct the marked field first.')); return; }
    // the results say what was asked, even if the settings change while they are computed
    const { amount, members } = s;
    const shown = stale.computing(asked);
    clear(out, h('p', {}, 'Computing…'));
    clear(fair);
    fair.hidden = true;
    const Plot = await loadPlot();
    const results: RuleResult[] = await Promise.all(asked.map(async ({ id, label, req, error }) => {
      if (!req) return { id, label, error };
      try { return { id, label, r: unwrap(await app.engine.call('split', req)) }; } catch (e) { return { id, label, error: explainError(e) }; }
    }));
    const ok = results.filter((x): x is RuleResult & { r: SplitResponse } => !!x.r);
    const data = ok.flatMap(({ label, r }) => r.allocations.map((a) => ({ partner: app.name(a.partnerId), method: label, share: a.share, amount: Number(a.amount) })));
    const chart = data.length ? h('figure', { class: 'chart' }) : null;
    // side by side while every partner's name fits under its group of bars; narrower (a phone), one row of bars per
    // partner, its name on the left in a margin as wide as the widest name (wrapped between words), so no name is cut off
    const names = members.map((m) => app.name(m));
    if (chart) fitChart(chart, (width) => { const left = namesLeft(names, width); return [a11yChart(namesFitUnder(names, width)
      ? Plot.plot({
        ...TEXT, marginBottom: 40, height: 320, width,
        x: { axis: null, domain: ok.map((x) => x.label) }, y: { label: 'Share', tickFormat: '%', grid: true }, fx: { domain: names, label: null },
        color: { legend: true, domain: ok.map((x) => x.label) },
        marks: [Plot.barY(data, { fx: 'partner', x: 'method', y: 'share', fill: 'method', tip: true }), Plot.ruleY([0])],
      })
      : Plot.plot({
        ...TEXT, marginLeft: left.marginLeft, marginBottom: 40, width, height: names.length * (ok.length * 9 + 18) + 50,
        y: { axis: null, domain: ok.map((x) => x.label) }, x: { label: 'Share →', tickFormat: '%', grid: true, ticks: 4 }, fy: { domain: names, label: null },
        color: { legend: true, domain: ok.map((x) => x.label) },
        marks: [Plot.axisFy({ anchor: 'left', label: null, tickFormat: left.tickFormat, title: (d: string) => d }),
          Plot.barX(data, { fy: 'partner', y: 'method', x: 'share', fill: 'method', tip: true }), Plot.ruleX([0])],
      }), 'Share of each partner under each split rule'), h('figcaption', {}, 'Each partner’s share of the deal under each rule')]; }, 900, out.clientWidth || 720);
    clear(out,
      chart,
      scrollBox('Amounts per rule', asCards(h('table', { class: 'split-table' }, h('caption', {}, `Amount per partner and rule (${money(amount, d.currency)} divided)`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rule'), members.map((id) => h('th', { scope: 'col', class: 'num' }, app.name(id))))),
        h('tbody', {}, ok.map(({ id, label, r }) => h('tr', {}, h('th', { scope: 'row' }, tip(label), h('small', { class: 'rule-said' }, saidOf(id))),
          members.map((id) => { const a = r.allocations.find((x) => x.partnerId === id); return h('td', { class: 'num', 'data-label': app.name(id) }, a ? `${money(a.amount, d.currency)} (${percent(a.share)})` : '—'); }))))))));
    clear(fair,
      h('h3', { id: 'h-fairness' }, 'Fairness'),
      h('div', { class: 'fairness' }, teamSummary(app, results, amount, d.currency), ruleTable(app, results, d.currency)),
      glossary());
    fair.hidden = false;
    shown();
  }

  run.addEventListener('click', () => void compare());
  for (const ev of ['ecosystem', 'teams', 'deal'] as const) app.on(ev, build, true);
  for (const ev of ['ecosystem', 'splits', 'teams', 'deal'] as const) app.on(ev, stale.check);

  const settingsHeading = partHeading('Split settings', { id: 'h-split-settings' });
  const runRow = h('div', { class: 'row' }, run);
  return h('section', { class: 'screen', 'aria-labelledby': 'h-splits' },
    h('h2', { id: 'h-splits' }, 'Revenue splits and attribution'),
    team,
    jumpNav('Parts of the splits', [['Split settings', settingsHeading], ['The splits', runRow], ['Attribution', attribution]]),
    h('div', { class: 'cols' },
      h('div', { class: 'col splits-settings' }, settingsHeading, form),
      // Compare splits over its results, in view without scrolling past the settings (as Find teams on Deal & Teams)
      h('div', { class: 'col wide' }, runRow, out),
      // under both columns: the fairness table's sentences need the width, and the settings beside it would leave a gap
      fair),
    attribution);
}
