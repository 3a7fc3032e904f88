// The engine's home: a Web Worker that loads the wasm package, keeps the parsed ecosystem
// (an `Ecosystem` handle) and the last ranking, and drives long work (team search,
// simulation) with `step(budgetMs)`, posting progress and checking for cancel between steps.
import * as pkg from 'dealteam';
import { NOT_AVAILABLE, type Op, type Ops, type RequestMsg, type CancelMsg, type ResponseMsg } from './engine/protocol';
import type { EngineErrorData, Ecosystem, Partner, RankResult } from './engine/types';

/** A stepwise engine handle (TeamSearch, Simulation). */
interface Stepper {
  step(budgetMs: number): { done: boolean; progress?: number; [k: string]: unknown };
  result(): unknown;
  cancel?(): void;
  free?(): void;
}
type Ctor<T> = new (arg: unknown) => T;
interface EcoHandle { rank(profile: unknown, opts?: unknown): unknown; free?(): void }

/** The package surface as the page uses it; every member may be missing in a partial build. */
interface EngineModule {
  default?: (arg?: unknown) => Promise<unknown>;
  rank?: (req: unknown) => unknown;
  teams?: (req: unknown) => unknown;
  split?: (req: unknown) => unknown;
  attribute?: (req: unknown) => unknown;
  simulate?: (req: unknown) => unknown;
  validatePlan?: (req: unknown) => unknown;
  draftAgreement?: (req: unknown) => unknown;
  auditPlan?: (req: unknown) => unknown;
  sample?: (partners: number, seed: number) => unknown;
  Ecosystem?: Ctor<EcoHandle>;
  TeamSearch?: Ctor<Stepper>;
  Simulation?: Ctor<Stepper>;
}

const E = pkg as unknown as EngineModule;
const NAMES = ['rank', 'teams', 'split', 'attribute', 'simulate', 'validatePlan', 'draftAgreement', 'auditPlan', 'sample', 'Ecosystem', 'TeamSearch', 'Simulation'] as const;
const STEP_MS = 40;

// start compiling the wasm module as soon as the worker starts
let ready: Promise<void> | null = typeof E.default === 'function' ? E.default().then(() => undefined) : null;
ready?.catch(() => undefined);
let eco: Ecosystem | null = null;
let ecoHandle: EcoHandle | null = null;
let partnerIndex = new Map<string, number>();
let lastRank: RankResult[] = [];
let lastProfile: unknown = null;
const EXPLAIN_ROWS = 500;
const cancelled = new Set<number>();

function post(msg: ResponseMsg, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(msg, transfer);
}

class Missing extends Error {}

function need<K extends keyof EngineModule>(name: K): NonNullable<EngineModule[K]> {
  const f = E[name];
  if (typeof f !== 'function') throw new Missing(`"${name}" is not available in this build of the engine.`);
  return f as NonNullable<EngineModule[K]>;
}

function errorData(e: unknown): EngineErrorData {
  if (e instanceof Missing) return { code: NOT_AVAILABLE, path: '', message: e.message };
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; path?: unknown; message?: unknown };
    return {
      code: typeof o.code === 'string' ? o.code : 'engine_error',
      path: typeof o.path === 'string' ? o.path : '',
      message: typeof o.message === 'string' ? o.message : String(e),
    };
  }
  return { code: 'engine_error', path: '', message: String(e) };
}

// Yield between steps so a `cancel` message can arrive; a MessageChannel round trip avoids
// the ≥4 ms clamp of nested setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const tick = () => new Promise<void>((r) => { waiting.push(r); channel.port2.postMessage(0); });

/** Drives a stepwise handle to the end, posting progress; throws `cancelled` on cancel. */
async function drive(id: number, handle: Stepper, partialOnCancel = false): Promise<unknown> {
  try {
    for (;;) {
      if (cancelled.has(id)) {
        handle.cancel?.();
        // a cancelled team search still has its best teams so far (exact: false)
        if (partialOnCancel) return handle.result();
        throw { code: 'cancelled', path: '', message: 'Cancelled.' };
      }
      const p = handle.step(STEP_MS);
      const { done, progress, ...detail } = p;
      post({ id, type: 'progress', progress: typeof progress === 'number' ? progress : 0, detail: plain(detail) });
      if (done) return handle.result();
      await tick();
    }
  } finally {
    handle.free?.();
  }
}

function plain(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') out[k] = x;
  return out;
}

function results(v: unknown): RankResult[] {
  if (Array.isArray(v)) return v as RankResult[];
  const r = (v as { results?: unknown })?.results;
  return Array.isArray(r) ? (r as RankResult[]) : [];
}

