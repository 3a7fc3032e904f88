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
    let t0 = Instant::now();
    let mut sim = Simulation::new(SimulateRequest { plan, trials: Some(trials), seed: Some(seed) }).expect("plan");
    while !sim.step(100.0, &ctx).expect("step").done {}
    let res = sim.result().expect("result");
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{{\"engine\":\"dealteam-native\",\"trials\":{trials},\"ms\":{ms:.1},\"meanBookings\":{},\"meanRevenue\":{}}}",
        res.totals.bookings.mean, res.totals.revenue.mean
    );
}
