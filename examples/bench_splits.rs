//! Native side of bench/splits (run by bench/splits/run.sh): generates the inputs,
//! writes them to a directory for the NumPy / ChannelAttribution peers, times our
//! engine on them and writes our timings and results next to them.
//!
//! `cargo run --release --example bench_splits -- bench/out/splits`

use dealteam::attribution::markov::markov;
use dealteam::attribution::{attribute, AttributeRequest, AttributionModel, Journey};
use dealteam::splits::fairness::max_excess;
use dealteam::splits::game::{Game, LevelGame, WinCurve};
use dealteam::splits::values::{shapley_coverage, shapley_from_table};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use serde_json::json;
use std::collections::HashSet;
use std::time::Instant;

/// Best of `reps` runs, in milliseconds, and the last result.
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..reps {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        out = Some(r);
    }
    (best, out.expect("reps > 0"))
}

fn max_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "bench/out/splits".into());
    std::fs::create_dir_all(&dir).expect("create output directory");
    let mut rng = ChaCha12Rng::seed_from_u64(2026);
    let r = 8;
    let mut games = Vec::new();
    for n in [10usize, 15, 20] {
        let levels: Vec<f64> = (0..n * r)
            .map(|_| {
                if rng.random_bool(0.3) {
                    0.0
                } else {
                    rng.random_range(0.0..1.0)
                }
            })
            .collect();
        let raw: Vec<f64> = (0..r).map(|_| rng.random_range(0.5..3.0)).collect();
        let total: f64 = raw.iter().sum();
        let weights: Vec<f64> = raw.iter().map(|w| w / total).collect();
        let cov = LevelGame {
            value: 1_000_000.0,
            weights: weights.clone(),
            levels: levels.clone(),
            win: None,
        };
        let win = LevelGame {
            win: Some(WinCurve::new(10.0, 0.6)),
            ..cov.clone()
        };
        let reps = if n == 20 { 5 } else { 50 };
        let (t_closed, closed) = time(2000, || shapley_coverage(&cov));
        let cov_game = Game::Levels(cov.clone());
        let (t_enum, enumerated) = time(reps, || shapley_from_table(&cov_game.table().expect("n ≤ 20")));
        let win_game = Game::Levels(win);
        let (t_win, win_phi) = time(reps, || shapley_from_table(&win_game.table().expect("n ≤ 20")));
        let mut g = json!({"n": n, "weights": weights, "levels": levels, "value": 1_000_000.0, "k": 10.0, "m": 0.6,
            "ms": {"coverageClosedForm": t_closed, "coverageEnumeration": t_enum, "winEnumeration": t_win},
            "coverageShapley": closed, "winShapley": win_phi, "closedVsEnumeration": max_diff(&closed, &enumerated)});
        // the whole `split` request (game built from ecosystem + deal, Shapley, §4, fairness report)
        let members: Vec<String> = (0..n).map(|i| format!("p{i:02}")).collect();
        let partners: Vec<serde_json::Value> = members
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let caps: serde_json::Map<String, serde_json::Value> =
                    (0..r).map(|k| (format!("r{k}"), json!(levels[i * r + k]))).collect();
                json!({"id": id, "name": id, "kind": "si", "capabilities": caps})
            })
            .collect();
        let reqs: Vec<serde_json::Value> = weights
            .iter()
            .enumerate()
            .map(|(k, w)| json!({"capability": format!("r{k}"), "weight": w}))
            .collect();
        let request = json!({"amount": "1000000.00", "currency": "EUR", "members": members, "model": "shapley",
            "ecosystem": {"partners": partners},
            "deal": {"id": "d", "name": "d", "value": "1000000.00", "currency": "EUR", "requirements": reqs, "slots": [{"role": "si", "min": 1, "max": n}]}});
        let req: dealteam::splits::SplitRequest = serde_json::from_value(request).expect("valid request");
        let (t_request, resp) = time(if n == 20 { 3 } else { 20 }, || {
            dealteam::splits::split(req.clone()).expect("split runs")
        });
        let from_request: Vec<f64> = resp
            .result
            .allocations
            .iter()
            .map(|a| a.value.unwrap_or(f64::NAN))
            .collect();
        assert!(
            max_diff(&from_request, &win_phi) < 1e-6,
            "request and direct enumeration agree"
        );
        g["ms"]["winSplitRequest"] = json!(t_request);
        if n == 20 {
            let v = win_game.table().expect("n ≤ 20");
            let (t_core, (excess, mask, _)) = time(reps, || max_excess(&v, &win_phi));
            g["ms"]["core"] = json!(t_core);
            g["coreExcess"] = json!(excess);
            g["coreMask"] = json!(mask);
        }
        eprintln!("n = {n}: closed form {t_closed:.4} ms, enumeration {t_enum:.3} ms, winProbability {t_win:.3} ms, whole split request {t_request:.3} ms");
        games.push(g);
    }
    std::fs::write(
        format!("{dir}/games.json"),
        serde_json::to_string(&games).expect("json"),
    )
    .expect("write games.json");

    let mut attribution = Vec::new();
    for count in [10_000usize, 100_000] {
        let channels = 30u32;
        let mut seen = HashSet::new();
        let mut journeys = Vec::with_capacity(count);
        while journeys.len() < count {
            let len = rng.random_range(1..=8usize);
            let mut path: Vec<u32> = Vec::with_capacity(len);
            while path.len() < len {
                let c = rng.random_range(0..channels);
                if path.last() != Some(&c) {
                    path.push(c);
                }
            }
            if !seen.insert(path.clone()) {
                continue;
            }
            journeys.push(Journey {
                path: path.iter().map(|c| format!("c{c:02}")).collect(),
                conversions: rng.random_range(0..20u32) as f64,
                nulls: Some(rng.random_range(0..200u32) as f64),
                value: None,
                touch_days: None,
            });
        }
        let req_markov = AttributeRequest {
            journeys,
            models: Some(vec![AttributionModel::Markov]),
            half_life_days: None,
            currency: None,
            order: None,
            bootstrap: None,
        };
        let req_all = AttributeRequest {
            models: None,
            ..req_markov.clone()
        };
        let (t_markov, res) = time(5, || attribute(&req_markov).expect("valid journeys"));
        let (t_all, _) = time(5, || attribute(&req_all).expect("valid journeys"));
        // the solve alone, from integer paths (as the NumPy peer gets them)
        let mut names: Vec<&str> = req_markov
            .journeys
            .iter()
            .flat_map(|j| j.path.iter().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        let int_paths: Vec<Vec<u32>> = req_markov
            .journeys
            .iter()
            .map(|j| {
                j.path
                    .iter()
                    .map(|c| names.binary_search(&c.as_str()).unwrap_or(0) as u32)
                    .collect()
            })
            .collect();
        let cs: Vec<f64> = req_markov.journeys.iter().map(|j| j.conversions).collect();
        let ns: Vec<f64> = req_markov.journeys.iter().map(|j| j.nulls.unwrap_or(0.0)).collect();
        let slices: Vec<&[u32]> = int_paths.iter().map(Vec::as_slice).collect();
        let (t_solve, _) = time(5, || markov(&slices, &cs, &ns, names.len()).expect("solvable"));
        let paths: Vec<String> = req_markov.journeys.iter().map(|j| j.path.join(">")).collect();
        let conv: Vec<f64> = req_markov.journeys.iter().map(|j| j.conversions).collect();
        let nulls: Vec<f64> = req_markov.journeys.iter().map(|j| j.nulls.unwrap_or(0.0)).collect();
        let md = res.markov.expect("markov ran");
        let re: serde_json::Map<String, serde_json::Value> = md
            .removal_effects
            .iter()
            .map(|(k, v)| (k.clone(), json!(v.0)))
            .collect();
        eprintln!("{count} paths: markov {t_markov:.2} ms, all six models {t_all:.2} ms");
        attribution.push(json!({"paths": paths, "conversions": conv, "nulls": nulls,
            "ms": {"markov": t_markov, "markovSolve": t_solve, "allModels": t_all},
            "conversionProbability": md.conversion_probability, "removalEffects": re}));
    }
    std::fs::write(
        format!("{dir}/attribution.json"),
        serde_json::to_string(&attribution).expect("json"),
    )
    .expect("write attribution.json");
}
