// A data key chosen by name: a select of the keys known (each by its label; the one in use stays
// in the list even when no partner has it), with "Other (type it)…" that opens a text field for a
// key the lists do not hold — and the text field alone when no key is known. The field in view
// carries the data path, so an engine error about the key is said beside what the user sees.
import { clear, h, nextId } from './dom';
import { keyLabel } from './format';
import { offeredKeys } from './limits';

/** The choice that lets a key the lists do not hold be typed. */
const OTHER = '\u0000other';

export interface KeyChoiceOptions {
  /** where the key is, for the engine's errors: `profile.criteria[0].key` */
  path: string;
  /** the key now (none yet: undefined, null or '') */
  get: () => string | null | undefined;
  /** a key chosen, or typed ('' while the typed field is empty) */
  set: (key: string, ev: Event) => void;
  /** what the choice is called for a screen reader: "Criterion 1: which capability" */
  label: () => string;
}

export interface KeyChoice {
  pick: HTMLSelectElement;
  typed: HTMLInputElement;
  /** the key chosen or typed now */
  now: () => string;
  /** offers `keys` (those of before when none are given) */
  draw: (keys?: readonly string[]) => void;
  /** back to choosing from the list, the typed text forgotten (e.g. another kind of key) */
  reset: () => void;
}

export function keyChoice(o: KeyChoiceOptions): KeyChoice {
  const pick = h('select', { id: nextId('key') });
  const typed = h('input', { type: 'text', id: nextId('key'), value: o.get() ?? '', placeholder: 'as written in the data', autocomplete: 'off' });
  /** typing: "Other" was chosen; other: the key is typed (chosen so, or nothing to choose from) */
  let typing = false;
  let other = false;
  let known: readonly string[] = [];
  const now = () => (other ? typed.value.trim() : pick.value);
  const draw = (keys: readonly string[] = known) => {
    known = keys;
    const key = o.get();
    const offered = offeredKeys(keys, key ? [key] : [], keyLabel);
    other = typing || !offered.length;
    clear(pick, key || other ? null : h('option', { value: '', disabled: true }, 'Choose one'),
      offered.map((k) => h('option', { value: k }, keyLabel(k))), h('option', { value: OTHER }, 'Other (type it)…'));
    pick.value = other ? OTHER : key ?? '';
    pick.hidden = !offered.length;
    typed.hidden = !other;
    (other ? typed : pick).setAttribute('data-path', o.path);
    (other ? pick : typed).removeAttribute('data-path');
    pick.setAttribute('aria-label', o.label());
    typed.setAttribute('aria-label', `${o.label()} (typed)`);
  };
  pick.addEventListener('input', (ev) => {
    if (pick.value !== OTHER) { typing = false; other = false; o.set(pick.value, ev); draw(); return; }
    // typed from now on, starting from the key chosen; the data changes once it is typed
    typing = true;
    typed.value = o.get() ?? '';
    draw();
    typed.focus();
  });
  typed.addEventListener('input', (ev) => o.set(typed.value.trim(), ev));
  const reset = () => { typing = false; typed.value = o.get() ?? ''; };
  return { pick, typed, now, draw, reset };
}

/** `choice` as a labelled field: its label, the list and the typed field, and the error line of each. */
export function keyField(label: string, choice: KeyChoice): HTMLElement {
  const line = (el: HTMLElement) => h('span', { class: 'field-error', role: 'alert', id: `${el.id}-err` });
  for (const el of [choice.pick, choice.typed]) el.setAttribute('aria-describedby', `${el.id}-err`);
  return h('div', { class: 'field' }, h('label', { for: choice.pick.id }, label), choice.pick, choice.typed, line(choice.pick), line(choice.typed));
}
