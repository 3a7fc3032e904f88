// The sentence under the score weights: each weight's part of a team's score after the weights
// are divided by their sum, and what to change when they cannot make a score.
import { describe, expect, it } from 'vitest';
import { scoreShares, sharesSentence } from './score-weights';

describe('scoreShares', () => {
  it('divides each weight by their sum', () => {
    expect(scoreShares({ coverage: 0.5, fit: 0.3, synergy: 0.2 })).toEqual({ coverage: 0.5, fit: 0.3, synergy: 0.2 });
    const s = scoreShares({ coverage: 1, fit: 1, synergy: 2 })!;
    expect([s.coverage, s.fit, s.synergy]).toEqual([0.25, 0.25, 0.5]);
  });
  it('counts a missing weight as 0 and has no shares when none is above 0', () => {
    expect(scoreShares({ coverage: 0.4 })).toEqual({ coverage: 1, fit: 0, synergy: 0 });
    expect(scoreShares({ coverage: 0, fit: 0, synergy: 0 })).toBeNull();
    expect(scoreShares({})).toBeNull();
    expect(scoreShares({ coverage: -0.1, fit: 0.5, synergy: 0.2 })).toBeNull();
  });
});

describe('sharesSentence', () => {
  it('says each part of the score when the weights add up to 100%', () => {
    expect(sharesSentence({ coverage: 0.5, fit: 0.3, synergy: 0.2 })).toBe('Of a team’s score: requirements covered 50%, fit to the profiles 30% and worked well together before 20%.');
  });
  it('says the weights are divided by their sum when they do not add up to 100%', () => {
    expect(sharesSentence({ coverage: 0.6, fit: 0.3, synergy: 0.3 })).toBe('They add up to 120%, not 100%, so each counts as its part of that total. Of a team’s score: requirements covered 50%, fit to the profiles 25% and worked well together before 25%.');
    expect(sharesSentence({ coverage: 0.1, fit: 0.1, synergy: 0.1 })).toBe('They add up to 30%, not 100%, so each counts as its part of that total. Of a team’s score: requirements covered 33.3%, fit to the profiles 33.3% and worked well together before 33.3%.');
  });
  it('says what to change when all are 0 or one is below 0', () => {
    expect(sharesSentence({ coverage: 0, fit: 0, synergy: 0 })).toBe('All three are 0%, so teams would have no score: set at least one of them above 0%.');
    expect(sharesSentence({ coverage: -0.2, fit: 0.5, synergy: 0.2 })).toMatch(/^A weight below 0% cannot be used/);
  });
  it('says what a conflicting pair costs when conflicting pairs are allowed', () => {
    expect(sharesSentence({ coverage: 0.5, fit: 0.3, synergy: 0.2 }, 0.25)).toBe('Of a team’s score: requirements covered 50%, fit to the profiles 30% and worked well together before 20%. Each conflicting pair then takes 25 points off (of 100).');
    expect(sharesSentence({ coverage: 0.5, fit: 0.3, synergy: 0.2 }, 0.075)).toMatch(/takes 7\.5 points off/);
  });
});
