// The Deal & Teams screen: edit the deal (value, requirements, slots, weights, conflicts) and
// search the top-k teams in the worker with progress and cancel; each team shows who covers
// what, the pairs' relationship data and any conflicts.
import { clearErrors, showError, type App } from '../app';
import type { Call } from '../engine/client';
import type { Cover, Deal, Team, TeamsResult as TeamsResponse } from '../engine/types';
import { defaultSplits } from './splits';
import type { Prediction } from 'dealteam';
import { keyLabel, kindChoices, kindName, number, percent } from './format';
import { arrange, idleMembers, namesList, scoreTexts, searchK } from './team-order';
import { amountField, hasInvalid } from './amount-field';
import { currencyField } from './currency-field';
import { clear, field, h, keepFocus, nextId, numberIn, percentInput, unavailable, whenShown } from './dom';
import { DEFAULT_PENALTY, PARTS, sharesSentence } from './score-weights';
import { fingerprint as fingerprintOf, staleNote } from './stale';
import { asCards, scrollBox } from './cards';
import { keyChoice, keyField } from './key-choice';
import { jumpNav } from './jump';
import type { Workspace } from '../state';

/** The last search kept in the workspace (its `asked`: `teamsScreen`'s `fingerprint` of what its teams answer). */
type Saved = NonNullable<Workspace['teamResults']>;

/** The team search stops after this long by default and shows the best teams found so far. */
const DEFAULT_SECONDS = 10;

/** What the result is: the proven best teams, or the best found when the search was stopped. */
function quality(res: TeamsResponse, seconds: number): string {
  if (res.exact) return 'the best possible (proven)';
  const gap = typeof res.gap === 'number' && Number.isFinite(res.gap) ? `; a better team could score at most ${number(res.gap * 100, 1)} points more` : '';
  const why = res.stoppedBy === 'cancel' ? 'stopped on Cancel' : `stopped at the ${seconds.toLocaleString('en-US')} s time limit`;
  return `the best teams found, ${why}${gap}`;
}

function num(path: string, label: string, value: number | null | undefined, set: (v: number | undefined) => void, step = 'any') {
  const el = h('input', { type: 'number', step, value: value ?? '', 'data-path': path, id: nextId('d') });
  el.addEventListener('input', () => set(numberIn(el)));
  return field(label, el);
}
/** A share (0–1 in the deal) typed as a percentage (dom.ts `percentInput`); `attrs` as there. */
function pct(path: string, label: string, value: number | null | undefined, set: (v: number | undefined) => void, attrs: Parameters<typeof percentInput>[2] = {}) {
  return field(label, percentInput(value, set, { 'data-path': path, id: nextId('d'), ...attrs }));
}
function text(path: string, label: string, value: string | undefined, set: (v: string) => void) {
  const el = h('input', { type: 'text', value: value ?? '', 'data-path': path, id: nextId('d') });
  el.addEventListener('input', () => set(el.value));
  return field(label, el);
}

/** A team's chance to win under the trained win model (Insights), when there is one. */
function winText(t: Team): string {
  const w = (t as { win?: Prediction | null }).win;
  if (!w) return '';
  return w.fromModel ? ` · chance to win ${percent(w.probability)}` : ` · chance to win ${percent(w.probability)} (the usual win rate: the model has no skill yet)`;
}

/** How well the members have worked together (synergy −1 … 1), in words. */
function synergyWords(s: number): string {
  if (s >= 0.3) return 'have worked together well';
  if (s > 0.05) return 'have worked together fairly well';
  if (s >= -0.05) return 'little history together';
  return 'have had trouble working together';
}

