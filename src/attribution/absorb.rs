//! The exact solve of an absorbing chain of any order (SPEC §12): the conversion
//! probability from `start`, with every state containing a removed partner redirected
//! to `null`.
//!
//! Method: the states reachable from `start` are split into strongly connected
//! components (Tarjan's algorithm, without recursion), which come out sinks first. Each
//! component is solved once its successors are known: a state on no loop directly,
//! `x_s = (conv_s + Σ_j n_sj x_j) / total_s`; a loop of c ≤ 200 states by Gaussian
//! elimination with partial pivoting (`crate::linalg::solve`) of its c × c system; a
//! larger loop (higher orders over many mixed partners) by Gauss–Seidel sweeps with a
//! certificate: from x⁰ = 0 the k-th sweep is the chance of converting within k steps
//! at most, and the same sweep without the right-hand side from y⁰ = 1 bounds the error,
//! 0 ≤ x − xᵏ ≤ yᵏ (the sweep's operator is non-negative and x ≤ 1).
//! Sweeps stop when yᵏ ≤ 1e-15·xᵏ (or 1e-18) in every state: exact to float precision,
//! proven by the bound, not assumed from a small change.
// State and edge indices of the chain (≤ 10⁹ touches, see chain.rs): v + 1 ≤ states,
// counters of sweeps below their cap. Hot loop of the absorption.
// Indexing: state and edge arrays of the chain, by the ids the chain numbered.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::chain::{Chain, Counts};
use crate::error::{DealteamError, Result};
use crate::linalg::solve;
use ndarray::Array2;

/// Loops up to this many states are solved densely; larger ones by certified sweeps.
pub const DENSE_LOOP_STATES: usize = 200;
/// Most sweeps over one loop before giving up (`too_large` at `order`).
pub const MAX_SWEEPS: usize = 50_000;

const UNSEEN: u32 = u32::MAX;

/// P(conversion) from `start`, with the states containing `removed` redirected to null.
pub fn conversion_probability(chain: &Chain, counts: &Counts, removed: Option<u32>) -> Result<f64> {
    let s = chain.states();
    let keep = |st: usize| !removed.is_some_and(|p| chain.contains(st, p));
    let mut x = vec![0.0; s];
    let (mut index, mut low) = (vec![UNSEEN; s], vec![0u32; s]);
    let mut on_stack = vec![false; s];
    let mut stack: Vec<u32> = Vec::new();
    let mut calls: Vec<(u32, usize)> = vec![(0, chain.row[0])];
    let mut local = vec![UNSEEN; s];
    let mut counter = 0u32;
    index[0] = 0;
    low[0] = 0;
    stack.push(0);
    on_stack[0] = true;
    while let Some(&(v, pos)) = calls.last() {
        let v = v as usize;
        if pos < chain.row[v + 1] {
            if let Some(top) = calls.last_mut() {
                top.1 += 1;
            }
            let w = chain.to[pos] as usize;
            if counts.edge[pos] <= 0.0 || !keep(w) {
                continue;
            }
            if index[w] == UNSEEN {
                counter += 1;
                index[w] = counter;
                low[w] = counter;
                stack.push(w as u32);
                on_stack[w] = true;
                calls.push((w as u32, chain.row[w]));
            } else if on_stack[w] {
                low[v] = low[v].min(index[w]);
            }
            continue;
        }
        calls.pop();
        if let Some(&(u, _)) = calls.last() {
            low[u as usize] = low[u as usize].min(low[v]);
        }
        if low[v] == index[v] {
            let at = stack.iter().rposition(|&t| t as usize == v).unwrap_or(0);
            let comp: Vec<u32> = stack.drain(at..).collect();
            comp.iter().for_each(|&t| on_stack[t as usize] = false);
            solve_component(chain, counts, &comp, &keep, &mut x, &mut local)?;
        }
    }
    Ok(x[0])
}

/// Solve one strongly connected component given its successors' values in `x`.
fn solve_component(
    chain: &Chain,
    counts: &Counts,
    comp: &[u32],
    keep: &dyn Fn(usize) -> bool,
    x: &mut [f64],
    local: &mut [u32],
) -> Result<()> {
    let c = comp.len();
    for (i, &st) in comp.iter().enumerate() {
        local[st as usize] = i as u32;
    }
    let (inner, b) = loop_system(chain, counts, comp, keep, x, local);
    comp.iter().for_each(|&st| local[st as usize] = UNSEEN);
    let singular = || DealteamError::invalid("journeys", "the Markov chain's system is singular");
    let xs = if c == 1 {
        let stay: f64 = inner.iter().map(|t| t.2).sum();
        if 1.0 - stay <= 1e-12 {
            return Err(singular());
        }
        vec![b[0] / (1.0 - stay)]
    } else if c <= DENSE_LOOP_STATES {
        let mut a = Array2::<f64>::eye(c);
        for &(i, j, p) in &inner {
            a[[i as usize, j as usize]] -= p;
        }
        let rhs = Array2::from_shape_vec((c, 1), b).map_err(|_| singular())?;
        solve(a, rhs).ok_or_else(singular)?.column(0).to_vec()
    } else {
        sweep(&inner, &b)?
    };
    for (i, &st) in comp.iter().enumerate() {
        x[st as usize] = xs[i];
    }
    Ok(())
}

