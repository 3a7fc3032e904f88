// The Plan screen: edit the joint plan (partners, investments, offer, pipeline, split,
// objectives, governance) and run the seeded Monte Carlo simulation in the worker — fan chart
// p5–p95 per month, ROPI per partner, objective probabilities — plus the validation findings
// next to the fields they concern (re-checked as the plan changes), the agreement terms
// (terms.ts), the agreement itself (agreement.ts) and the audit against actuals (audit.ts).
import { loadPlot } from './lazy';
import { auditView, metricName } from './audit';
import { agreementView } from './agreement';
import { termsForm } from './terms';
import { clearErrors, showError, type App } from '../app';
import type { Call } from '../engine/client';
import type { Finding, Plan, SimulateResponse } from '../engine/types';
import type { SplitSettings, Workspace } from '../state';
import { amountField } from './amount-field';
import { CHART, fanPlot } from './fan-chart';
import { fitChart } from './fit-chart';
import { namesLeft } from './chart-names';
import { incentivesForm } from './incentives';
import { incentivesResults } from './incentives-results';
import { currencyField } from './currency-field';
import { plainMessage } from './errors';
import { kindChoices, number, sentence, percent } from './format';
import { tip } from './glossary';
import { equalPercents } from './splits';
import { a11yChart, append, clear, field, fmtMoney, h, keepFocus, markUntilEdit, nextId, percentInput, unavailable, whenShown } from './dom';
import { asCards, scrollBox } from './cards';
import { fingerprint, freshness } from './stale';
import { jumpNav, partHeading } from './jump';

/**
 * The fixed shares set on the Splits screen (percent by partner id) when Splits divides among
 * exactly `ids` and they add up to 100%; else null (another team, shares being typed, or shares
 * kept as weights by an older workspace).
 */
export function splitsPercents(splits: SplitSettings | null | undefined, ids: readonly string[]): Record<string, number> | null {
  if (!splits?.sharesPct || ids.length !== splits.members.length || !ids.every((id) => splits.members.includes(id))) return null;
  const shares = Object.fromEntries(ids.map((id) => [id, Number(splits.shares[id])]));
  const values = Object.values(shares);
  // shares still being typed (not yet 100% in all) are not offered
  return values.every(Number.isFinite) && Math.round(values.reduce((a, b) => a + b, 0) * 100) === 10000 ? shares : null;
}

/** A first plan for `members` (the first four): split by `shares` (percent by their ids: `splitsPercents`) or equally. */
export function defaultPlan(members: { id: string; name: string; kind: string }[], currency: string, shares?: Record<string, number> | null): Plan {
  const ms = members.slice(0, 4);
  return {
    id: 'plan-1', name: 'Joint go-to-market plan', currency, horizonMonths: 24,
    partners: ms.map((p, i) => ({ id: p.id, name: p.name, role: p.kind, lead: i === 0, manager: `Manager ${i + 1}`,
      investments: { mdf: i === 0 ? '30000.00' : '10000.00', enablement: '15000.00', monthlyCost: '1500.00', branding: '0.00' } })),
    offer: { kind: 'subscription', termMonths: 12, monthlyChurn: 0.02, renewalRate: 0 },
    pipeline: { opportunitiesPerMonth: 4, winProbability: 0.25,
      dealSize: { distribution: 'lognormal', median: '120000.00', p90: '300000.00' },
      salesCycleDays: { distribution: 'triangular', min: 30, mode: 60, max: 180 } },
    // the shares set on Splits, else equal ones as Splits makes them (33.33, 33.33, 33.34), so the two agree
    split: { model: 'fixed', shares: shares ?? equalPercents(ms.map((p) => p.id)) },
    objectives: [{ metric: 'bookings', target: '3000000.00', byMonth: 24, owner: 'Manager 1' }],
    opportunityLead: 'Manager 1',
    successMeasures: ['joint pipeline and bookings reviewed monthly against the objectives'],
    remuneration: { recurring: 'subscription and renewal revenue is shared by the split for as long as the customer stays' },
    governance: { overseer: 'Joint steering committee', independentParty: 'External alliance auditor', cadence: 'monthly' },
    mediation: { steps: ['partnership managers', 'executive sponsors', 'independent mediator'] },
    exclusivity: { exclusive: false, mayPursueSimilar: true },
    values: 'Customer outcomes first; open pipeline sharing between the partners.',
    vision: 'A joint offer customers choose because the partners deliver it together.',
    legal: {
      ip: 'Each partner keeps what it owned before; what the partners build together is owned jointly.',
      liability: 'Each partner is liable for its own products and services; liability between the partners is limited to the fees received under this agreement in the last twelve months.',
      term: { start: '2027-01-01', renewal: 'Renews for one year at a time unless a partner gives notice.', terminationNoticeDays: 90 },
    },
    dataSharing: {
      what: 'Contact details and opportunity status of joint prospects and customers.',
      how: 'Through a shared CRM workspace, under a data processing agreement.',
      access: 'The partnership managers and the staff working on the opportunity.',
    },
    engagement: {
      rules: 'The partner that first registers a deal leads it; a conflict goes to the partnership managers within 5 business days.',
      kind: 'strategic',
    },
    customerContact: 'Manager 1',
    projectManager: 'Manager 1',
    enablement: { presales: 'Each partner trains the others\' pre-sales staff once a quarter and answers technical questions within two business days.' },
    branding: { usage: 'Joint material uses both logos; each partner approves the use of its brand before publication.' },
    audit: { cadence: 'quarterly' },
  };
}

