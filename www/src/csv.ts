// CSV import logic without any DOM, shared by the engine worker (which parses and maps the
// file off the main thread) and the unit tests: parse with line numbers, guess each column's
// meaning, turn mapped rows into partners and report every row with a problem.
import type Papa from 'papaparse';
import type { Partner } from './engine/types';
import { parseAmount, parseNumber } from './amount';

export const TARGETS = ['ignore', 'id', 'name', 'kind', 'tier', 'regions', 'industries', 'certifications', 'accounts', 'costToServe', 'capability', 'metric'] as const;
export type Target = (typeof TARGETS)[number];

export interface Parsed { header: string[]; rows: { line: number; cells: string[] }[]; problems: Problem[]; delimiter?: string }
export interface Problem { line: number; reason: string }
export interface Mapping { target: Target; key: string }

/** Parses CSV text, keeping each record's first line number (1-based, header = line 1). */
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
    skipEmptyLines: false,
    step: (res) => {
      delimiter ??= res.meta.delimiter;
      // skip leading newlines so `line` names the line where this record starts
      while (offset < text.length && (text[offset] === '\n' || text[offset] === '\r')) advance(offset + 1);
      const start = line;
      advance(res.meta.cursor);
      const cells = res.data;
      if (cells.length === 1 && cells[0].trim() === '') return;
      for (const e of res.errors) problems.push({ line: start, reason: `CSV: ${e.message}` });
      if (!header) header = cells.map((c) => c.trim());
      else rows.push({ line: start, cells });
    },
  });
  return { header: header ?? [], rows, problems, delimiter };
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

const list = (v: string) => v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** Turns mapped rows into partners; each row with a problem is reported, not imported. */
export function toPartners(p: Parsed, map: Mapping[], tiers: string[]): { partners: Partner[]; lines: number[]; problems: Problem[] } {
  const partners: Partner[] = [];
  const lines: number[] = [];
  const problems: Problem[] = [...p.problems];
  const seen = new Map<string, number>();
  const bad = new Set(problems.map((x) => x.line));
  if (!map.some((m) => m.target === 'id')) problems.push({ line: 1, reason: 'No column is mapped to "id".' });
  if (!map.some((m) => m.target === 'name')) problems.push({ line: 1, reason: 'No column is mapped to "name".' });
  for (const { line, cells } of p.rows) {
    const why: string[] = [];
    if (cells.length !== p.header.length) why.push(`has ${cells.length} fields, the header has ${p.header.length}`);
    const q: Partner = { id: '', name: '', kind: '' };
    map.forEach((m, i) => {
      const raw = (cells[i] ?? '').trim();
      const col = p.header[i];
      switch (m.target) {
        case 'ignore': return;
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
    if (!q.id) why.push('the id is empty');
    else if (seen.has(q.id)) why.push(`the id "${q.id}" is already used on line ${seen.get(q.id)}`);
    if (!q.name) why.push('the name is empty');
    if (!q.kind) q.kind = 'partner';
    if (why.length) { problems.push({ line, reason: why.join('; ') }); continue; }
    if (bad.has(line)) continue;
    seen.set(q.id, line);
    partners.push(q);
    lines.push(line);
  }
  problems.sort((a, b) => a.line - b.line);
  return { partners, lines, problems };
}


