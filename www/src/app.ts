// Shared page state: the workspace, the engine client, the loaded ecosystem, change events,
// autosave, the status line and mapping of engine errors onto the form field they name.
import { EngineClient } from './engine/client';
import { EngineError, NOT_AVAILABLE, type EcoMeta } from './engine/protocol';
import type { Ecosystem, Partner, PartnerList, Team } from './engine/types';
import { save, type Workspace } from './state';
import { h, markUntilEdit } from './ui/dom';
import { explainError, pathWords } from './ui/errors';

/** partners per message from the worker: a few milliseconds of structured clone each */
const SLICE = 1000;

/**
 * Partners' regions and three strongest capabilities as text ("EMEA, UK & Ireland"; "cloud 80%, ai 71%,
 * data 31%"), by partner index, written by the engine so the page never formats them itself.
 * Only the rows a table has shown are here (holes elsewhere): the worker writes them when asked
 * (`App.want`), so taking in 100k partners costs no text for rows nobody looks at.
 */
export interface Shown { regions: string[]; capabilities: string[] }

const noneShown = (): Shown => ({ regions: [], capabilities: [] });

export type Change = 'ecosystem' | 'profiles' | 'deal' | 'teams' | 'plan' | 'splits' | 'history' | 'registry';

export class App {
  engine = new EngineClient();
  /** The ecosystem as the page holds it: an imported partner has only id, name, kind and tier; the sample's are whole. */
  eco: Ecosystem | null = null;
  byId = new Map<string, Partner>();
  /** What the Partners table shows of the partners as text, by partner index: the rows asked for so far. */
  shown: Shown = noneShown();
  /** partner indices whose text the worker is writing now */
  private asking = new Set<number>();
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

  /** Shows a screen by its id ('splits', …) with the focus on its tab (main.ts sets it once the tabs exist). */
  goTo: (screen: string) => void = () => undefined;

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

  /**
   * Another screen is shown: a message about the last one's action ("Registered: …") would read
   * as if it were about this one, so it goes. A question still waiting for an answer (it has
   * buttons) and an alert (the engine could not start) stay.
   */
  screenChanged() {
    if (this.statusEl.classList.contains('bad') || this.statusEl.querySelector('button')) return;
    this.statusEl.replaceChildren();
  }

  /** Makes `eco` current; `loaded`: what the worker said when it loaded it already (a sample it generated). */
  async setEcosystem(eco: Ecosystem, loaded?: EcoMeta) {
    const meta = loaded ?? await this.engine.call('loadEcosystem', { ecosystem: eco });
    ++this.adopting;
    this.forgetShown(0);
    this.eco = eco;
    this.byId = new Map(eco.partners.map((p) => [p.id, p]));
    this.facets = meta.facets;
  }

  private adopting = 0;
  /** the `adopting` number of the partners being taken in now (0: none): rows shown meanwhile are the old ones */
  private listing = 0;
  /**
   * Makes the worker's current ecosystem the page's: each partner's id, name, kind and tier
   * arrive in slices of columns (lists of strings: cheap to make, send and take in), each taken
   * in as a short task, so the page keeps answering while 100k partners come in. Relationships
   * stay in the worker (it adds them to requests that need them), and so does the text of
   * regions and capabilities until a table shows a row (`want`).
   */
  async adopt(meta: EcoMeta): Promise<void> {
    const gen = ++this.adopting;
    performance.mark('dt:adopt-start');
    // the worker holds the new partners already: no text for the old rows from now on (`want`)
    this.forgetShown(gen);
    const partners: Partner[] = [];
    const byId = new Map<string, Partner>();
    const strings = new Map<string, string>();
    const shared = (x: string) => { const y = strings.get(x); if (y !== undefined) return y; strings.set(x, x); return x; };
    const whole = await this.list(meta.count, gen, (part) => {
      for (let i = 0; i < part.ids.length; i++) {
        // one string per kind and tier, not one per partner
        const p: Partner = { id: part.ids[i], name: part.names[i], kind: shared(part.kinds[i]) };
        const tier = part.tiers[i];
        if (tier) p.tier = shared(tier);
        partners.push(p);
        byId.set(p.id, p);
      }
    });
    if (this.listing === gen) this.listing = 0;
    if (!whole) return;
    const eco: Ecosystem = { partners, relationships: [] };
    if (meta.currency !== undefined) eco.currency = meta.currency;
    if (meta.tiers !== undefined) eco.tiers = meta.tiers;
    this.eco = eco;
    this.byId = byId;
    this.facets = meta.facets;
    performance.mark('dt:adopt-end');
  }

