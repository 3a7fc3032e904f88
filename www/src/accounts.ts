// A partner's account list (SPEC §14) from what people have: a CSV with one account per row —
// our own column names, or a Salesforce account / HubSpot company export as it is. Each
// column gets a meaning (account, name, web domain, population, pipeline value); CRM stage
// words become populations; every row with a problem is reported with its line and left
// out, and what was assumed for a column is said once per column. No DOM: runs in the worker.
import type Papa from 'papaparse';
import type { AccountRecord } from 'dealteam';
import { parseAmount } from './amount';
import { parseCsv, type Problem } from './csv';

export const ACCOUNT_FIELDS = ['ignore', 'account', 'name', 'domain', 'status', 'value'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** An account list read from a file: the rows as accounts, and what was assumed or left out. */
export interface AccountsRead {
  header: string[];
  /** the meaning of each column (guessed, or as chosen) */
  fields: AccountField[];
  /** the CRM whose export the header looks like, if any */
  preset: 'Salesforce' | 'HubSpot' | null;
  accounts: AccountRecord[];
  /** what was assumed per column ("12 rows have no population: counted as customers") */
  warnings: { column: string; text: string }[];
  problems: Problem[];
}

/** A list as the page holds it: what was read, without the accounts, which the worker keeps under `key`. */
export type AccountsHeld = Omit<AccountsRead, 'accounts'> & {
  key: string;
  count: number;
  /** accounts per population */
  pops: Record<string, number>;
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Header names per field: ours, then Salesforce's account export, then HubSpot's company export. */
const ALIASES: Record<Exclude<AccountField, 'ignore'>, string[]> = {
  account: ['account', 'accountid', 'id', 'recordid', 'companyid', 'crmid'],
  name: ['name', 'accountname', 'companyname', 'company', 'organisation', 'organization'],
  domain: ['domain', 'website', 'websiteurl', 'companydomainname', 'url', 'web', 'webdomain'],
  status: ['status', 'population', 'type', 'accounttype', 'lifecyclestage', 'relationship', 'stage'],
  value: ['value', 'amount', 'pipeline', 'pipelinevalue', 'opportunityamount', 'dealvalue', 'openpipeline', 'recentdealamount'],
};

/** Each column's meaning from its header (the first column with a meaning takes it). */
export function guessFields(header: string[]): AccountField[] {
  const taken = new Set<AccountField>();
  return header.map((hd) => {
    const k = key(hd);
    const f = (Object.keys(ALIASES) as Exclude<AccountField, 'ignore'>[]).find((x) => ALIASES[x].includes(k) && !taken.has(x));
    if (!f) return 'ignore';
    taken.add(f);
    return f;
  });
}

function presetOf(header: string[]): AccountsRead['preset'] {
  const ks = new Set(header.map(key));
  if (ks.has('recordid') && (ks.has('companydomainname') || ks.has('lifecyclestage'))) return 'HubSpot';
  if (ks.has('accountname') || ks.has('accountid')) return 'Salesforce';
  return null;
}

/**
 * A CRM's word for the relationship as a population: customers, prospects (leads of every
 * kind), open opportunities; empty is a customer (SPEC §14: a bare account is a customer);
 * anything else stays a population of its own, in lower case.
 */
export function population(raw: string): string {
  const s = raw.trim().toLowerCase();
  if (!s || /^(current |active )?(customer|client)s?\b/.test(s)) return 'customer';
  if (/^(prospect|lead|subscriber|marketing ?qualified ?lead|sales ?qualified ?lead|marketingqualifiedlead|salesqualifiedlead|mql|sql)s?$/.test(s)) return 'prospect';
  if (/^(open )?(opportunity|opportunities|opp|deal|pipeline)$/.test(s)) return 'opportunity';
  return s;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Reads CSV text as accounts; `fields` as chosen by the user, else guessed from the header. */
export function accountsFromCsv(papa: typeof Papa, text: string, chosen?: AccountField[]): AccountsRead {
  const p = parseCsv(papa, text);
  const fields = chosen && chosen.length === p.header.length ? chosen : guessFields(p.header);
  const col = (f: AccountField) => fields.indexOf(f);
  const problems: Problem[] = [...p.problems];
  const warnings: AccountsRead['warnings'] = [];
  const read: AccountsRead = { header: p.header, fields, preset: presetOf(p.header), accounts: [], warnings, problems };
  if (col('account') < 0 && col('name') < 0) {
    problems.push({ line: 1, reason: 'No column holds the account or company name: under “What each column means”, choose which column is the account id or the company name.' });
    return read;
  }
  const bad = new Set(problems.map((x) => x.line));
  let noStatus = 0;
  const own = new Map<string, number>();
  let valueNotOpp = 0;
  for (const { line, cells } of p.rows) {
    const get = (f: AccountField) => (col(f) >= 0 ? (cells[col(f)] ?? '').trim() : '');
    const why: string[] = [];
    const name = get('name');
    const account = get('account') || name;
    if (!account) why.push('no account id and no company name');
    const rawStatus = get('status');
    const status = population(rawStatus);
    const rec: AccountRecord = { account, status };
    if (name && name !== account) rec.name = name;
    const domain = get('domain');
    if (domain) rec.domain = domain;
    const v = get('value');
    if (v) {
      const a = parseAmount(v, p.delimiter === ';' ? 'de-DE' : 'en-US');
      if (!a.ok) why.push(`value “${v}” is not an amount`);
      else if (status === 'opportunity') rec.value = a.value;
      else if (Number(a.value) !== 0) valueNotOpp++;
    }
    if (why.length) { problems.push({ line, reason: why.join('; ') }); continue; }
    if (bad.has(line)) continue;
    if (!rawStatus && col('status') >= 0) noStatus++;
    if (!['customer', 'prospect', 'opportunity'].includes(status)) own.set(status, (own.get(status) ?? 0) + 1);
    read.accounts.push(rec);
  }
  const head = (f: AccountField) => p.header[col(f)] ?? f;
  if (col('status') < 0) warnings.push({ column: '', text: 'No column says customer, prospect or opportunity: every account counts as a customer.' });
  if (noStatus) warnings.push({ column: head('status'), text: `${plural(noStatus, 'row')} without a relationship (customer, prospect, …): counted as customers.` });
  if (own.size) warnings.push({ column: head('status'), text: `Kept as relationships of their own: ${[...own].map(([s, n]) => `${s} (${n.toLocaleString('en-US')})`).join(', ')}.` });
  if (valueNotOpp) warnings.push({ column: head('value'), text: `${plural(valueNotOpp, 'value')} on accounts that are not open opportunities: not counted as pipeline.` });
  if (col('domain') < 0) warnings.push({ column: '', text: 'No web domain column: accounts match by company name only.' });
  problems.sort((a, b) => a.line - b.line);
  return read;
}
