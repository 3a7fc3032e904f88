/* tslint:disable */
/* eslint-disable */

/**
 * An ecosystem parsed and indexed once: `new Ecosystem(jsonTextOrObject)`,
 * `Ecosystem.fromBytes(utf8)` or `Ecosystem.fromChunks([utf8, …])`.
 */
export class Ecosystem {
    free(): void;
    /**
     * `calibrate` (SPEC §2, §9) on these partners: the request without `ecosystem`.
     */
    calibrate(request: Omit<CalibrateRequest, "ecosystem"> | string): CalibrateResponse;
    /**
     * The indices, ascending, of the partners whose name or id contains `text` (any case)
     * and that have the `kind`, `tier` and `region` asked for (each "" for any).
     */
    filter(text: string, kind: string, tier: string, region: string): Uint32Array;
    /**
     * [`EcosystemHandle::from_chunks`] with one `Uint8Array`.
     */
    static fromBytes(bytes: Uint8Array): Ecosystem;
    /**
     * The ecosystem from its JSON text in UTF-8 bytes, one `Uint8Array` or several in
     * order (e.g. the chunks of a `fetch` body or a file stream). Only one chunk at a
     * time is copied into wasm memory, and read a partner at a time, so ecosystems whose
     * text is beyond a JS string's limit (~512 MiB, about 700,000 realistic partners) can
     * be read. Same errors and paths as the constructor.
     */
    static fromChunks(chunks: Uint8Array | Uint8Array[]): Ecosystem;
    /**
     * The partner ids, by partner index (the order of `partners` in the input).
     */
    ids(): string[];
    /**
     * The partner names, by partner index.
     */
    names(): string[];
    /**
     * Parse (JSON text is fastest for big ecosystems), validate and index. Throws a
     * `DealteamError` whose `path` is relative to the ecosystem (`partners[3].tier`).
     */
    constructor(ecosystem: EcosystemData | string);
    /**
     * Read a JSON file that holds an ecosystem — its text, or its bytes (UTF-8, as
     * `file.arrayBuffer()` gives them: no JS string is made of a large file, and the bytes
     * are read as `file.text()` reads them, a byte-order mark dropped and bytes that are no
     * UTF-8 read as U+FFFD) — the ecosystem itself, a list of partners, or an object with an
     * `ecosystem` field and others (a workspace). Returns the ecosystem (null when an object
     * has none) and, for such an object, its other fields as JSON text (`rest`). Errors in
     * the ecosystem have paths within it.
     */
    static open(file: string | Uint8Array): { ecosystem: Ecosystem | null; rest: string | null };
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
     * Partners `from` to `to` (exclusive; clamped to the partners there are) as a list shows
     * them, column by column: ids, names, kinds, tiers, regions as text and the three
     * strongest capabilities as text. The cheapest way to show many partners: 100,000 cost a
     * few lists of strings, not an object each. With `text` false, `regions` and
     * `capabilities` are empty lists and the rest costs a fraction: take in every partner so,
     * and ask for the text of the rows a page shows.
     */
    partnerList(from: number, to: number, text?: boolean | null): PartnerList;
    /**
     * Partners `from` to `to` (exclusive; clamped to the partners there are), in input
     * order, whole. To show many, `partnerList` is cheaper.
     */
    partners(from: number, to: number): Partner[];
    /**
     * Rank the partners against a profile (SPEC §2): eligible first, fit descending,
     * near-ties by id. `opts`: `{limit?, explain?}` (default 100 rows with breakdowns).
     */
    rank(profile: Profile | string, opts?: RankOptions): RankResponse;
    /**
     * `split` (SPEC §5) with the members among these partners as the request's
     * `ecosystem` (used by the coverage and winProbability games): the request without
     * `ecosystem`.
     */
    split(request: Omit<SplitRequest, "ecosystem"> | string): SplitResponse;
    /**
     * The number of partners and relationships, the currency and tiers, and the distinct
     * kinds, tiers and regions the partners use (`facets`).
     */
    summary(): EcosystemSummary;
    /**
     * A stepped `TeamSearch` (SPEC §3) on these partners: the request without `ecosystem`.
     */
    teamSearch(request: Omit<TeamsRequest, "ecosystem"> | string): TeamSearch;
    /**
     * `teams` (SPEC §3) on these partners: the request without `ecosystem`.
     */
    teams(request: Omit<TeamsRequest, "ecosystem"> | string): TeamsResponse;
    /**
     * [`EcosystemHandle::to_json`]'s text as UTF-8 bytes in pieces of about 1 MiB, in order
     * (`new Blob(chunks)` is the file): for any size of ecosystem, and no more than one
     * piece at a time in wasm memory.
     */
    toJsonChunks(): Uint8Array[];
    /**
     * The ecosystem as JSON text (what `new Ecosystem(text)` reads back to the same
     * partners), written a partner at a time. An ecosystem whose text is longer than a JS
     * string can be (V8: 2^29 − 24 UTF-16 units, ~512 MiB) is refused (`too_large`): write
     * it with `toJsonChunks()`.
     */
    toJson(): string;
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
 * `accountMapColumns` (SPEC §14, §10): `mapAccounts` with each side's accounts as tab-separated columns.
 */
export function mapAccountColumns(req: AccountMapColumnsRequest | string): AccountMapColumnsResponse;

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
 * `psiAssemble` (SPEC §14): a private-match step put together from `psiBlind` slices.
 */
export function psiAssemble(req: PsiAssembleRequest | string): PsiAssembleResponse;

/**
 * `psiBlind` (SPEC §14): one slice of a private-match step's blinding, for several threads.
 */
export function psiBlind(req: PsiBlindRequest | string): PsiBlindResponse;

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

/**
 * Bytes of wasm memory the module holds (its `memory.buffer.byteLength`). Wasm memory
 * only grows, so this is also the peak so far: for measuring what an ecosystem costs.
 */
export function wasmMemoryBytes(): number;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_ecosystem_free: (a: number, b: number) => void;
    readonly __wbg_simulation_free: (a: number, b: number) => void;
    readonly __wbg_teamsearch_free: (a: number, b: number) => void;
    readonly attribute: (a: unknown) => [number, number, number];
    readonly auditPlan: (a: unknown) => [number, number, number];
    readonly calibrate: (a: unknown) => [number, number, number];
    readonly draftAgreement: (a: unknown) => [number, number, number, number];
    readonly ecosystem_calibrate: (a: number, b: unknown) => [number, number, number];
    readonly ecosystem_filter: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => unknown;
    readonly ecosystem_fromBytes: (a: unknown) => [number, number, number];
    readonly ecosystem_fromChunks: (a: unknown) => [number, number, number];
    readonly ecosystem_ids: (a: number) => [number, number, number];
    readonly ecosystem_names: (a: number) => [number, number, number];
    readonly ecosystem_new: (a: unknown) => [number, number, number];
    readonly ecosystem_open: (a: unknown) => [number, number, number];
    readonly ecosystem_order: (a: number, b: unknown) => [number, number, number];
    readonly ecosystem_overlap: (a: number, b: number) => [number, number, number];
    readonly ecosystem_partnerList: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly ecosystem_partners: (a: number, b: number, c: number) => [number, number, number];
    readonly ecosystem_rank: (a: number, b: unknown, c: number) => [number, number, number];
    readonly ecosystem_size: (a: number) => number;
    readonly ecosystem_split: (a: number, b: unknown) => [number, number, number];
    readonly ecosystem_summary: (a: number) => [number, number, number];
    readonly ecosystem_teamSearch: (a: number, b: unknown) => [number, number, number];
    readonly ecosystem_teams: (a: number, b: unknown) => [number, number, number];
    readonly ecosystem_toJson: (a: number) => [number, number, number, number];
    readonly ecosystem_toJsonChunks: (a: number) => [number, number, number];
    readonly insights: (a: unknown) => [number, number, number];
    readonly mapAccountColumns: (a: unknown) => [number, number, number];
    readonly mapAccounts: (a: unknown) => [number, number, number];
    readonly overlap: (a: unknown) => [number, number, number];
    readonly predict: (a: unknown) => [number, number, number];
    readonly psiAssemble: (a: unknown) => [number, number, number];
    readonly psiBlind: (a: unknown) => [number, number, number];
    readonly psiFinish: (a: unknown) => [number, number, number];
    readonly psiReply: (a: unknown) => [number, number, number];
    readonly psiStart: (a: unknown) => [number, number, number];
    readonly rank: (a: unknown) => [number, number, number];
    readonly registerDeal: (a: unknown) => [number, number, number];
    readonly sample: (a: number, b: number) => [number, number, number];
    readonly simulate: (a: unknown) => [number, number, number];
    readonly simulation_cancel: (a: number) => void;
    readonly simulation_new: (a: unknown) => [number, number, number];
    readonly simulation_result: (a: number) => [number, number, number];
    readonly simulation_step: (a: number, b: unknown) => [number, number, number];
    readonly split: (a: unknown) => [number, number, number];
    readonly teams: (a: unknown) => [number, number, number];
    readonly teamsearch_cancel: (a: number) => void;
    readonly teamsearch_new: (a: unknown) => [number, number, number];
    readonly teamsearch_result: (a: number) => [number, number, number];
    readonly teamsearch_step: (a: number, b: unknown) => [number, number, number];
    readonly train: (a: unknown) => [number, number, number];
    readonly validatePlan: (a: unknown) => [number, number, number];
    readonly verifyAgreement: (a: unknown) => [number, number, number];
    readonly version: () => [number, number];
    readonly wasmMemoryBytes: () => number;
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

// ---- Request and response types, generated by ts-rs from the Rust serde types
// ---- (examples/ts_types.rs). Do not edit.

/**
 * `accountMapColumns` request: `accountMap`'s options with the accounts as columns.
 */
export type AccountMapColumnsRequest = { 
/**
 * Currency of the values (default EUR).
 */
currency?: Currency | null, 
/**
 * The partners and their accounts.
 */
partners: Array<PartnerColumns>, 
/**
 * The vendor's own accounts, mapped against every partner's.
 */
vendor?: VendorColumns | null, 
/**
 * Only pairs with this partner (or the vendor's id) as `a`.
 */
focus?: string | null, 
/**
 * With `focus`: only the pair of `focus` and this partner (reported even when they
 * share nothing).
 */
with?: string | null, 
/**
 * `counts`, `overlaps` (default) or `full`.
 */
sharing?: Sharing | null, 
/**
 * Only pairs sharing at least this many accounts (default 1).
 */
minShared?: number | null, 
/**
 * At most this many pairs, most shared first (default all).
 */
limit?: number | null, 
/**
 * Also the whole map in a few numbers (`summary` of the response): every pair that
 * shares at least `minShared` accounts, also those `limit` leaves out (default false).
 */
summary?: boolean | null, };

export type AccountMapColumnsResponse = AccountMapResponse;

/**
 * `accountMap` request.
 */
export type AccountMapRequest = { 
/**
 * The partners and their accounts (bare ids are customers).
 */
ecosystem: EcosystemData, 
/**
 * The vendor's own accounts, mapped against every partner's.
 */
vendor?: VendorAccounts | null, 
/**
 * Only pairs with this partner (or the vendor's id) as `a`.
 */
focus?: string | null, 
/**
 * With `focus`: only the pair of `focus` and this partner (reported even when they
 * share nothing).
 */
with?: string | null, 
/**
 * `counts`, `overlaps` (default) or `full`.
 */
sharing?: Sharing | null, 
/**
 * Only pairs sharing at least this many accounts (default 1).
 */
minShared?: number | null, 
/**
 * At most this many pairs, most shared first (default all).
 */
limit?: number | null, 
/**
 * Also the whole map in a few numbers (`summary` of the response): every pair that
 * shares at least `minShared` accounts, also those `limit` leaves out (default false).
 */
summary?: boolean | null, };

/**
 * `accountMap` response.
 */
export type AccountMapResponse = { 
/**
 * The sharing level applied.
 */
sharing: Sharing, 
/**
 * Currency of the potential revenue and values.
 */
currency: Currency, 
/**
 * Every population that occurs: customer, opportunity, prospect, then others by name.
 */
populations: Array<string>, 
/**
 * Pairs by shared count descending, then ids.
 */
pairs: Array<AccountPair>, 
/**
 * Same name, different domains (`overlaps` and `full`; at most
 * [`super::matrix::MAX_NEAR_MISSES`] listed).
 */
nearMisses: Array<NearMiss>, 
/**
 * Number of near misses in all (also under `counts`).
 */
nearMissCount: number, 
/**
 * Accounts left out of matching.
 */
skipped: Array<SkippedAccount>, 
/**
 * The whole map in a few numbers (requested with `summary: true`).
 */
summary?: AccountSummary | null, };

/**
 * The account map of one pair.
 */
export type AccountPair = { 
/**
 * The focus, else the id that sorts first.
 */
a: string, 
/**
 * The other side.
 */
b: string, 
/**
 * Matches (pairs of a's and b's records that are the same company).
 */
shared: number, 
/**
 * `matrix[aPopulation][bPopulation]` = matches in that population pair.
 */
matrix: { [key in string]: { [key in string]: number } }, 
/**
 * Σ of the values of the shared accounts that are opportunities, on either side
 * (each record once).
 */
potentialRevenue: Money, 
/**
 * a's accounts that b does not have, per a's population.
 */
greenfieldA: { [key in string]: number }, 
/**
 * b's accounts that a does not have, per b's population.
 */
greenfieldB: { [key in string]: number }, 
/**
 * The shared accounts (`overlaps` and `full`), by a's account id.
 */
accounts?: Array<SharedAccount> | null, 
/**
 * a's greenfield account ids (`full` only).
 */
greenfieldAAccounts?: Array<string> | null, 
/**
 * b's greenfield account ids (`full` only).
 */
greenfieldBAccounts?: Array<string> | null, };

/**
 * An account with its population (SPEC §14).
 */
export type AccountRecord = { 
/**
 * The account's id in the partner's list (its name when `name` is not given).
 */
account: string, 
/**
 * `customer`, `prospect`, `opportunity` or any other population name.
 */
status: string, 
/**
 * Value of the opportunity (the ecosystem's currency).
 */
value?: Money | null, 
/**
 * The company's web domain (or a URL or e-mail address on it).
 */
domain?: string | null, 
/**
 * The company's name (default: `account`).
 */
name?: string | null, };

/**
 * Every pair that shares at least `minShared` accounts, summed (before `limit`): what a
 * picture of the whole map needs, without every pair written out. Counts only: it
 * reveals no account at any sharing level.
 */
export type AccountSummary = { 
/**
 * How many pairs share at least `minShared` accounts.
 */
pairs: number, 
/**
 * Σ of their `shared`.
 */
shared: number, 
/**
 * Σ of their `matrix` (`matrix[aPopulation][bPopulation]`, a and b as in each pair:
 * the focus, else the id that sorts first).
 */
matrix: { [key in string]: { [key in string]: number } }, 
/**
 * Σ of their `potentialRevenue`.
 */
potentialRevenue: Money, };

/**
 * Change the status of registrations in the registry.
 */
export type Action = { 
/**
 * What to do.
 */
kind: ActionKind, 
/**
 * The registration (optional only for `expire`).
 */
id?: string | null, 
/**
 * When (RFC 3339 with offset, or a day).
 */
at: string, 
/**
 * Reason code, required for `reject` (one of [`REJECT_REASONS`]).
 */
reason?: string | null, };

/**
 * A lifecycle action of the `register` request.
 */
export type ActionKind = "approve" | "reject" | "win" | "lose" | "withdraw" | "expire";

/**
 * A customer won: when it was booked, its revenue in each month since, and how it
 * ended if it did.
 */
export type ActualDeal = { 
/**
 * The customer's name (for the reader; not used in the figures).
 */
customer?: string | null, 
/**
 * Month of the booking, 1..=horizonMonths.
 */
bookedMonth: number, 
/**
 * Recognised revenue by month, from the booking month on (at most to the horizon).
 */
revenue: Array<Money>, 
/**
 * How the customer ended after its last month of revenue: `churn` or `refund`
 * (either reverses the rewards earned on it within the clawback window); absent:
 * still a customer.
 */
ended?: DealEnd | null, };

/**
 * The actuals of one month; absent items are not audited.
 */
export type ActualMonth = { 
/**
 * Month number, 1..=horizonMonths.
 */
month: number, 
/**
 * New bookings.
 */
bookings?: Money | null, 
/**
 * Recognised revenue.
 */
revenue?: Money | null, 
/**
 * Value of the opportunities opened in the month.
 */
pipeline?: Money | null, 
/**
 * Each partner's cost, by partner id.
 */
costs?: { [key in string]: Money } | null, 
/**
 * Objective metrics reported directly (`bookings`, `revenue`, `share:<id>`);
 * they override the values derived from bookings and revenue.
 */
metrics?: { [key in string]: Money } | null, };

/**
 * Monthly actuals.
 */
export type Actuals = { 
/**
 * One entry per reported month.
 */
months: Array<ActualMonth>, 
/**
 * The customers won, each with its revenue month by month (for the incentive
 * ledger on actuals, SPEC §13).
 */
deals?: Array<ActualDeal>, };

/**
 * Adoption rewards of a consumption offer for one partner or role.
 */
export type AdoptionRule = { 
/**
 * Partner id.
 */
partner?: string | null, 
/**
 * Role (every partner with this role).
 */
role?: string | null, 
/**
 * Percent of each month's consumption above the customer's first month, 0..=100.
 */
growthPercent: number, 
/**
 * One-time bonuses when a customer's monthly consumption first reaches a level.
 */
milestones: Array<Milestone>, };

/**
 * The agreement's output format.
 */
export type AgreementFormat = "markdown" | "html";

/**
 * `agreement` request.
 */
export type AgreementRequest = { 
/**
 * The plan.
 */
plan: Plan, 
/**
 * Trials of the simulation behind the figures (default 10,000).
 */
trials?: number, 
/**
 * Seed (default 0).
 */
seed?: number, 
/**
 * Number and date format (default `en`).
 */
locale?: Locale | null, 
/**
 * `markdown` (default) or `html` (a printable page from the same document).
 */
format?: AgreementFormat | null, };

export type AgreementResponse = string;

/**
 * One member's part.
 */
export type Allocation = { 
/**
 * Member id.
 */
partnerId: string, 
/**
 * Money, adding up exactly to the amount over all members.
 */
amount: Money, 
/**
 * Fraction of the amount (amount / total; 0 when the total is 0).
 */
share: number, 
/**
 * The member's game value (Shapley, Banzhaf, …) for game-based models.
 */
value: number | null, };

/**
 * The `attribute` request.
 */
export type AttributeRequest = { 
/**
 * The journeys.
 */
journeys: Array<Journey>, 
/**
 * Models to run (default all six).
 */
models?: Array<AttributionModel> | null, 
/**
 * Half-life of `timeDecay` in days (default 7).
 */
halfLifeDays?: number | null, 
/**
 * Currency of the journeys' values (default EUR).
 */
currency?: Currency | null, 
/**
 * `markov`: the chain's order, 1–4 or `"auto"` (default 1; SPEC §12).
 */
order?: number | "auto", 
/**
 * `markov`: seeded bootstrap intervals of each partner's credit.
 */
bootstrap?: BootstrapOptions | null, };

/**
 * The `attribute` response: per model, per partner (sorted ids), the credit.
 */
export type AttributeResponse = { 
/**
 * `modelName → partnerId → credit` (both sorted by name).
 */
models: { [key in string]: { [key in string]: Credit } }, 
/**
 * Total conversions over all journeys.
 */
totalConversions: number, 
/**
 * Total value (when values are given).
 */
totalValue: Money | null, 
/**
 * Markov details (when `markov` ran).
 */
markov: MarkovDetails | null, 
/**
 * Per partner (sorted ids): sourced, influenced and unattributed conversions and value.
 */
involvement: { [key in string]: Involvement }, };

/**
 * An attribution model.
 */
export type AttributionModel = "firstTouch" | "lastTouch" | "linear" | "timeDecay" | "positionBased" | "markov";

/**
 * One partner's part of the actual revenue.
 */
export type AuditAllocation = { 
/**
 * Partner id.
 */
partnerId: string, 
/**
 * Amount.
 */
amount: Money, };

/**
 * The plan's expectation and the actuals of one month.
 */
export type AuditMonth = { 
/**
 * Month number.
 */
month: number, 
/**
 * Expected bookings (simulation mean).
 */
expectedBookings: Money, 
/**
 * Expected revenue (simulation mean).
 */
expectedRevenue: Money, 
/**
 * Expected pipeline created (analytic: λ_m × E[deal size]).
 */
expectedPipeline: Money, 
/**
 * Reported bookings.
 */
bookings?: Money | null, 
/**
 * Reported revenue.
 */
revenue?: Money | null, 
/**
 * Reported pipeline.
 */
pipeline?: Money | null, };

/**
 * One rewarded partner's payouts to date: the plan's expectation (simulation means)
 * and the ledger recomputed on the actual customers (SPEC §13).
 */
export type AuditPayout = { 
/**
 * Partner id.
 */
partnerId: string, 
/**
 * The last month counted.
 */
throughMonth: number, 
/**
 * Expected to date.
 */
expected: LedgerToDate, 
/**
 * Actual to date.
 */
actual: LedgerToDate, };

/**
 * `audit` request.
 */
export type AuditRequest = { 
/**
 * The plan.
 */
plan: Plan, 
/**
 * What happened (give this or `actualsCsv`).
 */
actuals?: Actuals | null, 
/**
 * What happened, as CSV text (columns `month`, `bookings`, `revenue`, `pipeline`,
 * `costs:<partnerId>`, `metric:<metric>`, `customer:<name>`; see docs/plans.md) —
 * instead of `actuals`.
 */
actualsCsv?: string | null, 
/**
 * Trials of the simulation that gives the expected figures (default 10,000).
 */
trials?: number, 
/**
 * Seed (default 0).
 */
seed?: number, };

/**
 * `audit` response.
 */
export type AuditResponse = { 
/**
 * Reported months, ascending.
 */
months: Array<AuditMonth>, 
/**
 * Every audited item.
 */
variances: Array<Variance>, 
/**
 * Every objective.
 */
objectives: Array<ObjectiveAudit>, 
/**
 * The split on actual revenue.
 */
split: AuditSplit, 
/**
 * The remaining months simulated again, conditioned on the actuals (SPEC §15).
 */
reforecast: Reforecast, 
/**
 * Each rewarded partner's payouts to date, expected and recomputed on the actual
 * customers (SPEC §13); only when the plan has incentives.
 */
payouts?: Array<AuditPayout> | null, };

/**
 * The split recomputed on actual revenue.
 */
export type AuditSplit = { 
/**
 * Actual revenue over the reported months.
 */
revenue: Money, 
/**
 * Each partner's total (the sum of its monthly parts), in plan order.
 */
allocations: Array<AuditAllocation>, 
/**
 * Month by month.
 */
months: Array<AuditSplitMonth>, };

/**
 * The split of one month's actual revenue.
 */
export type AuditSplitMonth = { 
/**
 * Month number.
 */
month: number, 
/**
 * Actual revenue of the month.
 */
revenue: Money, 
/**
 * Each partner's part, in plan order.
 */
allocations: Array<AuditAllocation>, };

/**
 * Base-rate baseline.
 */
export type Baseline = { 
/**
 * Training win rate.
 */
rate: number, 
/**
 * Its log loss on the validation deals.
 */
logLoss: number | null, };

/**
 * The coalition that gains most by leaving (core check).
 */
export type Blocking = { 
/**
 * Its members, sorted.
 */
members: Array<string>, 
/**
 * Its value v(S) in the game's money units.
 */
value: number, 
/**
 * What the split gives it, in the game's units: share(S) × v(N).
 */
payoff: number, 
/**
 * `v(S) − payoff`; positive means S is better off alone.
 */
excess: number, 
/**
 * How many coalitions share this largest excess (within 1e-9); the smallest, then
 * the lexicographically smallest sorted id list, is the one named (SPEC §11).
 */
tied: number, };

/**
 * Bootstrap settings: resample the journeys (each journey's conversions and nulls
 * drawn again from a Poisson distribution around their counts) and re-run the chain.
 */
export type BootstrapOptions = { 
/**
 * Resamples (1–2,000; default 200).
 */
samples?: number | null, 
/**
 * Seed (default 0): the same seed gives the same intervals.
 */
seed?: number | null, 
/**
 * Interval level, strictly between 0 and 1 (default 0.9).
 */
level?: number | null, };

/**
 * One bracket of a commission schedule: `rate` of the part of the amount up to
 * `upTo` (above the previous bracket's `upTo`); the last bracket may omit `upTo`.
 */
export type Bracket = { 
/**
 * Upper end of the bracket (amount, exclusive of the brackets above); none = unlimited.
 */
upTo?: Money | null, 
/**
 * Commission rate in [0, 1] (0.05 = 5%), exact decimal.
 */
rate: Dec, };

/**
 * Branding.
 */
export type Branding = { 
/**
 * How each party's brand may be used in joint marketing, in words.
 */
usage?: string | null, };

/**
 * `calibrate` request: the ecosystem, the profiles to check and the deal history
 * (the same history as `insights` and `train`; every partner on a deal must be in the
 * ecosystem).
 */
export type CalibrateRequest = { 
/**
 * The partners, scored against each profile as they are now (SPEC §2).
 */
ecosystem: EcosystemData, 
/**
 * The Ideal Partner Profiles to check (at most 20).
 */
profiles: Array<Profile>, 
/**
 * Closed deals.
 */
history: Array<HistoryDeal>, 
/**
 * Currency of the values (default EUR).
 */
currency?: Currency | null, 
/**
 * Share of the history (oldest first) used to fit the suggested weights when
 * validating them (default 0.7).
 */
trainFraction?: number | null, };

/**
 * `calibrate` response: one calibration per profile, in the request's order.
 */
export type CalibrateResponse = { 
/**
 * One per profile.
 */
profiles: Array<ProfileCalibration>, };

/**
 * One calibration bin.
 */
export type CalibrationBin = { 
/**
 * Lower edge of predicted probability.
 */
from: number, 
/**
 * Upper edge.
 */
to: number, 
/**
 * Deals in the bin.
 */
deals: number, 
/**
 * Mean predicted probability.
 */
predicted: number, 
/**
 * Observed win rate.
 */
observed: number, };

/**
 * A metric with and without partners.
 */
export type Comparison = { 
/**
 * With at least one partner.
 */
withPartners: number | null, 
/**
 * Without partners.
 */
withoutPartners: number | null, 
/**
 * with / without.
 */
ratio: number | null, };

/**
 * Why a registration was refused, and what the partners can do about it.
 */
export type Conflict = { 
/**
 * The rule that decided (`first_registration_owns` or `already_registered`).
 */
rule: string, 
/**
 * The partner that owns the account (and product).
 */
owner: string, 
/**
 * The owner's registration.
 */
registrationId: string, 
/**
 * The refused or later registration.
 */
challengerRegistrationId: string, 
/**
 * The challenging partner.
 */
challenger: string, 
/**
 * The contested account.
 */
account: string, 
/**
 * The contested product, if the registrations name one.
 */
product?: string | null, 
/**
 * The last protected day of the owner's registration.
 */
protectedUntil: string, 
/**
 * A sentence for people.
 */
message: string, 
/**
 * Suggested resolutions.
 */
resolutions: Array<string>, 
/**
 * How the accounts matched (with `matchBy` `domain` or `name`).
 */
matchedBy?: MatchedBy | null, };

/**
 * What a conflicting pair does to a team.
 */
export type ConflictMode = "forbid" | "penalize";

/**
 * Which member covers a requirement.
 */
export type Cover = { 
/**
 * The required capability.
 */
capability: string, 
/**
 * `min(1, max cap / target)` over the team.
 */
level: number, 
/**
 * The member reaching that level (ties: smallest id); absent when the level is 0.
 */
partnerId: string | null, };

/**
 * A partner's credit under one model.
 */
export type Credit = { 
/**
 * Conversions credited.
 */
conversions: number, 
/**
 * Value credited (when the journeys carry values); the partners' values add up
 * exactly to the total value.
 */
value: Money | null, };

/**
 * One weighted criterion.
 */
export type Criterion = { 
/**
 * What it looks at.
 */
kind: CriterionKind, 
/**
 * The capability, industry, region, certification or metric.
 */
key?: string | null, 
/**
 * Weight, > 0.
 */
weight: number, 
/**
 * Capability target (default 1).
 */
target?: number | null, 
/**
 * Metric value scoring 1 (or reach count scoring 1).
 */
good?: number | null, 
/**
 * Metric value scoring 0.
 */
bad?: number | null, };

/**
 * One criterion's lift and suggested weight.
 */
export type CriterionCalibration = { 
/**
 * A readable label such as `capability:cloud` or `tier`.
 */
criterion: string, 
/**
 * The criterion's kind.
 */
kind: CriterionKind, 
/**
 * The criterion's key, if it has one.
 */
key?: string | null, 
/**
 * The current weight as a share of the profile's total weight.
 */
weight: number, 
/**
 * Deals whose partners score 0.5 or more on this criterion (mean over the deal's partners).
 */
high: WinGroup, 
/**
 * Deals whose partners score below 0.5.
 */
low: WinGroup, 
/**
 * High win rate over low win rate (null when a group is empty or the low rate is 0).
 */
lift: number | null, 
/**
 * Suggested weight as a share (the suggested shares add up to 1); null when the
 * suggestion is withheld.
 */
suggestedWeight: number | null, };

/**
 * What a criterion looks at.
 */
export type CriterionKind = "capability" | "industry" | "region" | "certification" | "tier" | "metric" | "reach";

/**
 * How one criterion contributed to a partner's fit.
 */
export type CriterionShare = { 
/**
 * A readable label such as `capability:cloud` or `tier`.
 */
criterion: string, 
/**
 * The criterion's kind.
 */
kind: CriterionKind, 
/**
 * The criterion's key, if it has one.
 */
key?: string | null, 
/**
 * The score s ∈ [0, 1].
 */
score: number, 
/**
 * The weight w.
 */
weight: number, 
/**
 * `w·s / Σw`: the shares of all criteria add up to the fit.
 */
share: number, };

/**
 * An ISO 4217 currency code, checked against the list of active codes.
 */
export type Currency = string;

/**
 * What customer data is shared, how, and who may see it.
 */
export type DataSharing = { 
/**
 * What customer data the partners share.
 */
what?: string | null, 
/**
 * How it is shared (tools, channels, safeguards).
 */
how?: string | null, 
/**
 * Who may see it.
 */
access?: string | null, };

/**
 * An opportunity that a team of partners pursues.
 */
export type Deal = { 
/**
 * Unique id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * Deal value.
 */
value: Money, 
/**
 * Currency of `value`.
 */
currency: Currency, 
/**
 * Weighted capability requirements.
 */
requirements?: Array<Requirement>, 
/**
 * Team slots.
 */
slots: Array<Slot>, 
/**
 * Largest team (default Σ max).
 */
maxTeamSize?: number | null, 
/**
 * Partners that must be in the team.
 */
include?: Array<string>, 
/**
 * Partners that must not be in the team.
 */
exclude?: Array<string>, 
/**
 * Weights of coverage, fit and synergy in the team score.
 */
weights?: ScoreWeights | null, 
/**
 * What a conflicting pair does: forbid (default) or penalize.
 */
conflicts?: ConflictMode, 
/**
 * Score subtracted per conflicting pair under `penalize` (default 0.25).
 */
conflictPenalty?: number | null, 
/**
 * Target accounts (SPEC §14): a partner holding one of them as customer,
 * opportunity or prospect has that `access`; matched by id or normalised name.
 */
accounts?: Array<string>, };

/**
 * How a customer ended.
 */
export type DealEnd = "churn" | "refund";

/**
 * A partner on a deal.
 */
export type DealPartner = { 
/**
 * Partner id.
 */
id: string, 
/**
 * Role on the deal (sourcing, influence, fulfilment, …).
 */
role?: string, };

/**
 * Lognormal deal size by median and 90th percentile.
 */
export type DealSize = { 
/**
 * Must be `"lognormal"`.
 */
distribution: string, 
/**
 * Median deal size.
 */
median: Money, 
/**
 * 90th percentile, ≥ median.
 */
p90: Money, };

/**
 * The error of every public operation: `code` to branch on, `path` to the field, a
 * message for people. `others` lists further problems found in the same validation
 * pass, so a user can fix them all at once.
 */
export type DealteamProblem = { 
/**
 * What kind of problem this is.
 */
code: ErrorCode, 
/**
 * Where it is, e.g. `partners[3].capabilities.cloud`; empty for the whole input.
 */
path: string, 
/**
 * What to change.
 */
message: string, 
/**
 * Further problems of the same input, in the order found.
 */
others?: Array<DealteamProblem>, };

/**
 * An exact decimal number that JSON may write as a number (`0.05`, `33.3`) or a
 * string (`"0.05"`). A JSON number is read through its shortest decimal spelling, so
 * `33.3` is exactly 33.3 — percentages are compared exactly, never as float sums.
 */
export type Dec = number | string;

/**
 * The partners of an ecosystem and the relationships between them.
 */
export type EcosystemData = { 
/**
 * Currency of the ecosystem's amounts (default EUR).
 */
currency?: Currency | null, 
/**
 * Tier names, lowest first.
 */
tiers?: Array<string>, 
/**
 * The partners (at most [`super::MAX_PARTNERS`], checked while parsing).
 */
partners: Array<Partner>, 
/**
 * Unordered pairs of partners with their history.
 */
relationships?: Array<Relationship>, };

/**
 * An ecosystem in a few numbers and lists.
 */
export type EcosystemSummary = { 
/**
 * Number of partners.
 */
partners: number, 
/**
 * Number of relationships.
 */
relationships: number, 
/**
 * The ecosystem's currency, when it names one.
 */
currency?: Currency, 
/**
 * The tier names, lowest first, as the ecosystem lists them.
 */
tiers: Array<string>, 
/**
 * What the partners use.
 */
facets: Facets, };

/**
 * Pre-sales enablement.
 */
export type Enablement = { 
/**
 * The pre-sales training and support each party commits, in words.
 */
presales?: string | null, };

/**
 * The rules of engagement and the kind of collaboration.
 */
export type Engagement = { 
/**
 * Deal registration and how channel conflicts are resolved, in words.
 */
rules?: string | null, 
/**
 * Pilot, opportunistic or strategic.
 */
kind?: EngagementKind | null, };

/**
 * The kind of collaboration.
 */
export type EngagementKind = "pilot" | "opportunistic" | "strategic";

/**
 * Stable, snake_case error codes (SPEC §0). Published to TypeScript as a string union.
 */
export type ErrorCode = "invalid_json" | "unknown_field" | "missing_field" | "invalid_value" | "duplicate_id" | "unknown_partner" | "unknown_profile" | "invalid_money" | "currency_mismatch" | "too_large" | "infeasible" | "cancelled" | "unknown_command" | "freed";

/**
 * Exclusivity terms.
 */
export type Exclusivity = { 
/**
 * Whether the collaboration is exclusive.
 */
exclusive?: boolean | null, 
/**
 * Whether the parties may pursue similar arrangements: one answer for all, or
 * one per partner id.
 */
mayPursueSimilar?: MayPursue | null, };

/**
 * The distinct kinds, tiers and regions the partners use, each sorted as JavaScript's
 * `sort()` sorts strings (by UTF-16 code units), without empty ones.
 */
export type Facets = { 
/**
 * Kinds.
 */
kinds: Array<string>, 
/**
 * Tiers.
 */
tiers: Array<string>, 
/**
 * Regions.
 */
regions: Array<string>, };

/**
 * The fairness report of one split (SPEC §5).
 */
export type Fairness = { 
/**
 * The parts add up exactly to the amount (checked in decimal).
 */
efficient: boolean, 
/**
 * The game used for the checks below, if any.
 */
game: string | null, 
/**
 * v(N), in money.
 */
grandValue: number | null, 
/**
 * Whether the split lies in the core (n ≤ 20).
 */
inCore: boolean | null, 
/**
 * The most blocking coalition (largest excess), when the core was checked.
 */
blocking: Blocking | null, 
/**
 * Whether every member gets at least its standalone value v({i}) (n ≤ 20).
 */
individuallyRational: boolean | null, 
/**
 * The members paid less than they earn alone (`x_i < v({i})`), in member order.
 */
belowStandalone: Array<string>, 
/**
 * The least core (n ≤ 20, reported when the core is empty, SPEC §11).
 */
leastCore: LeastCoreReport | null, 
/**
 * Whether the core is empty, when that can be told (`true`: Σ v({i}) > v(N) or no
 * allocation passes; `false`: this split is in it); absent when unknown.
 */
coreEmpty: boolean | null, 
/**
 * Ecosystem multiplier v(N) / Σ v({i}); null when unbounded.
 */
multiplier: number | null, 
/**
 * True when Σ v({i}) = 0 (no member wins alone): the multiplier is unbounded.
 */
multiplierUnbounded: boolean, 
/**
 * Interchangeable players (n ≤ 20), if any.
 */
symmetry: PropertyCheck | null, 
/**
 * Dummy players (n ≤ 20), if any.
 */
dummy: PropertyCheck | null, 
/**
 * The findings in words.
 */
explanation: Array<string>, };

/**
 * One gap of the plan.
 */
export type Finding = { 
/**
 * Stable rule id, e.g. `lead.partner`.
 */
rule: string, 
/**
 * error or warning.
 */
severity: Severity, 
/**
 * Where, e.g. `partners[1].manager`.
 */
path: string, 
/**
 * What to add or change.
 */
message: string, };

/**
 * One month: the plan at signing and the re-forecast (equal to the actuals through
 * `throughMonth`).
 */
export type ForecastMonth = { 
/**
 * Month number.
 */
month: number, 
/**
 * Bookings at signing.
 */
planBookings: MoneyStats, 
/**
 * Revenue at signing.
 */
planRevenue: MoneyStats, 
/**
 * Bookings now.
 */
bookings: MoneyStats, 
/**
 * Revenue now.
 */
revenue: MoneyStats, };

/**
 * The coalition game of a game-based split (SPEC §10 `game`).
 */
export type GameSpec = { "kind": "winProbability", 
/**
 * Steepness (default 10).
 */
k?: number | null, 
/**
 * Midpoint coverage (default 0.6).
 */
m?: number | null, } | { "kind": "coverage", } | { "kind": "table", 
/**
 * Value per coalition key.
 */
values: { [key in string]: Money }, } | { "kind": "additiveSynergy", 
/**
 * Value of each member alone (missing: 0).
 */
standalone: { [key in string]: Money }, 
/**
 * Bonus of each pair that is together.
 */
pairs: Array<PairBonus>, };

/**
 * Project governance.
 */
export type Governance = { 
/**
 * Who oversees the collaboration (person or body).
 */
overseer?: string | null, 
/**
 * An independent party (recommended).
 */
independentParty?: string | null, 
/**
 * How often the partners review the plan (e.g. "monthly").
 */
cadence?: string | null, };

/**
 * Statistics of one group of deals.
 */
export type GroupStats = { 
/**
 * Deals in the group.
 */
deals: number, 
/**
 * Won deals.
 */
won: number, 
/**
 * won / deals (null without deals).
 */
winRate: number | null, 
/**
 * Total value of won deals.
 */
wonValue: Money, 
/**
 * Mean value of won deals (null without wins).
 */
avgDealSize: Money | null, 
/**
 * Mean sales cycle in days over all deals of the group.
 */
avgCycleDays: number | null, };

/**
 * One order's fit to the held-out journeys (the last 30% of the rows).
 */
export type HeldOut = { 
/**
 * The order.
 */
order: number, 
/**
 * Mean log-likelihood per held-out journey (higher is better).
 */
logLikelihood: number, };

/**
 * A closed deal of the history.
 */
export type HistoryDeal = { 
/**
 * Unique id.
 */
id: string, 
/**
 * Day it closed (YYYY-MM-DD); orders the history for training and validation.
 */
closedAt: string, 
/**
 * Won or lost.
 */
won: boolean, 
/**
 * Deal value.
 */
value: Money, 
/**
 * Days from open to close.
 */
cycleDays: number, 
/**
 * Partners involved, with their role.
 */
partners?: Array<DealPartner>, 
/**
 * Number of partner touches.
 */
touches?: number | null, 
/**
 * Team coverage at the time (SPEC §3), if known.
 */
coverage?: number | null, 
/**
 * Team fit at the time, if known.
 */
fit?: number | null, 
/**
 * Team synergy at the time (−1..1), if known.
 */
synergy?: number | null, 
/**
 * Partner satisfaction score, if surveyed.
 */
psat?: number | null, 
/**
 * Customer lifetime value, if known.
 */
cltv?: Money | null, 
/**
 * Customer acquisition cost, if known.
 */
cac?: Money | null, };

/**
 * `insights` and `train` request.
 */
export type HistoryRequest = { 
/**
 * Closed deals.
 */
history: Array<HistoryDeal>, 
/**
 * Currency of the values (default EUR).
 */
currency?: Currency | null, 
/**
 * Share of the history (oldest first) used for training when validating (default 0.7).
 */
trainFraction?: number | null, };

/**
 * How rewards are earned and paid out (SPEC §13). A partner named by a rate, threshold
 * or adoption rule (by id, or by role) earns these rewards instead of its split share.
 */
export type Incentives = { 
/**
 * Commission schedules and bounties, per partner or role.
 */
rates: Array<RateRule>, 
/**
 * Revenue thresholds that unlock a higher tier for later revenue.
 */
thresholds: Array<Threshold>, 
/**
 * Months a reward waits before it is payable (a refund window); default 0.
 */
holdMonths?: number | null, 
/**
 * Pay each month's rewards in equal parts (a drip); default one part.
 */
instalments?: Instalments | null, 
/**
 * A payable balance below this is carried to the next month.
 */
minimumPayout?: Money | null, 
/**
 * A customer who churns within this many months of booking reverses the rewards
 * earned on it; default 0 (no clawback).
 */
clawbackMonths?: number | null, 
/**
 * Rewards for customer adoption (consumption offers).
 */
adoption: Array<AdoptionRule>, 
/**
 * A market development fund pool.
 */
mdf?: MdfPool | null, };

export type InsightsRequest = HistoryRequest;

/**
 * `insights` response.
 */
export type InsightsResponse = { 
/**
 * Currency of all amounts.
 */
currency: Currency, 
/**
 * Won value of deals with at least one partner.
 */
influencedRevenue: Money, 
/**
 * Won value of all deals.
 */
totalRevenue: Money, 
/**
 * influenced / total (null when nothing was won).
 */
influencedShare: number | null, 
/**
 * Deals without partners, with one partner, with two or more (P2P), and with any.
 */
groups: { [key in string]: GroupStats }, 
/**
 * Win rate with partners vs without.
 */
winRate: Comparison, 
/**
 * Mean won deal size with partners vs without (as numbers of the currency).
 */
dealSize: Comparison, 
/**
 * Mean cycle days with partners vs without; `ratio` < 1 means partners speed deals up.
 */
cycleDays: Comparison, 
/**
 * Expected won value per deal of P2P deals over single-partner deals (null when
 * either group has no deals or single-partner deals earn nothing).
 */
multiplier: number | null, 
/**
 * Mean CLTV / CAC over deals that give both (null when none).
 */
cltvToCac: number | null, 
/**
 * Mean partner satisfaction over deals that give it (null when none).
 */
psat: number | null, 
/**
 * Plain-language findings.
 */
notes: Array<string>, };

/**
 * A reward paid in `count` equal parts, one every `everyMonths` months.
 */
export type Instalments = { 
/**
 * Number of parts, ≥ 1.
 */
count: number, 
/**
 * Months between parts, ≥ 1 (default 1).
 */
everyMonths: number, };

/**
 * A bootstrap interval of credited conversions.
 */
export type Interval = { 
/**
 * Lower bound.
 */
low: number, 
/**
 * Upper bound.
 */
high: number, 
/**
 * The level (e.g. 0.9 for a 90% interval).
 */
level: number, };

/**
 * A partner's investment commitment. Missing amounts count as zero in the simulation.
 */
export type Investments = { 
/**
 * Marketing development funds, spent in month 1.
 */
mdf?: Money | null, 
/**
 * Enablement / pre-sales training, spent in month 1.
 */
enablement?: Money | null, 
/**
 * Running cost per month, every month of the horizon.
 */
monthlyCost?: Money | null, 
/**
 * Co-branding, spent in month 1.
 */
branding?: Money | null, };

/**
 * A partner's involvement in the conversions (SPEC §12): the three add up to the total.
 */
export type Involvement = { 
/**
 * Journeys this partner touched first.
 */
sourced: Credit, 
/**
 * Journeys this partner touched, but not first.
 */
influenced: Credit, 
/**
 * Journeys this partner never touched.
 */
unattributed: Credit, };

/**
 * One aggregated journey: a path of partner touches and how often it ended in a
 * conversion (and, optionally, without one).
 */
export type Journey = { 
/**
 * Partner ids in touch order.
 */
path: Array<string>, 
/**
 * Conversions of this path (≥ 0; may be fractional for weighted data).
 */
conversions: number, 
/**
 * Times this path ended without conversion (≥ 0; default 0; used by `markov`).
 */
nulls?: number | null, 
/**
 * Total value of this path's conversions.
 */
value?: Money | null, 
/**
 * Days before conversion of each touch (same length as `path`; `timeDecay`).
 */
touchDays?: Array<number> | null, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

/**
 * The least core and the nucleolus of the game, in the game's units (SPEC §11).
 */
export type LeastCoreReport = { 
/**
 * The smallest ε with `x(S) ≥ v(S) − ε` for every proper coalition S.
 */
epsilon: number, 
/**
 * `nucleolus`, or `prenucleolus` when no split gives every member its standalone value.
 */
kind: string, 
/**
 * The nucleolus: one value per member, by member id.
 */
nucleolus: { [key in string]: number }, };

/**
 * A partner's incentive ledger to date: flows summed over the months, `held` and
 * `balance` at the last month; `earned = paid + held + clawedBack + balance`.
 */
export type LedgerToDate = { 
/**
 * Rewards earned.
 */
earned: Money, 
/**
 * Cash paid out.
 */
paid: Money, 
/**
 * Earned but not yet payable.
 */
held: Money, 
/**
 * Rewards reversed by clawbacks.
 */
clawedBack: Money, 
/**
 * Payable but not paid (below the minimum payout, or negative after a clawback).
 */
balance: Money, };

/**
 * Legal terms: intellectual property, liability and the term of the agreement.
 */
export type Legal = { 
/**
 * Who owns what is built jointly, in words.
 */
ip?: string | null, 
/**
 * Each party's liability, in words.
 */
liability?: string | null, 
/**
 * Start, end or renewal, and termination notice.
 */
term?: Term | null, };

/**
 * The number and date format of the agreement (its text stays English).
 */
export type Locale = "en" | "de" | "fr";

/**
 * The Markov model's details.
 */
export type MarkovDetails = { 
/**
 * Probability that a journey converts, from the absorbing chain.
 */
conversionProbability: number, 
/**
 * Removal effect `1 − P(conversion without the partner) / P(conversion)` per partner.
 */
removalEffects: { [key in string]: Rounded }, 
/**
 * The chain's order (the chosen one under `"auto"`).
 */
order: number, 
/**
 * `"auto"`: each order's mean log-likelihood per held-out journey.
 */
heldOut: Array<HeldOut> | null, 
/**
 * With `bootstrap`: each partner's interval of credited conversions.
 */
intervals: { [key in string]: Interval } | null, };

/**
 * What makes two registrations name the same account.
 */
export type MatchBy = "domain" | "name" | "id";

/**
 * How two accounts were found to be the same company.
 */
export type MatchedBy = "domain" | "name" | "id";

/**
 * One answer for every partner, or one per partner id.
 */
export type MayPursue = boolean | { [key in string]: boolean };

/**
 * A market development fund: contributions in month 1, requests approved up to the
 * pool, claims reimbursed after a delay unless rejected.
 */
export type MdfPool = { 
/**
 * Each partner's contribution to the pool, by partner id.
 */
contributions: { [key in string]: Money }, 
/**
 * Requests for funds, approved in month order while the pool lasts.
 */
requests: Array<MdfRequest>, 
/**
 * Probability that a claim is rejected, 0..1.
 */
claimRejectRate: number, 
/**
 * Months from a claim to its reimbursement.
 */
reimburseAfterMonths: number, };

/**
 * A partner's request for MDF: spent and claimed in `month`.
 */
export type MdfRequest = { 
/**
 * Partner id.
 */
partner: string, 
/**
 * Month of the campaign and claim, 1..=horizonMonths.
 */
month: number, 
/**
 * Amount requested.
 */
amount: Money, };

/**
 * Dispute mediation.
 */
export type Mediation = { 
/**
 * The escalation steps, in order.
 */
steps: Array<string>, };

/**
 * A member's place in the team.
 */
export type MemberBreakdown = { 
/**
 * Partner id.
 */
partnerId: string, 
/**
 * Index of its slot in `deal.slots`.
 */
slot: number, 
/**
 * Role of that slot.
 */
role: string, 
/**
 * Profile of that slot, if any.
 */
profile: string | null, 
/**
 * Fit against that profile (absent for a slot without profile).
 */
fit: number | null, };

/**
 * A bonus at a level of monthly consumption.
 */
export type Milestone = { 
/**
 * Monthly consumption of one customer.
 */
monthlyConsumption: Money, 
/**
 * The bonus.
 */
bonus: Money, };

/**
 * The result of one model.
 */
export type ModelResult = { 
/**
 * The model.
 */
model: SplitModel, 
/**
 * How the values were computed: `weights`, `percent`, `tiered`, `closedForm`,
 * `enumeration`, `sampling` or `marginal`.
 */
method: string, 
/**
 * One part per member, in the order of `members`.
 */
allocations: Array<Allocation>, 
/**
 * The fairness report.
 */
fairness: Fairness, 
/**
 * Permutations sampled (sampling only).
 */
samples: number | null, 
/**
 * `compare` only: why this model could not divide the amount (then `allocations` is empty).
 */
error: DealteamProblem | null, 
/**
 * Standard error of each member's sampled value (sampling only), by member id.
 */
stdErr: { [key in string]: number } | null, };

/**
 * An exact amount. Reads a decimal string (`"1200.50"`) or a JSON integer; writes a
 * string. Floats are refused: money is never a float.
 */
export type Money = string;

/**
 * Mean and quantiles of an amount over the trials.
 */
export type MoneyStats = { 
/**
 * Exact mean, rounded to the minor unit.
 */
mean: Money, 
/**
 * 5th percentile.
 */
p5: Money, 
/**
 * Median.
 */
p50: Money, 
/**
 * 95th percentile.
 */
p95: Money, };

/**
 * One month of the simulation.
 */
export type MonthFigures = { 
/**
 * Month number, 1-based.
 */
month: number, 
/**
 * New bookings in the month.
 */
bookings: MoneyStats, 
/**
 * Revenue recognised in the month.
 */
revenue: MoneyStats, 
/**
 * Per partner id.
 */
partners: { [key in string]: PartnerFigures }, 
/**
 * Probability that each partner has paid back by this month (cumulative share ≥
 * cumulative investment), per partner id.
 */
paidBack: { [key in string]: Probability }, };

/**
 * Two accounts with the same normalised name but different domains: not matched.
 */
export type NearMiss = { 
/**
 * The normalised name both have.
 */
name: string, 
/**
 * One side.
 */
a: NearMissSide, 
/**
 * The other side.
 */
b: NearMissSide, };

/**
 * One side's account in a near miss.
 */
export type NearMissSide = { 
/**
 * The partner (or vendor) id.
 */
partner: string, 
/**
 * The account id.
 */
account: string, 
/**
 * The normalised domain.
 */
domain: string, };

/**
 * A joint objective: the metric's total up to `byMonth` should reach `target`.
 */
export type Objective = { 
/**
 * `bookings`, `revenue` or `share:<partnerId>`.
 */
metric: string, 
/**
 * The amount to reach.
 */
target?: Money | null, 
/**
 * The month by which to reach it (1..=horizonMonths).
 */
byMonth?: number | null, 
/**
 * Who is accountable.
 */
owner?: string | null, };

/**
 * An objective against the actuals.
 */
export type ObjectiveAudit = { 
/**
 * The metric.
 */
metric: string, 
/**
 * The target.
 */
target: Money, 
/**
 * The month.
 */
byMonth: number, 
/**
 * The last month counted (the latest reported month up to byMonth).
 */
throughMonth: number, 
/**
 * Actual total up to throughMonth.
 */
actual: Money, 
/**
 * Expected total up to throughMonth.
 */
expected: Money, 
/**
 * Status.
 */
status: ObjectiveStatus, };

/**
 * One objective at signing and now.
 */
export type ObjectiveForecast = { 
/**
 * The metric.
 */
metric: string, 
/**
 * The target.
 */
target: Money, 
/**
 * The month.
 */
byMonth: number, 
/**
 * The actual total over months 1..min(throughMonth, byMonth).
 */
actualToDate: Money, 
/**
 * P(target reached) in the plain simulation (when the plan was signed).
 */
atSigning: Probability, 
/**
 * P(target reached) conditioned on the actuals.
 */
now: Probability, 
/**
 * Expected total up to byMonth at signing.
 */
expectedAtSigning: Money, 
/**
 * Expected total up to byMonth now.
 */
expectedNow: Money, 
/**
 * On track, at risk or off track (by `now`).
 */
flag: TrackFlag, };

/**
 * An objective and the probability of reaching it.
 */
export type ObjectiveResult = { 
/**
 * The metric.
 */
metric: string, 
/**
 * The target.
 */
target: Money, 
/**
 * The month.
 */
byMonth: number, 
/**
 * P(total of the metric up to byMonth ≥ target).
 */
probability: number, 
/**
 * The expected total up to byMonth.
 */
expected: Money, };

/**
 * Where an objective stands.
 */
export type ObjectiveStatus = "met" | "onTrack" | "offTrack" | "missed";

/**
 * What is sold.
 */
export type Offer = { "kind": "oneTime", } | { "kind": "subscription", 
/**
 * Months of one term.
 */
termMonths: number, 
/**
 * Probability that a customer leaves after a month, 0..1.
 */
monthlyChurn: number, 
/**
 * Probability of renewing at the end of a term, 0..1 (default 0).
 */
renewalRate: number, } | { "kind": "consumption", 
/**
 * Months of one term.
 */
termMonths: number, 
/**
 * Growth per month (0.02 = 2 %), > −1.
 */
monthlyGrowth: number, 
/**
 * Probability that a customer leaves after a month, 0..1.
 */
monthlyChurn: number, 
/**
 * Probability of renewing at the end of a term, 0..1 (default 0).
 */
renewalRate: number, };

/**
 * One pair of partners with shared accounts.
 */
export type OverlapPair = { 
/**
 * The partner id that sorts first.
 */
a: string, 
/**
 * The other partner id.
 */
b: string, 
/**
 * Number of shared accounts.
 */
shared: number, 
/**
 * |A ∩ B| / |A ∪ B|.
 */
jaccard: number, 
/**
 * The shared accounts (hashes when `hashed`), sorted.
 */
accounts?: Array<string> | null, };

/**
 * `overlap` request.
 */
export type OverlapRequest = { 
/**
 * The partners and their accounts.
 */
ecosystem: EcosystemData, 
/**
 * Compare and report salted SHA-256 hashes instead of raw account ids.
 */
hashed?: boolean, 
/**
 * Salt for the hashes (required when `hashed`).
 */
salt?: string | null, 
/**
 * Only pairs sharing at least this many accounts (default 1).
 */
minShared?: number | null, 
/**
 * At most this many pairs, best first (default all).
 */
limit?: number | null, 
/**
 * List the shared accounts of each pair (default true).
 */
includeAccounts?: boolean | null, };

/**
 * `overlap` response.
 */
export type OverlapResponse = { 
/**
 * Pairs by shared count descending, then Jaccard descending, then ids.
 */
pairs: Array<OverlapPair>, };

/**
 * A standalone bonus of a pair in the `additiveSynergy` game.
 */
export type PairBonus = { 
/**
 * One member.
 */
a: string, 
/**
 * The other member.
 */
b: string, 
/**
 * Extra value when both are in the coalition (may be negative).
 */
bonus: Money, };

/**
 * A member pair.
 */
export type PairBreakdown = { 
/**
 * Smaller id.
 */
a: string, 
/**
 * Larger id.
 */
b: string, 
/**
 * Pair score (SPEC §3).
 */
score: number, 
/**
 * The two are in channel conflict.
 */
conflict: boolean, };

/**
 * Joint deals and wins of a pair of partners.
 */
export type PairHistory = { 
/**
 * Partner id that sorts first.
 */
a: string, 
/**
 * The other partner id.
 */
b: string, 
/**
 * Deals together.
 */
deals: number, 
/**
 * Of those, won.
 */
wins: number, };

/**
 * A partner company.
 */
export type Partner = { 
/**
 * Unique id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * isv, si, reseller, msp, referral, consultancy, distributor or any string.
 */
kind: string, 
/**
 * One of the ecosystem's tiers.
 */
tier?: string | null, 
/**
 * Capability levels in 0..1.
 */
capabilities?: { [key in string]: number }, 
/**
 * Industries served.
 */
industries?: Array<string>, 
/**
 * Regions served.
 */
regions?: Array<string>, 
/**
 * Certifications held.
 */
certifications?: Array<string>, 
/**
 * Numeric metrics such as winRate, avgDealSize, salesCycleDays, psat, cltv, cac.
 */
metrics?: { [key in string]: number }, 
/**
 * The partner's accounts (for reach, overlap and the §14 account map): bare ids
 * (customers) or records with a population.
 */
accounts?: Array<PartnerAccount>, 
/**
 * Cost to serve.
 */
costToServe?: Money | null, };

/**
 * One account of a partner (or of the vendor).
 */
export type PartnerAccount = string | AccountRecord;

/**
 * One partner's accounts as tab-separated text.
 */
export type PartnerColumns = { 
/**
 * The partner's id (unique, non-empty).
 */
id: string, 
/**
 * The header line, then one account per line (module docs).
 */
accounts: string, };

/**
 * One partner in one month (or in total).
 */
export type PartnerFigures = { 
/**
 * The partner's share of the recognised revenue.
 */
share: MoneyStats, 
/**
 * The partner's investment (deterministic: the same in every trial).
 */
cost: Money, 
/**
 * ROPI of the cumulative share and investment up to this month; absent when
 * nothing has been invested yet.
 */
ropi?: RatioStats | null, 
/**
 * The partner's incentive ledger in the month (SPEC §13); only with `incentives`.
 */
payouts?: PayoutStats | null, };

/**
 * Partners as a list of them shows each, column by column: one list per field, item `i` of
 * each for the same partner ([`EcosystemIndex::list_in`]). Text ready to show, so a page
 * of 100,000 partners costs a few lists of strings instead of an object, a map and a list
 * per partner.
 */
export type PartnerList = { 
/**
 * Ids.
 */
ids: Array<string>, 
/**
 * Display names.
 */
names: Array<string>, 
/**
 * Kinds.
 */
kinds: Array<string>, 
/**
 * Tiers (`null` for a partner without one).
 */
tiers: Array<string | null>, 
/**
 * Regions, as "emea, uki" ("" for none); empty when the list was asked for without text.
 */
regions: Array<string>, 
/**
 * The three strongest capabilities, as "cloud 80%, ai 71%, data 31%": strongest first,
 * equal levels by key, each level a whole percentage as `Intl.NumberFormat` writes it
 * ("" for none); empty when the list was asked for without text.
 */
capabilities: Array<string>, };

/**
 * A partner's profitability: to date from the actuals, and expected at the horizon.
 */
export type PartnerProfit = { 
/**
 * Partner id.
 */
partnerId: string, 
/**
 * Its part of the actual revenue through the split, months 1..throughMonth.
 */
shareToDate: Money, 
/**
 * Its costs in months 1..throughMonth (the actual costs; the plan's investment for
 * a month without a reported cost).
 */
costsToDate: Money, 
/**
 * shareToDate − costsToDate.
 */
profitToDate: Money, 
/**
 * Expected share over the horizon, conditioned on the actuals.
 */
expectedShare: Money, 
/**
 * costsToDate + the plan's investment in the remaining months.
 */
expectedInvestment: Money, 
/**
 * expectedShare − expectedInvestment.
 */
expectedProfit: Money, 
/**
 * Expected profit over the horizon at signing (share mean − planned investment).
 */
expectedProfitAtSigning: Money, };

/**
 * A partner's totals over the horizon.
 */
export type PartnerTotals = { 
/**
 * Share of the revenue.
 */
share: MoneyStats, 
/**
 * Investment over the horizon.
 */
investment: Money, 
/**
 * (share − investment) / investment; absent when the investment is zero.
 */
ropi?: RatioStats | null, 
/**
 * Payback month.
 */
payback: Payback, 
/**
 * The partner's incentive ledger over the horizon (SPEC §13); only with `incentives`.
 */
payouts?: PayoutStats | null, };

/**
 * The payback month over the trials.
 */
export type Payback = { 
/**
 * Share of trials that pay back within the horizon.
 */
probability: number, 
/**
 * Mean payback month over the trials that pay back.
 */
mean?: number | null, 
/**
 * Quantiles over all trials; `null` when the quantile falls on "never".
 */
p5?: number | null, 
/**
 * Median (`null`: more than half the trials never pay back).
 */
p50?: number | null, 
/**
 * 95th percentile.
 */
p95?: number | null, };

/**
 * A partner's ledger over the trials, one month (flows of the month, balances at its
 * end) or the horizon (flows summed, balances at the end). For totals,
 * `earned = paid + held + clawedBack + balance` holds for the means exactly.
 */
export type PayoutStats = { 
/**
 * Rewards earned.
 */
earned: MoneyStats, 
/**
 * Cash paid out.
 */
paid: MoneyStats, 
/**
 * Earned but not yet payable (hold, later instalments).
 */
held: MoneyStats, 
/**
 * Rewards reversed by clawbacks.
 */
clawedBack: MoneyStats, 
/**
 * Payable but not paid: below the minimum payout, or negative after a clawback.
 */
balance: MoneyStats, 
/**
 * MDF cash: reimbursements received less contributions and claimed spend.
 */
mdfCash: MoneyStats, };

/**
 * The pipeline model of SPEC §6.
 */
export type Pipeline = { 
/**
 * Mean opportunities opened per month: a number, or one per month (a ramp; months
 * after the last entry use the last entry).
 */
opportunitiesPerMonth: Rate, 
/**
 * Probability that an opportunity is won, 0..1.
 */
winProbability: number, 
/**
 * Deal size (contract value of one term).
 */
dealSize: DealSize, 
/**
 * Days from opening to closing.
 */
salesCycleDays: Triangular, };

/**
 * The pipeline and sales cycle the partners commit to.
 */
export type PipelineRequirements = { 
/**
 * Qualified opportunities to open per month.
 */
opportunitiesPerMonth?: number | null, 
/**
 * Pipeline value to hold open.
 */
pipelineValue?: Money | null, 
/**
 * The sales cycle the partners aim for, in days.
 */
maxSalesCycleDays?: number | null, 
/**
 * Anything else, in words.
 */
notes?: string | null, };

/**
 * A joint plan: partners, offer, pipeline, split, horizon, objectives and the
 * agreement's governance terms.
 */
export type Plan = { 
/**
 * Plan id.
 */
id?: string | null, 
/**
 * Plan name (the agreement's title).
 */
name?: string | null, 
/**
 * ISO 4217 currency of every amount of the plan.
 */
currency?: Currency | null, 
/**
 * Decimal places of money (default: the currency's minor units).
 */
minorUnits?: number | null, 
/**
 * Months simulated, 1..=600.
 */
horizonMonths?: number | null, 
/**
 * The partners of the plan.
 */
partners: Array<PlanPartner>, 
/**
 * The name of the person who leads the opportunity.
 */
opportunityLead?: string | null, 
/**
 * What is sold and how revenue is recognised.
 */
offer?: Offer | null, 
/**
 * How rewards are earned and paid out over time (SPEC §13).
 */
incentives?: Incentives | null, 
/**
 * Where the deals come from.
 */
pipeline?: Pipeline | null, 
/**
 * How revenue is divided among the partners (a `split` request of SPEC §10
 * without amount, currency and members; the members are the plan's partners).
 */
split?: JsonValue | null, 
/**
 * How recurring revenue is paid out, in words.
 */
remuneration?: Remuneration | null, 
/**
 * Joint objectives.
 */
objectives: Array<Objective>, 
/**
 * How success is measured, in words (one item per measure).
 */
successMeasures: Array<string>, 
/**
 * The pipeline and sales cycle the partners commit to.
 */
pipelineRequirements?: PipelineRequirements | null, 
/**
 * Who oversees the collaboration.
 */
governance?: Governance | null, 
/**
 * How disputes are settled.
 */
mediation?: Mediation | null, 
/**
 * Exclusivity terms.
 */
exclusivity?: Exclusivity | null, 
/**
 * Shared values, in words (optional).
 */
values?: string | null, 
/**
 * Long-term vision, in words (optional).
 */
vision?: string | null, 
/**
 * Intellectual property, liability and term (SPEC §15).
 */
legal?: Legal | null, 
/**
 * What customer data is shared, how, and who may see it (SPEC §15).
 */
dataSharing?: DataSharing | null, 
/**
 * Rules of engagement and the kind of collaboration (SPEC §15).
 */
engagement?: Engagement | null, 
/**
 * The customer's one named point of contact (SPEC §15).
 */
customerContact?: string | null, 
/**
 * Who runs delivery (SPEC §15).
 */
projectManager?: string | null, 
/**
 * Pre-sales training and support committed (SPEC §15).
 */
enablement?: Enablement | null, 
/**
 * How the partners' brands may be used (SPEC §15).
 */
branding?: Branding | null, 
/**
 * How the plan is audited against reality (SPEC §15).
 */
audit?: PlanAudit | null, };

/**
 * How the plan is audited against reality (SPEC §15): the probability thresholds that
 * flag an objective on track, at risk or off track in the audit's re-forecast.
 */
export type PlanAudit = { 
/**
 * An objective whose probability now is at least this is on track (default 0.7).
 */
onTrackAbove?: number | null, 
/**
 * An objective whose probability now is below this is off track (default 0.3);
 * in between it is at risk.
 */
offTrackBelow?: number | null, 
/**
 * How often actual results are compared with the plan (e.g. "quarterly"); the
 * `audit.cadence` rule asks for it.
 */
cadence?: string | null, };

/**
 * A partner of a plan.
 */
export type PlanPartner = { 
/**
 * Unique id (the split's member id).
 */
id: string, 
/**
 * Company name.
 */
name: string, 
/**
 * Role in the collaboration (isv, si, …).
 */
role?: string | null, 
/**
 * True for the lead partner.
 */
lead: boolean, 
/**
 * The named partnership manager.
 */
manager?: string | null, 
/**
 * The partner's investment commitment.
 */
investments?: Investments | null, };

/**
 * `predict` request.
 */
export type PredictRequest = { 
/**
 * A model from `train`.
 */
model: WinModel, 
/**
 * Teams to score.
 */
teams: Array<TeamFeatures>, };

/**
 * `predict` response.
 */
export type PredictResponse = { 
/**
 * One per team, in order.
 */
predictions: Array<Prediction>, };

/**
 * One prediction with its explanation.
 */
export type Prediction = { 
/**
 * Win probability.
 */
probability: number, 
/**
 * Log-odds contribution of each feature relative to an average training deal.
 */
contributions: { [key in string]: number }, 
/**
 * False when the model has no skill and the base rate is returned.
 */
fromModel: boolean, };

/**
 * A probability written with 12 significant digits.
 */
export type Probability = number;

/**
 * An Ideal Partner Profile.
 */
export type Profile = { 
/**
 * Unique id.
 */
id: string, 
/**
 * Display name.
 */
name: string, 
/**
 * The role partners of this profile play in a team.
 */
role?: string | null, 
/**
 * Hard eligibility clauses.
 */
require?: Require | null, 
/**
 * Weighted scoring criteria.
 */
criteria: Array<Criterion>, };

/**
 * The calibration of one profile.
 */
export type ProfileCalibration = { 
/**
 * The profile's id.
 */
profileId: string, 
/**
 * Deals scored: those with at least one partner.
 */
deals: number, 
/**
 * Of those, won.
 */
wins: number, 
/**
 * Deals left out because no partner was on them.
 */
unscored: number, 
/**
 * AUC of the deal fit (mean fit of its partners) for telling wins from losses:
 * the chance that a won deal has a higher fit than a lost one (null when one
 * class is missing).
 */
auc: number | null, 
/**
 * The AUC in one word.
 */
verdict: Verdict, 
/**
 * The verdict in a plain sentence.
 */
summary: string, 
/**
 * Per criterion, in the profile's order.
 */
criteria: Array<CriterionCalibration>, 
/**
 * Whether the suggested weights showed skill on later deals, and the check itself.
 */
suggestion: WeightSuggestion, };

/**
 * A symmetry or dummy check.
 */
export type PropertyCheck = { 
/**
 * Groups of interchangeable players (symmetry) or the dummy players (one group).
 */
players: Array<Array<string>>, 
/**
 * Whether the split treats them accordingly (equal parts; dummy gets its own value).
 */
respected: boolean, };

/**
 * One account of a side: a bare string (the account, a customer) or an object with its
 * population. It is matched by its normalised domain when it has one, else by its
 * normalised name (`name`, else `account`).
 */
export type PsiAccount = string | PsiAccountFull;

/**
 * An account with its population (SPEC §14; the money value is not exchanged).
 */
export type PsiAccountFull = { 
/**
 * The account's id or name as the side knows it.
 */
account: string, 
/**
 * `customer` (default), `prospect`, `opportunity` or a custom population.
 */
status?: string | null, 
/**
 * Pipeline value; accepted for the shape of §14 but never sent to the other side.
 */
value?: unknown, 
/**
 * The account's web domain (`acme.com`, `https://www.acme.com/about`).
 */
domain?: string | null, 
/**
 * The company name, when `account` is an id.
 */
name?: string | null, };

/**
 * `psiAssemble` request: one step (exactly one of `start`, `reply`, `finish`) put together
 * from `psiBlind` slices, giving the same message, state and result as the step alone.
 */
export type PsiAssembleRequest = { 
/**
 * Step 1 (A).
 */
start?: PsiStartRequest | null, 
/**
 * Step 2 (B).
 */
reply?: PsiReplyRequest | null, 
/**
 * A's last step (B's needs no slices: call `psiFinish`).
 */
finish?: PsiFinishRequest | null, 
/**
 * Steps 1 and 2 without a `seed`: the secret the slices were blinded with (32 bytes,
 * base64, from the system's cryptographic randomness).
 */
secret?: string | null, 
/**
 * The slices, in order: of the step's `accounts` (steps 1 and 2), or of the answer's
 * points, group after group, unblinded (A's last step).
 */
blinded?: Array<string>, 
/**
 * Step 2: the slices of the first message's points blinded again, group after group.
 */
theirs?: Array<string>, };

export type PsiAssembleResponse = PsiAssembled;

/**
 * `psiAssemble` response: the step's own response.
 */
export type PsiAssembled = PsiStepResponse | PsiFinishResponse;

/**
 * `psiBlind` request: one slice of a step's scalar multiplications, so a side's work can be
 * spread over several threads (Web Workers) and put together with `psiAssemble`. The secret
 * comes from exactly one of `seed`, `secret` and `state`; the work is either `accounts`
 * (hashed to the group and blinded: steps 1 and 2) or a range of `points` (blinded again by
 * B in step 2, or unblinded by A with `inverse` in its last step).
 */
export type PsiBlindRequest = { 
/**
 * As in `psiStart`: only for tests and demos.
 */
seed?: string | null, 
/**
 * The side's 32-byte secret, base64 (the one given to `psiAssemble`).
 */
secret?: string | null, 
/**
 * The side's `state` (for A's last step).
 */
state?: string | null, 
/**
 * Accounts to blind, in the order of the step's request: one point each (32 zero bytes
 * for an account the step leaves out).
 */
accounts?: Array<PsiAccount>, 
/**
 * Compressed points (a message group's `points`, base64) to blind again or unblind.
 */
points?: string | null, 
/**
 * Where `points` came from, for errors (`message.body.groups[0].points`).
 */
path?: string | null, 
/**
 * First point of `points` to take (default 0).
 */
from?: number | null, 
/**
 * One past the last point to take (default: to the end).
 */
to?: number | null, 
/**
 * Unblind (multiply by the inverse of the blinding scalar): A's last step.
 */
inverse?: boolean, };

/**
 * `psiBlind` response.
 */
export type PsiBlindResponse = { 
/**
 * The slice's points, compressed, concatenated, base64.
 */
points: string, };

/**
 * The content of a message; which fields are present depends on the step.
 */
export type PsiBody = { 
/**
 * Steps 1 and 2: the sender's public key for the message binding.
 */
publicKey?: string | null, 
/**
 * Steps 1 and 2: the sender's sharing level.
 */
sharing?: PsiSharing | null, 
/**
 * Step 1: A's blinded accounts; step 2: the same, blinded again by B (same groups,
 * shuffled within each group unless both sides chose `overlaps`).
 */
groups?: Array<PsiGroup>, 
/**
 * Step 2: the digest of the step-1 message B answers.
 */
answers?: string | null, 
/**
 * Step 2: B's accounts, shuffled: 16-byte tags, concatenated, base64.
 */
tags?: string | null, 
/**
 * Step 2: B's populations, each readable only for a shared account: 32 bytes per tag.
 */
labels?: string | null, 
/**
 * Step 3: the counts, from A's side (`mine` is A's population).
 */
counts?: Array<PsiCount>, 
/**
 * Step 3 with `overlaps`: the tags of B's shared accounts, concatenated, base64.
 */
sharedTags?: string | null, 
/**
 * Step 3 with `overlaps`: A's population of each shared tag, in the same order.
 */
sharedPopulations?: Array<string>, 
/**
 * Step 3: the number of distinct accounts on A's side.
 */
size?: number | null, };

/**
 * Shared accounts of one population pair.
 */
export type PsiCount = { 
/**
 * This side's population.
 */
mine: string, 
/**
 * The other side's population.
 */
theirs: string, 
/**
 * Number of shared accounts.
 */
shared: number, };

/**
 * `psiFinish` request: either side's last step, with its own state and the other
 * side's latest message.
 */
export type PsiFinishRequest = { 
/**
 * The `state` this side got from `psiStart` or `psiReply`.
 */
state: string, 
/**
 * The other side's message (step 2 for A, step 3 for B).
 */
message: PsiMessage, };

/**
 * `psiFinish` response.
 */
export type PsiFinishResponse = { 
/**
 * What this side learnt.
 */
result: PsiResult, 
/**
 * For A: the message that gives B the same counts (send it); absent for B.
 */
message?: PsiMessage | null, };

/**
 * The blinded accounts of one population of A.
 */
export type PsiGroup = { 
/**
 * A's population.
 */
population: string, 
/**
 * Compressed Ristretto255 points (32 bytes each), concatenated, base64.
 */
points: string, };

/**
 * A message between the two sides: JSON whose binary fields are base64. `mac` binds the
 * protocol, the exchange id, the step and the body (docs/psi.md).
 */
export type PsiMessage = { 
/**
 * Always `dealteam-psi/1`.
 */
protocol: string, 
/**
 * The exchange's id (16 random bytes, base64).
 */
exchangeId: string, 
/**
 * 1 (A's blinded accounts), 2 (B's answer) or 3 (A's counts for B).
 */
step: number, 
/**
 * The step's content.
 */
body: PsiBody, 
/**
 * Step 1: SHA-512/256 of the rest (no key is shared yet); steps 2 and 3: HMAC-SHA-512/256
 * under the key both sides derive from their Diffie–Hellman exchange.
 */
mac: string, };

/**
 * `psiReply` request: the side that answers ("B").
 */
export type PsiReplyRequest = { 
/**
 * This side's accounts.
 */
accounts: Array<PsiAccount>, 
/**
 * The other side's first message (from `psiStart`).
 */
message: PsiMessage, 
/**
 * What this side agrees to reveal (default `counts`).
 */
sharing?: PsiSharing | null, 
/**
 * As in `psiStart`: only for tests and demos.
 */
seed?: string | null, };

export type PsiReplyResponse = PsiStepResponse;

/**
 * The outcome of an exchange, from one side's point of view.
 */
export type PsiResult = { 
/**
 * The exchange's id.
 */
exchangeId: string, 
/**
 * The sharing level used (the lesser of the two sides').
 */
sharing: PsiSharing, 
/**
 * Distinct accounts on this side.
 */
myAccounts: number, 
/**
 * Distinct accounts on the other side.
 */
theirAccounts: number, 
/**
 * Shared accounts in all.
 */
shared: number, 
/**
 * Shared accounts per (my population, their population), sorted; pairs with none left out.
 */
counts: Array<PsiCount>, 
/**
 * With `overlaps`: the shared accounts as this side names them, sorted.
 */
accounts?: Array<PsiShared> | null, 
/**
 * Accounts of this side left out (duplicate or without a usable name), with why.
 */
skipped: Array<PsiSkipped>, };

/**
 * One shared account (sharing level `overlaps`).
 */
export type PsiShared = { 
/**
 * The account as this side names it.
 */
account: string, 
/**
 * This side's population.
 */
mine: string, 
/**
 * The other side's population.
 */
theirs: string, };

/**
 * How much the two sides agree to reveal: `counts` (numbers per population pair only) or
 * `overlaps` (also the shared accounts). The exchange uses the lesser of the two.
 * (`PsiSharing` in TypeScript: the account map's `Sharing` has a third level.)
 */
export type PsiSharing = "counts" | "overlaps";

/**
 * An account left out of the exchange.
 */
export type PsiSkipped = { 
/**
 * Where it is in the request (`accounts[4]`).
 */
path: string, 
/**
 * Why.
 */
message: string, };

/**
 * `psiStart` request: the side that opens the exchange ("A").
 */
export type PsiStartRequest = { 
/**
 * This side's accounts.
 */
accounts: Array<PsiAccount>, 
/**
 * What this side agrees to reveal (default `counts`).
 */
sharing?: PsiSharing | null, 
/**
 * Only for tests and reproducible demos: derives the secret from this text. Omit it
 * in real use — the secret then comes from the system's cryptographic randomness.
 */
seed?: string | null, };

export type PsiStartResponse = PsiStepResponse;

/**
 * `psiStart` / `psiReply` response.
 */
export type PsiStepResponse = { 
/**
 * The exchange's id (both sides see the same).
 */
exchangeId: string, 
/**
 * Send this to the other side.
 */
message: PsiMessage, 
/**
 * Keep this to yourself (it holds your secret and your accounts); pass it to
 * `psiFinish`.
 */
state: string, };

/**
 * Options of [`crate::rank::EcosystemIndex::rank`] (the facade's `eco.rank(profile, opts)`).
 */
export type RankOptions = { 
/**
 * How many rows to return (default 100; 0 = every partner).
 */
limit?: number | null, 
/**
 * Include the per-criterion breakdown of each row (default true).
 */
explain?: boolean | null, };

/**
 * `rank` request: `{ecosystem, profile, limit?, explain?}`.
 */
export type RankRequest = { 
/**
 * The partners to rank.
 */
ecosystem: EcosystemData, 
/**
 * The Ideal Partner Profile to rank them against.
 */
profile: Profile, 
/**
 * How many rows to return (default 100; 0 = every partner).
 */
limit?: number | null, 
/**
 * Include the per-criterion breakdown of each row (default true).
 */
explain?: boolean | null, };

/**
 * `rank` response: the ranked rows, best first.
 */
export type RankResponse = { 
/**
 * Eligible partners first, then fit descending, near-ties by id (SPEC §2).
 */
results: Array<RankedPartner>, };

/**
 * One ranked partner.
 */
export type RankedPartner = { 
/**
 * The partner's id.
 */
partnerId: string, 
/**
 * `Σ wᵢ·sᵢ / Σ wᵢ` (SPEC §2).
 */
fit: number, 
/**
 * Every `require` clause holds.
 */
eligible: boolean, 
/**
 * The names of the failed `require` clauses (`kinds`, `minTier`, `capabilitiesMin.cloud`, …).
 * Read-only in JS: with `explain: false` the rows that failed the same clauses share
 * one frozen array (copy it to change it).
 */
failed: ReadonlyArray<string>, 
/**
 * Per criterion: score, weight and share of the fit (absent with `explain: false`).
 */
breakdown?: Array<CriterionShare> | null, };

/**
 * A constant rate or one per month.
 */
export type Rate = number | Array<number>;

/**
 * `percent` of a customer's revenue in its months `fromMonth..=toMonth` since booking
 * (month 1 is the booking month; no `toMonth`: to the end).
 */
export type RateBracket = { 
/**
 * First month since booking, ≥ 1.
 */
fromMonth: number, 
/**
 * Last month since booking (inclusive); absent: no end.
 */
toMonth?: number | null, 
/**
 * Percent of the revenue, 0..=100.
 */
percent: number, };

/**
 * A commission schedule and/or bounty for one partner (`partner`) or every partner of
 * a role (`role`); a partner's own rule wins over its role's.
 */
export type RateRule = { 
/**
 * Partner id.
 */
partner?: string | null, 
/**
 * Role (every partner with this role).
 */
role?: string | null, 
/**
 * Brackets over the customer's months since booking, in order, not overlapping.
 */
schedule: Array<RateBracket>, 
/**
 * A one-time reward per booking, earned in the booking month.
 */
bounty?: Money | null, };

/**
 * Mean and quantiles of a ratio over the trials.
 */
export type RatioStats = { 
/**
 * Mean.
 */
mean: number, 
/**
 * 5th percentile.
 */
p5: number, 
/**
 * Median.
 */
p50: number, 
/**
 * 95th percentile.
 */
p95: number, };

/**
 * The re-forecast of the audit.
 */
export type Reforecast = { 
/**
 * The latest reported month k: months 1..k are the actuals, k+1.. are simulated
 * (0 when nothing is reported).
 */
throughMonth: number, 
/**
 * The thresholds of the flags.
 */
thresholds: TrackThresholds, 
/**
 * Every objective, in plan order.
 */
objectives: Array<ObjectiveForecast>, 
/**
 * Every partner, in plan order.
 */
partners: Array<PartnerProfit>, 
/**
 * Month by month over the horizon.
 */
months: Array<ForecastMonth>, };

/**
 * `register` request.
 */
export type RegisterRequest = { 
/**
 * Existing registrations.
 */
registry?: Array<Registration>, 
/**
 * The new registration (or give an `action`).
 */
registration?: Registration | null, 
/**
 * A lifecycle action on the registry instead of a new registration.
 */
action?: Action | null, 
/**
 * Program rules; giving them (or an action, or a status) turns on the lifecycle.
 */
rules?: Rules | null, 
/**
 * The plan's incentives: a refused partner's commission schedule prices the
 * referral suggested in the conflict report.
 */
incentives?: Incentives | null, 
/**
 * Today (YYYY-MM-DD); default: the new registration's `registeredAt`.
 */
now?: string | null, 
/**
 * Protection window in days for registrations without `expiresAt` (default 90).
 */
protectionDays?: number | null, };

/**
 * `register` response.
 */
export type RegisterResponse = { 
/**
 * Whether the new registration was accepted.
 */
accepted: boolean, 
/**
 * Why not, when refused.
 */
conflict?: Conflict | null, 
/**
 * The registry afterwards (with the new registration when accepted).
 */
registry: Array<Registration>, 
/**
 * Every conflict among the registry's active registrations (the ecosystem view).
 */
conflicts: Array<Conflict>, 
/**
 * Lifecycle: the reason code of a refusal (`conflict`, `duplicate`, `max_active`).
 */
reason?: string | null, 
/**
 * Lifecycle: a sentence on the decision, for people.
 */
message?: string | null, 
/**
 * Lifecycle: ids of the registrations whose status this request changed.
 */
changed?: Array<string>, };

/**
 * One deal registration.
 */
export type Registration = { 
/**
 * Unique id within the registry.
 */
id: string, 
/**
 * The registering partner.
 */
partnerId: string, 
/**
 * The customer account.
 */
account: string, 
/**
 * The product; a registration without one covers every product of the account.
 */
product?: string | null, 
/**
 * Expected deal value.
 */
value?: Money | null, 
/**
 * Day of registration (YYYY-MM-DD).
 */
registeredAt: string, 
/**
 * Last protected day (inclusive); default `registeredAt` + `protectionDays` − 1.
 */
expiresAt?: string | null, 
/**
 * The account's domain (matched on with `matchBy: "domain"`).
 */
domain?: string | null, 
/**
 * The account's company name (matched on with `matchBy: "name"`).
 */
name?: string | null, 
/**
 * Lifecycle status (SPEC §14); absent: protected for its window, as in §8.
 */
status?: Status | null, 
/**
 * Every change of status, oldest first.
 */
history?: Array<Transition>, };

/**
 * An unordered pair of partners.
 */
export type Relationship = { 
/**
 * One partner id.
 */
a: string, 
/**
 * The other partner id.
 */
b: string, 
/**
 * Deals done together.
 */
jointDeals?: number | null, 
/**
 * Of those, won.
 */
jointWins?: number | null, 
/**
 * Trust in -1..1; overrides the joint history.
 */
trust?: number | null, 
/**
 * The two are in channel conflict.
 */
conflict?: boolean, };

/**
 * How recurring revenue is paid out.
 */
export type Remuneration = { 
/**
 * How recurring (subscription, renewal, consumption) revenue is shared, in words.
 */
recurring?: string | null, 
/**
 * Payment terms and anything else, in words.
 */
notes?: string | null, };

/**
 * Hard clauses; a partner failing one is still scored but not eligible.
 */
export type Require = { 
/**
 * The partner's kind is one of these.
 */
kinds?: Array<string> | null, 
/**
 * The partner's tier is at least this one.
 */
minTier?: string | null, 
/**
 * The partner serves at least one of these regions.
 */
regionsAny?: Array<string> | null, 
/**
 * The partner serves at least one of these industries.
 */
industriesAny?: Array<string> | null, 
/**
 * The partner holds all of these certifications.
 */
certificationsAll?: Array<string> | null, 
/**
 * Minimum capability levels.
 */
capabilitiesMin?: { [key in string]: number } | null, 
/**
 * Minimum metric values (a missing metric fails).
 */
metricsMin?: { [key in string]: number } | null, 
/**
 * Maximum metric values (a missing metric fails).
 */
metricsMax?: { [key in string]: number } | null, };

/**
 * A capability the deal needs.
 */
export type Requirement = { 
/**
 * Capability key.
 */
capability: string, 
/**
 * Weight, > 0.
 */
weight: number, 
/**
 * Level that counts as full coverage (default 1).
 */
target?: number | null, };

/**
 * Who receives what is left after the commissions of a `tiered` split: exactly one
 * of `to` (one member) or `shares` (weights by member).
 */
export type Residual = { 
/**
 * The member who receives the residual.
 */
to?: string | null, 
/**
 * Weights by member for the residual.
 */
shares?: { [key in string]: number } | null, };

/**
 * An f64 written rounded to 12 significant digits.
 */
export type Rounded = number;

/**
 * The vendor's program rules.
 */
export type Rules = { 
/**
 * Days a registration protects its account, the registration day included (90).
 */
protectionDays?: number | null, 
/**
 * Open registrations one partner may hold at once.
 */
maxActivePerPartner?: number | null, 
/**
 * Days the vendor has to approve a submitted registration, the registration day
 * included; after them it expires (`expired_acceptance`).
 */
acceptByDays?: number | null, 
/**
 * How accounts are matched (`id`).
 */
matchBy: MatchBy, };

/**
 * A generated sample: what `dealteam sample` prints.
 */
export type Sample = { 
/**
 * The partners and their relationships.
 */
ecosystem: EcosystemData, 
/**
 * Ideal Partner Profiles; `profiles[0]` (`cloud-si`) has 9 criteria and 2 require clauses.
 */
profiles: Array<Profile>, 
/**
 * A three-slot deal over the profiles.
 */
deal: Deal, };

/**
 * Weights of the team score (SPEC §3).
 */
export type ScoreWeights = { 
/**
 * Weight of coverage (default 0.5).
 */
coverage?: number, 
/**
 * Weight of fit (default 0.3).
 */
fit?: number, 
/**
 * Weight of synergy (default 0.2).
 */
synergy?: number, 
/**
 * Weight of the best member's access to the deal's `accounts` (SPEC §14; default 0:
 * the score is unchanged).
 */
access?: number, };

/**
 * Search mode.
 */
export type SearchMode = "exact";

/**
 * How serious a finding is.
 */
export type Severity = "error" | "warning";

/**
 * One shared account: a's record and b's record that match.
 */
export type SharedAccount = { 
/**
 * a's account id.
 */
a: string, 
/**
 * b's account id.
 */
b: string, 
/**
 * a's name for the company.
 */
name: string, 
/**
 * `domain` or `name`.
 */
matchedBy: MatchedBy, 
/**
 * The normalised domain or name they share.
 */
key: string, 
/**
 * a's population for the account.
 */
aStatus: string, 
/**
 * b's population for the account.
 */
bStatus: string, 
/**
 * a's value of the account (`full` only).
 */
aValue?: Money | null, 
/**
 * b's value of the account (`full` only).
 */
bValue?: Money | null, };

/**
 * How much of the overlap a result shows (SPEC §14 sharing levels).
 */
export type Sharing = "counts" | "overlaps" | "full";

/**
 * Progress of a stepped simulation.
 */
export type SimProgress = { 
/**
 * All trials are done (or the run was cancelled).
 */
done: boolean, 
/**
 * trialsDone / trials, 0..1.
 */
progress: number, 
/**
 * Trials finished so far.
 */
trialsDone: number, 
/**
 * Trials requested.
 */
trials: number, };

/**
 * `simulate` request.
 */
export type SimulateRequest = { 
/**
 * The plan.
 */
plan: Plan, 
/**
 * Monte Carlo trials (default 10,000; at most 10,000,000).
 */
trials?: number, 
/**
 * Seed of the random streams (default 0).
 */
seed?: number, };

/**
 * `simulate` response.
 */
export type SimulateResponse = { 
/**
 * Trials summarised.
 */
trials: number, 
/**
 * The seed used.
 */
seed: number, 
/**
 * Currency of every amount.
 */
currency: Currency, 
/**
 * Month by month.
 */
months: Array<MonthFigures>, 
/**
 * Over the horizon.
 */
totals: Totals, 
/**
 * Per partner id, over the horizon.
 */
partners: { [key in string]: PartnerTotals }, 
/**
 * One per objective of the plan, in order.
 */
objectives: Array<ObjectiveResult>, };

/**
 * An account left out of matching, with where it is and why.
 */
export type SkippedAccount = { 
/**
 * Where: `ecosystem.partners[3].accounts[7].domain`, `vendor.accounts[0].name`, ….
 */
path: string, 
/**
 * `invalid_domain`, `empty_name` or `duplicate_account`.
 */
code: string, 
/**
 * What to change.
 */
message: string, };

/**
 * A team slot.
 */
export type Slot = { 
/**
 * Role name; partners of this kind may fill a slot without profile.
 */
role: string, 
/**
 * Profile whose `require` a member must meet (and whose fit counts).
 */
profile?: string | null, 
/**
 * Fewest members.
 */
min: number, 
/**
 * Most members.
 */
max: number, };

/**
 * Which rule divides the amount.
 */
export type SplitModel = "fixed" | "tiered" | "contribution" | "shapley" | "banzhaf" | "nucleolus" | "prenucleolus" | "myerson" | "owen" | "compare";

/**
 * The `split` request (SPEC §10).
 */
export type SplitRequest = { 
/**
 * The amount to divide (negative for refunds and clawbacks).
 */
amount: Money, 
/**
 * Its currency.
 */
currency: Currency, 
/**
 * Member ids, in the order that breaks ties of §4.
 */
members: Array<string>, 
/**
 * The split model.
 */
model: SplitModel, 
/**
 * Partners (for the `coverage` and `winProbability` games).
 */
ecosystem?: EcosystemData | null, 
/**
 * The deal (for the `coverage` and `winProbability` games).
 */
deal?: Deal | null, 
/**
 * The coalition game (default `winProbability` when a deal is given).
 */
game?: GameSpec | null, 
/**
 * `fixed`: weights by member.
 */
shares?: { [key in string]: number } | null, 
/**
 * `fixed`: percentages by member, adding up to exactly 100.
 */
percent?: { [key in string]: Dec } | null, 
/**
 * `tiered`: role (schedule name) of each scheduled member.
 */
roles?: { [key in string]: string } | null, 
/**
 * `tiered`: commission brackets per role.
 */
schedules?: { [key in string]: Array<Bracket> } | null, 
/**
 * `tiered`: who receives the rest.
 */
residual?: Residual | null, 
/**
 * `myerson`: who can work with whom, as pairs of member ids (default: the
 * ecosystem's relationships without conflict).
 */
graph?: Array<Array<string>> | null, 
/**
 * `owen`: a priori unions (alliances), a partition of the members.
 */
unions?: Array<Array<string>> | null, 
/**
 * `compare`: the models to compare (default: every model that applies).
 */
models?: Array<SplitModel> | null, 
/**
 * Sampled Shapley: permutations (default 2,000, as 1,000 antithetic pairs).
 */
samples?: number | null, 
/**
 * Sampled Shapley: seed (default 0).
 */
seed?: number | null, };

/**
 * The `split` response: the requested model's result (for `compare`, the first
 * compared model that succeeded), plus every compared model side by side.
 */
export type SplitResponse = { 
/**
 * `compare` only: every compared model, in the order asked.
 */
comparison: Array<ModelResult> | null, 
/**
 * The model.
 */
model: SplitModel, 
/**
 * How the values were computed: `weights`, `percent`, `tiered`, `closedForm`,
 * `enumeration`, `sampling` or `marginal`.
 */
method: string, 
/**
 * One part per member, in the order of `members`.
 */
allocations: Array<Allocation>, 
/**
 * The fairness report.
 */
fairness: Fairness, 
/**
 * Permutations sampled (sampling only).
 */
samples: number | null, 
/**
 * `compare` only: why this model could not divide the amount (then `allocations` is empty).
 */
error: DealteamProblem | null, 
/**
 * Standard error of each member's sampled value (sampling only), by member id.
 */
stdErr: { [key in string]: number } | null, };

/**
 * Where a registration stands.
 */
export type Status = "submitted" | "approved" | "rejected" | "won" | "lost" | "expired" | "withdrawn";

/**
 * One team with its explanation.
 */
export type Team = { 
/**
 * Member ids, sorted.
 */
members: Array<string>, 
/**
 * Partner id → role of the slot it fills (the best assignment).
 */
slots: { [key in string]: string }, 
/**
 * Team score (SPEC §3), after conflict penalties.
 */
score: number, 
/**
 * Requirement coverage.
 */
coverage: number, 
/**
 * Mean fit of the members in profiled slots (1 if none).
 */
fit: number, 
/**
 * Mean pair score over all member pairs (0 for one member).
 */
synergy: number, 
/**
 * Conflicting member pairs (only under `conflicts: "penalize"`), each `[a, b]` sorted.
 */
conflicts: Array<[string, string]>, 
/**
 * Score subtracted for conflicts (`conflictPenalty` × conflicting pairs).
 */
penalty: number, 
/**
 * Per requirement (deal order): the level reached and the member reaching it.
 */
covers: Array<Cover>, 
/**
 * Per member (sorted by id): slot and fit.
 */
breakdown: Array<MemberBreakdown>, 
/**
 * Per member pair (sorted): pair score and conflict flag.
 */
pairs: Array<PairBreakdown>, 
/**
 * Win probability under the request's `winModel` (SPEC §9), when one is given.
 */
win?: Prediction | null, 
/**
 * The member with the best access to the deal's target accounts (SPEC §14), when
 * the deal names `accounts` and a member has one.
 */
access?: TeamAccess | null, };

/**
 * A member's access to one of the deal's target accounts (SPEC §14).
 */
export type TeamAccess = { 
/**
 * The member.
 */
partnerId: string, 
/**
 * Its account that is a target of the deal.
 */
account: string, 
/**
 * customer, opportunity or prospect.
 */
status: string, 
/**
 * 1, 0.7 or 0.4.
 */
level: number, 
/**
 * In words: "Beta has Acme as a customer".
 */
text: string, };

/**
 * A proposed team to score.
 */
export type TeamFeatures = { 
/**
 * Member partner ids.
 */
members?: Array<string>, 
/**
 * Roles of the members (their count of distinct roles is a feature).
 */
roles?: Array<string>, 
/**
 * Coverage (SPEC §3), if known.
 */
coverage?: number | null, 
/**
 * Fit, if known.
 */
fit?: number | null, 
/**
 * Synergy, if known.
 */
synergy?: number | null, };

/**
 * What [`crate::teams::TeamSearch::step`] reports.
 */
export type TeamProgress = { 
/**
 * The search finished (proved, or cancelled).
 */
done: boolean, 
/**
 * Estimated fraction of the search tree done, 0..1.
 */
progress: number, 
/**
 * Nodes explored so far.
 */
nodes: number, 
/**
 * Best team score found so far (absent before the first team).
 */
bestScore: number | null, 
/**
 * Upper bound on the score of any team not yet returned (absent when done).
 */
bound: number | null, };

/**
 * `teams` request: find the `k` best deal teams.
 */
export type TeamsRequest = { 
/**
 * The partners and their relationships.
 */
ecosystem: EcosystemData, 
/**
 * Profiles referenced by the deal's slots.
 */
profiles: Array<Profile>, 
/**
 * The opportunity: requirements, slots, constraints, weights.
 */
deal: Deal, 
/**
 * How many teams (default 10, at most [`MAX_K`]).
 */
k?: number | null, 
/**
 * Search mode (only `exact`, the default).
 */
mode?: SearchMode | null, 
/**
 * Wall-clock budget of [`crate::teams::TeamsCommand`] in ms (default
 * [`DEFAULT_TIME_LIMIT_MS`]); when it runs out the best teams found are returned
 * with `exact: false` and the proven `gap`.
 */
timeLimitMs?: number | null, 
/**
 * A trained win model (SPEC §9, from `train`): each team then carries its `win`
 * probability with the features' contributions.
 */
winModel?: WinModel | null, };

/**
 * `teams` response.
 */
export type TeamsResponse = { 
/**
 * The best teams, best first (score desc, ties within 1e-9 by member ids).
 */
teams: Array<Team>, 
/**
 * True when the search proved these are the true top-k.
 */
exact: boolean, 
/**
 * Search nodes explored.
 */
nodes: number, 
/**
 * When not exact: proven upper bound on any team not returned minus the k-th best
 * score found (or minus 0 when fewer than k were found).
 */
gap: number | null, };

/**
 * The term of the agreement.
 */
export type Term = { 
/**
 * First day, `YYYY-MM-DD`.
 */
start?: string | null, 
/**
 * Last day, `YYYY-MM-DD` (or give `renewal`).
 */
end?: string | null, 
/**
 * How the agreement renews, in words (e.g. "renews for a year unless terminated").
 */
renewal?: string | null, 
/**
 * Days of notice either party gives to terminate.
 */
terminationNoticeDays?: number | null, };

/**
 * Tiers of the plan's revenue counted per period: revenue beyond a tier's `revenue`
 * earns its `bonusPercent` on top of the rate.
 */
export type Threshold = { 
/**
 * Partner id.
 */
partner?: string | null, 
/**
 * Role (every partner with this role).
 */
role?: string | null, 
/**
 * month, quarter (default) or year.
 */
period: ThresholdPeriod, 
/**
 * reset (default) or running.
 */
mode: ThresholdMode, 
/**
 * In ascending order of revenue.
 */
tiers: Array<Tier>, };

/**
 * Whether the counted revenue starts again each period or runs over the last period.
 */
export type ThresholdMode = "reset" | "running";

/**
 * Revenue counted per period for a threshold.
 */
export type ThresholdPeriod = "month" | "quarter" | "year";

/**
 * One tier of a threshold.
 */
export type Tier = { 
/**
 * Revenue in the period from which the tier applies.
 */
revenue: Money, 
/**
 * Percentage points added to the rate for revenue beyond it, 0..=100.
 */
bonusPercent: number, };

/**
 * Totals over the horizon.
 */
export type Totals = { 
/**
 * Bookings over the horizon.
 */
bookings: MoneyStats, 
/**
 * Revenue recognised over the horizon.
 */
revenue: MoneyStats, 
/**
 * Mean number of won deals booked within the horizon per trial.
 */
deals: number, };

/**
 * Where an objective stands by its probability now and the plan's thresholds.
 */
export type TrackFlag = "onTrack" | "atRisk" | "offTrack";

/**
 * The thresholds used (the plan's `audit`, or the defaults 0.7 and 0.3).
 */
export type TrackThresholds = { 
/**
 * On track at or above this probability.
 */
onTrackAbove: Probability, 
/**
 * Off track below this probability.
 */
offTrackBelow: Probability, };

export type TrainRequest = HistoryRequest;

/**
 * `train` response.
 */
export type TrainResponse = { 
/**
 * The model (trained on all the history when it shows skill).
 */
model: WinModel, 
/**
 * Out-of-time validation of a model trained on the older deals only.
 */
validation: Validation, };

/**
 * One change of status, with when it happened (UTC, RFC 3339) and why.
 */
export type Transition = { 
/**
 * The new status.
 */
status: Status, 
/**
 * When, in UTC (`2026-03-02T04:30:00Z`); requests may give any offset.
 */
at: string, 
/**
 * A reason code ([`REJECT_REASONS`], `protection_ended`, `expired_acceptance`).
 */
reason?: string | null, };

/**
 * Triangular distribution by min, mode and max.
 */
export type Triangular = { 
/**
 * Must be `"triangular"`.
 */
distribution: string, 
/**
 * Smallest value.
 */
min: number, 
/**
 * Most likely value.
 */
mode: number, 
/**
 * Largest value.
 */
max: number, };

/**
 * `validate` request.
 */
export type ValidateRequest = { 
/**
 * The plan to check.
 */
plan: Plan, 
/**
 * Trials of the simulation behind `profit.partner` (default 10,000; the plan is
 * simulated only when it can be).
 */
trials?: number, 
/**
 * Seed of that simulation (default 0).
 */
seed?: number, };

/**
 * `validate` response.
 */
export type ValidateResponse = { 
/**
 * True when there is no error finding.
 */
ok: boolean, 
/**
 * Every gap, errors first, in rule order.
 */
findings: Array<Finding>, };

/**
 * Validation on the later deals of a model trained on the earlier ones.
 */
export type Validation = { 
/**
 * Deals used for training.
 */
trainDeals: number, 
/**
 * Later deals used for validation.
 */
validationDeals: number, 
/**
 * Area under the ROC curve on the validation deals (null when one class is missing).
 */
auc: number | null, 
/**
 * Mean log loss of the model on the validation deals.
 */
logLoss: number | null, 
/**
 * The baseline: always predicting the training win rate.
 */
baseline: Baseline, 
/**
 * Predicted vs observed win rate in bins of predicted probability.
 */
calibration: Array<CalibrationBin>, };

/**
 * Actual against expected for one item of one month.
 */
export type Variance = { 
/**
 * Month number.
 */
month: number, 
/**
 * `bookings`, `revenue`, `pipeline` or `costs:<partnerId>`.
 */
item: string, 
/**
 * Reported.
 */
actual: Money, 
/**
 * The plan's expectation.
 */
expected: Money, 
/**
 * actual − expected.
 */
variance: Money, 
/**
 * variance / expected (absent when expected is zero).
 */
ratio?: number | null, };

/**
 * The vendor's own accounts: one more side of the map, next to the partners.
 */
export type VendorAccounts = { 
/**
 * The vendor's id in the result (default `vendor`); must differ from every partner id.
 */
id?: string | null, 
/**
 * The vendor's accounts, like a partner's.
 */
accounts: Array<PartnerAccount>, };

/**
 * The vendor's accounts as tab-separated text.
 */
export type VendorColumns = { 
/**
 * The vendor's id in the result (default `vendor`); must differ from every partner id.
 */
id?: string | null, 
/**
 * The header line, then one account per line.
 */
accounts: string, };

/**
 * How well a fit score tells won deals from lost ones.
 */
export type Verdict = "tooFewDeals" | "noSignal" | "inverted" | "weak" | "acceptable" | "strong";

/**
 * `verify` request: a signed copy of the agreement and the plan it should match.
 */
export type VerifyRequest = { 
/**
 * The agreement's Markdown, as signed.
 */
markdown: string, 
/**
 * The plan.
 */
plan: Plan, };

/**
 * `verify` response.
 */
export type VerifyResponse = { 
/**
 * True when the copy was drafted from this plan and its text is unchanged.
 */
matches: boolean, 
/**
 * Why it matches or not, in words.
 */
reason: string, 
/**
 * The plan's fingerprint (SHA-256 of its canonical JSON).
 */
planHash: string, 
/**
 * The fingerprint written in the copy's footer, if any.
 */
documentHash?: string | null, 
/**
 * The first line (1-based) where the copy differs from the agreement drafted now.
 */
line?: number | null, };

/**
 * The suggested weights' out-of-time check (SPEC §9).
 */
export type WeightSuggestion = { 
/**
 * True when weights are suggested: fitted on the older deals they beat the base
 * rate on the later ones, with an AUC above chance, and some criterion raises the
 * chance of winning.
 */
skill: boolean, 
/**
 * Why no weights are suggested, when none are.
 */
reason?: string | null, 
/**
 * The regression on criterion scores fitted on the older deals, checked on the later ones.
 */
validation: Validation, };

/**
 * Deals of one group and how many were won.
 */
export type WinGroup = { 
/**
 * Deals in the group.
 */
deals: number, 
/**
 * Of those, won.
 */
wins: number, 
/**
 * wins / deals (null without deals).
 */
winRate: number | null, };

/**
 * A trained win model: logistic regression on standardised team features.
 */
export type WinModel = { 
/**
 * Feature names, in coefficient order.
 */
features: Array<string>, 
/**
 * Intercept.
 */
intercept: number, 
/**
 * One coefficient per feature (on standardised values).
 */
coefficients: Array<number>, 
/**
 * Mean of each feature in training.
 */
means: Array<number>, 
/**
 * Standard deviation of each feature in training (1 where constant).
 */
scales: Array<number>, 
/**
 * Win rate of the training deals.
 */
baseRate: number, 
/**
 * Whether validation showed skill over the base rate; without it, predictions
 * are the base rate.
 */
skill: boolean, 
/**
 * Why there is no skill, when there is none.
 */
reason?: string | null, 
/**
 * Joint history per partner pair (sorted ids), for the past-joint-win feature.
 */
pairs?: Array<PairHistory>, };

/**
 * The error every dealteam function throws (SPEC §0): branch on `code`, show
 * `message`, highlight `path` (JSONPath-like, "" for the whole input).
 */
export class DealteamError extends Error {
    private constructor();
    readonly name: "DealteamError";
    /** Stable snake_case code. */
    readonly code: ErrorCode;
    /** Where the problem is, e.g. "profile.criteria[0].wieght". */
    readonly path: string;
    /** Further problems found in the same validation pass. */
    readonly others: DealteamProblem[];
}
