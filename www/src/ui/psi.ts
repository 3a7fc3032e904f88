// Private match: two partners learn how many accounts they share (per population), or which
// ones if both agree — and nothing about the accounts only one of them has. Both sides can
// run here (two loaded lists), or one side with a real partner: the messages are copied or
// downloaded and the partner pastes them into their own planner. The work runs in the engine
// worker, one step at a time, each step's coding spread over a pool of workers (one per core, up
// to eight: worker/pool.ts), so the page keeps answering; the progress shows and Stop cancels.
import type { PsiMessage, PsiResult, PsiStepResponse } from 'dealteam';
import type { App } from '../app';
import type { AccountList } from './accounts';
import { popWords, SHARING_NAMES } from '../account-tables';
import { clear, download, field, h, unavailable } from './dom';
import { number, percent } from './format';
import type { Call } from '../engine/client';
import type { Op, Ops } from '../engine/protocol';
import { cancelledError } from '../engine/types';
import { explainError } from './errors';

type Share = 'counts' | 'overlaps';

const SHARE_LABELS: [Share, string][] = [['counts', SHARING_NAMES.counts], ['overlaps', SHARING_NAMES.overlaps]];

const WHY = 'Each side turns every account into a code only it can make, using a secret number that never leaves its browser. The partner codes those codes again with its own secret; the same company ends up with the same doubly-coded value on both sides, so shared accounts can be counted — but a code cannot be turned back into a company name, nor tested against a list of names, without both secrets. What you send is only these codes and the names of your relationships (customer, prospect, …).';
const HASHED = 'Why not simply compare hashed names? A hashed list with a shared salt can be reversed by hashing a directory of company names — a few million entries — which reveals every account on it, shared or not. This private match has no such weakness; what it cannot stop is a partner who puts guessed names into their own list to see whether you have them, so match with partners you trust and watch the size of their list.';

/**
 * The private match beside the account map: `mapped(a, b)` is how many accounts the map above
 * found shared by lists `a` and `b` (undefined: it has not matched them), said next to the
 * private match's own count when the two differ.
 */
