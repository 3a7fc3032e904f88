// The agreement on the Plan screen: the engine drafts it once as Markdown (the copy to download,
// sign and check later) and once as HTML from the same document (shown here and printed by the
// page's print stylesheet, which prints only the agreement) — one template, the engine's. Below
// it, "Check a signed copy": drop, pick or paste the signed Markdown and the engine says whether
// it was drafted from this plan and is unchanged, and if not, what differs.
import type { App } from '../app';
import type { Plan, VerifyResponse } from '../engine/types';
import type { Locale } from 'dealteam';
import { LOCALE } from './format';
import { clear, download, field, h, unavailable } from './dom';

export interface AgreementOptions {
  plan: () => Plan | null;
  trials: () => number;
  seed: () => number;
  /** False when the plan cannot be drafted yet (the form says why). */
  ready: (p: Plan) => boolean;
  /** Shows an engine error next to the field it names. */
  failed: (e: unknown) => void;
}

const LOCALES: [Locale, string][] = [['en', '1,234.50 (English)'], ['de', '1.234,50 (German)'], ['fr', '1 234,50 (French)']];
const browserLocale = (): Locale => (LOCALES.find(([l]) => LOCALE?.toLowerCase().startsWith(l))?.[0] ?? 'en');

/** The engine's HTML page as a safe `<article class="agreement">` (no scripts, styles or forms). */
async function articleOf(html: string): Promise<HTMLElement> {
  const { default: DOMPurify } = await import('dompurify');
  const frag = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['img', 'style', 'form', 'input', 'script'] });
  const article = frag.querySelector('article') ?? h('article', {}, frag);
  article.className = 'agreement';
  article.setAttribute('aria-label', 'Agreement');
  article.tabIndex = 0; // it scrolls: keyboards can scroll it too
  return article;
}

const fileName = (p: Plan | null, ext: string) => `${(p?.id ?? 'plan').replace(/[^\w.-]+/g, '_')}-agreement.${ext}`;

