// Shared page state: the workspace, the engine client, the loaded ecosystem, change events,
// autosave, the status line and mapping of engine errors onto the form field they name.
import { EngineClient } from './engine/client';
import { EngineError, NOT_AVAILABLE, type EcoMeta } from './engine/protocol';
import type { EcosystemView as Ecosystem, PartnerView as Partner, Team } from './engine/types';
import { save, type Workspace } from './state';
import { h } from './ui/dom';
import { explainError, pathWords } from './ui/errors';

/** partners per message from the worker: a few milliseconds of structured clone each */
const SLICE = 1000;

export type Change = 'ecosystem' | 'profiles' | 'deal' | 'teams' | 'plan' | 'splits' | 'history' | 'registry';

export class App {
  engine = new EngineClient();
  eco: Ecosystem | null = null;
  byId = new Map<string, Partner>();
  private listeners = new Map<Change, Set<() => void>>();
  statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  /** the last top-k teams, shared by the teams, splits and plan screens */
  teams: Team[] = [];

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
    this.saveSoon();
    if (what !== 'ecosystem') this.onEdit();
    this.emit(what);
  }

  /** Called on every edit of the workspace (the undo history records it). */
  onEdit: () => void = () => undefined;

  /** Autosaves soon, without telling the screens (e.g. a result was kept in the workspace). */
  saveSoon() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), 250);
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private ecoDirty = false;

  /**
   * A workspace opened from a share link while this browser has autosaved work is a copy:
   * nothing is saved until the user keeps it (`keep()`), so the link never overwrites their work.
   */
  copy = false;

  /** Makes a copy the autosaved workspace (replacing the saved one). */
  keep() {
    this.copy = false;
    this.ecoDirty = true;
    this.flush();
  }

  /** Writes pending changes to localStorage now (also on page hide). */
  flush() {
    clearTimeout(this.saveTimer);
    if (this.copy) return;
    const eco = this.ecoDirty;
    this.ecoDirty = false;
    void save(this.ws, eco, (keep) => this.engine.call('persist', { keep })).then((problem) => { if (problem) this.status(problem); });
  }

  /** Shows `text` in the status line, with buttons for what can be done about it (e.g. Undo). */
  status(text: string, ...actions: { label: string; run: () => void }[]) {
    this.statusEl.replaceChildren(text, ...actions.map((a) => h('button', { type: 'button', class: 'small status-action', onclick: () => a.run() }, a.label)));
  }

  /** Makes `eco` current; `loaded`: what the worker said when it loaded it already (a sample it generated). */
  async setEcosystem(eco: Ecosystem, loaded?: EcoMeta) {
    const meta = loaded ?? await this.engine.call('loadEcosystem', { ecosystem: eco });
    this.eco = eco;
    this.byId = new Map(eco.partners.map((p) => [p.id, p]));
    this.facets = meta.facets;
  }

  private adopting = 0;
  /**
   * Makes the worker's current ecosystem the page's: a view of each partner (the fields the
   * screens show) arrives in slices, each a short task, so the page keeps answering while 100k
   * partners come in. Relationships stay in the worker (it adds them to requests that need them).
   */
  async adopt(meta: EcoMeta): Promise<void> {
    const gen = ++this.adopting;
    performance.mark('dt:adopt-start');
    const partners: Partner[] = [];
    const byId = new Map<string, Partner>();
    const strings = new Map<string, string>();
    const shared = (x: string) => { const y = strings.get(x); if (y !== undefined) return y; strings.set(x, x); return x; };
    const slice = (from: number) => this.engine.call('partners', { from, to: from + SLICE });
    let next = meta.count > 0 ? slice(0) : null;
    for (let from = 0; next; from += SLICE) {
      const part = await next;
      // the worker makes the next slice while this one is taken in
      next = from + SLICE < meta.count ? slice(from + SLICE) : null;
      if (gen !== this.adopting) { next?.catch(() => undefined); return; }
      for (const p of part) {
        // one string per kind and tier, not one per partner
        p.kind = shared(p.kind);
        if (p.tier) p.tier = shared(p.tier);
        partners.push(p);
        byId.set(p.id, p);
      }
    }
    const eco: Ecosystem = { partners, relationships: [] };
    if (meta.currency !== undefined) eco.currency = meta.currency;
    if (meta.tiers !== undefined) eco.tiers = meta.tiers;
    this.eco = eco;
    this.byId = byId;
    this.facets = meta.facets;
    performance.mark('dt:adopt-end');
  }

  /** The kinds, tiers and regions of the partners (for the filters), counted by the worker. */
  facets: EcoMeta['facets'] = { kinds: [], tiers: [], regions: [] };

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
    : explainError(err, false);
  const span = best ? document.getElementById(`${best.id}-err`) : null;
  if (best && span) {
    best.setAttribute('aria-invalid', 'true');
    span.textContent = text;
  } else {
    const box = root.querySelector('.form-error');
    if (box) box.textContent = err.path ? `${text} (${pathWords(err.path)})` : text;
  }
  return err;
}
