// Attribution over customer journeys (SPEC §5, §12): the journeys as lines of text, the six
// models side by side in plain names, the data-driven model's memory (how many earlier partners
// it remembers; "best fit" lets the journeys choose, and the choice is said in words), a likely
// range for each partner's data-driven credit, and who started, joined or stayed out of the
// converting journeys. The results are marked out of date once the journeys, the memory or the
// currency the engine would be given differ from theirs.
import { loadPlot } from './lazy';
import { clearErrors, showError, type App } from '../app';
import type { AttributeRequest, AttributeResponse, Journey } from '../engine/types';
import type { SplitSettings } from '../state';
import { a11yChart, clear, field, h, markUntilEdit, nextId, unavailable } from './dom';
import { fitChart } from './fit-chart';
import { namesFitUnder, namesLeft } from './chart-names';
import { LOCALE, money, number } from './format';
import { TEXT } from './fan-chart';
import { staleNote } from './stale';
import { parseAmount, parseNumber } from '../amount';
import { asCards, scrollBox } from './cards';

/** Journeys as lines of partner names ("A > B ; conversions ; nulls ; value"). */
export function journeysToText(js: Journey[], name: (id: string) => string): string {
  return js.map((j) => [j.path.map(name).join(' > '), j.conversions, j.nulls ?? 0, valueText(j.value)].join(' ; ')).join('\n');
}
/** A journey's value as people write it and the field reads it back ("240000.00" → "240,000"); text it could not read stays as typed. */
const valueText = (v: string | null | undefined) => (v && /^-?\d+(\.\d+)?$/.test(v) ? number(Number(v), 2) : v ?? '');
/** The lines back to journeys; a partner is named by its name (or its id). */
export function textToJourneys(t: string, idOf: (name: string) => string): Journey[] {
  return t.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [path, conv, nulls, value] = l.split(';').map((x) => x.trim());
    const j: Journey = { path: path.split('>').map((x) => x.trim()).filter(Boolean).map(idOf), conversions: parseNumber(conv ?? '') };
    if (nulls) j.nulls = parseNumber(nulls);
    if (value) { const v = parseAmount(value, LOCALE); j.value = v.ok ? v.value : value; }
    return j;
  });
}

/**
 * What is wrong with the journeys' lines, line by line, in words ("Line 2: “x” is not a number
 * of conversions."); `known` says whether a name is one of the team's partners. Empty when
 * the engine can be asked.
 */
export function journeyProblems(t: string, known: (name: string) => boolean): string[] {
  const out: string[] = [];
  const lines = t.split('\n');
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    const at = `Line ${i + 1}`;
    const [path, conv, nulls, value, ...extra] = l.split(';').map((x) => x.trim());
    const names = path.split('>').map((x) => x.trim());
    if (!names.some(Boolean)) out.push(`${at}: name the partners first, in the order they touched the customer (“A > B ; 20”).`);
    else if (names.some((n) => !n)) out.push(`${at}: a partner is missing between two “>”.`);
    for (const n of names.filter((x) => x && !known(x))) out.push(`${at}: “${n}” is not a partner of this team.`);
    const count = (x: string | undefined, what: string) => {
      const n = parseNumber(x ?? '');
      if (!Number.isFinite(n) || n < 0) out.push(`${at}: ${x ? `“${x}” is not` : 'write'} a number of ${what}${x ? '' : ' after the first “;”'} (0 or more).`);
    };
    count(conv, 'conversions');
    if (nulls) count(nulls, 'journeys without a conversion');
    if (value && !parseAmount(value, LOCALE).ok) out.push(`${at}: “${value}” is not an amount of money.`);
    if (extra.length) out.push(`${at}: there are more than four parts; a line is partners ; conversions ; journeys without a conversion ; value.`);
  });
  if (!lines.some((l) => l.trim())) out.push('Write at least one journey, for example “A > B ; 20 ; 30 ; 500,000”.');
  return out;
}

/** The models as a partner manager names them. */
export const MODEL_NAMES: Record<string, string> = {
  firstTouch: 'First touch',
  lastTouch: 'Last touch',
  linear: 'Equal shares',
  timeDecay: 'Recent touches count more',
  positionBased: 'First and last count most',
  markov: 'Data-driven',
};
const modelName = (m: string) => MODEL_NAMES[m] ?? m;

/** The memory choices: "auto" lets the held-out journeys choose. */
const MEMORY: [string, string][] = [
  ['1', 'Only the partner just before'],
  ['2', 'The last 2 partners'],
  ['3', 'The last 3 partners'],
  ['4', 'The last 4 partners'],
  ['auto', 'Best fit for these journeys'],
];

/** Range level of the resampled credit (90 in 100 resamples fall inside). */
const LEVEL = 0.9;

