// The JSON of SPEC §1 and §10 as the page uses it. These mirror the engine's request and
// response types; the page reads responses defensively because optional parts may be absent.

export type Money = string;

export interface Partner {
  id: string;
  name: string;
  kind: string;
  tier?: string;
  capabilities?: Record<string, number>;
  industries?: string[];
  regions?: string[];
  certifications?: string[];
  metrics?: Record<string, number>;
  accounts?: string[];
  costToServe?: Money;
  /** page only, in the worker's view of an imported partner: its regions as the Partners table shows them */
  regionsText?: string;
  /** page only, likewise: its top three capabilities ("cloud 0.80, ai 0.71, data 0.31") */
  capsText?: string;
}

export interface Relationship {
  a: string;
  b: string;
  jointDeals?: number;
  jointWins?: number;
  trust?: number;
  conflict?: boolean;
}

export interface Ecosystem {
  currency?: string;
  tiers?: string[];
  partners: Partner[];
  relationships?: Relationship[];
}

export type CriterionKind = 'capability' | 'industry' | 'region' | 'certification' | 'tier' | 'metric' | 'reach';

export interface Criterion {
  kind: CriterionKind;
  key?: string;
  weight: number;
  target?: number;
  good?: number;
  bad?: number;
}

export interface Require {
  kinds?: string[];
  minTier?: string;
  regionsAny?: string[];
  industriesAny?: string[];
  certificationsAll?: string[];
  capabilitiesMin?: Record<string, number>;
  metricsMin?: Record<string, number>;
  metricsMax?: Record<string, number>;
}

export interface Profile {
  id: string;
  name: string;
  role?: string;
  require?: Require;
  criteria: Criterion[];
}

export interface Slot { role: string; profile?: string; min: number; max: number }
export interface Requirement { capability: string; weight: number; target?: number }

export interface Deal {
  id: string;
  name: string;
  value: Money;
  currency: string;
  requirements: Requirement[];
  slots: Slot[];
  maxTeamSize?: number;
  include?: string[];
  exclude?: string[];
  weights?: { coverage: number; fit: number; synergy: number };
  conflicts?: 'forbid' | 'penalize';
  conflictPenalty?: number;
}

export interface BreakdownItem {
  /** the criterion's readable name, e.g. "capability cloud" */
  criterion?: string;
  kind?: string;
  key?: string;
  score: number;
  weight: number;
  share: number;
  [k: string]: unknown;
}

export interface RankResult {
  partnerId: string;
  fit: number;
  eligible: boolean;
  failed: string[];
  breakdown?: BreakdownItem[];
}

export interface Cover { capability: string; level: number; partnerId?: string | null }
export interface PairScore { a: string; b: string; score: number; conflict: boolean }

export interface Team {
  members: string[];
  slots: Record<string, string>;
  score: number;
  coverage: number;
  fit: number;
  synergy: number;
  conflicts: unknown;
  covers: unknown;
  pairs?: PairScore[];
  penalty?: number;
  winProbability?: number;
  [k: string]: unknown;
}

export interface TeamsResponse {
  teams: Team[];
  exact: boolean;
  nodes: number;
  gap?: number;
  /** set by the page's worker when it stopped the search: at the time limit or on Cancel */
  stoppedBy?: 'timeLimit' | 'cancel';
}

export interface SplitRequest {
  amount: Money;
  currency: string;
  members: string[];
  model: string;
  ecosystem?: Ecosystem;
  deal?: Deal;
  game?: Record<string, unknown>;
  shares?: Record<string, number>;
  percent?: Record<string, number>;
  schedules?: unknown;
  roles?: Record<string, string>;
  residual?: { to?: string; shares?: Record<string, number> };
  samples?: number;
  seed?: number;
}

export interface SplitResponse {
  allocations: { partnerId: string; amount: Money; share: number }[];
  fairness: { efficient: boolean; inCore?: boolean; blocking?: unknown; multiplier?: number | string | null; [k: string]: unknown };
  stdErr?: Record<string, number> | unknown;
}

export interface Journey { path: string[]; conversions: number; nulls?: number; value?: Money; touchDays?: number[] }
export interface AttributeResponse { models: Record<string, Record<string, { conversions: number; value?: Money }>> }

export interface PlanPartner {
  id: string;
  name: string;
  role: string;
  lead: boolean;
  manager?: string;
  investments?: { mdf?: Money; enablement?: Money; monthlyCost?: Money; branding?: Money };
}

export interface Plan {
  id: string;
  name: string;
  currency: string;
  horizonMonths: number;
  partners: PlanPartner[];
  offer: Record<string, unknown>;
  pipeline: Record<string, unknown>;
  split: Record<string, unknown>;
  objectives: { metric: string; target: Money; byMonth: number; owner?: string }[];
  opportunityLead?: string;
  successMeasures?: string[];
  [k: string]: unknown;
}

/** A percentile summary as the simulation reports it. */
export interface Stat { mean: number | string; p5: number | string; p50: number | string; p95: number | string }

export interface SimulateResponse {
  months: Record<string, unknown>[];
  totals: Record<string, unknown>;
  partners: Record<string, Record<string, unknown>>;
  objectives: Record<string, unknown>[];
}

export interface Finding { rule: string; severity: 'error' | 'warning'; path: string; message: string }
export interface ValidateResponse { ok: boolean; findings: Finding[] }

export interface SampleResponse { ecosystem: Ecosystem; profiles: Profile[]; deal: Deal }

/** A DealteamError as it crosses the worker boundary. */
export interface EngineErrorData { code: string; path: string; message: string }

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

/** `auditPlan` response (SPEC §7), the parts the page shows. */
export interface AuditResponse {
  months: Record<string, unknown>[];
  variances: { month: number; item: string; actual: Money; expected: Money; variance: Money; ratio?: number | null }[];
  objectives: { metric: string; target: Money; byMonth: number; throughMonth: number; actual: Money; expected: Money; status: string }[];
  split?: { revenue: Money; allocations: { partnerId: string; amount: Money }[] };
}