export function agreementView(app: App, opts: AgreementOptions): HTMLElement {
  const locale = h('select', { id: 'agreement-locale' }, LOCALES.map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  locale.value = browserLocale();
  const draft = h('button', { type: 'button' }, 'Draft agreement');
  const print = h('button', { type: 'button', disabled: true }, 'Print or save as PDF');
  const dl = h('button', { type: 'button', disabled: true }, 'Download agreement as text');
  // the two buttons wait for a draft: said, not left to guess
  const status = h('p', { class: 'muted', role: 'status' }, 'Draft the agreement to print it or download it.');
  const box = h('div', { class: 'agreement-box' });
  let markdown = '';

  draft.addEventListener('click', async () => {
    const p = opts.plan();
    if (!p || !opts.ready(p)) return;
    if (!app.engine.has('draftAgreement')) { clear(box, unavailable('The agreement draft')); return; }
    status.textContent = 'Drafting…';
    const req = { plan: p, trials: opts.trials(), seed: opts.seed(), locale: locale.value as Locale };
    try {
      const [md, html] = await Promise.all([app.engine.call('draftAgreement', req), app.engine.call('draftAgreement', { ...req, format: 'html' })]);
      markdown = md;
      clear(box, await articleOf(html));
      print.disabled = false;
      dl.disabled = false;
      status.textContent = 'Drafted from the plan as it is now. Sign the downloaded copy; it can be checked against the plan below.';
    } catch (e) { opts.failed(e); clear(box); status.textContent = 'The agreement cannot be drafted: see the message next to the field.'; }
  });
  print.addEventListener('click', () => window.print());
  // a PDF saved from the print dialog is named after the page title: the agreement's, while it prints
  let title = '';
  window.addEventListener('beforeprint', () => {
    const h1 = box.querySelector('h1')?.textContent;
    if (h1 && box.offsetParent !== null) { title = document.title; document.title = h1; }
  });
  window.addEventListener('afterprint', () => { if (title) { document.title = title; title = ''; } });
  dl.addEventListener('click', () => download(fileName(app.ws.plan, 'md'), markdown, 'text/markdown'));
  app.on('plan', () => {
    if (markdown) status.textContent = 'The plan changed after this draft: draft it again before printing or signing.';
  });

  return h('div', { class: 'agreement-view' },
    h('div', { class: 'row' }, field('Numbers and dates as', locale), draft, print, dl),
    status, box,
    h('h3', {}, 'Check a signed copy'),
    verifyView(app, opts));
}

/** The panel that checks a signed copy (Markdown) against the current plan. */
function verifyView(app: App, opts: AgreementOptions): HTMLElement {
  const text = h('textarea', { rows: 5, id: 'signed-copy', spellcheck: 'false', placeholder: 'Paste the signed agreement here, or drop its file' });
  const file = h('input', { type: 'file', id: 'signed-file', accept: '.md,.markdown,.txt,text/markdown,text/plain' });
  const check = h('button', { type: 'button' }, 'Check the copy');
  const out = h('div', { class: 'verify', 'aria-live': 'polite' });

  const load = async (f: File | undefined) => { if (f) { text.value = await f.text(); await run(); } };
  file.addEventListener('change', () => void load(file.files?.[0]));
  text.addEventListener('dragover', (e) => e.preventDefault());
  text.addEventListener('drop', (e) => { e.preventDefault(); void load(e.dataTransfer?.files?.[0]); });
  check.addEventListener('click', () => void run());

  async function run() {
    const p = opts.plan();
    if (!p) return;
    if (!app.engine.has('verifyAgreement')) { clear(out, unavailable('Checking a signed copy')); return; }
    if (!text.value.trim()) { clear(out, h('p', { class: 'bad', role: 'alert' }, 'Paste or drop the signed copy first.')); return; }
    clear(out, h('p', { class: 'muted' }, 'Checking…'));
    try {
      show(await app.engine.call('verifyAgreement', { markdown: text.value, plan: p }));
    } catch (e) { opts.failed(e); clear(out, h('p', { class: 'bad', role: 'alert' }, 'The copy cannot be checked: see the message next to the field.')); }
  }

  function show(r: VerifyResponse) {
    const short = (x: string) => `${x.slice(0, 12)}…`;
    clear(out,
      h('p', { class: r.matches ? 'good verdict' : 'bad verdict', role: 'alert' }, r.matches
        ? '✓ This copy matches the plan: it was drafted from this plan and its text is unchanged.'
        : '✗ This copy does not match the plan.'),
      r.matches ? null : why(r),
      h('dl', { class: 'totals verify-facts' },
        h('dt', {}, 'Fingerprint in the copy'), h('dd', {}, r.documentHash ? short(r.documentHash) : 'none'),
        h('dt', {}, 'Fingerprint of this plan'), h('dd', {}, short(r.planHash))));
  }

  return h('div', { class: 'verify-view' },
    field('Signed copy (the file downloaded above)', file),
    field('…or paste it here', text, 'The copy downloaded with “Download agreement as text”, as signed.'),
    h('div', { class: 'row' }, check), out);
}

/** A Markdown line as it reads on paper: no list marks, emphasis or escapes. */
const unmark = (s: string) => s.replace(/^\s*(?:[-*]|\d+\.|#+)\s+/, '').replace(/\*\*|`/g, '').replace(/\\(.)/g, '$1');

/** Why a copy does not match, from the response's fields: no fingerprint, another plan, or the changed line side by side. */
function why(r: VerifyResponse): HTMLElement {
  if (!r.documentHash) return h('p', { class: 'verify-reason' }, 'The copy has no plan fingerprint at its end, so it cannot be matched to a plan. Check the copy drafted and downloaded here.');
  if (r.documentHash !== r.planHash) {
    return h('p', { class: 'verify-reason' }, 'It was drafted from another plan, or from this plan before it was changed: the fingerprints differ. Open the plan it was drafted from, or draft and sign the agreement again.');
  }
  // the engine quotes both versions of the first changed line
  const m = /reads "(.*)" where the agreement drafted from the plan reads "(.*)"/.exec(r.reason);
  if (!r.line || !m) return h('p', { class: 'verify-reason' }, r.reason);
  return h('div', { class: 'verify-reason' },
    h('p', {}, `The text was changed after it was drafted. The first change is on line ${r.line}:`),
    h('dl', { class: 'totals' }, h('dt', {}, 'The copy reads'), h('dd', { class: 'bad' }, unmark(m[1])), h('dt', {}, 'The plan’s agreement reads'), h('dd', {}, unmark(m[2]))),
    /dealteam \S+, this is/.test(r.reason) ? h('p', { class: 'muted small' }, 'The copy was drafted by another version of the planner; its wording may differ for that reason alone.') : null);
}
