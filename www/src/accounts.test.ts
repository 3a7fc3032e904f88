// Unit tests of reading account lists: our columns, a Salesforce and a HubSpot export as they
// come, CRM stage words as populations, decimal commas, and every bad row named with its line.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { accountsFromCsv, guessFields, population } from './accounts';

describe('population', () => {
  it('turns CRM words into the three populations and keeps the others', () => {
    expect(['Customer', 'Customer - Direct', 'customer - channel', 'Client', ''].map(population)).toEqual(Array(5).fill('customer'));
    expect(['Prospect', 'lead', 'subscriber', 'marketingqualifiedlead', 'Sales Qualified Lead', 'MQL'].map(population)).toEqual(Array(6).fill('prospect'));
    expect(['opportunity', 'Open Opportunity', 'Pipeline'].map(population)).toEqual(Array(3).fill('opportunity'));
    expect(population('Evangelist')).toBe('evangelist');
    expect(population('Technology Partner')).toBe('technology partner');
  });
});

describe('accountsFromCsv', () => {
  it('reads our own columns', () => {
    const r = accountsFromCsv(Papa, 'account,status,value,domain,name\na1,customer,,acme.com,Acme Inc\na2,opportunity,1200.50,,Beta GmbH\n');
    expect(r.fields).toEqual(['account', 'status', 'value', 'domain', 'name']);
    expect(r.preset).toBeNull();
    expect(r.accounts).toEqual([
      { account: 'a1', status: 'customer', domain: 'acme.com', name: 'Acme Inc' },
      { account: 'a2', status: 'opportunity', value: '1200.50', name: 'Beta GmbH' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('reads a Salesforce account export with ";" and decimal commas', () => {
    const csv = ['Account ID;Account Name;Website;Type;Amount;Billing City', '001A;Acme Inc.;https://www.acme.com/about;Customer - Direct;;Berlin',
      '001B;Beta GmbH;beta.de;Opportunity;12.500,75;Köln', '001C;Gamma;;Technology Partner;;Paris', '001D;Delta;delta.io;Opportunity;zwölf;Rom'].join('\n');
    const r = accountsFromCsv(Papa, csv);
    expect(r.preset).toBe('Salesforce');
    expect(r.fields).toEqual(['account', 'name', 'domain', 'status', 'value', 'ignore']);
    expect(r.accounts[1]).toEqual({ account: '001B', status: 'opportunity', value: '12500.75', name: 'Beta GmbH', domain: 'beta.de' });
    expect(r.accounts.map((a) => a.status)).toEqual(['customer', 'opportunity', 'technology partner']);
    expect(r.problems).toEqual([{ line: 5, reason: 'value “zwölf” is not an amount' }]);
    expect(r.warnings).toEqual([{ column: 'Type', text: 'Kept as relationships of their own: technology partner (1).' }]);
  });

  it('reads a HubSpot company export; a row without id or name is left out', () => {
    const csv = ['Record ID,Company name,Company Domain Name,Lifecycle Stage,Recent Deal Amount', '11,Acme,acme.com,customer,', '12,Beta,,lead,', ',,x.com,customer,', '13,Gamma,gamma.com,,'].join('\n');
    const r = accountsFromCsv(Papa, csv);
    expect(r.preset).toBe('HubSpot');
    expect(r.accounts.map((a) => [a.account, a.status])).toEqual([['11', 'customer'], ['12', 'prospect'], ['13', 'customer']]);
    expect(r.problems).toEqual([{ line: 4, reason: 'no account id and no company name' }]);
    expect(r.warnings).toEqual([{ column: 'Lifecycle Stage', text: '1 row without a relationship (customer, prospect, …): counted as customers.' }]);
  });

  it('uses the name as the account when there is no id column, and says what it assumed', () => {
    const r = accountsFromCsv(Papa, 'Company\nAcme\nBeta\n');
    expect(r.accounts).toEqual([{ account: 'Acme', status: 'customer' }, { account: 'Beta', status: 'customer' }]);
    expect(r.warnings.map((w) => w.text)).toEqual([
      'No column says customer, prospect or opportunity: every account counts as a customer.',
      'No web domain column: accounts match by company name only.',
    ]);
  });

  it('follows the columns the user chose, and refuses a file with no account column', () => {
    expect(guessFields(['Notes', 'Size'])).toEqual(['ignore', 'ignore']);
    const none = accountsFromCsv(Papa, 'Notes,Size\nx,1\n');
    expect(none.accounts).toEqual([]);
    expect(none.problems[0].line).toBe(1);
    const chosen = accountsFromCsv(Papa, 'Notes,Size\nx,1\n', ['name', 'ignore']);
    expect(chosen.accounts).toEqual([{ account: 'x', status: 'customer' }]);
  });
});
