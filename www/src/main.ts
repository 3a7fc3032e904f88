// Entry point: restores the workspace (shared link, then autosave, else the built-in sample),
// starts the engine worker, builds the tabs and the workspace actions (import, export, share).
import './styles.css';
import { App } from './app';
import type { EcoMeta } from './engine/protocol';
import { emptyWorkspace, load, withImportedPartners, type Workspace } from './state';
import { clear, h, nextTask, SHOWN } from './ui/dom';
import { loadPlot } from './ui/lazy';
import { importPanel } from './ui/importer';
import { partnersScreen } from './ui/partners';
import { planScreen } from './ui/plan';
import { insightsScreen } from './ui/insights';
import { accountsScreen } from './ui/accounts';
import { registrationScreen } from './ui/registration';
import { profilesScreen } from './ui/profiles';
import { splitsScreen } from './ui/splits';
import { teamsScreen } from './ui/teams';
import { editHistory } from './ui/history';
import { number, useCurrency } from './ui/format';
import { readUi, writeUi } from './ui/session';
import { copyBanner, workspaceActions } from './ui/workspace';
import { guide, guideButton } from './ui/guide';
import { exportsFor } from './ui/exports';

const root = document.getElementById('app')!;

interface Start { ws: Workspace; meta: EcoMeta | null; from: string; note?: string; shared?: boolean }

/** The workspace to open: a shared link's, else the autosaved one, else the built-in sample. */
async function initialWorkspace(app: App): Promise<Start> {
  let note: string | undefined;
  if (/^#w=/.test(location.hash)) {
    const hash = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    try {
      const r = await app.engine.call('openLink', { hash });
      if (r?.workspace) return { ws: r.workspace, meta: r.meta, from: 'the shared link', shared: true };
    } catch (e) { note = (e as Error).message; }
  }
  const saved = load();
  if (saved?.source.kind === 'data') {
    const meta = await app.engine.call('restore', {}).catch(() => null);
    if (meta) return { ws: saved, meta, from: 'your last session (autosaved in this browser)', note };
    note ??= 'The partners imported in your last session could not be read back from this browser’s storage; export your workspace to keep imported data safe.';
  } else if (saved) return { ws: saved, meta: null, from: 'your last session (autosaved in this browser)', note };
  return { ws: emptyWorkspace(), meta: null, from: 'the built-in sample', note };
}

/** Makes `ws` the page's workspace: generates the sample, or adopts the worker's imported ecosystem. */
async function open(app: App, ws: Workspace, meta: EcoMeta | null, changed: boolean): Promise<void> {
  delete ws.ecosystem;
  if (ws.source.kind === 'sample') {
    if (!app.engine.has('sample')) {
      // a partial engine build: start empty and say why
      app.ws = ws;
      app.status('The built-in sample is not available in this build of the engine: import partners (CSV or JSON) to start.');
      await app.setEcosystem({ partners: [] });
      app.changed('ecosystem');
      return;
    }
    const s = await app.engine.call('sample', { partners: ws.source.partners, seed: ws.source.seed, load: true });
    performance.mark('dt:sample');
    if (!ws.profiles.length) { ws.profiles = s.profiles; ws.activeProfile = s.profiles[0]?.id ?? ''; }
    ws.deal ??= s.deal;
    await app.setEcosystem(s.ecosystem, s.meta);
  } else {
    if (!meta) throw new Error('This workspace names imported partners, but none were loaded.');
    await app.adopt(meta);
  }
  app.ws = ws;
  if (!ws.activeProfile && ws.profiles[0]) ws.activeProfile = ws.profiles[0].id;
  app.teams = [];
  if (changed) app.changed('ecosystem');
  else app.emit('ecosystem');
  edits.reset();
}

const app = new App(emptyWorkspace());
// amounts everywhere are shown in the deal's currency
for (const what of ['ecosystem', 'deal'] as const) app.on(what, () => useCurrency(app.ws.deal?.currency ?? app.eco?.currency));
const edits = editHistory(app);
app.onEdit = edits.record;

