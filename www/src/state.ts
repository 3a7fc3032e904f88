// The workspace: everything a user edits (ecosystem or the sample it came from, profiles,
// deal, plan, split settings). Saved to localStorage on every change, exported/imported as
// JSON, and packed into the URL fragment (lz-string) for sharing — never sent anywhere.
import type { HistoryDeal, TrainResponse } from 'dealteam';
import type { Deal, Ecosystem, Journey, Plan, Profile, SimulateResponse, TeamsResponse } from './engine/types';
import type { RegistryState } from './ui/registration';

export interface SplitSettings {
  amount: string;
  members: string[];
  shares: Record<string, number>;
  /** the tiered rule's first rate (up to `threshold`) */
  influenceRate: number;
  /** the tiered rule's influence partner (default: the last member) */
  influencer?: string;
  /** the amount up to which `influenceRate` applies (default 100,000) */
  threshold?: string;
  /** the tiered rule's rate above the threshold (default 2 points less) */
  rateAbove?: number;
  /** `shares` are percentages adding up to 100 (older workspaces kept weights) */
  sharesPct?: boolean;
  journeys: Journey[];
  /** the Owen rule's alliances: member → alliance number (0 or absent: on its own) */
  alliances?: Record<string, number>;
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
  /** show at most one team per core set (the members of required slots); default true */
  teamDiverse?: boolean;
  /** the team search's time limit in seconds (it then shows the best teams found, with the gap) */
  teamSeconds?: number;
  /**
   * the last team search's result; `stale` while what its teams answer differs from what they would
   * answer now; `asked`: that, as a fingerprint (ui/stale.ts), to tell after a reload or an undo;
   * `k`: how many teams the search asked the engine for (both absent in workspaces saved before them)
   */
  teamResults?: { response: TeamsResponse; seconds: number; stale: boolean; asked?: string; k?: number };
  /**
   * the last simulation of the plan; `stale` while what Simulate would send differs from what it
   * came from; `asked`: that request (plan, trials, seed) as a fingerprint, with its `trials` and
   * `seed` to show again (absent in workspaces saved before them); `names`: its partners' names then
   * (by id), so it still names them after the plan or the partners change
   */
  simResults?: { response: SimulateResponse; stale: boolean; names?: Record<string, string>; asked?: string; trials?: number; seed?: number };
  /** the imported deal history (Insights screen): where it came from, and its currency */
  history?: { deals: HistoryDeal[]; label: string; currency?: string };
  /** the win model trained on that history, with its validation */
  winModel?: TrainResponse;
  /** the deal registrations and the program's rules (Registration screen) */
  registry?: RegistryState;
}

/**
 * `ws` with partners from an import (`label`: what was imported): what was made for the old
 * partners goes with them: the split settings, the plan and its last simulation, and the last
 * team search. Profiles, deal, history and registrations stay.
 */
export function withImportedPartners(ws: Workspace, label: string): Workspace {
  return { ...ws, source: { kind: 'data', label }, splits: null, plan: null, simResults: undefined, teamResults: undefined };
}

const KEY = 'dealteam.workspace.v1';

export function emptyWorkspace(): Workspace {
  return { version: 1, source: { kind: 'sample', partners: 300, seed: 1 }, profiles: [], activeProfile: '', deal: null, plan: null, splits: null, teamK: 10 };
}

/**
 * Checks the outer shape of a workspace read from a file, link or storage; `withPartners`: whether
 * an ecosystem with partners came with it (by default, read from its `ecosystem`).
 */
export function checkWorkspace(value: unknown, withPartners?: boolean): Workspace {
  const v = value as Partial<Workspace> | null;
  if (!v || typeof v !== 'object' || v.version !== 1 || !v.source || !Array.isArray(v.profiles)) {
    throw new Error('This is not a dealteam workspace: open a file that “Export workspace” wrote, or import partners from the Partners screen.');
  }
  if (v.source.kind === 'data' && !(withPartners ?? (!!v.ecosystem && Array.isArray(v.ecosystem.partners)))) {
    throw new Error('This workspace lost its partners (the file has no partner list): export the workspace again from the browser that made it.');
  }
  return { ...emptyWorkspace(), ...v } as Workspace;
}

export const parseWorkspace = (text: string): Workspace => checkWorkspace(JSON.parse(text));

// An imported ecosystem can be far larger than localStorage's few megabytes (100k partners
// are 10–70 MB of JSON), so the engine worker keeps it in IndexedDB (as JSON text, written and
// read off the main thread); the rest of the workspace lives in localStorage.
const DB = 'dealteam';
const STORE = 'kv';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function idb<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest): Promise<T> {
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
 * Saves the workspace (without its ecosystem) to localStorage; when `ecosystemChanged`, asks
 * `persist` (the worker) to store an imported ecosystem or forget a stored one, so edits stay
 * cheap with 100k partners. Resolves to a problem to show, or null.
 */
export async function save(ws: Workspace, ecosystemChanged: boolean, persist: (keep: boolean) => Promise<unknown>): Promise<string | null> {
  const { ecosystem: _drop, ...rest } = ws;
  try {
    localStorage.setItem(KEY, JSON.stringify(rest));
  } catch {
    return 'Autosave failed: this browser’s storage is full. Export the workspace as JSON to keep it.';
  }
  if (!ecosystemChanged) return null;
  try {
    await persist(ws.source.kind === 'data');
    return null;
  } catch {
    localStorage.removeItem(KEY);
    return 'Autosave failed: the imported partners do not fit in this browser’s storage. Export the workspace as JSON to keep it.';
  }
}

/** The autosaved workspace without its ecosystem (a data workspace's is restored by the worker). */
export function load(): Workspace | null {
  try {
    const t = localStorage.getItem(KEY);
    if (!t) return null;
    const v = JSON.parse(t) as Workspace;
    return { ...emptyWorkspace(), ...v, version: 1 };
  } catch {
    return null;
  }
}

export function forget() {
  localStorage.removeItem(KEY);
}
