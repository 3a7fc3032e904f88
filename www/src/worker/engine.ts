// The engine package as the worker uses it: the loaded module, `need()` for a function that
// may be missing from a partial build, and errors turned into `{code, path, message}`.
import * as pkg from 'dealteam';
import { NOT_AVAILABLE } from '../engine/protocol';
import type { EngineErrorData } from '../engine/types';

/** A stepwise engine handle (TeamSearch, Simulation). */
export interface Stepper {
  step(budgetMs: number): { done: boolean; progress?: number; [k: string]: unknown };
  result(): unknown;
  cancel?(): void;
  free?(): void;
}
type Ctor<T> = new (arg: unknown) => T;
export interface EcoHandle {
  rank(profile: unknown, opts?: unknown): unknown;
  /** the hub method (SPEC §10): a TeamSearch on the parsed partners, from the request without `ecosystem` */
  teamSearch?(request: unknown): Stepper;
  free?(): void;
}

/** The package surface as the page uses it; every member may be missing in a partial build. */
export interface EngineModule {
  default?: (arg?: unknown) => Promise<unknown>;
  rank?: (req: unknown) => unknown;
  teams?: (req: unknown) => unknown;
  split?: (req: unknown) => unknown;
  attribute?: (req: unknown) => unknown;
  simulate?: (req: unknown) => unknown;
  validatePlan?: (req: unknown) => unknown;
  draftAgreement?: (req: unknown) => unknown;
  auditPlan?: (req: unknown) => unknown;
  sample?: (partners: number, seed: number) => unknown;
  Ecosystem?: Ctor<EcoHandle>;
  TeamSearch?: Ctor<Stepper>;
  Simulation?: Ctor<Stepper>;
}

export const E = pkg as unknown as EngineModule;
export const NAMES = ['rank', 'teams', 'split', 'attribute', 'simulate', 'validatePlan', 'draftAgreement', 'auditPlan', 'sample', 'Ecosystem', 'TeamSearch', 'Simulation'] as const;

export class Missing extends Error {}

export function need<K extends keyof EngineModule>(name: K): NonNullable<EngineModule[K]> {
  const f = E[name];
  if (typeof f !== 'function') throw new Missing(`"${name}" is not available in this build of the engine.`);
  return f as NonNullable<EngineModule[K]>;
}

/** An error the page shows as it is (`code`, `path`, `message`). */
export const fail = (code: string, message: string, path = ''): EngineErrorData => ({ code, path, message });

export function errorData(e: unknown): EngineErrorData {
  if (e instanceof Missing) return { code: NOT_AVAILABLE, path: '', message: e.message };
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; path?: unknown; message?: unknown };
    return {
      code: typeof o.code === 'string' ? o.code : 'engine_error',
      path: typeof o.path === 'string' ? o.path : '',
      message: typeof o.message === 'string' ? o.message : String(e),
    };
  }
  return { code: 'engine_error', path: '', message: String(e) };
}
