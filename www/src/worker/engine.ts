// The engine package as the worker uses it: the loaded module, `need()` for a function that
// may be missing from a partial build, and errors turned into `{code, path, message}`.
import * as pkg from 'dealteam';
import { NOT_AVAILABLE } from '../engine/protocol';
import type { EngineErrorData } from '../engine/types';

type Code = EngineErrorData['code'];

type Pkg = typeof pkg;

/** A stepwise engine handle (TeamSearch, Simulation). */
export interface Stepper {
  step(budgetMs: number): { done: boolean; progress?: number };
  result(): unknown;
  cancel?(): void;
  free?(): void;
}
export type EcoHandle = InstanceType<Pkg['Ecosystem']>;

/**
 * The package surface as the page uses it, typed by the package's generated declarations
 * (so `tsc` checks every call); the worker reports what the loaded build exports.
 */
export interface EngineModule {
  default?: Pkg['default'];
  rank?: Pkg['rank'];
  teams?: Pkg['teams'];
  split?: Pkg['split'];
  attribute?: Pkg['attribute'];
  simulate?: Pkg['simulate'];
  validatePlan?: Pkg['validatePlan'];
  draftAgreement?: Pkg['draftAgreement'];
  verifyAgreement?: Pkg['verifyAgreement'];
  auditPlan?: Pkg['auditPlan'];
  insights?: Pkg['insights'];
  train?: Pkg['train'];
  predict?: Pkg['predict'];
  mapAccounts?: Pkg['mapAccounts'];
  psiStart?: Pkg['psiStart'];
  psiReply?: Pkg['psiReply'];
  psiFinish?: Pkg['psiFinish'];
  psiBlind?: Pkg['psiBlind'];
  psiAssemble?: Pkg['psiAssemble'];
  calibrate?: Pkg['calibrate'];
  registerDeal?: Pkg['registerDeal'];
  sample?: Pkg['sample'];
  Ecosystem?: Pkg['Ecosystem'];
  TeamSearch?: Pkg['TeamSearch'];
  Simulation?: Pkg['Simulation'];
}

export const E: EngineModule = pkg;
export const NAMES = ['rank', 'teams', 'split', 'attribute', 'simulate', 'validatePlan', 'draftAgreement', 'verifyAgreement', 'auditPlan', 'insights', 'train', 'predict', 'mapAccounts', 'psiStart', 'psiReply', 'psiFinish', 'psiBlind', 'psiAssemble', 'calibrate', 'registerDeal', 'sample', 'Ecosystem', 'TeamSearch', 'Simulation'] as const;

export class Missing extends Error {}

export function need<K extends keyof EngineModule>(name: K): NonNullable<EngineModule[K]> {
  const f = E[name];
  if (typeof f !== 'function') throw new Missing(`"${name}" is not available in this build of the engine.`);
  return f as NonNullable<EngineModule[K]>;
}

/** An error the page shows as it is (`code`, `path`, `message`). */
export const fail = (code: Code, message: string, path = ''): EngineErrorData => ({ code, path, message });

/** The most UTF-16 units a JS string holds (V8: 2^29 − 24); Chromium's `text()` of a larger file gives "". */
const MAX_STRING = 2 ** 29 - 24;

/** A file's text (or the text given), refusing one too large for a JS string rather than reading it as empty. */
export async function textOf(file: Blob | string): Promise<string> {
  if (typeof file === 'string') return file;
  const text = await file.text().catch(() => null);
  if (text === null || (text === '' && file.size > MAX_STRING)) {
    throw fail('too_large', `This file (${Math.round(file.size / 1e6).toLocaleString('en-US')} MB) is larger than a browser can read as text (about 536 MB): split it into smaller files.`);
  }
  return text;
}

/** What the page says when the browser cannot compile the engine (it needs WebAssembly SIMD). */
export const TOO_OLD =
  'this browser is too old to run it. Open the planner in a current Chrome, Edge, Firefox or Safari (16.4 or later).';

export function errorData(e: unknown): EngineErrorData {
  if (e instanceof Missing) return { code: NOT_AVAILABLE, path: '', message: e.message };
  // the module did not compile: a browser without the WebAssembly features it uses
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.CompileError) return { code: 'engine_error', path: '', message: TOO_OLD };
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; path?: unknown; message?: unknown; others?: unknown };
    const others = Array.isArray(o.others) && o.others.length ? { others: o.others.slice(0, 100).map(errorData) } : {};
    return {
      code: typeof o.code === 'string' ? (o.code as Code) : 'engine_error',
      path: typeof o.path === 'string' ? o.path : '',
      message: typeof o.message === 'string' ? o.message : String(e),
      ...others,
    };
  }
  return { code: 'engine_error', path: '', message: String(e) };
}
