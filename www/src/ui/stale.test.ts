import { describe, expect, it } from 'vitest';
import { freshness, inputKey } from './stale';
import { textToJourneys } from './attribution';
import { defaultSplits, sharesProblem } from './splits';

describe('inputKey', () => {
  it('is the same for the same content whatever the order of the keys', () => {
    expect(inputKey({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(inputKey({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });
  it('differs when a value or the order of a list differs', () => {
    expect(inputKey({ a: [1, 2] })).not.toBe(inputKey({ a: [2, 1] }));
    expect(inputKey({ a: '1' })).not.toBe(inputKey({ a: 1 }));
  });
});

describe('freshness', () => {
  it('is current until results are shown, and again once the inputs are back to theirs', () => {
    let x = { amount: '100.00' };
    const f = freshness(() => x);
    expect(f.stale()).toBe(false);
    const done = f.computing(x);
    x = { amount: '200.00' };
    expect(f.stale()).toBe(false); // nothing shown yet
    done();
    expect(f.stale()).toBe(true); // shown, computed from 100
    x = { amount: '100.00' };
    expect(f.stale()).toBe(false);
  });
  it('a new computation forgets the results before it', () => {
    let x = 1;
    const f = freshness(() => x);
    f.computing(x)();
    x = 2;
    expect(f.stale()).toBe(true);
    f.computing(x);
    expect(f.stale()).toBe(false); // computing: no results to mark
  });
  it('journeys retyped the same (spaces, blank lines, 500000 for 500,000) are not a change; another figure is', () => {
    const read = (t: string) => textToJourneys(t, (n) => n.toLowerCase());
    let text = 'A > B ; 20 ; 30 ; 500,000\nB ; 6 ; 50 ; 90,000';
    const f = freshness(() => ({ journeys: read(text), order: 1 }));
    f.computing({ journeys: read(text), order: 1 })();
    text = 'A > B ; 20 ; 30 ; 500,00';
    expect(f.stale()).toBe(true);
    text = '  A>B;20;30;500000 \n\nB ; 6 ; 50 ; 90,000\n';
    expect(f.stale()).toBe(false);
    text = 'A > B ; 21 ; 30 ; 500,000\nB ; 6 ; 50 ; 90,000';
    expect(f.stale()).toBe(true);
  });
  it('a share typed away and back is not a change', () => {
    const s = defaultSplits(['a', 'b'], '1000.00');
    const f = freshness(() => ({ shares: s.shares, problem: sharesProblem(s) }));
    f.computing({ shares: { ...s.shares }, problem: sharesProblem(s) })();
    s.shares.a = 5;
    expect(f.stale()).toBe(true);
    s.shares.a = 50;
    expect(f.stale()).toBe(false);
  });
});
