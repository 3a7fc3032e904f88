// An amount field: takes what people type ("1,200,000", "1.2M", "€ 1 200 000",
// "1.200.000,50"), shows the amount it understood in the currency's format, and says plainly
// when the text is no amount or could mean two things — the workspace only ever gets the
// exact decimal text the engine reads.
import { parseAmount } from '../amount';
import { field, h, nextId } from './dom';
import { LOCALE, money } from './format';

/** The amount as the field shows it: the currency's format, cents only when there are any. */
export const shown = (value: string | null | undefined, currency?: string | null) =>
  value === null || value === undefined || value === '' ? '' : money(value, currency, !/\.0*$/.test(value) && /\.\d*[1-9]/.test(value));

/**
 * A labelled amount input; `set` gets the parsed decimal text ("1200000.00"), or is not
 * called while the text is no amount (the field is marked and says why). An `optional` field
 * left empty is no error: `set` gets "".
 */
export function amountField(path: string, label: string, get: () => string | null | undefined, set: (v: string) => void, currency: () => string | null | undefined, optional = false): HTMLElement {
  const el = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': path, id: nextId('amt'), value: shown(get(), currency()) });
  const wrap = field(label, el);
  const err = wrap.querySelector('.field-error')!;
  const echo = h('small', { class: 'amount-echo', 'aria-live': 'polite' });
  wrap.insertBefore(echo, err);
  el.addEventListener('input', () => {
    const r = optional && !el.value.trim() ? { ok: true as const, value: '' } : parseAmount(el.value, LOCALE);
    if (r.ok) {
      el.removeAttribute('aria-invalid');
      err.textContent = '';
      echo.textContent = el.value.trim() === shown(r.value, currency()) || !r.value ? '' : `= ${money(r.value, currency(), true)}`;
      set(r.value);
    } else {
      el.setAttribute('aria-invalid', 'true');
      err.textContent = r.message;
      echo.textContent = '';
    }
  });
  el.addEventListener('change', () => {
    // once the user leaves the field, show the amount as understood; the echo stays: taking its
    // line away moved what is under the field up between mouse-down and mouse-up, and the click
    // on a button there (e.g. "Register the deal") was lost
    if (el.getAttribute('aria-invalid') !== 'true') el.value = shown(get(), currency());
  });
  return wrap;
}

/**
 * True when a field under `root` is marked invalid as it reads now (an amount that cannot be
 * read). A mark until the next edit (dom.ts `markUntilEdit`: the engine's verdict, shown by
 * `showError`) does not count: the action that made it checks again.
 */
export const hasInvalid = (root: Element) => !!root.querySelector('[aria-invalid="true"]:not([data-until-edit])');
