// Amounts and numbers as people type them: "1,200,000", "1.2M", "€ 1 200 000",
// "1.200.000,50", "1'200'000 CHF". The result is the exact decimal text the engine takes
// ("1200000.50"); a form that could mean two things ("1.500" in an English page) is refused
// with both readings, never guessed.

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

/** The decimal and grouping separators of a locale ("en-US" → ".", ","; "de-DE" → ",", "."). */
export function separators(locale?: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return { decimal, group: decimal === ',' ? '.' : ',' };
}

const SUFFIX: Record<string, bigint> = { k: 3n, m: 6n, mn: 6n, mio: 6n, b: 9n, bn: 9n };
// currency signs and ISO codes around the number; spaces of every width and apostrophes group digits
const CODES = /^[A-Z]{3}(?=[\s\d(−-])|(?<=[\d\s)])[A-Z]{3}$/g;
const SIGNS = /[€$£¥₹₩₽₺₪₫฿₦₱₴]|Fr\.|kr\.?|zł/g;
const SPACES = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * Parses an amount; `locale` decides only what the page's own decimal sign is (so "1,5" is
 * 1.5 on a German page). A single separator followed by exactly three digits that is the
 * page's decimal sign ("1.500" on an English page) is ambiguous and refused.
 */
export function parseAmount(text: string, locale?: string): Parsed {
  const raw = text.trim();
  if (!raw) return { ok: false, message: 'Enter an amount, such as 1,200,000 or 1.2M.' };
  let s = raw.replace(SIGNS, '').trim().replace(CODES, '').replace(SPACES, '');
  let neg = false;
  if (/^\(.*\)$/.test(s)) { neg = true; s = s.slice(1, -1); }
  if (s.startsWith('-') || s.startsWith('−')) { neg = true; s = s.slice(1); }
  let scale = 0n;
  const suf = /^(.*\d)(k|m|mn|mio|b|bn)$/i.exec(s);
  if (suf) { s = suf[1]; scale = SUFFIX[suf[2].toLowerCase()]; }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, message: `“${raw}” is not an amount: write digits, such as 1200000, 1,200,000 or 1.2M.` };
  const dec = decimalSign(s, locale);
  if (!dec.ok) return { ok: false, message: `“${raw}” ${dec.message}` };
  const [int, frac = ''] = dec.sign ? splitLast(s, dec.sign) : [s, ''];
  const digits = int.replace(/[.,]/g, '');
  if (dec.sign && /[.,]/.test(frac)) return { ok: false, message: `“${raw}” has separators after its decimal sign.` };
  // exact: the digits as an integer, scaled by the suffix, with the fraction's places
  let units = BigInt(digits + frac) * 10n ** scale;
  let places = BigInt(frac.length);
  while (places > 2n && units % 10n === 0n) { units /= 10n; places -= 1n; }
  while (places < 2n) { units *= 10n; places += 1n; }
  const str = units.toString().padStart(Number(places) + 1, '0');
  const value = `${neg ? '-' : ''}${str.slice(0, -Number(places))}.${str.slice(-Number(places))}`;
  return { ok: true, value: /^-0\.0+$/.test(value) ? value.slice(1) : value };
}

function splitLast(s: string, sign: string): [string, string] {
  const at = s.lastIndexOf(sign);
  return [s.slice(0, at), s.slice(at + 1)];
}

/** Which of "." and "," is the decimal sign in `s` (digits and separators only), or null when none. */
function decimalSign(s: string, locale?: string): { ok: true; sign: string | null } | { ok: false; message: string } {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (!dots && !commas) return { ok: true, sign: null };
  const grouped = (int: string, sep: string) => int.split(sep).every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
  if (dots && commas) {
    const sign = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = sign === '.' ? ',' : '.';
    if ((sign === '.' ? dots : commas) > 1 || !grouped(splitLast(s, sign)[0], group)) return { ok: false, message: 'mixes “.” and “,” in a way that is no number format.' };
    return { ok: true, sign };
  }
  const sep = dots ? '.' : ',';
  if ((dots || commas) > 1) {
    if (!grouped(s, sep)) return { ok: false, message: `has “${sep}” where no thousands separator can be.` };
    return { ok: true, sign: null };
  }
  const after = s.length - s.indexOf(sep) - 1;
  if (after !== 3 || /^0\d*[.,]/.test(s)) return { ok: true, sign: sep };
  const local = separators(locale);
  if (sep === local.group) return { ok: true, sign: null };
  const [a, b] = s.split(sep);
  return { ok: false, message: `could mean ${Number(a + b).toLocaleString(locale)} or ${a}${local.decimal}${b}: write it without the “${sep}” (${a}${b}) or with two decimals (${a}${local.decimal}${b.slice(0, 2)}).` };
}

/**
 * A plain number (a rate, a capability, a metric) in either decimal convention: "0,8" and
 * "0.8" are 0.8, "1 234,5" is 1234.5. `commaDecimal`: the file's fields are separated by ";"
 * (as European spreadsheets write CSV), so a lone "," is a decimal comma. NaN when not a number.
 */
export function parseNumber(text: string, commaDecimal = false): number {
  let s = text.trim().replace(SPACES, '');
  if (!s) return NaN;
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return Number(s);
  const m = /^([-+−]?)(\d[\d.,]*)(%?)$/.exec(s);
  if (!m) return NaN;
  s = m[2];
  const dots = s.split('.').length - 1, commas = s.split(',').length - 1;
  let sign: string | null;
  if (dots && commas) sign = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (commas === 1 && (commaDecimal || !/,\d{3}$/.test(s))) sign = ',';
  else if (dots === 1) sign = '.';
  else sign = null;
  const group = sign === '.' ? ',' : sign === ',' ? '.' : null;
  const [int, frac] = sign ? splitLast(s, sign) : [s, ''];
  const clean = (group ? int.split(group).join('') : int.replace(/[.,]/g, ''));
  if (!/^\d+$/.test(clean) || (frac && !/^\d+$/.test(frac))) return NaN;
  const n = Number(`${clean}${frac ? `.${frac}` : ''}`) * (m[1] === '-' || m[1] === '−' ? -1 : 1);
  return m[3] ? n / 100 : n;
}
