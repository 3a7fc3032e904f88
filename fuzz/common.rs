//! How the fuzz targets read their input, shared by `fuzz/fuzz_targets/*.rs` (cargo-fuzz,
//! nightly) and `tests/fuzz_corpus.rs` (a stable `cargo test` replay of the corpus).
//!
//! - `commands`: the first byte picks a command of `dealteam::api::COMMANDS`, the rest
//!   is its request text, run through the public entry `run_json` (the CLI's).
//! - `handles`: the first byte picks a handle (`TeamSearch` on examples/teams.json or
//!   `Simulation` on examples/plan-simulate.json with 64 trials), each further byte is
//!   one call: step(budget), step(NaN), cancel, result. The clock advances 1 ms per
//!   reading, so a step ends after `budget` readings, deterministically.

use dealteam::clock::Ctx;
use std::cell::Cell;

const TEAMS: &str = include_str!("../examples/teams.json");
const PLAN: &str = include_str!("../examples/plan-simulate.json");

/// Run one `commands` input; errors are fine, panics and hangs are findings.
pub fn run_command(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let names = dealteam::api::COMMANDS;
    let name = names[usize::from(pick) % names.len()];
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let _ = dealteam::api::run_json(name, text, false, &Ctx::native());
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
        req["trials"] = 64.into();
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
