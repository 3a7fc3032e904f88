// The Registration screen: partners register the deals they work on; the first registration of
// a customer protects it for its partner. A form with the conflict shown while typing, the
// registry with each registration's status, protection and actions (approve, reject with a
// reason, won, lost, withdraw), the program's rules, and a check of expiries. The registry is
// part of the workspace (saved, undoable); every decision is the engine's `registerDeal`.
import type { Conflict, RegisterRequest, RegisterResponse, Registration, Rules } from 'dealteam';
import type { App } from '../app';
import { showError } from '../app';
import { amountField, hasInvalid } from './amount-field';
import { clear, field, h, keepFocus, markUntilEdit, nextId, unavailable } from './dom';
import { day, days, daysBetween, money } from './format';
import { scrollBox } from './cards';

/** Statuses in words. */
const STATUS: Record<string, string> = {
  submitted: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected', won: 'Won', lost: 'Lost', expired: 'Expired', withdrawn: 'Withdrawn',
};
/** Reason codes in words (rejections and expiries). */
const REASONS: Record<string, string> = {
  conflict: 'another partner registered this customer first', duplicate: 'the partner already registered this customer',
  max_active: 'the partner has as many open registrations as the program allows', expired_acceptance: 'not approved in time',
  incomplete: 'the registration is incomplete', not_eligible: 'the partner or customer is not eligible', other: 'other reason',
  protection_ended: 'the protection period ended',
};
const REJECT_CHOICES = ['incomplete', 'not_eligible', 'conflict', 'duplicate', 'other'];
const MATCH: [NonNullable<Rules['matchBy']>, string][] = [['domain', 'website (acme.com = www.Acme.com)'], ['name', 'company name (“ACME, Inc.” = “Acme”)'], ['id', 'customer name exactly as typed']];

export interface RegistryState { registrations: Registration[]; rules: Rules }
export const emptyRegistry = (): RegistryState => ({ registrations: [], rules: { protectionDays: 90, matchBy: 'domain' } });

const today = () => new Date().toISOString().slice(0, 10);

