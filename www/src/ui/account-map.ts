// The overlap of the loaded account lists: for a chosen pair of partners, the facts in words
// (shared accounts, potential revenue, greenfield), the matrix of shared accounts per pair of
// populations as a heat map and as a table whose cells open the accounts behind them (and how
// each matched), every pair in one table (downloadable as CSV) and the near misses.
import type { SharedAccount } from 'dealteam';
import type { ListsMapped, PairMapped } from '../engine/protocol';
import type { App } from '../app';
import type { AccountList } from './accounts';
import { popSummary } from './accounts';
import { newTable, popWords, sharedTable, type TextTable } from '../account-tables';
import { a11yChart, clear, h } from './dom';
import { csvButton, fileButton } from './exports';
import { fitChart } from './fit-chart';
import { TEXT } from './fan-chart';
import { money, number } from './format';
import { loadPlot } from './lazy';
import { asCards, scrollBox } from './cards';
import { explainError } from './errors';

/** The sharing levels of an account map. */
export type Level = 'counts' | 'overlaps' | 'full';

/** Pairs the engine sends (most shared first); every pair is counted in the summary. */
export const PAIRS_SHOWN = 500;
/** Shared accounts a cell lists (the rest are counted). */
export const CELL_ROWS = 500;

interface Cell { a: string; b: string; n: number }

