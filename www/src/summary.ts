// What the page shows about partners, computed the same way in the worker (for imported
// ecosystems) and on the page (for the sample): the filter lists and a capability summary.
import type { Partner } from './engine/types';

/** A partner's three strongest capabilities as text: "cloud 0.80, ai 0.71, data 0.31". */
export const topCapabilities = (p: Partner): string =>
  Object.entries(p.capabilities ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');

/** The distinct kinds, tiers and regions of `partners`, sorted (the Partners screen's filters). */
export function facets(partners: Partner[]): { kinds: string[]; tiers: string[]; regions: string[] } {
  const kinds = new Set<string>(), tiers = new Set<string>(), regions = new Set<string>();
  for (const p of partners) {
    kinds.add(p.kind);
    if (p.tier) tiers.add(p.tier);
    for (const r of p.regions ?? []) regions.add(r);
  }
  const sorted = (x: Set<string>) => [...x].filter(Boolean).sort();
  return { kinds: sorted(kinds), tiers: sorted(tiers), regions: sorted(regions) };
}
