import { describe, expect, it } from 'vitest';
import { plainMessage } from './errors';

describe('engine messages in the page’s words', () => {
  it('a chance typed in percent is answered in percent, without the data key', () => {
    expect(plainMessage('winProbability is a probability between 0 and 1, got 1.5')).toBe('Write a percentage from 0% to 100% (this is 150%).');
    expect(plainMessage('monthlyChurn is a probability between 0 and 1, got 1.07')).toBe('Write a percentage from 0% to 100% (this is 107%).');
  });
  it('a lower bound named by its key says only the bound (the field’s label names it)', () => {
    expect(plainMessage('maxTeamSize must be at least 1')).toBe('Must be at least 1.');
    // a sentence that starts with words, not a key, is left as it is
    expect(plainMessage('the horizon must be at least 1 month')).toBe('the horizon must be at least 1 month');
  });
  it('a whole number out of range', () => {
    expect(plainMessage('trials must be a whole number ≥ 0, got -3')).toBe('Write a whole number, 0 or more (not -3).');
    expect(plainMessage('must be a whole number from 0 to 4294967295, got "twelve"')).toBe('Write a whole number, 0 or more (not "twelve").');
  });
});
