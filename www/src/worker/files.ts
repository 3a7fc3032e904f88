// Workspace files, share links and storage, done in the worker so the page never parses,
// serialises or compresses a large ecosystem on its main thread.
import LZString from 'lz-string';
import type { EcoMeta } from '../engine/protocol';
import type { Ecosystem } from '../engine/types';
import { checkWorkspace, emptyWorkspace, idb, type Workspace } from '../state';
import { current, load, loadObject, need, parse } from './ecosystem';
import { fail } from './engine';

/** Browsers open links up to about 2 MB (Chromium's limit is 2 MiB); longer ones are refused. */
export const LINK_LIMIT = 2_000_000;
const ECO_KEY = 'ecosystem';

/** The workspace as JSON text; a data workspace carries the worker's ecosystem. */
function workspaceText(ws: Workspace, indent?: number): string {
  const { ecosystem: _drop, ...rest } = ws;
  const text = JSON.stringify(rest, null, indent);
  if (ws.source.kind !== 'data') return text;
  return `${text.slice(0, -1).trimEnd()},${indent ? '\n  ' : ''}"ecosystem":${need().text}${indent ? '\n' : ''}}`;
}

export interface Opened { workspace: Workspace | null; meta: EcoMeta | null }

/** Opens a workspace, an ecosystem or a list of partners (JSON text). */
export function openText(text: string): Opened {
  const v = parse(text) as unknown;
  if (v && typeof v === 'object' && (v as { version?: unknown }).version === 1) {
    const ws = checkWorkspace(v);
    const eco = ws.ecosystem;
    delete ws.ecosystem;
    return { workspace: ws, meta: ws.source.kind === 'data' && eco ? loadObject(eco) : null };
  }
  // the CLI's `dealteam sample` output: {ecosystem, profiles, deal} opens as a workspace
  const sample = v as { ecosystem?: Ecosystem; profiles?: unknown; deal?: unknown } | null;
  if (sample && typeof sample === 'object' && sample.ecosystem && Array.isArray(sample.profiles)) {
    const ws = checkWorkspace({ ...emptyWorkspace(), source: { kind: 'data', label: 'a dealteam sample file' }, profiles: sample.profiles, activeProfile: (sample.profiles[0] as { id?: string } | undefined)?.id ?? '', deal: sample.deal ?? null, ecosystem: sample.ecosystem });
    delete ws.ecosystem;
    return { workspace: ws, meta: loadObject(sample.ecosystem) };
  }
  const eco = (Array.isArray(v) ? { partners: v } : v) as Ecosystem;
  if (!eco || typeof eco !== 'object' || !Array.isArray(eco.partners)) {
    throw fail('invalid_value', 'Expected a workspace, an ecosystem {"partners": […]} or a list of partners.');
  }
  return { workspace: null, meta: Array.isArray(v) ? loadObject(eco) : load(text, eco) };
}

/** The workspace file to download. */
export const exportWorkspace = (ws: Workspace): Blob => new Blob([workspaceText(ws, 2)], { type: 'application/json' });

/** The `#w=…` fragment of a share link, or a clear refusal when browsers would not open it. */
export function shareFragment(ws: Workspace, base: number): string {
  const text = workspaceText(ws);
  const tooLong = (chars: number) => fail('too_large',
    `This workspace is too large for a link (about ${(chars / 1e6).toFixed(1)} MB; browsers open links up to ${LINK_LIMIT / 1e6} MB). ` +
    'Use “Export workspace” and send the file instead.');
  // lz-string compresses JSON by 3–10×: judge a long text by a sample before compressing it all
  if (text.length > 256 * 1024) {
    const probe = LZString.compressToEncodedURIComponent(text.slice(0, 256 * 1024)).length / (256 * 1024);
    const estimate = Math.round(probe * text.length);
    if (estimate > LINK_LIMIT * 1.5) throw tooLong(estimate);
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

/** Stores the current ecosystem for the next visit (`keep`: it is imported data), or forgets it. */
export async function persist(keep: boolean): Promise<null> {
  if (keep && current) await idb('readwrite', (st) => st.put(current!.text, ECO_KEY));
  else await idb('readwrite', (st) => st.delete(ECO_KEY));
  return null;
}

/** Loads the stored ecosystem (text, or an object stored by earlier versions); null when none. */
export async function restore(): Promise<EcoMeta | null> {
  const v = await idb<unknown>('readonly', (st) => st.get(ECO_KEY));
  if (typeof v === 'string') return load(v);
  if (v && typeof v === 'object') return loadObject(v as Ecosystem);
  return null;
}