const handlers: { [O in Op]: (payload: Ops[O]['in'], id: number) => Promise<Ops[O]['out']> | Ops[O]['out'] } = {
  init: () => ({ available: NAMES.filter((n) => typeof E[n] === 'function') }),
  sample: ({ partners, seed, load }) => {
    const s = need('sample')(partners, seed) as Ops['sample']['out'];
    if (load) handlers.loadEcosystem({ ecosystem: s.ecosystem }, 0);
    return s;
  },
  loadEcosystem: ({ ecosystem }) => {
    const t0 = performance.now();
    ecoHandle?.free?.();
    ecoHandle = null;
    if (E.Ecosystem) ecoHandle = new E.Ecosystem(JSON.stringify(ecosystem)); // JSON text parses fastest
    eco = ecosystem;
    partnerIndex = new Map(ecosystem.partners.map((p: Partner, i: number) => [p.id, i]));
    lastRank = [];
    return { count: ecosystem.partners.length, ms: performance.now() - t0 };
  },
  rank: ({ profile, limit }) => {
    if (!eco) throw { code: 'invalid_value', path: 'ecosystem', message: 'Load an ecosystem first.' };
    const t0 = performance.now();
    const lim = Math.min(limit ?? eco.partners.length, eco.partners.length);
    // explanations for a few thousand rows are cheap; beyond that they are fetched on demand
    const opts = { limit: lim, explain: lim <= EXPLAIN_ROWS };
    lastProfile = profile;
    const out = ecoHandle ? ecoHandle.rank(profile, opts) : need('rank')({ ecosystem: eco, profile, ...opts });
    lastRank = results(out);
    const n = lastRank.length;
    const order = new Int32Array(n), fit = new Float64Array(n), eligible = new Uint8Array(n), failedCount = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const r = lastRank[i];
      order[i] = partnerIndex.get(r.partnerId) ?? -1;
      fit[i] = r.fit;
      eligible[i] = r.eligible ? 1 : 0;
      failedCount[i] = r.failed?.length ?? 0;
    }
    return { count: n, total: eco.partners.length, order, fit, eligible, failedCount, ms: performance.now() - t0 };
  },
  explain: ({ partnerId }) => {
    const at = lastRank.findIndex((r) => r.partnerId === partnerId);
    if (at < 0) return null;
    if (lastRank[at].breakdown || !eco) return lastRank[at];
    // rank again with explanations down to this row (the order is the same)
    const opts = { limit: at + 1, explain: true };
    const again = results(ecoHandle ? ecoHandle.rank(lastProfile, opts) : need('rank')({ ecosystem: eco, profile: lastProfile, ...opts }));
    return again.find((r) => r.partnerId === partnerId) ?? lastRank[at];
  },
  teams: async (req, id) => {
    const full = { ...req, ecosystem: req.ecosystem ?? eco };
    if (E.TeamSearch) return (await drive(id, new E.TeamSearch(full), true)) as Ops['teams']['out'];
    return need('teams')(full) as Ops['teams']['out'];
  },
  split: (req) => need('split')(req) as Ops['split']['out'],
  attribute: (req) => need('attribute')(req) as Ops['attribute']['out'],
  simulate: async (req, id) => {
    if (E.Simulation) return (await drive(id, new E.Simulation(req))) as Ops['simulate']['out'];
    return need('simulate')(req) as Ops['simulate']['out'];
  },
  validatePlan: (req) => need('validatePlan')(req) as Ops['validatePlan']['out'],
  draftAgreement: (req) => String(need('draftAgreement')(req)),
  auditPlan: (req) => need('auditPlan')(req) as Ops['auditPlan']['out'],
};

async function handle(msg: RequestMsg) {
  const { id, op, payload } = msg;
  try {
    if (!ready) ready = typeof E.default === 'function' ? E.default().then(() => undefined) : Promise.resolve();
    await ready;
    const h = handlers[op] as (p: unknown, id: number) => unknown;
    const result = await h(payload, id);
    const transfer: Transferable[] = [];
    if (op === 'rank') {
      const r = result as Ops['rank']['out'];
      transfer.push(r.order.buffer, r.fit.buffer, r.eligible.buffer, r.failedCount.buffer);
    }
    post({ id, type: 'result', result }, transfer);
  } catch (e) {
    post({ id, type: 'error', error: errorData(e) });
  } finally {
    cancelled.delete(id);
  }
}

self.onmessage = (ev: MessageEvent<RequestMsg | CancelMsg>) => {
  const msg = ev.data;
  if (msg.op === 'cancel') { cancelled.add(msg.id); return; }
  void handle(msg as RequestMsg);
};
