// The Partners screen: every partner of the workspace in a windowed table, with a text search
// and filters by kind, tier and region.
import type { App } from '../app';
import type { Partner } from '../engine/types';
import { clear, field, h } from './dom';
import { VTable } from './vtable';

export function partnersScreen(app: App): HTMLElement {
  const q = h('input', { type: 'search', placeholder: 'name or id' });
  const kind = h('select');
  const tier = h('select');
  const region = h('select');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  let rows: Partner[] = [];
  const caps = (p: Partner) => Object.entries(p.capabilities ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const table = new VTable([
    { label: 'Name', width: '2fr', cell: (r) => rows[r].name },
    { label: 'Id', cell: (r) => rows[r].id },
    { label: 'Kind', cell: (r) => rows[r].kind },
    { label: 'Tier', cell: (r) => rows[r].tier ?? '—' },
    { label: 'Regions', cell: (r) => (rows[r].regions ?? []).join(', ') },
    { label: 'Top capabilities', width: '2fr', cell: (r) => caps(rows[r]) },
  ], 'Partners');

  const fill = (sel: HTMLSelectElement, label: string, values: string[]) => {
    clear(sel, h('option', { value: '' }, `any ${label}`), values.map((v) => h('option', { value: v }, v)));
  };

  const apply = () => {
    const all = app.eco?.partners ?? [];
    const text = q.value.trim().toLowerCase();
    const k = kind.value, t = tier.value, g = region.value;
    // no filter: the list itself (no copy of 100k rows on every refresh)
    rows = !text && !k && !t && !g ? all : all.filter((p) =>
      (!text || p.name.toLowerCase().includes(text) || p.id.toLowerCase().includes(text)) &&
      (!k || p.kind === k) && (!t || p.tier === t) && (!g || (p.regions ?? []).includes(g)));
    count.textContent = `${rows.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} partners`;
    table.scrollTop();
    table.setCount(rows.length);
  };

  const refresh = () => {
    // the filter lists come with the ecosystem (counted in the worker for imported data)
    const f = app.facets;
    fill(kind, 'kind', f.kinds);
    fill(tier, 'tier', app.eco?.tiers ?? f.tiers);
    fill(region, 'region', f.regions);
    apply();
  };
  for (const el of [q, kind, tier, region]) el.addEventListener('input', apply);
  app.on('ecosystem', refresh);

  return h('section', { class: 'screen', 'aria-labelledby': 'h-partners' },
    h('h2', { id: 'h-partners' }, 'Partners'),
    h('div', { class: 'filters' }, field('Search', q), field('Kind', kind), field('Tier', tier), field('Region', region)),
    count,
    table.el);
}
