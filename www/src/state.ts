// The workspace: everything a user edits (ecosystem or the sample it came from, profiles,
// deal, plan, split settings). Saved to localStorage on every change, exported/imported as
// JSON, and packed into the URL fragment (lz-string) for sharing — never sent anywhere.
import LZString from 'lz-string';
import type { Deal, Ecosystem, Journey, Plan, Profile } from './engine/types';

export interface SplitSettings {
  amount: string;
  members: string[];
  shares: Record<string, number>;
  influenceRate: number;
  journeys: Journey[];
}

export interface Workspace {
  version: 1;
  source: { kind: 'sample'; partners: number; seed: number } | { kind: 'data'; label: string };
  ecosystem?: Ecosystem;
  profiles: Profile[];
  activeProfile: string;
  deal: Deal | null;
  plan: Plan | null;
  splits: SplitSettings | null;
  teamK: number;
}

const KEY = 'dealteam.workspace.v1';

export function emptyWorkspace(): Workspace {
  return { version: 1, source: { kind: 'sample', partners: 300, seed: 1 }, profiles: [], activeProfile: '', deal: null, plan: null, splits: null, teamK: 10 };
}

/** Checks the outer shape of a workspace read from a file, link or storage. */
export function parseWorkspace(text: string): Workspace {
  const v = JSON.parse(text) as Partial<Workspace>;
  if (!v || typeof v !== 'object' || v.version !== 1 || !v.source || !Array.isArray(v.profiles)) {
    throw new Error('This is not a dealteam workspace (version 1): expected {version: 1, source, profiles, …}.');
  }
  if (v.source.kind === 'data' && (!v.ecosystem || !Array.isArray(v.ecosystem.partners))) {
    throw new Error('The workspace names imported data but has no ecosystem.partners.');
  }
  return { ...emptyWorkspace(), ...v } as Workspace;
}

// An imported ecosystem can be far larger than localStorage's few megabytes (100k partners
// are ~10 MB of JSON), so it lives in IndexedDB; the rest of the workspace in localStorage.
const DB = 'dealteam';
const STORE = 'kv';
const ECO = 'ecosystem';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function kv<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const d = await db();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = d.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    d.close();
  }
}

/**
 * Saves the workspace; the (possibly large) imported ecosystem is written only when
 * `ecosystemChanged`, so edits stay cheap with 100k partners. Resolves to a problem to show,
 * or null.
 */
export async function save(ws: Workspace, ecosystemChanged: boolean): Promise<string | null> {
  const { ecosystem, ...rest } = ws;
  try {
    localStorage.setItem(KEY, JSON.stringify(rest));
  } catch {
    return 'Autosave failed: this browser’s storage is full. Export the workspace as JSON to keep it.';
  }
  if (!ecosystemChanged) return null;
  try {
    if (ws.source.kind === 'data' && ecosystem) await kv('readwrite', (st) => st.put(ecosystem, ECO));
    else await kv('readwrite', (st) => st.delete(ECO));
    return null;
  } catch {
    localStorage.removeItem(KEY);
    return 'Autosave failed: the imported partners do not fit in this browser’s storage. Export the workspace as JSON to keep it.';
  }
}

export async function load(): Promise<Workspace | null> {
  try {
    const t = localStorage.getItem(KEY);
    if (!t) return null;
    const v = JSON.parse(t) as Workspace;
    if (v.source?.kind === 'data') v.ecosystem = (await kv<Workspace['ecosystem']>('readonly', (st) => st.get(ECO))) ?? undefined;
    return parseWorkspace(JSON.stringify(v));
  } catch {
    return null;
  }
}

export function forget() {
  localStorage.removeItem(KEY);
  void kv('readwrite', (st) => st.delete(ECO)).catch(() => undefined);
}

export function toFragment(ws: Workspace): string {
  return '#w=' + LZString.compressToEncodedURIComponent(JSON.stringify(ws));
}

export function fromFragment(hash: string): Workspace | null {
  const m = /^#w=(.+)$/.exec(hash);
  if (!m) return null;
  const text = LZString.decompressFromEncodedURIComponent(m[1]);
  if (!text) throw new Error('The shared link is damaged: its workspace could not be decompressed.');
  return parseWorkspace(text);
}
