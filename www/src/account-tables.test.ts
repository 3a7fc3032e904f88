// The account lists' tables as text (what the page shows and the worker's CSV files hold) and the
// CSV writer, by hand.
import { describe, expect, it } from 'vitest';
import type { SharedAccount } from 'dealteam';
import { newTable, popWords, sharedTable } from './account-tables';
import { csvOf } from './csv-write';

const GLOBEX: SharedAccount = { a: '002-2', b: '12', name: 'Globex GmbH', matchedBy: 'domain', key: 'globex.de', aStatus: 'opportunity', bStatus: 'opportunity', aValue: '12500.50', bValue: null };
const INITECH: SharedAccount = { a: '003-3', b: '13', name: 'Initech', matchedBy: 'name', key: 'initech', aStatus: 'prospect', bStatus: 'prospect' };

describe('account tables', () => {
  it('a cell: how each matched, and the pipelines in money only when shown', () => {
    const t = sharedTable([GLOBEX, INITECH], { a: 'Northwind', b: 'Contoso', full: false, currency: 'EUR' });
    expect(t.head).toEqual(['Company (Northwind’s name)', 'Northwind’s account', 'Contoso’s account', 'How they matched']);
    expect(t.rows).toEqual([['Globex GmbH', '002-2', '12', 'same web domain (globex.de)'], ['Initech', '003-3', '13', 'same company name (“initech”)']]);
    const full = sharedTable([GLOBEX], { a: 'Northwind', b: 'Contoso', full: true, currency: 'EUR' });
    expect(full.head.slice(4)).toEqual(['Northwind’s pipeline', 'Contoso’s pipeline']);
    expect(full.rows[0]?.slice(4)).toEqual([expect.stringMatching(/12[,.]501/), '—']);
    expect(full.num).toEqual([4, 5]);
  });

  it('a side’s new accounts, their populations in words', () => {
    const t = newTable([{ account: '004-4', name: 'Umbrella Corp', status: 'opportunity' }, { account: '9', name: 'Wonka', status: 'partner-sourced' }], 'Northwind');
    expect(t).toEqual({ head: ['Company', 'Northwind’s account', 'Relationship'], rows: [['Umbrella Corp', '004-4', 'opportunity'], ['Wonka', '9', 'partner-sourced']] });
    expect([popWords('opportunity'), popWords('customer', 3), popWords('customer', 1)]).toEqual(['opportunities', 'customers', 'customer']);
  });

  it('CSV: quoted where a field holds a comma, quote, semicolon or line break', () => {
    expect(csvOf([['Company', 'Population'], ['Acme, Inc.', 'say "hi"'], ['a;b', 'line\nbreak']]))
      .toBe('Company,Population\r\n"Acme, Inc.","say ""hi"""\r\n"a;b","line\nbreak"\r\n');
  });
});
