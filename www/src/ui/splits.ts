// The Splits screen: the same deal divided by several rules side by side (fixed, tiered,
// contribution, Shapley under two games, Banzhaf, nucleolus, Myerson) as a chart and a table with each rule's
// fairness report; and multi-touch attribution models over customer journeys.
import { loadPlot } from './lazy';
import { showError, type App } from '../app';
import { EngineError } from '../engine/protocol';
import type { Journey, SplitRequest, SplitResponse } from '../engine/types';
import type { SplitSettings } from '../state';
import { a11yChart, clear, field, fmtMoney, fmtNum, fmtPct, h, nextId, unavailable } from './dom';

interface Method { id: string; label: string; req: (s: SplitSettings) => Partial<SplitRequest> }

const METHODS: Method[] = [
  { id: 'fixed', label: 'Fixed shares', req: (s) => ({ model: 'fixed', shares: s.shares }) },
  { id: 'tiered', label: 'Tiered commission', req: (s) => tieredRequest(s) },
  { id: 'contribution', label: 'Marginal contribution', req: () => ({ model: 'contribution' }) },
  { id: 'shapley-win', label: 'Shapley (win probability)', req: () => ({ model: 'shapley', game: { kind: 'winProbability' } }) },
  { id: 'shapley-cov', label: 'Shapley (coverage)', req: () => ({ model: 'shapley', game: { kind: 'coverage' } }) },
  { id: 'banzhaf', label: 'Banzhaf (win probability)', req: () => ({ model: 'banzhaf', game: { kind: 'winProbability' } }) },
  { id: 'nucleolus', label: 'Nucleolus (smallest worst complaint)', req: () => ({ model: 'nucleolus', game: { kind: 'winProbability' } }) },
  { id: 'myerson', label: 'Myerson (only partners who work together)', req: () => ({ model: 'myerson', game: { kind: 'winProbability' } }) },
];

/**
 * The tiered rule as the page offers it: the last member is the influence partner (5% of the
 * first 100,000, 2 points less above); the rest goes to the others by their fixed shares.
 */
function tieredRequest(s: SplitSettings): Partial<SplitRequest> {
  const infl = s.members[s.members.length - 1];
  const others = s.members.slice(0, -1);
  return {
    model: 'tiered',
    roles: { [infl]: 'influence' },
    schedules: { influence: [{ upTo: '100000.00', rate: s.influenceRate }, { rate: Math.max(0, Math.round((s.influenceRate - 0.02) * 1e6) / 1e6) }] },
    residual: others.length ? { shares: Object.fromEntries(others.map((m) => [m, s.shares[m] ?? 1])) } : { to: infl },
  };
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
  return { amount: value, members, shares: Object.fromEntries(members.map((m) => [m, 1])), influenceRate: 0.05, journeys };
}

function journeysToText(js: Journey[]): string {
  return js.map((j) => [j.path.join(' > '), j.conversions, j.nulls ?? 0, j.value ?? ''].join(' ; ')).join('\n');
}
function textToJourneys(t: string): Journey[] {
  return t.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [path, conv, nulls, value] = l.split(';').map((x) => x.trim());
    const j: Journey = { path: path.split('>').map((x) => x.trim()).filter(Boolean), conversions: Number(conv) };
    if (nulls) j.nulls = Number(nulls);
    if (value) j.value = value;
    return j;
  });
}

