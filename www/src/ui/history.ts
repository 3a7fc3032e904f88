// Undo and redo for the user's edits (profiles, deal, plan, split settings, results): a
// snapshot of the workspace — without its ecosystem, which the worker holds — after each burst
// of edits. Opening or resetting a workspace starts a new history.
import type { App } from '../app';
import type { Workspace } from '../state';
import { h } from './dom';

const KEEP = 50;
const QUIET_MS = 400;

export function editHistory(app: App) {
  const snap = () => { const { ecosystem: _drop, ...rest } = app.ws; return JSON.stringify(rest); };
  let past: string[] = [];
  let future: string[] = [];
  let last = snap();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const undoBtn = h('button', { type: 'button', disabled: true, title: 'Undo the last edit' }, 'Undo');
  const redoBtn = h('button', { type: 'button', disabled: true, title: 'Redo the edit undone' }, 'Redo');
  const sync = () => {
    const had = document.activeElement;
    undoBtn.disabled = !past.length;
    redoBtn.disabled = !future.length;
    // the button that had the focus went disabled (nothing left to undo): hand it to the other one
    const other = had === undoBtn ? redoBtn : had === redoBtn ? undoBtn : null;
    if (other && (had as HTMLButtonElement).disabled && !other.disabled) other.focus();
  };

  /** Takes a snapshot once the edits have paused (a typed word is one step, not one per key). */
  const record = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = snap();
      if (now === last) return;
      past.push(last);
      if (past.length > KEEP) past.shift();
      future = [];
      last = now;
      sync();
    }, QUIET_MS);
  };
  const restore = (text: string) => {
    app.ws = { ...(JSON.parse(text) as Workspace) };
    app.teams = app.ws.teamResults?.response.teams ?? [];
    // every screen rebuilds from the workspace; the ecosystem itself did not change
    app.emit('ecosystem');
    app.saveSoon();
    sync();
  };
  const step = (from: string[], to: string[], what: string) => {
    clearTimeout(timer);
    const now = snap();
    if (now !== last) {
      // an edit not yet recorded counts: Undo goes back before it; Redo has nothing left to redo
      past.push(last);
      last = now;
      if (from === future) { future = []; sync(); return; }
    }
    const text = from.pop();
    if (text === undefined) return;
    to.push(last);
    last = text;
    restore(text);
    app.status(`${what}.`);
  };
  undoBtn.addEventListener('click', () => step(past, future, 'Undone'));
  redoBtn.addEventListener('click', () => step(future, past, 'Redone'));
  /**
   * A new workspace: a new history, started once the screens have built (they fill in
   * defaults, such as a plan for the chosen team, which are not the user's edits).
   */
  const reset = () => setTimeout(() => { clearTimeout(timer); past = []; future = []; last = snap(); sync(); }, 0);
  return { undoBtn, redoBtn, record, reset };
}
