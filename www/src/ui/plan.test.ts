import { describe, expect, it } from 'vitest';
import { defaultPlan } from './plan';
import { fingerprint } from './stale';
import { equalPercents } from './splits';

describe('defaultPlan', () => {
  it('splits the revenue in the equal shares the Splits screen makes', () => {
    const team = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), kind: 'si' }));
    const shares = (defaultPlan(team, 'EUR').split as { shares: Record<string, number> }).shares;
    expect(shares).toEqual(equalPercents(['a', 'b', 'c']));
    expect(shares).toEqual({ a: 33.33, b: 33.33, c: 33.34 });
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
