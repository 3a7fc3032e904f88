// The worker's one copy of the ecosystem: the engine's `Ecosystem` handle, in wasm. Pages of
// partners, the filter, the kinds/tiers/regions and the JSON text to export and share all come
// from it; only its summary and, when asked, an id → index map are kept here, with the file it
// was read from as a Blob (outside the worker's heap: a file on disk stays there) to store as it
// is. Loading is all or nothing: a rejected ecosystem leaves the current one.
import type { EcoMeta, PartnerKeys } from '../engine/protocol';
import type { Ecosystem } from '../engine/types';
import type { EcosystemSummary } from 'dealteam';
import { E, fail, type EcoHandle } from './engine';

export interface Current {
  handle: EcoHandle;
  /** the JSON it was read from (an ecosystem, a list of partners or a workspace), to store */
  file: Blob;
  summary: EcosystemSummary;
  /** partner id → index, made on first use (`indexOf`) */
  ids: Map<string, number> | null;
  /** the capability and figure keys the partners use, made on first use (`partnerKeys`) */
  keys: PartnerKeys | null;
}

export let current: Current | null = null;

/** The engine's `Ecosystem` class; every build of the planner's package has it. */
export function Eco(): NonNullable<typeof E.Ecosystem> {
  if (!E.Ecosystem) throw fail('not_available', 'This build of the engine cannot hold an ecosystem.');
  return E.Ecosystem;
}

/** Makes `handle`, read from `file`, the current ecosystem (the previous one is freed unless Undo holds it). */
export function adopt(handle: EcoHandle, file: Blob, t0 = performance.now()): EcoMeta {
  const summary = handle.summary();
  if (current !== stashed) current?.handle.free();
  current = { handle, file, summary, ids: null, keys: null };
  return meta(performance.now() - t0);
}

/** JSON text, whole or in parts, as a file to store or download (blob storage, outside the worker's heap). */
export const jsonBlob = (...parts: BlobPart[]): Blob => new Blob(parts, { type: 'application/json' });

/** Makes the ecosystem of `text` (JSON) current; throws what the engine reports. */
export function load(text: string): EcoMeta {
  const t0 = performance.now();
  return adopt(new (Eco())(text), jsonBlob(text), t0);
}

export const loadObject = (eco: Ecosystem): EcoMeta => load(JSON.stringify(eco));

export function meta(ms = 0): EcoMeta {
  const s = current?.summary;
  if (!s) return { count: 0, relationships: 0, facets: { kinds: [], tiers: [], regions: [] }, ms };
  const m: EcoMeta = { count: s.partners, relationships: s.relationships, facets: s.facets, ms };
  if (s.currency !== undefined) m.currency = s.currency;
  if (s.tiers.length) m.tiers = s.tiers;
  return m;
}

export function need(): Current {
  if (!current) throw fail('invalid_value', 'Load an ecosystem first.', 'ecosystem');
  return current;
}

/** The index of the partner with id `id` in the current ecosystem, if it has one. */
export function indexOf(id: string): number | undefined {
  const eco = need();
  eco.ids ??= new Map(eco.handle.ids().map((x, i) => [x, i]));
  return eco.ids.get(id);
}

/** Partners looked at for the keys in use: this many at four places spread over the list (all 100,000 took 2 s). */
const KEY_RUN = 500;

/** The capability and figure keys the partners use, sorted (a sample of 2,000 spread over a longer list). */
export function partnerKeys(): PartnerKeys {
  const eco = need();
  if (eco.keys) return eco.keys;
  const n = eco.summary.partners;
  const runs = n <= 4 * KEY_RUN ? [[0, n]] : [0, 1, 2, 3].map((q) => { const from = Math.floor((q * (n - KEY_RUN)) / 3); return [from, from + KEY_RUN]; });
  const capabilities = new Set<string>();
  const metrics = new Set<string>();
  for (const [from, to] of runs) {
    for (const p of eco.handle.partners(from, to)) {
      for (const k of Object.keys(p.capabilities ?? {})) capabilities.add(k);
      for (const k of Object.keys(p.metrics ?? {})) metrics.add(k);
    }
  }
  eco.keys = { capabilities: [...capabilities].sort(), metrics: [...metrics].sort() };
  return eco.keys;
}

/** The ecosystem put aside by `stash()` (before a reset), so that Undo can bring it back. */
let stashed: Current | null = null;

export function stash(): null {
  if (stashed && stashed !== current) stashed.handle.free();
  stashed = current;
  return null;
}

/** Makes the stashed ecosystem current again; null when there is none. */
export function unstash(): EcoMeta | null {
  if (!stashed) return null;
  if (current !== stashed) current?.handle.free();
  current = stashed;
  stashed = null;
  return meta();
}

/** The indices of the partners whose name or id contains `text` (any case) and that have the kind, tier and region asked for. */
export function filter(f: { text: string; kind: string; tier: string; region: string }): Int32Array {
  const found = need().handle.filter(f.text, f.kind, f.tier, f.region);
  // indices are below 2^31: the same numbers as the page's Int32Array
  return new Int32Array(found.buffer, found.byteOffset, found.length);
}

/** Partners listed with their text per call: a few milliseconds of the engine's time each. */
const TEXT_SLICE = 1000;

/**
 * The regions and three strongest capabilities, as text, of the partners at `indices` (in that
 * order), for the rows a table shows: each run of consecutive indices is listed in one call.
 */
export function partnerText(indices: number[]): { regions: string[]; capabilities: string[] } {
  const eco = need();
  const out = { regions: [] as string[], capabilities: [] as string[] };
  for (let i = 0; i < indices.length;) {
    let j = i + 1;
    while (j < indices.length && j - i < TEXT_SLICE && indices[j] === indices[j - 1] + 1) j++;
    const part = eco.handle.partnerList(indices[i], indices[j - 1] + 1, true);
    for (let k = 0; k < j - i; k++) {
      out.regions.push(part.regions[k] ?? '');
      out.capabilities.push(part.capabilities[k] ?? '');
    }
    i = j;
  }
  return out;
}
