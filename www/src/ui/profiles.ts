// The Profiles screen: edit an Ideal Partner Profile (criteria, weights, require clauses) and
// see the ranking of all partners update live, with each fit explained criterion by criterion.
import { clearErrors, showError, type App } from '../app';
import type { Criterion, CriterionKind, Profile, Ranking, Require } from '../engine/types';
import { clear, field, fromPercent, h, nextId, numberIn, percentInput, toPercent, unavailable, whenShown } from './dom';
import { keyLabel, kindName, number, percent } from './format';
import { glossaryList, meaning, PROFILE_WORDS } from './glossary';
import { readUi, writeUi } from './session';
import { VTable } from './vtable';
import { csvButton } from './exports';
import { calibrationPanel } from './calibration';
import { isRate, limitsEditor, offeredKeys } from './limits';
import { hasKey, listedKeys, mergeKeys, namedKeys, weightWords, type KindKeys } from './criteria';
import { keyChoice } from './key-choice';
import { jumpNav, partHeading } from './jump';
import type { PartnerKeys } from '../engine/protocol';

const KINDS: CriterionKind[] = ['capability', 'industry', 'region', 'certification', 'tier', 'metric', 'reach'];
/** Criterion kinds and require clauses in words. */
const KIND_WORDS: Record<CriterionKind, string> = { capability: 'a capability', industry: 'an industry', region: 'a region', certification: 'a certification', tier: 'the tier', metric: 'a figure', reach: 'reach (accounts)' };
const REQUIRE_WORDS: Record<string, string> = {
  kinds: 'Only these kinds of partner (none ticked: any kind)', regionsAny: 'Active in one of these regions', industriesAny: 'In one of these industries',
  certificationsAll: 'Holding all of these certifications',
};
/** The require clauses that set limits, as row editors (limits.ts): their titles, and what a row chooses and sets. */
const LIMITS = [
  { k: 'capabilitiesMin', legend: 'Capabilities at least at these levels', what: 'Capability', bound: 'At least', capability: true },
  { k: 'metricsMin', legend: 'Figures at least', what: 'Figure', bound: 'At least', capability: false },
  { k: 'metricsMax', legend: 'Figures at most', what: 'Figure', bound: 'At most', capability: false },
] as const;
/** What a criterion's "which one" is called, by the kind it looks at. */
const KEY_WORDS: Record<CriterionKind, string> = { capability: 'Which capability', industry: 'Which industry', region: 'Which region', certification: 'Which certification', metric: 'Which figure', tier: 'Which one', reach: 'Which one' };
/**
 * A data key in words inside a sentence: its label (format.ts keyLabel), lower case where the key
 * was ("winRate" → "win rate", "psat" → "partner satisfaction", "ai" → "AI", "iso27001" → "ISO 27001");
 * a name written for people as it is ("Healthcare", "North America").
 */
const words = (s: string) => {
  const l = keyLabel(s);
  return /^[a-z]/.test(s) && /^[A-Z][a-z]/.test(l) ? l[0].toLowerCase() + l.slice(1) : l;
};
/** A criterion in words: "a figure: win rate". */
const criterionWords = (c: Criterion) => [KIND_WORDS[c.kind] ?? c.kind, c.key && words(c.key)].filter(Boolean).join(': ');

/** How many of the profile's must-haves a partner lacks: "1 must-have", "3 must-haves". */
const mustHaves = (n: number) => `${n.toLocaleString('en-US')} must-have${n === 1 ? '' : 's'}`;

/** A failed require clause ("capabilitiesMin.cloud") as what the partner lacks. */
function failedWords(f: string): string {
  const [k, key] = f.split('.');
  const what: Record<string, string> = { kinds: 'the right kind', regionsAny: 'a required region', industriesAny: 'a required industry', certificationsAll: 'a required certification', minTier: 'a high enough tier', capabilitiesMin: 'enough', metricsMin: 'a high enough', metricsMax: 'a low enough' };
  return key ? `${what[k] ?? words(k)} ${words(key)}` : what[k] ?? words(k);
}

/** What the criterion fields mean. */
const glossary = () => glossaryList('What weight, level needed, good and bad mean', PROFILE_WORDS);

