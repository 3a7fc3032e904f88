// The account lists of the Accounts screen as tables of text, in one place for the page and the
// engine worker: a cell's shared accounts (how each matched, and at "Everything" each side's
// pipeline) and a side's accounts the other does not have. The page shows the first rows; the
// worker, which holds the lists, writes all of them as a CSV file, with the same columns.
import type { SharedAccount } from 'dealteam';
import { money } from './ui/format';

/** "customer" → "customers" (`n` = 1: as it is); other populations as they are. */
/** What a side agrees to show, by sharing level, as the Accounts screen and the private match both name it. */
export const SHARING_NAMES = { counts: 'Numbers only', overlaps: 'Shared accounts', full: 'Everything' } as const;

export const popWords = (p: string, n = 2) => (['customer', 'prospect', 'opportunity'].includes(p) ? (n === 1 ? p : p === 'opportunity' ? 'opportunities' : `${p}s`) : p);

/** A table's column titles and its rows' cells, as text; `num`: the columns of amounts (aligned right on screen). */
export interface TextTable { head: string[]; rows: string[][]; num?: number[] }

/** Whose accounts a cell's table shows: the pair's names (a, b), whether pipelines show (`full`), their currency. */
export interface SharedOf { a: string; b: string; full: boolean; currency: string }

/** The shared accounts `rows` of a cell of pair `of`. */
export function sharedTable(rows: SharedAccount[], of: SharedOf): TextTable {
  const how = (s: SharedAccount) => (s.matchedBy === 'domain' ? `same web domain (${s.key})` : `same company name (“${s.key}”)`);
  const pipeline = (v: string | null | undefined) => (v ? money(v, of.currency) : '—');
  return {
    head: [`Company (${of.a}’s name)`, `${of.a}’s account`, `${of.b}’s account`, 'How they matched', ...(of.full ? [`${of.a}’s pipeline`, `${of.b}’s pipeline`] : [])],
    rows: rows.map((s) => [s.name, s.a, s.b, how(s), ...(of.full ? [pipeline(s.aValue), pipeline(s.bValue)] : [])]),
    num: of.full ? [4, 5] : [],
  };
}

/** An account of one side that the other side does not have. */
export interface NewAccount { account: string; name: string; status: string }

/** `mine`'s accounts `rows` that the other side does not have. */
export function newTable(rows: NewAccount[], mine: string): TextTable {
  return { head: ['Company', `${mine}’s account`, 'Relationship'], rows: rows.map((x) => [x.name, x.account, popWords(x.status, 1)]) };
}
