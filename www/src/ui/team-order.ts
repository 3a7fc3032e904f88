// The teams a user can act on: ties listed smallest team first, optionally at most one team
// per core set (the members of the deal's required slots — so the list is not ten copies of
// one team with another referral partner), and members who add nothing flagged.
import type { Deal, Team } from '../engine/types';

const TIE = 1e-9;

/** The members of `t` in slots the deal requires (min ≥ 1), sorted: teams with the same core differ only in optional members. */
export function coreSet(t: Team, deal: Deal | null): string {
  const required = (m: string) => {
    const b = t.breakdown?.find((x) => x.partnerId === m);
    const slot = b ? deal?.slots[b.slot] : undefined;
    return !slot || slot.min >= 1;
  };
  return t.members.filter(required).sort().join('\u0000');
}

/** Orders and filters the engine's teams for showing: best score first, ties smallest first; `diverse`: one per core set. */
export function arrange(teams: Team[], deal: Deal | null, k: number, diverse: boolean): Team[] {
  const order = teams.map((t, i) => ({ t, i }));
  order.sort((a, b) => (Math.abs(a.t.score - b.t.score) > TIE ? b.t.score - a.t.score : a.t.members.length - b.t.members.length || a.i - b.i));
  const seen = new Set<string>();
  const out: Team[] = [];
  for (const { t } of order) {
    if (diverse) {
      const key = coreSet(t, deal);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(t);
    if (out.length >= k) break;
  }
  return out;
}

/** How many teams to ask the engine for: more when only one per core set is shown. */
export const searchK = (k: number, diverse: boolean) => (diverse ? Math.min(1000, Math.max(k * 10, 50)) : k);

/**
 * Members who add nothing the others lack: in an optional slot and best on no requirement
 * (the team would cover the deal just as well without them).
 */
export function idleMembers(t: Team, deal: Deal | null): string[] {
  const best = new Set(t.covers?.map((c) => c.partnerId).filter((x): x is string => !!x));
  return t.members.filter((m) => {
    const b = t.breakdown?.find((x) => x.partnerId === m);
    const slot = b ? deal?.slots[b.slot] : undefined;
    return slot !== undefined && slot.min === 0 && !best.has(m);
  });
}

/**
 * The teams' scores out of 100 as shown, in list order: whole points ("76"), but a decimal more
 * (up to three) for two different scores that would otherwise read alike ("76.3" and "75.8"), so
 * the order of the list can be read off the numbers; scores that are equal say "(tied)" and read
 * alike. Only the scores that need the decimals get them.
 */
export function scoreTexts(scores: number[], fmt: (x: number, digits: number) => string): string[] {
  const digits = scores.map(() => 0);
  const text = (i: number) => fmt(scores[i] * 100, digits[i]);
  const same = (i: number, j: number) => Math.abs(scores[i] - scores[j]) <= TIE;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < scores.length; i++) {
      for (let j = i + 1; j < scores.length; j++) {
        // equal scores read alike; different ones that read alike get a decimal more, both of them
        const want = same(i, j) ? Math.max(digits[i], digits[j]) : text(i) === text(j) ? Math.min(3, Math.max(digits[i], digits[j]) + 1) : -1;
        if (want > digits[i] || want > digits[j]) { digits[i] = Math.max(digits[i], want); digits[j] = Math.max(digits[j], want); changed = true; }
      }
    }
  }
  return scores.map((_, i) => `${text(i)}${scores.some((_o, j) => j !== i && same(i, j)) ? ' (tied)' : ''}`);
}

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export function namesList(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
