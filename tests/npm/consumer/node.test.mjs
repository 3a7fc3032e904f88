// Node ESM consumer of the packed `dealteam` package (no bundler): run with `node --test`
// inside a temporary project that installed the tarball (tests/npm/run.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { rank, sample, version, mapAccounts, mapAccountColumns, Ecosystem, DealteamError } from "dealteam";

const request = JSON.parse(readFileSync(new URL("./rank-small.json", import.meta.url), "utf8"));
const expected = JSON.parse(readFileSync(new URL("./rank-small.expected.json", import.meta.url), "utf8"));

test("init() is a harmless no-op in Node", async () => {
  await init();
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("rank gives the hand-computed fits in the SPEC §2 order", () => {
  const out = rank(request);
  assert.deepEqual(
    out.results.map((r) => [r.partnerId, r.fit, r.eligible]),
    [["a", 0.933333333333, true], ["c", 0.733333333333, true], ["b", 0.266666666667, false]],
  );
  assert.deepEqual(out.results[2].failed, ["kinds"]);
});

test("the output equals the native CLI's output for the same input", () => {
  assert.deepEqual(rank(request), expected);
  assert.deepEqual(rank(JSON.stringify(request)), expected);
});

test("a typo throws a DealteamError with code and path, and the module keeps working", () => {
  const bad = structuredClone(request);
  bad.profile.criteria[0].wieght = 2;
  assert.throws(() => rank(bad), (err) => {
    assert.ok(err instanceof DealteamError);
    assert.ok(err instanceof Error);
    assert.equal(err.name, "DealteamError");
    assert.equal(err.code, "unknown_field");
    assert.equal(err.path, "profile.criteria[0].wieght");
    assert.match(err.message, /wieght/);
    assert.ok(Array.isArray(err.others));
    return true;
  });
  assert.equal(rank(request).results[0].partnerId, "a");
});

test("invalid JSON text is invalid_json", () => {
  assert.throws(() => rank("{"), (err) => err instanceof DealteamError && err.code === "invalid_json");
});

test("an Ecosystem handle is indexed once and ranks many profiles", () => {
  const s = sample(500, 42);
  const eco = new Ecosystem(JSON.stringify(s.ecosystem));
  assert.equal(eco.size, 500);
  for (const profile of s.profiles) {
    const out = eco.rank(profile, { limit: 5, explain: false });
    assert.equal(out.results.length, 5);
    assert.equal(out.results[0].breakdown, undefined);
    // The handle agrees with the one-shot command.
    assert.deepEqual(out, rank({ ecosystem: s.ecosystem, profile, limit: 5, explain: false }));
  }
  eco.free();
});

test("Ecosystem.fromChunks in small chunks ranks as new Ecosystem(text) and the object", () => {
  const s = sample(3000, 11);
  const text = JSON.stringify(s.ecosystem);
  const bytes = new TextEncoder().encode(text);
  // 4 KiB pieces with a ragged last one, as a file or fetch stream would hand them over
  const chunks = [];
  for (let at = 0; at < bytes.length; at += 4093) chunks.push(bytes.subarray(at, at + 4093));
  assert.ok(chunks.length > 100);
  const fromText = new Ecosystem(text);
  const fromChunks = Ecosystem.fromChunks(chunks);
  const fromObject = new Ecosystem(s.ecosystem);
  assert.equal(fromChunks.size, 3000);
  assert.deepEqual(fromChunks.ids(), fromText.ids());
  for (const profile of s.profiles) {
    const want = fromText.rank(profile, { limit: 0 });
    assert.equal(want.results.length, 3000);
    assert.deepEqual(fromChunks.rank(profile, { limit: 0 }), want);
    assert.deepEqual(fromObject.rank(profile, { limit: 0 }), want);
  }
  // a broken chunk stream fails with the path the text would give
  const broken = new TextEncoder().encode(text.replace('"kind":', '"kidn":'));
  const pieces = [broken.subarray(0, 5000), broken.subarray(5000)];
  const err = (f) => { try { f(); } catch (e) { return [e.code, e.path]; } return null; };
  assert.deepEqual(err(() => Ecosystem.fromChunks(pieces)), err(() => new Ecosystem(new TextDecoder().decode(broken))));
  assert.equal(err(() => Ecosystem.fromChunks(pieces))[0], "unknown_field");
  for (const e of [fromText, fromChunks, fromObject]) e.free();
});

test("mapAccountColumns with tab-separated accounts maps as mapAccounts with objects", () => {
  const req = JSON.parse(readFileSync(new URL("./account-map.json", import.meta.url), "utf8"));
  // each side's accounts as one text: a header line, then a line per account (a bare id is a customer)
  const columns = ["account", "status", "name", "domain", "value"];
  const tsv = (accounts) =>
    [columns.join("\t")]
      .concat(accounts.map((a) => (typeof a === "string" ? { account: a, status: "customer" } : a)))
      .map((a) => (typeof a === "string" ? a : columns.map((c) => a[c] ?? "").join("\t")))
      .join("\n");
  const asColumns = {
    currency: req.ecosystem.currency,
    partners: req.ecosystem.partners.map((p) => ({ id: p.id, accounts: tsv(p.accounts) })),
    vendor: { accounts: tsv(req.vendor.accounts) },
    sharing: req.sharing,
  };
  for (const options of [{}, { summary: true, limit: 1 }]) {
    const want = mapAccounts({ ...req, ...options });
    assert.ok(want.pairs.length > 0);
    assert.deepEqual(mapAccountColumns({ ...asColumns, ...options }), want);
  }
  // a line with a cell too many is refused at its row, counted from the first account line
  const bad = structuredClone(asColumns);
  bad.partners[1].accounts += "\nx\tcustomer\t\t\t\tone too many";
  try {
    mapAccountColumns(bad);
    assert.fail("a line with six cells was accepted");
  } catch (e) {
    assert.ok(e instanceof DealteamError, String(e));
    assert.equal(e.path, `partners[1].accounts[${req.ecosystem.partners[1].accounts.length}]`);
  }
});

test("sample() is deterministic", () => {
  assert.deepEqual(sample(100, 3), sample(100, 3));
  assert.notDeepEqual(sample(100, 3), sample(100, 4));
});

test("TeamSearch runs in steps, reports progress and equals the one-shot teams()", async () => {
  const { TeamSearch, teams } = await import("dealteam");
  const request = JSON.parse(readFileSync(new URL("./teams.json", import.meta.url), "utf8"));
  const search = new TeamSearch(request);
  let p;
  do {
    p = search.step(5);
    assert.ok(p.progress >= 0 && p.progress <= 1);
  } while (!p.done);
  const result = search.result();
  assert.equal(result.exact, true);
  assert.deepEqual(result, teams(request));
  search.free();
});

test("Simulation runs in steps; cancel() makes result() throw cancelled", async () => {
  const { Simulation, simulate } = await import("dealteam");
  const request = { ...JSON.parse(readFileSync(new URL("./plan-simulate.json", import.meta.url), "utf8")), trials: 300 };
  const sim = new Simulation(request);
  let p;
  do p = sim.step(5); while (!p.done);
  assert.equal(p.trialsDone, 300);
  assert.deepEqual(sim.result(), simulate(request));
  const cancelled = new Simulation(request);
  cancelled.cancel();
  assert.throws(() => cancelled.result(), (err) => err instanceof DealteamError && err.code === "cancelled");
});

test("a freed handle throws a DealteamError with code freed", async () => {
  const { Simulation, TeamSearch } = await import("dealteam");
  const plan = { ...JSON.parse(readFileSync(new URL("./plan-simulate.json", import.meta.url), "utf8")), trials: 10 };
  const handles = [new Simulation(plan), new Ecosystem(request.ecosystem)];
  for (const h of handles) {
    h.free();
    const use = h instanceof Ecosystem ? () => h.rank(request.profile) : () => h.step(5);
    assert.throws(use, (err) => err instanceof DealteamError && err.code === "freed", h.constructor.name);
  }
  assert.ok(TeamSearch);
});

test("step(budgetMs) refuses what is not a number of milliseconds", async () => {
  const { Simulation } = await import("dealteam");
  const plan = { ...JSON.parse(readFileSync(new URL("./plan-simulate.json", import.meta.url), "utf8")), trials: 10 };
  const sim = new Simulation(plan);
  for (const bad of [NaN, "abc", undefined, -1, Infinity]) {
    assert.throws(() => sim.step(bad), (err) => err instanceof DealteamError && err.code === "invalid_value" && err.path === "budgetMs", String(bad));
  }
  assert.equal(sim.step(1000).done, true);
});
