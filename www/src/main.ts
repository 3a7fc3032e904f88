// Entry point: restores the workspace (shared link, then autosave, else the built-in sample),
// starts the engine worker, builds the tabs and the workspace actions (import, export, share).
import './styles.css';
import { App } from './app';
import type { Ecosystem } from './engine/types';
import { emptyWorkspace, forget, fromFragment, load, parseWorkspace, toFragment, type Workspace } from './state';
import { clear, download, h } from './ui/dom';
import { importPanel } from './ui/importer';
import { partnersScreen } from './ui/partners';
import { planScreen } from './ui/plan';
import { profilesScreen } from './ui/profiles';
import { splitsScreen } from './ui/splits';
import { teamsScreen } from './ui/teams';

const root = document.getElementById('app')!;

async function initialWorkspace(): Promise<{ ws: Workspace; from: string }> {
  try {
    const shared = fromFragment(location.hash);
    if (shared) { history.replaceState(null, '', location.pathname + location.search); return { ws: shared, from: 'the shared link' }; }
  } catch (e) { console.warn(e); }
  const saved = await load();
  return saved ? { ws: saved, from: 'your last session (autosaved in this browser)' } : { ws: emptyWorkspace(), from: 'the built-in sample' };
}

/** Loads the workspace's ecosystem (generating the sample when it came from one). */
async function open(app: App, ws: Workspace): Promise<void> {
  app.ws = ws;
  let eco: Ecosystem;
  if (ws.source.kind === 'sample') {
    if (!app.engine.has('sample')) {
      // a partial engine build: start empty and say why
      app.status('The built-in sample is not available in this build of the engine: import partners (CSV or JSON) to start.');
      await app.setEcosystem({ partners: [] });
      app.changed('ecosystem');
      return;
    }
    const s = await app.engine.call('sample', { partners: ws.source.partners, seed: ws.source.seed, load: true });
    performance.mark('dt:sample');
    eco = s.ecosystem;
    if (!ws.profiles.length) { ws.profiles = s.profiles; ws.activeProfile = s.profiles[0]?.id ?? ''; }
    ws.deal ??= s.deal;
  } else eco = ws.ecosystem!;
  if (!ws.activeProfile && ws.profiles[0]) ws.activeProfile = ws.profiles[0].id;
  app.teams = [];
  await app.setEcosystem(eco, ws.source.kind === 'sample');
  app.changed('ecosystem');
}

