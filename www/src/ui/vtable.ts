// A windowed table: only the rows in view (plus a margin) are in the DOM, so 100k partners
// scroll and re-render in a few milliseconds. Rows are ARIA table rows with their row index.
// Each column keeps a minimum width (`min`, in rem), so on a phone the table scrolls sideways
// instead of cutting every name short, and a cell cut short shows its whole text when the
// pointer rests on it; `rows()` gives every row's text for a CSV export.

/**
 * `min`: the narrowest the column may get, in rem (default 5 per `fr`, or the fixed width);
 * `keep`: the column stays in view while the table scrolls sideways (the names, on a phone).
 */
export interface Column { label: string; width?: string; min?: number; cell: (row: number) => string | Node; numeric?: boolean; keep?: boolean }

const ROW_H = 32;
/** A cell's classes: numbers right-aligned, kept columns in view. */
const cls = (c: Column) => [c.numeric ? 'num' : '', c.keep ? 'keep' : ''].filter(Boolean).join(' ');
const MARGIN = 8;

export class VTable {
  el: HTMLDivElement;
  private body: HTMLDivElement;
  private spacer: HTMLDivElement;
  private count = 0;
  private raf = 0;
  private template: string;

  constructor(private columns: Column[], label: string, private height = 480) {
    const mins = columns.map((c) => c.min ?? (c.width?.endsWith('fr') || !c.width ? 5 * (parseFloat(c.width ?? '1') || 1) : 0));
    this.template = columns.map((c, i) => { const w = c.width ?? '1fr'; return w.endsWith('fr') ? `minmax(${mins[i]}rem, ${w})` : w; }).join(' ');
    this.el = document.createElement('div');
    this.el.className = 'vtable';
    // the columns' minimums, the fixed widths (em, about a rem), the gaps and the row's padding
    const fixed = columns.reduce((a, c) => a + (c.width && !c.width.endsWith('fr') ? parseFloat(c.width) || 0 : 0), 0);
    this.el.style.setProperty('--vt-min', `${mins.reduce((a, b) => a + b, 0) + fixed + 0.5 * columns.length + 1}rem`);
    this.el.setAttribute('role', 'table');
    this.el.setAttribute('aria-label', label);
    const head = document.createElement('div');
    head.className = 'vrow vhead';
    head.setAttribute('role', 'row');
    head.setAttribute('aria-rowindex', '1');
    head.style.gridTemplateColumns = this.template;
    for (const c of columns) {
      const th = document.createElement('div');
      th.setAttribute('role', 'columnheader');
      th.textContent = c.label;
      th.className = cls(c);
      head.appendChild(th);
    }
    this.body = document.createElement('div');
    this.body.className = 'vbody';
    this.body.tabIndex = 0;
    this.body.setAttribute('role', 'rowgroup');
    this.body.setAttribute('aria-label', `${label} rows (scroll)`);
    this.body.style.maxHeight = `${height}px`;
    this.spacer = document.createElement('div');
    this.spacer.className = 'vspacer';
    this.body.appendChild(this.spacer);
    this.body.addEventListener('scroll', () => {
      cancelAnimationFrame(this.raf);
      this.raf = requestAnimationFrame(() => this.render());
    });
    this.el.append(head, this.body);
    // a cell cut short ("…") shows its whole text as a tooltip; measured on hover, not per render
    this.body.addEventListener('mouseover', (e) => {
      const cell = e.target instanceof Element ? e.target.closest('[role="cell"]') : null;
      if (cell instanceof HTMLElement && !cell.title && cell.scrollWidth > cell.clientWidth) cell.title = cell.textContent ?? '';
    });
    // the kept columns move back by what the table scrolled sideways (CSS: .vrow > .keep)
    this.el.addEventListener('scroll', () => this.el.style.setProperty('--vt-x', `${this.el.scrollLeft}px`), { passive: true });
  }

  /** Sets the number of rows and renders synchronously. */
  setCount(n: number) {
    this.count = n;
    this.el.setAttribute('aria-rowcount', String(n + 1));
    this.spacer.style.height = `${n * ROW_H}px`;
    this.render();
  }

  scrollTop() { this.body.scrollTop = 0; }

  /** Every row's text (not only the rows in view), the header first: what a CSV export holds. */
  rows(): string[][] {
    const text = (v: string | Node) => (typeof v === 'string' ? v : (v.textContent ?? '')).trim();
    const out = [this.columns.map((c) => c.label)];
    for (let r = 0; r < this.count; r++) out.push(this.columns.map((c) => text(c.cell(r))));
    return out;
  }

  render() {
    const top = this.body.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_H) - MARGIN);
    const last = Math.min(this.count, Math.ceil((top + this.height) / ROW_H) + MARGIN);
    const frag = document.createDocumentFragment();
    for (let r = first; r < last; r++) {
      const row = document.createElement('div');
      row.className = 'vrow';
      row.setAttribute('role', 'row');
      row.setAttribute('aria-rowindex', String(r + 2));
      row.style.transform = `translateY(${r * ROW_H}px)`;
      row.style.gridTemplateColumns = this.template;
      for (const c of this.columns) {
        const td = document.createElement('div');
        td.setAttribute('role', 'cell');
        td.className = cls(c);
        const v = c.cell(r);
        if (typeof v === 'string') td.textContent = v;
        else td.appendChild(v);
        row.appendChild(td);
      }
      frag.appendChild(row);
    }
    this.spacer.replaceChildren(frag);
  }
}