async function main() {
  (window as unknown as { __app: App }).__app = app;
  addEventListener('pagehide', () => app.flush());
  document.addEventListener('visibilitychange', () => { if (document.hidden) app.flush(); });

  const screens: [id: string, label: string, make: (app: App) => HTMLElement][] = [
    ['partners', 'Partners', partnersScreen],
    ['profiles', 'Profiles', profilesScreen],
    ['teams', 'Deal & Teams', teamsScreen],
    ['splits', 'Splits', splitsScreen],
    ['plan', 'Plan', planScreen],
    ['insights', 'Insights', insightsScreen],
    ['accounts', 'Accounts', accountsScreen],
    ['registration', 'Registration', registrationScreen],
  ];
  // the first number format loads the locale's data (~20 ms), then a screen a task: built all
  // at once they held the page's first task for ~90 ms
  await nextTask();
  number(0);
  const tabs: { id: string; label: string; el: HTMLElement }[] = [];
  for (const [id, label, make] of screens) {
    await nextTask();
    tabs.push({ id, label, el: make(app) });
  }
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Screens', class: 'tabs' });
  const buttons = tabs.map((t, i) => h('button', { role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? 0 : -1, type: 'button' }, t.label));
  const panels = tabs.map((t, i) => h('div', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}`, hidden: i !== 0 }, t.el));
  const select = (i: number, focus = false) => {
    if (panels[i].hidden) app.screenChanged();
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
      const shown = panels[j].hidden && i === j;
      panels[j].hidden = i !== j;
      if (shown) panels[j].dispatchEvent(new Event(SHOWN));
    });
    if (focus) buttons[i].focus();
    writeUi({ tab: tabs[i].id });
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

  // opening or resetting on purpose ends a shared copy: what the user opens now is their work
  const replace = (next: Workspace, meta: EcoMeta | null) => {
    app.copy = false;
    document.querySelector('.copy-banner')?.remove();
    return open(app, next, meta, true);
  };
  const ws = workspaceActions(app, replace);
  ws.actions.append(edits.undoBtn, edits.redoBtn);
  const importer = importPanel(app, (meta) => replace(withImportedPartners(app.ws, 'imported CSV'), meta), ws.openJson, ws.withUndo);
  (tabs[0].el as HTMLElement).insertBefore(importer, tabs[0].el.children[1]);

  const goTo = (id: string) => { const i = tabs.findIndex((t) => t.id === id); if (i >= 0) select(i, true); };
  app.goTo = goTo;
  const ways = { go: goTo, tab: (id: string) => tabs.find((t) => t.id === id)?.label ?? id };
  ws.actions.append(guideButton(ways, () => ws.shareBox));
  clear(root,
    h('a', { href: '#main', class: 'skip-link' }, 'Skip to the screens'),
    h('header', { class: 'top' }, h('h1', {}, 'dealteam planner'), h('p', { class: 'tagline' }, 'Find partners, build deal teams, divide revenue fairly and plan together — all in your browser; nothing is sent anywhere.'), ws.actions),
    app.statusEl, guide(ways), ws.shareBox, tablist, h('main', { id: 'main', tabindex: '-1' }, panels));
  exportsFor(root.querySelector('main')!);

  try {
    performance.mark('dt:start');
    await app.engine.init();
    performance.mark('dt:engine');
    const { ws: start, meta, from, note, shared } = await initialWorkspace(app);
    // a link opened over autosaved work is a copy until the user keeps it
    if (shared && load()) { app.copy = true; root.insertBefore(copyBanner(app), app.statusEl); }
    await open(app, start, meta, !!shared);
    performance.mark('dt:open');
    // back to the screen the user had open
    const at = tabs.findIndex((t) => t.id === readUi().tab);
    if (at > 0) select(at);
    const ms = performance.now();
    (window as unknown as { __firstRender: number }).__firstRender = ms;
    if (app.eco?.partners.length) app.status(`${note ? `${note} ` : ''}Opened ${from}: ${app.eco.partners.length.toLocaleString('en-US')} partners.`);
    else if (note) app.status(note);
    document.body.dataset.ready = 'true';
    // the chart library loads when the page is idle, so a first chart never waits for it
    // (or blocks the page evaluating it while a result arrives)
    (window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 2000)))(() => void loadPlot());
  } catch (e) {
    // nothing works without the engine: say so as an alert, in the colour of errors, and
    // take away the guide, whose steps would promise a sample that cannot open
    document.querySelector('.guide')?.remove();
    app.status(`The engine could not start: ${(e as Error).message}`);
    app.statusEl.classList.add('bad');
    app.statusEl.setAttribute('role', 'alert');
    document.body.dataset.ready = 'error';
  }
}

void main();