export function privateMatch(app: App, lists: () => AccountList[], mapped: (a: string, b: string) => number | undefined = () => undefined) {
  const pickA = h('select', { id: 'psi-a' });
  const pickB = h('select', { id: 'psi-b' });
  const shareSel = (id: string) => h('select', { id }, SHARE_LABELS.map(([v, t]) => h('option', { value: v }, t)));
  const shareA = shareSel('psi-share-a');
  const shareB = shareSel('psi-share-b');
  const run = h('button', { type: 'button', class: 'primary' }, 'Run the private match in this browser');
  const progress = h('p', { class: 'psi-progress', role: 'status', 'aria-live': 'polite' });
  const stop = h('button', { type: 'button', hidden: true }, 'Stop');
  /** why the match cannot run yet */
  const needs = h('span', { class: 'muted small' });
  let current: Call<unknown> | null = null;
  // Stop holds until the run ends: a cancel that reaches the worker as a step finishes (or
  // during the last step, which runs in one piece) would otherwise be lost and the run go on
  let stopped = false;
  stop.addEventListener('click', () => { stopped = true; current?.cancel(); });
  const out = h('div', { class: 'psi-result' });
  const sides = h('div', { class: 'psi-sides' },
    h('div', { class: 'row' }, field('First side', pickA), field('It agrees to show', shareA), field('Second side', pickB), field('It agrees to show', shareB)),
    h('p', { class: 'muted small' }, 'The shared accounts are shown only when both sides agree to it; otherwise both see numbers only.'));
  const real = realPartner(app, lists);

  const refresh = () => {
    const ls = lists();
    for (const [sel, at] of [[pickA, 0], [pickB, 1]] as const) {
      const keep = sel.value;
      clear(sel, ls.map((l) => h('option', { value: l.id }, `${l.name} (${number(l.read.count)} accounts)`)));
      sel.value = ls.some((l) => l.id === keep) ? keep : ls[at]?.id ?? '';
    }
    run.toggleAttribute('disabled', ls.length < 2);
    // no sides to choose before two lists are loaded: the hint below says what is missing
    sides.hidden = ls.length < 2;
    needs.textContent = ls.length < 2 ? `Load ${ls.length ? 'one more account list' : 'two account lists'} above to match them here.` : '';
    real.refresh();
  };

  run.addEventListener('click', async () => {
    const ls = lists();
    const [a, b] = [ls.find((l) => l.id === pickA.value), ls.find((l) => l.id === pickB.value)];
    if (!a || !b || a === b) { progress.textContent = 'Choose two different lists.'; return; }
    if (!app.engine.has('psiStart')) { clear(out, unavailable('The private match')); return; }
    run.toggleAttribute('disabled', true);
    clear(out);
    stopped = false;
    stop.hidden = false;
    const t0 = performance.now();
    // one step: its words, then how much of its coding is done, until it ends or Stop cancels it
    const step = async <O extends Op>(n: number, text: string, op: O, req: Ops[O]['in']): Promise<Ops[O]['out']> => {
      if (stopped) throw cancelledError();
      const say = (p: number) => { progress.textContent = `Step ${n} of 4: ${text}…${p > 0 && p < 1 ? ` ${percent(p)}` : ''}`; };
      say(0);
      const call = app.engine.start(op, req, say);
      current = call as Call<unknown>;
      const done = await call.done;
      if (stopped) throw cancelledError();
      return done;
    };
    try {
      const s1 = await step(1, `${a.name} codes its ${number(a.read.count)} accounts`, 'psiStart', { list: a.read.key, sharing: shareA.value as Share });
      const s2 = await step(2, `${b.name} codes ${a.name}’s codes again and its own ${number(b.read.count)} accounts`, 'psiReply',
        { list: b.read.key, message: s1.message, sharing: shareB.value as Share });
      const fa = await step(3, `${a.name} compares`, 'psiFinish', { state: s1.state, message: s2.message });
      const fb = await step(4, `${b.name} reads the counts ${a.name} sends back`, 'psiFinish', { state: s2.state, message: fa.message! });
      const [namesA, namesB] = await Promise.all([sharedNames(app, a, fa.result), sharedNames(app, b, fb.result)]);
      progress.textContent = `Done in ${number((performance.now() - t0) / 1000, 1)} s.`;
      clear(out,
        h('div', { class: 'side-by-side' }, learnt(a.name, b.name, fa.result, namesA), learnt(b.name, a.name, fb.result, namesB)),
        againstMap(fa.result.shared, mapped(a.id, b.id)),
        h('details', { class: 'panel' }, h('summary', {}, 'What was sent between the two sides'),
          h('ul', {}, [[1, `${a.name} → ${b.name}`, s1.message], [2, `${b.name} → ${a.name}`, s2.message], [3, `${a.name} → ${b.name}`, fa.message!]].map(([n, who, m]) =>
            h('li', {}, `Message ${n} (${who}): ${number(JSON.stringify(m).length / 1024, 1)} KB of codes — `, saveButtons(m as PsiMessage, `private-match-message-${n}`))))));
    } catch (e) {
      const cancelled = (e as { code?: string }).code === 'cancelled';
      progress.textContent = cancelled ? 'Stopped: nothing was compared. Run it again when you are ready.' : '';
      if (!cancelled) clear(out, h('p', { class: 'bad', role: 'alert' }, `The private match stopped: ${explainError(e, false)}`));
    }
    current = null;
    stop.hidden = true;
    run.toggleAttribute('disabled', false);
  });

  const el = h('section', { class: 'private-match', 'aria-labelledby': 'h-psi' },
    h('h3', { id: 'h-psi' }, 'Private match'),
    h('p', {}, 'Find out how many accounts you share with a partner without showing each other your lists.'),
    h('details', {}, h('summary', {}, 'Why this is private'), h('p', {}, WHY), h('p', {}, HASHED)),
    sides,
    h('div', { class: 'row' }, run, stop, needs), progress, out, real.el);
  refresh();
  return { el, refresh };
}

/** Shared accounts listed on screen, at most (the rest are counted). */
const SHOWN = 50;

/** The company names of the shared accounts `r` lists (as `list` names them), the first [`SHOWN`]; none without a list. */
async function sharedNames(app: App, list: AccountList | undefined, r: PsiResult): Promise<string[]> {
  const ids = (r.accounts ?? []).slice(0, SHOWN).map((x) => x.account);
  if (!ids.length || !list) return ids;
  return app.engine.call('accountNames', { list: list.read.key, ids }).catch(() => ids);
}

/**
 * Why the private match can count fewer shared accounts than the account map, when it does: it
 * compares one key per account (its web domain, or its name when it has none: neither side may
 * learn whether the other holds a domain), while the map also matches a company by name when only
 * one side has its web domain.
 */
function againstMap(found: number, map: number | undefined): HTMLElement | null {
  if (map === undefined || map <= found) return null;
  return h('p', { class: 'psi-vs-map' }, `The private match finds ${number(found)} shared accounts where the account map above finds ${number(map)}: it compares one key per account — its web domain, or its company name when it has none — so a company with a web domain on one list and only its name on the other is not matched here; the map matches it by name.`);
}

/** What one side learns, in words; `names`: the first shared accounts by company name. */
function learnt(me: string, them: string, r: PsiResult, names: string[]): HTMLElement {
  const more = (r.accounts?.length ?? 0) - names.length;
  return h('div', { class: 'card psi-side' },
    h('h4', {}, `What ${me} learns`),
    h('p', {}, `${me} and ${them} share ${number(r.shared)} accounts (${me} has ${number(r.myAccounts)}, ${them} ${number(r.theirAccounts)}).`),
    r.counts.length ? h('ul', {}, r.counts.map((c) => h('li', {}, `${me}’s ${popWords(c.mine)} that are ${them}’s ${popWords(c.theirs)}: ${number(c.shared)}`))) : null,
    r.accounts ? h('p', {}, `The shared accounts, as ${me} names them: ${names.join(', ') || 'none'}${more > 0 ? ` and ${number(more)} more` : ''}.`)
      : h('p', { class: 'muted' }, `Numbers only: ${me} does not learn which accounts they are.`),
    r.skipped.length ? h('p', { class: 'muted' }, `${number(r.skipped.length)} of ${me}’s accounts were left out (repeated, or without a usable name or domain).`) : null);
}

