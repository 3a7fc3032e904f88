//! Native side of the teams benchmark (bench/teams/run.sh): for each ecosystem size,
//! generate the sample (`dealteam::sample::generate`), write the request to
//! `bench/out/teams_<n>.json` for the CP-SAT peer, and time the exact top-1 and top-10
//! searches. Prints one JSON line per run.
//!
//! `cargo run --release --example bench_teams -- [sizes…] [--limit MS] [--seed S]`

use dealteam::api::Command;
use dealteam::clock::Ctx;
use dealteam::teams::{TeamsCommand, TeamsRequest};

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
            }
            let ctx = Ctx::native();
            let t0 = (ctx.now_ms)();
            let resp = TeamsCommand::run(req, &ctx);
            let ms = (ctx.now_ms)() - t0;
            match resp {
                Ok(r) => {
                    let best = r.teams.first().map(|t| (t.members.join(","), t.score)).unwrap_or_default();
                    println!(
                        "{{\"partners\":{n},\"k\":{k},\"ms\":{ms:.2},\"exact\":{},\"nodes\":{},\"gap\":{},\"best\":\"{}\",\"score\":{:.12},\"kth\":{:.12}}}",
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
