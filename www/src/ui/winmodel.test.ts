import { describe, expect, it } from 'vitest';
import type { Prediction } from 'dealteam';
import { againstGuess, chanceText } from './winmodel';

describe('chanceText', () => {
  it('says what raises and lowers a team’s chance in sentences whose verb agrees', () => {
    const p = { probability: 0.62, fromModel: true, contributions: { coverage: 0.6, roles: -0.2, pastJointWinRate: 0.1, fit: 0.01 } } as Prediction;
    expect(chanceText(p).reasons).toEqual([
      'Covering the requirements raises the chance a lot.',
      'The number of different roles lowers the chance.',
      'Having won together before raises the chance.',
    ]);
  });
  it('with the model, says how the team compares with the past deals (a negative contribution of a feature that goes with winning: less of it than usual)', () => {
    const p = { probability: 0.4, fromModel: true, contributions: { roles: -0.7, size: -0.2, coverage: 0.3 } } as Prediction;
    const model = { features: ['coverage', 'size', 'roles'], coefficients: [0.8, -0.4, 1.1] };
    expect(chanceText(p, model).reasons).toEqual([
      'It has fewer different roles than the past deals’ teams on average, which lowers the chance a lot.',
      'It covers the requirements better than the past deals’ teams did on average, which raises the chance.',
      'It has more partners than the past deals’ teams on average, which lowers the chance.',
    ]);
  });
});

describe('againstGuess', () => {
  it('says in words how much less or more off the model was than guessing the win rate', () => {
    expect(againstGuess(0.5, 0.625, 0.58)).toBe('On the most recent deals, the model’s predictions were 20% less off than always guessing the older deals’ win rate (58%).');
    expect(againstGuess(0.75, 0.625, 0.58)).toBe('On the most recent deals, the model’s predictions were 20% more off than always guessing the older deals’ win rate (58%).');
    expect(againstGuess(0.625, 0.625, 0.5)).toBe('On the most recent deals, the model’s predictions were as far off as always guessing the older deals’ win rate (50%).');
    // a model without skill: the usual rate said once, in the verdict before
    expect(againstGuess(0.7, 0.625, null)).toBe('On the most recent deals, the model’s predictions were 12% more off than always guessing the usual win rate.');
  });
});
