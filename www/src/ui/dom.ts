// Tiny DOM builder. All user text goes in as text nodes (never as HTML), which is what keeps
// a partner named `<img src=x onerror=alert(1)>` a harmless string on screen.

import { money } from './format';

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  // value/checked last, so that min/max/step are known when a range input takes its value
  const entries = Object.entries(attrs).sort(([a], [b]) => Number(a === 'value' || a === 'checked') - Number(b === 'value' || b === 'checked'));
  for (const [k, v] of entries) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element, ...children: (Child | Child[])[]) {
  el.replaceChildren();
  append(el, children);
}

/** Resolves in a later task, so that the browser can paint and handle input in between. */
export const nextTask = (): Promise<void> => new Promise((resolve) => { setTimeout(resolve, 0); });

/** The event a tab panel gets when it is shown (main.ts). */
export const SHOWN = 'panel-shown';

/**
 * `draw` as a redraw that waits for its screen: it draws at once while `el` is in a shown tab
 * panel (or in none yet), else once, when that panel is next shown. A screen kept hidden is then
 * not redrawn on every change of the workspace (the plan's form took 10–35 ms a time).
 */
export function whenShown(el: Element, draw: () => void): () => void {
  let waiting: HTMLElement | null = null;
  const now = () => { waiting = null; draw(); };
  return () => {
    const panel = el.closest<HTMLElement>('[role="tabpanel"]');
    if (!panel?.hidden) { if (waiting) waiting.removeEventListener(SHOWN, now); now(); return; }
    if (waiting === panel) return;
    waiting?.removeEventListener(SHOWN, now);
    waiting = panel;
    panel.addEventListener(SHOWN, now, { once: true });
  };
}

let uid = 0;
/** A fresh id for label/field pairs. */
export const nextId = (p = 'f') => `${p}-${++uid}`;

/** A labelled input; returns the wrapper and the field. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) {
  if (!input.id) input.id = nextId();
  const err = h('span', { class: 'field-error', role: 'alert', id: `${input.id}-err` });
  input.setAttribute('aria-describedby', err.id);
  const wrap = h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint ? h('small', {}, hint) : null, err);
  return wrap;
}


/**
 * Marks `el` as wrong until its next edit: `aria-invalid`, and `message` in its error line (the
 * one `field` made) when one is given. The first edit takes both away — in the capture phase,
 * before the field's own checks, which may mark it again. Such a mark is a verdict on what was
 * there when an action ran (the engine's, or a check before it), and the action checks again:
 * `hasInvalid` (amount-field.ts) does not count it.
 */
export function markUntilEdit(el: HTMLElement, message?: string) {
  el.setAttribute('aria-invalid', 'true');
  el.dataset.untilEdit = '';
  const line = document.getElementById(`${el.id}-err`);
  if (line && message !== undefined) line.textContent = message;
  el.addEventListener('input', () => unmark(el), { once: true, capture: true });
}

/** Takes away a `markUntilEdit` mark and its message (nothing when the mark is already gone). */
export function unmark(el: HTMLElement) {
  if (el.dataset.untilEdit === undefined) return;
  delete el.dataset.untilEdit;
  el.removeAttribute('aria-invalid');
  const line = document.getElementById(`${el.id}-err`);
  if (line) line.textContent = '';
}

/**
 * A share (0–1 in the data) as the percentage a field shows: 0.07 → 7, not the float product
 * 7.000000000000001 (at most `digits` decimals).
 */
export const toPercent = (x: number, digits = 4): number => Number((x * 100).toFixed(digits));

/**
 * A percentage typed (7) as the share stored (0.07): the decimal point moved two places, so 7
 * gives exactly 0.07 and 33.3 exactly 0.333 (7 / 100 and 33.3 / 100 are off in the last digit).
 */
export function fromPercent(p: number): number {
  const s = String(p);
  return /e/i.test(s) ? p / 100 : Number(`${s}e-2`);
}

/** What a number field holds: undefined when it is empty or holds no number. */
export const numberIn = (el: HTMLInputElement): number | undefined =>
  (el.value.trim() === '' || !Number.isFinite(Number(el.value)) ? undefined : Number(el.value));

/**
 * A number input for a share (0–1 in the data) typed and shown as a percentage, 0 to 100 unless
 * `attrs` says otherwise; `set` gets the share, or undefined when the field is emptied.
 */
export function percentInput(value: number | null | undefined, set: (v: number | undefined) => void, attrs: Attrs = {}): HTMLInputElement {
  const el = h('input', { type: 'number', step: 'any', min: 0, max: 100, ...attrs, value: typeof value === 'number' && Number.isFinite(value) ? toPercent(value) : '' });
  el.addEventListener('input', () => { const p = numberIn(el); set(p === undefined ? undefined : fromPercent(p)); });
  return el;
}

export function fmtNum(x: number | string | undefined | null, digits = 3): string {
  const n = typeof x === 'string' ? Number(x) : x;
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—';
}

/** Money in the currency's format for the reader's locale (the deal's currency unless one is named). */
export function fmtMoney(x: unknown, currency = ''): string {
  return money(x, currency || undefined);
}

/**
 * Puts the focus on `el` when an action left it nowhere (a button that was disabled while it
 * ran, or a part of the page rebuilt under it), so a keyboard user goes on where they were.
 */
export function keepFocus(el: HTMLElement | null | undefined) {
  const a = document.activeElement;
  if (el && !(el as HTMLButtonElement).disabled && (!a || a === document.body || !a.isConnected)) el.focus();
}

/** A notice for engine features the current package does not have. */
export function unavailable(what: string): HTMLElement {
  return h('p', { class: 'notice unavailable', role: 'status' }, `${what} is not available in this build of the engine.`);
}

/** Offers `text` as a file download (a blob: URL; nothing leaves the machine). */
export function download(name: string, content: string | Blob, type = 'text/plain') {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Makes an Observable Plot figure accessible: one labelled image, no stray aria-labels on groups. */
export function a11yChart<T extends Element>(chart: T, label: string): T {
  // a chart with a legend is a figure: its own svg is a child, the legend's swatches are svgs further down
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector(':scope > svg') ?? chart.querySelector('svg');
  for (const g of chart.querySelectorAll('g[aria-label], g[aria-description]')) { g.removeAttribute('aria-label'); g.removeAttribute('aria-description'); }
  if (svg) { svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', label); }
  return chart;
}