export function splitsScreen(app: App): HTMLElement {
  const form = h('form', { class: 'editor', 'aria-label': 'Split settings', onsubmit: (e: Event) => e.preventDefault() });
  const out = h('div', { class: 'split-results', 'aria-live': 'polite', tabindex: '0', role: 'region', 'aria-label': 'Split results' });
  const attrOut = h('div', { class: 'attr-results', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', class: 'primary' }, 'Compare splits');
  const runAttr = h('button', { type: 'button' }, 'Compare attribution models');

  const settings = (): SplitSettings | null => {
    if (!app.ws.splits && app.ws.deal) {
      const members = app.teams[0]?.members ?? app.eco?.partners.slice(0, 3).map((p) => p.id) ?? [];
      if (members.length) { app.ws.splits = defaultSplits(members, app.ws.deal.value); app.changed('splits'); }
    }
    return app.ws.splits;
  };

  function build() {
    const s = settings();
    if (!s) { clear(form, h('p', {}, 'Find a team first, or load partners.')); return; }
    const amount = h('input', { type: 'text', value: s.amount, 'data-path': 'amount', id: nextId('s') });
    amount.addEventListener('input', () => { s.amount = amount.value; app.changed('splits'); });
    const rate = h('input', { type: 'number', step: '0.01', min: '0', max: '1', value: s.influenceRate, 'data-path': 'schedules', id: nextId('s') });
    rate.addEventListener('input', () => { s.influenceRate = Number(rate.value); app.changed('splits'); });
    const shares = s.members.map((m) => {
      const el = h('input', { type: 'number', min: '0', step: 'any', value: s.shares[m] ?? 1, 'data-path': `shares.${m}`, id: nextId('s') });
      el.addEventListener('input', () => { s.shares[m] = Number(el.value); app.changed('splits'); });
      return field(`Fixed share of ${app.name(m)}`, el);
    });
    const journeys = h('textarea', { rows: 6, 'data-path': 'journeys', id: nextId('s') }, journeysToText(s.journeys));
    journeys.addEventListener('input', () => { s.journeys = textToJourneys(journeys.value); app.changed('splits'); });
    clear(form,
      h('p', {}, 'Members: ', s.members.map((m) => app.name(m)).join(', ')),
      field(`Amount to divide (${app.ws.deal?.currency ?? ''})`, amount),
      field('Influence commission on the first 100,000 (tiered rule)', rate),
      h('div', { class: 'grid' }, shares),
      field('Customer journeys: "partner > partner ; conversions ; nulls ; value" per line', journeys),
      h('p', { class: 'form-error', role: 'alert' }));
  }

  async function compare() {
    const s = settings();
    const d = app.ws.deal;
    if (!s || !d || !app.eco) return;
    if (!app.engine.has('split')) { clear(out, unavailable('Revenue splitting')); return; }
    clear(out, h('p', {}, 'Computing…'));
    const Plot = await loadPlot();
    // the games only look at the members: send those, not the whole (possibly 100k) ecosystem
    const inTeam = new Set(s.members);
    const ecosystem = { ...app.eco, partners: app.eco.partners.filter((p) => inTeam.has(p.id)), relationships: (app.eco.relationships ?? []).filter((r) => inTeam.has(r.a) && inTeam.has(r.b)) };
    const base = { amount: s.amount, currency: d.currency, members: s.members, ecosystem, deal: d };
    const results = await Promise.all(METHODS.map(async (m) => {
      try { return { m, r: unwrap(await app.engine.call('split', { ...base, ...m.req(s) } as SplitRequest)) }; } catch (e) { return { m, e: e as EngineError }; }
    }));
    const ok = results.filter((x): x is { m: Method; r: SplitResponse } => 'r' in x && !!x.r);
    if (!ok.length && results.every((x) => 'e' in x && (x.e as EngineError).code === 'unknown_command')) { clear(out, unavailable('Revenue splitting')); return; }
    const data = ok.flatMap(({ m, r }) => r.allocations.map((a) => ({ partner: app.name(a.partnerId), method: m.label, share: a.share, amount: Number(a.amount) })));
    const chart = data.length ? a11yChart(Plot.plot({
      marginBottom: 40, height: 320, width: Math.min(900, out.clientWidth || 720),
      x: { axis: null, domain: ok.map(({ m }) => m.label) }, y: { label: 'share', tickFormat: '%', grid: true }, fx: { domain: s.members.map((m) => app.name(m)), label: null },
      color: { legend: true, domain: ok.map(({ m }) => m.label) },
      marks: [Plot.barY(data, { fx: 'partner', x: 'method', y: 'share', fill: 'method', tip: true }), Plot.ruleY([0])],
    }), 'Share of each partner under each split rule') : null;
    const fixedErr = results.find((x) => x.m.id === 'fixed' && 'e' in x);
    if (fixedErr && 'e' in fixedErr) showError(form, fixedErr.e);
    clear(out,
      chart ? h('figure', { class: 'chart' }, chart, h('figcaption', {}, 'Each partner’s share of the deal under each rule')) : null,
      h('table', { class: 'split-table' }, h('caption', {}, 'Amount per partner and rule'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), ok.map(({ m }) => h('th', { scope: 'col' }, m.label)))),
        h('tbody', {}, s.members.map((id) => h('tr', {}, h('th', { scope: 'row' }, app.name(id)),
          ok.map(({ r }) => { const a = r.allocations.find((x) => x.partnerId === id); return h('td', { class: 'num' }, a ? `${fmtMoney(a.amount)} (${fmtPct(a.share)})` : '—'); }))))),
      h('h3', {}, 'Fairness'),
      h('ul', { class: 'fairness' }, results.map((x) => h('li', {}, h('strong', {}, `${x.m.label}: `), 'r' in x && x.r ? fairness(x.r) : (x as { e: EngineError }).e.message))));
  }

  /** The fairness report in plain words: names, not ids; money in the deal's currency. */
  function fairness(r: SplitResponse): Node {
    type Report = { efficient?: boolean; inCore?: boolean; coreEmpty?: boolean; multiplier?: number; multiplierUnbounded?: boolean;
      individuallyRational?: boolean; belowStandalone?: string[];
      blocking?: { members: string[]; value: number; payoff: number; excess: number; tied?: number };
      leastCore?: { epsilon: number; kind: string; nucleolus: Record<string, number> } };
    const f = (r.fairness ?? {}) as Report;
    const cur = app.ws.deal?.currency ?? '';
    const money = (x: number) => fmtMoney(x.toFixed(2), cur);
    const names = (ids: string[]) => ids.map((m) => app.name(m)).join(', ');
    const lines: string[] = [f.efficient ? 'The parts add up exactly to the whole amount.' : 'The parts do NOT add up to the whole amount.'];
    if (f.inCore === true) lines.push('No group of partners would earn more on its own than this split gives it.');
    const b = f.blocking;
    if (f.inCore === false && b) {
      const also = b.tied && b.tied > 1 ? ` (${b.tied} groups are equally short-changed; the smallest is shown)` : '';
      lines.push(`${names(b.members)} would earn ${money(b.value)} on their own but get ${money(b.payoff)} here — ${money(b.excess)} short, a reason to leave${also}.`);
    }
    if (f.individuallyRational === false && f.belowStandalone?.length) lines.push(`${names(f.belowStandalone)} would earn more alone than this split pays.`);
    else if (f.individuallyRational === true) lines.push('Every partner gets at least what it would earn alone.');
    const lc = f.leastCore;
    if (lc && f.coreEmpty) {
      const fair = Object.entries(lc.nucleolus).map(([id, x]) => `${app.name(id)} ${money(x)}`).join(', ');
      lines.push(`No split can satisfy every group: the best one can do still leaves some group ${money(lc.epsilon)} short (the least core). The split that keeps the worst complaint smallest gives ${fair}.`);
    }
    if (f.multiplierUnbounded) lines.push('No partner can win this deal alone: the value exists only jointly.');
    else if (typeof f.multiplier === 'number') lines.push(f.multiplier >= 1 ? `Together the partners are worth ${fmtNum(f.multiplier, 2)}× what they are worth alone.` : `Together the partners are worth less than the sum of their parts (${fmtNum(f.multiplier, 2)}×): their capabilities overlap.`);
    return h('ul', {}, lines.map((x) => h('li', {}, x)));
  }

  async function attribute() {
    const s = settings();
    if (!s) return;
    if (!app.engine.has('attribute')) { clear(attrOut, unavailable('Attribution')); return; }
    try {
      const r = await app.engine.call('attribute', { journeys: s.journeys, currency: app.ws.deal?.currency });
      const Plot = await loadPlot();
      const models = Object.keys(r.models ?? {});
      const ids = [...new Set(models.flatMap((m) => Object.keys(r.models[m])))];
      const data = models.flatMap((m) => ids.map((id) => ({ model: m, partner: app.name(id), conversions: r.models[m][id]?.conversions ?? 0 })));
      clear(attrOut,
        h('figure', { class: 'chart' }, a11yChart(Plot.plot({ height: 300, width: Math.min(900, attrOut.clientWidth || 720), x: { axis: null }, y: { label: 'conversions', grid: true }, color: { legend: true },
          marks: [Plot.barY(data, { fx: 'partner', x: 'model', y: 'conversions', fill: 'model', tip: true }), Plot.ruleY([0])] }), 'Conversions credited to each partner by each attribution model'), h('figcaption', {}, 'Conversions credited per partner and model')),
        h('table', {}, h('caption', {}, 'Attribution by model'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), models.map((m) => h('th', { scope: 'col' }, m)))),
          h('tbody', {}, ids.map((id) => h('tr', {}, h('th', { scope: 'row' }, app.name(id)), models.map((m) => {
            const c = r.models[m][id];
            return h('td', { class: 'num' }, c ? `${fmtNum(c.conversions, 2)}${c.value ? ` · ${fmtMoney(c.value)}` : ''}` : '—');
          }))))));
    } catch (e) { showError(form, e); clear(attrOut); }
  }

  run.addEventListener('click', () => void compare());
  runAttr.addEventListener('click', () => void attribute());
  for (const ev of ['ecosystem', 'teams', 'deal'] as const) app.on(ev, build, true);

  return h('section', { class: 'screen', 'aria-labelledby': 'h-splits' },
    h('h2', { id: 'h-splits' }, 'Revenue splits and attribution'),
    h('div', { class: 'cols' },
      h('div', { class: 'col' }, form, h('div', { class: 'row' }, run, runAttr)),
      h('div', { class: 'col wide' }, out, h('h3', {}, 'Attribution'), attrOut)));
}