async function main() {
  const app = new App(emptyWorkspace());
  const { ws, from } = await initialWorkspace();
  app.ws = ws;
  (window as unknown as { __app: App }).__app = app;
  addEventListener('pagehide', () => app.flush());
  document.addEventListener('visibilitychange', () => { if (document.hidden) app.flush(); });

  const tabs = [
    { id: 'partners', label: 'Partners', el: partnersScreen(app) },
    { id: 'profiles', label: 'Profiles', el: profilesScreen(app) },
    { id: 'teams', label: 'Deal & Teams', el: teamsScreen(app) },
    { id: 'splits', label: 'Splits', el: splitsScreen(app) },
    { id: 'plan', label: 'Plan', el: planScreen(app) },
  ];
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Screens', class: 'tabs' });
  const buttons = tabs.map((t, i) => h('button', { role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? 0 : -1, type: 'button' }, t.label));
  const panels = tabs.map((t, i) => h('div', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, hidden: i !== 0 }, t.el));
  const select = (i: number, focus = false) => {
    buttons.forEach((b, j) => { b.setAttribute('aria-selected', String(i === j)); b.tabIndex = i === j ? 0 : -1; panels[j].hidden = i !== j; });
    if (focus) buttons[i].focus();
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (e) => {
      const k = e.key;
      if (k === 'ArrowRight') select((i + 1) % tabs.length, true);
      else if (k === 'ArrowLeft') select((i + tabs.length - 1) % tabs.length, true);
      else if (k === 'Home') select(0, true);
      else if (k === 'End') select(tabs.length - 1, true);
      else return;
      e.preventDefault();
    });
  });
  tablist.append(...buttons);

  // workspace actions
  const wsFile = h('input', { type: 'file', accept: '.json,application/json', id: 'ws-file', hidden: true, 'aria-label': 'Workspace file' });
  const importJson = async (text: string) => {
    const v = JSON.parse(text) as unknown;
    let next: Workspace;
    if (v && typeof v === 'object' && (v as { version?: unknown }).version === 1) next = parseWorkspace(text);
    else {
      const eco = (Array.isArray(v) ? { partners: v } : v) as Ecosystem;
      if (!eco || !Array.isArray(eco.partners)) throw new Error('Expected a workspace, an ecosystem {partners: […]} or a list of partners.');
      next = { ...app.ws, source: { kind: 'data', label: 'imported JSON' }, ecosystem: eco, splits: null, plan: null };
    }
    const prev = app.ws;
    try { await open(app, next); } catch (e) { await open(app, prev); throw e; }
    app.status(`Loaded ${app.eco?.partners.length ?? 0} partners.`);
  };
  wsFile.addEventListener('change', async () => {
    const f = wsFile.files?.[0];
    if (!f) return;
    try { await importJson(await f.text()); } catch (e) { app.status(`Could not open ${f.name}: ${(e as Error).message}`); }
    wsFile.value = '';
  });
  const shareField = h('input', { type: 'text', readonly: true, id: 'share-link', class: 'share-link' });
  const shareBox = h('div', { class: 'field share', hidden: true }, h('label', { for: 'share-link' }, 'Share link'), shareField);
  const actions = h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: () => download('dealteam-workspace.json', JSON.stringify(app.ws.source.kind === 'data' ? app.ws : { ...app.ws, ecosystem: undefined }, null, 2), 'application/json') }, 'Export workspace'),
    h('button', { type: 'button', onclick: () => wsFile.click() }, 'Open workspace…'), wsFile,
    h('button', { type: 'button', onclick: async () => {
      const url = location.origin + location.pathname + toFragment(app.ws);
      shareField.value = url;
      shareBox.hidden = false;
      const size = `${Math.max(1, Math.round(url.length / 1024))} KB`;
      try { await navigator.clipboard.writeText(url); app.status(`Share link copied (${size}; the workspace is inside the link's fragment, which is never sent to a server).`); }
      catch { shareField.select(); app.status(`Share link ready below (${size}); copy it from the field.`); }
    } }, 'Copy share link'),
    h('button', { type: 'button', onclick: async () => { forget(); await open(app, emptyWorkspace()); app.status('Back to the built-in sample.'); } }, 'Reset to sample'));

  const importer = importPanel(() => app.eco, async (eco, lineOf) => {
    const prev = app.ws;
    const next: Workspace = { ...app.ws, source: { kind: 'data', label: 'imported CSV' }, ecosystem: eco, splits: null, plan: null };
    try { await open(app, next); return null; } catch (e) {
      await open(app, prev);
      const err = e as { path?: string; message?: string };
      const m = /^(?:ecosystem\.)?partners\[(\d+)\]/.exec(err.path ?? '');
      const line = m ? lineOf(Number(m[1])) : null;
      return `Not imported: ${line ? `line ${line}: ` : ''}${err.message ?? String(e)}`;
    }
  }, importJson);
  (tabs[0].el as HTMLElement).insertBefore(importer, tabs[0].el.children[1]);

  clear(root,
    h('header', { class: 'top' }, h('h1', {}, 'dealteam planner'), h('p', { class: 'tagline' }, 'Find partners, build deal teams, divide revenue fairly and plan together — all in your browser; nothing is sent anywhere.'), actions),
    app.statusEl, shareBox, tablist, h('main', {}, panels));

  try {
    performance.mark('dt:start');
    await app.engine.init();
    performance.mark('dt:engine');
    await open(app, ws);
    performance.mark('dt:open');
    const ms = performance.now();
    (window as unknown as { __firstRender: number }).__firstRender = ms;
    if (app.eco?.partners.length) app.status(`Opened ${from}: ${app.eco.partners.length.toLocaleString('en-US')} partners (${ms.toFixed(0)} ms).`);
    document.body.dataset.ready = 'true';
  } catch (e) {
    app.status(`The engine could not start: ${(e as Error).message}`);
    document.body.dataset.ready = 'error';
  }
}

void main();