export function accountMap(app: App, lists: () => AccountList[]) {
  const el = h('section', { class: 'account-map', 'aria-labelledby': 'h-account-map', 'aria-live': 'polite' });
  let last: ListsMapped | null = null;
  let seq = 0;
  let opened = 0;
  const name = (id: string) => lists().find((l) => l.id === id)?.name ?? id;
  const currency = () => app.ws.deal?.currency ?? app.eco?.currency ?? 'EUR';

  async function run(sharing: Level) {
    const ls = lists();
    const head = h('h3', { id: 'h-account-map' }, 'Shared accounts');
    if (ls.length < 2) { clear(el, head, h('p', { class: 'muted' }, 'Load the account lists of at least two partners to see what they share.')); return; }
    const mine = ++seq;
    clear(el, head, h('p', {}, 'Matching the lists…'));
    // the worker holds the lists' accounts: only their keys go
    const req = { currency: currency(), lists: ls.map((l) => ({ key: l.read.key, id: l.id, name: l.name })), sharing, limit: PAIRS_SHOWN, summary: true };
    try {
      const r = await app.engine.call('mapAccounts', req);
      if (mine !== seq) return;
      last = r;
      show(r, 0);
    } catch (e) {
      if (mine === seq) clear(el, head, h('p', { class: 'bad', role: 'alert' }, `The lists could not be matched: ${explainError(e, false)}`));
    }
  }

  function show(r: ListsMapped, at: number) {
    const pick = h('select', { id: 'account-pair' }, r.pairs.map((p, i) => h('option', { value: String(i) }, `${name(p.a)} and ${name(p.b)} — ${number(p.shared)} shared`)));
    pick.value = String(at);
    pick.addEventListener('change', () => show(r, Number(pick.value)));
    const pair = r.pairs[at];
    const detail = h('div', { class: 'account-cell', 'aria-live': 'polite' });
    clear(el, h('h3', { id: 'h-account-map' }, 'Shared accounts'),
      overall(r),
      r.pairs.length ? h('div', { class: 'field' }, h('label', { for: 'account-pair' }, 'Pair of partners'), pick) : h('p', {}, 'No two lists share an account.'),
      pair ? pairView(r, pair, detail) : null, detail, allPairs(r), nearMisses(r));
  }

  /** Every pair in a sentence: how many pairs share accounts, how many in all, the pipeline at stake. */
  function overall(r: ListsMapped): HTMLElement | null {
    const s = r.summary;
    if (!s || s.pairs < 2) return null;
    const listed = s.pairs > r.pairs.length ? ` Below: the ${number(r.pairs.length)} pairs that share the most.` : '';
    return h('p', { class: 'map-summary' }, `${number(s.pairs)} pairs of partners share accounts — ${number(s.shared)} shared accounts in all, ${money(s.potentialRevenue, r.currency)} in open opportunities on them.${listed}`);
  }

  function facts(r: ListsMapped, p: PairMapped, detail: HTMLElement): HTMLElement {
    const [a, b] = [name(p.a), name(p.b)];
    // at "Everything" each side may see the other's accounts it does not have: listed on demand
    const list = (side: 'a' | 'b', count: Record<string, number>) => (p.newListed && Object.values(count).some((n) => n > 0)
      ? [' ', h('button', { type: 'button', class: 'link', 'aria-label': `List them: the accounts of ${side === 'a' ? a : b} that ${side === 'a' ? b : a} does not have`, onclick: () => void newTo(r, p, side, detail) }, 'List them')] : []);
    const rows: [string, (string | HTMLElement)[]][] = [
      ['Shared accounts', [`${number(p.shared)} companies are on both lists`]],
      ['Potential revenue', [`${money(p.potentialRevenue, r.currency)} in open opportunities on the shared accounts`]],
      [`New to ${b}`, [`${a} has ${popSummary(p.greenfieldA)} that ${b} does not have`, ...list('a', p.greenfieldA)]],
      [`New to ${a}`, [`${b} has ${popSummary(p.greenfieldB)} that ${a} does not have`, ...list('b', p.greenfieldB)]],
    ];
    return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  /**
   * The answer of `ask` (a list of accounts the worker holds) for `detail` under `title`, while
   * this is the last list opened and `r` the map shown; else undefined, and `detail` says why
   * when it is still this list's: the engine's error, or `ask`'s null (the lists were matched
   * again meanwhile: the new map shows when it is ready).
   */
  async function listed<T>(r: ListsMapped, title: HTMLElement, detail: HTMLElement, what: string, ask: () => Promise<T | null>): Promise<T | undefined> {
    const mine = ++opened;
    clear(detail, title, h('p', {}, 'Listing the accounts…'));
    let got: T | null;
    try {
      got = await ask();
    } catch (e) {
      if (mine === opened) clear(detail, title, h('p', { class: 'bad', role: 'alert' }, `The accounts could not be listed: ${explainError(e, false)}`));
      return undefined;
    }
    if (mine !== opened || r !== last) return undefined;
    if (!got) clear(detail, title, h('p', {}, `The lists were matched again: choose the ${what} once more.`));
    return got ?? undefined;
  }

  /** The accounts of one side of pair `p` that the other side does not have (at "Everything"). */
  async function newTo(r: ListsMapped, p: PairMapped, side: 'a' | 'b', detail: HTMLElement) {
    const [mine, theirs] = side === 'a' ? [name(p.a), name(p.b)] : [name(p.b), name(p.a)];
    const title = h('h4', { tabindex: '-1' }, `${mine}’s accounts that ${theirs} does not have`);
    const got = await listed(r, title, detail, 'list', () => app.engine.call('mapNew', { mapId: r.mapId, pair: r.pairs.indexOf(p), side, limit: CELL_ROWS }));
    if (!got) return;
    const caption = `${mine}’s accounts that ${theirs} does not have`;
    const file = () => app.engine.call('mapNewFile', { mapId: r.mapId, pair: r.pairs.indexOf(p), side, mine });
    clear(detail, title, firstOf(got.rows.length, got.total, 'accounts'), textTable(caption, newTable(got.rows, mine)), fileButton(caption, file, AGAIN));
    title.focus();
  }

  function pairView(r: ListsMapped, p: PairMapped, detail: HTMLElement): HTMLElement {
    const [a, b] = [name(p.a), name(p.b)];
    const popsA = r.populations.filter((x) => p.matrix[x] || p.greenfieldA[x] !== undefined);
    const popsB = r.populations.filter((y) => Object.values(p.matrix).some((row) => row[y]) || p.greenfieldB[y] !== undefined);
    const cells: Cell[] = popsA.flatMap((x) => popsB.map((y) => ({ a: x, b: y, n: p.matrix[x]?.[y] ?? 0 })));
    const open = (c: Cell) => void drill(r, p, c, detail);
    const picture = h('div', { class: 'heat-picture' });
    const figure = h('figure', { class: 'chart heat' }, picture);
    const most = Math.max(1, ...cells.map((c) => c.n));
    void loadPlot().then((Plot) => fitChart(picture, (width) => {
      const chart = Plot.plot({
        // the rows' names beside the cells (about 7 px a character at 12 px), the side's name above them
        ...TEXT, width, height: 90 + 48 * popsA.length, marginTop: 30, marginLeft: 16 + 7 * Math.max(8, ...popsA.map((x) => popWords(x).length)), marginBottom: 40, padding: 0.06,
        x: { label: `${b}’s accounts as`, domain: popsB, tickFormat: (y: string) => popWords(y) },
        y: { label: `${a}’s accounts as`, labelAnchor: 'top', domain: popsA, tickFormat: (x: string) => popWords(x) },
        color: { type: 'linear', scheme: 'blues', domain: [0, most] },
        marks: [
          Plot.cell(cells, { x: 'b', y: 'a', fill: 'n', inset: 1 }),
          Plot.text(cells, { x: 'b', y: 'a', text: (c: Cell) => number(c.n), fill: (c: Cell) => (c.n > most / 2 ? 'white' : 'black') }),
        ],
      });
      chart.querySelectorAll('rect').forEach((rect, i) => {
        const c = cells[i];
        if (!c) return;
        rect.style.cursor = 'pointer';
        rect.addEventListener('click', () => open(c));
      });
      return a11yChart(chart, `Shared accounts of ${a} and ${b} by relationship (customer, prospect, …)`);
    }, 560, Math.max(280, (el.clientWidth || 560) - 8)));
    figure.append(h('figcaption', {}, `How many accounts ${a} and ${b} share, by what each side has them as — darker is more. Choose a cell to see the accounts.`));
    const table = h('table', { class: 'matrix' },
      h('caption', {}, `Shared accounts of ${a} (rows) and ${b} (columns) by relationship`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `${a} \\ ${b}`), popsB.map((y) => h('th', { scope: 'col', class: 'num' }, popWords(y))))),
      h('tbody', {}, popsA.map((x) => h('tr', {}, h('th', { scope: 'row' }, popWords(x)), popsB.map((y) => {
        const c = cells.find((d) => d.a === x && d.b === y)!;
        const btn = h('button', { type: 'button', class: 'link', 'aria-label': `${number(c.n)} shared: ${a}’s ${popWords(x)} that are ${b}’s ${popWords(y)}` }, number(c.n));
        btn.addEventListener('click', () => open(c));
        return h('td', { class: 'num' }, btn);
      })))));
    return h('div', {}, facts(r, p, detail), h('div', { class: 'side-by-side' }, figure, h('div', {}, scrollBox('Shared accounts by relationship', table))));
  }

  async function drill(r: ListsMapped, p: PairMapped, c: Cell, detail: HTMLElement) {
    const [a, b] = [name(p.a), name(p.b)];
    const title = h('h4', { tabindex: '-1' }, `${a}’s ${popWords(c.a)} that are ${b}’s ${popWords(c.b)}: ${number(c.n)}`);
    // the worker holds the shared accounts: a cell's come when it is opened
    let rows: SharedAccount[] = [];
    let total = 0;
    if (p.listed && c.n > 0) {
      const got = await listed(r, title, detail, 'cell', () => app.engine.call('mapCell', { mapId: r.mapId, pair: r.pairs.indexOf(p), a: c.a, b: c.b, limit: CELL_ROWS }));
      if (!got) return;
      ({ rows, total } = got);
    }
    const caption = `Shared accounts: ${a}’s ${popWords(c.a)}, ${b}’s ${popWords(c.b)}`;
    const of = { a, b, full: r.sharing === ('full' as string), currency: r.currency };
    const file = () => app.engine.call('mapCellFile', { mapId: r.mapId, pair: r.pairs.indexOf(p), a: c.a, b: c.b, of });
    const body = r.sharing === 'counts'
      ? h('p', {}, 'Numbers only: the accounts themselves are not shown at this sharing level. Choose “Shared accounts” above to list them.')
      : !rows.length ? h('p', {}, 'No shared accounts in this cell.')
      : [firstOf(rows.length, total, 'shared accounts in this cell'), textTable(caption, sharedTable(rows, of)), fileButton(caption, file, AGAIN)];
    clear(detail, title, body);
    title.focus();
  }

  function allPairs(r: ListsMapped): HTMLElement | null {
    if (!r.pairs.length) return null;
    const combos = r.populations.flatMap((x) => r.populations.map((y) => [x, y] as const)).filter(([x, y]) => r.pairs.some((p) => p.matrix[x]?.[y]));
    const shown = r.pairs.slice(0, 200);
    const all = r.summary?.pairs ?? r.pairs.length;
    const caption = 'Account overlap per pair of partners';
    return h('details', { class: 'panel' }, h('summary', {}, `Every pair of partners (${number(all)})`),
      all > shown.length ? h('p', {}, `The ${number(shown.length)} pairs that share the most.`) : null,
      // one line per pair, its columns the ones read across pairs; the shared accounts by relationship are in the pair's
      // own matrix (choose the pair above) and in the download, which keeps every column
      scrollBox('Every pair of partners', asCards(h('table', { class: 'pairs', 'data-export': '1' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ['Partners', 'Shared accounts', 'Potential revenue', 'New to each (accounts only the other has)'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
        h('tbody', {}, shown.map((p) => h('tr', {}, h('th', { scope: 'row' }, `${name(p.a)} and ${name(p.b)}`), h('td', { class: 'num' }, number(p.shared)),
          h('td', { class: 'num' }, money(p.potentialRevenue, r.currency)),
          h('td', { class: 'num', 'data-label': 'New to each' }, h('span', { class: 'whole' }, `${number(sum(p.greenfieldA))} new to ${name(p.b)}`), h('br'), h('span', { class: 'whole' }, `${number(sum(p.greenfieldB))} new to ${name(p.a)}`)))))))),
      csvButton(caption, () => [
        ['Partner', 'Other partner', 'Shared accounts', 'Potential revenue', 'New to the other partner (from the first’s list)', 'New to the first partner (from the other’s list)', ...combos.map(([x, y]) => `Shared: first’s ${popWords(x)} × other’s ${popWords(y)}`)],
        ...shown.map((p) => [name(p.a), name(p.b), number(p.shared), money(p.potentialRevenue, r.currency), number(sum(p.greenfieldA)), number(sum(p.greenfieldB)), ...combos.map(([x, y]) => number(p.matrix[x]?.[y] ?? 0))]),
      ]));
  }

  function nearMisses(r: ListsMapped): HTMLElement | null {
    if (!r.nearMissCount) return null;
    const more = r.nearMissCount - r.nearMisses.length;
    return h('details', { class: 'panel near-misses' }, h('summary', {}, `Near misses: ${number(r.nearMissCount)} ${r.nearMissCount === 1 ? 'company' : 'companies'} with the same name but different web domains`),
      h('p', {}, 'These did not count as shared: check whether they are the same company (a subsidiary, an old domain) and correct the domain in your CRM.'),
      r.nearMisses.length ? h('ul', {}, r.nearMisses.slice(0, 200).map((m) => h('li', {}, `“${m.name}”: ${name(m.a.partner)}’s ${m.a.account} (${m.a.domain}) and ${name(m.b.partner)}’s ${m.b.account} (${m.b.domain})`)))
        : h('p', {}, 'Numbers only: the accounts are not listed at this sharing level.'),
      more > 0 && r.nearMisses.length ? h('p', {}, `… and ${number(more)} more.`) : null);
  }

  return { el, run, last: () => last };
}

/** What a list's file button says when the lists were matched again since it was shown. */
const AGAIN = 'The lists were matched again: open the list once more.';

/** "The first 500 of 1,200 …" when a list shows only part of its rows (the file has them all). */
const firstOf = (shown: number, total: number, what: string) =>
  (total > shown ? h('p', { class: 'muted' }, `The first ${number(shown)} of ${number(total)} ${what}. Download as CSV gives all of them.`) : null);

/**
 * A list of accounts as a table under `caption`, in a box of its own height that scrolls (with
 * the keyboard too); its download is the whole list's file (a button of the caller's), so the
 * page's own CSV button for what is shown is not added.
 */
const textTable = (caption: string, t: TextTable) => h('div', { class: 'table-scroll rows-box', tabindex: '0', role: 'region', 'aria-label': caption }, asCards(h('table', { 'data-export': '1' },
  h('caption', {}, caption),
  h('thead', {}, h('tr', {}, t.head.map((x, i) => h('th', { scope: 'col', class: t.num?.includes(i) ? 'num' : null }, x)))),
  h('tbody', {}, t.rows.map((row) => h('tr', {}, row.map((x, i) => h('td', { class: t.num?.includes(i) ? 'num' : null }, x))))))));

const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
