// The engine's types as the page uses them. Every request and response type is the package's
// own (pkg/dealteam.d.ts, generated from the Rust types by scripts/ts-types.sh), so `tsc`
// checks the page against the engine; only what exists on the page alone is declared here.
import type { EcosystemData, ErrorCode, Partner, RankedPartner, Sample } from 'dealteam';

export type {
  AttributeRequest, AttributeResponse, AuditPayout, AuditResponse, Cover, Criterion, CriterionKind, Deal, Finding, Incentives, Journey, Money, Partner, PartnerList, Plan, PlanPartner,
  Profile, Relationship, Require, Requirement, Slot, SplitRequest, SplitResponse, SimulateResponse, Team, TeamsResponse,
  ValidateResponse, VerifyResponse,
} from 'dealteam';

/** An ecosystem as the engine reads it. */
export type Ecosystem = EcosystemData;
/** A ranked partner with its explanation (`rank`'s rows). */
export type RankResult = RankedPartner;
/** What `sample` returns. */
export type SampleResponse = Sample;

/** A DealteamError as it crosses the worker boundary; `code` is the engine's, or one of the page's own. */
export interface EngineErrorData { code: ErrorCode | PageErrorCode; path: string; message: string; others?: EngineErrorData[] }
/** The error every stopped call ends with (Stop, cancel, a terminated pool): one shape everywhere. */
export const cancelledError = (): EngineErrorData => ({ code: 'cancelled', path: '', message: 'Cancelled.' });
/** Codes the page and its worker add: a missing function, a worker that failed, a damaged link, a bad file. */
export type PageErrorCode = 'not_available' | 'worker_failed' | 'damaged_link' | 'engine_error' | 'error';

/** Ranking in a compact, transferable form: rows in rank order. */
export interface Ranking {
  /** rows returned (the top `limit`) */
  count: number;
  /** partners ranked */
  total: number;
  /** index into the worker's partner list, in rank order */
  order: Int32Array;
  fit: Float64Array;
  eligible: Uint8Array;
  failedCount: Uint16Array;
  ms: number;
}

/** A team search result; the page's worker adds why it stopped early, when it did. */
export type TeamsResult = import('dealteam').TeamsResponse & { stoppedBy?: 'timeLimit' | 'cancel' };
