// CSV import logic without any DOM, shared by the engine worker (which parses and maps the
// file off the main thread) and the unit tests: parse with line numbers, guess each column's
// meaning, turn mapped rows into partners and report every row with a problem.
import type Papa from 'papaparse';
import type { Partner } from './engine/types';
import { parseAmount, parseNumber } from './amount';

export const TARGETS = ['ignore', 'id', 'name', 'kind', 'tier', 'regions', 'industries', 'certifications', 'accounts', 'costToServe', 'capability', 'metric'] as const;
export type Target = (typeof TARGETS)[number];

export interface Parsed { header: string[]; rows: { line: number; cells: string[] }[]; problems: Problem[]; delimiter?: string }
/** A problem of a row (its first line), or of the whole file (`line` 1: the header line). */
export interface Problem { line: number; reason: string }
export interface Mapping { target: Target; key: string }

/** Control characters other than tab and line breaks: they show as boxes, so the page writes them out. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text as it can be shown: control characters written as \u0000, not as boxes. */
export const printable = (s: string): string => s.replace(new RegExp(CONTROL, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Parses CSV text, keeping each record's first line number (1-based, header = line 1). Syntax
 * problems are said in words; problems of the header line are the whole file's (line 1).
 */
export function parseCsv(papa: typeof Papa, text: string): Parsed {
  const rows: { line: number; cells: string[] }[] = [];
  const problems: Problem[] = [];
  let header: string[] | null = null;
  let offset = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = offset; i < to && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    offset = to;
  };
  let delimiter: string | undefined;
  papa.parse<string[]>(text, {
    // papaparse skips empty lines when it guesses the separator too: a last empty line would
    // keep it from seeing that "a;b\n1;2\n" is separated by ";"
    skipEmptyLines: true,
    step: (res) => {
      delimiter ??= res.meta.delimiter;
      // skip leading newlines so `line` names the line where this record starts
      while (offset < text.length && (text[offset] === '\n' || text[offset] === '\r')) advance(offset + 1);
      const start = line;
      const from = offset;
      const lineAt = (at: number) => start + (text.slice(from, Math.max(from, at)).match(/\n/g)?.length ?? 0);
      advance(res.meta.cursor);
      const cells = res.data;
      if (cells.length === 1 && cells[0].trim() === '') return;
      const end = lineAt(from + text.slice(from, res.meta.cursor).trimEnd().length);
      for (const e of res.errors) {
        const reason = csvError(e, (at) => lineAt(at >= from && at <= res.meta.cursor ? at : from), end);
        if (reason) problems.push({ line: header ? start : 1, reason });
      }
      if (!header) {
        header = cells.map((c) => c.trim());
        const odd = header.find((c) => CONTROL.test(c));
        if (odd !== undefined) problems.push({ line: 1, reason: `The first line, “${printable(odd)}”, holds unreadable characters (each \\u… is one): this may not be a CSV file. Save it from your spreadsheet as “CSV UTF-8” and choose it again.` });
      } else rows.push({ line: start, cells });
    },
  });
  return { header: header ?? [], rows, problems, delimiter };
}

/** A papaparse error in words (null: none to report); `lineAt` gives the line of a position in the text, `end` the record's last line. */
function csvError(e: Papa.ParseError, lineAt: (at: number) => number, end: number): string | null {
  switch (e.code) {
    // a file of one column: its reader says which columns are missing
    case 'UndetectableDelimiter': return null;
    case 'MissingQuotes': {
      const at = lineAt((e.index ?? 0) - 1);
      return `a quote (") opened on line ${at} is never closed, so ${end > at ? `lines ${at}–${end} were` : 'the rest of the line was'} read as one value: add the closing quote, or remove the opening one`;
    }
    case 'InvalidQuotes': return 'a value in quotes (") goes on after its closing quote: to put a quote inside a quoted value, write it twice ("")';
    default: return 'this line could not be read: check its quotes (") and that its values are separated by “,” or “;”';
  }
}

/** The problem of a file with fewer than two columns (null: it has two or more). */
export function tooFewColumns(p: Parsed): Problem | null {
  if (p.header.length > 1) return null;
  return { line: 1, reason: p.header.length
    ? `Only one column was found, named “${printable(p.header[0])}”: the first line must name each column, separated by “,” or “;”.`
    : 'The file is empty: choose the CSV file again.' };
}

/** A parse's row problems by line (`why` per row), and those of the whole file (line 1). */
export function problemsByLine(p: Parsed): { file: Problem[]; rows: Map<number, string[]> } {
  const rows = new Map<number, string[]>();
  const file: Problem[] = [];
  for (const x of p.problems) {
    if (x.line <= 1) file.push(x);
    else rows.set(x.line, [...(rows.get(x.line) ?? []), x.reason]);
  }
  return { file, rows };
}

/** Guesses the meaning of a column from its header. */
export function guess(header: string, sample: string[]): Mapping {
  const hd = header.trim();
  const low = hd.toLowerCase();
  // ours, then the standard columns of Salesforce account and HubSpot company exports
  const direct: Record<string, Target> = { id: 'id', name: 'name', kind: 'kind', type: 'kind', tier: 'tier', regions: 'regions', region: 'regions', industries: 'industries', industry: 'industries', certifications: 'certifications', accounts: 'accounts', costtoserve: 'costToServe',
    accountid: 'id', recordid: 'id', companyid: 'id', partnerid: 'id', accountname: 'name', companyname: 'name', partnername: 'name', accounttype: 'kind', partnertype: 'kind', partnertier: 'tier', partnerlevel: 'tier', partnerstatus: 'tier',
    billingcountry: 'regions', countryregion: 'regions', country: 'regions', salesregion: 'regions', partnerregion: 'regions', certificationsheld: 'certifications' };
  if (direct[low.replace(/[^a-z]/g, '')]) return { target: direct[low.replace(/[^a-z]/g, '')], key: '' };
  const cap = /^(cap|capability|capabilities)[._:\s-](.+)$/i.exec(hd);
  if (cap) return { target: 'capability', key: cap[2] };
  const met = /^(metric|metrics)[._:\s-](.+)$/i.exec(hd);
  if (met) return { target: 'metric', key: met[2] };
  // a number column even when a value or two is not a number (those rows are then reported, not the column dropped)
  const filled = sample.filter((v) => v.trim() !== '');
  if (filled.length && filled.filter((v) => Number.isFinite(parseNumber(v))).length >= Math.max(1, Math.ceil(filled.length * 0.8))) return { target: 'metric', key: hd };
  return { target: 'ignore', key: '' };
}

/** How a row problem names the value of a column mapped to these. */
const TARGET_WORDS: Partial<Record<Target, string>> = { id: 'id', name: 'name', kind: 'kind' };

const list = (v: string) => v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** Turns mapped rows into partners; each row with a problem is reported once, and not imported. */
export function toPartners(p: Parsed, map: Mapping[], tiers: string[]): { partners: Partner[]; lines: number[]; problems: Problem[] } {
  const partners: Partner[] = [];
  const lines: number[] = [];
  const { file, rows: syntax } = problemsByLine(p);
  const problems: Problem[] = [...file];
  const seen = new Map<string, number>();
  const hasId = map.some((m) => m.target === 'id');
  const hasName = map.some((m) => m.target === 'name');
  const few = tooFewColumns(p);
  if (few) problems.push(few);
  else {
    if (!hasId) problems.push({ line: 1, reason: 'No column is set to “id”: under Columns, choose “id” for the column that holds each partner’s own id (add such a column to the file if it has none).' });
    if (!hasName) problems.push({ line: 1, reason: 'No column is set to “name”: under Columns, choose “name” for the column that holds the partner’s name.' });
  }
  for (const { line, cells } of p.rows) {
    const why: string[] = [...(syntax.get(line) ?? [])];
    // a quote left open already explains a wrong count of values
    if (!why.length && cells.length !== p.header.length) why.push(`has ${cells.length} values but the first line names ${p.header.length} columns: check for a missing or extra “${p.delimiter ?? ','}”`);
    const q: Partner = { id: '', name: '', kind: '' };
    map.forEach((m, i) => {
      const raw = (cells[i] ?? '').trim();
      const col = p.header[i];
      if (m.target === 'ignore') return;
      if (CONTROL.test(raw)) { why.push(`the ${TARGET_WORDS[m.target] ?? `column “${printable(col)}”`} “${printable(raw)}” holds unreadable characters (shown as \\u…): correct it in the file`); return; }
      switch (m.target) {
        case 'id': case 'name': case 'kind': q[m.target] = raw; return;
        case 'tier':
          if (!raw) return;
          if (tiers.length && !tiers.includes(raw)) why.push(`tier "${raw}" is not one of ${tiers.join(', ')}`);
          q.tier = raw; return;
        case 'regions': case 'industries': case 'certifications': case 'accounts':
          if (raw) q[m.target] = list(raw); return;
        case 'costToServe':
          if (!raw) return;
          { const a = parseAmount(raw); if (a.ok) q.costToServe = a.value; else why.push(`cost to serve: ${a.message}`); }
          return;
        case 'capability': case 'metric': {
          if (!raw) return;
          const v = parseNumber(raw, p.delimiter === ';');
          const key = m.key || col;
          if (!Number.isFinite(v)) { why.push(`${m.target} "${key}" is "${raw}", not a number`); return; }
          if (m.target === 'capability') {
            if (v < 0 || v > 1) why.push(`capability "${key}" is ${raw}; it must be between 0 and 1`);
            (q.capabilities ??= {})[key] = v;
          } else (q.metrics ??= {})[key] = v;
        }
      }
    });
    // without an id or a name column no row can be imported, which the file's problem says
    if (!q.id && hasId && !why.some((w) => w.startsWith('the id '))) why.push('the id is empty');
    else if (seen.has(q.id)) why.push(`the id "${q.id}" is already used on line ${seen.get(q.id)}`);
    if (!q.name && hasName && !why.some((w) => w.startsWith('the name '))) why.push('the name is empty');
    if (!q.kind) q.kind = 'partner';
    if (why.length) { problems.push({ line, reason: why.join('; ') }); continue; }
    if (!hasId || !hasName) continue;
    seen.set(q.id, line);
    partners.push(q);
    lines.push(line);
  }
  problems.sort((a, b) => a.line - b.line);
  return { partners, lines, problems };
}


