// Unit tests of the CSV import: line numbers (including quoted fields that span lines),
// column guessing, and every row problem reported with its reason.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guess, parseCsv, printable, toPartners, type Mapping } from './csv';

const map = (p: ReturnType<typeof parseCsv>): Mapping[] => p.header.map((hd, i) => guess(hd, p.rows.map((r) => r.cells[i] ?? '')));

describe('parseCsv', () => {
  it('numbers records by the physical line they start on', () => {
    for (const nl of ['\n', '\r\n']) {
      const p = parseCsv(Papa, ['id,name', 'a,"Acme', 'Cloud"', '', 'b,Beta', ''].join(nl));
      expect(p.header).toEqual(['id', 'name']);
      expect(p.rows.map((r) => [r.line, r.cells[1].replace('\r', '')])).toEqual([[2, 'Acme\nCloud'], [5, 'Beta']]);
    }
  });
  it('reports CSV syntax problems with their line', () => {
    const p = parseCsv(Papa, 'id,name\na,"unclosed\n');
    expect(p.problems.length).toBeGreaterThan(0);
    expect(p.problems[0].line).toBe(2);
  });
});

describe('guess', () => {
  it('maps known headers, cap_ columns and numeric columns', () => {
    expect(guess('Name', ['x'])).toEqual({ target: 'name', key: '' });
    expect(guess('cap_cloud', ['0.5'])).toEqual({ target: 'capability', key: 'cloud' });
    expect(guess('winRate', ['0.3', ''])).toEqual({ target: 'metric', key: 'winRate' });
    expect(guess('notes', ['hello'])).toEqual({ target: 'ignore', key: '' });
  });
});

describe('toPartners', () => {
  const csv = ['id,name,kind,tier,cap_cloud,winRate', 'a,Acme,isv,gold,0.9,0.3', 'b,Beta,si,diamond,1.5,x', ',NoId,si,,0.1,', 'a,Again,si,,0.2,', 'c,Short'].join('\n');
  const p = parseCsv(Papa, csv);
  const m = map(p);
  m[5] = { target: 'metric', key: 'winRate' }; // mostly non-numeric, so guessed "ignore"; the user maps it
  const r = toPartners(p, m, ['silver', 'gold']);
  it('imports the good rows with their source lines', () => {
    expect(r.partners.map((x) => x.id)).toEqual(['a']);
    expect(r.lines).toEqual([2]);
    expect(r.partners[0]).toEqual({ id: 'a', name: 'Acme', kind: 'isv', tier: 'gold', capabilities: { cloud: 0.9 }, metrics: { winRate: 0.3 } });
  });
  it('reports every bad row with its line and reason', () => {
    const byLine = Object.fromEntries(r.problems.map((x) => [x.line, x.reason]));
    expect(byLine[3]).toMatch(/tier "diamond" is not one of silver, gold/);
    expect(byLine[3]).toMatch(/capability "cloud" is 1.5; it must be between 0 and 1/);
    expect(byLine[3]).toMatch(/metric "winRate" is "x", not a number/);
    expect(byLine[4]).toMatch(/the id is empty/);
    expect(byLine[5]).toMatch(/the id "a" is already used on line 2/);
    expect(byLine[6]).toMatch(/has 2 values but the first line names 6 columns: check for a missing or extra “,”/);
    expect(r.partners.length + Object.keys(byLine).length).toBe(p.rows.length);
  });
});

