// The page's one door to the engine: starts the worker, sends typed requests, routes progress,
// turns error messages into EngineError, and cancels by id.
import { EngineError, type Op, type Ops, type ResponseMsg } from './protocol';
import { cancelledError, type EngineErrorData } from './types';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: number, detail?: Record<string, unknown>) => void;
};

/** A running engine call: await `done`; `cancel()` stops it between two steps. */
export interface Call<T> { id: number; done: Promise<T>; cancel: () => void }

export class EngineClient {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();
  available = new Set<string>();

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<ResponseMsg>) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.rejectAll({ code: 'worker_failed', path: '', message: ev.message || 'The engine worker failed to start.' });
    };
    return w;
  }

  private rejectAll(e: EngineErrorData) {
    for (const p of this.pending.values()) p.reject(new EngineError(e));
    this.pending.clear();
  }

  /**
   * Stops whatever the worker is doing by replacing it (for engine builds whose long work
   * cannot be stepped); pending calls fail with `cancelled`. The caller reloads its state.
   */
  async restart(): Promise<void> {
    this.worker.terminate();
    this.rejectAll(cancelledError());
    this.worker = this.spawn();
    await this.init();
  }

  private receive(msg: ResponseMsg) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') { p.onProgress?.(msg.progress, msg.detail); return; }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(new EngineError(msg.error));
  }

  /** Starts `op`; progress (0..1) goes to `onProgress`. */
  start<O extends Op>(op: O, payload: Ops[O]['in'], onProgress?: Pending['onProgress']): Call<Ops[O]['out']> {
    const id = this.next++;
    const done = new Promise<Ops[O]['out']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    });
    this.worker.postMessage({ id, op, payload });
    return { id, done, cancel: () => this.worker.postMessage({ id, op: 'cancel' }) };
  }

  call<O extends Op>(op: O, payload: Ops[O]['in']): Promise<Ops[O]['out']> {
    return this.start(op, payload).done;
  }

  async init(): Promise<void> {
    const r = await this.call('init', {});
    this.available = new Set(r.available);
  }

  has(name: string): boolean { return this.available.has(name); }
}
