// The engine's home: a Web Worker that loads the wasm package and keeps the one copy of the
// ecosystem (./worker/ecosystem.ts); the page sends ids and small requests. It reads, writes,
// stores and shares workspaces (./worker/files.ts), parses CSV (./worker/csv.ts), and drives
// long work (team search, simulation) with `step(budgetMs)`, posting progress and checking for
// cancel and the time limit between steps — so the page's main thread never waits on it.
import { type Op, type Ops, type RequestMsg, type CancelMsg, type ResponseMsg } from './engine/protocol';
import { cancelledError, type Profile, type RankResult } from './engine/types';
import type { CalibrateResponse } from 'dealteam';
import { csvImport, csvMap, csvOpen } from './worker/csv';
import * as store from './worker/ecosystem';
import { E, errorData, NAMES, need, type Stepper } from './worker/engine';
import { readHistory } from './worker/history';
import { accountNames, cellFile, cellRows, dropAccounts, heldAccounts, mapLists, newFile, newRows, readAccounts } from './worker/accounts';
import { suggestedWeights, withWeights } from './calibration';
import * as psi from './worker/psi';
import { exportWorkspace, openBlob, openFragment, openText, persist, restore, shareFragment } from './worker/files';

const STEP_MS = 40;
const SLICE_MAX = 20000;

// start compiling the wasm module as soon as the worker starts
let ready: Promise<void> | null = typeof E.default === 'function' ? E.default().then(() => undefined) : null;
ready?.catch(() => undefined);
let lastRank: RankResult[] = [];
let lastProfile: Profile | null = null;
const EXPLAIN_ROWS = 500;
const cancelled = new Set<number>();

function post(msg: ResponseMsg, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(msg, transfer);
}
const progressOf = (id: number) => (progress: number) => post({ id, type: 'progress', progress });

// Yield between steps so a `cancel` message can arrive; a MessageChannel round trip avoids
// the ≥4 ms clamp of nested setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const tick = () => new Promise<void>((r) => { waiting.push(r); channel.port2.postMessage(0); });

/**
 * Drives a stepwise handle to the end, posting progress; throws `cancelled` on cancel. With
 * `partial` (team search) a cancel or the time limit `limitMs` ends it with the best so far.
 */
