// The rows of the wasm-vs-native table (issue 10): what each row calls in the npm package,
// on which request file of bench/out/wvn/ (written by requests.mjs), shared by the Node side
// (node.mjs) and the headless-Chromium page (page.mjs), so both time the same calls.
// `cli` is the native CLI command run on the same file (run.sh); rows without one are timed
// natively inside examples/bench_rank.rs (`native` names its field).

/** One row: `file` is read as text; `setup(dt, text)` makes the state `run(dt, state)` uses. */
export const CASES = [
  {
    id: "rank", label: "`rank` 100k partners (70 MB JSON), top 100", file: "rank.json", cli: "rank", runs: 3,
    setup: (_dt, text) => text, run: (dt, text) => dt.rank(text),
  },
  {
    id: "teams", label: "`teams` 1,000 partners, exact top 10", file: "teams.json", cli: "teams", runs: 15,
    setup: (_dt, text) => text, run: (dt, text) => dt.teams(text),
  },
  {
    id: "simulate", label: "`simulate` 20,000 trials × 24 months", file: "simulate.json", cli: "simulate", runs: 3,
    setup: (_dt, text) => text, run: (dt, text) => dt.simulate(text),
  },
  {
    id: "ecosystem", label: "`new Ecosystem(json)` 100k partners", file: "rank_ecosystem.json", native: "fromJsonMs",
    runs: 3, setup: (_dt, text) => ({ text, last: null }),
    run: (dt, s) => {
      s.last?.free();
      s.last = new dt.Ecosystem(s.text);
      return s.last;
    },
    teardown: (s) => s.last?.free(),
  },
  {
    id: "rankRows", label: "`eco.rank(profile, {limit: 0, explain: false})` 100k rows", file: "rank_ecosystem.json",
    native: "fullRowsMs", runs: 5, profile: "rank_profile.json",
    setup: (dt, text, profile) => ({ eco: new dt.Ecosystem(text), profile: JSON.parse(profile) }),
    run: (_dt, s) => s.eco.rank(s.profile, { limit: 0, explain: false }),
    teardown: (s) => s.eco.free(),
  },
  {
    id: "shapley", label: "`split` winProbability Shapley n = 20 (whole request)", file: "split.json", cli: "split",
    runs: 5, setup: (_dt, text) => text, run: (dt, text) => dt.split(text),
  },
  {
    id: "attribution", label: "`attribute` Markov, 100k paths (whole request)", file: "attribute.json",
    cli: "attribute", runs: 5, setup: (_dt, text) => text, run: (dt, text) => dt.attribute(text),
  },
];

