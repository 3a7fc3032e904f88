// IPP calibration's suggested weights as profile weights, in one place for the worker (which
// ranks the partners under them for the what-if) and the profile editor (which applies them):
// each criterion gets its suggested share of the profile's current total weight, to one
// decimal, and at least 0.1 (the editor's smallest weight; a profile weight must be above 0).
import type { Profile } from './engine/types';

/** The smallest weight the editor offers. */
export const MIN_WEIGHT = 0.1;

/** The profile's weights under the suggested shares; null when none are suggested. */
export function suggestedWeights(profile: Profile, shares: (number | null | undefined)[]): number[] | null {
  if (shares.length !== profile.criteria.length || shares.some((s) => typeof s !== 'number')) return null;
  const total = profile.criteria.reduce((a, c) => a + c.weight, 0) || profile.criteria.length;
  return (shares as number[]).map((s) => Math.max(MIN_WEIGHT, Math.round(s * total * 10) / 10));
}

/** A copy of the profile with the suggested weights; null when none are suggested. */
export function withWeights(profile: Profile, weights: number[] | null): Profile | null {
  if (!weights) return null;
  return { ...profile, criteria: profile.criteria.map((c, i) => ({ ...c, weight: weights[i] })) };
}
