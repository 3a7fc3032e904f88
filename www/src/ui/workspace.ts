// The workspace actions of the header: export, open, share link and reset (opening a file and
// resetting can be undone); and the banner of a
// workspace opened from a link, which is a copy until the user keeps it. The heavy parts
// (reading, writing, compressing a large ecosystem) run in the engine worker.
import type { App } from '../app';
import type { Opened } from '../engine/protocol';
import { emptyWorkspace, forget, withImportedPartners, type Workspace } from '../state';
import { download, h } from './dom';
import { explainError } from './errors';

/** Opens a workspace in the page: `meta` is the worker's ecosystem when it holds imported data. */
export type OpenFn = (ws: Workspace, opened: Opened['meta']) => Promise<void>;
/** Runs `replaceIt` (which replaces the workspace) so that Undo brings the old one back; `said` is the status after it. */
export type Undoable = (replaceIt: () => Promise<void>, said: () => string) => Promise<void>;

const count = (app: App) => (app.eco?.partners.length ?? 0).toLocaleString('en-US');

/**
 * Why the file `name` did not open, in words, by the error's code: a file that is not JSON keeps
 * the line and column the engine names, not its parser's phrases; `what` the file should be,
 * `again` what to do instead, `verb` what the user was doing (open, import).
 */
export function openError(name: string, e: unknown, what = 'workspace file', again = 'Open the file that “Export workspace” wrote, or export it again.', verb = 'open'): string {
  const err = (e && typeof e === 'object' ? e : {}) as { code?: unknown; path?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (err.code === 'invalid_json') {
    const at = /line (\d+),? column (\d+)/.exec(message);
    if (at && at[1] === '1' && at[2] === '0') return `${name} is empty. ${again}`;
    const where = at ? ` at line ${at[1]}, column ${at[2]}` : '';
    return /\bEOF\b/.test(message)
      ? `${name} is not a complete ${what} (it ends too early${where}). ${again}`
      : `${name} is not a ${what}: it cannot be read${where}. ${again}`;
  }
  if (err.code === 'invalid_value' && !err.path) return `${name} is not a workspace file or a partner list. ${again}`;
  return `Could not ${verb} ${name}: ${explainError(e)}`;
}

export function workspaceActions(app: App, open: OpenFn) {
  const wsFile = h('input', { type: 'file', accept: '.json,application/json', id: 'ws-file', hidden: true, 'aria-label': 'Workspace file' });
  /** Opens a JSON file (workspace, ecosystem or partner list), parsed in the worker. */
  const openJson = (file: Blob | string) => withUndo(async () => {
    const r = await app.engine.call('openJson', { file });
    const next: Workspace = r.workspace ?? withImportedPartners(app.ws, 'imported JSON');
    await open(next, r.meta);
  }, () => `Loaded ${count(app)} partners.`);
  wsFile.addEventListener('change', async () => {
    const f = wsFile.files?.[0];
    if (!f) return;
    app.status(`Opening ${f.name}…`);
    try { await openJson(f); } catch (e) { app.status(openError(f.name, e)); }
    wsFile.value = '';
  });

  const shareField = h('input', { type: 'text', readonly: true, id: 'share-link', class: 'share-link' });
  const hideShare = h('button', { type: 'button', class: 'small', onclick: () => { shareBox.hidden = true; } }, 'Hide');
  const shareBox = h('div', { class: 'field share', hidden: true }, h('label', { for: 'share-link' }, 'Share link'), shareField, hideShare);
  // the link holds the workspace as it was: after an edit it would share the older one
  for (const c of ['ecosystem', 'profiles', 'deal', 'plan', 'splits', 'history', 'registry'] as const) app.on(c, () => { shareBox.hidden = true; });
  const share = async () => {
    shareBox.hidden = true;
    app.status('Building the share link…');
    const base = location.origin + location.pathname;
    let url: string;
    try { url = base + (await app.engine.call('share', { workspace: app.ws, base: base.length })); } catch (e) { app.status(explainError(e, false)); return; }
    shareField.value = url;
    shareBox.hidden = false;
    const size = `${Math.max(1, Math.round(url.length / 1024)).toLocaleString('en-US')} KB`;
    try { await navigator.clipboard.writeText(url); app.status(`Share link copied (${size}; the workspace is inside the link's fragment, which is never sent to a server).`); }
    catch { shareField.select(); app.status(`Share link ready below (${size}); copy it from the field.`); }
  };
  const exportWs = async () => {
    app.status('Preparing the workspace file…');
    try {
      download('dealteam-workspace.json', await app.engine.call('exportWorkspace', { workspace: app.ws }));
      app.status('Workspace exported as dealteam-workspace.json.');
    } catch (e) { app.status(`Could not export: ${explainError(e, false)}`); }
  };
  const actions = h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: () => void exportWs() }, 'Export workspace'),
    h('button', { type: 'button', onclick: () => wsFile.click() }, 'Open workspace…'), wsFile,
    h('button', { type: 'button', onclick: () => void share() }, 'Copy share link'),
    h('button', { type: 'button', onclick: () => askReset() }, 'Reset to sample'));

  /** Reset asks first, and can be undone: the workspace and its ecosystem are kept aside. */
  const askReset = () => {
    app.status('Replace your workspace (partners, profiles, deal, plan) with the built-in sample?',
      { label: 'Reset to sample', run: () => void reset() }, { label: 'Keep my work', run: () => app.status('Nothing was changed.') });
    app.statusEl.querySelector('button')?.focus();
  };
  const reset = () => withUndo(async () => { forget(); await open(emptyWorkspace(), null); }, () => 'Back to the built-in sample.');
  /**
   * Replaces the workspace (`replaceIt`) so that Undo brings the old one back: it and its
   * ecosystem are kept aside first. Nothing is replaced when `replaceIt` fails.
   */
  async function withUndo(replaceIt: () => Promise<void>, said: () => string) {
    const before: Workspace = structuredClone(app.ws);
    const wasData = before.source.kind === 'data';
    if (wasData) await app.engine.call('stash', {});
    await replaceIt();
    app.status(said(), { label: 'Undo', run: () => void undo(before, wasData) });
  }
  const undo = async (before: Workspace, wasData: boolean) => {
    const meta = wasData ? await app.engine.call('unstash', {}) : null;
    if (wasData && !meta) { app.status('Your previous workspace could not be brought back.'); return; }
    await open(before, meta);
    app.status('Your workspace is back.');
  };
  return { actions, shareBox, openJson, withUndo };
}

/**
 * The notice above a workspace opened from a link while the browser holds autosaved work: it is
 * a copy (not saved) until the user keeps it; "Back to my work" reopens the saved one.
 */
export function copyBanner(app: App): HTMLElement {
  const box = h('div', { class: 'notice copy-banner', role: 'region', 'aria-label': 'Shared workspace' },
    h('p', {}, h('strong', {}, 'You are looking at a shared workspace. '),
      'It is a copy: your own autosaved work in this browser is untouched, and changes to this copy are not saved unless you keep it.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => {
        app.keep();
        box.remove();
        app.status('The shared workspace replaced your saved work; it is now saved in this browser.');
      } }, 'Keep this one (replace my saved work)'),
      h('button', { type: 'button', onclick: () => location.reload() }, 'Back to my work')));
  return box;
}
