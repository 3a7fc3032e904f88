// A pool of engine workers for work cut into independent slices (the private match's
// blinding, ./psi.ts): up to `min(hardwareConcurrency, 8)` workers started from the engine
// worker, each loading the engine once and kept for later calls; `terminate()` stops them at
// once (cancel). Where workers cannot be started here, or one core is all there is, the slices
// run in this worker one after the other, with a pause between two so a cancel gets through.
import type { PsiBlindRequest, PsiBlindResponse } from 'dealteam';
import { need } from './engine';
import { cancelledError as cancelled, type EngineErrorData } from '../engine/types';

/** What a pool worker answers. */
export type SliceReply = { id: number; result?: PsiBlindResponse; error?: EngineErrorData };

export const POOL_MAX = 8;

/** How many workers the pool starts here. */
export function poolSize(): number {
  if (typeof Worker === 'undefined') return 1;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 1, POOL_MAX));
}

let workers: Worker[] = [];

/** Stops every pool worker (their work in progress is lost); the next run starts new ones. */
export function terminate() {
  for (const w of workers) w.terminate();
  workers = [];
}

/**
 * Runs every slice, `size` at a time, and gives their answers in the slices' order;
 * `onDone(n)` after each finished slice. Rejects with the first slice's error, or `cancelled`
 * when `signal` aborts (the workers are then terminated).
 */
export async function runSlices(slices: PsiBlindRequest[], onDone: (n: number) => void, signal: AbortSignal): Promise<PsiBlindResponse[]> {
  const size = Math.min(poolSize(), slices.length);
  if (size <= 1) return runHere(slices, onDone, signal);
  while (workers.length < size) workers.push(new Worker(new URL('./slice-worker.ts', import.meta.url), { type: 'module' }));
  const out: PsiBlindResponse[] = new Array(slices.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const stop = (e: EngineErrorData) => { terminate(); reject(e); };
    signal.addEventListener('abort', () => stop(cancelled()), { once: true });
    const feed = (w: Worker) => {
      if (next >= slices.length) return;
      const id = next++;
      w.postMessage({ id, req: slices[id] });
    };
    for (const w of workers.slice(0, size)) {
      w.onmessage = (ev: MessageEvent<SliceReply>) => {
        const { id, result, error } = ev.data;
        if (error || !result) { stop(error ?? { code: 'engine_error', path: '', message: 'A helper thread gave no answer.' }); return; }
        out[id] = result;
        onDone(++done);
        if (done === slices.length) resolve(out);
        else feed(w);
      };
      w.onerror = (ev) => { ev.preventDefault(); stop({ code: 'worker_failed', path: '', message: ev.message || 'A helper thread failed to start.' }); };
      feed(w);
    }
  });
}

/** The slices in this worker, one after the other. */
async function runHere(slices: PsiBlindRequest[], onDone: (n: number) => void, signal: AbortSignal): Promise<PsiBlindResponse[]> {
  const blind = need('psiBlind');
  const out: PsiBlindResponse[] = [];
  for (const s of slices) {
    if (signal.aborted) throw cancelled();
    out.push(blind(s));
    onDone(out.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/** The same slices in this worker (after the pool failed to start its workers). */
export const runSlicesHere = runHere;