  /** A new ecosystem: no text of its partners yet, none being asked for; `listing` as `adopt` sets it. */
  private forgetShown(listing: number) {
    this.shown = noneShown();
    this.asking = new Set();
    this.listing = listing;
  }

  /**
   * Has the worker write the text (`shown`) of the partners at `indices` that the page does not
   * have yet; true when some arrived (for the ecosystem still current), so the table asking can
   * draw its rows again. Nothing while new partners are taken in: the worker has them already,
   * and the rows drawn are still the old ones (the screens draw again once they are in).
   */
  async want(indices: Iterable<number>): Promise<boolean> {
    if (this.listing) return false;
    const ask = [...new Set(indices)].filter((i) => this.shown.regions[i] === undefined && !this.asking.has(i));
    if (!ask.length) return false;
    const { shown, asking } = this;
    for (const i of ask) asking.add(i);
    try {
      const text = await this.engine.call('partnerText', { indices: ask });
      if (shown !== this.shown) return false;
      ask.forEach((i, k) => { shown.regions[i] = text.regions[k]; shown.capabilities[i] = text.capabilities[k]; });
      return true;
    } finally {
      for (const i of ask) asking.delete(i);
    }
  }

  /**
   * Hands the worker's `count` partners to `take` in slices, in order, each in a task of its
   * own; false when another ecosystem was made current meanwhile (`gen` is no longer the last).
   */
  private async list(count: number, gen: number, take: (part: PartnerList) => void): Promise<boolean> {
    const slice = (from: number) => this.engine.call('partners', { from, to: from + SLICE });
    let next = count > 0 ? slice(0) : null;
    for (let from = 0; next; from += SLICE) {
      const part = await next;
      // the worker makes the next slice while this one is taken in
      next = from + SLICE < count ? slice(from + SLICE) : null;
      if (gen !== this.adopting) { next?.catch(() => undefined); return false; }
      take(part);
    }
    return gen === this.adopting;
  }

  /** The kinds, tiers and regions of the partners (for the filters), counted by the worker. */
  facets: EcoMeta['facets'] = { kinds: [], tiers: [], regions: [] };

  name(id: string): string { return this.byId.get(id)?.name ?? id; }

  /**
   * Cancels a running call: between two steps when the engine has the stepping class,
   * else by restarting the worker and loading its partners again (`reload`).
   */
  async cancel(call: { cancel: () => void }, steppingClass: string) {
    if (this.engine.has(steppingClass)) { call.cancel(); return; }
    await this.engine.restart();
    await this.reload();
  }

  /**
   * Loads the workspace's partners into a restarted worker as they were: the sample again from its
   * size and seed, imported partners from the copy this browser keeps of them (the page holds only
   * their names, kinds and tiers: loading those would rank and plan with partners that lost their
   * capabilities). A shared copy, or an import not saved yet, has no such copy: the status says
   * how to go on.
   */
  private async reload() {
    if (!this.eco) return;
    const src = this.ws.source;
    if (src.kind === 'sample') {
      await this.engine.call('sample', { partners: src.partners, seed: src.seed, load: true });
      return;
    }
    const kept = !this.copy && !this.ecoDirty;
    const meta = kept ? await this.engine.call('restore', {}).catch(() => null) : null;
    if (!meta || meta.count !== this.eco.partners.length) {
      this.status('Stopped. The partners could not be loaded again in this tab: open your workspace again (Open workspace…) to go on.');
    }
  }
}

/** Clears all field errors under `root`. */
export function clearErrors(root: Element) {
  for (const el of root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) { el.removeAttribute('aria-invalid'); delete el.dataset.untilEdit; }
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
  if (best && span) markUntilEdit(best, text);
  else {
    const box = root.querySelector('.form-error');
    if (box) box.textContent = err.path ? `${text} (${pathWords(err.path)})` : text;
  }
  return err;
}
