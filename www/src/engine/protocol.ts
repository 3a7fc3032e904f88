// The typed message protocol between the page and the engine worker: every request carries
// an id and an op; the worker answers with progress messages, then exactly one result or
// error; a `cancel` message with the same id stops long work between two steps.
import type {
  AttributeResponse, AuditResponse, Deal, Ecosystem, EngineErrorData, Plan, Profile, Ranking, RankResult,
  SampleResponse, SimulateResponse, SplitRequest, SplitResponse, TeamsResponse, ValidateResponse,
} from './types';

/** Each op's payload and result type. */
export interface Ops {
  init: { in: Record<string, never>; out: { available: string[] } };
  /** `load`: also make the sample's ecosystem the worker's current one (saves a round trip) */
  sample: { in: { partners: number; seed: number; load?: boolean }; out: SampleResponse };
  loadEcosystem: { in: { ecosystem: Ecosystem }; out: { count: number; ms: number } };
  rank: { in: { profile: Profile; limit?: number }; out: Ranking };
  explain: { in: { partnerId: string }; out: RankResult | null };
  teams: { in: { ecosystem?: Ecosystem; profiles: Profile[]; deal: Deal; k?: number; timeLimitMs?: number }; out: TeamsResponse };
  split: { in: SplitRequest; out: SplitResponse };
  attribute: { in: { journeys: unknown[]; models?: string[]; halfLifeDays?: number; currency?: string }; out: AttributeResponse };
  simulate: { in: { plan: Plan; trials?: number; seed?: number }; out: SimulateResponse };
  validatePlan: { in: { plan: Plan }; out: ValidateResponse };
  draftAgreement: { in: { plan: Plan; trials?: number; seed?: number }; out: string };
  auditPlan: { in: { plan: Plan; actuals: { months: Record<string, unknown>[] }; trials?: number; seed?: number }; out: AuditResponse };
}

export type Op = keyof Ops;

export interface RequestMsg<O extends Op = Op> { id: number; op: O; payload: Ops[O]['in'] }
export interface CancelMsg { id: number; op: 'cancel' }

export type ResponseMsg =
  | { id: number; type: 'progress'; progress: number; detail?: Record<string, unknown> }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; error: EngineErrorData };

/** Thrown by the client when the engine reports an error (`code`, `path`, `message`). */
export class EngineError extends Error {
  code: string;
  path: string;
  constructor(data: EngineErrorData) {
    super(data.message);
    this.name = 'DealteamError';
    this.code = data.code;
    this.path = data.path;
  }
}

/** The code used when the built package lacks a function the page needs. */
export const NOT_AVAILABLE = 'not_available';
