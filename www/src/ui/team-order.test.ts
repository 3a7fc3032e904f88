import { describe, expect, it } from 'vitest';
import type { Deal, Team } from '../engine/types';
import { arrange, idleMembers, namesList, scoreTexts, searchK } from './team-order';

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
  it('adds a decimal only to different scores that would read alike', () => {
    // 76.3 and 75.8 both round to 76: one decimal for them; 70 stays whole
    expect(scoreTexts([0.763, 0.758, 0.7], fmt)).toEqual(['76.3', '75.8', '70']);
    // 76.04 and 75.96 still read alike with one decimal (76.0): two
    expect(scoreTexts([0.7604, 0.7596], fmt)).toEqual(['76.04', '75.96']);
  });
  it('reads the sample’s search in whole points where it can', () => {
    // 77.02 and 76.90 both read 77; 76.40, 75.87, 75.81 and 75.77 all read 76, and 75.81 and 75.77 still read 75.8 with one decimal
    expect(scoreTexts([0.77019, 0.769022, 0.763957, 0.758662, 0.758146, 0.757686], fmt)).toEqual(['77.0', '76.9', '76.4', '75.9', '75.81', '75.77']);
    expect(scoreTexts([0.9, 0.77019, 0.769022, 0.5], fmt)).toEqual(['90', '77.0', '76.9', '50']);
  });
  it('never shows two different scores alike, even across whole numbers', () => {
    // 76.46 reads 76 and 76.52 reads 77; each needs a decimal for its neighbour (75.9, 76.96), and then both read 76.5: two for those two
    const scores = [0.7696, 0.7652, 0.7646, 0.759];
    const shown = scoreTexts(scores, fmt);
    expect(new Set(shown).size).toBe(scores.length);
    expect(shown).toEqual(['77.0', '76.52', '76.46', '75.9']);
  });
  it('says when scores are equal, and shows them alike', () => {
    expect(scoreTexts([0.8, 0.8, 0.5], fmt)).toEqual(['80 (tied)', '80 (tied)', '50']);
    expect(scoreTexts([0.763, 0.758, 0.758], fmt)).toEqual(['76.3', '75.8 (tied)', '75.8 (tied)']);
  });
});

describe('names in a sentence', () => {
  it('joins with commas and a last "and"', () => {
    expect(namesList(['Acme'])).toBe('Acme');
    expect(namesList(['Acme', 'Beta'])).toBe('Acme and Beta');
    expect(namesList(['Acme', 'Beta', 'Gamma'])).toBe('Acme, Beta and Gamma');
  });
});
