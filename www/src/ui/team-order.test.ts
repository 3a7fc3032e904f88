import { describe, expect, it } from 'vitest';
import type { Deal, Team } from '../engine/types';
import { arrange, idleMembers, scoreTexts, searchK } from './team-order';

const deal = { id: 'd', name: 'd', value: '1.00', currency: 'EUR', slots: [{ role: 'isv', min: 1, max: 1 }, { role: 'si', min: 1, max: 2 }, { role: 'referral', min: 0, max: 1 }] } as Deal;
const team = (score: number, members: [string, number][], best: string[] = []): Team => ({
  members: members.map((m) => m[0]), score, slots: {}, coverage: 0, fit: 0, synergy: 0, conflicts: [], penalty: 0,
  covers: best.map((b) => ({ capability: 'c', level: 1, partnerId: b })), pairs: [],
  breakdown: members.map(([partnerId, slot]) => ({ partnerId, slot, role: '', profile: null, fit: null })),
});

describe('team order', () => {
  const a = team(0.8, [['i1', 0], ['s1', 1], ['r1', 2]], ['i1', 's1']);
  const b = team(0.8, [['i1', 0], ['s1', 1]], ['i1', 's1']);
  const c = team(0.8, [['i1', 0], ['s1', 1], ['r2', 2]], ['i1', 's1']);
  const d = team(0.7, [['i2', 0], ['s1', 1]], ['i2', 's1']);
  it('lists ties smallest team first', () => {
    expect(arrange([a, b, c, d], deal, 10, false)).toEqual([b, a, c, d]);
  });
  it('shows one team per core set when asked', () => {
    expect(arrange([a, c, b, d], deal, 10, true)).toEqual([b, d]);
    expect(arrange([a, c, b, d], deal, 1, true)).toEqual([b]);
  });
  it('flags optional members who are best at nothing', () => {
    expect(idleMembers(a, deal)).toEqual(['r1']);
    expect(idleMembers(b, deal)).toEqual([]);
  });
  it('asks the engine for more teams when filtering', () => {
    expect(searchK(10, true)).toBe(100);
    expect(searchK(10, false)).toBe(10);
  });
});

describe('team scores as shown', () => {
  const fmt = (x: number, digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  it('shows whole points when the rounded scores differ', () => {
    expect(scoreTexts([0.81, 0.76, 0.7], fmt)).toEqual(['81', '76', '70']);
  });
  it('adds a decimal where two different scores would read alike, to every score of the list', () => {
    // 76.3 and 75.8 both round to 76; 70 gets the decimal too, so the column lines up
    expect(scoreTexts([0.763, 0.758, 0.7], fmt)).toEqual(['76.3', '75.8', '70.0']);
    // 76.04 and 75.96 still read alike with one decimal (76.0): two
    expect(scoreTexts([0.7604, 0.7596], fmt)).toEqual(['76.04', '75.96']);
    // the teams of the sample's search: 77.9 and 77.6 need one decimal, 77.12 and 77.08 two
    expect(scoreTexts([0.779, 0.776, 0.7712, 0.7708, 0.767], fmt)).toEqual(['77.90', '77.60', '77.12', '77.08', '76.70']);
  });
  it('says when scores are equal', () => {
    expect(scoreTexts([0.8, 0.8, 0.5], fmt)).toEqual(['80 (tied)', '80 (tied)', '50']);
  });
});
