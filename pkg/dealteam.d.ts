/* tslint:disable */
/* eslint-disable */

/**
 * An ecosystem parsed and indexed once: `new Ecosystem(jsonTextOrObject)`,
 * `Ecosystem.fromBytes(utf8)` or `Ecosystem.fromChunks([utf8, …])`.
 */
export class Ecosystem {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * [`EcosystemHandle::from_chunks`] with one `Uint8Array`.
     */
    static fromBytes(bytes: Uint8Array): Ecosystem;
    /**
     * The ecosystem from its JSON text in UTF-8 bytes, one `Uint8Array` or several in
     * order (e.g. the chunks of a `fetch` body or a file stream). Only one chunk at a
     * time is copied into wasm memory, so ecosystems whose text is beyond a JS
     * string's limit (~512 MiB, about 700,000 realistic partners) can be read. Same
     * errors and paths as the constructor.
     */
    static fromChunks(chunks: Uint8Array | Uint8Array[]): Ecosystem;
    /**
     * The partner ids, by partner index (the order of `partners` in the input).
     */
    ids(): string[];
    /**
     * Parse (JSON text is fastest for big ecosystems), validate and index. Throws a
     * `DealteamError` whose `path` is relative to the ecosystem (`partners[3].tier`).
     */
    constructor(ecosystem: EcosystemData | string);
    /**
     * The whole §2 order as typed arrays, for bulk use (charts, tables of 100,000
     * rows): `order` (partner indices, best first), and per partner index its `fit`
     * (unrounded) and `eligible` (1 or 0). Map indices to ids with `ids()`. About 20×
     * cheaper to hand to JS than `rank(profile, {limit: 0})` rows
     * (docs/performance/boundary.md).
     */
    order(profile: Profile | string): { order: Uint32Array; fit: Float64Array; eligible: Uint8Array };
    /**
     * `overlap` (SPEC §8) of these partners' accounts: the request without
     * `ecosystem` (`{}` or nothing for the defaults).
     */
    overlap(request?: Omit<OverlapRequest, "ecosystem"> | string): OverlapResponse;
    /**
     * Rank the partners against a profile (SPEC §2): eligible first, fit descending,
     * near-ties by id. `opts`: `{limit?, explain?}` (default 100 rows with breakdowns).
     */
    rank(profile: Profile | string, opts?: RankOptions): RankResponse;
    /**
     * `split` (SPEC §5) with these partners as the request's `ecosystem` (used by the
     * coverage and winProbability games): the request without `ecosystem`.
     */
    split(request: Omit<SplitRequest, "ecosystem"> | string): SplitResponse;
    /**
     * A stepped `TeamSearch` (SPEC §3) on these partners: the request without `ecosystem`.
     */
    teamSearch(request: Omit<TeamsRequest, "ecosystem"> | string): TeamSearch;
    /**
     * `teams` (SPEC §3) on these partners: the request without `ecosystem`.
     */
    teams(request: Omit<TeamsRequest, "ecosystem"> | string): TeamsResponse;
    /**
     * Number of partners.
     */
    readonly size: number;
}

/**
 * A plan simulation run in steps: `new Simulation(request)`.
 */
export class Simulation {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Stop: later steps do nothing and `result()` throws `cancelled`.
     */
    cancel(): void;
    /**
     * Check the request (a `simulate` request, object or JSON text) and prepare the
     * run; throws a `DealteamError`. Nothing is simulated yet.
     */
    constructor(request: SimulateRequest | string);
    /**
     * The summary of the trials done so far (all of them once `done`).
     */
    result(): SimulateResponse;
    /**
     * Run trials for about `budgetMs` milliseconds (at least one), then report
     * `{done, progress, trialsDone, trials}`. Call again until `done`.
     */
    step(budgetMs: number): SimProgress;
}

/**
 * A resumable top-k team search: `new TeamSearch(request)`.
 */
export class TeamSearch {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Stop the search; `result()` then returns the best teams found so far
     * (`exact: false`).
     */
    cancel(): void;
    /**
     * Validate and index the request (a `teams` request, object or JSON text); throws
     * a `DealteamError` (`unknown_profile`, `infeasible`, …). Nothing is searched yet.
     */
    constructor(request: TeamsRequest | string);
    /**
     * The teams: the proven top-k (`exact: true`) once done, else the best found so far
     * with `exact: false` and the `gap`.
     */
    result(): TeamsResponse;
    /**
     * Search for about `budgetMs` milliseconds (`performance.now()`), then report
     * `{done, progress, nodes, bestScore?, bound?}`. Call again until `done`.
     */
    step(budgetMs: number): TeamProgress;
}

/**
 * `attribute` (SPEC §5, §10): multi-touch attribution over customer journeys.
 */
export function attribute(req: AttributeRequest | string): AttributeResponse;

/**
 * `audit` (SPEC §7, §10): compare a plan with monthly actuals.
 */
export function auditPlan(req: AuditRequest | string): AuditResponse;

/**
 * `calibrate` (SPEC §2, §9, §10): does a profile's fit predict wins in a deal history?
 */
export function calibrate(req: CalibrateRequest | string): CalibrateResponse;

/**
 * `agreement` (SPEC §7, §10): the plan as a Markdown agreement.
 */
export function draftAgreement(req: AgreementRequest | string): string;

/**
 * `insights` (SPEC §9, §10): partner-influenced revenue and the ecosystem multiplier.
 */
