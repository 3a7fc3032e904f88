// Numbers as a partner manager reads them: money with its currency in the reader's locale
// (Intl.NumberFormat), percentages, ratios ("1.4×") and day counts — never raw decimals.

/** The reader's locale (the browser's); one place, so every screen formats alike. */
export const LOCALE: string | undefined = typeof navigator !== 'undefined' ? navigator.language : undefined;

const cache = new Map<string, Intl.NumberFormat>();
function nf(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = JSON.stringify(opts);
  let f = cache.get(k);
  if (!f) {
    try { f = new Intl.NumberFormat(LOCALE, opts); } catch { f = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: opts.maximumFractionDigits }); }
    cache.set(k, f);
  }
  return f;
}

let workspaceCurrency: string | undefined;
/** The currency amounts are shown in when a screen does not name one (the deal's). */
export function useCurrency(code: string | null | undefined) { workspaceCurrency = code ?? undefined; }

/**
 * Money in `currency` (an ISO code such as EUR) in the reader's format: "€1,200,000" in
 * en-US, "1.200.000 €" in de-DE. Whole units unless `cents`; "—" when not a number.
 */
export function money(x: unknown, currency?: string | null, cents = false): string {
  // the engine's amounts are decimal strings: Intl formats them digit for digit (no trip
  // through a float, which would turn 12345678901234567.89 into …568)
  const n = typeof x === 'string' && DECIMAL.test(x) ? x : typeof x === 'number' && Number.isFinite(x) ? x : null;
  if (n === null) return '—';
  const digits = cents ? 2 : 0;
  currency ??= workspaceCurrency;
  const f = currency && /^[A-Z]{3}$/.test(currency)
    ? nf({ style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    : nf({ minimumFractionDigits: digits, maximumFractionDigits: digits });
  // ES2023's format takes a decimal string; the ES2022 lib types only say number
  return f.format(n as number);
}
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A share as a percentage: 0.1234 → "12%" (`digits` decimals). */
export function percent(x: number | null | undefined, digits = 0): string {
  return typeof x === 'number' && Number.isFinite(x) ? nf({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x) : '—';
}

/** A plain number with at most `digits` decimals (at least `min`) in the reader's format. */
export function number(x: number | null | undefined, digits = 0, min = 0): string {
  return typeof x === 'number' && Number.isFinite(x) ? nf({ minimumFractionDigits: min, maximumFractionDigits: digits }).format(x) : '—';
}

/** A ratio as a multiple: 1.4133 → "1.4×". */
export function times(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${number(x, x < 10 ? 1 : 0)}×` : '—';
}

const KINDS: Record<string, string> = {
  si: 'systems integrator', isv: 'software vendor', msp: 'managed service provider', reseller: 'reseller',
  referral: 'referral partner', consultancy: 'consultancy', distributor: 'distributor', partner: 'partner',
};
/** A partner kind in words ("si" → "systems integrator"); other kinds as they are. */
export const kindName = (k: string | null | undefined) => (k ? KINDS[k] ?? k : '');

/** The kinds as [value, words] choices for a select box, `current` among them even when no partner has it. */
export function kindChoices(kinds: readonly string[], current?: string | null): [string, string][] {
  const all = current && !kinds.includes(current) ? [current, ...kinds] : kinds;
  return all.map((k) => [k, kindName(k)]);
}

/** A sentence from the engine's lower-case note: first letter up, full stop at the end. */
export function sentence(s: string): string {
  const t = s.trim();
  return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : t;
}

/** A day (`2026-03-01`, or a timestamp: its UTC day) in the reader's format: "1 Mar 2026". */
export function day(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return '—';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** Whole days from day `from` to day `to` (both `YYYY-MM-DD…`). */
export function daysBetween(from: string, to: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** A count of days: "1 day", "12 days". */
export const days = (n: number) => `${number(n)} ${Math.abs(n) === 1 ? 'day' : 'days'}`;

/** Keys that stand for words of their own, in full ("psat" → "Partner satisfaction"). */
const KEY_WORDS: Record<string, string> = {
  psat: 'Partner satisfaction', csat: 'Customer satisfaction', nps: 'Net promoter score', cac: 'Customer acquisition cost',
  cltv: 'Customer lifetime value', ltv: 'Lifetime value', arr: 'Annual recurring revenue', mrr: 'Monthly recurring revenue',
};
/** Words of a key written in capitals ("ai" → "AI"), also before a number ("iso27001" → "ISO 27001"). */
const ACRONYMS = new Set([
  'ai', 'ml', 'iot', 'it', 'ot', 'bi', 'ar', 'vr', 'crm', 'erp', 'hr', 'hcm', 'scm', 'cx', 'ux', 'ui', 'api', 'sdk', 'saas', 'paas', 'iaas',
  'b2b', 'b2c', 'roi', 'kpi', 'sla', 'mdm', 'etl', 'rpa', 'soc', 'iso', 'pci', 'dss', 'hipaa', 'gdpr', 'fedramp', 'nist', 'itil', 'cmmi',
  'aws', 'gcp', 'sap', 'ibm', 'oci', 'dach', 'emea', 'apac', 'anz', 'uk', 'us', 'eu', 'smb', 'sme',
]);
/** Shortened words in full ("avgDealSize" → "Average deal size"). */
const SHORT_WORDS: Record<string, string> = { avg: 'average', num: 'number', pct: 'percent', qty: 'quantity', mgmt: 'management', dev: 'development', ops: 'operations' };

/**
 * A data key as a reader's label: "ai" → "AI", "iso27001" → "ISO 27001", "cloud" → "Cloud",
 * "data_analytics" and "dataAnalytics" → "Data analytics", "winRate" → "Win rate",
 * "salesCycleDays" → "Sales cycle (days)", "aws-advanced" → "AWS advanced". A name already
 * written for people (a space in it, or a capital first: "North America", "Healthcare") is kept
 * as it is. Only for showing: the data keeps its key.
 */
export function keyLabel(key: string | null | undefined): string {
  const k = (key ?? '').trim();
  if (!k) return '';
  const whole = KEY_WORDS[k.toLowerCase()];
  if (whole) return whole;
  if (/\s/.test(k) || (/^[A-Z]/.test(k) && !/[_\-.:/]/.test(k))) return k;
  const parts = k.replace(/([a-z\d])([A-Z])/g, '$1 $2').split(/[\s_\-.:/]+/).filter(Boolean).map((w) => w.toLowerCase());
  const words = parts.map((w) => {
    if (ACRONYMS.has(w)) return w.toUpperCase();
    const m = /^([a-z]+)(\d+)$/.exec(w);
    if (m && ACRONYMS.has(m[1])) return `${m[1].toUpperCase()} ${m[2]}`;
    return SHORT_WORDS[w] ?? w;
  });
  // a count of days last: the unit of the figure ("Sales cycle (days)")
  if (words.length > 1 && words[words.length - 1] === 'days') words[words.length - 1] = '(days)';
  const s = words.join(' ');
  return s ? s[0].toUpperCase() + s.slice(1) : k;
}
