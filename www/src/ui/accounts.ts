// The Accounts screen: load each partner's account list (CSV: our columns or a Salesforce /
// HubSpot export), choose what the other side may see, and read the overlap of every pair of
// partners — a heat map per pair, the shared accounts of a cell and how they matched,
// potential revenue and greenfield in money and words, near misses — then match two lists
// privately (./psi.ts). The lists stay in this tab: nothing is uploaded or saved.
import type { App } from '../app';
import { ACCOUNT_FIELDS, type AccountField, type AccountsHeld } from '../accounts';
import { clear, field, h, unavailable } from './dom';
import { number } from './format';
import { popWords, SHARING_NAMES } from '../account-tables';
import { accountMap, type Level } from './account-map';
import { privateMatch } from './psi';
import { problemLists } from './problems';
import { explainError } from './errors';

/** One loaded list: whose it is, the file (read again when a column's meaning changes), what was read (the accounts stay in the worker). */
export interface AccountList { id: string; name: string; file: Blob | string; fileName: string; read: AccountsHeld }

const FIELD_LABELS: Record<AccountField, string> = {
  ignore: '(not used)', account: 'account id', name: 'company name', domain: 'web domain', status: 'relationship (customer, prospect, …)', value: 'pipeline value',
};

/** "20 customers, 5 prospects" from counts per population. */
export function popSummary(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([p, n]) => `${number(n)} ${popWords(p, n)}`);
  return parts.length ? parts.join(', ') : 'none';
}

const LEVELS: [Level, string, string][] = [
  ['counts', SHARING_NAMES.counts, 'Each side sees how many accounts you share as customers, prospects and opportunities, the pipeline at stake and how many accounts are new to them — no account names.'],
  ['overlaps', SHARING_NAMES.overlaps, 'Each side also sees which accounts you both have, with what each is to the other side (customer, prospect, …) — never the accounts only you have.'],
  ['full', SHARING_NAMES.full, 'Each side also sees the pipeline value of every shared account and the names of its accounts the other side does not have.'],
];

