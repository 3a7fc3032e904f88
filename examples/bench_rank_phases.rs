//! Phase timings of `EcosystemIndex::from_json` (parse, validate, index) for profiling.
//! `cargo run --release --example bench_rank_phases -- bench/out/rank_ecosystem.json`
use dealteam::model::Ecosystem;
use std::time::Instant;

fn cpu_ms() -> f64 {
    // utime + stime of this thread, in clock ticks (100 Hz): robust on a busy machine
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let f: Vec<&str> = s.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let t = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (t(11) + t(12)) * 10.0
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/out/rank_ecosystem.json".into());
    let text = std::fs::read_to_string(path).expect("run bench/rank/run.sh first");
    for _ in 0..3 {
        let (w, c) = (Instant::now(), cpu_ms());
        let eco: Ecosystem = serde_json::from_str(&text).expect("valid JSON");
        let (w1, c1) = (w.elapsed().as_secs_f64() * 1e3, cpu_ms() - c);
        let (w, c) = (Instant::now(), cpu_ms());
        eco.validate().expect("valid");
        let (w2, c2) = (w.elapsed().as_secs_f64() * 1e3, cpu_ms() - c);
        let (w, c) = (Instant::now(), cpu_ms());
        let ix = dealteam::rank::EcosystemIndex::new(eco).expect("valid");
        let (w3, c3) = (w.elapsed().as_secs_f64() * 1e3, cpu_ms() - c);
        let (w, c) = (Instant::now(), cpu_ms());
        drop(ix);
        let (w4, c4) = (w.elapsed().as_secs_f64() * 1e3, cpu_ms() - c);
        println!("parse {w1:.0} ms (cpu {c1:.0}); validate {w2:.0} (cpu {c2:.0}); validate+index {w3:.0} (cpu {c3:.0}); drop {w4:.0} (cpu {c4:.0})");
    }
}
