import { describe, expect, it } from 'vitest';
import { defaultPlan, splitsPercents } from './plan';
import { fingerprint } from './stale';
import { equalPercents } from './splits';

describe('defaultPlan', () => {
  it('splits the revenue in the equal shares the Splits screen makes', () => {
    const team = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), kind: 'si' }));
    const shares = (defaultPlan(team, 'EUR').split as { shares: Record<string, number> }).shares;
    expect(shares).toEqual(equalPercents(['a', 'b', 'c']));
    expect(shares).toEqual({ a: 33.33, b: 33.33, c: 33.34 });
  });
  it('takes the shares set on the Splits screen when Splits divides among the same partners', () => {
    const team = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), kind: 'si' }));
    const splits = { amount: '100.00', members: ['c', 'a', 'b'], shares: { a: 50, b: 25, c: 25 }, sharesPct: true, influenceRate: 0.05, journeys: [] };
    const theirs = splitsPercents(splits, ['a', 'b', 'c']);
    expect(theirs).toEqual({ a: 50, b: 25, c: 25 });
    expect((defaultPlan(team, 'EUR', theirs).split as { shares: Record<string, number> }).shares).toEqual({ a: 50, b: 25, c: 25 });
    // another team, or shares kept as weights (an older workspace): none
    expect(splitsPercents(splits, ['a', 'b'])).toBeNull();
    expect(splitsPercents({ ...splits, sharesPct: false }, ['a', 'b', 'c'])).toBeNull();
    expect(splitsPercents(null, ['a'])).toBeNull();
    expect(splitsPercents({ ...splits, shares: { a: 50, b: 25, c: 20 } }, ['a', 'b', 'c'])).toBeNull();
  });
});

describe('fingerprint (what a saved simulation came from)', () => {
  const team = ['a', 'b'].map((id) => ({ id, name: id.toUpperCase(), kind: 'si' }));
  const request = () => ({ plan: defaultPlan(team, 'EUR'), trials: 2000, seed: 42 });
  it('is the same for the same content, whatever the order of the keys', () => {
    const r = request();
    const reordered = { seed: 42, trials: 2000, plan: Object.fromEntries(Object.entries(r.plan).reverse()) };
    expect(fingerprint(reordered)).toBe(fingerprint(r));
  });
  it('differs when a value changes, and is the same again when it is restored', () => {
    const r = request();
    const before = fingerprint(r);
    r.plan.pipeline!.winProbability = 0.3;
    expect(fingerprint(r)).not.toBe(before);
    r.plan.pipeline!.winProbability = 0.25;
    expect(fingerprint(r)).toBe(before);
    expect(fingerprint({ ...r, seed: 43 })).not.toBe(before);
    expect(fingerprint({ ...r, trials: 500 })).not.toBe(before);
  });
  it('is short: kept in the workspace and its share link instead of a copy of the plan', () => {
    expect(fingerprint(request()).length).toBeLessThan(30);
  });
});
