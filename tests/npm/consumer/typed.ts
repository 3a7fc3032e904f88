// TypeScript consumer (strict): `tsc --noEmit` must accept the typed API and reject
// wrong requests (each `@ts-expect-error` must be needed, or tsc fails).
import init, {
  rank,
  sample,
  Ecosystem,
  DealteamError,
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
const failed: string[] = first ? first.failed : [];

const s: Sample = sample(100, 1);
const eco = new Ecosystem(s.ecosystem);
const profile: Profile | undefined = s.profiles[0];
if (profile) {
  const top: RankResponse = eco.rank(profile, { limit: 3 });
  console.log(top.results.length);
}

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