/// The loop's system `x_C = P_CC x_C + b`: inner transitions (i, j, p_ij) by row, and
/// b = conversion + exits to solved states (removed states count as null: x = 0).
fn loop_system(
    chain: &Chain,
    counts: &Counts,
    comp: &[u32],
    keep: &dyn Fn(usize) -> bool,
    x: &[f64],
    local: &[u32],
) -> (Vec<(u32, u32, f64)>, Vec<f64>) {
    let mut inner: Vec<(u32, u32, f64)> = Vec::new();
    let mut b = vec![0.0; comp.len()];
    for (i, &st) in comp.iter().enumerate() {
        let st = st as usize;
        let total = counts.total[st];
        if total <= 0.0 {
            continue;
        }
        let mut rhs = counts.conv[st];
        for pos in chain.row[st]..chain.row[st + 1] {
            let (w, n) = (chain.to[pos] as usize, counts.edge[pos]);
            if n <= 0.0 || !keep(w) {
                continue;
            }
            if local[w] != UNSEEN {
                inner.push((i as u32, local[w], n / total));
            } else {
                rhs += n * x[w];
            }
        }
        b[i] = rhs / total;
    }
    (inner, b)
}

/// A large loop by certified Gauss–Seidel sweeps (see the module comment). The error
/// after k sweeps from 0 is Tᵏx ≤ Tᵏ1 (T ≥ 0 the sweep's iteration operator, x ≤ 1),
/// and Tᵏ1 is the same sweep without b from 1: `y`.
fn sweep(inner: &[(u32, u32, f64)], b: &[f64]) -> Result<Vec<f64>> {
    let (mut xs, mut ys) = (vec![0.0; b.len()], vec![1.0; b.len()]);
    for _ in 0..MAX_SWEEPS {
        let mut t = 0;
        for i in 0..b.len() {
            let (mut xi, mut yi) = (b[i], 0.0);
            while t < inner.len() && inner[t].0 as usize == i {
                let (j, p) = (inner[t].1 as usize, inner[t].2);
                xi += p * xs[j];
                yi += p * ys[j];
                t += 1;
            }
            xs[i] = xi;
            ys[i] = yi;
        }
        if xs.iter().zip(&ys).all(|(x, y)| *y <= (1e-15 * x).max(1e-18)) {
            return Ok(xs);
        }
    }
    Err(DealteamError::too_large(
        "order",
        "sweeps over one loop of the Markov chain (it mixes too slowly to solve exactly; choose a lower order)",
        MAX_SWEEPS,
        MAX_SWEEPS + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha12Rng;

    /// The whole chain as one dense system (states with `removed` zeroed): the reference.
    fn dense(chain: &Chain, counts: &Counts, removed: Option<u32>) -> f64 {
        let s = chain.states();
        let mut a = Array2::<f64>::eye(s);
        let mut b = Array2::<f64>::zeros((s, 1));
        for st in 0..s {
            let gone = removed.is_some_and(|p| chain.contains(st, p));
            if gone || counts.total[st] <= 0.0 {
                continue;
            }
            for pos in chain.row[st]..chain.row[st + 1] {
                a[[st, chain.to[pos] as usize]] -= counts.edge[pos] / counts.total[st];
            }
            b[[st, 0]] = counts.conv[st] / counts.total[st];
        }
        solve(a, b).expect("solvable")[[0, 0]]
    }

    #[test]
    fn large_loops_by_certified_sweeps_match_one_dense_solve() {
        let mut rng = ChaCha12Rng::seed_from_u64(3);
        let paths: Vec<Vec<u32>> = (0..3_000)
            .map(|_| {
                (0..rng.random_range(1..7))
                    .map(|_| rng.random_range(0..20u32))
                    .collect()
            })
            .collect();
        let slices: Vec<&[u32]> = paths.iter().map(|p| p.as_slice()).collect();
        let conv: Vec<f64> = (0..paths.len()).map(|_| rng.random_range(0..4) as f64).collect();
        let nulls: Vec<f64> = (0..paths.len()).map(|_| rng.random_range(0..9) as f64).collect();
        let chain = Chain::new(&slices, 2);
        assert!(chain.states() > DENSE_LOOP_STATES + 100, "the test needs a large loop");
        let counts = chain.counts(&conv, &nulls);
        for removed in [None, Some(0), Some(7), Some(19)] {
            let (got, want) = (
                conversion_probability(&chain, &counts, removed).unwrap(),
                dense(&chain, &counts, removed),
            );
            assert!((got - want).abs() <= 1e-14 * want, "{removed:?}: {got} vs {want}");
        }
    }
}
