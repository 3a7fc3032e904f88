// How a team's score weighs what it covers, how well it fits the profiles and how well its
// members have worked together (SPEC §3): the three weights count relative to each other (each
// as its part of their sum), so the sentence under them says what part of the score each gets.
import { number } from './format';

export interface ScoreWeights { coverage?: number; fit?: number; synergy?: number }

/** The weights' fields in the deal, with the labels of their fields and their names in the sentence. */
export const PARTS = [
  { key: 'coverage', label: 'Requirements covered (%)', said: 'requirements covered' },
  { key: 'fit', label: 'Fit to the profiles (%)', said: 'fit to the profiles' },
  { key: 'synergy', label: 'Worked well together before (%)', said: 'worked well together before' },
] as const;

/** Points of score (out of 100) a conflicting pair costs when the deal does not say (SPEC §1). */
export const DEFAULT_PENALTY = 0.25;

/** A weight as the deal holds it: a number, 0 when it is missing. */
const of = (w: ScoreWeights, k: keyof ScoreWeights) => (typeof w[k] === 'number' && Number.isFinite(w[k]) ? w[k] : 0);

/** Each weight's part of a team's score (0–1, adding up to 1), or null when none is above 0. */
export function scoreShares(w: ScoreWeights): Record<keyof ScoreWeights, number> | null {
  const [c, f, s] = PARTS.map((p) => of(w, p.key));
  const sum = c + f + s;
  if (!(sum > 0) || c < 0 || f < 0 || s < 0) return null;
  return { coverage: c / sum, fit: f / sum, synergy: s / sum };
}

/** A percentage as the sentence says it: whole, or with one decimal when it has one ("33.3%"). */
const pct = (x: number) => `${number(x * 100, 1)}%`;

/**
 * What part of a team's score each weight gets, in a sentence; it says when the weights do not
 * add up to 100% (they then count as parts of their sum) and what to change when they cannot
 * make a score (all 0, or one below 0). With a `penalty` (conflicting pairs allowed, each costing
 * that much of the score: 0–1), also what a conflicting pair costs.
 */
export function sharesSentence(w: ScoreWeights, penalty: number | null = null): string {
  const values = PARTS.map((p) => of(w, p.key));
  if (values.some((v) => v < 0)) return 'A weight below 0% cannot be used: set each of the three to 0% or more.';
  const shares = scoreShares(w);
  if (!shares) return 'All three are 0%, so teams would have no score: set at least one of them above 0%.';
  const sum = values.reduce((a, b) => a + b, 0);
  const parts = PARTS.map((p) => `${p.said} ${pct(shares[p.key])}`);
  const list = `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const whole = Math.abs(sum - 1) < 1e-9 ? '' : `They add up to ${pct(sum)}, not 100%, so each counts as its part of that total. `;
  const off = penalty === null ? '' : ` Each conflicting pair then takes ${number(penalty * 100, 1)} ${penalty === 0.01 ? 'point' : 'points'} off (of 100).`;
  return `${whole}Of a team’s score: ${list}.${off}`;
}
