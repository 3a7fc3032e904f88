// The Insights screen: import the deals you closed (CSV from a CRM, or JSON), see in plain
// words what partners changed — influenced revenue, win rate, deal size and sales cycle with
// vs without partners, the multiplier of deals with two or more partners — and train the
// win model (./winmodel.ts).
import type { InsightsResponse } from 'dealteam';
import type { App } from '../app';
import { printable } from '../csv';
import { exampleHistory } from '../history';
import { loadPlot } from './lazy';
import { a11yChart, clear, field, h, unavailable } from './dom';
import { fitChart } from './fit-chart';
import { money, number, percent, times } from './format';
import { winModelPanel } from './winmodel';
import { problemLists } from './problems';
import { TEXT } from './fan-chart';
import { asCards, scrollBox } from './cards';
import { explainError } from './errors';

/** The deal groups the engine reports, in the order and words the page shows them. */
const GROUPS: [string, string][] = [['none', 'No partner'], ['single', 'One partner'], ['p2p', 'Two or more partners'], ['partnered', 'Any partner'], ['all', 'All deals']];

/** The ecosystem multiplier in words: deals with several partners against deals with one. */
function multiplierText(r: InsightsResponse): string {
  if (typeof r.multiplier === 'number') return `earn ${times(r.multiplier)} the expected value per deal of deals with one partner`;
  const single = r.groups.single, p2p = r.groups.p2p;
  if (single?.deals && p2p?.won && Number(single.wonValue) === 0) return 'won deals where deals with one partner won nothing';
  return 'not enough deals with one and with several partners to compare';
}

