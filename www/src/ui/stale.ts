// Results out of date: a note over results while what the engine would be given now differs
// from what they were computed from. Compared as content (the request, its keys in any order),
// not as edits: text typed and then restored, or the same text pasted again, leaves them current.
import { digest } from './digest';
import { h } from './dom';

/** A request as one string, objects' keys sorted: two requests with the same content give the same string. */
export function inputKey(x: unknown): string {
  return JSON.stringify(x ?? null, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/**
 * A short fingerprint of a request's content (`inputKey`, keys in any order): kept with results
 * saved in the workspace, so that after a reload it is still known whether the request is the one
 * they came from, without a second copy of it in the workspace and its share link.
 */
export const fingerprint = (x: unknown): string => digest(inputKey(x));

/**
 * Whether results are out of date: `computing(sent)` when a computation starts from `sent` (what
 * the engine is given); it returns `done`, to call once that computation's results are shown.
 * `stale()`: results are shown and `inputs()` (the request as it would be now) differs from theirs.
 */
export function freshness(inputs: () => unknown) {
  let from: string | null = null;
  return {
    computing(sent: unknown): () => void {
      from = null;
      const key = inputKey(sent);
      return () => { from = key; };
    },
    stale: () => from !== null && inputKey(inputs()) !== from,
  };
}

/**
 * `freshness` shown: `sentence` at the top of `out` exactly while its results are out of date.
 * `check()` after every change that may alter `inputs()`.
 */
export function staleNote(out: HTMLElement, sentence: string, inputs: () => unknown) {
  const f = freshness(inputs);
  const note = h('p', { class: 'notice stale', role: 'status' }, sentence);
  const check = () => {
    if (!f.stale()) note.remove();
    else if (note.parentNode !== out) out.prepend(note);
  };
  return {
    check,
    computing(sent: unknown): () => void {
      note.remove();
      const done = f.computing(sent);
      return () => { done(); check(); };
    },
  };
}
