//! How the fuzz targets read their input, shared by `fuzz/fuzz_targets/*.rs` (cargo-fuzz,
//! nightly) and `tests/fuzz_corpus.rs` (a stable `cargo test` replay of the corpus).
//!
//! - `commands`: `<command>\n<request>`: the first line names a command of
//!   `dealteam::api::COMMANDS` (other inputs are skipped), the rest is its request text,
//!   run through the public entry `run_json` (the CLI's). A name, not an index, so the
//!   corpus keeps its meaning when commands are added. The plan commands run at most
//!   [`MAX_FUZZ_TRIALS`] trials (more is a stepped `Simulation` with progress and
//!   cancel, not a 2-second request; the trials limit itself is tested in tests/).
//! - `handles`: the first byte picks a handle (`TeamSearch` on examples/teams.json or
//!   `Simulation` on examples/plan-simulate.json with [`HANDLE_TRIALS`] trials of [`HANDLE_MONTHS`] months), each further byte is
//!   one call: step(budget), step(NaN), cancel, result. The clock advances 1 ms per
//!   reading, so a step ends after `budget` readings, deterministically.
//! - `reader`: the input is an ecosystem's JSON bytes, read as `Ecosystem.fromChunks`
//!   reads them (`json::from_reader`, in pieces) and as the constructor reads a string
//!   (`json::from_str`): both must give the same ecosystem or the same error and path.

#[path = "../tests/support/pieces.rs"]
mod pieces;
use dealteam::clock::Ctx;
use pieces::Pieces;
use std::cell::Cell;

const TEAMS: &str = include_str!("../examples/teams.json");
const PLAN: &str = include_str!("../examples/plan-simulate.json");

/// Trials and plan months of the `handles` target's `Simulation`.
pub const HANDLE_TRIALS: u64 = 16;
/// See [`HANDLE_TRIALS`].
pub const HANDLE_MONTHS: u64 = 6;

/// Trials of `simulate`, `audit`, `agreement` and `validate` in the `commands` target.
pub const MAX_FUZZ_TRIALS: u64 = 200;

/// The command and request of a `commands` input (`None`: not a command's input).
pub fn decode_command(data: &[u8]) -> Option<(&'static str, &str)> {
    let text = std::str::from_utf8(data).ok()?;
    let (name, request) = text.split_once('\n')?;
    let name = dealteam::api::COMMANDS.iter().copied().find(|c| *c == name)?;
    Some((name, request))
}

/// Run one `commands` input; errors are fine, panics and hangs are findings.
pub fn run_command(data: &[u8]) {
    let Some((name, request)) = decode_command(data) else {
        return;
    };
    if !only::admits(name) {
        return;
    }
    let capped;
    let mut text = request;
    if matches!(name, "simulate" | "audit" | "agreement" | "validate") {
        if let Ok(serde_json::Value::Object(mut m)) = serde_json::from_str::<serde_json::Value>(request) {
            // no `trials`: the default (10,000, which `validate`'s check simulation runs too)
            let trials = m.get("trials").map_or(Some(10_000), |t| t.as_u64()).unwrap_or(u64::MAX);
            if trials > MAX_FUZZ_TRIALS && trials <= 10_000_000 {
                m.insert("trials".into(), MAX_FUZZ_TRIALS.into());
                capped = serde_json::Value::Object(m).to_string();
                text = &capped;
            }
        }
    } else if name == "verify" {
        if let Some(fewer) = verify_with_fewer_trials(request) {
            capped = fewer;
            text = &capped;
        }
    }
    if let Err(e) = dealteam::api::run_json(name, text, false, &Ctx::native()) {
        if let Ok(request) = serde_json::from_str::<Json>(text) {
            assert!(
                request.names_a_place(&e.path),
                "{name}: the error's path `{}` is not in the request: {e}",
                e.path
            );
        }
    }
}

