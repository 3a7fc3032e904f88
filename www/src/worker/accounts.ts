// Account list files read in the worker (CSV parsing stays off the page's thread), and kept
// here under a key: the page holds what it shows of a list (its counts per population, what
// was assumed or left out) and names lists by key when it maps or privately matches them, so
// no list of accounts crosses between the threads (each map copied every list to the worker
// and its shared accounts back, on the page's thread: a structured clone of 100,000 accounts
// takes 130–280 ms in Node).
import type { AccountMapRequest, AccountMapResponse, AccountRecord, SharedAccount } from 'dealteam';
import { accountsFromCsv, type AccountField, type AccountsHeld } from '../accounts';
import { newTable, sharedTable, type TextTable } from '../account-tables';
import { csvOf } from '../csv-write';
import type { CellFileRequest, CellRequest, CellRows, ListsMapped, MapListsRequest, NewFileRequest, NewRequest, NewRows } from '../engine/protocol';
import { textOf } from './engine';

/** The held lists' accounts by key. */
const held = new Map<string, AccountRecord[]>();
let made = 0;

/** Reads a file's accounts and holds them (under `key`, replacing that list, else a new key). */
export async function readAccounts({ file, fields, key }: { file: Blob | string; fields?: AccountField[]; key?: string }): Promise<AccountsHeld> {
  const text = await textOf(file);
  const Papa = (await import('papaparse')).default;
  const { accounts, ...read } = accountsFromCsv(Papa, text, fields);
  const k = key ?? `accounts-${++made}`;
  held.set(k, accounts);
  const pops: Record<string, number> = {};
  for (const a of accounts) pops[a.status] = (pops[a.status] ?? 0) + 1;
  return { ...read, key: k, count: accounts.length, pops };
}

/** The accounts of held list `key`. */
export function heldAccounts(key: string): AccountRecord[] {
  const a = held.get(key);
  if (!a) throw new Error('This account list is no longer loaded here: load its file again.');
  return a;
}

/** The company names of list `key`'s accounts `ids` (an account without a name is named by its id). */
export function accountNames({ list, ids }: { list: string; ids: string[] }): string[] {
  const names = new Map(heldAccounts(list).map((a) => [a.account, a.name ?? a.account]));
  return ids.map((id) => names.get(id) ?? id);
}

/** Lets list `key` go (removed from the page). */
export function dropAccounts(key: string): null {
  held.delete(key);
  return null;
}

/**
 * The last map's account lists per pair, which the page asks for when it opens them: the shared
 * accounts, and (at `full`) the ids of each side's accounts the other does not have, with the
 * keys of the pair's two lists.
 */
let last: { id: number; shared: (SharedAccount[] | null | undefined)[]; only: [string[], string[]][]; keys: [string, string][] } = { id: 0, shared: [], only: [], keys: [] };

/**
 * The account map of held lists (`map`: the package's `mapAccounts`), without its lists of
 * accounts (shared, and new to each side: tens of thousands each for large lists, which the
 * page would copy on its own thread): they stay here for [`cellRows`] and [`newRows`].
 */
export function mapLists({ lists, currency, ...options }: MapListsRequest, map: (req: AccountMapRequest) => AccountMapResponse): ListsMapped {
  const partners = lists.map((l) => ({ id: l.id, name: l.name, kind: 'partner', accounts: heldAccounts(l.key) }));
  const r = map({ ...options, ecosystem: { currency, partners } } as AccountMapRequest);
  const keyOf = new Map(lists.map((l) => [l.id, l.key]));
  last = {
    id: last.id + 1,
    shared: r.pairs.map((p) => p.accounts),
    only: r.pairs.map((p) => [p.greenfieldAAccounts ?? [], p.greenfieldBAccounts ?? []]),
    keys: r.pairs.map((p) => [keyOf.get(p.a) ?? '', keyOf.get(p.b) ?? '']),
  };
  const pairs = r.pairs.map(({ accounts, greenfieldAAccounts, greenfieldBAccounts: _b, ...p }) => ({ ...p, listed: accounts != null, newListed: greenfieldAAccounts != null }));
  return { ...r, pairs, mapId: last.id };
}

/** The shared accounts of cell (`a`'s population, `b`'s) of pair `pair` of map `mapId`; null: a newer map replaced it. */
function cellAll({ mapId, pair, a, b }: Omit<CellRequest, 'limit'>): SharedAccount[] | null {
  if (mapId !== last.id) return null;
  return (last.shared[pair] ?? []).filter((s) => s.aStatus === a && s.bStatus === b);
}

/** The first `limit` of a cell's shared accounts, with their count. */
export function cellRows(req: CellRequest): CellRows | null {
  const all = cellAll(req);
  return all && { rows: all.slice(0, req.limit), total: all.length };
}

/** All of a cell's shared accounts as a CSV file. */
export function cellFile(req: CellFileRequest): Blob | null {
  const all = cellAll(req);
  return all && csvFile(sharedTable(all, req.of));
}

/**
 * The accounts of pair `pair`'s side `side` that the other side does not have (map `mapId`; null:
 * a newer map replaced it), the first `limit` of them, with their names and populations.
 */
function newOnes({ mapId, pair, side }: Omit<NewRequest, 'limit'>, limit: number): NewRows | null {
  if (mapId !== last.id) return null;
  const at = side === 'a' ? 0 : 1;
  const ids = last.only[pair]?.[at] ?? [];
  const key = last.keys[pair]?.[at];
  const records = key ? heldAccounts(key) : [];
  const first = ids.slice(0, limit);
  const wanted = new Set(first);
  const byId = new Map(records.filter((a) => wanted.has(a.account)).map((a) => [a.account, a]));
  const rows = first.map((id) => ({ account: id, name: byId.get(id)?.name ?? id, status: byId.get(id)?.status ?? '' }));
  return { rows, total: ids.length };
}

/** The first `limit` of a side's accounts the other does not have, with their count. */
export const newRows = (req: NewRequest): NewRows | null => newOnes(req, req.limit);

/** All of a side's accounts the other does not have as a CSV file. */
export function newFile(req: NewFileRequest): Blob | null {
  const got = newOnes(req, Infinity);
  return got && csvFile(newTable(got.rows, req.mine));
}

const csvFile = (t: TextTable) => new Blob([csvOf([t.head, ...t.rows])], { type: 'text/csv' });
