//! Native side of the teams benchmark (bench/teams/run.sh): for each ecosystem size,
//! generate the sample (`dealteam::sample::generate`), write the request to
//! `bench/out/teams_<n>.json` for the CP-SAT peer, and time the exact top-1 and top-10
//! searches. Prints one JSON line per run.
//!
//! `cargo run --release --example bench_teams -- [sizes…] [--limit MS] [--seed S]`

use dealteam::api::Command;
use dealteam::clock::Ctx;
use dealteam::teams::{TeamsCommand, TeamsRequest};
use serde_json::json;

/// The instance as plain numbers for the CP-SAT peer, computed with the crate's own
/// §2/§3 functions (eligibility, fit, level, pair score), so both solvers optimise the
/// same objective: candidates (eligible for some slot, not excluded), their slot
/// eligibility and fits, requirement levels, and the pairs with a relationship.
fn export_model(req: &TeamsRequest) -> serde_json::Value {
    let tiers = dealteam::fit::Tiers::new(&req.ecosystem.tiers);
    let deal = &req.deal;
    let prof = |s: &dealteam::model::Slot| {
        s.profile
            .as_ref()
            .and_then(|id| req.profiles.iter().find(|p| &p.id == id))
    };
    let mut ids = Vec::new();
    let mut cands = Vec::new();
    for p in &req.ecosystem.partners {
        if deal.exclude.contains(&p.id) {
            continue;
        }
        let mut slots = Vec::new();
        for (i, s) in deal.slots.iter().enumerate() {
            let ok = match prof(s) {
                Some(pr) => dealteam::fit::eligible(pr, p, &tiers),
                None => p.kind == s.role,
            };
            if ok {
                let f = prof(s).map(|pr| dealteam::fit::fit(pr, p, &tiers));
                slots.push(json!([i, f]));
            }
        }
        if slots.is_empty() {
            continue;
        }
        let levels: Vec<f64> = deal
            .requirements
            .iter()
            .map(|r| dealteam::coverage::level(r, p))
            .collect();
        ids.push(p.id.clone());
        cands.push(json!({"id": p.id, "slots": slots, "levels": levels}));
    }
    let ix: std::collections::HashMap<&str, usize> = ids.iter().enumerate().map(|(i, x)| (x.as_str(), i)).collect();
    let pairs: Vec<serde_json::Value> = req
        .ecosystem
        .relationships
        .iter()
        .filter_map(|r| {
            Some(json!([
                ix.get(r.a.as_str())?,
                ix.get(r.b.as_str())?,
                r.pair_score(),
                r.conflict
            ]))
        })
        .collect();
    let w = deal.weights();
    json!({
        "candidates": cands,
        "pairs": pairs,
        "slots": deal.slots.iter().map(|s| json!({"min": s.min, "max": s.max, "profiled": s.profile.is_some()})).collect::<Vec<_>>(),
        "reqWeights": deal.requirements.iter().map(|r| r.weight).collect::<Vec<_>>(),
        "maxTeamSize": deal.max_team_size(),
        "weights": [w.coverage, w.fit, w.synergy],
        "forbid": deal.conflicts == dealteam::model::ConflictMode::Forbid,
        "penalty": deal.conflict_penalty(),
        "include": deal.include,
    })
}

/// This process's user+system CPU time in ms (Linux `/proc/self/stat`; 0 elsewhere), to
/// report alongside wall time on a shared machine.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) * 10.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes = Vec::new();
    let mut limit = 5000.0;
    let mut seed = 42u64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--limit" => limit = it.next().and_then(|x| x.parse().ok()).unwrap_or(limit),
            "--seed" => seed = it.next().and_then(|x| x.parse().ok()).unwrap_or(seed),
            x => sizes.extend(x.parse::<usize>().ok()),
        }
    }
    if sizes.is_empty() {
        sizes = vec![120, 500, 1000, 10000];
    }
    std::fs::create_dir_all("bench/out").ok();
    for n in sizes {
        let sample = match dealteam::sample::generate(n, seed) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("sample: {e}");
                std::process::exit(2);
            }
        };
        for k in [1usize, 10] {
            let req = TeamsRequest {
                ecosystem: sample.ecosystem.clone(),
                profiles: sample.profiles.clone(),
                deal: sample.deal.clone(),
                k: Some(k),
                mode: None,
                time_limit_ms: Some(limit),
                win_model: None,
            };
            if k == 1 {
                let path = format!("bench/out/teams_{n}.json");
                std::fs::write(&path, serde_json::to_string(&req).unwrap_or_default()).ok();
                let path = format!("bench/out/teams_{n}.model.json");
                std::fs::write(&path, export_model(&req).to_string()).ok();
            }
            let ctx = Ctx::native();
            let (t0, c0) = ((ctx.now_ms)(), cpu_ms());
            let resp = TeamsCommand::run(req, &ctx);
            let (ms, cpu) = ((ctx.now_ms)() - t0, cpu_ms() - c0);
            match resp {
                Ok(r) => {
                    let best = r
                        .teams
                        .first()
                        .map(|t| (t.members.join(","), t.score))
                        .unwrap_or_default();
                    println!(
                        "{{\"partners\":{n},\"k\":{k},\"ms\":{ms:.2},\"cpuMs\":{cpu:.0},\"exact\":{},\"nodes\":{},\"gap\":{},\"best\":\"{}\",\"score\":{:.12},\"kth\":{:.12}}}",
                        r.exact,
                        r.nodes,
                        r.gap.map_or("null".into(), |g| format!("{g:.6}")),
                        best.0,
                        best.1,
                        r.teams.last().map_or(0.0, |t| t.score)
                    );
                }
                Err(e) => println!("{{\"partners\":{n},\"k\":{k},\"error\":\"{e}\"}}"),
            }
        }
    }
}
