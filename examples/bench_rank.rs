//! Rank benchmark, native side (bench/rank/run.sh runs it next to NumPy and wasm):
//! generates `--partners` partners (default 100,000) with `sample::generate`, writes
//! the ecosystem JSON (~70 MB) and the 9-criterion `cloud-si` profile to `bench/out/`,
//! then times (a) `EcosystemIndex::from_json` (and `from_reader`, the path of
//! `Ecosystem.fromChunks`) and (b) ranking: top 100 with
//! explanations and the full order. Prints one JSON line of timings (milliseconds)
//! and writes every partner's fit and the full order for the NumPy cross-check.
//!
//! `cargo run --release --example bench_rank -- [--partners N] [--seed S] [--out DIR]`

use dealteam::model::Ecosystem;
use dealteam::rank::{EcosystemIndex, RankOptions};
use std::io::Write;
use std::time::Instant;

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

/// This thread's CPU time (user + system) in ms, from /proc (10 ms ticks; Linux only,
/// 0 elsewhere). On a busy machine CPU time is closer to the idle wall time.
fn cpu_ms() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let f: Vec<&str> = s.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let t = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (t(11) + t(12)) * 10.0
}

/// Median wall time of `runs` calls of `f` and their mean CPU time, in milliseconds.
fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> ((f64, f64), T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    let mut cpu = 0.0;
    for _ in 0..runs {
        // only the call is measured: dropping the previous result happens outside
        let (c, t) = (cpu_ms(), Instant::now());
        let v = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        cpu += cpu_ms() - c;
        last = Some(v);
    }
    let cpu = cpu / runs as f64;
    times.sort_by(|a, b| a.total_cmp(b));
    ((times[runs / 2], cpu), last.expect("runs ≥ 1"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = arg(&args, "--partners", "100000").parse()?;
    let seed: u64 = arg(&args, "--seed", "1").parse()?;
    let out = std::path::PathBuf::from(arg(&args, "--out", "bench/out"));
    std::fs::create_dir_all(&out)?;

    let sample = dealteam::sample::generate(n, seed)?;
    let profile = sample.profiles[0].clone();
    let eco_json = serde_json::to_string(&sample.ecosystem)?;
    std::fs::write(out.join("rank_ecosystem.json"), &eco_json)?;
    std::fs::write(out.join("rank_profile.json"), serde_json::to_string(&profile)?)?;
    drop(sample);

    let (parse_ms, eco) = time_ms(3, || serde_json::from_str::<Ecosystem>(&eco_json).expect("valid JSON"));
    let (validate_ms, _) = time_ms(3, || eco.validate().expect("valid ecosystem"));
    let (build_ms, _) = time_ms(3, || EcosystemIndex::new(eco.clone()).expect("valid ecosystem"));
    let (from_json_ms, index) = time_ms(5, || EcosystemIndex::from_json(&eco_json).expect("valid ecosystem"));
    // the path of `Ecosystem.fromChunks`: the same text as a stream of bytes
    let (from_reader_ms, _) = time_ms(3, || {
        EcosystemIndex::from_reader(eco_json.as_bytes(), || None).expect("valid ecosystem")
    });
    let (score_ms, _) = time_ms(301, || index.scores(&profile));
    let top = RankOptions {
        limit: Some(100),
        explain: Some(true),
    };
    let (top100_ms, resp) = time_ms(301, || index.rank(&profile, &top).expect("valid profile"));
    let (full_ms, ranking) = time_ms(301, || index.order(&profile).expect("valid profile"));
    let all = RankOptions {
        limit: Some(0),
        explain: Some(false),
    };
    let (full_rows_ms, rows) = time_ms(5, || index.rank(&profile, &all).expect("valid profile"));
    assert_eq!(rows.results.len(), n);
    assert_eq!(resp.results[0].partner_id, rows.results[0].partner_id);

    let mut f = std::io::BufWriter::new(std::fs::File::create(out.join("rank_native_fits.f64"))?);
    for x in &ranking.scores.fit {
        f.write_all(&x.to_le_bytes())?;
    }
    let mut o = std::io::BufWriter::new(std::fs::File::create(out.join("rank_native_order.u32"))?);
    for x in &ranking.order {
        o.write_all(&x.to_le_bytes())?;
    }
    let eligible = ranking.scores.eligible.iter().filter(|&&e| e).count();
    let w = |x: (f64, f64)| x.0;
    let c = |x: (f64, f64)| x.1;
    println!(
        "{}",
        serde_json::json!({
            "side": "native", "partners": n, "jsonBytes": eco_json.len(), "eligible": eligible,
            "parseMs": w(parse_ms), "validateMs": w(validate_ms), "cloneAndIndexMs": w(build_ms),
            "fromJsonMs": w(from_json_ms), "fromReaderMs": w(from_reader_ms), "scoreMs": w(score_ms), "top100Ms": w(top100_ms),
            "fullOrderMs": w(full_ms), "fullRowsMs": w(full_rows_ms),
            "cpu": {"parseMs": c(parse_ms), "fromJsonMs": c(from_json_ms), "fromReaderMs": c(from_reader_ms), "scoreMs": c(score_ms),
                    "top100Ms": c(top100_ms), "fullOrderMs": c(full_ms), "fullRowsMs": c(full_rows_ms)},
            "best": resp.results[0].partner_id, "bestFit": resp.results[0].fit,
        })
    );
    Ok(())
}
