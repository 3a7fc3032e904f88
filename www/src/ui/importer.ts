// Importing partners: CSV (Papa Parse) with a column-mapping step, a preview and every bad
// row reported with its line number and reason; or JSON (an ecosystem, a partner list or a
// whole workspace). Rows with problems are listed and left out — never dropped silently.
import type Papa from 'papaparse';
import { loadPapa } from './lazy';
import type { Ecosystem, Partner } from '../engine/types';
import { clear, field, h } from './dom';

export const TARGETS = ['ignore', 'id', 'name', 'kind', 'tier', 'regions', 'industries', 'certifications', 'accounts', 'costToServe', 'capability', 'metric'] as const;
export type Target = (typeof TARGETS)[number];

export interface Parsed { header: string[]; rows: { line: number; cells: string[] }[]; problems: Problem[] }
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
  papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (res) => {
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
  return { header: header ?? [], rows, problems };
}

/** Guesses the meaning of a column from its header. */
export function guess(header: string, sample: string[]): Mapping {
  const hd = header.trim();
  const low = hd.toLowerCase();
  const direct: Record<string, Target> = { id: 'id', name: 'name', kind: 'kind', type: 'kind', tier: 'tier', regions: 'regions', region: 'regions', industries: 'industries', industry: 'industries', certifications: 'certifications', accounts: 'accounts', costtoserve: 'costToServe' };
  if (direct[low.replace(/[^a-z]/g, '')]) return { target: direct[low.replace(/[^a-z]/g, '')], key: '' };
  const cap = /^(cap|capability|capabilities)[._:\s-](.+)$/i.exec(hd);
  if (cap) return { target: 'capability', key: cap[2] };
  const met = /^(metric|metrics)[._:\s-](.+)$/i.exec(hd);
  if (met) return { target: 'metric', key: met[2] };
  if (sample.length && sample.every((v) => v.trim() === '' || Number.isFinite(Number(v)))) return { target: 'metric', key: hd };
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
          if (!/^-?\d+(\.\d+)?$/.test(raw)) why.push(`costToServe "${raw}" is not a decimal amount such as 1200.50`);
          q.costToServe = raw; return;
        case 'capability': case 'metric': {
          if (!raw) return;
          const v = Number(raw);
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

/** The import panel. `done` receives the new ecosystem and a function mapping a partner index back to its CSV line. */
export function importPanel(current: () => Ecosystem | null, done: (eco: Ecosystem, lineOf: (i: number) => number | null) => Promise<string | null>, importJson: (text: string) => Promise<void>): HTMLElement {
  const file = h('input', { type: 'file', accept: '.csv,.json,text/csv,application/json' });
  const area = h('div', { class: 'import-area' });
  const out = h('div', { class: 'import-result', role: 'status', 'aria-live': 'polite' });

  const showCsv = async (text: string) => {
    const parsed = parseCsv(await loadPapa(), text);
    const maps: Mapping[] = parsed.header.map((hd, i) => guess(hd, parsed.rows.slice(0, 20).map((r) => r.cells[i] ?? '')));
    const tiersIn = h('input', { type: 'text', value: (current()?.tiers ?? []).join(', ') });
    const preview = h('div', { class: 'preview' });
    const problemsEl = h('div', { class: 'problems' });
    const go = h('button', { type: 'button', class: 'primary' }, 'Import');
    let result: ReturnType<typeof toPartners>;
    const tierList = () => tiersIn.value.split(',').map((s) => s.trim()).filter(Boolean);
    const update = () => {
      result = toPartners(parsed, maps, tierList());
      const shown = result.partners.slice(0, 8);
      clear(preview, h('h4', {}, 'Preview'), h('table', {},
        h('caption', {}, `First ${shown.length} of ${result.partners.length} partners to import`),
        h('thead', {}, h('tr', {}, ['Line', 'Id', 'Name', 'Kind', 'Tier', 'Capabilities'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, shown.map((p, i) => h('tr', {}, h('td', {}, String(result.lines[i])), h('td', {}, p.id), h('td', {}, p.name), h('td', {}, p.kind), h('td', {}, p.tier ?? ''), h('td', {}, Object.entries(p.capabilities ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')))))));
      clear(problemsEl, result.problems.length
        ? [h('h4', {}, `${result.problems.length} row${result.problems.length === 1 ? '' : 's'} with problems (not imported)`),
           h('ul', { class: 'bad-rows' }, result.problems.map((p) => h('li', {}, `Line ${p.line}: ${p.reason}`)))]
        : h('p', {}, 'No problems found.'));
      go.textContent = `Import ${result.partners.length} partners`;
      go.toggleAttribute('disabled', result.partners.length === 0);
    };
    const mapping = h('div', { class: 'mapping' }, h('h4', {}, 'Columns'), parsed.header.map((hd, i) => {
      const sel = h('select', { 'aria-label': `Column "${hd}" means` }, TARGETS.map((t) => h('option', { value: t }, t)));
      sel.value = maps[i].target;
      const key = h('input', { type: 'text', value: maps[i].key || hd, 'aria-label': `Key for column "${hd}"` });
      sel.addEventListener('change', () => { maps[i] = { target: sel.value as Target, key: key.value }; update(); });
      key.addEventListener('input', () => { maps[i].key = key.value; update(); });
      return h('div', { class: 'map-row' }, h('span', { class: 'col-name' }, hd), sel, key);
    }));
    go.addEventListener('click', async () => {
      const lines = result.lines;
      const eco: Ecosystem = { ...(current() ?? {}), tiers: tierList().length ? tierList() : undefined, partners: result.partners, relationships: [] };
      if (!eco.tiers) delete eco.tiers;
      const msg = await done(eco, (i) => lines[i] ?? null);
      out.textContent = msg ?? `Imported ${result.partners.length} partners${result.problems.length ? `; ${result.problems.length} rows with problems were not imported` : ''}.`;
    });
    clear(area, mapping, field('Tiers, lowest first (comma-separated)', tiersIn), problemsEl, preview, go);
    tiersIn.addEventListener('input', update);
    update();
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    const text = await f.text();
    out.textContent = '';
    if (/\.json$/i.test(f.name) || text.trimStart().startsWith('{') || text.trimStart().startsWith('[')) {
      clear(area);
      try { await importJson(text); out.textContent = `Imported ${f.name}.`; } catch (e) { out.textContent = `Could not import ${f.name}: ${e instanceof Error ? e.message : String(e)}`; }
    } else await showCsv(text);
  });

  return h('details', { class: 'panel import' },
    h('summary', {}, 'Import partners (CSV or JSON)'),
    h('p', {}, 'CSV: one partner per row with a header line. Lists (regions, industries, …) are separated by ";". Columns named cap_<key> become capabilities (0–1), other number columns metrics.'),
    field('File', file), area, out);
}