/// `verify` drafts the agreement again with the trials its footer names
/// (`· 2,000 simulated outcomes, seed 1 ·`): above [`MAX_FUZZ_TRIALS`] the request with
/// that number lowered, as `agreement`'s trials are.
fn verify_with_fewer_trials(request: &str) -> Option<String> {
    let serde_json::Value::Object(mut m) = serde_json::from_str::<serde_json::Value>(request).ok()? else {
        return None;
    };
    let markdown = m.get("markdown")?.as_str()?;
    let at = markdown.rfind(" simulated outcomes, seed ")?;
    let start = markdown[..at].rfind(' ').map_or(0, |i| i + 1);
    let digits: String = markdown[start..at].chars().filter(char::is_ascii_digit).collect();
    if digits.parse::<u64>().is_ok_and(|n| n <= MAX_FUZZ_TRIALS) {
        return None;
    }
    let fewer = format!("{}{MAX_FUZZ_TRIALS}{}", &markdown[..start], &markdown[at..]);
    m.insert("markdown".into(), fewer.into());
    Some(serde_json::Value::Object(m).to_string())
}

/// A request's JSON with every member of every object, in order (duplicate keys kept: the
/// engine refuses the first of two, which a `serde_json::Value` would have dropped).
pub enum Json {
    /// An object's members.
    Object(Vec<(String, Json)>),
    /// A list's items.
    List(Vec<Json>),
    /// A string, number, boolean or null.
    Scalar,
    /// A string of text rows (`accountMapColumns`' tab-separated accounts): a header line,
    /// then `rows` non-empty lines, which paths name as a list's items
    /// (`partners[3].accounts[7].domain`: docs/accounts.md).
    Text { rows: usize },
}

