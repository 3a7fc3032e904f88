// Exports for every result: each captioned table can be downloaded as CSV (what the table
// shows, as shown; a windowed table's button comes from `csvButton`, and a list the engine
// worker holds, of which the page shows the first rows, gets `fileButton`), each chart as SVG or
// PNG. Added to whatever a screen renders, so a new table or chart gets them without code of its
// own. Files are made in the browser.
import { csvOf } from '../csv-write';
import { download, h } from './dom';

/** A file name from a caption: "Amount per partner and rule (€1,200,000 divided)" → "amount-per-partner-and-rule". */
const fileName = (text: string) => text.replace(/\(.*?\)/g, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'table';

/** The table's cells' text as shown, one array per row (not cells marked `data-no-export`, such as buttons). */
const tableRows = (table: HTMLTableElement) =>
  [...table.rows].map((r) => [...r.cells].filter((c) => !c.hasAttribute('data-no-export')).map((c) => (c.innerText || c.textContent || '').trim()));

/** The table as CSV: one line per row, the cells' text as shown. */
export const tableCsv = (table: HTMLTableElement): string => csvOf(tableRows(table));

/** A "Download as CSV" button for the table captioned `caption`; `rows()` gives its text when pressed. */
export function csvButton(caption: string, rows: () => string[][]): HTMLButtonElement {
  const btn = h('button', { type: 'button', class: 'link export', 'aria-label': `Download as CSV: ${caption}` }, 'Download as CSV');
  btn.addEventListener('click', () => download(`${fileName(caption)}.csv`, csvOf(rows()), 'text/csv'));
  return btn;
}

/**
 * A "Download as CSV" button for a table the page shows only the first rows of: `file()` makes
 * the whole file when pressed (the engine worker, which holds the rows, writes it); null when it
 * can no longer be made, which `gone` then says beside the button, as it says an error.
 */
export function fileButton(caption: string, file: () => Promise<Blob | null>, gone: string): HTMLElement {
  const btn = h('button', { type: 'button', class: 'link export', 'aria-label': `Download as CSV: ${caption}` }, 'Download as CSV');
  const note = h('span', { class: 'muted', role: 'status' });
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    note.textContent = ' Writing the file…';
    try {
      const made = await file();
      if (made) download(`${fileName(caption)}.csv`, made);
      note.textContent = made ? '' : ` ${gone}`;
    } catch (e) {
      note.textContent = ` The file could not be written: ${(e as Error).message}`;
    } finally {
      btn.disabled = false;
    }
  });
  return h('p', { class: 'exports' }, btn, note);
}

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

/** The chart as a PNG at twice its size (for slides and documents). */
async function pngOf(svg: SVGSVGElement): Promise<Blob | null> {
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((ok, fail) => { img.onload = () => ok(); img.onerror = () => fail(new Error('chart image')); img.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2); canvas.height = Math.ceil(height * 2);
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.fillStyle = '#fff'; g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
  } finally { URL.revokeObjectURL(url); }
}

function decorate(root: Element) {
  for (const table of root.querySelectorAll<HTMLTableElement>('table:not([data-export])')) {
    const caption = table.caption?.textContent?.trim();
    table.dataset.export = '1';
    if (!caption || !table.rows.length) continue;
    (table.closest('.table-scroll') ?? table).after(csvButton(caption, () => tableRows(table)));
  }
  for (const fig of root.querySelectorAll<HTMLElement>('figure.chart')) {
    // the chart as it is when downloaded: a chart that fits its box is drawn again after a resize
    const current = () => fig.querySelector<SVGSVGElement>('svg[role="img"]') ?? fig.querySelector('svg');
    const svg = current();
    if (!svg || fig.querySelector(':scope > .exports')) continue;
    const label = svg.getAttribute('aria-label') ?? 'chart';
    const name = fileName(label);
    const asSvg = h('button', { type: 'button', class: 'link export', 'aria-label': `SVG: download the chart “${label}”` }, 'SVG');
    const asPng = h('button', { type: 'button', class: 'link export', 'aria-label': `PNG: download the chart “${label}”` }, 'PNG');
    asSvg.addEventListener('click', () => download(`${name}.svg`, svgText(current() ?? svg), 'image/svg+xml'));
    asPng.addEventListener('click', async () => { const b = await pngOf(current() ?? svg); if (b) download(`${name}.png`, b); });
    fig.append(h('p', { class: 'exports' }, 'Download the chart: ', asSvg, ' · ', asPng));
  }
}

/** Adds the export buttons to every captioned table and chart that appears under `root`. */
export function exportsFor(root: Element) {
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; decorate(root); });
  }).observe(root, { childList: true, subtree: true });
}
