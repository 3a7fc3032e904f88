// The typed message protocol between the page and the engine worker: every request carries
// an id and an op; the worker answers with progress messages, then exactly one result or
// error; a `cancel` message with the same id stops long work between two steps.
import type {
  AttributeResponse, AuditResponse, Deal, Ecosystem, EngineErrorData, Partner, PartnerList, Plan, Profile, Ranking, RankResult,
  SampleResponse, SimulateResponse, SplitRequest, SplitResponse, TeamsResponse, ValidateResponse,
} from './types';
import type { AgreementRequest, AttributeRequest, AuditRequest, HistoryDeal, InsightsResponse, PredictRequest, PredictResponse, RegisterRequest, RegisterResponse, TrainResponse, VerifyRequest, VerifyResponse, WinModel } from 'dealteam';
import type { PsiAssembled, PsiAssembleRequest, PsiBlindRequest, PsiBlindResponse } from 'dealteam';
import type { AccountMapRequest, AccountMapResponse, AccountPair, PsiFinishRequest, SharedAccount, PsiFinishResponse, PsiReplyRequest, PsiStartRequest, PsiStepResponse } from 'dealteam';
import type { AccountField, AccountsHeld } from '../accounts';
import type { NewAccount, SharedOf } from '../account-tables';
import type { Mapping, Problem } from '../csv';
import type { HistoryRead } from '../history';
import type { CalibrationView } from '../ui/calibration';
import type { Workspace } from '../state';
import type { Shown } from '../app';

/** What the page learns about the worker's ecosystem; the partners follow in slices. */
export interface EcoMeta {
  count: number;
  relationships: number;
  currency?: string;
  tiers?: string[];
  /** the distinct kinds, tiers and regions of the partners, sorted */
  facets: { kinds: string[]; tiers: string[]; regions: string[] };
  ms: number;
}
/** The capability and figure (metric) keys the partners use, sorted. */
export interface PartnerKeys { capabilities: string[]; metrics: string[] }
/** A JSON file or link opened in the worker: the workspace it held (without its ecosystem), and the ecosystem loaded. */
export interface Opened { workspace: Workspace | null; meta: EcoMeta | null }
export interface CsvOpened { header: string[]; maps: Mapping[]; rows: number; tiers: string[] }
export interface CsvMapped { count: number; preview: { line: number; partner: Partner }[]; problems: Problem[]; problemCount: number }

/** An account map of lists the worker holds: each list's key with the partner id and name it stands for. */
export type MapListsRequest = Omit<AccountMapRequest, 'ecosystem'> & { currency: string; lists: { key: string; id: string; name: string }[] };

/**
 * A pair of an account map as the page gets it: its account lists stay in the worker (`listed`:
 * it has shared accounts listed; `newListed`: each side's accounts the other does not have).
 */
export type PairMapped = Omit<AccountPair, 'accounts' | 'greenfieldAAccounts' | 'greenfieldBAccounts'> & { listed: boolean; newListed: boolean };
/** An account map of held lists as the page gets it; `mapId` names it when a cell's accounts are asked for. */
export type ListsMapped = Omit<AccountMapResponse, 'pairs'> & { pairs: PairMapped[]; mapId: number };
/** The shared accounts of pair `pair`'s cell (`a`'s population, `b`'s) of map `mapId`: the first `limit`. */
export interface CellRequest { mapId: number; pair: number; a: string; b: string; limit: number }
export interface CellRows { rows: SharedAccount[]; total: number }
/** All of a cell's shared accounts as a CSV file, with the columns of its table for `of`. */
export type CellFileRequest = Omit<CellRequest, 'limit'> & { of: SharedOf };
/** The accounts of pair `pair`'s side `side` the other side does not have, of map `mapId`: the first `limit`. */
export interface NewRequest { mapId: number; pair: number; side: 'a' | 'b'; limit: number }
export interface NewRows { rows: NewAccount[]; total: number }
/** All of those accounts as a CSV file, with the columns of their table for side `mine` (its name). */
export type NewFileRequest = Omit<NewRequest, 'limit'> & { mine: string };

/** A request naming a list the worker holds (its key) instead of carrying its accounts. */
export type Held<R> = Omit<R, 'accounts'> & { list: string };

