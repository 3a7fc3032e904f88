// The worker's one copy of the ecosystem: its JSON text (what the engine parses fastest, and
// what is stored and shared), the plain object (for slices sent to the page) and the engine's
// `Ecosystem` handle. Loading is all or nothing: a rejected ecosystem leaves the current one.
import type { EcoMeta } from '../engine/protocol';
import type { Ecosystem, Partner, PartnerView } from '../engine/types';
import { facets, topCapabilities } from '../summary';
import { E, fail, type EcoHandle } from './engine';

export interface Current { text: string; data: Ecosystem; handle: EcoHandle | null; index: Map<string, number>; facets: EcoMeta['facets'] }

export let current: Current | null = null;

/** Makes `text` (parsed as `data` when given) the current ecosystem; throws what the engine reports. */
export function load(text: string, data?: Ecosystem): EcoMeta {
  const t0 = performance.now();
  const eco = data ?? parse(text);
  if (!eco || typeof eco !== 'object' || !Array.isArray(eco.partners)) {
    throw fail('invalid_value', 'Expected an ecosystem with a list of partners ({"partners": […]}).', 'partners');
  }
  const handle = E.Ecosystem ? new E.Ecosystem(text) : null; // throws on a bad ecosystem
  if (current !== stashed) current?.handle?.free?.();
  current = { text, data: eco, handle, index: new Map(eco.partners.map((p: Partner, i: number) => [p.id, i])), facets: facets(eco.partners) };
  return meta(performance.now() - t0);
}

export const loadObject = (eco: Ecosystem): EcoMeta => load(JSON.stringify(eco), eco);

export function parse(text: string): Ecosystem {
  try {
    return JSON.parse(text) as Ecosystem;
  } catch (e) {
    throw fail('invalid_json', `The file is not valid JSON (${(e as Error).message}).`);
  }
}

export function meta(ms = 0): EcoMeta {
  const d = current?.data;
  return { count: d?.partners.length ?? 0, relationships: d?.relationships?.length ?? 0, currency: d?.currency ?? undefined, tiers: d?.tiers, facets: current?.facets ?? { kinds: [], tiers: [], regions: [] }, ms };
}

export function need(): Current {
  if (!current) throw fail('invalid_value', 'Load an ecosystem first.', 'ecosystem');
  return current;
}

/** A JSON request text with the current ecosystem spliced in as `ecosystem` (no re-serialising). */
export function withEcosystem(rest: Record<string, unknown>): string {
  const tail = JSON.stringify(rest).slice(1);
  return `{"ecosystem":${need().text}${tail === '}' ? '}' : `,${tail}`}`;
}

/** The ecosystem put aside by `stash()` (before a reset), so that Undo can bring it back. */
let stashed: Current | null = null;

export function stash(): null {
  if (stashed && stashed !== current) stashed.handle?.free?.();
  stashed = current;
  return null;
}

/** Makes the stashed ecosystem current again; null when there is none. */
export function unstash(): EcoMeta | null {
  if (!stashed) return null;
  if (current !== stashed) current?.handle?.free?.();
  current = stashed;
  stashed = null;
  return meta();
}

/**
 * What the page holds of a partner: what its screens show — id, name, kind, tier, and the
 * regions and top capabilities as text. Accounts, metrics and the rest stay here, which keeps
 * 100k partners light on the page's main thread (few objects to create and to collect);
 * requests that need whole partners get them by id (`wholeMembers`), filters run here.
 */
export function view(p: Partner): PartnerView {
  const v: PartnerView = { id: p.id, name: p.name, kind: p.kind };
  if (p.tier) v.tier = p.tier;
  if (p.regions?.length) v.regionsText = p.regions.join(', ');
  const caps = topCapabilities(p);
  if (caps) v.capsText = caps;
  return v;
}

/** A request whose `ecosystem` names some partners (a split's team) with them whole, and their relationships. */
export function wholeMembers<T extends { ecosystem?: Ecosystem | null }>(req: T): T {
  const eco = current;
  if (!eco || !req.ecosystem) return req;
  const ids = new Set(req.ecosystem.partners.map((p) => p.id));
  if (![...ids].every((id) => eco.index.has(id))) return req;
  const partners = [...ids].map((id) => eco.data.partners[eco.index.get(id)!]);
  const relationships = (eco.data.relationships ?? []).filter((r) => ids.has(r.a) && ids.has(r.b));
  return { ...req, ecosystem: { ...req.ecosystem, partners, relationships } };
}

/** The indices of the partners whose name or id contains `text` (any case) and that have the kind, tier and region asked for. */
export function filter(f: { text: string; kind: string; tier: string; region: string }): Int32Array {
  const text = f.text.toLowerCase();
  const out: number[] = [];
  need().data.partners.forEach((p, i) => {
    if ((!text || p.name.toLowerCase().includes(text) || p.id.toLowerCase().includes(text)) &&
      (!f.kind || p.kind === f.kind) && (!f.tier || p.tier === f.tier) && (!f.region || (p.regions ?? []).includes(f.region))) out.push(i);
  });
  return Int32Array.from(out);
}
