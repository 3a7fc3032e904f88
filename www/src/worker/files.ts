// Workspace files, share links and storage, done in the worker so the page never parses,
// serialises or compresses a large ecosystem on its main thread.
import LZString from 'lz-string';
import type { EcoMeta } from '../engine/protocol';
import type { Ecosystem } from '../engine/types';
import { checkWorkspace, emptyWorkspace, idb, type Workspace } from '../state';
import { adopt, current, Eco, jsonBlob, load, loadObject, need } from './ecosystem';
import { fail, type EcoHandle } from './engine';

/** Browsers open links up to about 2 MB (Chromium's limit is 2 MiB); longer ones are refused. */
export const LINK_LIMIT = 2_000_000;
const ECO_KEY = 'ecosystem';
/** Characters (or bytes of a file) compressed to judge how well a long text compresses. */
const PROBE = 256 * 1024;

/**
 * The workspace as JSON, in parts: a data workspace carries the worker's ecosystem, given as
 * `ecosystem(handle)` gives it (its text, or its bytes in pieces for a file of any size).
 */
function workspaceParts<T>(ws: Workspace, ecosystem: (h: EcoHandle) => T[], indent?: number): (string | T)[] {
  const { ecosystem: _drop, ...rest } = ws;
  const text = JSON.stringify(rest, null, indent);
  if (ws.source.kind !== 'data') return [text];
  return [`${text.slice(0, -1).trimEnd()},${indent ? '\n  ' : ''}"ecosystem":`, ...ecosystem(need().handle), `${indent ? '\n' : ''}}`];
}

/** The workspace as JSON text (for a link: a workspace that fits in one). */
const workspaceText = (ws: Workspace): string => workspaceParts(ws, (h) => [h.toJson()]).join('');

const NOT_OPENABLE = 'Expected a workspace, an ecosystem {"partners": […]} or a list of partners.';

export interface Opened { workspace: Workspace | null; meta: EcoMeta | null }

/** Opens a workspace, an ecosystem or a list of partners from its JSON text, parsed once, by the engine. */
export const openText = (text: string): Opened => openContent(text, () => jsonBlob(text));

/**
 * `openText` of a file, read as bytes: no JS string is made of it, so a file beyond a string's
 * ~512 MiB opens too; the engine reads the bytes as `text()` would.
 */
export const openBlob = async (file: Blob): Promise<Opened> => openContent(new Uint8Array(await file.arrayBuffer()), () => file);

/** Opens JSON text or bytes; `file()` is what the ecosystem is stored as when it is kept. */
function openContent(content: string | Uint8Array, file: () => Blob): Opened {
  const { ecosystem, rest } = openFile(content);
  let kept = false;
  const keep = (handle: EcoHandle): EcoMeta => { kept = true; return adopt(handle, file()); };
  try {
    if (rest === null) return { workspace: null, meta: keep(ecosystem!) };
    const v = JSON.parse(rest) as { version?: unknown; profiles?: unknown; deal?: unknown };
    if (v.version === 1) {
      const ws = checkWorkspace(v, ecosystem !== null);
      delete ws.ecosystem;
      return { workspace: ws, meta: ws.source.kind === 'data' && ecosystem ? keep(ecosystem) : null };
    }
    // the CLI's `dealteam sample` output: {ecosystem, profiles, deal} opens as a workspace
    if (ecosystem && Array.isArray(v.profiles)) {
      const ws = checkWorkspace({ ...emptyWorkspace(), source: { kind: 'data', label: 'a dealteam sample file' }, profiles: v.profiles, activeProfile: (v.profiles[0] as { id?: string } | undefined)?.id ?? '', deal: v.deal ?? null }, true);
      return { workspace: ws, meta: keep(ecosystem) };
    }
    throw fail('invalid_value', NOT_OPENABLE);
  } finally {
    if (!kept) ecosystem?.free();
  }
}

/** The engine's reading of a JSON file: its ecosystem, and the rest of an object that carries one. */
function openFile(content: string | Uint8Array): { ecosystem: EcoHandle | null; rest: string | null } {
  try {
    return Eco().open(content);
  } catch (e) {
    const err = e as { code?: string; path?: string; message?: string };
    if (err.code === 'invalid_json' && !err.path) throw fail('invalid_json', `The file is not valid JSON (${err.message}).`);
    if (err.code === 'invalid_value' && !err.path) throw fail('invalid_value', NOT_OPENABLE);
    throw e;
  }
}

/** The workspace file to download. */
export const exportWorkspace = (ws: Workspace): Blob => jsonBlob(...workspaceParts<BlobPart>(ws, (h) => h.toJsonChunks() as BlobPart[], 2));

/** The `#w=…` fragment of a share link, or a clear refusal when browsers would not open it. */
export async function shareFragment(ws: Workspace, base: number): Promise<string> {
  const tooLong = (chars: number) => fail('too_large',
    `This workspace is too large for a link (about ${(chars / 1e6).toFixed(1)} MB; browsers open links up to ${LINK_LIMIT / 1e6} MB). ` +
    'Use “Export workspace” and send the file instead.');
  // lz-string compresses JSON by 3–10×: judge a long text by a sample before compressing it all,
  // and a large ecosystem by its file, before the engine writes it out as JSON
  const estimate = (head: string, length: number) => Math.round(LZString.compressToEncodedURIComponent(head).length / head.length * length);
  const file = ws.source.kind === 'data' ? current?.file : undefined;
  if (file && file.size > PROBE) {
    const guess = estimate(await file.slice(0, PROBE).text(), file.size);
    if (guess > LINK_LIMIT * 1.5) throw tooLong(guess);
  }
  const text = workspaceText(ws);
  if (text.length > PROBE) {
    const guess = estimate(text.slice(0, PROBE), text.length);
    if (guess > LINK_LIMIT * 1.5) throw tooLong(guess);
  }
  const frag = '#w=' + LZString.compressToEncodedURIComponent(text);
  if (base + frag.length > LINK_LIMIT) throw tooLong(base + frag.length);
  return frag;
}

/** Opens the workspace of a `#w=…` fragment; a damaged link says so. */
export function openFragment(hash: string): Opened | null {
  const m = /^#w=(.+)$/.exec(hash);
  if (!m) return null;
  const text = LZString.decompressFromEncodedURIComponent(m[1]);
  const damaged = (why: string) => fail('damaged_link', `This shared link is damaged (${why}); it may have been cut off when it was copied. Ask for the link again, or for an exported workspace file.`);
  if (!text) throw damaged('its workspace could not be unpacked');
  try {
    const opened = openText(text);
    if (!opened.workspace) throw new Error('not a workspace');
    return opened;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code && err.code !== 'invalid_json' && err.code !== 'invalid_value') throw e;
    throw damaged(err.message ?? 'it holds no workspace');
  }
}

/** Stores the current ecosystem's file for the next visit (`keep`: it is imported data), or forgets it. */
export async function persist(keep: boolean): Promise<null> {
  if (keep && current) await idb('readwrite', (st) => st.put(current!.file, ECO_KEY));
  else await idb('readwrite', (st) => st.delete(ECO_KEY));
  return null;
}

/** Loads the stored ecosystem (its file; text or an object stored by earlier versions); null when none. */
export async function restore(): Promise<EcoMeta | null> {
  const v = await idb<unknown>('readonly', (st) => st.get(ECO_KEY));
  if (v instanceof Blob) return (await openBlob(v)).meta;
  if (typeof v === 'string') return load(v);
  if (v && typeof v === 'object') return loadObject(v as Ecosystem);
  return null;
}