export function insightsScreen(app: App): HTMLElement {
  const file = h('input', { type: 'file', accept: '.csv,.json,text/csv,application/json', id: 'history-file' });
  const order = h('select', { id: 'history-order' }, h('option', { value: 'mdy' }, 'month first (03/04 is 4 March)'), h('option', { value: 'dmy' }, 'day first (03/04 is 3 April)'));
  order.value = /^en-US|^en-CA|^fil/.test(navigator.language) ? 'mdy' : 'dmy';
  const example = h('button', { type: 'button' }, 'Try a made-up example history');
  const readOut = h('div', { class: 'history-read', role: 'status', 'aria-live': 'polite' });
  const out = h('div', { class: 'insights', 'aria-live': 'polite' });
  const detail = h('div', { class: 'insights-detail' });
  const model = winModelPanel(app);

  const currency = () => app.ws.history?.currency ?? app.ws.deal?.currency ?? app.eco?.currency ?? 'EUR';
  const nameOf = (id: string) => app.name(id);

  async function analyse() {
    const hist = app.ws.history;
    clear(detail);
    if (!hist) { clear(out, h('p', { class: 'muted' }, 'No deal history yet: import one, or try the made-up example.')); model.refresh(); return; }
    if (!app.engine.has('insights')) { clear(out, unavailable('Deal-history insights')); return; }
    clear(out, h('p', {}, 'Reading the history…'));
    try {
      const r = await app.engine.call('insights', { history: hist.deals, currency: currency() });
      await show(r);
    } catch (e) {
      clear(out, h('p', { class: 'bad', role: 'alert' }, `The history could not be read: ${explainError(e)}`));
    }
    model.refresh();
  }

  async function show(r: InsightsResponse) {
    const cur = r.currency;
    const g = r.groups;
    const faster = r.cycleDays.ratio;
    const facts: [string, string][] = [
      ['Partner-influenced revenue', `${money(r.influencedRevenue, cur)} of ${money(r.totalRevenue, cur)} won (${percent(r.influencedShare)})`],
      ['Win rate', `${percent(r.winRate.withPartners)} with partners, ${percent(r.winRate.withoutPartners)} without${r.winRate.ratio ? ` — ${times(r.winRate.ratio)} as often` : ''}`],
      ['Average won deal', `${money(r.dealSize.withPartners, cur)} with partners, ${money(r.dealSize.withoutPartners, cur)} without`],
      ['Sales cycle', `${number(r.cycleDays.withPartners)} days with partners, ${number(r.cycleDays.withoutPartners)} without${typeof faster === 'number' ? ` — ${faster < 1 ? `${percent(1 - faster)} faster` : faster > 1 ? `${percent(faster - 1)} slower` : 'the same'}` : ''}`],
      ['Two or more partners together', multiplierText(r)],
    ];
    if (typeof r.cltvToCac === 'number') facts.push(['Customer lifetime value per acquisition cost', times(r.cltvToCac)]);
    if (typeof r.psat === 'number') facts.push(['Partner satisfaction (average)', number(r.psat, 1)]);
    const rows = GROUPS.filter(([k]) => g[k]);
    const Plot = await loadPlot();
    const data = rows.slice(0, 3).map(([k, label]) => ({ group: label, rate: g[k]?.winRate ?? 0, deals: g[k]?.deals ?? 0 }));
    const chart = h('figure', { class: 'chart' });
    fitChart(chart, (width) => [a11yChart(Plot.plot({
      ...TEXT, height: 220, width, marginLeft: 150, x: { label: 'Win rate', tickFormat: '%', domain: [0, 1], grid: true }, y: { label: null, domain: data.map((d) => d.group) },
      marks: [Plot.barX(data, { y: 'group', x: 'rate', fill: '#0a5dc2' }), Plot.text(data, { y: 'group', x: 'rate', text: (d: { rate: number; deals: number }) => `${percent(d.rate)} of ${d.deals}`, dx: 4, textAnchor: 'start' }), Plot.ruleX([0])],
    }), 'Win rate of deals with no partner, one partner and two or more partners'),
    h('figcaption', {}, 'How often deals were won, by how many partners worked on them')], 640, out.clientWidth || 600);
    // the engine's notes say what the facts above already say; the facts are in the reader's format
    clear(out, h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    clear(detail,
      chart,
      scrollBox('Deals by number of partners', asCards(h('table', {}, h('caption', {}, 'Deals by number of partners'),
        h('thead', {}, h('tr', {}, ['Deals', 'Count', 'Won', 'Win rate', 'Won revenue', 'Average won deal', 'Average cycle'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
        h('tbody', {}, rows.map(([k, label]) => {
          const s = g[k]!;
          return h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, number(s.deals)), h('td', { class: 'num' }, number(s.won)), h('td', { class: 'num' }, percent(s.winRate)),
            h('td', { class: 'num' }, money(s.wonValue, cur)), h('td', { class: 'num' }, money(s.avgDealSize, cur)), h('td', { class: 'num' }, s.avgCycleDays === null ? '—' : `${number(s.avgCycleDays)} days`));
        }))))));
  }

  function useHistory(deals: import('dealteam').HistoryDeal[], label: string, cur?: string) {
    app.ws.history = { deals, label, currency: cur };
    app.ws.winModel = undefined;
    app.changed('history');
  }

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    clear(readOut, `Reading ${f.name}…`);
    try {
      const r = await app.engine.call('historyOpen', { file: f, name: f.name, dayOrder: order.value as 'dmy' | 'mdy' });
      const parts: (Node | string)[] = [];
      parts.push(h('p', {}, r.deals.length ? `Read ${number(r.deals.length)} closed deals from ${f.name}.` : `No deal could be read from ${f.name}.`));
      if (r.ignored.length) parts.push(h('p', {}, `Columns not used: ${r.ignored.map(printable).join(', ')}.`));
      parts.push(...problemLists(r.problems));
      clear(readOut, parts);
      if (r.deals.length) useHistory(r.deals, f.name, r.currency);
    } catch (e) {
      clear(readOut, h('p', { class: 'bad' }, `Could not read ${f.name}: ${explainError(e)}`));
    }
  });

  example.addEventListener('click', () => {
    // the partners of the last team search (else the first partners), so teams can be scored
    const ids = [...new Set([...app.teams.flatMap((t) => t.members), ...(app.eco?.partners ?? []).slice(0, 12).map((p) => p.id)])];
    useHistory(exampleHistory(ids), 'a made-up example history');
    // the file box no longer names the file in use
    file.value = '';
    clear(readOut, h('p', {}, `Deals made up for ${ids.slice(0, 12).map(nameOf).slice(0, 3).join(', ')} and others — an example to try the screen with, not real data.`));
  });

  const label = h('p', { class: 'history-label' });
  const showLabel = () => { const hist = app.ws.history; label.textContent = hist ? `History: ${hist.label} — ${number(hist.deals.length)} closed deals.` : ''; };
  app.on('history', () => { showLabel(); void analyse(); });
  app.on('ecosystem', () => { showLabel(); void analyse(); }, true);

  return h('section', { class: 'screen', 'aria-labelledby': 'h-insights' },
    h('h2', { id: 'h-insights' }, 'Learn from your deal history'),
    h('p', {}, 'Import the deals you closed — won and lost — to see what partners changed, and to estimate a team’s chance to win. The file stays in this browser.'),
    h('div', { class: 'cols' },
      h('div', { class: 'col' },
        field('Deal history (CSV or JSON)', file, 'One closed deal per row: id, close date, won (or Stage: Closed Won / Closed Lost), amount, sales cycle in days (or Age, or a Created Date), partners (names or ids, separated by “;”). Salesforce and HubSpot exports work as they are.'),
        field('Dates such as 03/04/2025 are', order),
        h('div', { class: 'row' }, example),
        readOut, label),
      h('div', { class: 'col wide' }, out)),
    detail, model.el);
}
