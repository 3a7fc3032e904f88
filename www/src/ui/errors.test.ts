import { describe, expect, it } from 'vitest';
import { keysInWords, plainMessage } from './errors';

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

describe('data keys no rule knows, in words', () => {
  it('a hint in brackets that names keys goes; the sentence stays', () => {
    expect(plainMessage('describe how success is measured (`successMeasures`, e.g. "pipeline created")')).toBe('describe how success is measured');
    expect(plainMessage('an independent party (`governance.independentParty`) is recommended to arbitrate and audit')).toBe('an independent party is recommended to arbitrate and audit');
  });
  it('keys in camelCase or backticks become words', () => {
    expect(plainMessage('the slots need at least 4 members but maxTeamSize is 3')).toBe('the slots need at least 4 members but max team size is 3');
    expect(plainMessage('offTrackBelow (0.4) must not be above onTrackAbove (0.3)')).toBe('off track below (0.4) must not be above on track above (0.3)');
    expect(plainMessage('an objective needs a `byMonth`')).toBe('an objective needs a by month');
    expect(plainMessage('jointWins (4) cannot exceed jointDeals (3)')).toBe('joint wins (4) cannot exceed joint deals (3)');
  });
  it('a value the engine quotes is quoted, as written; the page’s quotes are left alone', () => {
    expect(keysInWords('`AcmeCorp` is not a partner of the plan')).toBe('“AcmeCorp” is not a partner of the plan');
    expect(keysInWords('unknown metric `growthRate`')).toBe('unknown metric growth rate');
    expect(keysInWords('“eBay” and “openAi” are not partners')).toBe('“eBay” and “openAi” are not partners');
    // a brand written with one lower-case letter first is no key
    expect(keysInWords('the iPhone team')).toBe('the iPhone team');
  });
  it('a criterion without its key asks for one, by its kind', () => {
    expect(plainMessage('a capability criterion needs a key')).toBe('Choose which capability this criterion looks at.');
    expect(plainMessage('a metric criterion needs a key')).toBe('Choose which figure this criterion looks at.');
    expect(plainMessage('an industry criterion needs a key')).toBe('Choose which industry this criterion looks at.');
  });
  it('no trials says how many to run', () => {
    expect(plainMessage('run at least 1 trial')).toBe('Write how many futures to simulate: 500 is quick, 2,000 more precise.');
  });
  it('a message without keys is unchanged', () => {
    expect(plainMessage('a journey needs at least one partner touch')).toBe('a journey needs at least one partner touch');
  });
});
