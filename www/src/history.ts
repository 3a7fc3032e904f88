// A deal history (SPEC §9) from what people have: the engine's JSON ({history: […]} or a
// list), or a CSV export — our own column names, or a CRM's opportunity/deal export
// (Salesforce, HubSpot). Every row with a problem is reported with its line and not used;
// a column nobody reads is named, never dropped silently. No DOM: it runs in the worker.
import type Papa from 'papaparse';
import type { HistoryDeal } from 'dealteam';
import { parseAmount, parseNumber } from './amount';
import { parseCsv, problemsByLine, tooFewColumns, type Problem } from './csv';

export interface HistoryRead { deals: HistoryDeal[]; problems: Problem[]; ignored: string[]; columns: Record<string, string>; currency?: string }

type Field = 'id' | 'closedAt' | 'won' | 'stage' | 'value' | 'cycleDays' | 'created' | 'partners' | 'touches' | 'coverage' | 'fit' | 'synergy' | 'psat' | 'cltv' | 'cac' | 'currency';

/** Header names per field: ours, then Salesforce's opportunity report, then HubSpot's deal export. */
const ALIASES: Record<Field, string[]> = {
  id: ['id', 'dealid', 'opportunityid', 'recordid', 'opportunity'],
  closedAt: ['closedat', 'closed', 'closedate', 'closedon', 'dateclosed'],
  won: ['won', 'iswon', 'outcome', 'result', 'closedwon'],
  stage: ['stage', 'stagename', 'dealstage', 'status'],
  value: ['value', 'amount', 'dealvalue', 'dealamount', 'amountconverted', 'totalcontractvalue'],
  cycleDays: ['cycledays', 'cycle', 'salescycle', 'salescycledays', 'age', 'daystoclose', 'dealage'],
  created: ['created', 'createdat', 'createddate', 'createdate', 'opened', 'opendate'],
  partners: ['partners', 'partner', 'partnerids', 'partneraccount', 'partneraccounts', 'partnerid'],
  touches: ['touches', 'partnertouches'],
  coverage: ['coverage'],
  fit: ['fit'],
  synergy: ['synergy'],
  psat: ['psat', 'partnersatisfaction'],
  cltv: ['cltv', 'ltv', 'lifetimevalue', 'customerlifetimevalue'],
  cac: ['cac', 'acquisitioncost', 'customeracquisitioncost'],
  currency: ['currency', 'opportunitycurrency', 'currencycode', 'dealcurrency'],
};

/** The columns a history needs (any one of a list), and what to say when the file has none: the header to add, explained. */
const NEEDED: [Field | Field[], string][] = [
  ['id', 'No column for the deal id: add a column named id (each deal’s own id; Opportunity ID or Record ID work too).'],
  ['closedAt', 'No column for the close date: add a column named closedAt (the date the deal closed, such as 2025-03-31; Close Date works too).'],
  [['won', 'stage'], 'No column says whether a deal was won: add a column named won (won or lost, yes or no; a Stage column with Closed Won / Closed Lost works too).'],
  ['value', 'No column for the deal amount: add a column named value (what the deal was worth, such as 120000; Amount works too).'],
  [['cycleDays', 'created'], 'No column for the sales cycle: add a column named cycleDays (how many days the deal took to close; Age, Days to close or a Created Date work too).'],
];

