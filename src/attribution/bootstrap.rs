//! Seeded bootstrap intervals of Markov credit (SPEC §12).
//!
//! The journeys are aggregated, so the unit resampled is one journey, not one row: each
//! row's conversions and nulls are drawn again as Poisson counts with those means (the
//! Poisson bootstrap, the large-sample form of resampling journeys with replacement;
//! Hanley & MacGibbon 2006), and the chain is solved again exactly. A partner's interval
//! is the percentile interval (linear interpolation between order statistics) of the
//! conversions it is credited with across the resamples. Draws use ChaCha12 from the
//! seed and only IEEE arithmetic and `libm`, so native and wasm give the same intervals.
// Indexing: per-journey arrays of the paths' length and per-partner credit of length m
// (removal effects are m long); quantile positions lo ≤ hi ≤ len − 1 of a non-empty slice.
#![allow(clippy::indexing_slicing)]

use super::chain::Chain;
use super::markov::{markov, removal_effects, MarkovResult};
use crate::error::Result;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;

/// Default resamples.
pub const DEFAULT_SAMPLES: u32 = 200;
/// Most resamples.
pub const MAX_SAMPLES: u32 = 2_000;
/// Default interval level.
pub const DEFAULT_LEVEL: f64 = 0.9;

/// Per partner, the (low, high) interval of credited conversions.
pub fn intervals(
    paths: &[&[u32]],
    conversions: &[f64],
    nulls: &[f64],
    m: usize,
    order: usize,
    (samples, seed, level): (u32, u64, f64),
) -> Result<Vec<(f64, f64)>> {
    let chain = (order > 1).then(|| Chain::new(paths, order));
    let run = |c: &[f64], n: &[f64]| -> Result<MarkovResult> {
        match &chain {
            Some(ch) => removal_effects(ch, &ch.counts(c, n), m),
            None => markov(paths, c, n, m),
        }
    };
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let mut credit: Vec<Vec<f64>> = vec![Vec::with_capacity(samples as usize); m];
    let (mut c, mut n) = (vec![0.0; paths.len()], vec![0.0; paths.len()]);
    for _ in 0..samples {
        for i in 0..paths.len() {
            c[i] = poisson(&mut rng, conversions[i]);
            n[i] = poisson(&mut rng, nulls[i]);
        }
        let total: f64 = c.iter().sum();
        let r = run(&c, &n)?;
        let sum: f64 = r.removal_effects.iter().sum();
        for (k, e) in r.removal_effects.iter().enumerate() {
            credit[k].push(if sum > 0.0 { e / sum * total } else { 0.0 });
        }
    }
    let tail = (1.0 - level) / 2.0;
    Ok(credit
        .into_iter()
        .map(|mut v| {
            crate::sort::sort_by(&mut v, f64::total_cmp);
            (quantile(&v, tail), quantile(&v, 1.0 - tail))
        })
        .collect())
}

/// The q-quantile of sorted values, interpolating linearly between order statistics.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let last = sorted.len().saturating_sub(1);
    let h = last as f64 * q;
    let lo = h.floor() as usize;
    let hi = lo.saturating_add(1).min(last);

    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// A Poisson draw with mean `lambda` (0 for `lambda` ≤ 0): multiplication of uniforms
/// below 10, Hörmann's transformed rejection (PTRS, 1993) above.
pub fn poisson(rng: &mut ChaCha12Rng, lambda: f64) -> f64 {
    if lambda <= 0.0 {
        return 0.0;
    }
    if lambda < 10.0 {
        let limit = libm::exp(-lambda);
        let (mut k, mut prod) = (0.0, rng.random::<f64>());
        while prod > limit {
            k += 1.0;
            prod *= rng.random::<f64>();
        }
        return k;
    }
    let slam = lambda.sqrt();
    let loglam = libm::log(lambda);
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = rng.random::<f64>() - 0.5;
        let v = rng.random::<f64>();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lambda + 0.43).floor();
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0.0 || (us < 0.013 && v > us) {
            continue;
        }
        if libm::log(v) + libm::log(invalpha) - libm::log(a / (us * us) + b)
            <= -lambda + k * loglam - libm::lgamma(k + 1.0)
        {
            return k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_draws_have_the_right_mean_and_variance() {
        let mut rng = ChaCha12Rng::seed_from_u64(7);
        for lambda in [0.5, 3.0, 12.0, 250.0] {
            let draws: Vec<f64> = (0..40_000).map(|_| poisson(&mut rng, lambda)).collect();
            let mean = draws.iter().sum::<f64>() / draws.len() as f64;
            let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / draws.len() as f64;
            // standard error of the mean is sqrt(λ / 40,000): 5 of them
            assert!(
                (mean - lambda).abs() < 5.0 * (lambda / 40_000.0).sqrt(),
                "{lambda}: {mean}"
            );
            assert!((var / lambda - 1.0).abs() < 0.05, "{lambda}: {var}");
            assert!(draws.iter().all(|d| *d >= 0.0 && d.fract() == 0.0));
        }
        assert_eq!(poisson(&mut rng, 0.0), 0.0);
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(
            (quantile(&v, 0.0), quantile(&v, 0.5), quantile(&v, 1.0)),
            (1.0, 3.0, 5.0)
        );
        assert_eq!(quantile(&v, 0.05), 1.2);
    }
}
