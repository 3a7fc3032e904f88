// What the page shows about a partner's capabilities, computed the same way in the worker (for
// imported ecosystems) and on the page (for the sample). The filter lists (kinds, tiers,
// regions) come from the engine's `Ecosystem.summary()`.
import type { Partner } from './engine/types';

/** A partner's three strongest capabilities as text: "cloud 0.80, ai 0.71, data 0.31". */
export const topCapabilities = (p: Partner): string =>
  Object.entries(p.capabilities ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
