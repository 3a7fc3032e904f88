import { describe, expect, it } from 'vitest';
import { defaultSplits } from './splits';
import { journeysToText, textToJourneys } from './attribution';

describe('journeys as text', () => {
  it('writes the values as people write amounts and reads them back to the same values', () => {
    const s = defaultSplits(['a', 'b', 'c'], '1200000.00');
    const text = journeysToText(s.journeys, (id) => id.toUpperCase());
    expect(text).not.toMatch(/\d\.00\b/);
    expect(text.split('\n')[0]).toMatch(/^A ; 12 ; 40 ; 240\D?000$/);
    expect(textToJourneys(text, (n) => n.toLowerCase())).toEqual(s.journeys);
  });
  it('keeps a value it could not read as typed', () => {
    expect(journeysToText([{ path: ['a'], conversions: 1, nulls: 0, value: '12x' }], (id) => id)).toBe('a ; 1 ; 0 ; 12x');
  });
});