impl Json {
    /// Whether an error's `path` (`a.b[2].c`) names a place in the request (issue 17: paths
    /// resolve in the request that was sent): every step but the last is there, and the last
    /// is an index in range or a field of an object (a field may be missing: `missing_field`,
    /// or a default such as `trials` that is too large for the plan). Keys may hold `.` or
    /// `[`: each step is matched against the keys the object has.
    pub fn names_a_place(&self, path: &str) -> bool {
        if path.is_empty() {
            return true;
        }
        // `[2]`: an item of a list (a key may start with `[` too: `{"[x": 1}` is at `[x`)
        if let (Some((i, tail)), Json::List(items)) = (path.strip_prefix('[').and_then(|p| p.split_once(']')), self) {
            return i
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .is_some_and(|item| item.names_a_place(tail.strip_prefix('.').unwrap_or(tail)));
        }
        // `[7]` or `[7].domain`: the eighth row of a text and one of its cells
        if let (Some((i, tail)), Json::Text { rows }) = (path.strip_prefix('[').and_then(|p| p.split_once(']')), self) {
            let cell = tail.is_empty() || tail.strip_prefix('.').is_some_and(|c| !c.contains(['.', '[']));
            return i.parse::<usize>().is_ok_and(|i| i < *rows) && cell;
        }
        // a field: `path` starts with its key (which may itself start with `.`)
        let Json::Object(members) = self else {
            return false;
        };
        let goes_on = |k: &str| {
            path.strip_prefix(k)
                .filter(|t| t.is_empty() || t.starts_with(['.', '[']))
        };
        members
            .iter()
            .any(|(k, v)| goes_on(k).is_some_and(|tail| v.names_a_place(tail.strip_prefix('.').unwrap_or(tail))))
            || !path.contains(['.', '['])
    }
}

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Json, E> {
        Ok(Json::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Json, E> {
        Ok(Json::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Json, E> {
        Ok(Json::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Json, E> {
        Ok(Json::Scalar)
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        let mut lines = s.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        let rows = lines.next().map_or(0, |_| lines.filter(|l| !l.is_empty()).count());
        Ok(Json::Text { rows })
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Scalar)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::List(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Json>()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
}

/// Run one `reader` input: the chunked reads (a partner at a time from a window, as
/// `Ecosystem.fromChunks` reads; and serde_json's byte at a time, which the window falls
/// back to) and the string read of an ecosystem agree.
pub fn run_reader(data: &[u8]) {
    let Some((&split, bytes)) = data.split_first() else {
        return;
    };
    // the bytes arrive in pieces of 1 + split % 64 bytes, as chunks from JS would
    let pieces = || Pieces::new(bytes, 1 + usize::from(split % 64));
    // the failing path is found by reading the same pieces once more; the index reads
    // the partners straight into its columns, the model path through the serde model
    let chunked = dealteam::rank::EcosystemIndex::from_reader(pieces(), || Some(pieces())).map(|i| i.ecosystem());
    let streamed = dealteam::rank::EcosystemIndex::from_stream(pieces(), || Some(pieces())).map(|i| i.ecosystem());
    let Ok(text) = std::str::from_utf8(bytes) else {
        assert!(chunked.is_err(), "invalid UTF-8 is not an ecosystem");
        assert!(
            streamed.is_err(),
            "invalid UTF-8 is not an ecosystem, a partner at a time either"
        );
        return;
    };
    let whole = dealteam::rank::EcosystemIndex::from_json(text).map(|i| i.ecosystem());
    let model = dealteam::json::from_str::<dealteam::model::Ecosystem>(text)
        .and_then(|e| dealteam::rank::EcosystemIndex::new(e.clone()).map(|_| e));
    for (name, other) in [("chunked", &chunked), ("streamed", &streamed), ("model", &model)] {
        match (other, &whole) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: the same partners"),
            (Err(a), Err(b)) => assert_eq!((a.code, &a.path), (b.code, &b.path), "{name}: {a} / {b}"),
            _ => panic!("{name} {other:?} but whole {whole:?}"),
        }
    }
    if let (Err(a), Err(b)) = (&model, &whole) {
        assert_eq!(a.message, b.message, "columns and model say the same");
    }
}

/// `DEALTEAM_FUZZ_ONLY=<command>`: a campaign for one command (issue 17: ≥ 10⁶ executions
/// *per command*). Inputs naming another command are skipped (libFuzzer still counts them),
/// so the runs of the chosen command are counted here and printed every 100,000 and at 10⁶.
mod only {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::OnceLock;

    static ONLY: OnceLock<Option<String>> = OnceLock::new();
    static RUNS: AtomicU64 = AtomicU64::new(0);

    /// Whether `name` is run: always without the variable, else only the chosen command.
    pub fn admits(name: &str) -> bool {
        let Some(only) = ONLY.get_or_init(|| std::env::var("DEALTEAM_FUZZ_ONLY").ok()) else {
            return true;
        };
        if only != name {
            return false;
        }
        let runs = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
        if runs % 100_000 == 0 {
            eprintln!("[only {name}] {runs} runs of {name}");
        }
        true
    }
}

/// Run one `handles` input: a sequence of calls on one handle.
pub fn run_handles(data: &[u8]) {
    let Some((&pick, ops)) = data.split_first() else {
        return;
    };
    let clock = Cell::new(0.0f64);
    let tick = || {
        clock.set(clock.get() + 1.0);
        clock.get()
    };
    let ctx = Ctx { now_ms: &tick };
    let budget = |op: u8| if op % 5 == 4 { f64::NAN } else { f64::from(op / 5) };
    if pick % 2 == 0 {
        let req = dealteam::json::from_str(TEAMS).expect("the example is valid");
        let mut search = dealteam::teams::TeamSearch::new(req).expect("the example is valid");
        for &op in ops.iter().take(64) {
            match op % 3 {
                0 => {
                    let p = search.step(budget(op), &ctx);
                    assert!((0.0..=1.0).contains(&p.progress), "progress in 0..1");
                }
                1 => search.cancel(),
                _ => {
                    let _ = search.result();
                }
            }
        }
    } else {
        let mut req: serde_json::Value = serde_json::from_str(PLAN).expect("the example is JSON");
        // 16 trials of 6 months: a step's budget still ends inside the run (1 ms per clock
        // reading), and each `result()`, which builds the whole report per month, is cheap
        // enough for 10⁶ executions (64 trials of 24 months ran ≈ 150 per second)
        req["trials"] = HANDLE_TRIALS.into();
        req["plan"]["horizonMonths"] = HANDLE_MONTHS.into();
        if let Some(objectives) = req["plan"]["objectives"].as_array_mut() {
            objectives.iter_mut().for_each(|o| o["byMonth"] = HANDLE_MONTHS.into());
        }
        let req = dealteam::json::from_str(&req.to_string()).expect("the example is valid");
        let mut sim = dealteam::plan::Simulation::new(req).expect("the example is valid");
        for &op in ops.iter().take(64) {
            match op % 3 {
                0 => {
                    let p = sim.step(budget(op), &ctx).expect("a valid plan simulates");
                    assert!((0.0..=1.0).contains(&p.progress), "progress in 0..1");
                }
                1 => sim.cancel(),
                _ => {
                    let _ = sim.result();
                }
            }
        }
    }
}
