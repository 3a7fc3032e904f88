/* @ts-self-types="./dealteam.d.ts" */
import { makeDealteamError } from './snippets/dealteam-d55a2eac3a03b804/src/wasm/error.js';
import { rankRows } from './snippets/dealteam-d55a2eac3a03b804/src/wasm/rows.js';
import * as import1 from "./snippets/dealteam-d55a2eac3a03b804/src/wasm/columns.js"


/**
 * An ecosystem parsed and indexed once: `new Ecosystem(jsonTextOrObject)`,
 * `Ecosystem.fromBytes(utf8)` or `Ecosystem.fromChunks([utf8, …])`.
 */
export class Ecosystem {
    static __wrap(ptr) {
        const obj = Object.create(Ecosystem.prototype);
        obj.__wbg_ptr = ptr;
        EcosystemFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        EcosystemFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_ecosystem_free(ptr, 0);
    }
    /**
     * `calibrate` (SPEC §2, §9) on these partners: the request without `ecosystem`.
     * @param {Omit<CalibrateRequest, "ecosystem"> | string} request
     * @returns {CalibrateResponse}
     */
    calibrate(request) {
        const ret = wasm.ecosystem_calibrate(this.__wbg_ptr, request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The indices, ascending, of the partners whose name or id contains `text` (any case)
     * and that have the `kind`, `tier` and `region` asked for (each "" for any).
     * @param {string} text
     * @param {string} kind
     * @param {string} tier
     * @param {string} region
     * @returns {Uint32Array}
     */
    filter(text, kind, tier, region) {
        let ptr0, len0, ptr1, len1, ptr2, len2, ptr3, len3;
        try {
            ptr0 = passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            len0 = WASM_VECTOR_LEN;
            ptr1 = passStringToWasm0(kind, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            len1 = WASM_VECTOR_LEN;
            ptr2 = passStringToWasm0(tier, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            len2 = WASM_VECTOR_LEN;
            ptr3 = passStringToWasm0(region, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            len3 = WASM_VECTOR_LEN;
        } catch (e) {
            if (ptr3) { wasm.__wbindgen_free(ptr3, len3 * 1, 1); }
            if (ptr2) { wasm.__wbindgen_free(ptr2, len2 * 1, 1); }
            if (ptr1) { wasm.__wbindgen_free(ptr1, len1 * 1, 1); }
            if (ptr0) { wasm.__wbindgen_free(ptr0, len0 * 1, 1); }
            throw e;
        }
        const ret = wasm.ecosystem_filter(this.__wbg_ptr, ptr0, len0, ptr1, len1, ptr2, len2, ptr3, len3);
        return ret;
    }
    /**
     * [`EcosystemHandle::from_chunks`] with one `Uint8Array`.
     * @param {Uint8Array} bytes
     * @returns {Ecosystem}
     */
    static fromBytes(bytes) {
        const ret = wasm.ecosystem_fromBytes(bytes);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return Ecosystem.__wrap(ret[0]);
    }
    /**
     * The ecosystem from its JSON text in UTF-8 bytes, one `Uint8Array` or several in
     * order (e.g. the chunks of a `fetch` body or a file stream). Only one chunk at a
     * time is copied into wasm memory, and read a partner at a time, so ecosystems whose
     * text is beyond a JS string's limit (~512 MiB, about 700,000 realistic partners) can
     * be read. Same errors and paths as the constructor.
     * @param {Uint8Array | Uint8Array[]} chunks
     * @returns {Ecosystem}
     */
    static fromChunks(chunks) {
        const ret = wasm.ecosystem_fromChunks(chunks);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return Ecosystem.__wrap(ret[0]);
    }
    /**
     * The partner ids, by partner index (the order of `partners` in the input).
     * @returns {string[]}
     */
    ids() {
        const ret = wasm.ecosystem_ids(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The partner names, by partner index.
     * @returns {string[]}
     */
    names() {
        const ret = wasm.ecosystem_names(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Parse (JSON text is fastest for big ecosystems), validate and index. Throws a
     * `DealteamError` whose `path` is relative to the ecosystem (`partners[3].tier`).
     * @param {EcosystemData | string} ecosystem
     */
    constructor(ecosystem) {
        const ret = wasm.ecosystem_new(ecosystem);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        EcosystemFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * Read a JSON file that holds an ecosystem — its text, or its bytes (UTF-8, as
     * `file.arrayBuffer()` gives them: no JS string is made of a large file, and the bytes
     * are read as `file.text()` reads them, a byte-order mark dropped and bytes that are no
     * UTF-8 read as U+FFFD) — the ecosystem itself, a list of partners, or an object with an
     * `ecosystem` field and others (a workspace). Returns the ecosystem (null when an object
     * has none) and, for such an object, its other fields as JSON text (`rest`). Errors in
     * the ecosystem have paths within it.
     * @param {string | Uint8Array} file
     * @returns {{ ecosystem: Ecosystem | null; rest: string | null }}
     */
    static open(file) {
        const ret = wasm.ecosystem_open(file);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The whole §2 order as typed arrays, for bulk use (charts, tables of 100,000
     * rows): `order` (partner indices, best first), and per partner index its `fit`
     * (unrounded) and `eligible` (1 or 0). Map indices to ids with `ids()`. About 20×
     * cheaper to hand to JS than `rank(profile, {limit: 0})` rows
     * (docs/performance/boundary.md).
     * @param {Profile | string} profile
     * @returns {{ order: Uint32Array; fit: Float64Array; eligible: Uint8Array }}
     */
    order(profile) {
        const ret = wasm.ecosystem_order(this.__wbg_ptr, profile);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * `overlap` (SPEC §8) of these partners' accounts: the request without
     * `ecosystem` (`{}` or nothing for the defaults).
     * @param {Omit<OverlapRequest, "ecosystem"> | string} [request]
     * @returns {OverlapResponse}
     */
    overlap(request) {
        const ret = wasm.ecosystem_overlap(this.__wbg_ptr, isLikeNone(request) ? 0 : addToExternrefTable0(request));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Partners `from` to `to` (exclusive; clamped to the partners there are) as a list shows
     * them, column by column: ids, names, kinds, tiers, regions as text and the three
     * strongest capabilities as text. The cheapest way to show many partners: 100,000 cost a
     * few lists of strings, not an object each. With `text` false, `regions` and
     * `capabilities` are empty lists and the rest costs a fraction: take in every partner so,
     * and ask for the text of the rows a page shows.
     * @param {number} from
     * @param {number} to
     * @param {boolean | null} [text]
     * @returns {PartnerList}
     */
    partnerList(from, to, text) {
        const ret = wasm.ecosystem_partnerList(this.__wbg_ptr, from, to, isLikeNone(text) ? 0xFFFFFF : text ? 1 : 0);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Partners `from` to `to` (exclusive; clamped to the partners there are), in input
     * order, whole. To show many, `partnerList` is cheaper.
     * @param {number} from
     * @param {number} to
     * @returns {Partner[]}
     */
    partners(from, to) {
        const ret = wasm.ecosystem_partners(this.__wbg_ptr, from, to);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Rank the partners against a profile (SPEC §2): eligible first, fit descending,
     * near-ties by id. `opts`: `{limit?, explain?}` (default 100 rows with breakdowns).
     * @param {Profile | string} profile
     * @param {RankOptions} [opts]
     * @returns {RankResponse}
     */
    rank(profile, opts) {
        const ret = wasm.ecosystem_rank(this.__wbg_ptr, profile, isLikeNone(opts) ? 0 : addToExternrefTable0(opts));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Number of partners.
     * @returns {number}
     */
    get size() {
        const ret = wasm.ecosystem_size(this.__wbg_ptr);
        return ret >>> 0;
    }
    /**
     * `split` (SPEC §5) with the members among these partners as the request's
     * `ecosystem` (used by the coverage and winProbability games): the request without
     * `ecosystem`.
     * @param {Omit<SplitRequest, "ecosystem"> | string} request
     * @returns {SplitResponse}
     */
    split(request) {
        const ret = wasm.ecosystem_split(this.__wbg_ptr, request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The number of partners and relationships, the currency and tiers, and the distinct
     * kinds, tiers and regions the partners use (`facets`).
     * @returns {EcosystemSummary}
     */
    summary() {
        const ret = wasm.ecosystem_summary(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * A stepped `TeamSearch` (SPEC §3) on these partners: the request without `ecosystem`.
     * @param {Omit<TeamsRequest, "ecosystem"> | string} request
     * @returns {TeamSearch}
     */
    teamSearch(request) {
        const ret = wasm.ecosystem_teamSearch(this.__wbg_ptr, request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return TeamSearch.__wrap(ret[0]);
    }
    /**
     * `teams` (SPEC §3) on these partners: the request without `ecosystem`.
     * @param {Omit<TeamsRequest, "ecosystem"> | string} request
     * @returns {TeamsResponse}
     */
    teams(request) {
        const ret = wasm.ecosystem_teams(this.__wbg_ptr, request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * [`EcosystemHandle::to_json`]'s text as UTF-8 bytes in pieces of about 1 MiB, in order
     * (`new Blob(chunks)` is the file): for any size of ecosystem, and no more than one
     * piece at a time in wasm memory.
     * @returns {Uint8Array[]}
     */
    toJsonChunks() {
        const ret = wasm.ecosystem_toJsonChunks(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The ecosystem as JSON text (what `new Ecosystem(text)` reads back to the same
     * partners), written a partner at a time. An ecosystem whose text is longer than a JS
     * string can be (V8: 2^29 − 24 UTF-16 units, ~512 MiB) is refused (`too_large`): write
     * it with `toJsonChunks()`.
     * @returns {string}
     */
    toJson() {
        let deferred2_0;
        let deferred2_1;
        try {
            const ret = wasm.ecosystem_toJson(this.__wbg_ptr);
            var ptr1 = ret[0];
            var len1 = ret[1];
            if (ret[3]) {
                ptr1 = 0; len1 = 0;
                throw takeFromExternrefTable0(ret[2]);
            }
            deferred2_0 = ptr1;
            deferred2_1 = len1;
            return getStringFromWasm0(ptr1, len1);
        } finally {
            wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
        }
    }
}
if (Symbol.dispose) Ecosystem.prototype[Symbol.dispose] = Ecosystem.prototype.free;

/**
 * A plan simulation run in steps: `new Simulation(request)`.
 */
export class Simulation {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        SimulationFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_simulation_free(ptr, 0);
    }
    /**
     * Stop: later steps do nothing and `result()` throws `cancelled`.
     */
    cancel() {
        wasm.simulation_cancel(this.__wbg_ptr);
    }
    /**
     * Check the request (a `simulate` request, object or JSON text) and prepare the
     * run; throws a `DealteamError`. Nothing is simulated yet.
     * @param {SimulateRequest | string} request
     */
    constructor(request) {
        const ret = wasm.simulation_new(request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        SimulationFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * The summary of the trials done so far (all of them once `done`).
     * @returns {SimulateResponse}
     */
    result() {
        const ret = wasm.simulation_result(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Run trials for about `budgetMs` milliseconds (at least one), then report
     * `{done, progress, trialsDone, trials}`. Call again until `done`.
     * @param {number} budgetMs
     * @returns {SimProgress}
     */
    step(budgetMs) {
        const ret = wasm.simulation_step(this.__wbg_ptr, budgetMs);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) Simulation.prototype[Symbol.dispose] = Simulation.prototype.free;

/**
 * A resumable top-k team search: `new TeamSearch(request)`.
 */
export class TeamSearch {
    static __wrap(ptr) {
        const obj = Object.create(TeamSearch.prototype);
        obj.__wbg_ptr = ptr;
        TeamSearchFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        TeamSearchFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_teamsearch_free(ptr, 0);
    }
    /**
     * Stop the search; `result()` then returns the best teams found so far
     * (`exact: false`).
     */
    cancel() {
        wasm.teamsearch_cancel(this.__wbg_ptr);
    }
    /**
     * Validate and index the request (a `teams` request, object or JSON text); throws
     * a `DealteamError` (`unknown_profile`, `infeasible`, …). Nothing is searched yet.
     * @param {TeamsRequest | string} request
     */
    constructor(request) {
        const ret = wasm.teamsearch_new(request);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        TeamSearchFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * The teams: the proven top-k (`exact: true`) once done, else the best found so far
     * with `exact: false` and the `gap`.
     * @returns {TeamsResponse}
     */
    result() {
        const ret = wasm.teamsearch_result(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Search for about `budgetMs` milliseconds (`performance.now()`), then report
     * `{done, progress, nodes, bestScore?, bound?}`. Call again until `done`.
     * @param {number} budgetMs
     * @returns {TeamProgress}
     */
    step(budgetMs) {
        const ret = wasm.teamsearch_step(this.__wbg_ptr, budgetMs);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) TeamSearch.prototype[Symbol.dispose] = TeamSearch.prototype.free;

/**
 * `attribute` (SPEC §5, §10): multi-touch attribution over customer journeys.
 * @param {AttributeRequest | string} req
 * @returns {AttributeResponse}
 */
export function attribute(req) {
    const ret = wasm.attribute(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `audit` (SPEC §7, §10): compare a plan with monthly actuals.
 * @param {AuditRequest | string} req
 * @returns {AuditResponse}
 */
export function auditPlan(req) {
    const ret = wasm.auditPlan(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `calibrate` (SPEC §2, §9, §10): does a profile's fit predict wins in a deal history?
 * @param {CalibrateRequest | string} req
 * @returns {CalibrateResponse}
 */
export function calibrate(req) {
    const ret = wasm.calibrate(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `agreement` (SPEC §7, §10): the plan as a Markdown agreement.
 * @param {AgreementRequest | string} req
 * @returns {string}
 */
export function draftAgreement(req) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.draftAgreement(req);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * `insights` (SPEC §9, §10): partner-influenced revenue and the ecosystem multiplier.
 * @param {InsightsRequest | string} req
 * @returns {InsightsResponse}
 */
export function insights(req) {
    const ret = wasm.insights(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `accountMapColumns` (SPEC §14, §10): `mapAccounts` with each side's accounts as tab-separated columns.
 * @param {AccountMapColumnsRequest | string} req
 * @returns {AccountMapColumnsResponse}
 */
export function mapAccountColumns(req) {
    const ret = wasm.mapAccountColumns(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `accountMap` (SPEC §14, §10): the account overlap matrix per pair of partners, by population.
 * @param {AccountMapRequest | string} req
 * @returns {AccountMapResponse}
 */
export function mapAccounts(req) {
    const ret = wasm.mapAccounts(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `overlap` (SPEC §8, §10): shared accounts per pair of partners.
 * @param {OverlapRequest | string} req
 * @returns {OverlapResponse}
 */
export function overlap(req) {
    const ret = wasm.overlap(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `predict` (SPEC §9, §10): win probabilities of proposed teams, explained.
 * @param {PredictRequest | string} req
 * @returns {PredictResponse}
 */
export function predict(req) {
    const ret = wasm.predict(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `psiAssemble` (SPEC §14): a private-match step put together from `psiBlind` slices.
 * @param {PsiAssembleRequest | string} req
 * @returns {PsiAssembleResponse}
 */
export function psiAssemble(req) {
    const ret = wasm.psiAssemble(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `psiBlind` (SPEC §14): one slice of a private-match step's blinding, for several threads.
 * @param {PsiBlindRequest | string} req
 * @returns {PsiBlindResponse}
 */
export function psiBlind(req) {
    const ret = wasm.psiBlind(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `psiFinish` (SPEC §14): finish a private match with your state and the other side's message.
 * @param {PsiFinishRequest | string} req
 * @returns {PsiFinishResponse}
 */
export function psiFinish(req) {
    const ret = wasm.psiFinish(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `psiReply` (SPEC §14): answer a private match (step 2).
 * @param {PsiReplyRequest | string} req
 * @returns {PsiReplyResponse}
 */
export function psiReply(req) {
    const ret = wasm.psiReply(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `psiStart` (SPEC §14): open a private match — blind your accounts (step 1).
 * @param {PsiStartRequest | string} req
 * @returns {PsiStartResponse}
 */
export function psiStart(req) {
    const ret = wasm.psiStart(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `rank` (SPEC §2, §10): score and order an ecosystem's partners against a profile.
 * @param {RankRequest | string} req
 * @returns {RankResponse}
 */
export function rank(req) {
    const ret = wasm.rank(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `register` (SPEC §8, §10): accept or refuse a deal registration.
 * @param {RegisterRequest | string} req
 * @returns {RegisterResponse}
 */
export function registerDeal(req) {
    const ret = wasm.registerDeal(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * A realistic synthetic `{ecosystem, profiles, deal}` with `partners` partners from
 * `seed` (the same as `dealteam sample --partners N --seed S`, bit for bit).
 * @param {number} partners
 * @param {number} seed
 * @returns {Sample}
 */
export function sample(partners, seed) {
    const ret = wasm.sample(partners, seed);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `simulate` (SPEC §6, §10): Monte Carlo simulation of a joint plan, in one call.
 * @param {SimulateRequest | string} req
 * @returns {SimulateResponse}
 */
export function simulate(req) {
    const ret = wasm.simulate(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `split` (SPEC §5, §10): divide an amount among partners.
 * @param {SplitRequest | string} req
 * @returns {SplitResponse}
 */
export function split(req) {
    const ret = wasm.split(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `teams` (SPEC §3, §10): the top-k deal teams.
 * @param {TeamsRequest | string} req
 * @returns {TeamsResponse}
 */
export function teams(req) {
    const ret = wasm.teams(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `train` (SPEC §9, §10): the win model with its out-of-time validation.
 * @param {TrainRequest | string} req
 * @returns {TrainResponse}
 */
export function train(req) {
    const ret = wasm.train(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `validate` (SPEC §7, §10): check a plan against the agreement checklist.
 * @param {ValidateRequest | string} req
 * @returns {ValidateResponse}
 */
export function validatePlan(req) {
    const ret = wasm.validatePlan(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `verify` (SPEC §15): does a signed copy of the agreement match the plan?
 * @param {VerifyRequest | string} req
 * @returns {VerifyResponse}
 */
export function verifyAgreement(req) {
    const ret = wasm.verifyAgreement(req);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The crate version, e.g. `"0.1.0"`.
 * @returns {string}
 */
export function version() {
    let deferred1_0;
    let deferred1_1;
    try {
        const ret = wasm.version();
        deferred1_0 = ret[0];
        deferred1_1 = ret[1];
        return getStringFromWasm0(ret[0], ret[1]);
    } finally {
        wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
    }
}

/**
 * Bytes of wasm memory the module holds (its `memory.buffer.byteLength`). Wasm memory
 * only grows, so this is also the peak so far: for measuring what an ecosystem costs.
 * @returns {number}
 */
export function wasmMemoryBytes() {
    const ret = wasm.wasmMemoryBytes();
    return ret;
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_string_fc456fee5d3317de: function(arg0) {
            const ret = typeof(arg0) === 'string';
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            const message = getStringFromWasm0(arg0, arg1);
            if (message === "null pointer passed to rust") {
                throw makeDealteamError("freed", "", "this object was freed (free() was called); create a new one to use it", []);
            }
            throw new Error(message);
        },
        __wbg_call_a410eb4b59ed5965: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg0.call(arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_crypto_23f565a907d30078: function(arg0) {
            const ret = arg0.crypto;
            return ret;
        },
        __wbg_ecosystem_new: function(arg0) {
            const ret = Ecosystem.__wrap(arg0);
            return ret;
        },
        __wbg_encodeInto_ceffdf5734ccf380: function(arg0, arg1, arg2, arg3) {
            const ret = arg0.encodeInto(arg1, getArrayU8FromWasm0(arg2, arg3));
            return ret;
        },
        __wbg_getRandomValues_d2908e0b99612b91: function() { return handleError(function (arg0, arg1) {
            arg0.getRandomValues(arg1);
        }, arguments); },
        __wbg_get_d7176cfb76d71114: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_instanceof_Uint8Array_d7aeb0dcb3108fea: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Uint8Array;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_isArray_bcf1376d0d732d08: function(arg0) {
            const ret = Array.isArray(arg0);
            return ret;
        },
        __wbg_isWellFormed_9e12b0337ba4dfeb: function(arg0) {
            const ret = arg0.isWellFormed();
            return ret;
        },
        __wbg_length_186163212ffe79c3: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_b03a0fabb109b1e9: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_e83e819f48c774e4: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_makeDealteamError_eb94411d35f31f81: function(arg0, arg1, arg2, arg3, arg4, arg5, arg6) {
            const ret = makeDealteamError(getStringFromWasm0(arg0, arg1), getStringFromWasm0(arg2, arg3), getStringFromWasm0(arg4, arg5), arg6);
            return ret;
        },
        __wbg_msCrypto_d5f06fad6bf1409b: function(arg0) {
            const ret = arg0.msCrypto;
            return ret;
        },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_d858f5ba521220e8: function() {
            const ret = new TextEncoder();
            return ret;
        },
        __wbg_new_from_slice_3512352010266e02: function(arg0, arg1) {
            const ret = new Uint32Array(getArrayU32FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_from_slice_aaf85a9746711968: function(arg0, arg1) {
            const ret = new Float64Array(getArrayF64FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_from_slice_b8daf545a41c6aa0: function(arg0, arg1) {
            const ret = new Uint8Array(getArrayU8FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_with_length_01b143a7e5dd5a3e: function(arg0) {
            const ret = new Uint8Array(arg0 >>> 0);
            return ret;
        },
        __wbg_node_86166ff8ce1f2002: function(arg0) {
            const ret = arg0.node;
            return ret;
        },
        __wbg_now_eddd1d47bec89f23: function() {
            const ret = performance.now();
            return ret;
        },
        __wbg_of_027eb15371aac932: function(arg0) {
            const ret = Array.of(arg0);
            return ret;
        },
        __wbg_parse_c3f72b5a24f83c01: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_process_91f425a63f58e399: function(arg0) {
            const ret = arg0.process;
            return ret;
        },
        __wbg_prototypesetcall_13162965d1fe7aa3: function(arg0, arg1, arg2) {
            Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
        },
        __wbg_push_c9f4893fc209f768: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_randomFillSync_34b023059e3363de: function() { return handleError(function (arg0, arg1) {
            arg0.randomFillSync(arg1);
        }, arguments); },
        __wbg_rankRows_d34d6c32542d5248: function(arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7, arg8, arg9) {
            const ret = rankRows(arg0, getArrayU32FromWasm0(arg1, arg2), getArrayF64FromWasm0(arg3, arg4), getArrayU8FromWasm0(arg5, arg6), getArrayU32FromWasm0(arg7, arg8), arg9);
            return ret;
        },
        __wbg_read_1891ddbaddfb117e: function(arg0) {
            const ret = arg0.read;
            return ret;
        },
        __wbg_require_9a7d8cc2e1d275c0: function() { return handleError(function () {
            const ret = module.require;
            return ret;
        }, arguments); },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_slice_85ae26e3542949c1: function(arg0, arg1, arg2) {
            const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_slice_8c7f01d7eb703b4e: function(arg0, arg1, arg2) {
            const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_static_accessor_GLOBAL_THIS_003ee833af9699fc: function() {
            const ret = typeof globalThis === 'undefined' ? undefined : globalThis;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_GLOBAL_e4293fb22cbe77da: function() {
            const ret = typeof global === 'undefined' ? undefined : global;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_SELF_53bb20457401453d: function() {
            const ret = typeof self === 'undefined' ? undefined : self;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_WINDOW_b5e0810bfecb7feb: function() {
            const ret = typeof window === 'undefined' ? undefined : window;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_stringify_0a0fbf2ef722380a: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        __wbg_subarray_58f388a9247ac0bb: function(arg0, arg1, arg2) {
            const ret = arg0.subarray(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_versions_6e128a981b0df859: function(arg0) {
            const ret = arg0.versions;
            return ret;
        },
        __wbg_written_0b13d53030a201ac: function(arg0) {
            const ret = arg0.written;
            return ret;
        },
        __wbindgen_generic_0000000000000001: function(arg0, arg1) {
            // Cast intrinsic for `Ref(Slice(U8)) -> NamedExternref("Uint8Array")`.
            const ret = getArrayU8FromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "./dealteam_bg.js": import0,
        "./snippets/dealteam-d55a2eac3a03b804/src/wasm/columns.js": import1,
    };
}

const EcosystemFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_ecosystem_free(ptr, 1));
const SimulationFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_simulation_free(ptr, 1));
const TeamSearchFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_teamsearch_free(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

function getArrayF64FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getFloat64ArrayMemory0().subarray(ptr / 8, ptr / 8 + len);
}

function getArrayU32FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint32ArrayMemory0().subarray(ptr / 4, ptr / 4 + len);
}

function getArrayU8FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

let cachedFloat64ArrayMemory0 = null;
function getFloat64ArrayMemory0() {
    if (cachedFloat64ArrayMemory0 === null || cachedFloat64ArrayMemory0.byteLength === 0) {
        cachedFloat64ArrayMemory0 = new Float64Array(wasm.memory.buffer);
    }
    return cachedFloat64ArrayMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint32ArrayMemory0 = null;
function getUint32ArrayMemory0() {
    if (cachedUint32ArrayMemory0 === null || cachedUint32ArrayMemory0.byteLength === 0) {
        cachedUint32ArrayMemory0 = new Uint32Array(wasm.memory.buffer);
    }
    return cachedUint32ArrayMemory0;
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedFloat64ArrayMemory0 = null;
    cachedUint32ArrayMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('dealteam_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
