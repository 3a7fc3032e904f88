// Importing partners: CSV (parsed and mapped in the engine worker) with a column-mapping step,
// a preview and every bad row reported with its line number and reason; or JSON (an ecosystem,
// a partner list or a whole workspace). Rows with problems are listed and left out — never
// dropped silently. The page only receives the header, the preview and the problems.
import { openError, type Undoable } from './workspace';
import type { App } from '../app';
import type { CsvMapped, EcoMeta } from '../engine/protocol';
import { printable, TARGETS, type Mapping, type Target } from '../csv';
import { problemLists } from './problems';
import { clear, field, h } from './dom';
import { kindName, percent } from './format';
import { explainError } from './errors';

/** What each column can mean, in words. */
const TARGET_LABELS: Record<Target, string> = {
  ignore: '(not imported)', id: 'id', name: 'name', kind: 'kind of partner', tier: 'tier', regions: 'regions', industries: 'industries',
  certifications: 'certifications', accounts: 'customer accounts', costToServe: 'cost to serve', capability: 'capability (0–1)', metric: 'number (metric)',
};

/**
 * The import panel: `imported` adopts the ecosystem the worker loaded; `openJson` opens a JSON
 * file; `undoable` runs the import so that Undo (in the status line) brings the old partners back.
 */
export function importPanel(app: App, imported: (meta: EcoMeta) => Promise<void>, openJson: (file: Blob) => Promise<void>, undoable: Undoable): HTMLElement {
  const file = h('input', { type: 'file', accept: '.csv,.json,text/csv,application/json' });
  const area = h('div', { class: 'import-area' });
  const out = h('div', { class: 'import-result', role: 'status', 'aria-live': 'polite' });

  const showCsv = async (f: Blob) => {
    out.textContent = 'Reading the file…';
    const opened = await app.engine.call('csvOpen', { file: f });
    out.textContent = '';
    const maps: Mapping[] = opened.maps;
    const tiersIn = h('input', { type: 'text', value: opened.tiers.join(', ') });
    const preview = h('div', { class: 'preview' });
    const problemsEl = h('div', { class: 'problems' });
    const go = h('button', { type: 'button', class: 'primary' }, 'Import');
    const tierList = () => tiersIn.value.split(',').map((s) => s.trim()).filter(Boolean);
    let seq = 0;
    const draw = (r: CsvMapped) => {
      clear(preview, h('h4', {}, 'Preview'), h('table', {},
        h('caption', {}, `First ${r.preview.length} of ${r.count.toLocaleString('en-US')} partners to import`),
        h('thead', {}, h('tr', {}, ['Line', 'Id', 'Name', 'Kind', 'Tier', 'Capabilities'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.preview.map(({ line, partner: p }) => h('tr', {}, h('td', {}, String(line)), h('td', {}, p.id), h('td', {}, p.name), h('td', {}, kindName(p.kind)), h('td', {}, p.tier ?? ''), h('td', {}, Object.entries(p.capabilities ?? {}).map(([k, v]) => `${k} ${percent(v)}`).join(', ')))))));
      // problems of the whole file (line 1, listed first) are no row's: one problem per row follows,
      // the worker sending the first of them and counting all
      const whole = r.problems.filter((p) => p.line <= 1).length;
      const rowCount = r.problemCount - whole;
      const more = rowCount - (r.problems.length - whole);
      clear(problemsEl,
        problemLists(r.problems, { rows: rowCount, shown: Infinity, heading: (n) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'} with problems (not imported)` }),
        more > 0 ? h('p', {}, `… and ${more.toLocaleString('en-US')} more; fix the first ones and import again to see the rest.`) : null,
        r.problemCount ? null : h('p', {}, 'No problems found.'));
      const ignored = opened.header.filter((_, i) => maps[i].target === 'ignore');
      if (ignored.length) problemsEl.prepend(h('p', { class: 'notice' }, `Not imported: the column${ignored.length === 1 ? '' : 's'} ${ignored.map((c) => `“${printable(c)}”`).join(', ')}. Choose what ${ignored.length === 1 ? 'it means' : 'they mean'} above to import ${ignored.length === 1 ? 'it' : 'them'}.`));
      go.textContent = `Import ${r.count.toLocaleString('en-US')} ${r.count === 1 ? 'partner' : 'partners'}`;
      go.toggleAttribute('disabled', r.count === 0);
    };
    const update = async () => {
      const mine = ++seq;
      go.toggleAttribute('disabled', true);
      const r = await app.engine.call('csvMap', { maps, tiers: tierList() });
      if (mine === seq) draw(r);
    };
    const mapping = h('div', { class: 'mapping' }, h('h4', {}, 'Columns'), opened.header.map((hd, i) => {
      const shown = printable(hd);
      const sel = h('select', { 'aria-label': `Column "${shown}" means` }, TARGETS.map((t) => h('option', { value: t }, TARGET_LABELS[t])));
      sel.value = maps[i].target;
      const key = h('input', { type: 'text', value: maps[i].key || shown, 'aria-label': `Key for column "${shown}"` });
      sel.addEventListener('change', () => { maps[i] = { target: sel.value as Target, key: key.value }; void update(); });
      key.addEventListener('input', () => { maps[i].key = key.value; void update(); });
      return h('div', { class: 'map-row' }, h('span', { class: 'col-name' }, shown), sel, key);
    }));
    go.addEventListener('click', async () => {
      go.toggleAttribute('disabled', true);
      out.textContent = 'Importing…';
      try {
        let said = '';
        await undoable(async () => {
          const meta = await app.engine.call('csvImport', { tiers: tierList() });
          await imported(meta);
          const skipped = opened.rows - meta.count;
          said = `Imported ${meta.count.toLocaleString('en-US')} partners${skipped ? `; ${skipped.toLocaleString('en-US')} rows with problems were not imported` : ''}.`;
        }, () => said);
        out.textContent = said;
      } catch (e) { out.textContent = explainError(e); }
      go.toggleAttribute('disabled', false);
    });
    clear(area, mapping, field('Tiers, lowest first (comma-separated)', tiersIn), problemsEl, preview, go);
    tiersIn.addEventListener('input', () => void update());
    await update();
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    out.textContent = '';
    const head = (await f.slice(0, 64).text()).trimStart();
    try {
      if (/\.json$/i.test(f.name) || head.startsWith('{') || head.startsWith('[')) {
        clear(area);
        out.textContent = `Opening ${f.name}…`;
        try { await openJson(f); } catch (e) { out.textContent = openError(f.name, e, 'JSON file', 'Choose a partner list, or a workspace file that “Export workspace” wrote.', 'import'); return; }
        out.textContent = `Imported ${f.name}.`;
      } else await showCsv(f);
    } catch (e) { out.textContent = `Could not import ${f.name}: ${explainError(e)}`; }
  });

  return h('details', { class: 'panel import' },
    h('summary', {}, 'Import partners (CSV or JSON)'),
    h('p', {}, 'CSV: one partner per row with a header line — your own, or a Salesforce account or HubSpot company export as it is. Fields separated by “,” or “;”; decimal commas are fine. Lists (regions, industries, …) are separated by “;” or “|”. Columns named cap_<name> become capabilities (0–1), other number columns metrics; you can change what each column means before importing.'),
    field('Partner list (CSV or JSON file)', file), area, out);
}