/** Why JSON text could not be parsed, in words: where it ends too early or stops making sense. */
function jsonProblem(text: string, message: string): string {
  if (!text.trim()) return 'This file is empty: choose the file with your deal history.';
  const at = /line (\d+) column (\d+)/.exec(message);
  const where = at ? ` at line ${at[1]}, column ${at[2]}` : '';
  return /end of (JSON )?(input|data)|unterminated|EOF/i.test(message)
    ? 'This JSON file is not complete (it ends too early): export the deal history again, or import a CSV file.'
    : `This JSON file cannot be read: something is out of place${where}. Export the deal history again, or import a CSV file.`;
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const WON = /^(true|yes|y|1|won|closedwon|closed won|win)$/i;
const LOST = /^(false|no|n|0|lost|closedlost|closed lost|loss)$/i;

/** Reads JSON text: `{history, currency?}` or a list of deals; the engine checks each deal. */
export function historyFromJson(text: string): HistoryRead {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { throw new Error(jsonProblem(text, (e as Error).message)); }
  const list = Array.isArray(v) ? v : (v as { history?: unknown })?.history;
  if (!Array.isArray(list)) throw new Error('This JSON file holds no deal history (a list of closed deals): import a CSV export of your closed deals instead.');
  const currency = (v as { currency?: unknown })?.currency;
  return { deals: list as HistoryDeal[], problems: [], ignored: [], columns: {}, currency: typeof currency === 'string' ? currency : undefined };
}

/** Reads a CSV export; `dayOrder` decides "03/04/2025" when the column itself does not ("dmy" or "mdy"). */
export function historyFromCsv(papa: typeof Papa, text: string, dayOrder: 'dmy' | 'mdy' = 'mdy'): HistoryRead {
  const p = parseCsv(papa, text);
  const semicolons = (text.split('\n', 1)[0].match(/;/g)?.length ?? 0) > (text.split('\n', 1)[0].match(/,/g)?.length ?? 0);
  const col = new Map<Field, number>();
  const ignored: string[] = [];
  p.header.forEach((hd, i) => {
    const f = (Object.keys(ALIASES) as Field[]).find((x) => ALIASES[x].includes(key(hd)));
    if (f && !col.has(f)) col.set(f, i); else ignored.push(hd);
  });
  const { file, rows: syntax } = problemsByLine(p);
  const problems: Problem[] = [...file];
  const few = tooFewColumns(p);
  if (few) problems.push(few);
  for (const [f, say] of NEEDED) if (![f].flat().some((x) => col.has(x))) problems.push({ line: 1, reason: say });
  if (problems.length) return { deals: [], problems, ignored, columns: {} };
  const cell = (cells: string[], f: Field) => (col.has(f) ? (cells[col.get(f)!] ?? '').trim() : '');
  const order = dateOrder(p.rows.flatMap((r) => [cell(r.cells, 'closedAt'), cell(r.cells, 'created')]), dayOrder);
  const deals: HistoryDeal[] = [];
  let currency: string | undefined;
  for (const { line, cells } of p.rows) {
    if (syntax.has(line)) { problems.push({ line, reason: syntax.get(line)!.join('; ') }); continue; }
    const why: string[] = [];
    const get = (f: Field) => cell(cells, f);
    const closedAt = isoDate(get('closedAt'), order);
    if (!closedAt) why.push(`close date “${get('closedAt')}” is not a date such as 2025-03-31`);
    const outcome = col.has('won') ? get('won') : get('stage');
    const won = WON.test(outcome) || /closed\s*won|^won$/i.test(outcome) ? true : LOST.test(outcome) || /closed\s*lost|^lost$/i.test(outcome) ? false : null;
    if (won === null) why.push(`“${outcome}” is not won or lost (write won/lost, yes/no or Closed Won/Closed Lost); open deals are left out`);
    const amount = parseAmount(get('value'));
    if (!amount.ok) why.push(`value: ${amount.message}`);
    let cycle = parseNumber(get('cycleDays'));
    if (!Number.isFinite(cycle) && col.has('created') && closedAt) {
      const opened = isoDate(get('created'), order);
      if (opened) cycle = (Date.parse(closedAt) - Date.parse(opened)) / 86400000;
    }
    if (!Number.isFinite(cycle) || cycle < 0) why.push(`sales cycle “${get('cycleDays') || get('created')}” is not a number of days`);
    const id = get('id');
    if (!id) why.push('the id is empty');
    if (why.length) { problems.push({ line, reason: why.join('; ') }); continue; }
    const deal: HistoryDeal = { id, closedAt: closedAt!, won: won!, value: (amount as { value: string }).value, cycleDays: Math.round(cycle), partners: partnersOf(get('partners')) };
    for (const f of ['touches', 'coverage', 'fit', 'synergy', 'psat'] as const) {
      const x = get(f);
      if (!x) continue;
      const n = parseNumber(x, semicolons);
      if (Number.isFinite(n)) deal[f] = f === 'touches' ? Math.round(n) : n;
      else why.push(`${f} “${x}” is not a number`);
    }
    for (const f of ['cltv', 'cac'] as const) {
      const x = get(f);
      if (!x) continue;
      const a = parseAmount(x);
      if (a.ok) deal[f] = a.value; else why.push(`${f}: ${a.message}`);
    }
    if (why.length) { problems.push({ line, reason: why.join('; ') }); continue; }
    currency ??= get('currency') || undefined;
    deals.push(deal);
  }
  const columns = Object.fromEntries([...col].map(([f, i]) => [f, p.header[i]]));
  return { deals, problems: problems.sort((a, b) => a.line - b.line), ignored, columns, currency };
}

/** "p1:influence; p2" → [{id: p1, role: influence}, {id: p2, role: partner}]. */
function partnersOf(text: string): HistoryDeal['partners'] {
  return text.split(/[;|,]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const [id, role] = s.split(':').map((x) => x.trim());
    return { id, role: role || 'partner' };
  });
}