const ATTR_GLOSSARY: [string, string][] = [
  ['Data-driven', 'Credits each partner with the conversions that would be lost without it, learned from how journeys move from partner to partner and end (a Markov chain).'],
  ['Memory', 'How many earlier partners the data-driven model looks at to predict what happens next. More memory tells apart journeys that reached the same partner by different routes, but needs more journeys. Best fit tries 1 to 4 on the older 70% of the journeys and keeps the one that predicts the latest 30% best.'],
  ['Likely range', `The data-driven credit recomputed on 200 resampled versions of the journeys: ${Math.round(LEVEL * 100)} in 100 fall within the range. A wide range means few journeys support the figure.`],
  ['Started', 'Conversions of journeys where this partner was the first touch.'],
  ['Joined later', 'Conversions of journeys this partner touched, but not first.'],
  ['Not involved', 'Conversions of journeys this partner never touched.'],
  ['Equal shares, recent touches, first and last', 'Fixed rules: every touch alike; touches closer to the conversion count more (a week’s half-life); the first and last touch get 40% each and the rest share 20%.'],
];

/** The memory the model used, in words. */
function memorySentence(r: AttributeResponse, asked: string): string | null {
  const k = r.markov?.order;
  if (!k) return null;
  const what = k === 1 ? 'only the partner just before each step' : `the last ${k} partners at each step`;
  return asked === 'auto'
    ? `Best fit: the data-driven model remembers ${what} — that memory predicted the latest 30% of the journeys best.`
    : `The data-driven model remembers ${what}.`;
}

/** Conversions and money, e.g. "12.0 · €240,000" (one decimal throughout: credit is shared); the tables' captions say so. */
function credit(c: { conversions: number; value?: string | null } | undefined, cur: string): string {
  if (!c) return '—';
  return `${number(c.conversions, 1, 1)}${c.value ? ` · ${money(c.value, cur)}` : ''}`;
}