describe('CSV from spreadsheets and CRMs', () => {
  it('reads decimal commas in a ";" file and amounts as people write them', () => {
    const p = parseCsv(Papa, 'id;name;cap_cloud;winRate;costToServe\np1;A;0,8;0,35;€ 1.200,50\n');
    const r = toPartners(p, map(p), []);
    expect(r.problems).toEqual([]);
    expect(r.partners[0]).toMatchObject({ capabilities: { cloud: 0.8 }, metrics: { winRate: 0.35 }, costToServe: '1200.50' });
  });
  it('keeps a number column with one bad value, and reports that row', () => {
    const p = parseCsv(Papa, 'id,name,deals\np1,A,3\np2,B,4\np3,C,n/a\np4,D,5\np5,E,6\n');
    expect(map(p)[2]).toEqual({ target: 'metric', key: 'deals' });
    const r = toPartners(p, map(p), []);
    expect(r.problems).toEqual([{ line: 4, reason: 'metric "deals" is "n/a", not a number' }]);
  });
  it('knows the standard columns of Salesforce and HubSpot exports', () => {
    expect(['Account ID', 'Account Name', 'Partner Tier', 'Billing Country', 'Record ID', 'Company name', 'Type'].map((x) => guess(x, ['x']).target))
      .toEqual(['id', 'name', 'tier', 'regions', 'id', 'name', 'kind']);
  });
});

describe('problems in a partner manager’s words', () => {
  const bad = ['id,name,kind,tier,regions,cap_cloud,cap_ai,winRate', 'x1,Acme Cloud,isv,,emea;na,0.9,0.4,0.3', 'x3,Broken Row,si,,na,1.7,0.2,0.1', 'x4,"unterminated,si', 'x5,,,,,,'].join('\n');
  it('says where a quote opens that is never closed, not the parser’s words', () => {
    const p = parseCsv(Papa, bad);
    expect(p.problems).toEqual([{ line: 4, reason: 'a quote (") opened on line 4 is never closed, so lines 4–5 were read as one value: add the closing quote, or remove the opening one' }]);
  });
  it('reports one problem per row, so rows with problems are counted right', () => {
    const p = parseCsv(Papa, bad);
    const r = toPartners(p, map(p), []);
    expect(r.problems.map((x) => x.line)).toEqual([3, 4]);
    expect(r.problems[1].reason).not.toMatch(/fields|Quoted|CSV:/);
  });
  it('reads a small ";" file with a last empty line as separated by ";", with no separator warning', () => {
    const p = parseCsv(Papa, 'foo;bar\n1;2\n');
    expect(p.header).toEqual(['foo', 'bar']);
    expect(p.problems).toEqual([]);
  });
  it('names problems of the whole file on line 1, in words; unreadable characters are shown escaped', () => {
    const p = parseCsv(Papa, '\u0000\u0001hello world\nno commas here');
    const r = toPartners(p, map(p), []);
    expect(r.partners).toEqual([]);
    expect(r.problems.every((x) => x.line === 1)).toBe(true);
    const text = r.problems.map((x) => x.reason).join('\n');
    expect(text).not.toMatch(/CSV:|auto-detect|delimiting|mapped to/);
    expect(text).toContain('unreadable characters');
    expect(text).toContain('\\u0000\\u0001hello world');
    expect(text).toContain('Only one column');
    expect(printable('\u0000\u0001hello world')).toBe('\\u0000\\u0001hello world');
  });
  it('says which column to choose when no column is the id, instead of “the id is empty” on every row', () => {
    const p = parseCsv(Papa, 'code,name\na,Acme\nb,Beta\n');
    const r = toPartners(p, [{ target: 'ignore', key: '' }, { target: 'name', key: '' }], []);
    expect(r.partners).toEqual([]);
    expect(r.problems).toEqual([{ line: 1, reason: 'No column is set to “id”: under Columns, choose “id” for the column that holds each partner’s own id (add such a column to the file if it has none).' }]);
  });
  it('leaves out a row whose name has control characters, and shows them escaped', () => {
    const p = parseCsv(Papa, 'id,name\na,Ac\u0007me\nb,Beta\n');
    const r = toPartners(p, map(p), []);
    expect(r.partners.map((x) => x.id)).toEqual(['b']);
    expect(r.problems).toEqual([{ line: 2, reason: 'the name “Ac\\u0007me” holds unreadable characters (shown as \\u…): correct it in the file' }]);
  });
});
