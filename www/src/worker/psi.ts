// The private match's steps with their scalar multiplications spread over the slice pool
// (./pool.ts): each step's accounts, or the other side's points, are cut into slices that the
// pool's workers blind (`psiBlind`), then this worker puts the step together (`psiAssemble`) —
// the same message, state and result as `psiStart` / `psiReply` / `psiFinish` alone. Progress
// is the share of slices done; a cancel terminates the pool's workers.
import type { PsiAccount, PsiAssembled, PsiBlindRequest, PsiFinishRequest, PsiFinishResponse, PsiMessage, PsiReplyRequest, PsiStartRequest, PsiStepResponse } from 'dealteam';
import { need } from './engine';
import { poolSize, runSlices, runSlicesHere } from './pool';

/** Slices per worker (progress steps; balance when one core is busier), and their bounds. */
const PER_WORKER = 4;
const MIN_SLICE = 256;
const MAX_SLICE_HERE = 5000;

type Secret = Pick<PsiBlindRequest, 'seed' | 'secret'>;
type Progress = (share: number) => void;

const running = new Map<number, AbortController>();

/** Stops the step running under `id` (its pool workers are terminated). */
export function cancelPsi(id: number) { running.get(id)?.abort(); }

async function guarded<T>(id: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const c = new AbortController();
  running.set(id, c);
  try { return await work(c.signal); } finally { running.delete(id); }
}

function slices(n: number): number {
  return Math.max(1, Math.min(Math.ceil(n / MIN_SLICE), Math.max(poolSize() * PER_WORKER, Math.ceil(n / MAX_SLICE_HERE))));
}

/** `[from, to)` bounds cutting `n` items into `k` parts, each bound a multiple of `unit` but the last. */
function bounds(n: number, k: number, unit = 1): [number, number][] {
  const at = (i: number) => (i >= k ? n : Math.floor((n * i) / k / unit) * unit);
  return Array.from({ length: k }, (_, i) => [at(i), at(i + 1)] as [number, number]).filter(([a, b]) => b > a);
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** The seed the caller gave, or a fresh secret from the system's cryptographic randomness. */
function secretOf(seed: string | null | undefined): Secret {
  return seed != null ? { seed } : { secret: b64(crypto.getRandomValues(new Uint8Array(32))) };
}

/** The secret in a state (base64 JSON holding it as `secret`): what the state already exposes. */
function stateSecret(state: string): Pick<PsiBlindRequest, 'secret' | 'state'> {
  try {
    const s = (JSON.parse(atob(state.trim())) as { secret?: unknown }).secret;
    if (typeof s === 'string') return { secret: s };
  } catch { /* the engine names what is wrong with the state */ }
  return { state };
}

export function accountSlices(accounts: PsiAccount[], key: Secret): PsiBlindRequest[] {
  return bounds(accounts.length, slices(accounts.length)).map(([a, b]) => ({ ...key, accounts: accounts.slice(a, b), inverse: false }));
}

const pointCount = (text: string) => Math.floor(((text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0)) / 32);

/** Every group's points in slices cut at three points (128 base64 characters), group after group. */
export function pointSlices(msg: PsiMessage, key: Pick<PsiBlindRequest, 'seed' | 'secret' | 'state'>, inverse: boolean): PsiBlindRequest[] {
  const groups = msg.body?.groups ?? [];
  const total = groups.reduce((s, g) => s + pointCount(g.points), 0);
  const k = slices(total);
  return groups.flatMap((g, i) => {
    const n = pointCount(g.points);
    const parts = n ? bounds(n, Math.max(1, Math.round((k * n) / total)), 3) : [[0, 0] as [number, number]];
    return parts.map(([a, b]) => ({
      ...key, inverse, accounts: [], path: `message.body.groups[${i}].points`,
      points: b >= n ? g.points.slice((a / 3) * 128) : g.points.slice((a / 3) * 128, (b / 3) * 128),
    }));
  });
}

/** The slices' points, in order: in the pool, or here when it cannot start its workers. */
async function blinded(work: PsiBlindRequest[], progress: Progress, signal: AbortSignal): Promise<string[]> {
  const done = (n: number) => progress(n / Math.max(1, work.length));
  try {
    return (await runSlices(work, done, signal)).map((r) => r.points);
  } catch (e) {
    if ((e as { code?: string }).code !== 'worker_failed') throw e;
    return (await runSlicesHere(work, done, signal)).map((r) => r.points);
  }
}

function stepOf(r: PsiAssembled): PsiStepResponse {
  if (!('state' in r)) throw { code: 'engine_error', path: '', message: 'The engine put together the wrong step.' };
  return r;
}

/** Step 1 (A). */
export function start(req: PsiStartRequest, id: number, progress: Progress): Promise<PsiStepResponse> {
  return guarded(id, async (signal) => {
    const key = secretOf(req.seed);
    const work = await blinded(accountSlices(req.accounts, key), progress, signal);
    return stepOf(need('psiAssemble')({ start: req, secret: key.secret, blinded: work, theirs: [] }));
  });
}

/** Step 2 (B): the first message's points blinded again and B's own accounts, in one pool run. */
export function reply(req: PsiReplyRequest, id: number, progress: Progress): Promise<PsiStepResponse> {
  return guarded(id, async (signal) => {
    const key = secretOf(req.seed);
    const own = accountSlices(req.accounts, key);
    const work = await blinded([...own, ...pointSlices(req.message, key, false)], progress, signal);
    return stepOf(need('psiAssemble')({ reply: req, secret: key.secret, blinded: work.slice(0, own.length), theirs: work.slice(own.length) }));
  });
}

/** The last step: A's unblinding in the pool; B's (counts only) here. */
export function finish(req: PsiFinishRequest, id: number, progress: Progress): Promise<PsiFinishResponse> {
  if (req.message?.step !== 2) return Promise.resolve(need('psiFinish')(req));
  return guarded(id, async (signal) => {
    const work = await blinded(pointSlices(req.message, stateSecret(req.state), true), progress, signal);
    const r = need('psiAssemble')({ finish: req, blinded: work, theirs: [] });
    if (!('result' in r)) throw { code: 'engine_error', path: '', message: 'The engine put together the wrong step.' };
    return r;
  });
}
