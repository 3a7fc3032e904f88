//! Nucleolus speed (SPEC §11; issue 14: n = 18 within 0.1 s in wasm): the least core and
//! the nucleolus (prenucleolus when the members' standalone values exceed the whole) of
//! generated coverage and winProbability games of 14–20 members, best of 3, natively.
//! Writes the games, times and values to `<dir>/games.json` for the wasm peer
//! `bench/nucleolus/wasm.mjs` (the same games through the npm package's `split`).
//!
//! `cargo run --release --example bench_nucleolus -- bench/out/nucleolus`

use dealteam::splits::game::{Game, LevelGame, WinCurve};
use dealteam::splits::nucleolus::nucleolus;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use serde_json::json;
use std::time::Instant;

/// Requirement levels (two decimals, 30% zero) of `n` members over 8 equally weighted
/// requirements, seeded.
fn levels(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    (0..n * 8)
        .map(|_| {
            if rng.random_bool(0.3) {
                0.0
            } else {
                (rng.random_range(0.0..1.0f64) * 100.0).round() / 100.0
            }
        })
        .collect()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "bench/out/nucleolus".into());
    std::fs::create_dir_all(&dir).expect("create output directory");
    let mut out = Vec::new();
    println!("| n | game | solution | LP stages | least core ε | 2ⁿ table ms | nucleolus ms (best of 3) |");
    println!("|---:|---|---|---:|---:|---:|---:|");
    for n in [14usize, 16, 18, 20] {
        let levels = levels(n, 2026 + n as u64);
        for win in [false, true] {
            let g = Game::Levels(LevelGame {
                value: 1_000_000.0,
                weights: vec![1.0; 8],
                levels: levels.clone(),
                win: win.then(|| WinCurve::new(10.0, 0.6)),
            });
            let t = Instant::now();
            let v = g.table().expect("n ≤ 20");
            let table_ms = t.elapsed().as_secs_f64() * 1000.0;
            // as the fairness report does: the nucleolus when the members' standalone
            // values fit in the whole, else the prenucleolus
            let alone: f64 = (0..n).map(|i| v[1 << i]).sum();
            let imputations = alone <= v[v.len() - 1];
            let mut best = f64::INFINITY;
            let mut last = None;
            for _ in 0..3 {
                let t = Instant::now();
                let r = nucleolus(&v, imputations, "game").expect("solved");
                best = best.min(t.elapsed().as_secs_f64() * 1000.0);
                last = Some(r);
            }
            let r = last.expect("ran");
            let kind = if win { "winProbability" } else { "coverage" };
            let model = if imputations { "nucleolus" } else { "prenucleolus" };
            println!(
                "| {n} | {kind} | {model} | {} | {:.2} | {table_ms:.1} | {best:.1} |",
                r.stages, r.epsilon
            );
            out.push(
                json!({"n": n, "game": kind, "model": model, "levels": levels, "ms": best,
                "epsilon": r.epsilon, "values": r.values}),
            );
        }
    }
    let path = format!("{dir}/games.json");
    std::fs::write(&path, serde_json::to_string(&out).expect("json")).expect("write games");
    println!("wrote {path}");
}