/** Each op's payload and result type. */
export interface Ops {
  init: { in: Record<string, never>; out: { available: string[] } };
  /** `load`: also make the sample's ecosystem the worker's current one (saves a round trip) */
  sample: { in: { partners: number; seed: number; load?: boolean }; out: SampleResponse & { meta?: EcoMeta } };
  loadEcosystem: { in: { ecosystem: Ecosystem }; out: EcoMeta };
  /** a workspace, ecosystem or partner list as a JSON file (or text) */
  openJson: { in: { file: Blob | string }; out: Opened };
  /** a share link's `#w=…` fragment; null when the fragment is not a workspace link */
  openLink: { in: { hash: string }; out: Opened | null };
  /** a slice of the current partners, `from` to `to`, in columns: ids, names, kinds and tiers (no regions or capabilities as text) */
  partners: { in: { from: number; to: number }; out: PartnerList };
  /** the regions and three strongest capabilities as text of the partners at `indices`, in that order */
  partnerText: { in: { indices: number[] }; out: Shown };
  /** the capability and figure keys the partners use (for the profile's require clauses) */
  partnerKeys: { in: Record<string, never>; out: PartnerKeys };
  /** the indices of the partners matching a search text (name or id) and kind, tier, region */
  filterPartners: { in: { text: string; kind: string; tier: string; region: string }; out: Int32Array };
  /** store the ecosystem for the next visit (`keep`: imported data) or forget it */
  persist: { in: { keep: boolean }; out: null };
  /** load the stored ecosystem; null when none is stored */
  restore: { in: Record<string, never>; out: EcoMeta | null };
  /** put the current ecosystem aside (before a reset) / bring it back (Undo) */
  stash: { in: Record<string, never>; out: null };
  unstash: { in: Record<string, never>; out: EcoMeta | null };
  exportWorkspace: { in: { workspace: Workspace }; out: Blob };
  /** the share link's fragment (`#w=…`); `base`: the length of the URL before it */
  share: { in: { workspace: Workspace; base: number }; out: string };
  csvOpen: { in: { file: Blob | string }; out: CsvOpened };
  csvMap: { in: { maps: Mapping[]; tiers: string[] }; out: CsvMapped };
  csvImport: { in: { tiers: string[] }; out: EcoMeta };
  rank: { in: { profile: Profile; limit?: number }; out: Ranking };
  explain: { in: { partnerId: string }; out: RankResult | null };
  teams: { in: { profiles: Profile[]; deal: Deal; k?: number; timeLimitMs?: number; winModel?: WinModel }; out: TeamsResponse };
  split: { in: SplitRequest; out: SplitResponse };
  attribute: { in: AttributeRequest; out: AttributeResponse };
  simulate: { in: { plan: Plan; trials?: number; seed?: number }; out: SimulateResponse };
  validatePlan: { in: { plan: Plan; trials?: number; seed?: number }; out: ValidateResponse };
  /** the agreement as Markdown (the copy to sign) or, with `format: 'html'`, as a printable page */
  draftAgreement: { in: AgreementRequest; out: string };
  /** does a signed copy (Markdown) match the plan? */
  verifyAgreement: { in: VerifyRequest; out: VerifyResponse };
  /** a deal history file (CSV or JSON) read in the worker; partners named by name get their ids */
  historyOpen: { in: { file: Blob | string; name: string; dayOrder: 'dmy' | 'mdy' }; out: HistoryRead };
  insights: { in: { history: HistoryDeal[]; currency?: string }; out: InsightsResponse };
  train: { in: { history: HistoryDeal[]; currency?: string }; out: TrainResponse };
  predict: { in: PredictRequest; out: PredictResponse };
  /** does the profile's fit predict wins in the history? with the top 10 now and under the suggested weights */
  calibrate: { in: { profile: Profile; history: HistoryDeal[]; currency?: string }; out: CalibrationView };
  auditPlan: { in: AuditRequest; out: AuditResponse };
  /**
   * an account list file (CSV) read in the worker, which keeps its accounts under the `key` it
   * answers with (`key` given: that list read again); `fields`: the meaning of each column, else guessed
   */
  accountsOpen: { in: { file: Blob | string; fields?: AccountField[]; key?: string }; out: AccountsHeld };
  /** forget a held list */
  accountsDrop: { in: { key: string }; out: null };
  /** the account map of held lists, each named by its key */
  mapAccounts: { in: MapListsRequest; out: ListsMapped };
  /** a cell's shared accounts of the last map; null when a newer map replaced it */
  mapCell: { in: CellRequest; out: CellRows | null };
  /** one side's accounts the other does not have, of the last map (at `full`); null when a newer map replaced it */
  mapNew: { in: NewRequest; out: NewRows | null };
  /** all of a cell's, or a side's, accounts as a CSV file (null: a newer map replaced `mapId`) */
  mapCellFile: { in: CellFileRequest; out: Blob | null };
  mapNewFile: { in: NewFileRequest; out: Blob | null };
  /** a private match's first and second steps on a held list (`list`: its key) */
  psiStart: { in: Held<PsiStartRequest>; out: PsiStepResponse };
  psiReply: { in: Held<PsiReplyRequest>; out: PsiStepResponse };
  psiFinish: { in: PsiFinishRequest; out: PsiFinishResponse };
  psiBlind: { in: PsiBlindRequest; out: PsiBlindResponse };
  /** the company names of accounts of held list `list`, by their ids (a private match's shared accounts), in the order asked */
  accountNames: { in: { list: string; ids: string[] }; out: string[] };
  psiAssemble: { in: PsiAssembleRequest; out: PsiAssembled };
  registerDeal: { in: RegisterRequest; out: RegisterResponse };
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
  /** The engine's further problems of the same request (e.g. every bad line of a CSV). */
  others?: EngineError[];
  constructor(data: EngineErrorData) {
    super(data.message);
    this.name = 'DealteamError';
    this.code = data.code;
    this.path = data.path;
    if (data.others?.length) this.others = data.others.map((o) => new EngineError(o));
  }
}

/** The code used when the built package lacks a function the page needs. */
export const NOT_AVAILABLE = 'not_available';