export function insights(req: InsightsRequest | string): InsightsResponse;

/**
 * `accountMap` (SPEC §14, §10): the account overlap matrix per pair of partners, by population.
 */
export function mapAccounts(req: AccountMapRequest | string): AccountMapResponse;

/**
 * `overlap` (SPEC §8, §10): shared accounts per pair of partners.
 */
export function overlap(req: OverlapRequest | string): OverlapResponse;

/**
 * `predict` (SPEC §9, §10): win probabilities of proposed teams, explained.
 */
export function predict(req: PredictRequest | string): PredictResponse;

/**
 * `psiFinish` (SPEC §14): finish a private match with your state and the other side's message.
 */
export function psiFinish(req: PsiFinishRequest | string): PsiFinishResponse;

/**
 * `psiReply` (SPEC §14): answer a private match (step 2).
 */
export function psiReply(req: PsiReplyRequest | string): PsiReplyResponse;

/**
 * `psiStart` (SPEC §14): open a private match — blind your accounts (step 1).
 */
export function psiStart(req: PsiStartRequest | string): PsiStartResponse;

/**
 * `rank` (SPEC §2, §10): score and order an ecosystem's partners against a profile.
 */
export function rank(req: RankRequest | string): RankResponse;

/**
 * `register` (SPEC §8, §10): accept or refuse a deal registration.
 */
export function registerDeal(req: RegisterRequest | string): RegisterResponse;

/**
 * A realistic synthetic `{ecosystem, profiles, deal}` with `partners` partners from
 * `seed` (the same as `dealteam sample --partners N --seed S`, bit for bit).
 */
export function sample(partners: number, seed: number): Sample;

/**
 * `simulate` (SPEC §6, §10): Monte Carlo simulation of a joint plan, in one call.
 */
export function simulate(req: SimulateRequest | string): SimulateResponse;

/**
 * `split` (SPEC §5, §10): divide an amount among partners.
 */
export function split(req: SplitRequest | string): SplitResponse;

/**
 * `teams` (SPEC §3, §10): the top-k deal teams.
 */
export function teams(req: TeamsRequest | string): TeamsResponse;

/**
 * `train` (SPEC §9, §10): the win model with its out-of-time validation.
 */
export function train(req: TrainRequest | string): TrainResponse;

/**
 * `validate` (SPEC §7, §10): check a plan against the agreement checklist.
 */
export function validatePlan(req: ValidateRequest | string): ValidateResponse;

/**
 * `verify` (SPEC §15): does a signed copy of the agreement match the plan?
 */
export function verifyAgreement(req: VerifyRequest | string): VerifyResponse;

/**
 * The crate version, e.g. `"0.1.0"`.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_ecosystem_free: (a: number, b: number) => void;
    readonly __wbg_simulation_free: (a: number, b: number) => void;
    readonly __wbg_teamsearch_free: (a: number, b: number) => void;
    readonly attribute: (a: any) => [number, number, number];
    readonly auditPlan: (a: any) => [number, number, number];
    readonly calibrate: (a: any) => [number, number, number];
    readonly draftAgreement: (a: any) => [number, number, number, number];
    readonly ecosystem_fromBytes: (a: any) => [number, number, number];
    readonly ecosystem_fromChunks: (a: any) => [number, number, number];
    readonly ecosystem_ids: (a: number) => [number, number, number];
    readonly ecosystem_new: (a: any) => [number, number, number];
    readonly ecosystem_order: (a: number, b: any) => [number, number, number];
    readonly ecosystem_overlap: (a: number, b: number) => [number, number, number];
    readonly ecosystem_rank: (a: number, b: any, c: number) => [number, number, number];
    readonly ecosystem_size: (a: number) => number;
    readonly ecosystem_split: (a: number, b: any) => [number, number, number];
    readonly ecosystem_teamSearch: (a: number, b: any) => [number, number, number];
    readonly ecosystem_teams: (a: number, b: any) => [number, number, number];
    readonly insights: (a: any) => [number, number, number];
    readonly mapAccounts: (a: any) => [number, number, number];
    readonly overlap: (a: any) => [number, number, number];
    readonly predict: (a: any) => [number, number, number];
    readonly psiFinish: (a: any) => [number, number, number];
    readonly psiReply: (a: any) => [number, number, number];
    readonly psiStart: (a: any) => [number, number, number];
    readonly rank: (a: any) => [number, number, number];
    readonly registerDeal: (a: any) => [number, number, number];
    readonly sample: (a: number, b: number) => [number, number, number];
    readonly simulate: (a: any) => [number, number, number];
    readonly simulation_cancel: (a: number) => void;
    readonly simulation_new: (a: any) => [number, number, number];
    readonly simulation_result: (a: number) => [number, number, number];
    readonly simulation_step: (a: number, b: any) => [number, number, number];
    readonly split: (a: any) => [number, number, number];
    readonly teams: (a: any) => [number, number, number];
    readonly teamsearch_cancel: (a: number) => void;
    readonly teamsearch_new: (a: any) => [number, number, number];
    readonly teamsearch_result: (a: number) => [number, number, number];
    readonly teamsearch_step: (a: number, b: any) => [number, number, number];
    readonly train: (a: any) => [number, number, number];
    readonly validatePlan: (a: any) => [number, number, number];
    readonly verifyAgreement: (a: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
