// TypeScript consumer (strict): `tsc --noEmit` must accept the typed API and reject
// wrong requests (each `@ts-expect-error` must be needed, or tsc fails).
import init, {
  rank,
  sample,
  Ecosystem,
  TeamSearch,
  Simulation,
  DealteamError,
  type TeamsRequest,
  type TeamsResponse,
  type TeamProgress,
  type SimulateRequest,
  type SimProgress,
  type SplitRequest,
  type SplitResponse,
  type RankRequest,
  type RankResponse,
  type RankedPartner,
  type ErrorCode,
  type Profile,
  type Sample,
} from "dealteam";

await init();

const request: RankRequest = {
  ecosystem: {
    tiers: ["silver", "gold"],
    partners: [{ id: "a", name: "Acme", kind: "si", tier: "gold", capabilities: { cloud: 0.9 } }],
  },
  profile: { id: "p", name: "P", criteria: [{ kind: "capability", key: "cloud", weight: 1 }] },
  limit: 10,
};
const response: RankResponse = rank(request);
const first: RankedPartner | undefined = response.results[0];
const fit: number = first ? first.fit : 0;
const failed: readonly string[] = first ? first.failed : [];
// the failed clauses are read-only: `explain: false` rows share frozen arrays
// @ts-expect-error a row's `failed` has no `push`
const push = (row: RankedPartner) => row.failed.push("kinds");

const s: Sample = sample(100, 1);
const eco = new Ecosystem(s.ecosystem);
const profile: Profile | undefined = s.profiles[0];
if (profile) {
  const top: RankResponse = eco.rank(profile, { limit: 3 });
  // Optional parameters stay optional in the .d.ts (`opts?`, `request?`).
  const all: RankResponse = eco.rank(profile);
  console.log(top.results.length, all.results.length, eco.overlap().pairs.length);
}

declare const teamsRequest: TeamsRequest;
const search = new TeamSearch(teamsRequest);
let progress: TeamProgress = search.step(10);
while (!progress.done) progress = search.step(10);
const best: TeamsResponse = search.result();
const exact: boolean = best.exact;
search.free();

declare const simRequest: SimulateRequest;
const sim = new Simulation(simRequest);
const sp: SimProgress = sim.step(10);
const done: boolean = sp.done;
sim.cancel();

declare const splitRequest: SplitRequest;
const { split } = await import("dealteam");
const allocated: SplitResponse = split(splitRequest);
console.log(exact, done, allocated.allocations.length);

try {
  rank("{}");
} catch (e) {
  if (e instanceof DealteamError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    const others: { code: ErrorCode; path: string; message: string }[] = e.others;
    console.log(code, path, others.length);
  }
}

// @ts-expect-error: weight must be a number
const badWeight: RankRequest = { ...request, profile: { id: "p", name: "P", criteria: [{ kind: "capability", weight: "1" }] } };
// @ts-expect-error: unknown criterion kind
const badKind: Profile = { id: "p", name: "P", criteria: [{ kind: "size", weight: 1 }] };
// @ts-expect-error: unknown error code
const badCode: ErrorCode = "oops";

console.log(fit, failed, badWeight, badKind, badCode);
