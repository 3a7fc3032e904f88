import { describe, expect, it } from 'vitest';
import { defaultSplits } from './splits';
import { journeyProblems, journeysToText, textToJourneys } from './attribution';

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

describe('journeyProblems', () => {
  const known = (n: string) => ['acme', 'beta'].includes(n.toLowerCase());
  it('good lines have none', () => {
    expect(journeyProblems('Acme > Beta ; 20 ; 30 ; 500,000\nbeta ; 3', known)).toEqual([]);
  });
  it('says per line what to change, in words', () => {
    expect(journeyProblems('Nobody Corp > Acme ; x ; y ; z', known)).toEqual([
      'Line 1: “Nobody Corp” is not a partner of this team.',
      'Line 1: “x” is not a number of conversions (0 or more).',
      'Line 1: “y” is not a number of journeys without a conversion (0 or more).',
      'Line 1: “z” is not an amount of money.',
    ]);
    expect(journeyProblems('\nAcme\n > Beta ; 1\nAcme ; 1 ; 0 ; 5 ; 6', known)).toEqual([
      'Line 2: write a number of conversions after the first “;” (0 or more).',
      'Line 3: a partner is missing between two “>”.',
      'Line 4: there are more than four parts; a line is partners ; conversions ; journeys without a conversion ; value.',
    ]);
  });
  it('no journey at all', () => {
    expect(journeyProblems('  \n ', known)).toEqual(['Write at least one journey, for example “A > B ; 20 ; 30 ; 500,000”.']);
  });
});
