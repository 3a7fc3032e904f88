import { describe, expect, it } from 'vitest';
import { defaultPlan } from './plan';
import { equalPercents } from './splits';

describe('defaultPlan', () => {
  it('splits the revenue in the equal shares the Splits screen makes', () => {
    const team = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), kind: 'si' }));
    const shares = (defaultPlan(team, 'EUR').split as { shares: Record<string, number> }).shares;
    expect(shares).toEqual(equalPercents(['a', 'b', 'c']));
    expect(shares).toEqual({ a: 33.33, b: 33.33, c: 33.34 });
  });
});
