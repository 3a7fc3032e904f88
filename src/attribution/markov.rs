//! Markov attribution (SPEC §5, §12), exact. First order: the absorbing chain
//! start → partners → conversion | null is solved as a linear system (not simulated),
//! and each partner's removal effect is `1 − P(conv without it) / P(conv)`.
// m partners ≤ the touches (10⁹): m + 1 states with START, r + 1 ≤ s columns; ndarray
// systems of the shapes built here.
// Indexing: ndarray systems of the shapes built here, by state indices below them.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::absorb::conversion_probability;
use super::chain::{Chain, Counts};
use crate::error::{DealteamError, Result};
use crate::linalg::solve;
use ndarray::Array2;

/// Most distinct partners of a Markov model (the solve is O(m³)).
pub const MAX_MARKOV_PARTNERS: usize = 1_000;

/// The solved chain.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkovResult {
    /// P(conversion) from the start state.
    pub conversion_probability: f64,
    /// Removal effect per partner (index = partner index).
    pub removal_effects: Vec<f64>,
}

/// Build the chain from paths of partner indices (consecutive repeats collapsed) with
/// their conversion and null counts, and solve it.
///
/// States: 0 = start, 1..=m partners; absorbing conversion and null. With
/// `A = I − Q` (Q the transient-to-transient probabilities) and `b` the
/// probabilities of converting next, `A x = b` gives each state's conversion
/// probability and `N = A⁻¹` the expected visits; removing partner r redirects its
/// visits to null, so `P(conv without r) = x_start − (N[start, r] / N[r, r]) · x_r`
/// (the chance of ever reaching r, times converting from there).
pub fn markov(paths: &[&[u32]], conversions: &[f64], nulls: &[f64], m: usize) -> Result<MarkovResult> {
    if m > MAX_MARKOV_PARTNERS {
        return Err(DealteamError::too_large(
            "journeys",
            "distinct partners for the markov model",
            MAX_MARKOV_PARTNERS,
            m,
        ));
    }
    let s = m + 1;
    let mut q = Array2::<f64>::zeros((s, s));
    let mut conv = vec![0.0; s];
    let mut total = vec![0.0; s];
    for ((path, &c), &n) in paths.iter().zip(conversions).zip(nulls) {
        let flow = c + n;
        if flow <= 0.0 {
            continue;
        }
        let mut prev = 0usize;
        for &p in path.iter() {
            let state = p as usize + 1;
            if state == prev {
                continue; // a repeated touch of the same partner counts once
            }
            q[[prev, state]] += flow;
            total[prev] += flow;
            prev = state;
        }
        conv[prev] += c;
        total[prev] += flow;
    }
    // A = I − Q/total, b = conv/total; right-hand sides [b | I]
    let mut a = Array2::<f64>::eye(s);
    let mut rhs = Array2::<f64>::zeros((s, s + 1));
    for i in 0..s {
        if total[i] > 0.0 {
            for j in 0..s {
                let t = q[[i, j]];
                if t != 0.0 {
                    a[[i, j]] -= t / total[i];
                }
            }
            rhs[[i, 0]] = conv[i] / total[i];
        }
        rhs[[i, i + 1]] = 1.0;
    }
    let x = solve(a, rhs).ok_or_else(|| DealteamError::invalid("journeys", "the Markov chain's system is singular"))?;
    let p = x[[0, 0]];
    let removal_effects = (1..s)
        .map(|r| {
            if p <= 0.0 {
                return 0.0;
            }
            let reach = x[[0, r + 1]] / x[[r, r + 1]];
            let without = p - reach * x[[r, 0]];
            (1.0 - without / p).clamp(0.0, 1.0)
        })
        .collect();
    Ok(MarkovResult {
        conversion_probability: p,
        removal_effects,
    })
}

/// The Markov model of order `order` (SPEC §12): order 1 by the closed form above,
/// higher orders by one exact solve per removed partner over the order-k chain
/// ([`super::absorb`]).
pub fn markov_of_order(
    paths: &[&[u32]],
    conversions: &[f64],
    nulls: &[f64],
    m: usize,
    order: usize,
) -> Result<MarkovResult> {
    if order <= 1 {
        return markov(paths, conversions, nulls, m);
    }
    let chain = Chain::new(paths, order);
    removal_effects(&chain, &chain.counts(conversions, nulls), m)
}

/// Removal effects over a chain of any order: `1 − P_conv(states with p → null) / P_conv`.
pub fn removal_effects(chain: &Chain, counts: &Counts, m: usize) -> Result<MarkovResult> {
    let p = conversion_probability(chain, counts, None)?;
    let removal_effects = (0..m as u32)
        .map(|r| {
            if p <= 0.0 {
                return Ok(0.0);
            }
            let without = conversion_probability(chain, counts, Some(r))?;
            Ok((1.0 - without / p).clamp(0.0, 1.0))
        })
        .collect::<Result<Vec<f64>>>()?;
    Ok(MarkovResult {
        conversion_probability: p,
        removal_effects,
    })
}
