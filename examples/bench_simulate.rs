//! Native side of bench/simulate: runs `trials` trials of the plan in
//! bench/simulate/plan.json through `Simulation` and prints one JSON line with the
//! wall time and the mean bookings / revenue (for the NumPy comparison).
//!
//! `cargo run --release --example bench_simulate -- bench/simulate/plan.json 100000 1`

use dealteam::clock::Ctx;
use dealteam::plan::{Plan, SimulateRequest, Simulation};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().map(String::as_str).unwrap_or("bench/simulate/plan.json");
    let trials: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(path).expect("read the plan");
    let plan: Plan = dealteam::json::from_str(&text).expect("a valid plan");
    let ctx = Ctx::native();
    let cpu0 = cpu_ms();
    let t0 = Instant::now();
    let mut sim = Simulation::new(SimulateRequest { plan, trials: Some(trials), seed: Some(seed) }).expect("plan");
    while !sim.step(100.0, &ctx).expect("step").done {}
    let res = sim.result().expect("result");
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    let cpu = cpu_ms() - cpu0;
    println!(
        "{{\"engine\":\"dealteam-native\",\"trials\":{trials},\"ms\":{ms:.1},\"cpuMs\":{cpu:.0},\"meanBookings\":{},\"meanRevenue\":{}}}",
        res.totals.bookings.mean, res.totals.revenue.mean
    );
}

/// CPU time of this process (user + system) in ms from /proc/self/stat (Linux; 0
/// elsewhere): wall time is meaningless on a shared machine, CPU time is not.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<f64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    // fields 14 and 15 of the file (utime, stime) are 12 and 13 after the command name
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) * 10.0
}
