// CSV import in the worker: parse the file, guess the columns, map the rows to partners on
// every mapping change, and import — the page only sees the header, a preview and the problems.
import type { CsvMapped, CsvOpened, EcoMeta } from '../engine/protocol';
import type { Ecosystem } from '../engine/types';
import { guess, parseCsv, toPartners, type Mapping, type Parsed } from '../csv';
import { current, loadObject } from './ecosystem';
import { textOf } from './engine';

let parsed: Parsed | null = null;
let mapped: ReturnType<typeof toPartners> | null = null;
const SHOWN_PROBLEMS = 500;

export async function csvOpen(file: Blob | string): Promise<CsvOpened> {
  const text = await textOf(file);
  const Papa = (await import('papaparse')).default;
  parsed = parseCsv(Papa, text);
  mapped = null;
  const p = parsed;
  const maps = p.header.map((hd, i) => guess(hd, p.rows.slice(0, 20).map((r) => r.cells[i] ?? '')));
  return { header: p.header, maps, rows: p.rows.length, tiers: current?.summary.tiers ?? [] };
}

export function csvMap(maps: Mapping[], tiers: string[]): CsvMapped {
  if (!parsed) throw { code: 'invalid_value', path: '', message: 'Choose a CSV file first.' };
  mapped = toPartners(parsed, maps, tiers);
  const n = Math.min(8, mapped.partners.length);
  return {
    count: mapped.partners.length,
    preview: mapped.partners.slice(0, n).map((p, i) => ({ line: mapped!.lines[i], partner: p })),
    problems: mapped.problems.slice(0, SHOWN_PROBLEMS),
    problemCount: mapped.problems.length,
  };
}

/** Imports the mapped partners; an engine error names the CSV line it comes from. */
export function csvImport(tiers: string[]): EcoMeta {
  if (!mapped) throw { code: 'invalid_value', path: '', message: 'Choose a CSV file first.' };
  const { partners, lines } = mapped;
  // the current ecosystem's currency and tier names stay
  const eco: Ecosystem = { partners, relationships: [] };
  if (current?.summary.currency !== undefined) eco.currency = current.summary.currency;
  if (tiers.length) eco.tiers = tiers;
  try {
    return loadObject(eco);
  } catch (e) {
    const err = e as { path?: string; message?: string; code?: string };
    const m = /^(?:ecosystem\.)?partners\[(\d+)\]/.exec(err.path ?? '');
    const line = m ? lines[Number(m[1])] : undefined;
    throw { code: err.code ?? 'invalid_value', path: err.path ?? '', message: `Not imported: ${line ? `line ${line}: ` : ''}${err.message ?? String(e)}` };
  }
}