/** Day-first or month-first, judged from the whole column ("31/01" can only be day-first). */
function dateOrder(values: string[], fallback: 'dmy' | 'mdy'): 'dmy' | 'mdy' {
  for (const v of values) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return fallback;
}

/** A date as YYYY-MM-DD, or null. */
function isoDate(v: string, order: 'dmy' | 'mdy'): string | null {
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(v))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    y = Number(m[3].length === 2 ? `20${m[3]}` : m[3]);
    // dots are always day-first (31.01.2025)
    [d, mo] = order === 'dmy' || v.includes('.') ? [a, b] : [b, a];
  } else return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/**
 * A made-up history to try the screen with, over the first partners of `ids`: seeded, so the
 * same every time, and said to be made up wherever it is shown. Better-covered teams and
 * teams of two win more often, so the win model has something to find.
 */
export function exampleHistory(ids: string[], deals = 160, seed = 7): HistoryDeal[] {
  let s = seed >>> 0;
  const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const pool = ids.slice(0, 12);
  const roles = ['sourcing', 'fulfilment', 'influence'];
  const out: HistoryDeal[] = [];
  const start = Date.UTC(2024, 0, 8);
  for (let i = 0; i < deals; i++) {
    const size = pool.length ? [0, 1, 1, 2, 2, 3][Math.floor(rnd() * 6)] : 0;
    const members = [...new Set(Array.from({ length: size }, () => pool[Math.floor(rnd() * pool.length)]))];
    const coverage = Math.round((0.25 + 0.2 * members.length + rnd() * 0.35) * 1000) / 1000;
    const z = -2.2 + 2.6 * Math.min(1, coverage) + 0.35 * members.length + (rnd() - 0.5);
    const won = rnd() < 1 / (1 + Math.exp(-z));
    const value = (40 + Math.floor(rnd() * 360) + 60 * members.length) * 1000;
    out.push({
      id: `deal-${String(i + 1).padStart(3, '0')}`,
      closedAt: new Date(start + i * 4.5 * 86400000).toISOString().slice(0, 10),
      won, value: `${value}.00`,
      cycleDays: Math.round(150 - 18 * members.length + rnd() * 60),
      partners: members.map((id, j) => ({ id, role: roles[j % roles.length] })),
      coverage: Math.min(1, coverage),
    });
  }
  return out;
}
