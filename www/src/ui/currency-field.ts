// The currency as a choice, not free text: common ISO codes by name in the reader's language,
// plus whatever code the workspace already has.
import { field, h, nextId } from './dom';
import { LOCALE } from './format';

const COMMON = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CNY', 'INR', 'SGD', 'AUD', 'NZD', 'CAD', 'BRL', 'MXN', 'ZAR', 'AED'];

/** Each currency's option text, made once: a DisplayNames per call cost the page ~10 ms at start. */
const names = new Map<string, string>();
let display: Intl.DisplayNames | undefined;

/** "EUR — Euro" in the reader's language (the code alone where the browser has no name). */
export function currencyName(code: string): string {
  let name = names.get(code);
  if (name === undefined) {
    try {
      display ??= new Intl.DisplayNames(LOCALE, { type: 'currency' });
      name = `${code} — ${display.of(code) ?? code}`;
    } catch {
      name = code;
    }
    names.set(code, name);
  }
  return name;
}

export function currencyField(path: string, get: () => string | null | undefined, set: (v: string) => void, label = 'Currency'): HTMLElement {
  const now = get() ?? 'EUR';
  const codes = COMMON.includes(now) ? COMMON : [now, ...COMMON];
  const sel = h('select', { 'data-path': path, id: nextId('cur') }, codes.map((c) => h('option', { value: c }, currencyName(c))));
  sel.value = now;
  sel.addEventListener('change', () => set(sel.value));
  return field(label, sel);
}