/** Renders an engine value we only know loosely (covers, conflicts) as readable text. */
function describe(v: unknown, name: (id: string) => string): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => describe(x, name)).join('; ') : 'none';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${describe(x, name)}`).join(', ');
  if (typeof v === 'string') return name(v);
  return String(v);
}

export function teamsScreen(app: App): HTMLElement {
  const form = h('form', { class: 'editor', 'aria-label': 'Deal editor', onsubmit: (e: Event) => e.preventDefault() });
  const results = h('div', { class: 'teams', 'aria-live': 'polite' });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Team search progress', hidden: true });
  const progressText = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', class: 'primary' }, 'Find teams');
  const cancel = h('button', { type: 'button', disabled: true }, 'Cancel');
  let current: Call<TeamsResponse> | null = null;

  /** The capabilities the partners have, a requirement's choices (each requirement's list drawn again when they come). */
  let capabilities: string[] = [];
  let capabilityChoices: (() => void)[] = [];
  // asked for once the screen is shown (not while the page opens on another one)
  const capabilitiesWhenShown = whenShown(form, () => {
    const got = (caps: string[]) => { capabilities = caps; for (const draw of capabilityChoices) draw(); };
    app.engine.call('partnerKeys', {}).then((k) => got(k.capabilities), () => got([]));
  });
  /** A requirement's capability, chosen by name among the partners' (or typed). */
  function capabilityField(r: { capability: string }, i: number): HTMLElement {
    const choice = keyChoice({ path: `deal.requirements[${i}].capability`, get: () => r.capability, set: (v) => { r.capability = v; touch(); }, label: () => `Requirement ${i + 1}: capability` });
    const draw = () => choice.draw(capabilities);
    capabilityChoices.push(draw);
    draw();
    return keyField('Capability', choice);
  }
  const deal = () => app.ws.deal;
  const touch = () => app.changed('deal');

  /** "At most one team per set of required partners": on by default (else the list is near-copies). */
  function diverseBox(): HTMLElement {
    const box = h('input', { type: 'checkbox', id: nextId('d'), checked: app.ws.teamDiverse !== false });
    box.addEventListener('change', () => {
      app.ws.teamDiverse = box.checked;
      app.changed('teams');
      redraw();
    });
    return h('div', { class: 'field check' }, h('label', { for: box.id }, box, ' Show at most one team per set of required partners (teams that differ only in an optional member are hidden)'));
  }

  function build() {
    const d = deal();
    if (!d) { clear(form, h('p', {}, 'No deal yet.')); return; }
    const reqs = h('div', { class: 'list' });
    const drawReqs = () => { capabilityChoices = []; clear(reqs, (d.requirements ??= []).map((r, i) => h('fieldset', { class: 'inline' }, h('legend', {}, `Requirement ${i + 1}`),
      capabilityField(r, i),
      // how much the requirement counts compared with the others (any number above 0)
      num(`deal.requirements[${i}].weight`, 'Importance', r.weight, (v) => { r.weight = v ?? 0; touch(); }),
      // the capability level that counts as fully covered (0–1 in the deal; empty: 100%)
      pct(`deal.requirements[${i}].target`, 'Level needed (%)', r.target, (v) => { if (v === undefined) delete r.target; else r.target = v; touch(); }, { placeholder: '100', title: 'The capability level that counts as fully covered; empty: 100%.' }),
      h('button', { type: 'button', class: 'small', 'aria-label': `Remove requirement ${i + 1}`, onclick: () => { (d.requirements ??= []).splice(i, 1); drawReqs(); touch(); } }, '✕')))); };
    drawReqs();
    const slots = h('div', { class: 'list' });
    const drawSlots = () => clear(slots, d.slots.map((s, i) => {
      const prof = h('select', { 'data-path': `deal.slots[${i}].profile`, id: nextId('d') }, h('option', { value: '' }, '(any partner of this kind)'), app.ws.profiles.map((p) => h('option', { value: p.id }, p.name)));
      const role = h('select', { 'data-path': `deal.slots[${i}].role`, id: nextId('d') }, kindChoices(app.facets.kinds, s.role).map(([v, t]) => h('option', { value: v }, t)));
      role.value = s.role;
      role.addEventListener('input', () => { s.role = role.value; touch(); });
      prof.value = s.profile ?? '';
      prof.addEventListener('input', () => { if (prof.value) s.profile = prof.value; else delete s.profile; touch(); });
      return h('fieldset', { class: 'inline' }, h('legend', {}, `Slot ${i + 1}`),
        field('Role', role),
        field('Profile', prof),
        num(`deal.slots[${i}].min`, 'Min', s.min, (v) => { s.min = v ?? 0; touch(); }, '1'),
        num(`deal.slots[${i}].max`, 'Max', s.max, (v) => { s.max = v ?? 0; touch(); }, '1'),
        h('button', { type: 'button', class: 'small', 'aria-label': `Remove slot ${i + 1}`, onclick: () => { d.slots.splice(i, 1); drawSlots(); touch(); } }, '✕'));
    }));
    drawSlots();
    const w = (d.weights ??= { coverage: 0.5, fit: 0.3, synergy: 0.2 });
    // what part of the score each weight gets, said again as they (or the conflicts) change
    const shares = h('p', { class: 'shares', 'aria-live': 'polite' });
    const penalized = () => d.conflicts === 'penalize';
    const say = () => { shares.textContent = sharesSentence(w, penalized() ? d.conflictPenalty ?? DEFAULT_PENALTY : null); };
    const conflicts = h('select', { 'data-path': 'deal.conflicts', id: nextId('d') }, h('option', { value: 'forbid' }, 'never in one team'), h('option', { value: 'penalize' }, 'allowed, at a score penalty'));
    conflicts.value = d.conflicts ?? 'forbid';
    const penalty = pct('deal.conflictPenalty', 'Points off per conflicting pair', d.conflictPenalty, (v) => { if (v === undefined) delete d.conflictPenalty; else d.conflictPenalty = v; say(); touch(); },
      { placeholder: String(DEFAULT_PENALTY * 100), disabled: !penalized() });
    conflicts.addEventListener('input', () => { d.conflicts = conflicts.value as Deal['conflicts']; penalty.querySelector('input')!.disabled = !penalized(); say(); touch(); });
    // an error about the weights together (all 0) is said under them
    const weights = h('fieldset', { class: 'weights', 'data-path': 'deal.weights', id: nextId('d') }, h('legend', {}, 'What counts in a team’s score'),
      h('div', { class: 'grid' }, PARTS.map((x) => pct(`deal.weights.${x.key}`, x.label, w[x.key], (v) => { w[x.key] = v ?? 0; say(); touch(); }, { max: null }))),
      shares);
    weights.append(h('span', { class: 'field-error', role: 'alert', id: `${weights.id}-err` }));
    say();
    clear(form,
      h('div', { class: 'grid' },
        text('deal.name', 'Deal name', d.name, (v) => { d.name = v; touch(); }),
        amountField('deal.value', 'Deal value', () => d.value, (v) => { d.value = v; touch(); }, () => d.currency),
        currencyField('deal.currency', () => d.currency, (v) => { d.currency = v; touch(); build(); }),
        num('deal.maxTeamSize', 'Max team size', d.maxTeamSize, (v) => { if (v === undefined) delete d.maxTeamSize; else d.maxTeamSize = v; touch(); }, '1'),
        num('k', 'Teams to show', app.ws.teamK, (v) => { app.ws.teamK = v ?? 10; touch(); redraw(); }, '1'),
        num('timeLimit', 'Time limit (seconds)', app.ws.teamSeconds ?? DEFAULT_SECONDS, (v) => { app.ws.teamSeconds = v && v > 0 ? v : undefined; touch(); }, 'any')),
      diverseBox(),
      h('h3', {}, 'Requirements'), reqs,
      h('button', { type: 'button', onclick: () => { (d.requirements ??= []).push({ capability: capabilities.includes('cloud') || !capabilities.length ? 'cloud' : capabilities[0], weight: 1 }); drawReqs(); touch(); } }, 'Add requirement'),
      h('h3', {}, 'Slots'), slots,
      h('button', { type: 'button', onclick: () => { d.slots.push({ role: 'si', min: 0, max: 1 }); drawSlots(); touch(); } }, 'Add slot'),
      h('h3', {}, 'How teams are scored'),
      weights,
      h('div', { class: 'grid conflicts' }, field('Partners in conflict', conflicts), penalty),
      h('p', { class: 'form-error', role: 'alert' }));
  }

  function pairs(t: Team): HTMLElement {
    if (Array.isArray(t.pairs)) {
      if (!t.pairs.length) return h('p', {}, 'A one-member team has no pairs.');
      return h('table', {}, h('caption', {}, 'How the pairs have worked together'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Pair'), h('th', { scope: 'col' }, 'Together so far'), h('th', { scope: 'col' }, 'Conflict'))),
        h('tbody', {}, t.pairs.map((p) => h('tr', {}, h('td', {}, `${app.name(p.a)} ↔ ${app.name(p.b)}`), h('td', {}, synergyWords(p.score)), h('td', {}, p.conflict ? h('strong', { class: 'bad' }, 'conflict') : 'no')))));
    }
    // older engines: show the recorded relationship data
    const rels = app.eco?.relationships ?? [];
    const set = new Set(t.members);
    const rows = rels.filter((r) => set.has(r.a) && set.has(r.b));
    if (!rows.length) return h('p', {}, 'No recorded relationships between these members (pair score 0).');
    return h('ul', { class: 'pairs' }, rows.map((r) => h('li', {},
      `${app.name(r.a)} ↔ ${app.name(r.b)}: `,
      r.trust !== undefined ? `trust ${r.trust}` : r.jointDeals !== undefined ? `${r.jointWins ?? 0}/${r.jointDeals} joint wins` : 'no history',
      r.conflict ? h('strong', { class: 'bad' }, ' — conflict') : null)));
  }

  function covers(t: Team): HTMLElement {
    const cs = t.covers as Cover[] | unknown;
    if (Array.isArray(cs) && cs.every((c) => c && typeof c === 'object' && 'capability' in c)) {
      return h('table', {}, h('caption', {}, 'Who covers what'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Requirement'), h('th', { scope: 'col' }, 'Covered by'), h('th', { scope: 'col' }, 'Level'))),
        h('tbody', {}, (cs as Cover[]).map((c) => h('tr', {}, h('td', {}, keyLabel(c.capability)), h('td', {}, c.partnerId ? app.name(c.partnerId) : 'nobody'), h('td', { class: 'num' }, percent(c.level))))));
    }
    return h('p', {}, h('strong', {}, 'Who covers what: '), describe(t.covers, (id) => app.name(id)));
  }

  function conflictText(t: Team): string {
    const c = t.conflicts;
    if (Array.isArray(c)) return c.length ? c.map((p) => (Array.isArray(p) ? p.map((id) => app.name(String(id))).join(' × ') : describe(p, app.name.bind(app)))).join('; ') + (t.penalty ? ` (${number(t.penalty * 100, 1)} points off the score)` : '') : 'none';
    return describe(c, (id) => app.name(id));
  }

  /** Members in an optional slot who are best at none of the deal's requirements. */
  function idleNote(t: Team, d: Deal | null): HTMLElement | null {
    const idle = idleMembers(t, d);
    return idle.length ? h('p', { class: 'notice idle' }, `${idle.map((m) => app.name(m)).join(', ')} ${idle.length === 1 ? 'adds' : 'add'} no capability the others lack: the team covers the deal as well without ${idle.length === 1 ? 'it' : 'them'}.`) : null;
  }

  /** Each team's score out of 100 as shown: enough digits that different scores look different. */
  const shownScores = (teams: Team[]) => scoreTexts(teams.map((t) => t.score), (x, d) => number(x, d, d));

  /** The teams side by side: one row each, the figures that tell them apart. */
  function compareTable(teams: Team[]): HTMLElement | null {
    if (teams.length < 2) return null;
    const win = teams.some((t) => t.win);
    const scores = shownScores(teams);
    return scrollBox('Teams side by side', asCards(h('table', { class: 'team-compare' },
      h('caption', {}, 'Teams side by side'),
      h('thead', {}, h('tr', {}, ['Team', 'Score', 'Covers', 'Fit', ...(win ? ['Chance to win'] : []), 'Members'].map((c, i) => h('th', { scope: 'col', class: i > 0 && c !== 'Members' ? 'num' : null }, c)))),
      h('tbody', {}, teams.map((t, i) => h('tr', {}, h('th', { scope: 'row' }, `Team ${i + 1}`), h('td', { class: 'num' }, scores[i]), h('td', { class: 'num' }, percent(t.coverage)), h('td', { class: 'num' }, percent(t.fit)),
        win ? h('td', { class: 'num' }, t.win ? percent(t.win.probability) : '—') : null, h('td', {}, t.members.map((m) => app.name(m)).join(', '))))))));
  }

  /** The members of team `t` with what each does in it and how well it fits its slot's profile. */
  function members(t: Team, i: number): HTMLElement {
    return scrollBox(`Members of team ${i + 1}`, h('table', { class: 'team-members' }, h('caption', {}, 'Members'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Slot'), h('th', { scope: 'col' }, 'Slot profile'), h('th', { scope: 'col', class: 'num' }, 'Fit'))),
      h('tbody', {}, t.members.map((m) => {
        const b = (t.breakdown as { partnerId: string; profile?: string | null; fit?: number | null }[] | undefined)?.find((x) => x.partnerId === m);
        const prof = b?.profile ? app.ws.profiles.find((p) => p.id === b.profile)?.name ?? 'a profile since deleted' : 'any partner of this kind';
        // the slot's kind, and the partner's own kind only where it is another
        const slot = kindName(t.slots?.[m]);
        const kind = kindName(app.byId.get(m)?.kind);
        return h('tr', {}, h('td', {}, app.name(m)), h('td', {}, slot && kind && slot !== kind ? `${slot} (partner kind: ${kind})` : slot || kind), h('td', {}, prof),
          h('td', { class: 'num' }, typeof b?.fit === 'number' ? percent(b.fit) : '—'));
      }))));
  }

  /** The members of the team last used for splits and plan (joined), until the next search: its card says so. */
  let used: string | null = null;
  const usedSentence = (t: Team) => [`${namesList(t.members.map((m) => app.name(m)))} ${t.members.length === 1 ? 'is' : 'are'} now the team on Splits and Plan. `,
    h('button', { type: 'button', class: 'link', onclick: () => app.goTo('splits') }, 'Open Splits to divide the revenue')];

  function show(res: TeamsResponse, seconds: number) {
    const d = deal();
    const teams = arrange(res.teams, d, app.ws.teamK, app.ws.teamDiverse !== false);
    app.teams = teams;
    const scores = shownScores(teams);
    clear(results,
      h('p', { class: 'summary' }, `${teams.length} teams · ${quality(res, seconds)} · ${number(res.nodes)} combinations checked${app.ws.teamDiverse !== false ? ' · one team per set of required partners' : ''}`),
      compareTable(teams),
      h('ol', { class: 'team-list' }, teams.map((t, i) => {
        const said = h('p', { class: 'team-used', role: 'status' }, used === t.members.join('\u0000') ? usedSentence(t) : null);
        return h('li', { class: 'card' }, h('details', { class: 'team', open: i === 0 },
          h('summary', {}, h('h3', {}, `Team ${i + 1}: score ${scores[i]} out of 100`), ` — ${t.members.map((m) => app.name(m)).join(', ')}`),
          h('p', { class: 'metrics' }, `covers ${percent(t.coverage)} of what the deal needs · fits the profiles ${percent(t.fit)} · ${synergyWords(t.synergy)}`, winText(t)),
          idleNote(t, d),
          members(t, i),
          covers(t),
          h('p', {}, h('strong', {}, 'Conflicts: '), conflictText(t)),
          pairs(t),
          h('div', { class: 'use-team' }, h('button', { type: 'button', onclick: () => useTeam(t, said) }, 'Use this team for splits and plan'), said)));
      })));
    // drawn again: the note (if still due) goes back over the teams
    stale.check();
  }

  function useTeam(t: Team, said: HTMLElement) {
    app.ws.splits = defaultSplits([...t.members], deal()?.value ?? '0');
    app.ws.plan = null;
    app.ws.simResults = undefined;
    used = t.members.join('\u0000');
    // said beside the button (one team at a time), not in the status line at the top of the page
    for (const p of results.querySelectorAll('.team-used')) if (p !== said) p.replaceChildren();
    clear(said, usedSentence(t));
    app.changed('teams');
  }

  const saved = () => app.ws.teamResults;
  /**
   * What the shown teams answer, as it is now, as a fingerprint: the profiles, the deal (with its
   * weights and conflicts) and the win model the search was given; `more`: the list asked for now
   * needs more teams than the search brought (more teams to show, or one per set of required
   * partners after all); `longer`: the teams are the best found in time (not proven) and the time
   * limit is another now. What the teams are only arranged by (how many, one per set) is not in it.
   */
  const fingerprint = (more: boolean, longer: boolean) => fingerprintOf({ profiles: app.ws.profiles, deal: app.ws.deal, winModel: app.ws.winModel?.model ?? null, more, longer });
  const answers = () => {
    const s = saved();
    const brought = s?.k ?? Infinity;
    const more = !!s && searchK(app.ws.teamK, app.ws.teamDiverse !== false) > brought && s.response.teams.length >= brought;
    const longer = !!s && !s.response.exact && (app.ws.teamSeconds ?? DEFAULT_SECONDS) !== s.seconds;
    return fingerprint(more, longer);
  };
  const stale = staleNote(results, 'Out of date: the deal, a profile, the win model or the search settings changed after this search. Find teams again to update the teams.', answers);
  /** The note compares with what the workspace's last search answered (after a reload, an undo or a cancelled search). */
  const follow = () => {
    const s = saved();
    if (!s) { stale.computing(null); return; }
    // kept by an older page: no fingerprint, only whether it was out of date then
    s.asked ??= s.stale ? 'unknown' : answers();
    stale.computing(s.asked)();
  };
  const recheck = () => {
    stale.check();
    const s = saved();
    if (s?.asked) s.stale = answers() !== s.asked;
  };
  /** The kept teams arranged again (how many to show, one per set of required partners). */
  const redraw = () => { const s = saved(); if (s) show(s.response, s.seconds); };

  run.addEventListener('click', async () => {
    const d = deal();
    if (!d || !app.eco) return;
    if (!app.engine.has('TeamSearch') && !app.engine.has('teams')) { clear(results, unavailable('Team search')); return; }
    if (hasInvalid(form)) { progressText.textContent = 'Correct the marked field first.'; return; }
    clearErrors(form);
    progress.hidden = false; progress.value = 0; progressText.textContent = 'Searching…';
    run.disabled = true; cancel.disabled = false;
    const seconds = app.ws.teamSeconds ?? DEFAULT_SECONDS;
    const k = searchK(app.ws.teamK, app.ws.teamDiverse !== false);
    const asked = fingerprint(false, false);
    const shown = stale.computing(asked);
    current = app.engine.start('teams', { profiles: app.ws.profiles, deal: d, k, timeLimitMs: Math.round(seconds * 1000), ...(app.ws.winModel ? { winModel: app.ws.winModel.model } : {}) }, (p, detail) => {
      progress.value = p;
      progressText.textContent = `Searching… ${percent(p, 0)}${detail?.nodes !== undefined ? ` · ${Number(detail.nodes).toLocaleString('en-US')} combinations checked` : ''}`;
    });
    let stopped = false;
    cancel.onclick = () => { stopped = true; };
    try {
      const res = await current.done;
      const kept: Saved = { response: res, seconds, stale: false, asked, k };
      app.ws.teamResults = kept;
      used = null;
      show(res, seconds);
      shown();
      app.changed('teams');
      progressText.textContent = stopped ? 'Cancelled: the best teams found so far.' : res.stoppedBy === 'timeLimit' ? 'Time limit reached: the best teams found so far.' : 'Done.';
    } catch (e) {
      const err = showError(form, e, 'deal');
      // never leave the teams of an earlier search on screen as if they answered this one
      if (err.code !== 'cancelled') { clear(results); app.ws.teamResults = undefined; app.teams = []; used = null; app.saveSoon(); }
      // the teams still shown are those of the search before
      follow();
      progressText.textContent = err.code === 'cancelled' ? 'Cancelled.' : form.querySelector('[aria-invalid="true"]') ? 'Failed: see the field marked in red.' : 'Failed: see the message under the deal.';
    } finally {
      current = null; run.disabled = false; cancel.disabled = true; progress.hidden = true;
      keepFocus(run);
    }
  });
  cancel.addEventListener('click', () => { if (current) void app.cancel(current, 'TeamSearch'); });
  app.on('ecosystem', () => {
    build();
    capabilitiesWhenShown();
    // the workspace's last search (after a reload or an undo), or nothing (another workspace)
    const s = saved();
    follow();
    if (s) { show(s.response, s.seconds); app.emit('teams'); } else clear(results);
  }, true);
  // out of date exactly while what the shown teams answer differs from what it was
  for (const ev of ['deal', 'profiles', 'history', 'teams'] as const) app.on(ev, recheck);
  // the slot editors list the profiles: rebuild only when their ids or names change
  let profileKey = '';
  app.on('profiles', () => {
    const key = app.ws.profiles.map((p) => `${p.id}\u0000${p.name}`).join('\u0001');
    if (key !== profileKey && !form.contains(document.activeElement)) { profileKey = key; build(); }
  }, true);

  const runRow = h('div', { class: 'row' }, run, cancel, progress, progressText);
  return h('section', { class: 'screen', 'aria-labelledby': 'h-teams' },
    h('h2', { id: 'h-teams' }, 'Deal and teams'),
    jumpNav('Parts of the deal and teams', [['The deal', form], ['The teams', runRow]]),
    h('div', { class: 'cols' },
      h('div', { class: 'col' }, form),
      h('div', { class: 'col' }, runRow, results)));
}
