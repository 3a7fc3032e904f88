// Tables on a narrow screen. Most become one card per row on a phone (styles.css, `table.cards`): each cell then shows
// its column's name before its value ("Return on investment: 12%"), taken from the table's column
// headings unless the cell already says (`data-label`). Not for the windowed tables (vtable.ts),
// which scroll sideways by design.
import { h } from './dom';

/** Marks `table` as one that becomes cards on a phone and labels its cells with their column's heading; returns it. */
export function asCards<T extends HTMLElement>(table: T): T {
  table.classList.add('cards');
  const heads = [...table.querySelectorAll<HTMLTableCellElement>(':scope > thead > tr:last-child > th')].map((th) => (th.textContent ?? '').trim());
  for (const row of table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr')) {
    let col = 0;
    for (const cell of row.cells) {
      const head = heads[col];
      if (cell.tagName === 'TD' && head && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', head);
      col += cell.colSpan || 1;
    }
  }
  return table;
}

/** A table (or what holds one) in a box that scrolls sideways when it is wider than the screen; focusable, so keyboards can scroll it. */
export const scrollBox = (label: string, table: HTMLElement): HTMLDivElement =>
  h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);