type Stat = { mean?: unknown; p5?: unknown; p50?: unknown; p95?: unknown };
/** A response object read by field name (series, columns). */
const fields = (v: object) => v as unknown as Record<string, unknown>;
/** The plan's fixed split shares (plan.split is free-form JSON in the engine's types). */
const splitShares = (p: Plan) => (p.split as { shares?: Record<string, number> } | null | undefined)?.shares;
const isStat = (v: unknown): v is Stat => !!v && typeof v === 'object' && 'p5' in v && 'p95' in v;
const n = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);
/** The simulation's series and columns in words. */
const SERIES: Record<string, string> = {
  bookings: 'bookings', revenue: 'revenue', pipeline: 'pipeline', costs: 'costs', profit: 'profit', cumulativeRevenue: 'revenue so far', cumulativeBookings: 'bookings so far',
  share: 'revenue share', investment: 'investment', ropi: 'return on investment', payback: 'pays back', deals: 'won deals', wonDeals: 'won deals',
};
const said = (k: string) => SERIES[k] ?? k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
/** Short column headings where the words alone would be long or unclear. */
const HEADINGS: Record<string, string> = { payback: 'Payback (months)', ropi: 'Return on investment' };
/** A series or column as a label ("Won deals", "Payback (months)"). */
const heading = (k: string) => HEADINGS[k] ?? sentence(said(k)).replace(/\.$/, '');
const statText = (v: unknown, money: boolean, pct = false) => {
  if (isStat(v)) { const f = (x: unknown) => (money ? fmtMoney(x) : pct ? percent(n(x), 0) : number(n(x), 1)); return `${f(v.p50 ?? v.mean)} (${f(v.p5)} – ${f(v.p95)})`; }
  if (v === null || v === undefined) return '—';
  if (money && typeof v === 'string' && Number.isFinite(Number(v))) return fmtMoney(v);
  if (typeof v === 'number') return number(v, 1);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/**
 * A table cell of `statText` or `payback`: the range in parentheses, and a note after it ("; 100%
 * pay back"), each kept on one line, so that a narrow table puts them under the typical value
 * instead of scrolling sideways (its text, and so the CSV export, is the same).
 */
const statCell = (text: string) => {
  const at = text.indexOf(' (');
  const end = text.indexOf(')', at);
  if (at < 0 || end < 0) return text;
  const whole = (t: string) => h('span', { class: 'whole' }, t);
  const note = text.slice(end + 1).replace(/^; /, '');
  return [text.slice(0, at + 1), whole(text.slice(at + 1, end + 1)), ...(note ? ['; ', whole(note)] : [])];
};

function payback(v: unknown): string {
  const p = v as { probability?: number; p5?: number | null; p50?: number | null; p95?: number | null } | null;
  if (!p || typeof p !== 'object') return statText(v, false);
  if (p.p50 === null || p.p50 === undefined) return `not within the horizon in most trials (${percent(p.probability ?? NaN, 0)} pay back)`;
  return `${p.p50} (${p.p5 ?? '—'} – ${p.p95 ?? '—'}); ${percent(p.probability ?? NaN, 0)} pay back`;
}

/** Simulated futures behind the agreement check (it runs again after every edit). */
const CHECK_TRIALS = 2000;

/** Said above a simulation while what Simulate would send now differs from what it came from. */
const STALE = 'Out of date: the plan or the run’s settings changed after this simulation. Simulate again to update it.';

/** The simulation kept in the workspace, with what it came from (state.ts). */
type SavedSim = NonNullable<Workspace['simResults']>;

export function planScreen(app: App): HTMLElement {
  const form = h('form', { class: 'editor', 'aria-label': 'Plan editor', onsubmit: (e: Event) => e.preventDefault() });
  const simOut = h('div', { class: 'sim', 'aria-live': 'polite' });
  const findingsOut = h('div', { class: 'findings', 'aria-live': 'polite' });
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Simulation progress' });
  const progressText = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const trials = h('input', { type: 'number', min: '100', step: '100', value: 2000, id: 'sim-trials', 'data-path': 'trials' });
  const seed = h('input', { type: 'number', min: '0', step: '1', value: 42, id: 'sim-seed', 'data-path': 'seed' }) as HTMLInputElement;
  const simulate = h('button', { type: 'button', class: 'primary' }, 'Simulate');
  const cancel = h('button', { type: 'button', disabled: true }, 'Cancel');
  const validate = h('button', { type: 'button' }, 'Check the agreement');
  let current: Call<SimulateResponse> | null = null;
  const runRow = h('div', { class: 'row' }, field('Trials (simulated futures)', trials), simulate, cancel, progress, progressText);
  // the seed is for who wants to repeat a run exactly: out of the way, in words
  const repeatable = h('details', { class: 'repeatable' }, h('summary', {}, 'Repeatable runs'),
    field('Run number — the same number gives the same result', seed, 'Simulate draws its futures at random; with the same plan, trials and run number it draws the same ones again.'));
  // trials and seed sit beside Simulate, not in the plan's form: their errors are shown here
  const runBox = h('div', { class: 'run' }, runRow, repeatable);
  /** What Simulate would send now. */
  const request = () => ({ plan: app.ws.plan, trials: Number(trials.value), seed: Number(seed.value) });
  const fresh = freshness(() => fingerprint(request()));
  const staleNote = h('p', { class: 'notice stale', role: 'status' }, STALE);
  /** The note over the simulation exactly while it is out of date, and the saved flag with it. */
  const checkStale = () => {
    const saved = app.ws.simResults;
    const stale = !!saved && fresh.stale();
    if (saved && saved.stale !== stale) { saved.stale = stale; app.saveSoon(); }
    if (!stale) staleNote.remove();
    else if (staleNote.parentNode !== simOut) simOut.prepend(staleNote);
  };
  for (const el of [trials, seed]) el.addEventListener('input', checkStale);
  /**
   * Whether the run number can be used, else said beside it (the fold opened; the first edit takes
   * it away): the engine's own message names the "seed" and its largest value in digits.
   */
  const seedOk = () => {
    const v = seed.value.trim();
    if (/^\d{1,15}$/.test(v)) return true;
    markUntilEdit(seed, `Write a whole number, 0 or more${v ? ` (not ${v})` : ''}.`);
    repeatable.open = true;
    return false;
  };

  const plan = (): Plan | null => {
    if (!app.ws.plan && app.eco) {
      const ids = app.ws.splits?.members ?? app.teams[0]?.members ?? app.eco.partners.slice(0, 2).map((p) => p.id);
      const ms = ids.map((id) => app.byId.get(id)).filter((p): p is NonNullable<typeof p> => !!p);
      if (ms.length) { app.ws.plan = defaultPlan(ms, app.ws.deal?.currency ?? app.eco.currency ?? 'EUR', splitsPercents(app.ws.splits, ms.slice(0, 4).map((q) => q.id))); app.changed('plan'); }
    }
    return app.ws.plan;
  };
  const touch = () => app.changed('plan');
  /**
   * When the Splits screen divides among the plan's partners with other fixed shares than the
   * plan's: says so, and offers to take them (the plan and the agreement then split as decided there).
   */
  const sharesFromSplits = (p: Plan): HTMLElement | null => {
    const theirs = splitsPercents(app.ws.splits, p.partners.map((q) => q.id));
    const mine = splitShares(p) ?? {};
    const model = (p.split as { model?: string } | null | undefined)?.model;
    if (!theirs || ((!model || model === 'fixed') && p.partners.every((q) => Number(mine[q.id]) === theirs[q.id]))) return null;
    const said = p.partners.map((q) => `${q.name} ${number(theirs[q.id], 2)}%`).join(', ');
    return h('p', { class: 'notice from-splits' }, `The Splits screen divides with other fixed shares: ${said}. `,
      h('button', { type: 'button', class: 'link', onclick: () => { p.split = { ...(p.split as object ?? {}), model: 'fixed', shares: { ...theirs } }; touch(); syncJson(); build(); } }, 'Use them in this plan'));
  };
  const errFor = (path: string) => (el: HTMLElement) => { el.dataset.path = path; if (!el.id) el.id = nextId('pl'); return el; };

  function input(path: string, label: string, get: () => unknown, set: (v: string) => void, type = 'text') {
    const el = errFor(path)(h('input', { type, step: type === 'number' ? 'any' : null, value: String(get() ?? '') })) as HTMLInputElement;
    el.addEventListener('input', () => { set(el.value); touch(); syncJson(); });
    return field(label, el);
  }

  /** A chance (0–1 in the plan) typed and shown as a percentage (dom.ts `percentInput`). */
  function percentIn(path: string, label: string, get: () => unknown, set: (v: number | undefined) => void) {
    const x = get();
    const el = errFor(path)(percentInput(typeof x === 'number' ? x : undefined, (v) => { set(v); touch(); syncJson(); })) as HTMLInputElement;
    return field(`${label} (%)`, el);
  }

  const moneyIn = (path: string, label: string, get: () => string | null | undefined, set: (v: string) => void) =>
    amountField(path, label, get, (v) => { set(v); touch(); syncJson(); }, () => app.ws.plan?.currency);

  function choice(path: string, label: string, options: [string, string][], get: () => unknown, set: (v: string) => void) {
    const el = errFor(path)(h('select', {}, options.map(([v, t]) => h('option', { value: v }, t)))) as HTMLSelectElement;
    el.value = String(get() ?? options[0][0]);
    el.addEventListener('change', () => { set(el.value); touch(); syncJson(); });
    return field(label, el);
  }

  function text(path: string, label: string, get: () => string | null | undefined, set: (v: string) => void, hint?: string) {
    const el = errFor(path)(h('textarea', { rows: 3 }, get() ?? '')) as HTMLTextAreaElement;
    el.addEventListener('input', () => { set(el.value); touch(); syncJson(); });
    return field(label, el, hint);
  }
  const group = (legend: string, ...fs: HTMLElement[]) => h('fieldset', { class: 'terms' }, h('legend', {}, legend), fs);

  function lines(path: string, label: string, get: () => string[] | undefined, set: (v: string[]) => void) {
    const el = errFor(path)(h('textarea', { rows: 3 }, (get() ?? []).join('\n'))) as HTMLTextAreaElement;
    el.addEventListener('input', () => { set(el.value.split('\n').map((x) => x.trim()).filter(Boolean)); touch(); syncJson(); });
    return field(label, el);
  }
  function checkbox(path: string, label: string, get: () => boolean | undefined, set: (v: boolean) => void) {
    const el = errFor(path)(h('input', { type: 'checkbox', checked: !!get() })) as HTMLInputElement;
    el.addEventListener('input', () => { set(el.checked); touch(); syncJson(); });
    return h('div', { class: 'field check' }, h('label', { for: el.id }, el, ' ', label), h('span', { class: 'field-error', role: 'alert', id: `${el.id}-err` }));
  }
  /** A fixed split's shares must add up to 100%: said next to the shares, and nothing runs until they do. */
  function blockedByShares(p: Plan): boolean {
    const shares = splitShares(p);
    const model = (p.split as { model?: string } | null | undefined)?.model;
    if (!shares || (model && model !== 'fixed')) return false;
    const sum = Math.round(Object.values(shares).reduce((a, b) => a + (Number(b) || 0), 0) * 100) / 100;
    if (sum === 100) return false;
    clearErrors(form);
    for (const el of form.querySelectorAll<HTMLElement>('[data-path^="plan.split.shares."]')) el.setAttribute('aria-invalid', 'true');
    const box = form.querySelector('.form-error');
    if (box) box.textContent = `The split shares add up to ${sum}%; they must add up to 100%. Change the partners’ split shares above.`;
    form.querySelector<HTMLElement>('[data-path^="plan.split.shares."]')?.focus();
    return true;
  }
  const gov = () => ((app.ws.plan!.governance ??= {}) as { overseer?: string; independentParty?: string });

  const json = h('textarea', { rows: 14, id: 'plan-json', 'data-path': 'plan', spellcheck: 'false' });
  const syncJson = () => { if (document.activeElement !== json) json.value = JSON.stringify(app.ws.plan, null, 2); };
  json.addEventListener('change', () => {
    try { app.ws.plan = JSON.parse(json.value) as Plan; touch(); build(); } catch { showError(form, new Error('The plan text could not be read: check its quotes, commas and brackets, or close “Advanced” and use the fields above.')); }
  });

  /** Makes the plan when there is none yet (at once), and draws its form (when the screen is shown). */
  function build() {
    plan();
    drawForm();
  }
  const drawForm = whenShown(form, () => {
    const p = plan();
    if (!p) { clear(form, h('p', {}, 'Load partners first.')); return; }
    const pl = p.pipeline as Record<string, unknown>;
    const offer = p.offer as Record<string, unknown>;
    const ds = (pl.dealSize ??= {}) as Record<string, unknown>;
    const num = (v: string) => (v === '' ? undefined : Number(v));
    clear(form,
      h('div', { class: 'grid' },
        input('plan.name', 'Plan name', () => p.name, (v) => { p.name = v; }),
        input('plan.horizonMonths', 'Horizon (months)', () => p.horizonMonths, (v) => { p.horizonMonths = Number(v); }, 'number'),
        currencyField('plan.currency', () => p.currency, (v) => { p.currency = v; touch(); syncJson(); build(); })),
      h('h3', {}, 'Partners and investments'),
      p.partners.map((q, i) => h('fieldset', { class: 'inline' }, h('legend', {}, q.name),
        choice(`plan.partners[${i}].role`, 'Role', kindChoices(app.facets.kinds, q.role), () => q.role, (v) => { q.role = v; }),
        input(`plan.partners[${i}].manager`, 'Manager', () => q.manager, (v) => { q.manager = v; }),
        moneyIn(`plan.partners[${i}].investments.mdf`, 'Marketing funds (MDF)', () => q.investments?.mdf, (v) => { (q.investments ??= {}).mdf = v; }),
        moneyIn(`plan.partners[${i}].investments.enablement`, 'Enablement', () => q.investments?.enablement, (v) => { (q.investments ??= {}).enablement = v; }),
        moneyIn(`plan.partners[${i}].investments.monthlyCost`, 'Monthly cost', () => q.investments?.monthlyCost, (v) => { (q.investments ??= {}).monthlyCost = v; }),
        input(`plan.split.shares.${q.id}`, 'Split share (%)', () => splitShares(p)?.[q.id], (v) => { const sp = ((p.split ??= {}) as { shares?: Record<string, number> }); (sp.shares ??= {})[q.id] = Number(v); }, 'number'))),
      sharesFromSplits(p),
      h('h3', {}, 'Offer and pipeline'),
      h('div', { class: 'grid' },
        choice('plan.offer.kind', 'What is sold', [['oneTime', 'a one-time sale'], ['subscription', 'a subscription'], ['consumption', 'usage-based (consumption)']], () => offer.kind, (v) => { offer.kind = v; }),
        input('plan.offer.termMonths', 'Term (months)', () => offer.termMonths, (v) => { offer.termMonths = num(v); }, 'number'),
        percentIn('plan.offer.monthlyChurn', 'Customers leaving per month', () => offer.monthlyChurn, (v) => { offer.monthlyChurn = v; }),
        percentIn('plan.offer.renewalRate', 'Customers renewing per term', () => offer.renewalRate, (v) => { offer.renewalRate = v; }),
        input('plan.pipeline.opportunitiesPerMonth', 'Opportunities per month', () => pl.opportunitiesPerMonth, (v) => { pl.opportunitiesPerMonth = num(v); }, 'number'),
        percentIn('plan.pipeline.winProbability', 'Chance to win an opportunity', () => pl.winProbability, (v) => { pl.winProbability = v; }),
        moneyIn('plan.pipeline.dealSize.median', 'Typical deal size (median)', () => ds.median as string | undefined, (v) => { ds.median = v; }),
        moneyIn('plan.pipeline.dealSize.p90', 'Large deal size (1 in 10 is bigger)', () => ds.p90 as string | undefined, (v) => { ds.p90 = v; })),
      h('h3', {}, 'Objectives'),
      p.objectives.map((o, i) => h('fieldset', { class: 'inline' }, h('legend', {}, `Objective ${i + 1}`),
        choice(`plan.objectives[${i}].metric`, 'Measure', [['bookings', 'bookings'], ['revenue', 'revenue'], ['pipeline', 'pipeline']], () => o.metric, (v) => { o.metric = v; }),
        moneyIn(`plan.objectives[${i}].target`, 'Target', () => o.target, (v) => { o.target = v; }),
        input(`plan.objectives[${i}].byMonth`, 'By month', () => o.byMonth, (v) => { o.byMonth = Number(v); }, 'number'),
        input(`plan.objectives[${i}].owner`, 'Owner', () => o.owner, (v) => { o.owner = v || undefined; }))),
      h('h3', {}, 'Incentives'),
      incentivesForm(p, { input, text, choice, group, money: moneyIn, changed: () => { touch(); syncJson(); } }),
      h('h3', {}, 'Governance and terms'),
      h('div', { class: 'grid' },
        input('plan.opportunityLead', 'Opportunity lead', () => p.opportunityLead, (v) => { p.opportunityLead = v || undefined; }),
        input('plan.governance.overseer', 'Overseen by', () => gov().overseer, (v) => { gov().overseer = v || undefined; }),
        input('plan.governance.independentParty', 'Independent party', () => gov().independentParty, (v) => { gov().independentParty = v || undefined; }),
        input('plan.remuneration.recurring', 'Recurring revenue sharing', () => (p.remuneration as Record<string, unknown> | undefined)?.recurring, (v) => { p.remuneration = { ...(p.remuneration as object ?? {}), recurring: v || undefined }; }),
        lines('plan.successMeasures', 'How success is measured (one per line)', () => p.successMeasures as string[] | undefined, (v) => { p.successMeasures = v; }),
        lines('plan.mediation.steps', 'Dispute mediation steps, in order (one per line)', () => (p.mediation as { steps?: string[] } | undefined)?.steps, (v) => { p.mediation = { steps: v }; }),
        checkbox('plan.exclusivity', 'Exclusive collaboration', () => (p.exclusivity as { exclusive?: boolean } | undefined)?.exclusive, (v) => { p.exclusivity = { ...(p.exclusivity as object ?? {}), exclusive: v }; }),
        checkbox('plan.exclusivity.mayPursueSimilar', 'Each party may pursue similar arrangements', () => (p.exclusivity as { mayPursueSimilar?: boolean } | undefined)?.mayPursueSimilar as boolean | undefined, (v) => { p.exclusivity = { ...(p.exclusivity as object ?? {}), mayPursueSimilar: v }; })),
      h('h3', {}, 'Agreement terms'),
      termsForm(p, { input, text, choice, group }),
      h('details', { class: 'plan-text' }, h('summary', {}, 'Advanced: edit the plan as text (for specialists)'),
        field('The whole plan as text (applied when you leave the field)', json, 'Every setting of the plan, including those without a field above. A mistake here is shown and nothing is changed.')),
      h('p', { class: 'form-error', role: 'alert' }));
    syncJson();
    // a form drawn anew has lost the check's marks: check again
    if (checked) { clearTimeout(recheck); recheck = setTimeout(() => void check(true), 400); }
  });

  const rel = (path: string) => (path.startsWith('plan') ? path : `plan.${path}`);

  function fan(r: SimulateResponse, Plot: typeof import('@observablehq/plot')): HTMLElement {
    const months = r.months ?? [];
    const keys = months.length ? Object.keys(months[0]).filter((k) => isStat(fields(months[0])[k])) : [];
    if (!keys.length) return h('p', {}, 'The simulation returned no monthly series.');
    const pick = h('select', { id: 'fan-series' }, keys.map((k) => h('option', { value: k }, heading(k))));
    pick.value = keys.includes('revenue') ? 'revenue' : keys[0];
    const box = h('figure', { class: 'chart fan' });
    const draw = () => {
      const k = pick.value;
      const data = months.map((m, i) => { const s = fields(m)[k] as Stat; return { month: n(m.month ?? i + 1), p5: n(s.p5), p50: n(s.p50), p95: n(s.p95), mean: n(s.mean) }; });
      fitChart(box, (width) => [fanPlot(Plot, data, { width, yLabel: heading(k), currency: r.currency, label: `Fan chart of ${said(k)} per month, 9 in 10 futures in the band` }),
        h('figcaption', {}, `${heading(k)} per month over the simulated futures: 9 in 10 fall in the band; the solid line is the typical (median) one, the dashed line the average`)], 900, simOut.clientWidth || 720);
    };
    pick.addEventListener('input', draw);
    draw();
    return h('div', {}, field('Per month', pick), box);
  }

  /** Shows a simulation kept in the workspace, with the note while it is out of date. */
  function showSim({ response: r, names }: SavedSim, Plot: typeof import('@observablehq/plot')) {
    const p = app.ws.plan!;
    // the partners as they were named when it ran (the plan or the partner list may have changed since)
    const nameOf = (id: string) => names?.[id] ?? app.name(id);
    clear(simOut, fan(r, Plot));
    checkStale();
    // the rest in a later task: two charts and the tables in one task could hold the page up
    setTimeout(() => rest(r, Plot, p, nameOf), 0);
  }

  /** Each partner's return on investment: the typical future as a dot, 9 in 10 on the line; the partners in the plan's order, as in the table under it. */
  function ropiChart(Plot: typeof import('@observablehq/plot'), ropi: { partner: string; p5: number; p50: number; p95: number }[]): HTMLElement {
    const box = h('figure', { class: 'chart' });
    // the fan charts' text and margin (CHART), the axis label centred on a line of its own under the ticks,
    // where no tick reaches it, and no "partner" label beside the names, which say it; percentages as in the table below;
    // the names in a margin as wide as the widest of them (wrapped between words on a phone), the whole name on hover
    const names = ropi.map((r) => r.partner);
    fitChart(box, (width) => { const left = namesLeft(names, width); return [a11yChart(Plot.plot({ ...CHART, height: 74 + 40 * ropi.length, marginLeft: left.marginLeft, width,
      x: { label: 'Return on investment', labelAnchor: 'center', tickFormat: (x: number) => percent(x, 0), grid: true }, y: { label: null, domain: names },
      marks: [Plot.axisY({ label: null, tickFormat: left.tickFormat, title: (d: string) => d }), Plot.ruleX([0]), Plot.link(ropi, { y1: 'partner', y2: 'partner', x1: 'p5', x2: 'p95', stroke: 'gray' }), Plot.dot(ropi, { y: 'partner', x: 'p50', fill: 'steelblue', r: 5 })] }), 'Return on investment per partner: typical value, with the range of 9 in 10 futures'),
    h('figcaption', {}, 'Return on each partner’s investment: the dot is the typical (median) future, the line the range of 9 in 10')]; }, 700, simOut.clientWidth || 600);
    return box;
  }

  /** The per-partner chart and table, the objectives and the totals of a simulation. */
  function rest(r: SimulateResponse, Plot: typeof import('@observablehq/plot'), p: Plan, nameOf: (id: string) => string) {
    const partners = Object.entries(r.partners ?? {});
    const cols = partners.length ? Object.keys(partners[0][1]).filter((c) => c !== 'payouts') : [];
    const ropi = partners.map(([id, v]) => ({ partner: nameOf(id), ...(isStat(v.ropi) ? { p5: n(v.ropi.p5), p50: n(v.ropi.p50), p95: n(v.ropi.p95) } : { p5: NaN, p50: n(v.ropi), p95: NaN }) })).filter((x) => Number.isFinite(x.p50));
    append(simOut, [
      h('h3', {}, 'Per partner'),
      ropi.length ? ropiChart(Plot, ropi) : null,
      scrollBox('Each partner’s typical future', asCards(h('table', { class: 'stats' }, h('caption', {}, 'Per partner: the typical future (9 in 10 between)'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), cols.map((c) => h('th', { scope: 'col', class: 'num' }, tip(heading(c), said(c)))))),
        h('tbody', {}, partners.map(([id, v]) => h('tr', {}, h('th', { scope: 'row' }, nameOf(id)), cols.map((c) => h('td', { class: 'num' }, statCell(c === 'payback' ? payback(fields(v)[c]) : statText(fields(v)[c], !/ropi|month/i.test(c), /ropi/i.test(c))))))))))),
      incentivesResults(r, Plot, p, Math.min(900, simOut.clientWidth || 720), nameOf),
      h('h3', {}, 'Objectives'),
      h('ul', { class: 'objectives' }, (r.objectives ?? []).map((o, i) => {
        const obj = p.objectives[i];
        const prob = n(o.probability);
        return h('li', {}, `${metricName(app, String(o.metric ?? obj?.metric ?? 'objective'))} of at least ${fmtMoney(o.target ?? obj?.target)} by month ${String(o.byMonth ?? obj?.byMonth ?? '')}: `, h('strong', {}, percent(prob, 0)), ' chance');
      })),
      h('h3', {}, 'Totals'),
      h('dl', { class: 'totals' }, Object.entries(r.totals ?? {}).flatMap(([k, v]) => [h('dt', {}, heading(k)), h('dd', {}, statText(v, k !== 'deals'))]))]);
  }

  simulate.addEventListener('click', async () => {
    const p = plan();
    if (!p || blockedByShares(p)) return;
    if (!app.engine.has('Simulation') && !app.engine.has('simulate')) { clear(simOut, unavailable('Plan simulation')); return; }
    clearErrors(form); clearErrors(runBox);
    if (!seedOk()) { progressText.textContent = 'Failed: see the message next to the field.'; return; }
    progress.hidden = false; progress.value = 0; progressText.textContent = 'Simulating…';
    simulate.disabled = true; cancel.disabled = false;
    const sent = { plan: p, trials: Number(trials.value), seed: Number(seed.value) };
    const key = fingerprint(sent);
    current = app.engine.start('simulate', sent, (x, d) => { progress.value = x; progressText.textContent = `Simulating… ${percent(x, 0)}${d?.trialsDone !== undefined ? ` · ${Number(d.trialsDone).toLocaleString('en-US')} trials` : ''}`; });
    try {
      const res = await current.done;
      const saved: SavedSim = { response: res, stale: false, names: Object.fromEntries(p.partners.map((q) => [q.id, q.name])), asked: key, trials: sent.trials, seed: sent.seed };
      app.ws.simResults = saved;
      app.saveSoon();
      // from now on compared with what it came from (a failed run leaves the earlier one, and its note)
      fresh.computing(key)();
      showSim(saved, await loadPlot());
      progressText.textContent = 'Done.';
    } catch (e) {
      // trials and seed sit beside Simulate, not in the plan's form; the run number's field may be folded away
      const path = (e as { path?: unknown }).path;
      const err = showError(path === 'trials' || path === 'seed' ? runBox : form, e, 'plan');
      if (seed.getAttribute('aria-invalid') === 'true') repeatable.open = true;
      progressText.textContent = err.code === 'cancelled' ? 'Cancelled.' : 'Failed: see the message next to the field.';
    } finally {
      current = null; simulate.disabled = false; cancel.disabled = true; progress.hidden = true;
      keepFocus(simulate);
    }
  });
  cancel.addEventListener('click', () => { if (current) void app.cancel(current, 'Simulation'); });

  /** Set once the agreement was checked: from then on every edit checks it again. */
  let checked = false;
  let checking = 0;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  async function check(quiet: boolean) {
    const p = plan();
    if (!p || blockedByShares(p)) return;
    if (!app.engine.has('validatePlan')) { clear(findingsOut, unavailable('Agreement checking')); return; }
    const gen = ++checking;
    try {
      // the check simulates the plan for each partner's path to profit: a few thousand futures are enough for that
      const r = await app.engine.call('validatePlan', { plan: p, trials: Math.min(Number(trials.value) || CHECK_TRIALS, CHECK_TRIALS), seed: Number(seed.value) });
      if (gen !== checking) return;
      checked = true;
      clearErrors(form);
      for (const f of r.findings) markField(f);
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      clear(findingsOut, h('p', {}, !r.findings.length ? 'The agreement covers everything it should.'
        : r.ok ? `No errors; ${r.findings.length} recommendation${r.findings.length > 1 ? 's' : ''} below (also shown next to the fields).`
        : `The agreement cannot work yet: ${errors} error${errors > 1 ? 's' : ''} to fix (also shown next to the fields).`),
        h('ul', { class: 'finding-list' }, r.findings.map((f) => h('li', { class: f.severity },
          h('strong', {}, f.severity === 'error' ? 'Must fix: ' : 'Recommended: '), `${sentence(plainMessage(f.message))} `, goTo(f.path)))),
        quiet ? null : h('p', { class: 'muted small' }, 'Checked again after every change.'));
    } catch (e) { if (!quiet) showError(form, e, 'plan'); }
  }
  validate.addEventListener('click', () => { clearErrors(form); void check(false); });

  /** The form fields a finding's path names: that field, or the fields under it. */
  function fieldsFor(path: string): HTMLElement[] {
    const all = [...form.querySelectorAll<HTMLElement>('[data-path]')];
    const exact = all.filter((el) => el.dataset.path === path);
    return exact.length ? exact : all.filter((el) => el.dataset.path!.startsWith(`${path}.`));
  }
  /** A button that takes the reader to the field a finding concerns, named by its label. */
  function goTo(path: string): HTMLElement | null {
    const el = fieldsFor(rel(path))[0];
    const label = el && form.querySelector(`label[for="${el.id}"]`)?.textContent;
    return label ? h('button', { type: 'button', class: 'link small', onclick: () => { el.scrollIntoView({ block: 'center' }); el.focus(); } }, `Go to “${label}”`) : null;
  }
  function markField(f: Finding) {
    fieldsFor(rel(f.path)).forEach((el, i) => {
      el.setAttribute('aria-invalid', 'true');
      const span = document.getElementById(`${el.id}-err`);
      if (span && i === 0) span.textContent = sentence(plainMessage(f.message));
    });
  }


  app.on('ecosystem', () => {
    build();
    // the workspace's last simulation (after a reload), or nothing (another workspace)
    const saved = app.ws.simResults;
    if (saved) {
      // shown with the trials and run number it came from; one saved without its key is current
      // if it was saved so (then it came from this plan), and out of date until simulated again if not
      if (saved.trials !== undefined) trials.value = String(saved.trials);
      if (saved.seed !== undefined) seed.value = String(saved.seed);
      fresh.computing(saved.asked ?? (saved.stale ? 'out of date' : fingerprint(request())))();
      void loadPlot().then((Plot) => showSim(saved, Plot));
    } else { fresh.computing(null); clear(simOut); }
  }, true);
  app.on('teams', build);
  // the Splits screen's shares, offered beside the plan's (drawn when the screen is next shown)
  app.on('splits', drawForm);
  app.on('plan', () => {
    if (!form.contains(document.activeElement)) build();
    if (checked) { clearTimeout(recheck); recheck = setTimeout(() => void check(true), 400); }
    checkStale();
  });

  // the parts of the screen after the plan's long form on a phone, a tap away
  const parts: [string, HTMLElement][] = [['Agreement check', partHeading('Agreement check')], ['Agreement', partHeading('Agreement')], ['Audit', partHeading('Audit against actuals')], ['The plan', form]];
  const jump = jumpNav('Parts of the plan', parts);
  return h('section', { class: 'screen', 'aria-labelledby': 'h-plan' },
    h('h2', { id: 'h-plan' }, 'Joint plan'),
    jump,
    h('div', { class: 'cols' },
      h('div', { class: 'col' }, form),
      h('div', { class: 'col wide' },
        runBox,
        simOut,
        parts[0][1], h('div', { class: 'row' }, validate), findingsOut,
        parts[1][1],
        agreementView(app, { plan, trials: () => Number(trials.value), seed: () => Number(seed.value), ready: (p) => !blockedByShares(p), failed: (e) => showError(form, e, 'plan') }),
        parts[2][1],
        auditView(app, { plan, trials: () => Number(trials.value), seed: () => Number(seed.value) }))));
}
