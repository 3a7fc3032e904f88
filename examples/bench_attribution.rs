//! bench/attribution: the `attribute` request's Markov model of order 1–4 and `"auto"`
//! on 10,000 and 100,000 generated journeys, and a 200-resample bootstrap, natively.
//! Best of 3 runs per figure, in milliseconds (docs/PERFORMANCE.md).
//!
//! `cargo run --release --example bench_attribution`

use dealteam::attribution::{attribute, AttributeRequest, AttributionModel, BootstrapOptions, Journey, MarkovOrder};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use std::time::Instant;

/// Best of `reps` runs, in milliseconds.
fn time(reps: usize, mut f: impl FnMut()) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// `count` journeys over `channels` partners, 1–8 touches. A partner's next touch is drawn
/// from a skewed preference (half the time one of three favourite followers), as real
/// journeys are, so higher orders see repeated sequences.
fn journeys(rng: &mut ChaCha12Rng, count: usize, channels: u32) -> Vec<Journey> {
    (0..count)
        .map(|_| {
            let len = rng.random_range(1..=8usize);
            let mut path: Vec<u32> = vec![rng.random_range(0..channels)];
            while path.len() < len {
                let last = path[path.len() - 1];
                let next = if rng.random_bool(0.5) {
                    (last + 1 + rng.random_range(0..3)) % channels
                } else {
                    rng.random_range(0..channels)
                };
                if next != last {
                    path.push(next);
                }
            }
            let conv = if path.contains(&3) { 0..30u32 } else { 0..10 };
            Journey {
                path: path.iter().map(|c| format!("c{c:02}")).collect(),
                conversions: rng.random_range(conv) as f64,
                nulls: Some(rng.random_range(0..200u32) as f64),
                value: None,
                touch_days: None,
            }
        })
        .collect()
}

fn main() {
    let mut rng = ChaCha12Rng::seed_from_u64(2026);
    for count in [10_000usize, 100_000] {
        let base = AttributeRequest {
            journeys: journeys(&mut rng, count, 30),
            models: Some(vec![AttributionModel::Markov]),
            half_life_days: None,
            currency: None,
            order: None,
            bootstrap: None,
        };
        for order in [
            MarkovOrder::Fixed(1),
            MarkovOrder::Fixed(2),
            MarkovOrder::Fixed(3),
            MarkovOrder::Fixed(4),
            MarkovOrder::Auto,
        ] {
            let req = AttributeRequest {
                order: Some(order),
                ..base.clone()
            };
            let mut chosen = 0;
            let ms = time(3, || {
                chosen = attribute(&req)
                    .expect("valid journeys")
                    .markov
                    .expect("markov ran")
                    .order;
            });
            println!("{count} journeys, order {order:?} (order used {chosen}): {ms:.1} ms");
        }
        for order in [1u64, 2] {
            let req = AttributeRequest {
                order: Some(MarkovOrder::Fixed(order)),
                bootstrap: Some(BootstrapOptions {
                    samples: Some(200),
                    seed: Some(1),
                    level: None,
                }),
                ..base.clone()
            };
            let ms = time(1, || {
                attribute(&req).expect("valid journeys");
            });
            println!("{count} journeys, order {order}, bootstrap 200 resamples: {ms:.0} ms");
        }
    }
}
