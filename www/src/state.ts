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

const KEY_ECO = 'dealteam.ecosystem.v1';

/**
 * Saves the workspace; the (possibly large) imported ecosystem is written only when
 * `ecosystemChanged`, so edits stay cheap with 100k partners.
 */
export function save(ws: Workspace, ecosystemChanged: boolean): string | null {
  try {
    const { ecosystem, ...rest } = ws;
    localStorage.setItem(KEY, JSON.stringify(rest));
    if (ecosystemChanged) {
      if (ws.source.kind === 'data' && ecosystem) localStorage.setItem(KEY_ECO, JSON.stringify(ecosystem));
      else localStorage.removeItem(KEY_ECO);
    }
    return null;
  } catch {
    localStorage.removeItem(KEY_ECO);
    localStorage.removeItem(KEY);
    return 'Autosave failed: the workspace is too large for this browser’s storage. Export it as JSON to keep it.';
  }
}

export function load(): Workspace | null {
  try {
    const t = localStorage.getItem(KEY);
    if (!t) return null;
    const v = JSON.parse(t) as Workspace;
    if (v.source?.kind === 'data') v.ecosystem = JSON.parse(localStorage.getItem(KEY_ECO) ?? 'null') as Workspace['ecosystem'];
    return parseWorkspace(JSON.stringify(v));
  } catch {
    return null;
  }
}

export function forget() { localStorage.removeItem(KEY); localStorage.removeItem(KEY_ECO); }

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
