// A profile's limits on capabilities and figures ("at least 60% cloud", "a win rate of at least
// 20%", "a sales cycle of at most 180 days") as rows: which one (chosen from the keys the partners
// use, in words), its value, a ✕ per row and an Add button. The profile keeps them as it always
// did, a `{ key: number }` map (capability levels and rates as shares 0–1).
import { field, h, nextId, numberIn, percentInput } from './dom';

/** A figure that is a share (0–1) shown as a percentage: its key ends in "Rate" (winRate, churnRate). */
export const isRate = (key: string) => /rate$/i.test(key);

/** A row as edited: a key, and its value once one is typed. */
export interface LimitRow { key: string; value?: number }

/** The rows of a stored map, in its order. */
export const toRows = (m: Record<string, number> | null | undefined): LimitRow[] => Object.entries(m ?? {}).map(([key, value]) => ({ key, value }));

/** The map the rows make: rows without a value are left out (a later row with the same key wins); undefined when none is left. */
export function fromRows(rows: LimitRow[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.key && typeof r.value === 'number' && Number.isFinite(r.value)) out[r.key] = r.value;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The keys to choose from: `keys` (the partners') and `kept` (those the data names already, so
 * none is lost), once each, in the order of their names. The limits' rows and a criterion's
 * "which one" offer the same choices.
 */
export const offeredKeys = (keys: readonly string[], kept: readonly string[], name: (key: string) => string): string[] =>
  [...new Set([...keys, ...kept.filter(Boolean)])].sort((a, b) => name(a).localeCompare(name(b)));

/** The first of `keys` no row has yet. */
export const unusedKey = (keys: readonly string[], rows: LimitRow[]) => keys.find((k) => !rows.some((r) => r.key === k));

export interface LimitsOptions {
  /** where the map is, for the engine's errors: `profile.require.metricsMin` */
  path: string;
  /** the box's title: "Figures at least" */
  legend: string;
  /** what a row's choice is called: "Capability", "Figure" */
  what: string;
  /** the value's label: "At least", "At most" */
  bound: string;
  /** a capability level (always a percentage) or a figure (a percentage when it is a rate) */
  capability: boolean;
  /** the keys to choose from (the partners'); those of the rows are offered too */
  keys: () => readonly string[];
  /** a key in words ("winRate" → "win rate") */
  name: (key: string) => string;
  get: () => Record<string, number> | null | undefined;
  set: (m: Record<string, number> | undefined) => void;
}

/** The rows' editor; `redraw()` draws them again (when the keys to choose from arrive). */
export function limitsEditor(o: LimitsOptions): { el: HTMLElement; redraw: () => void } {
  const rows = toRows(o.get());
  const list = h('div', { class: 'limit-rows' });
  const box = h('fieldset', { class: 'limits', 'data-path': o.path, id: nextId('lim') }, h('legend', {}, o.legend), list);
  const percent = (key: string) => o.capability || isRate(key);
  const save = () => o.set(fromRows(rows));
  /** The keys to choose from, in the order of their names. */
  const offered = () => offeredKeys(o.keys(), rows.map((r) => r.key), o.name);

  function row(r: LimitRow, i: number): HTMLElement {
    const others = new Set(rows.filter((x) => x !== r).map((x) => x.key));
    const which = h('select', { id: nextId('lim') }, offered().filter((k) => k === r.key || !others.has(k)).map((k) => h('option', { value: k }, o.name(k))));
    which.value = r.key;
    which.addEventListener('change', () => { r.key = which.value; save(); draw(); list.querySelectorAll('select')[i]?.focus(); });
    const attrs = { 'data-path': `${o.path}.${r.key}`, id: nextId('lim') };
    const set = (v: number | undefined) => { r.value = v; save(); };
    let value: HTMLInputElement;
    if (percent(r.key)) value = percentInput(r.value, set, attrs);
    else {
      value = h('input', { type: 'number', step: 'any', ...attrs, value: r.value ?? '' });
      value.addEventListener('input', () => set(numberIn(value)));
    }
    const remove = h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${o.name(r.key)}`, onclick: () => {
      rows.splice(i, 1); save(); draw();
      (list.querySelectorAll<HTMLElement>('button.small')[Math.min(i, rows.length - 1)] ?? add).focus();
    } }, '✕');
    return h('div', { class: 'limit-row' }, field(o.what, which), field(percent(r.key) ? `${o.bound} (%)` : o.bound, value), remove);
  }

  const add = h('button', { type: 'button', onclick: () => {
    const key = unusedKey(offered(), rows);
    if (key === undefined) return;
    rows.push({ key });
    draw();
    list.querySelectorAll('input')[rows.length - 1]?.focus();
  } }, 'Add');
  const err = h('span', { class: 'field-error', role: 'alert', id: `${box.id}-err` });
  box.append(add, err);

  function draw() {
    list.replaceChildren(...(rows.length ? rows.map(row) : [h('p', { class: 'muted small' }, 'None.')]));
    add.disabled = unusedKey(offered(), rows) === undefined;
    add.setAttribute('aria-label', `Add ${o.what.toLowerCase()} to “${o.legend}”`);
  }
  draw();
  return { el: box, redraw: draw };
}
