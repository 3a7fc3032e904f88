// A deal history file read in the worker: CSV (our columns or a CRM export) or JSON. Partners
// named in it by their name (as CRM exports do) get the ecosystem's id for that name.
import type { HistoryDeal } from 'dealteam';
import { historyFromCsv, historyFromJson, type HistoryRead } from '../history';
import { current, indexOf } from './ecosystem';
import { fail, textOf } from './engine';

export async function readHistory({ file, name, dayOrder }: { file: Blob | string; name: string; dayOrder: 'dmy' | 'mdy' }): Promise<HistoryRead> {
  const text = await textOf(file);
  const head = text.trimStart();
  let read: HistoryRead;
  if (/\.json$/i.test(name) || head.startsWith('{') || head.startsWith('[')) {
    try { read = historyFromJson(text); } catch (e) { throw fail('invalid_value', (e as Error).message); }
  } else {
    const Papa = (await import('papaparse')).default;
    read = historyFromCsv(Papa, text, dayOrder);
  }
  read.deals = resolveNames(read.deals);
  return read;
}

/** Partner references that are no id but a partner's name (any case) become that partner's id. */
function resolveNames(deals: HistoryDeal[]): HistoryDeal[] {
  const eco = current;
  if (!eco) return deals;
  let byName: Map<string, string> | null = null;
  for (const d of deals) {
    for (const p of d.partners ?? []) {
      if (typeof p?.id !== 'string' || indexOf(p.id) !== undefined) continue;
      if (!byName) {
        const ids = eco.handle.ids();
        byName = new Map(eco.handle.names().map((name, i) => [name.toLowerCase(), ids[i]]));
      }
      const id = byName.get(p.id.toLowerCase());
      if (id) p.id = id;
    }
  }
  return deals;
}
