// A file's problems as a screen lists them: those of the whole file (its first line) as what to
// change in the file, the others as the rows left out, a row counted once however many problems
// it has (a problem of the whole file is no row's).
import type { Problem } from '../csv';
import { h } from './dom';
import { number, sentence } from './format';

/**
 * The headings and lists of `problems`: at most `shown` rows are listed; `rows`, the rows with
 * problems when `problems` holds only the first of them (else those it names); `heading`, the
 * rows' heading for their number.
 */
export function problemLists(problems: Problem[], o: { shown?: number; rows?: number; heading?: (n: number) => string } = {}): HTMLElement[] {
  const whole = problems.filter((p) => p.line <= 1);
  const rows = problems.filter((p) => p.line > 1);
  const n = o.rows ?? new Set(rows.map((p) => p.line)).size;
  const heading = o.heading ?? ((k: number) => `${number(k)} row${k === 1 ? '' : 's'} left out`);
  const out: HTMLElement[] = [];
  if (whole.length) out.push(h('h4', {}, 'What to change in the file'), h('ul', { class: 'bad-rows' }, whole.map((p) => h('li', {}, sentence(p.reason)))));
  if (n > 0) out.push(h('h4', {}, heading(n)), h('ul', { class: 'bad-rows' }, rows.slice(0, o.shown ?? 200).map((p) => h('li', {}, `Line ${p.line}: ${p.reason}`))));
  return out;
}