/** The attribution part of the Splits screen: the journeys, the memory picker, the button, the results. */
export function attributionPanel(app: App, settings: () => SplitSettings | null): HTMLElement {
  const out = h('div', { class: 'attr-results', 'aria-live': 'polite', tabindex: '0', role: 'region', 'aria-label': 'Attribution results' });
  const memory = h('select', { id: nextId('a'), 'data-path': 'order' }, MEMORY.map(([v, label]) => h('option', { value: v }, label)));
  const cur = () => app.ws.deal?.currency ?? 'EUR';
  const journeys = h('div', { class: 'attr-journeys' });
  const run = h('button', { type: 'button' }, 'Compare attribution models');
  const controls = h('div', { class: 'attr-controls' }, journeys,
    h('div', { class: 'attr-run' }, field('Data-driven model: how many earlier partners it remembers', memory), h('div', { class: 'row' }, run)),
    h('p', { class: 'form-error', role: 'alert' }));

  /** What the engine is given: the journeys and the memory as they are now (null: no team yet). */
  const request = (): AttributeRequest | null => {
    const s = settings();
    return s && { journeys: s.journeys, currency: app.ws.deal?.currency, order: memory.value === 'auto' ? 'auto' : Number(memory.value), bootstrap: { samples: 200, seed: 1, level: LEVEL } };
  };
  const stale = staleNote(out, 'Out of date: the journeys, the memory or the currency changed. Compare attribution models again to update.', request);

  /** The journeys as lines of names (drawn again when the team or the partners' names change). */
  function buildJourneys() {
    const s = settings();
    if (!s) { clear(journeys); return; }
    const box = h('textarea', { rows: 6, 'data-path': 'journeys', id: nextId('a') }, journeysToText(s.journeys, (id) => app.name(id)));
    const ids = new Map(s.members.map((m) => [app.name(m).toLowerCase(), m]));
    box.addEventListener('input', () => {
      s.journeys = textToJourneys(box.value, (n) => ids.get(n.toLowerCase()) ?? n);
      app.changed('splits');
    });
    clear(journeys, field('Customer journeys, one per line: partners in the order they touched the customer, then conversions ; journeys without a conversion ; value (for example “A > B ; 20 ; 30 ; 500,000”)', box));
  }

  async function attribute() {
    const req = request();
    if (!req) return;
    if (!app.engine.has('attribute')) { clear(out, unavailable('Attribution')); return; }
    const asked = memory.value;
    clearErrors(controls);
    // the lines are checked here, in words, before the engine sees them
    const box = journeys.querySelector('textarea');
    const members = new Set((settings()?.members ?? []).flatMap((m) => [app.name(m).toLowerCase(), m.toLowerCase()]));
    const problems = box ? journeyProblems(box.value, (n) => members.has(n.toLowerCase())) : [];
    if (box && problems.length) {
      // what is said about the lines is about the text as it is now: the next edit takes it away
      markUntilEdit(box, problems.slice(0, 5).join(' ') + (problems.length > 5 ? ` And ${problems.length - 5} more.` : ''));
      clear(out);
      return;
    }
    const shown = stale.computing(req);
    try {
      clear(out, h('p', {}, 'Computing…'));
      const r = await app.engine.call('attribute', req);
      const Plot = await loadPlot();
      // in MODEL_NAMES' order (simple rules first, the data-driven model last), not alphabetical
      const given = Object.keys(r.models ?? {});
      const models = [...Object.keys(MODEL_NAMES).filter((m) => given.includes(m)), ...given.filter((m) => !(m in MODEL_NAMES))];
      const ids = [...new Set(models.flatMap((m) => Object.keys(r.models[m])))];
      const data = models.flatMap((m) => ids.map((id) => ({ model: modelName(m), partner: app.name(id), conversions: r.models[m][id]?.conversions ?? 0 })));
      const range = (id: string) => {
        const iv = r.markov?.intervals?.[id];
        return iv ? h('small', { class: 'range' }, `likely ${number(iv.low, 1, 1)}–${number(iv.high, 1, 1)}`) : null;
      };
      const inv = r.involvement ?? {};
      const said = memorySentence(r, asked);
      const chart = h('figure', { class: 'chart' });
      // as the splits' share chart: side by side while every partner's name fits under its group of bars; narrower (a
      // phone), one row of bars per partner, its name on the left in a margin as wide as the widest name
      const names = ids.map((id) => app.name(id));
      const series = models.map(modelName);
      fitChart(chart, (width) => { const left = namesLeft(names, width); return [a11yChart(namesFitUnder(names, width)
        ? Plot.plot({ ...TEXT, height: 300, width, x: { axis: null, domain: series }, fx: { label: null, domain: names }, y: { label: 'Conversions', grid: true }, color: { legend: true, domain: series },
          marks: [Plot.barY(data, { fx: 'partner', x: 'model', y: 'conversions', fill: 'model', tip: true }), Plot.ruleY([0])] })
        : Plot.plot({ ...TEXT, marginLeft: left.marginLeft, marginBottom: 40, width, height: names.length * (series.length * 9 + 18) + 50,
          y: { axis: null, domain: series }, x: { label: 'Conversions →', grid: true, ticks: 4 }, fy: { domain: names, label: null }, color: { legend: true, domain: series },
          marks: [Plot.axisFy({ anchor: 'left', label: null, tickFormat: left.tickFormat, title: (d: string) => d }),
            Plot.barX(data, { fy: 'partner', y: 'model', x: 'conversions', fill: 'model', tip: true }), Plot.ruleX([0])] }),
      'Conversions credited to each partner by each attribution model'), h('figcaption', {}, 'Conversions credited per partner and model')]; }, 900, out.clientWidth || 720);
      clear(out,
        said ? h('p', { class: 'memory' }, said) : null,
        chart,
        scrollBox('Attribution per model', asCards(h('table', {}, h('caption', {}, 'Attribution by model: conversions credited to each partner · their value'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), models.map((m) => h('th', { scope: 'col', class: 'num' }, modelName(m))))),
          h('tbody', {}, ids.map((id) => h('tr', {}, h('th', { scope: 'row' }, app.name(id)), models.map((m) =>
            h('td', { class: 'num', 'data-label': modelName(m) }, credit(r.models[m][id], cur()), m === 'markov' ? [h('br'), range(id)] : null)))))))),
        Object.keys(inv).length ? scrollBox('Who started the converting journeys', asCards(h('table', {},
          h('caption', {}, 'Who started the converting journeys: conversions · their value'),
          h('thead', {}, h('tr', {}, ['Partner', 'Started', 'Joined later', 'Not involved'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
          h('tbody', {}, Object.entries(inv).map(([id, x]) => h('tr', {}, h('th', { scope: 'row' }, app.name(id)),
            h('td', { class: 'num', 'data-label': 'Started' }, credit(x.sourced, cur())),
            h('td', { class: 'num', 'data-label': 'Joined later' }, credit(x.influenced, cur())),
            h('td', { class: 'num', 'data-label': 'Not involved' }, credit(x.unattributed, cur())))))))) : null,
        h('details', { class: 'glossary' }, h('summary', {}, 'What the attribution words mean'),
          h('dl', {}, ATTR_GLOSSARY.flatMap(([t, d]) => [h('dt', {}, t), h('dd', {}, d)]))));
      shown();
    } catch (e) { showError(controls, e); clear(out); }
  }
  run.addEventListener('click', () => void attribute());
  memory.addEventListener('change', stale.check);
  for (const ev of ['ecosystem', 'teams', 'deal'] as const) app.on(ev, buildJourneys, true);
  // 'ecosystem' too: an undo restores the workspace and says so with it
  for (const ev of ['ecosystem', 'splits', 'teams', 'deal'] as const) app.on(ev, stale.check);
  return h('section', { class: 'attribution', 'aria-labelledby': 'h-attribution' },
    h('h3', { id: 'h-attribution' }, 'Attribution'), controls, out);
}
