// Shared page state: the workspace, the engine client, the loaded ecosystem, change events,
// autosave, the status line and mapping of engine errors onto the form field they name.
import { EngineClient } from './engine/client';
import { EngineError, NOT_AVAILABLE } from './engine/protocol';
import type { Ecosystem, Partner } from './engine/types';
import { save, type Workspace } from './state';
import { h } from './ui/dom';

export type Change = 'ecosystem' | 'profiles' | 'deal' | 'teams' | 'plan' | 'splits';

export class App {
  engine = new EngineClient();
  eco: Ecosystem | null = null;
  byId = new Map<string, Partner>();
  private listeners = new Map<Change, Set<() => void>>();
  statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  /** the last top-k teams, shared by the teams, splits and plan screens */
  teams: import('./engine/types').Team[] = [];

  constructor(public ws: Workspace) {}

  /** Subscribes to a change; `later` runs it after the current task (for screens not in view). */
  on(what: Change, f: () => void, later = false) {
    if (!this.listeners.has(what)) this.listeners.set(what, new Set());
    this.listeners.get(what)!.add(later ? () => { setTimeout(f, 0); } : f);
  }

  emit(what: Change) {
    for (const f of this.listeners.get(what) ?? []) f();
  }

  /** Records a workspace change: autosave, then tell the screens. */
  changed(what: Change) {
    this.ecoDirty ||= what === 'ecosystem';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), 250);
    this.emit(what);
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private ecoDirty = false;

  /** Writes pending changes to localStorage now (also on page hide). */
  flush() {
    clearTimeout(this.saveTimer);
    const eco = this.ecoDirty;
    this.ecoDirty = false;
    void save(this.ws, eco).then((problem) => { if (problem) this.status(problem); });
  }

  status(text: string) { this.statusEl.textContent = text; }

  /** Makes `eco` current; `inWorker`: the worker already holds it (a sample it generated). */
  async setEcosystem(eco: Ecosystem, inWorker = false) {
    if (!inWorker) await this.engine.call('loadEcosystem', { ecosystem: eco });
    this.eco = eco;
    this.byId = new Map(eco.partners.map((p) => [p.id, p]));
  }

  name(id: string): string { return this.byId.get(id)?.name ?? id; }

  /**
   * Cancels a running call: between two steps when the engine has the stepping class,
   * else by restarting the worker and loading the ecosystem again.
   */
  async cancel(call: { cancel: () => void }, steppingClass: string) {
    if (this.engine.has(steppingClass)) { call.cancel(); return; }
    await this.engine.restart();
    if (this.eco) await this.engine.call('loadEcosystem', { ecosystem: this.eco });
  }
}

/** Clears all field errors under `root`. */
export function clearErrors(root: Element) {
  for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.field-error, .form-error')) el.textContent = '';
}

/**
 * Shows an engine error next to the field its `path` names: the input whose `data-path` is the
 * longest prefix of the error path; otherwise in the section's general error box.
 */
export function showError(root: Element, e: unknown, under = '') {
  clearErrors(root);
  const err = e instanceof EngineError ? e : new EngineError({ code: 'error', path: '', message: e instanceof Error ? e.message : String(e) });
  let best: HTMLElement | null = null;
  let bestLen = -1;
  // the engine may name the path from the request root or from inside the edited object
  const paths = err.path ? [err.path, ...(under && !err.path.startsWith(under) ? [`${under}.${err.path}`] : [])] : [];
  for (const path of paths) {
    for (const el of root.querySelectorAll<HTMLElement>('[data-path]')) {
      const dp = el.dataset.path!;
      const hit = path === dp || path.startsWith(dp + '.') || path.startsWith(dp + '[');
      if (hit && dp.length > bestLen) { best = el; bestLen = dp.length; }
    }
    if (best) break;
  }
  const text = err.code === NOT_AVAILABLE ? err.message
    : err.code === 'unknown_command' ? `Not available in this build of the engine (${err.message}).`
    : `${err.message}${err.path ? ` (${err.path})` : ''}`;
  const span = best ? document.getElementById(`${best.id}-err`) : null;
  if (best && span) {
    best.setAttribute('aria-invalid', 'true');
    span.textContent = text;
  } else {
    const box = root.querySelector('.form-error');
    if (box) box.textContent = text;
  }
  return err;
}