async function drive(id: number, handle: Stepper, partial = false, limitMs = Infinity): Promise<unknown> {
  const t0 = performance.now();
  try {
    for (;;) {
      const late = performance.now() - t0 >= limitMs;
      if (cancelled.has(id) || late) {
        handle.cancel?.();
        // a stopped team search still has its best teams so far (exact: false, with the gap)
        if (partial) return { ...(handle.result() as object), stoppedBy: late && !cancelled.has(id) ? 'timeLimit' : 'cancel' };
        throw cancelledError();
      }
      const p = handle.step(Math.min(STEP_MS, Math.max(1, limitMs - (performance.now() - t0))));
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

function rankWith(profile: Profile, opts: { limit: number; explain: boolean }): RankResult[] {
  return results(store.need().handle.rank(profile, opts));
}

const handlers: { [O in Op]: (payload: Ops[O]['in'], id: number) => Promise<Ops[O]['out']> | Ops[O]['out'] } = {
  init: () => ({ available: NAMES.filter((n) => typeof E[n] === 'function') }),
  sample: ({ partners, seed, load }) => {
    const s = need('sample')(partners, seed) as Ops['sample']['out'];
    if (!load) return s;
    lastRank = [];
    return { ...s, meta: store.loadObject(s.ecosystem) };
  },
  loadEcosystem: ({ ecosystem }) => { lastRank = []; return store.loadObject(ecosystem); },
  openJson: async ({ file }) => { const r = typeof file === 'string' ? openText(file) : await openBlob(file); if (r.meta) lastRank = []; return r; },
  openLink: ({ hash }) => { const r = openFragment(hash); if (r?.meta) lastRank = []; return r; },
  partners: ({ from, to }) => store.need().handle.partnerList(from, Math.min(to, from + SLICE_MAX), false),
  partnerText: ({ indices }) => store.partnerText(indices),
  partnerKeys: () => store.partnerKeys(),
  filterPartners: (f) => store.filter(f),
  persist: ({ keep }) => persist(keep),
  restore: async () => { const m = await restore(); if (m) lastRank = []; return m; },
  stash: () => store.stash(),
  unstash: () => { lastRank = []; return store.unstash(); },
  exportWorkspace: ({ workspace }) => exportWorkspace(workspace),
  share: ({ workspace, base }) => shareFragment(workspace, base),
  csvOpen: ({ file }) => csvOpen(file),
  csvMap: ({ maps, tiers }) => csvMap(maps, tiers),
  csvImport: ({ tiers }) => { lastRank = []; return csvImport(tiers); },
  rank: ({ profile, limit }) => {
    const eco = store.need();
    const t0 = performance.now();
    const total = eco.summary.partners;
    const lim = Math.min(limit ?? total, total);
    // explanations for a few hundred rows are cheap; beyond that they are fetched on demand
    lastProfile = profile;
    lastRank = rankWith(profile, { limit: lim, explain: lim <= EXPLAIN_ROWS });
    const n = lastRank.length;
    const order = new Int32Array(n), fit = new Float64Array(n), eligible = new Uint8Array(n), failedCount = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const r = lastRank[i];
      order[i] = store.indexOf(r.partnerId) ?? -1;
      fit[i] = r.fit;
      eligible[i] = r.eligible ? 1 : 0;
      failedCount[i] = r.failed?.length ?? 0;
    }
    return { count: n, total, order, fit, eligible, failedCount, ms: performance.now() - t0 };
  },
  explain: ({ partnerId }) => {
    const at = lastRank.findIndex((r) => r.partnerId === partnerId);
    if (at < 0) return null;
    if (lastRank[at].breakdown || !store.current) return lastRank[at];
    // rank again with explanations down to this row (the order is the same)
    if (!lastProfile) return lastRank[at];
    return rankWith(lastProfile, { limit: at + 1, explain: true }).find((r) => r.partnerId === partnerId) ?? lastRank[at];
  },
  teams: async (req, id) => {
    // the hub handle searches its parsed partners
    return (await drive(id, store.need().handle.teamSearch({ ...req }), true, req.timeLimitMs ?? Infinity)) as Ops['teams']['out'];
  },
  split: (req) => {
    // a team of the current partners is split on the handle, which adds them whole with their
    // relationships; the page sends only what it shows of them
    const { ecosystem, ...rest } = req;
    if (ecosystem && store.current && req.members.every((m) => store.indexOf(m) !== undefined)) return store.current.handle.split(rest) as Ops['split']['out'];
    return need('split')(req) as Ops['split']['out'];
  },
  attribute: (req) => need('attribute')(req) as Ops['attribute']['out'],
  simulate: async (req, id) => {
    if (E.Simulation) return (await drive(id, new E.Simulation(req))) as Ops['simulate']['out'];
    return need('simulate')(req) as Ops['simulate']['out'];
  },
  validatePlan: (req) => need('validatePlan')(req) as Ops['validatePlan']['out'],
  draftAgreement: (req) => String(need('draftAgreement')(req)),
  verifyAgreement: (req) => need('verifyAgreement')(req) as Ops['verifyAgreement']['out'],
  auditPlan: (req) => need('auditPlan')(req) as Ops['auditPlan']['out'],
  historyOpen: (req) => readHistory(req),
  insights: (req) => need('insights')(req) as Ops['insights']['out'],
  train: (req) => need('train')(req) as Ops['train']['out'],
  predict: (req) => need('predict')(req) as Ops['predict']['out'],
  accountsOpen: (req) => readAccounts(req),
  accountsDrop: ({ key }) => dropAccounts(key),
  mapAccounts: (req) => mapLists(req, need('mapAccounts')),
  mapCell: (req) => cellRows(req),
  mapNew: (req) => newRows(req),
  mapCellFile: (req) => cellFile(req),
  mapNewFile: (req) => newFile(req),
  psiStart: ({ list, ...rest }, id) => {
    const req = { ...rest, accounts: heldAccounts(list) };
    return E.psiAssemble ? psi.start(req, id, progressOf(id)) : need('psiStart')(req);
  },
  psiReply: ({ list, ...rest }, id) => {
    const req = { ...rest, accounts: heldAccounts(list) };
    return E.psiAssemble ? psi.reply(req, id, progressOf(id)) : need('psiReply')(req);
  },
  psiFinish: (req, id) => (E.psiAssemble ? psi.finish(req, id, progressOf(id)) : need('psiFinish')(req)),
  psiBlind: (req) => need('psiBlind')(req),
  accountNames: (req) => accountNames(req),
  psiAssemble: (req) => need('psiAssemble')(req),
  calibrate: ({ profile, history, currency }) => {
    const r = store.need().handle.calibrate({ profiles: [profile], history, currency }) as CalibrateResponse;
    const calibration = r.profiles[0];
    const top = (p: Profile) => rankWith(p, { limit: 10, explain: false }).map((x) => x.partnerId);
    const suggested = withWeights(profile, suggestedWeights(profile, calibration.criteria.map((c) => c.suggestedWeight)));
    return { calibration, current: top(profile), whatIf: suggested ? top(suggested) : null };
  },
  registerDeal: (req) => need('registerDeal')(req) as Ops['registerDeal']['out'],
};

async function handle(msg: RequestMsg) {
  const { id, op, payload } = msg;
  try {
    if (!ready) ready = typeof E.default === 'function' ? E.default().then(() => undefined) : Promise.resolve();
    await ready;
    const h = handlers[op] as (p: unknown, id: number) => unknown;
    const result = await h(payload, id);
    const transfer: Transferable[] = [];
    if (result instanceof Int32Array) transfer.push(result.buffer);
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
  if (msg.op === 'cancel') { cancelled.add(msg.id); psi.cancelPsi(msg.id); return; }
  void handle(msg as RequestMsg);
};
