// A file's problems as a screen lists them: those of the whole file (its first line) as what to
// change in the file, the others as the rows left out, a row counted once however many problems
// it has (a problem of the whole file is no row's).
import type { Problem } from '../csv';
import { h } from './dom';
import { number, sentence } from './format';

/** The headings and lists of `problems`; at most `shown` rows are listed. */
export function problemLists(problems: Problem[], shown = 200): HTMLElement[] {
  const whole = problems.filter((p) => p.line <= 1);
  const rows = problems.filter((p) => p.line > 1);
  const n = new Set(rows.map((p) => p.line)).size;
  const out: HTMLElement[] = [];
  if (whole.length) out.push(h('h4', {}, 'What to change in the file'), h('ul', { class: 'bad-rows' }, whole.map((p) => h('li', {}, sentence(p.reason)))));
  if (rows.length) out.push(h('h4', {}, `${number(n)} row${n === 1 ? '' : 's'} left out`), h('ul', { class: 'bad-rows' }, rows.slice(0, shown).map((p) => h('li', {}, `Line ${p.line}: ${p.reason}`))));
  return out;
}