export function registrationScreen(app: App): HTMLElement {
  const state = () => (app.ws.registry ??= emptyRegistry());
  const cur = () => app.ws.deal?.currency ?? app.eco?.currency ?? undefined;
  const nameOf = (id: string) => app.name(id);
  const idOf = (name: string) => app.eco?.partners.find((p) => p.name === name.trim())?.id ?? null;

  // --- the form ---
  const draft = { value: '' };
  const partners = h('datalist', { id: nextId('partner-names') });
  const partner = h('input', { type: 'text', id: 'reg-partner', list: partners.id, autocomplete: 'off', 'data-path': 'registration.partnerId' });
  const account = h('input', { type: 'text', id: 'reg-account', autocomplete: 'off', 'data-path': 'registration.account' });
  const site = h('input', { type: 'text', id: 'reg-domain', autocomplete: 'off', placeholder: 'acme.com', 'data-path': 'registration.domain' });
  const when = h('input', { type: 'date', id: 'reg-date', value: today(), 'data-path': 'registration.registeredAt' });
  const value = amountField('registration.value', 'Deal value (optional)', () => draft.value, (v) => { draft.value = v; check(); }, cur, true);
  const feedback = h('div', { class: 'reg-feedback', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Register the deal');
  /** The button says what a click does: while the check shows the draft would be refused, it files a rejected registration. */
  const honest = (refused: boolean) => { submit.textContent = refused ? 'Register the deal anyway (it will be rejected)' : 'Register the deal'; };
  const form = h('form', { class: 'reg-form', novalidate: true },
    h('h3', {}, 'Register a deal'),
    field('Partner', partner, 'Start typing the partner’s name'), partners,
    field('Customer', account), field('Customer website (optional)', site),
    value, field('Registered on', when), feedback, h('p', { class: 'form-error', role: 'alert' }), submit);
  partner.addEventListener('input', () => {
    const q = partner.value.trim().toLowerCase();
    const hits = (app.eco?.partners ?? []).filter((p) => p.name.toLowerCase().includes(q)).slice(0, 30);
    clear(partners, hits.map((p) => h('option', { value: p.name })));
  });

  /** The registration the form describes, or why there is none yet. */
  function fromForm(): Registration | string {
    const pid = idOf(partner.value);
    const missing = [!partner.value.trim() && 'choose a partner', !account.value.trim() && 'name the customer'].filter(Boolean).join(' and ');
    if (missing) return `${missing[0].toUpperCase()}${missing.slice(1)} to see whether the deal can be registered.`;
    if (!pid) return `No partner is called “${partner.value.trim()}”: choose one from the list.`;
    const r: Registration = { id: freshId(), partnerId: pid, account: account.value.trim(), registeredAt: when.value || today(), history: [] };
    if (site.value.trim()) r.domain = site.value.trim();
    if (draft.value) r.value = draft.value;
    return r;
  }
  const freshId = () => { const ids = new Set(state().registrations.map((r) => r.id)); let n = ids.size + 1; while (ids.has(`reg-${n}`)) n++; return `reg-${n}`; };
  const request = (extra: Partial<RegisterRequest>): RegisterRequest => ({ registry: state().registrations, rules: state().rules, ...extra });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let gen = 0;
  /** Asks the engine, a moment after the last keystroke, whether the draft would be accepted. */
  function check() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const r = fromForm();
      const mine = ++gen;
      if (typeof r === 'string') { honest(false); clear(feedback, h('p', { class: 'muted' }, r)); return; }
      try {
        const out = await app.engine.call('registerDeal', request({ registration: r, now: r.registeredAt }));
        if (mine === gen) { honest(!out.accepted); clear(feedback, verdict(out, r)); }
      } catch (e) { if (mine === gen) { honest(false); showError(form, e); } }
    }, 250);
  }
  for (const el of [partner, account, site, when]) el.addEventListener('input', check);

  /** The decision in words: free to register, or who owns the customer and what to do. */
  function verdict(out: RegisterResponse, r: Registration): HTMLElement {
    if (out.accepted) return h('p', { class: 'ok' }, `No conflict: ${nameOf(r.partnerId)} can register ${r.account}.`);
    const c = out.conflict;
    if (!c) return h('p', { class: 'bad' }, `${nameOf(r.partnerId)} cannot register another deal now: ${REASONS[out.reason ?? ''] ?? 'refused'}. Close or withdraw one first.`);
    return conflictText(c, r);
  }
  function conflictText(c: Conflict, r: Registration): HTMLElement {
    const owner = nameOf(c.owner), me = nameOf(r.partnerId);
    const how = c.matchedBy === 'domain' ? ' (same website)' : c.matchedBy === 'name' ? ' (same company name)' : '';
    if (c.rule === 'already_registered') return h('p', { class: 'bad' }, `${owner} already registered ${c.account}${how}; it is protected through ${day(c.protectedUntil)}.`);
    const owned = state().registrations.find((x) => x.id === c.registrationId);
    const referral = c.resolutions.find((x) => x.startsWith('referral'))?.match(/fee of (.*) \(/)?.[1];
    return h('div', { class: 'bad conflict' },
      h('p', {}, h('strong', {}, 'Conflict: '), `${owner} registered ${c.account}${how} first, on ${day(owned?.registeredAt)}; it is protected through ${day(c.protectedUntil)}.`),
      h('ul', {},
        h('li', {}, `Work together: ${me} joins ${owner}’s deal team for this customer.`),
        h('li', {}, `Referral: ${me} passes the contact to ${owner} for a referral fee${referral ? ` of ${referral}` : ''}.`),
        h('li', {}, `First come, first served: ${me} can register it after ${day(c.protectedUntil)}.`)));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (hasInvalid(value)) { clear(feedback, h('p', { class: 'bad' }, 'Correct the marked field first: the deal value is not an amount.')); value.querySelector('input')!.focus(); return; }
    const r = fromForm();
    if (typeof r === 'string') {
      // the fields to fill in are marked, and the first gets the focus
      const marked = [partner, account].filter((el) => !el.value.trim() || (el === partner && !idOf(el.value)));
      for (const el of marked) markUntilEdit(el);
      marked[0]?.focus();
      clear(feedback, h('p', { class: 'bad' }, r));
      return;
    }
    try {
      const out = await app.engine.call('registerDeal', request({ registration: r, now: r.registeredAt }));
      state().registrations = out.registry;
      app.changed('registry');
      // the row was rebuilt under the pressed button: go on from its first action (or the table)
      const row = r ? [...table.querySelectorAll<HTMLElement>('tr[data-id]')].find((x) => x.dataset.id === r.id) : null;
      keepFocus(row?.querySelector<HTMLElement>('button') ?? table.querySelector<HTMLElement>('.table-scroll'));
      const said = out.accepted ? `Registered: ${r.account} for ${nameOf(r.partnerId)}, waiting for approval.` : `Not registered: ${r.account} for ${nameOf(r.partnerId)} was rejected.`;
      app.status(said);
      // the next registration starts empty: its value is never the last one's
      account.value = ''; site.value = '';
      const amount = value.querySelector('input')!;
      amount.value = '';
      amount.dispatchEvent(new Event('input'));
      // what happened is said where the user is (the page's status line is off-screen on a phone),
      // not replaced by the check of the emptied form
      clearTimeout(timer);
      gen++;
      honest(false);
      clear(feedback, h('p', { class: out.accepted ? 'ok' : 'bad' }, said));
    } catch (e) { showError(form, e); }
  });

  // --- program rules ---
  const num = (id: string, v: number | null | undefined) => h('input', { type: 'number', id, min: 1, step: 1, inputmode: 'numeric', value: v ?? '' });
  const protection = num('reg-protection', state().rules.protectionDays ?? 90);
  const maxOpen = num('reg-max', state().rules.maxActivePerPartner);
  const acceptBy = num('reg-accept', state().rules.acceptByDays);
  const matchBy = h('select', { id: 'reg-match' }, MATCH.map(([v, t]) => h('option', { value: v }, t)));
  const rulesBox = h('fieldset', { class: 'reg-rules' }, h('legend', {}, 'Program rules'),
    field('Protection period (days)', protection), field('Most open registrations per partner', maxOpen, 'Leave empty for no limit'),
    field('Days to approve a registration', acceptBy, 'Leave empty for no deadline'), field('Same customer when the same', matchBy), h('p', { class: 'form-error', role: 'alert' }));
  const readRules = () => {
    const n = (el: HTMLInputElement) => (el.value.trim() && Number(el.value) >= 1 ? Math.floor(Number(el.value)) : null);
    const rules: Rules = { protectionDays: n(protection) ?? 90, matchBy: matchBy.value as Rules['matchBy'] };
    const m = n(maxOpen), a = n(acceptBy);
    if (m !== null) rules.maxActivePerPartner = m;
    if (a !== null) rules.acceptByDays = a;
    state().rules = rules;
    app.changed('registry');
    check();
  };
  for (const el of [protection, maxOpen, acceptBy, matchBy]) el.addEventListener('change', readRules);

  // --- the registry ---
  const asOf = h('input', { type: 'date', id: 'reg-asof', value: today() });
  const expireBtn = h('button', { type: 'button' }, 'Check expiries');
  const table = h('div', { class: 'reg-registry' });
  /** what Check expiries did, beside it */
  const expired = h('p', { class: 'reg-done', role: 'status' });
  const tools = h('div', { class: 'row reg-tools' }, field('As of', asOf), expireBtn, expired, h('p', { class: 'form-error', role: 'alert' }));
  const rowOf = (id: string) => [...table.querySelectorAll<HTMLElement>('tr[data-id]')].find((x) => x.dataset.id === id);
  /**
   * `text` on registration `id`'s row, under its actions: an action's outcome is said where it was
   * pressed (the page's status line, which says it too, is off-screen on a phone), until the
   * registry is drawn again.
   */
  const sayOnRow = (id: string, text: string, tone = 'done') => {
    const cell = rowOf(id)?.querySelector('td[data-label="Actions"]');
    if (!cell) return;
    cell.querySelector('.reg-done')?.remove();
    cell.append(h('p', { class: `reg-done ${tone}`, role: 'status' }, text));
  };

  /** Runs a lifecycle action and keeps the registry it returns. */
  async function act(kind: NonNullable<RegisterRequest['action']>['kind'], r: Registration | null, reason?: string) {
    const last = r?.history?.at(-1)?.at;
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const at = kind === 'expire' && !r ? `${asOf.value || today()}T00:00:00Z` : last && last > now ? last : now;
    try {
      const action = { kind, at, ...(r ? { id: r.id } : {}), ...(reason ? { reason } : {}) };
      const out = await app.engine.call('registerDeal', request({ action }));
      state().registrations = out.registry;
      app.changed('registry');
      // the row was rebuilt under the pressed button: go on from its first action (or the table)
      const row = r ? rowOf(r.id) : null;
      keepFocus(row?.querySelector<HTMLElement>('button') ?? table.querySelector<HTMLElement>('.table-scroll'));
      const n = out.changed?.length ?? 0;
      const said = !r ? (n ? `${n} registration${n === 1 ? '' : 's'} expired.` : 'No registration has expired.') : `${r.account}: ${STATUS[out.registry.find((x) => x.id === r.id)?.status ?? '']?.toLowerCase()}.`;
      app.status(said);
      if (r) sayOnRow(r.id, said);
      else expired.textContent = said;
    } catch (e) { showError(tools, e); }
  }
  expireBtn.addEventListener('click', () => void act('expire', null));

  function protectionText(r: Registration): string {
    const status = r.status ?? 'approved';
    if (!['submitted', 'approved'].includes(status)) return '—';
    const days0 = state().rules.protectionDays ?? 90;
    // the last protected day (inclusive): the registration day is the first of its days0 days
    const until = r.expiresAt ?? shift(r.registeredAt, days0 - 1);
    const now = asOf.value || today();
    if (now < r.registeredAt.slice(0, 10)) return `protected ${day(r.registeredAt)} through ${day(until)}`;
    const left = daysBetween(now, until) + 1;
    return left < 1 ? `ended: the last protected day was ${day(until)}` : left === 1 ? `protected through today, ${day(until)} (its last day)` : `protected through ${day(until)} (${days(left)}, today included)`;
  }

  function actions(r: Registration): HTMLElement {
    const s = r.status ?? 'approved';
    const b = (label: string, run: () => void) => h('button', { type: 'button', class: 'small', 'aria-label': `${label}: ${r.account}, ${nameOf(r.partnerId)}`, onclick: run }, label);
    if (s === 'submitted') {
      // no reason is chosen for the user: Reject asks for one first
      const reason = h('select', { 'aria-label': `Reason to reject ${r.account}`, class: 'small' }, h('option', { value: '' }, 'Choose a reason…'), REJECT_CHOICES.map((x) => h('option', { value: x }, REASONS[x])));
      const reject = () => {
        if (reason.value) { void act('reject', r, reason.value); return; }
        markUntilEdit(reason);
        reason.focus();
        app.status(`Choose why ${r.account} is rejected, then press Reject again.`);
        sayOnRow(r.id, `Choose why ${r.account} is rejected, then press Reject again.`, 'bad');
      };
      // the reason is Reject's: it follows Reject, and the two wrap as one (after Approve, it
      // read as if approving took a reason)
      return h('div', { class: 'reg-actions' }, b('Approve', () => void act('approve', r)), b('Withdraw', () => void act('withdraw', r)),
        h('div', { class: 'reg-actions' }, b('Reject', reject), reason));
    }
    if (s === 'approved') return h('div', { class: 'reg-actions' }, b('Won', () => void act('win', r)), b('Lost', () => void act('lose', r)), b('Withdraw', () => void act('withdraw', r)));
    return h('span', { class: 'muted' }, '—');
  }

  function statusText(r: Registration): string {
    const last = r.history?.at(-1);
    const s = STATUS[r.status ?? 'approved'];
    return last?.reason ? `${s}: ${REASONS[last.reason] ?? last.reason}` : s;
  }

  function render() {
    const regs = state().registrations;
    expired.textContent = '';
    protection.value = String(state().rules.protectionDays ?? 90);
    maxOpen.value = state().rules.maxActivePerPartner ? String(state().rules.maxActivePerPartner) : '';
    acceptBy.value = state().rules.acceptByDays ? String(state().rules.acceptByDays) : '';
    matchBy.value = state().rules.matchBy ?? 'id';
    if (!regs.length) { clear(table, h('p', { class: 'muted' }, 'No deal registered yet.')); return; }
    const c = cur();
    clear(table, scrollBox('Deal registrations', h('table', { class: 'reg-table cards' },
      h('caption', {}, 'Deal registrations'),
      h('thead', {}, h('tr', {}, ['Customer', 'Partner', 'Deal value', 'Registered', 'Status', 'Protection'].map((x) => h('th', { scope: 'col' }, x)), h('th', { scope: 'col', 'data-no-export': '' }, 'Actions'))),
      h('tbody', {}, [...regs].reverse().map((r) => h('tr', { 'data-id': r.id },
        h('th', { scope: 'row' }, r.account),
        h('td', { 'data-label': 'Partner' }, nameOf(r.partnerId)),
        h('td', { 'data-label': 'Deal value', class: 'num' }, r.value ? money(r.value, c) : '—'),
        h('td', { 'data-label': 'Registered' }, day(r.registeredAt)),
        h('td', { 'data-label': 'Status' }, statusText(r)),
        h('td', { 'data-label': 'Protection' }, protectionText(r)),
        h('td', { 'data-label': 'Actions', 'data-no-export': '' }, actions(r))))))));
  }
  asOf.addEventListener('change', render);

  const root = h('section', { class: 'registration', 'aria-labelledby': 'reg-title' },
    h('h2', { id: 'reg-title' }, 'Deal registration'),
    h('p', { class: 'muted' }, 'Partners register the deals they work on. The first partner to register a customer is protected for the protection period; a later registration of the same customer by another partner is a conflict.'),
    h('div', { class: 'cols' }, h('div', { class: 'col' }, form), h('div', { class: 'col' }, rulesBox)),
    h('h3', {}, 'Registrations'), tools, table);
  const refresh = () => {
    if (!app.engine.has('registerDeal')) { clear(root, unavailable('Deal registration')); return; }
    render();
    check();
  };
  app.on('registry', render);
  app.on('ecosystem', refresh, true);
  return root;
}

/** `iso` (a day or a timestamp) plus `n` days, as a day. */
function shift(iso: string, n: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + n));
  return d.toISOString().slice(0, 10);
}