/** Two small made-up lists (the same companies spelt differently on each side) to try the screen. */
export function exampleLists(): { name: string; csv: string }[] {
  const firms = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Pied Piper', 'Vandelay', 'Gringotts', 'Oscorp', 'Dunder Mifflin', 'Monarch', 'Aperture', 'Black Mesa', 'Nakatomi'];
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const a = ['Account ID;Account Name;Website;Type;Amount'];
  const b = ['Record ID,Company name,Company Domain Name,Lifecycle Stage,Recent Deal Amount'];
  firms.forEach((f, i) => {
    if (i < 14) a.push(`001-${i + 1};${f} ${i % 3 ? 'Inc.' : 'GmbH'};${i % 4 === 3 ? '' : `https://www.${slug(f)}.com/`};${['Customer - Direct', 'Prospect', 'Opportunity'][i % 3]};${i % 3 === 2 ? `${(i + 1) * 10}.000,00` : ''}`);
    if (i >= 6) b.push(`${900 + i},${i % 2 ? `"${f.toUpperCase()}, LLC"` : f.toUpperCase()},${i % 5 === 0 ? '' : `${slug(f)}.com`},${['customer', 'lead', 'opportunity', 'customer'][i % 4]},${i % 4 === 2 ? (i + 1) * 5000 : ''}`);
  });
  b.push('999,Initech Ltd,initech.co.uk,customer,');
  return [{ name: 'Northwind', csv: a.join('\n') }, { name: 'Contoso', csv: b.join('\n') }];
}

export function accountsScreen(app: App): HTMLElement {
  const lists: AccountList[] = [];
  const owner = h('input', { type: 'text', id: 'accounts-owner', placeholder: 'e.g. Northwind', autocomplete: 'off' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'accounts-file' });
  const example = h('button', { type: 'button' }, 'Try two made-up lists');
  const readOut = h('div', { class: 'accounts-read', role: 'status', 'aria-live': 'polite' });
  const noLists = () => h('li', { class: 'muted none' }, 'None yet: choose a partner’s account list, or try two made-up lists.');
  const listsEl = h('ul', { class: 'account-lists' }, noLists());
  const level = h('fieldset', { class: 'sharing' }, h('legend', {}, 'What the other side may see'),
    LEVELS.map(([v, label, text]) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'accounts-sharing', value: v, checked: v === 'overlaps' }), h('span', {}, h('strong', {}, label), ' — ', text))));
  const sharing = (): Level => (level.querySelector<HTMLInputElement>('input:checked')?.value as Level) ?? 'overlaps';
  const map = accountMap(app, () => lists);
  // the map's count for the same two lists, to explain the private match's when it differs
  const psi = privateMatch(app, () => lists, (a, b) => map.last()?.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.shared);

  /** Lets the worker forget a list it holds (nothing to tell the reader if it already has). */
  const drop = (key: string) => void app.engine.call('accountsDrop', { key }).catch(() => undefined);

  const refresh = () => {
    clear(listsEl, lists.map((l) => {
      const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove the list of ${l.name}` }, 'Remove');
      remove.addEventListener('click', () => {
        lists.splice(lists.indexOf(l), 1);
        drop(l.read.key);
        refresh();
      });
      return h('li', {}, h('strong', {}, l.name), ` — ${number(l.read.count)} accounts: ${popSummary(l.read.pops)} `, h('span', { class: 'muted' }, `(${l.fileName})`), ' ', remove);
    }), lists.length ? null : noLists());
    void map.run(sharing());
    psi.refresh();
  };

  // ids in loading order: the engine names a pair by the id that sorts first, so each pair reads in the order the lists came
  let loaded = 0;
  const nextListId = () => `list-${String(++loaded).padStart(4, '0')}`;

  /** Reads a file as `name`'s list (replacing `into` when a column's meaning changed). */
  async function read(name: string, f: Blob | string, fileName: string, into?: AccountList, fields?: AccountField[]) {
    if (!app.engine.has('mapAccounts')) { clear(readOut, unavailable('Account mapping')); return; }
    try {
      const r = await app.engine.call('accountsOpen', { file: f, fields, key: into?.read.key });
      const l = into ?? { id: nextListId(), name, file: f, fileName, read: r };
      l.read = r;
      if (!into && r.count) lists.push(l);
      else if (!into) drop(r.key);
      clear(readOut, report(l, r, (next) => void read(name, f, fileName, l, next)));
      if (r.count) refresh();
    } catch (e) {
      clear(readOut, h('p', { class: 'bad' }, `Could not read ${fileName}: ${explainError(e)}`));
    }
  }

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    const name = owner.value.trim() || f.name.replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ');
    owner.value = '';
    file.value = '';
    void read(name, f, f.name);
  });
  example.addEventListener('click', async () => {
    for (const ex of exampleLists()) if (!lists.some((l) => l.name === ex.name)) await read(ex.name, ex.csv, `made-up ${ex.name} list`);
  });
  level.addEventListener('change', () => void map.run(sharing()));

  return h('section', { class: 'screen', 'aria-labelledby': 'h-accounts' },
    h('h2', { id: 'h-accounts' }, 'Map accounts with your partners'),
    h('p', {}, 'Load each partner’s account list to see which companies you share — customers, prospects and open opportunities — the pipeline at stake and the accounts that are new to each side. The lists stay in this browser tab: nothing is uploaded or saved.'),
    h('div', { class: 'cols' },
      h('div', { class: 'col' },
        field('Whose list is it? (partner name)', owner, 'Leave empty to use the file name.'),
        field('Account list (CSV)', file, 'One account per row: account id, company name, web domain, relationship (customer, prospect, opportunity or your own word) and pipeline value. Salesforce account and HubSpot company exports work as they are; “;” and decimal commas are fine.'),
        h('div', { class: 'row' }, example),
        readOut),
      h('div', { class: 'col wide' }, h('h3', {}, 'Lists loaded'), listsEl, level)),
    map.el, psi.el);
}

/** What was read from a file: the count, the CRM recognised, what each column means (changeable), warnings and left-out rows. */
function report(l: AccountList, r: AccountsHeld, remap: (fields: AccountField[]) => void): HTMLElement {
  const fields = [...r.fields];
  const cols = h('div', { class: 'mapping' }, h('h4', {}, 'Columns'), r.header.map((hd, i) => {
    const sel = h('select', { 'aria-label': `Column “${hd}” means` }, ACCOUNT_FIELDS.map((f) => h('option', { value: f }, FIELD_LABELS[f])));
    sel.value = fields[i];
    sel.addEventListener('change', () => { fields[i] = sel.value as AccountField; remap(fields); });
    return h('div', { class: 'map-row' }, h('span', { class: 'col-name' }, hd), sel);
  }));
  const kind = r.preset ? ` (a ${r.preset} export)` : '';
  return h('div', {},
    h('p', {}, r.count ? `Read ${number(r.count)} accounts of ${l.name} from ${l.fileName}${kind}.` : `No accounts read from ${l.fileName}.`),
    r.warnings.length ? h('ul', { class: 'warnings' }, r.warnings.map((w) => h('li', {}, w.column ? `${w.column}: ${w.text}` : w.text))) : null,
    problemLists(r.problems),
    // opened when nothing was read: the message asks to choose a column there
    h('details', { open: !r.count }, h('summary', {}, 'What each column means'), cols));
}
