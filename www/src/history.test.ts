import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exampleHistory, historyFromCsv, historyFromJson } from './history';

describe('deal history from CSV', () => {
  it('reads our own columns, with partners and roles', () => {
    const r = historyFromCsv(Papa, 'id,closedAt,won,value,cycleDays,partners,coverage\nd1,2025-01-31,yes,"1,200,000",90,p1:influence;p2,0.8\nd2,2025-02-01,no,300000,40,,\n');
    expect(r.problems).toEqual([]);
    expect(r.deals).toEqual([
      { id: 'd1', closedAt: '2025-01-31', won: true, value: '1200000.00', cycleDays: 90, partners: [{ id: 'p1', role: 'influence' }, { id: 'p2', role: 'partner' }], coverage: 0.8 },
      { id: 'd2', closedAt: '2025-02-01', won: false, value: '300000.00', cycleDays: 40, partners: [] },
    ]);
  });
  it('reads a Salesforce opportunity export with ";" and decimal commas', () => {
    const csv = 'Opportunity ID;Stage;Amount;Close Date;Created Date;Partner Account;Coverage;Description\n006A;Closed Won;1.200.000,50;31.01.2025;01.11.2024;Acme;0,75;x\n006B;Closed Lost;€ 80 000;15.02.2025;01.02.2025;;;y\n006C;Negotiation;10;15.02.2025;01.02.2025;;;z\n';
    const r = historyFromCsv(Papa, csv);
    expect(r.deals.map((d) => [d.id, d.won, d.value, d.closedAt, d.cycleDays, d.coverage])).toEqual([
      ['006A', true, '1200000.50', '2025-01-31', 91, 0.75],
      ['006B', false, '80000.00', '2025-02-15', 14, undefined],
    ]);
    expect(r.problems).toEqual([{ line: 4, reason: expect.stringContaining('“Negotiation” is not won or lost') }]);
    expect(r.ignored).toEqual(['Description']);
  });
  it('reads a HubSpot deal export with month-first dates', () => {
    const csv = 'Record ID,Deal Stage,Amount,Close Date,Days to close\n1,closedwon,5000,01/31/2025,12\n2,closedlost,7000,02/03/2025,30\n';
    const r = historyFromCsv(Papa, csv, 'dmy');
    expect(r.deals.map((d) => d.closedAt)).toEqual(['2025-01-31', '2025-02-03']);
  });
  it('says which required column is missing', () => {
    const r = historyFromCsv(Papa, 'id,won\n1,yes\n');
    expect(r.deals).toEqual([]);
    expect(r.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringContaining('Close Date'), expect.stringContaining('Amount'), expect.stringContaining('Age')]));
  });
  it('reports a bad value with its line', () => {
    const r = historyFromCsv(Papa, 'id,closedAt,won,value,cycleDays\nd1,2025-13-01,yes,12,3\nd2,2025-01-01,yes,abc,3\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.problems[0].reason).toContain('not a date');
    expect(r.problems[1].reason).toContain('not an amount');
  });
});

describe('deal history from JSON and the example', () => {
  it('accepts {history} and a bare list', () => {
    expect(historyFromJson('{"history":[{"id":"a"}],"currency":"USD"}').currency).toBe('USD');
    expect(historyFromJson('[{"id":"a"}]').deals).toHaveLength(1);
    expect(() => historyFromJson('{"x":1}')).toThrow(/deal history/);
  });
  it('makes the same made-up history every time, time-ordered', () => {
    const a = exampleHistory(['p1', 'p2', 'p3']);
    expect(a).toEqual(exampleHistory(['p1', 'p2', 'p3']));
    expect(a).toHaveLength(160);
    expect([...a].sort((x, y) => x.closedAt.localeCompare(y.closedAt))).toEqual(a);
    const won = a.filter((d) => d.won).length;
    expect(won).toBeGreaterThan(30);
    expect(won).toBeLessThan(130);
  });
});

describe('deal history problems in a partner manager’s words', () => {
  it('names each missing column as the file must spell it, and explains it', () => {
    const r = historyFromCsv(Papa, 'foo;bar\n1;2\n');
    expect(r.deals).toEqual([]);
    expect(r.ignored).toEqual(['foo', 'bar']);
    expect(r.problems.every((p) => p.line === 1)).toBe(true);
    const text = r.problems.map((p) => p.reason).join('\n');
    expect(text).not.toMatch(/CSV:|auto-detect|delimiting|No column for (closedAt|cycleDays)/);
    expect(text).toContain('No column for the close date: add a column named closedAt (the date the deal closed');
    expect(text).toContain('No column for the sales cycle: add a column named cycleDays (how many days the deal took to close');
  });
  it('says a one-column file needs its column names separated by “,” or “;”', () => {
    const r = historyFromCsv(Papa, 'foo\n1\n');
    expect(r.problems[0]).toEqual({ line: 1, reason: expect.stringContaining('Only one column was found, named “foo”') });
  });
  it('leaves out a row with a quote that is never closed, once', () => {
    const r = historyFromCsv(Papa, 'id,closedAt,won,value,cycleDays\nd1,2025-01-01,yes,12,3\nd2,"2025-01-01,yes,12,3\n');
    expect(r.deals.map((d) => d.id)).toEqual(['d1']);
    expect(r.problems).toEqual([{ line: 3, reason: expect.stringContaining('a quote (") opened on line 3 is never closed') }]);
  });
  it('says a JSON file that ends too early does, not the parser’s words', () => {
    expect(() => historyFromJson('[{"id":')).toThrow(/^This JSON file is not complete \(it ends too early\)/);
  });
});
