// A windowed table: only the rows in view (plus a margin) are in the DOM, so 100k partners
// scroll and re-render in a few milliseconds. Rows are ARIA table rows with their row index.

export interface Column { label: string; width?: string; cell: (row: number) => string | Node; numeric?: boolean }

const ROW_H = 32;
const MARGIN = 8;

export class VTable {
  el: HTMLDivElement;
  private body: HTMLDivElement;
  private spacer: HTMLDivElement;
  private count = 0;
  private raf = 0;
  private template: string;

  constructor(private columns: Column[], label: string, private height = 480) {
    this.template = columns.map((c) => { const w = c.width ?? '1fr'; return w.endsWith('fr') ? `minmax(0, ${w})` : w; }).join(' ');
    this.el = document.createElement('div');
    this.el.className = 'vtable';
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
      if (c.numeric) th.className = 'num';
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
  }

  /** Sets the number of rows and renders synchronously. */
  setCount(n: number) {
    this.count = n;
    this.el.setAttribute('aria-rowcount', String(n + 1));
    this.spacer.style.height = `${n * ROW_H}px`;
    this.render();
  }

  scrollTop() { this.body.scrollTop = 0; }

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
        if (c.numeric) td.className = 'num';
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
