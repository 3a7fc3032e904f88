// The Partners screen: every partner of the workspace in a windowed table, with a text search
// and filters by kind, tier and region.
import type { App, Shown } from '../app';
import type { Partner } from '../engine/types';
import { clear, field, h } from './dom';
import { keyLabel, kindName } from './format';
import { capabilityLabels } from './criteria';
import { VTable } from './vtable';
import { fileButton } from './exports';
import { csvOf } from '../csv-write';

export function partnersScreen(app: App): HTMLElement {
  const q = h('input', { type: 'search', placeholder: 'Name or id' });
  const kind = h('select');
  const tier = h('select');
  const region = h('select');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  /** the rows shown: indices into the partners matching the filters, or null for all of them */
  let match: Int32Array | null = null;
  const at = (r: number) => match ? match[r] : r;
  const row = (r: number): Partner => app.eco!.partners[at(r)];
  /** partner indices of rows drawn without their text: asked of the worker once the table is drawn */
  let missing: number[] = [];
  const text = (r: number, of: keyof Shown) => {
    const v = app.shown[of][at(r)];
    if (v !== undefined) return v;
    if (!missing.length) queueMicrotask(askMissing);
    missing.push(at(r));
    return '…';
  };
  /** The engine's "cloud 80%, ai 71%" with each capability's key as a label: "Cloud 80%, AI 71%". */
  const capabilities = (r: number) => {
    const t = text(r, 'capabilities');
    return t === '…' ? t : capabilityLabels(t);
  };
  const askMissing = () => {
    const ask = missing;
    missing = [];
    void app.want(ask).then((arrived) => { if (arrived) table.render(); }, () => undefined);
  };
  // people read names: the id is not a column (the search still finds a partner by it, and the
  // CSV keeps it, to match the rows with other data)
  const table = new VTable([
    { label: 'Name', width: '1.5fr', min: 9, keep: true, cell: (r) => row(r).name },
    { label: 'Kind', min: 8.5, cell: (r) => kindName(row(r).kind) },
    { label: 'Tier', min: 5, cell: (r) => keyLabel(row(r).tier) || '—' },
    { label: 'Regions', min: 7, cell: (r) => text(r, 'regions') },
    { label: 'Top capabilities', width: '2.5fr', min: 14, cell: capabilities },
  ], 'Partners');

  const fill = (sel: HTMLSelectElement, label: string, values: string[], say: (v: string) => string = (v) => v) => {
    clear(sel, h('option', { value: '' }, `any ${label}`), values.map((v) => h('option', { value: v }, say(v))));
  };

  let seq = 0;
  /** Filters in the worker (100k partners would take the page's main thread too long). */
  const apply = async () => {
    const all = app.eco?.partners.length ?? 0;
    const text = q.value.trim();
    const filter = { text, kind: kind.value, tier: tier.value, region: region.value };
    const mine = ++seq;
    let found: Int32Array | null = null;
    if (text || filter.kind || filter.tier || filter.region) {
      try { found = await app.engine.call('filterPartners', filter); } catch { return; }
      if (mine !== seq) return;
    }
    match = found;
    const n = match ? match.length : all;
    const filtered = filter.kind || filter.tier || filter.region;
    count.textContent = n > 0 || all === 0 ? `${n.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} partners`
      : `No partner matches${text ? ` “${text}”` : ''}${filtered ? ' with these filters' : ''}. Change the search${filtered ? ' or set a filter back to “any”' : ''}.`;
    // nothing found: no empty table and no download of it, a way back instead
    const none = n === 0 && all > 0;
    table.el.hidden = none;
    csv.hidden = none;
    clearAll.hidden = !none;
    table.scrollTop();
    table.setCount(n);
  };

  const refresh = () => {
    // the filter lists come with the ecosystem (counted in the worker for imported data)
    const f = app.facets;
    fill(kind, 'kind', f.kinds, kindName);
    fill(tier, 'tier', app.eco?.tiers ?? f.tiers, keyLabel);
    fill(region, 'region', f.regions);
    match = null;
    void apply();
  };
  for (const el of [q, kind, tier, region]) el.addEventListener('input', () => void apply());
  app.on('ecosystem', refresh);

  const csv = fileButton('Partners', async () => {
    // every row's text first (the worker writes what the page has not shown yet)
    const mine = seq;
    const n = match ? match.length : app.eco?.partners.length ?? 0;
    const rows = Array.from({ length: n }, (_, r) => at(r));
    await app.want(rows);
    if (mine !== seq || rows.some((i) => app.shown.regions[i] === undefined)) return null;
    // the table's text, with each partner's id after its name
    const [head, ...body] = table.rows();
    const lines = [[head[0], 'Id', ...head.slice(1)], ...body.map((cells, r) => [cells[0], row(r).id, ...cells.slice(1)])];
    return new Blob([csvOf(lines)], { type: 'text/csv' });
  }, 'The list changed meanwhile; try again.');
  const clearAll = h('button', { type: 'button', hidden: true, onclick: () => {
    q.value = '';
    for (const sel of [kind, tier, region]) sel.value = '';
    void apply();
    q.focus();
  } }, 'Clear the search and filters');
  return h('section', { class: 'screen', 'aria-labelledby': 'h-partners' },
    h('h2', { id: 'h-partners' }, 'Partners'),
    h('div', { class: 'filters' }, field('Search', q), field('Kind', kind), field('Tier', tier), field('Region', region)),
    count, clearAll,
    table.el, csv);
}
