// A profile's limit rows (limits.ts): kept as the `{ key: number }` map the engine reads.
import { describe, expect, it } from 'vitest';
import { fromRows, isRate, offeredKeys, toRows, unusedKey } from './limits';
import { keyLabel } from './format';

describe('limit rows', () => {
  it('are the stored map’s entries, in order, and make the same map again', () => {
    const m = { winRate: 0.2, psat: 4 };
    expect(toRows(m)).toEqual([{ key: 'winRate', value: 0.2 }, { key: 'psat', value: 4 }]);
    expect(fromRows(toRows(m))).toEqual(m);
    expect(toRows(undefined)).toEqual([]);
  });
  it('leave out rows without a value, and make no map when none has one', () => {
    expect(fromRows([{ key: 'cloud', value: 0.6 }, { key: 'ai' }])).toEqual({ cloud: 0.6 });
    expect(fromRows([{ key: 'ai' }])).toBeUndefined();
    expect(fromRows([])).toBeUndefined();
  });
  it('offer the first key no row has yet', () => {
    expect(unusedKey(['ai', 'cloud', 'data'], [{ key: 'ai' }, { key: 'data', value: 1 }])).toBe('cloud');
    expect(unusedKey(['ai'], [{ key: 'ai' }])).toBeUndefined();
  });
  it('take a figure whose key ends in “Rate” for a rate (a percentage)', () => {
    expect(isRate('winRate')).toBe(true);
    expect(isRate('churnRate')).toBe(true);
    expect(isRate('salesCycleDays')).toBe(false);
    expect(isRate('psat')).toBe(false);
  });
  it('offer the partners’ keys and those the data names already, once each, in the order of their names', () => {
    expect(offeredKeys(['winRate', 'psat', 'cac'], ['salesCycleDays', 'winRate', ''], keyLabel)).toEqual(['cac', 'psat', 'salesCycleDays', 'winRate']);
    expect(offeredKeys([], ['oldKey'], keyLabel)).toEqual(['oldKey']);
  });
});