/** Copy and download buttons for a message to send to the partner. */
function saveButtons(m: PsiMessage, file: string): HTMLElement {
  const text = JSON.stringify(m);
  const copy = h('button', { type: 'button', class: 'link' }, 'Copy');
  copy.addEventListener('click', () => { void navigator.clipboard?.writeText(text).then(() => { copy.textContent = 'Copied'; }, () => { copy.textContent = 'Copy failed: use Download'; }); });
  const save = h('button', { type: 'button', class: 'link' }, 'Download');
  save.addEventListener('click', () => download(`${file}.json`, text, 'application/json'));
  return h('span', {}, copy, ' · ', save);
}

/** One side of a match with a partner elsewhere: start, or paste their message; the state stays in this tab. */
function realPartner(app: App, lists: () => AccountList[]) {
  const mine = h('select', { id: 'psi-mine' });
  const share = h('select', { id: 'psi-mine-share' }, SHARE_LABELS.map(([v, t]) => h('option', { value: v }, t)));
  const start = h('button', { type: 'button' }, 'Write the first message');
  const theirs = h('textarea', { id: 'psi-theirs', rows: 3, placeholder: 'Paste the message your partner sent' });
  const use = h('button', { type: 'button' }, 'Use their message');
  const out = h('div', { class: 'psi-real', role: 'status', 'aria-live': 'polite' });
  let state: string | null = null;
  /** the list this side's exchange started with (the shared accounts are named as it names them) */
  let used: AccountList | undefined;
  const me = () => lists().find((l) => l.id === mine.value);
  const send = (m: PsiMessage, n: number, what: string) => h('div', {}, h('p', {}, what),
    h('textarea', { rows: 3, readonly: true, 'aria-label': `Message ${n} to send` }, JSON.stringify(m)), saveButtons(m, `private-match-message-${n}`));

  start.addEventListener('click', async () => {
    const l = me();
    if (!l) return;
    try {
      const s: PsiStepResponse = await app.engine.call('psiStart', { list: l.read.key, sharing: share.value as Share });
      state = s.state;
      used = l;
      clear(out, send(s.message, 1, 'Send this message to your partner; paste their answer below.'));
    } catch (e) { clear(out, h('p', { class: 'bad' }, explainError(e, false))); }
  });
  use.addEventListener('click', async () => {
    let m: PsiMessage;
    try { m = JSON.parse(theirs.value) as PsiMessage; } catch { clear(out, h('p', { class: 'bad' }, 'This is not a message of a private match: paste the whole text your partner sent.')); return; }
    try {
      if (m.step === 1) {
        const l = me();
        if (!l) return;
        const s = await app.engine.call('psiReply', { list: l.read.key, message: m, sharing: share.value as Share });
        state = s.state;
        used = l;
        clear(out, send(s.message, 2, 'Send this answer to your partner; paste their last message below.'));
      } else if (state) {
        const f = await app.engine.call('psiFinish', { state, message: m });
        clear(out, learnt(used?.name ?? 'You', 'your partner', f.result, await sharedNames(app, used, f.result)), f.message ? send(f.message, 3, 'Send this last message to your partner, so they learn the same numbers.') : null);
      } else clear(out, h('p', { class: 'bad' }, 'Write the first message (or paste your partner’s first message) before this one.'));
    } catch (e) { clear(out, h('p', { class: 'bad' }, explainError(e, false))); }
  });

  const choose = h('div', { class: 'row' }, field('Your list', mine), field('You agree to show', share), start);
  const none = h('p', { class: 'muted' }, 'Load your account list above first: the match starts from it.');
  const el = h('details', { class: 'panel' }, h('summary', {}, 'Match with a partner elsewhere'),
    h('p', {}, 'Each of you opens this page with your own list. One writes the first message; the other pastes it and sends back an answer; the first pastes the answer and sends a last message. Send the messages over a channel you trust, such as your usual e-mail with the partner.'),
    choose, none,
    field('Their message', theirs), h('div', { class: 'row' }, use), out);
  const refresh = () => {
    const keep = mine.value;
    clear(mine, lists().map((l) => h('option', { value: l.id }, l.name)));
    mine.value = lists().some((l) => l.id === keep) ? keep : lists()[0]?.id ?? '';
    // no list yet: no empty choice, the way to one instead
    choose.hidden = !lists().length;
    none.hidden = !!lists().length;
  };
  return { el, refresh };
}
