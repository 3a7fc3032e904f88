import { describe, expect, it } from 'vitest';
import type { Prediction } from 'dealteam';
import { chanceText } from './winmodel';

describe('chanceText', () => {
  it('says what raises and lowers a team’s chance in sentences whose verb agrees', () => {
    const p = { probability: 0.62, fromModel: true, contributions: { coverage: 0.6, roles: -0.2, pastJointWinRate: 0.1, fit: 0.01 } } as Prediction;
    expect(chanceText(p).reasons).toEqual([
      'Covering the requirements raises the chance a lot.',
      'The number of different roles lowers the chance.',
      'Having won together before raises the chance.',
    ]);
  });
});
