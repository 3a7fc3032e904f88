//! Antithetic permutation sampling for values without a closed form above the §5
//! enumeration limit (Shapley, Myerson and Owen values): each drawn order and its reverse form a
//! pair; a player's estimate is the mean over pairs of its average marginal value in the
//! two orders, its standard error the pairs' standard deviation / √pairs. Seeded ChaCha12,
//! so natively and in wasm the same bits.
// Indexing: per-member arrays of length n by i < n.
#![allow(clippy::indexing_slicing)]

use super::values::{Values, MAX_SAMPLED_STEPS, MAX_SAMPLES};
use crate::error::{DealteamError, ErrorCode, Result};
use rand::SeedableRng;
use rand_chacha::ChaCha12Rng;

/// Sample `samples` orders (rounded up to pairs) of `n` players drawn by `draw`; `marginal`
/// writes each player's marginal value for one order, which costs `work` (in the units of
/// [`MAX_SAMPLED_STEPS`]: the players times [`super::game::Game::unit_cost`], and more where
/// an order reads links or pairs).
pub fn antithetic(
    n: usize,
    work: usize,
    samples: u32,
    seed: u64,
    mut draw: impl FnMut(&mut ChaCha12Rng, &mut Vec<usize>),
    mut marginal: impl FnMut(&[usize], &mut [f64]),
) -> Result<Values> {
    if !(2..=MAX_SAMPLES).contains(&samples) {
        return Err(DealteamError::invalid(
            "samples",
            format!("samples must be between 2 and {MAX_SAMPLES}, got {samples}"),
        ));
    }
    let pairs = samples.div_ceil(2) as usize;
    let steps = pairs.saturating_mul(2).saturating_mul(work);
    if steps > MAX_SAMPLED_STEPS {
        // whole antithetic pairs: an even count that fits
        let allowed = MAX_SAMPLED_STEPS
            .checked_div(work.saturating_mul(2))
            .unwrap_or(0)
            .saturating_mul(2);
        return Err(DealteamError::new(
            ErrorCode::TooLarge,
            "samples",
            format!(
                "{samples} samples of these members are {steps} sampling steps (samples × members × (8 + requirements), \
                 links and pairs adding to it); the limit is {MAX_SAMPLED_STEPS} sampling steps per call: use at most \
                 {allowed} samples, or fewer members"
            ),
        ));
    }
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..n).collect();
    let mut rev = order.clone();
    let (mut sum, mut sum_sq) = (vec![0.0; n], vec![0.0; n]);
    let (mut fwd, mut bwd) = (vec![0.0; n], vec![0.0; n]);
    for _ in 0..pairs {
        draw(&mut rng, &mut order);
        rev.clear();
        rev.extend(order.iter().rev());
        marginal(&order, &mut fwd);
        marginal(&rev, &mut bwd);
        for i in 0..n {
            let y = (fwd[i] + bwd[i]) / 2.0;
            sum[i] += y;
            sum_sq[i] += y * y;
        }
    }
    let p = pairs as f64;
    let values = sum.iter().map(|s| s / p).collect();
    let std_errs = (0..n)
        .map(|i| {
            if pairs < 2 {
                0.0
            } else {
                ((sum_sq[i] - sum[i] * sum[i] / p).max(0.0) / (p - 1.0) / p).sqrt()
            }
        })
        .collect();
    Ok(Values {
        values,
        std_errs: Some(std_errs),
        method: "sampling",
        samples: Some(pairs.saturating_mul(2) as u32),
    })
}

/// Shuffle `items` with `rand`'s `SliceRandom::shuffle` (the same draws as the Shapley
/// sampler's).
pub fn shuffle<T>(rng: &mut ChaCha12Rng, items: &mut [T]) {
    use rand::seq::SliceRandom;
    items.shuffle(rng);
}