const LISTS = ['regionsAny', 'industriesAny', 'certificationsAll'] as const;
/** The kind of key each require list holds, and what none ticked means. */
const LIST_KIND = { regionsAny: 'region', industriesAny: 'industry', certificationsAll: 'certification' } as const;
const LIST_NONE = { regionsAny: 'none ticked: any region', industriesAny: 'none ticked: any industry', certificationsAll: 'none ticked: none needed' } as const;
/** More values than this are typed, not ticked. */
const MAX_BOXES = 40;

declare global { interface Window { __perf: Record<string, number[]> } }
window.__perf ??= {};
const perf = (k: string, ms: number) => (window.__perf[k] ??= []).push(ms);

const toList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

function input(type: string, value: string | number | null | undefined, path: string, label: string, extra: Record<string, string> = {}) {
  const el = h('input', { type, value: value ?? '', 'data-path': path, 'aria-label': label, id: nextId('p'), ...extra });
  return el;
}

export function profilesScreen(app: App): HTMLElement {
  const select = h('select', { id: 'profile-select' });
  const editor = h('form', { class: 'editor', 'aria-label': 'Profile editor', onsubmit: (e: Event) => e.preventDefault() });
  const timing = h('p', { class: 'timing', 'aria-live': 'off' });
  const explain = h('div', { class: 'explain', 'aria-live': 'polite' });
  const rankBox = h('div', { class: 'ranking' });
  let ranking: Ranking | null = null;
  /** live re-ranking materialises the top LIVE rows; "Show all" asks for every row once */
  const LIVE = 1000;
  let showAll = false;
  const allBtn = h('button', { type: 'button', hidden: true, onclick: () => { showAll = true; void rank(); } }, 'Show all');
  let seq = 0;
  let rendered = seq;

  const partnerAt = (r: number) => app.eco!.partners[ranking!.order[r]];
  const table = new VTable([
    { label: '#', width: '2.5em', numeric: true, keep: true, cell: (r) => String(r + 1) },
    { label: 'Partner', width: '1.6fr', min: 9, keep: true, cell: (r) => {
      const p = partnerAt(r);
      // the chosen partner is remembered, so a reload explains it again
      return h('button', { type: 'button', class: 'link', onclick: () => { writeUi({ partner: p.id }); void showExplain(p.id); } }, p?.name ?? '?');
    } },
    { label: 'Fit', width: '0.6fr', numeric: true, min: 3.5, cell: (r) => percent(ranking!.fit[r], 1) },
    { label: 'Kind', min: 8.5, cell: (r) => kindName(partnerAt(r)?.kind) },
    // what a partner not eligible lacks, whole ("no: lacks 3 must-haves")
    { label: 'Eligible', width: '1.4fr', min: 9.5, cell: (r) => (ranking!.eligible[r] ? 'yes' : `no: lacks ${mustHaves(ranking!.failedCount[r])}`) },
  ], 'Ranking');

  const profile = (): Profile | undefined => app.ws.profiles.find((p) => p.id === app.ws.activeProfile) ?? app.ws.profiles[0];

  /** Explains `id`'s fit; `fallback` is explained instead when `id` is not in the ranking. */
  async function showExplain(id: string, fallback?: string) {
    try {
      const r = await app.engine.call('explain', { partnerId: id });
      if (!r) { if (fallback && fallback !== id) void showExplain(fallback); return; }
      clear(explain,
        h('h3', {}, `Why ${app.name(id)} fits ${percent(r.fit, 1)}`),
        h('p', {}, r.eligible ? 'Eligible: it has everything the profile requires.' : `Not eligible — it lacks: ${r.failed.map(failedWords).join('; ')}`),
        h('table', {}, h('caption', {}, 'Per criterion: how well it scores, how much the criterion counts, and its part of the fit'),
          h('thead', {}, h('tr', {}, ['Criterion', 'Score', 'Weight', 'Part of the fit'].map((c, j) => h('th', { scope: 'col', class: j ? 'num' : null }, c)))),
          h('tbody', {}, (r.breakdown ?? []).map((b, i) => {
            const c = profile()?.criteria[i];
            const name = c ? criterionWords(c) : words(b.criterion ?? '');
            return h('tr', {}, h('td', {}, name), h('td', { class: 'num' }, percent(b.score, 0)), h('td', { class: 'num' }, number(b.weight, 1)), h('td', { class: 'num' }, percent(b.share, 0)));
          }))));
    } catch (e) { showError(editor, e, 'profile'); }
  }

  /** Ranks all partners against the profile being edited; `t0` is when the edit happened. */
  async function rank(t0 = performance.now()) {
    const p = profile();
    if (!p || !app.eco) return;
    if (!app.engine.has('rank') && !app.engine.has('Ecosystem')) { clear(rankBox, unavailable('Ranking')); return; }
    const mine = ++seq;
    try {
      const r = await app.engine.call('rank', { profile: p, limit: showAll ? undefined : LIVE });
      showAll = false;
      if (mine !== seq || mine < rendered) return;
      rendered = mine;
      clearErrors(editor);
      ranking = r;
      if (!rankBox.contains(table.el)) clear(rankBox, table.el, csvButton('Ranking', () => table.rows()));
      table.setCount(r.count);
      const ms = performance.now() - t0;
      perf('rank', ms);
      const shown = r.count < r.total ? ` — showing the top ${r.count.toLocaleString('en-US')}` : '';
      // how long the ranking took, in plain words; the engine's part of it for the performance checks only
      timing.textContent = `Ranked ${r.total.toLocaleString('en-US')} partners in ${ms.toFixed(0)} ms${shown}.`;
      timing.dataset.engineMs = r.ms.toFixed(0);
      allBtn.hidden = r.count >= r.total;
      allBtn.textContent = `Show all ${r.total.toLocaleString('en-US')}`;
      const chosen = readUi().partner;
      if (r.count) void showExplain(chosen && app.byId.has(chosen) ? chosen : partnerAt(0).id, partnerAt(0).id);
    } catch (e) {
      if (mine === seq) showError(editor, e, 'profile');
    }
  }

  function edited(t0: number) {
    app.changed('profiles');
    void rank(t0);
  }

  /**
   * The keys a criterion or a limit chooses from, per kind: the capabilities and figures the
   * partners use (the worker's), the industries and certifications the page's partners list, the
   * regions of the filters, and every key the profiles and the deal name already.
   */
  let partnerKeys: PartnerKeys = { capabilities: [], metrics: [] };
  let listed: { eco: unknown; keys: ReturnType<typeof listedKeys> } | null = null;
  let known: KindKeys = mergeKeys();
  const knownKeys = () => {
    if (!listed || listed.eco !== app.eco) listed = { eco: app.eco, keys: listedKeys(app.eco?.partners ?? []) };
    known = mergeKeys(namedKeys(app.ws.profiles), {
      capability: [...partnerKeys.capabilities, ...(app.ws.deal?.requirements ?? []).map((r) => r.capability)],
      metric: partnerKeys.metrics, industry: listed.keys.industries, certification: listed.keys.certifications, region: app.facets.regions,
    });
  };
  /** A new criterion's capability: cloud when the partners have it, else the first they have. */
  const firstCapability = () => (known.capability.includes('cloud') ? 'cloud' : known.capability[0] ?? 'cloud');
  let limits: ReturnType<typeof limitsEditor>[] = [];
  /** Each criterion's "which one", drawn again when the keys to choose from arrive. */
  let pickers: (() => void)[] = [];
  /** Asks the worker for the keys of the partners now current, then offers them in the criteria and the limits' rows. */
  async function loadKeys() {
    try { partnerKeys = await app.engine.call('partnerKeys', {}); } catch { partnerKeys = { capabilities: [], metrics: [] }; }
    knownKeys();
    for (const l of limits) l.redraw();
    for (const p of pickers) p();
  }

  function build() {
    knownKeys();
    const p = profile();
    clear(select, app.ws.profiles.map((x) => h('option', { value: x.id }, x.name)));
    if (!p) { clear(editor, h('p', {}, 'No profile yet.')); return; }
    select.value = p.id;
    const name = input('text', p.name, 'profile.name', 'Profile name');
    name.addEventListener('input', () => {
      p.name = name.value;
      // the profile list above says the new name at once (the editor is not drawn again while typed in)
      const option = [...select.options].find((o) => o.value === p.id);
      if (option) option.textContent = p.name;
      app.changed('profiles');
    });
    const crits = h('div', { class: 'criteria' });
    /** each criterion's weight in words, all said again when one moves (the shares change) */
    let weightShows: (() => void)[] = [];
    const drawCriteria = () => { pickers = []; weightShows = []; clear(crits, p.criteria.map((c, i) => criterionRow(p, c, i))); };
    const criterionRow = (pr: Profile, c: Criterion, i: number) => {
      const base = `profile.criteria[${i}]`;
      const kind = h('select', { 'data-path': `${base}.kind`, 'aria-label': `Criterion ${i + 1} kind`, id: nextId('p') }, KINDS.map((k) => h('option', { value: k }, KIND_WORDS[k])));
      kind.value = c.kind;
      // which one: chosen by name among the keys of its kind (those the data names included);
      // "Other" types one the lists do not hold, and so does a kind whose keys are not known
      const said = () => KEY_WORDS[kind.value as CriterionKind] ?? 'Which one';
      const keyLabelEl = h('span', {});
      const choice = keyChoice({ path: `${base}.key`, get: () => c.key, set: (_key, ev) => sync(ev), label: () => `Criterion ${i + 1}: ${said().toLowerCase()}` });
      const { pick, typed } = choice;
      const keyNow = choice.now;
      const drawPick = () => {
        const k = kind.value;
        choice.draw(hasKey(k) ? known[k] : []);
        keyLabelEl.textContent = said();
      };
      pickers.push(drawPick);
      drawPick();
      const weight = input('range', c.weight, `${base}.weight`, `Criterion ${i + 1} weight`, { min: '0.1', max: String(Math.max(10, Math.ceil(c.weight * 2))), step: '0.1' });
      // the weight as a number and what it means: its share of all the profile's weights (the
      // most it adds to the fit); the slider says both to a screen reader, the output shows them
      const wOut = h('output', { for: weight.id, class: 'weight-words', 'aria-live': 'off' });
      const showWeight = () => {
        const w = weightWords(pr.criteria.map((x) => x.weight), i);
        clear(wOut, h('span', { class: 'weight-value' }, w.value), ' ', h('span', { class: 'weight-share' }, w.meaning));
        weight.setAttribute('aria-valuetext', `${w.value}, ${w.meaning}`);
      };
      weightShows.push(showWeight);
      // the meaning of each field as its tooltip (and, for a screen reader, its description);
      // a capability level (0–1 in the profile) typed as a percentage, empty: 100%
      const target = percentInput(c.target, () => undefined, { 'data-path': `${base}.target`, 'aria-label': `Criterion ${i + 1} level needed (%)`, id: nextId('p'), placeholder: '100', title: meaning('Level needed') ?? '' });
      // good and bad in the figure's unit: a rate (winRate, 0–1 in the profile) as a percentage
      const rate = () => kind.value === 'metric' && isRate(keyNow());
      let showFields = () => {};
      let inPercent = rate();
      const good = input('number', c.good, `${base}.good`, '', { step: 'any', title: meaning('Good at / Bad at') ?? '' });
      const bad = input('number', c.bad, `${base}.bad`, '', { step: 'any', title: meaning('Good at / Bad at') ?? '' });
      const goodLabel = h('span', {});
      const badLabel = h('span', {});
      /** Shows good and bad in the unit of the figure now chosen. */
      const showUnit = () => {
        inPercent = rate();
        const unit = inPercent ? ' (%)' : '';
        for (const [el, label, v, word] of [[good, goodLabel, c.good, 'good'], [bad, badLabel, c.bad, 'bad']] as const) {
          el.value = typeof v === 'number' ? String(inPercent ? toPercent(v) : v) : '';
          el.setAttribute('aria-label', `Criterion ${i + 1} ${word}${unit}`);
          label.textContent = `${word === 'good' ? 'Good' : 'Bad'} at${unit}`;
        }
      };
      showUnit();
      const figure = (el: HTMLInputElement) => { const v = numberIn(el); return v !== undefined && inPercent ? fromPercent(v) : v; };
      const sync = (ev: Event) => {
        const t0 = ev.timeStamp ? Math.min(performance.now(), ev.timeStamp) : performance.now();
        const level = numberIn(target);
        Object.assign(c, { kind: kind.value as CriterionKind, key: keyNow() || undefined, weight: Number(weight.value), target: level === undefined ? undefined : fromPercent(level), good: figure(good), bad: figure(bad) });
        for (const k of ['key', 'target', 'good', 'bad'] as const) if (c[k] === undefined) delete c[k];
        if (rate() !== inPercent) showUnit();
        showFields();
        for (const f of weightShows) f();
        edited(t0);
      };
      // another kind: its own keys (the one chosen stays if the kind has it too, else the first;
      // none for the tier and reach), typed when none is known
      kind.addEventListener('input', (ev) => {
        const k = kind.value;
        const ks = hasKey(k) ? known[k] : [];
        const key = !hasKey(k) ? undefined : c.key && ks.includes(c.key) ? c.key : ks[0];
        if (key === undefined) delete c.key; else c.key = key;
        choice.reset();
        drawPick();
        sync(ev);
      });
      for (const el of [weight, target, good, bad]) el.addEventListener('input', sync);
      const remove = h('button', { type: 'button', class: 'small', 'aria-label': `Remove criterion ${i + 1}`, onclick: () => { pr.criteria.splice(i, 1); drawCriteria(); edited(performance.now()); } }, '✕');
      const errSpan = (el: HTMLElement) => h('span', { class: 'field-error', role: 'alert', id: `${el.id}-err` });
      const cell = (label: string | HTMLElement, el: HTMLElement, extra?: Node) => h('label', { class: 'mini' }, typeof label === 'string' ? h('span', {}, label) : label, el, extra ?? null, errSpan(el));
      showWeight();
      const cells = { key: h('label', { class: 'mini key' }, keyLabelEl, pick, typed, errSpan(pick), errSpan(typed)), level: cell('Level needed (%)', target), good: cell(goodLabel, good), bad: cell(badLabel, bad) };
      // only the fields the kind uses (SPEC §2: no key for the tier or reach, a capability's level, a figure's good and bad, reach's good), and any with a value
      showFields = () => {
        const k = kind.value;
        cells.key.hidden = !hasKey(k) && !c.key;
        cells.level.hidden = k !== 'capability' && target.value === '';
        cells.good.hidden = k !== 'metric' && k !== 'reach' && good.value === '';
        cells.bad.hidden = k !== 'metric' && bad.value === '';
      };
      showFields();
      return h('fieldset', { class: 'criterion' }, h('legend', {}, `Criterion ${i + 1}`),
        cell('Looks at', kind), cells.key, h('span', { class: 'break', 'aria-hidden': 'true' }), cell('Weight', weight, wOut), cells.level, cells.good, cells.bad, remove);
    };
    drawCriteria();
    const add = h('button', { type: 'button', onclick: () => { p.criteria.push({ kind: 'capability', key: firstCapability(), weight: 1 }); drawCriteria(); edited(performance.now()); } }, 'Add criterion');

    const req: Require = p.require ?? {};
    const reqFields: HTMLElement[] = [];
    reqFields.push(kindBoxes(req, p));
    for (const k of LISTS) reqFields.push(listBoxes(req, p, k));
    const minTier = h('select', { 'data-path': 'profile.require.minTier', id: nextId('p') }, h('option', { value: '' }, 'none'), (app.eco?.tiers ?? []).map((t) => h('option', { value: t }, keyLabel(t))));
    minTier.options[0].textContent = 'any tier';
    minTier.value = req.minTier ?? '';
    minTier.addEventListener('input', () => { if (minTier.value) req.minTier = minTier.value; else delete req.minTier; p.require = req; edited(performance.now()); });
    reqFields.push(field('Lowest tier accepted', minTier));
    for (const f of reqFields) { const i = f.querySelector('[data-path]'); if (i) i.removeAttribute('aria-label'); }
    limits = LIMITS.map((l) => limitsEditor({
      path: `profile.require.${l.k}`, legend: l.legend, what: l.what, bound: l.bound, capability: l.capability,
      keys: () => (l.capability ? known.capability : known.metric), name: keyLabel, get: () => req[l.k],
      set: (m) => { if (m) req[l.k] = m; else delete req[l.k]; p.require = req; edited(performance.now()); },
    }));
    reqFields.push(...limits.map((l) => l.el));
    clear(editor, field('Name', name), h('h3', {}, 'What makes a good partner'), crits, add, glossary(),
      h('h3', {}, 'Must have (partners without it are not eligible)'), h('div', { class: 'require' }, reqFields), h('p', { class: 'form-error', role: 'alert' }));
  }

  /**
   * A require list (regions, industries, certifications) as a box per value, by name: the values
   * the partners have and those the profile holds already. Typed, comma-separated, when none is
   * known (partners imported as a list hold no industries on the page) or too many to tick.
   */
  function listBoxes(req: Require, p: Profile, k: typeof LISTS[number]): HTMLElement {
    const set = (v: string[]) => { if (v.length) req[k] = v; else delete req[k]; p.require = req; edited(performance.now()); };
    const values = offeredKeys(known[LIST_KIND[k]], req[k] ?? [], keyLabel);
    if (!values.length || values.length > MAX_BOXES) {
      const el = input('text', (req[k] ?? []).join(', '), `profile.require.${k}`, k, { placeholder: 'as written in the data, comma-separated' });
      el.addEventListener('input', () => set(toList(el.value)));
      return field(REQUIRE_WORDS[k], el);
    }
    const box = h('fieldset', { class: 'inline choices', 'data-path': `profile.require.${k}`, id: nextId('p') }, h('legend', {}, `${REQUIRE_WORDS[k]} (${LIST_NONE[k]})`));
    const boxes = values.map((v) => h('input', { type: 'checkbox', value: v, checked: req[k]?.includes(v) ?? false }));
    boxes.forEach((b) => b.addEventListener('change', () => set(boxes.filter((x) => x.checked).map((x) => x.value))));
    box.append(...boxes.map((b) => h('label', { class: 'check' }, b, ` ${keyLabel(b.value)}`)), h('span', { class: 'field-error', role: 'alert', id: `${box.id}-err` }));
    return box;
  }

  /** The kinds a partner must be, as a box per kind in words (a fixed choice, not typed codes). */
  function kindBoxes(req: Require, p: Profile): HTMLElement {
    const box = h('fieldset', { class: 'inline kinds', 'data-path': 'profile.require.kinds', id: nextId('p') }, h('legend', {}, REQUIRE_WORDS.kinds));
    const kinds = [...new Set([...(req.kinds ?? []), ...app.facets.kinds])];
    const boxes = kinds.map((k) => h('input', { type: 'checkbox', value: k, checked: req.kinds?.includes(k) ?? false }));
    const sync = () => {
      const v = boxes.filter((b) => b.checked).map((b) => b.value);
      if (v.length) req.kinds = v; else delete req.kinds;
      p.require = req;
      edited(performance.now());
    };
    boxes.forEach((b) => b.addEventListener('change', sync));
    box.append(...boxes.map((b) => h('label', { class: 'check' }, b, ` ${kindName(b.value)}`)), h('span', { class: 'field-error', role: 'alert', id: `${box.id}-err` }));
    return box;
  }

  const criterionName = (i: number) => { const c = profile()?.criteria[i]; return c ? criterionWords(c) : ''; };
  const calibration = calibrationPanel(app, profile, criterionName, (weights) => {
    const p = profile();
    if (!p) return;
    p.criteria.forEach((c, i) => { c.weight = weights[i]; });
    build();
    edited(performance.now());
  });
  select.addEventListener('change', () => { app.ws.activeProfile = select.value; app.changed('profiles'); build(); calibration.reset(); void rank(); });
  const newProfile = h('button', { type: 'button', onclick: () => {
    const id = `ipp-${app.ws.profiles.length + 1}`;
    app.ws.profiles.push({ id, name: `New profile ${app.ws.profiles.length + 1}`, criteria: [{ kind: 'capability', key: firstCapability(), weight: 1 }] });
    app.ws.activeProfile = id; app.changed('profiles'); build(); void rank();
  } }, 'New profile');
  // the keys are asked for once the screen is shown (not while the page opens on another one)
  const keysWhenShown = whenShown(editor, () => void loadKeys());
  app.on('ecosystem', () => { build(); calibration.reset(); void rank(); keysWhenShown(); }, true);

  const profileRow = h('div', { class: 'row' }, field('Profile', select), newProfile);
  const rankingHeading = partHeading('Live ranking');
  return h('section', { class: 'screen', 'aria-labelledby': 'h-profiles' },
    h('h2', { id: 'h-profiles' }, 'Ideal partner profiles'),
    jumpNav('Parts of the profiles', [['The profile', profileRow], ['The ranking', rankingHeading]]),
    h('div', { class: 'cols' },
      h('div', { class: 'col' }, profileRow, editor),
      h('div', { class: 'col' }, rankingHeading, h('div', { class: 'row' }, timing, allBtn), rankBox, explain)),
    calibration.el);
}
