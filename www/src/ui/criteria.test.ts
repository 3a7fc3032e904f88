// A profile's criteria in words (criteria.ts): a weight's meaning, and the keys to choose from.
import { describe, expect, it } from 'vitest';
import type { Partner, Profile } from '../engine/types';
import { capabilityLabels, hasKey, listedKeys, mergeKeys, namedKeys, weightShare, weightWords } from './criteria';

describe('a criterion’s weight', () => {
  it('is its share of all the profile’s weights', () => {
    const w = [3, 2, 1, 1, 1, 1, 2, 1, 1];
    expect(weightShare(w, 0)).toBeCloseTo(3 / 13);
    expect(weightShare([5], 0)).toBe(1);
    expect(weightShare([1, 1, 2], 2)).toBe(0.5);
    expect(weightShare([], 0)).toBe(0);
    expect(weightShare([0, 0], 1)).toBe(0);
  });
  it('is said as the number and what it counts for in the fit, not as a raw slider value', () => {
    expect(weightWords([3, 2, 1, 1, 1, 1, 2, 1, 1], 0)).toEqual({ value: '3', meaning: 'counts for 23% of the fit' });
    expect(weightWords([2.5, 2.5], 1)).toEqual({ value: '2.5', meaning: 'counts for 50% of the fit' });
    expect(weightWords([0.1, 9.9], 0)).toEqual({ value: '0.1', meaning: 'counts for 1% of the fit' });
    expect(weightWords([1], 0).value).not.toMatch(/\.0$/);
  });
});

describe('the keys a criterion chooses from', () => {
  it('are the industries and certifications the partners list', () => {
    const ps: Partner[] = [
      { id: 'a', name: 'A', kind: 'si', industries: ['Retail', 'Healthcare'], certifications: ['iso27001'] },
      { id: 'b', name: 'B', kind: 'isv', industries: ['Healthcare'], certifications: ['soc2', 'iso27001'] },
      { id: 'c', name: 'C', kind: 'isv' },
    ];
    expect(listedKeys(ps)).toEqual({ industries: ['Healthcare', 'Retail'], certifications: ['iso27001', 'soc2'] });
    expect(listedKeys([])).toEqual({ industries: [], certifications: [] });
  });
  it('include those the profiles name already (none is lost)', () => {
    const profiles: Profile[] = [{
      id: 'p', name: 'P',
      criteria: [{ kind: 'capability', key: 'cloud', weight: 1 }, { kind: 'tier', weight: 1 }, { kind: 'metric', key: 'winRate', weight: 1, good: 0.5, bad: 0.1 }],
      require: { capabilitiesMin: { ai: 0.5 }, metricsMax: { salesCycleDays: 90 }, industriesAny: ['Energy'], regionsAny: ['EMEA'], certificationsAll: ['hipaa'] },
    }];
    expect(namedKeys(profiles)).toEqual({ capability: ['ai', 'cloud'], industry: ['Energy'], region: ['EMEA'], certification: ['hipaa'], metric: ['salesCycleDays', 'winRate'] });
    expect(mergeKeys(namedKeys(profiles), { industry: ['Retail', 'Energy'] }).industry).toEqual(['Energy', 'Retail']);
  });
  it('exist for every kind but the tier and reach', () => {
    expect(['capability', 'industry', 'region', 'certification', 'metric'].every(hasKey)).toBe(true);
    expect(hasKey('tier') || hasKey('reach')).toBe(false);
  });
});

describe('a partner’s strongest capabilities', () => {
  it('are said by name, the levels as the engine wrote them', () => {
    expect(capabilityLabels('cloud 80%, ai 71%, data 31%')).toBe('Cloud 80%, AI 71%, Data 31%');
    expect(capabilityLabels('iso27001 100%')).toBe('ISO 27001 100%');
    expect(capabilityLabels('data_analytics 5 %')).toBe('Data analytics 5 %');
    expect(capabilityLabels('')).toBe('');
  });
});
