// A profile's criteria as a partner manager reads them: what a weight means (its share of the
// profile's total weight, the most the criterion can add to the fit), and the keys a criterion
// can look at, per kind, to choose from by name; a partner's capabilities said with those names.
import type { CriterionKind, Partner, Profile } from '../engine/types';
import { keyLabel, number, percent } from './format';

/** Criterion `i`'s weight as a share of all the profile's weights (0 when they add up to nothing). */
export function weightShare(weights: readonly number[], i: number): number {
  const total = weights.reduce((a, w) => a + (Number.isFinite(w) && w > 0 ? w : 0), 0);
  const w = weights[i];
  return total > 0 && Number.isFinite(w) && w > 0 ? w / total : 0;
}

/** Criterion `i`'s weight and what it means: { value: "3", meaning: "counts for 30% of the fit" }. */
export function weightWords(weights: readonly number[], i: number): { value: string; meaning: string } {
  return { value: number(weights[i], 1), meaning: `counts for ${percent(weightShare(weights, i))} of the fit` };
}

/** The kinds of criterion that look at one key of the partner's; the tier and reach have none. */
export type KeyKind = Exclude<CriterionKind, 'tier' | 'reach'>;
export const hasKey = (kind: string): kind is KeyKind => kind !== 'tier' && kind !== 'reach';

/** The keys a criterion of each kind can look at. */
export type KindKeys = Record<KeyKind, string[]>;

const sorted = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat().filter(Boolean))].sort();

/**
 * The industries and certifications the partners on the page list (a partner imported as a
 * list holds only its id, name, kind and tier on the page: then none).
 */
export function listedKeys(partners: readonly Partner[]): { industries: string[]; certifications: string[] } {
  const industries = new Set<string>();
  const certifications = new Set<string>();
  for (const p of partners) {
    if (p.industries) for (const x of p.industries) industries.add(x);
    if (p.certifications) for (const x of p.certifications) certifications.add(x);
  }
  return { industries: sorted([...industries]), certifications: sorted([...certifications]) };
}

/** The keys the profiles name already, per kind: in their criteria and in their require clauses. */
export function namedKeys(profiles: readonly Profile[]): KindKeys {
  const out: KindKeys = { capability: [], industry: [], region: [], certification: [], metric: [] };
  for (const p of profiles) {
    for (const c of p.criteria) if (hasKey(c.kind) && c.key) out[c.kind].push(c.key);
    const r = p.require;
    if (!r) continue;
    out.capability.push(...Object.keys(r.capabilitiesMin ?? {}));
    out.metric.push(...Object.keys(r.metricsMin ?? {}), ...Object.keys(r.metricsMax ?? {}));
    out.industry.push(...(r.industriesAny ?? []));
    out.region.push(...(r.regionsAny ?? []));
    out.certification.push(...(r.certificationsAll ?? []));
  }
  return { capability: sorted(out.capability), industry: sorted(out.industry), region: sorted(out.region), certification: sorted(out.certification), metric: sorted(out.metric) };
}

/** Each kind's keys: those of every list given, once each. */
export function mergeKeys(...all: Partial<KindKeys>[]): KindKeys {
  const kinds: KeyKind[] = ['capability', 'industry', 'region', 'certification', 'metric'];
  return Object.fromEntries(kinds.map((k) => [k, sorted(...all.map((x) => x[k] ?? []))])) as KindKeys;
}

/**
 * The engine's text of a partner's strongest capabilities ("cloud 80%, ai 71%") with each key as
 * a label ("Cloud 80%, AI 71%"); the levels as the engine wrote them.
 */
export function capabilityLabels(text: string): string {
  return text.split(', ').map((part) => {
    const m = /^(.+?)(\s+\S*\d.*)$/.exec(part);
    return m ? keyLabel(m[1]) + m[2] : part;
  }).join(', ');
}
