//! Least core, nucleolus and prenucleolus (SPEC §11) of a game given as its 2ⁿ value
//! table (n ≤ 20), by the standard sequence of linear programs (Maschler, Peleg and
//! Shapley 1979; Kopelowitz 1967):
//!
//! 1. stage LP: minimise ε subject to `x(S) + ε ≥ v(S)` for every coalition S not yet
//!    fixed, `x(S) = v(S) − ε_S` for the fixed ones (the grand coalition first, ε = 0),
//!    and for the nucleolus `xᵢ ≥ v({i})`;
//! 2. the coalitions with a positive weight in the optimal dual have excess ε at every
//!    optimum (complementary slackness): they are fixed at ε, and so is a player whose
//!    bound has a positive weight (`xᵢ = v({i})`);
//! 3. coalitions whose indicator vector is spanned by the fixed ones have a constant
//!    excess and leave the LPs; when the fixed vectors span ℝⁿ, x is unique.
//!
//! Each stage LP is solved as its dual by a small dense simplex that generates its
//! columns from the 2ⁿ coalitions (`src/splits/excess_lp.rs`): the LP never holds all 2ⁿ
//! constraints, and a pass over all of them is made only when no pooled coalition is
//! violated. Values are scaled to at most 1 in absolute value for the solver.
// Tables of 2ⁿ entries, n ≤ MAX_ENUMERATED_PLAYERS (20): len − 1 is the full coalition;
// the stage counter stops at 2n + 2.
// Indexing: 2ⁿ tables by masks < 2ⁿ (v.len() = 2ⁿ is checked first), players i < n.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::excess_lp::{Col, Optimum, Pool, Stage, TOL};
pub use super::fractions::rational_weights;
use crate::error::{DealteamError, ErrorCode, Result};
use std::cell::RefCell;

/// A dual weight above this fixes its coalition (the weights of a stage add up to 1).
const FIX: f64 = 1e-9;

/// The least core ε (without individual-rationality bounds) and the (pre)nucleolus.
#[derive(Clone, Debug, PartialEq)]
pub struct LeastCore {
    /// The smallest ε with `x(S) ≥ v(S) − ε` for every proper non-empty S and x(N) = v(N).
    pub epsilon: f64,
    /// The nucleolus (or prenucleolus), one value per player; adds up to v(N).
    pub values: Vec<f64>,
    /// Number of LP stages.
    pub stages: usize,
}

/// The least core and (pre)nucleolus of one game's value table, each computed at most
/// once: a `split` request shares them between the nucleolus models and the fairness
/// report of every model (which shows the least core when the core is empty).
#[derive(Debug, Default)]
pub struct Memo {
    /// Index 0: prenucleolus, 1: nucleolus.
    done: RefCell<[Option<LeastCore>; 2]>,
}

impl Memo {
    /// [`nucleolus`] of `v` (always the same table for one memo), computed once per kind.
    pub fn get(&self, v: &[f64], imputations: bool, at: &str) -> Result<LeastCore> {
        if let Some(r) = &self.done.borrow()[imputations as usize] {
            return Ok(r.clone());
        }
        let r = nucleolus(v, imputations, at)?;
        self.done.borrow_mut()[imputations as usize] = Some(r.clone());
        Ok(r)
    }
}

/// The least core ε and the nucleolus (`imputations`: `xᵢ ≥ v({i})`) or prenucleolus
/// of the game with value table `v` (length 2ⁿ, `v[0] = 0`). The nucleolus needs
/// `Σ v({i}) ≤ v(N)`; otherwise an `invalid_value` at `at` says to use the prenucleolus.
pub fn nucleolus(v: &[f64], imputations: bool, at: &str) -> Result<LeastCore> {
    let (n, scale, w, lo) = match scaled(v, imputations, at)? {
        Scaled::Done(r) => return Ok(r),
        Scaled::Game { n, scale, w, lo } => (n, scale, w, lo),
    };
    let mut seq = Sequence::new(n, &w, lo.as_deref());
    let mut epsilon = None;
    let mut stages = 0;
    let x = loop {
        stages += 1;
        let opt = seq.stage(at)?;
        epsilon.get_or_insert(opt.eps);
        seq.fix(opt);
        if seq.dirs.is_empty() || stages > 2 * n + 2 {
            break seq.x0;
        }
    };
    // the least core ε is the first stage's ε without individual-rationality bounds
    let epsilon = match (imputations, epsilon) {
        (false, Some(e)) => e,
        _ => Sequence::new(n, &w, None).stage(at)?.eps,
    };
    Ok(LeastCore {
        epsilon: epsilon * scale,
        values: x.iter().map(|xi| xi * scale).collect(),
        stages,
    })
}

/// A game ready for an LP sequence, or the answer when there is nothing to solve.
pub(super) enum Scaled {
    /// One player, or every value 0.
    Done(LeastCore),
    /// n players, values divided by `scale` (at most 1 in absolute value), and the
    /// nucleolus's lower bounds.
    Game {
        n: usize,
        scale: f64,
        w: Vec<f64>,
        lo: Option<Vec<f64>>,
    },
}

/// The checks and scaling every LP sequence starts with (see [`nucleolus`]).
pub(super) fn scaled(v: &[f64], imputations: bool, at: &str) -> Result<Scaled> {
    let n = v.len().trailing_zeros() as usize;
    let full = v.len() - 1;
    if n == 0 || v.len() != 1 << n {
        return Err(DealteamError::invalid(at, "the game has no players"));
    }
    if n == 1 {
        return Ok(Scaled::Done(LeastCore {
            epsilon: 0.0,
            values: vec![v[1]],
            stages: 0,
        }));
    }
    let scale = v.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return Ok(Scaled::Done(LeastCore {
            epsilon: 0.0,
            values: vec![0.0; n],
            stages: 0,
        }));
    }
    let w: Vec<f64> = v.iter().map(|x| x / scale).collect();
    let lo = if imputations {
        let singles: Vec<f64> = (0..n).map(|i| w[1 << i]).collect();
        if singles.iter().sum::<f64>() > w[full] + TOL {
            return Err(DealteamError::invalid(
                at,
                "the members' standalone values add up to more than the whole team is worth, so no split gives each \
                 member at least its standalone value and the nucleolus does not exist; use the prenucleolus",
            ));
        }
        Some(singles)
    } else {
        None
    };
    Ok(Scaled::Game { n, scale, w, lo })
}

/// The sequence's state: the fixed coalitions' span, a solution of their equalities,
/// the directions they leave free, and the pool of candidate coalitions.
struct Sequence<'a> {
    n: usize,
    w: &'a [f64],
    lo: Option<&'a [f64]>,
    /// x satisfying every fixed equality (the last stage's optimum).
    x0: Vec<f64>,
    /// Orthonormal basis of the fixed indicator vectors (and fixed players' eᵢ).
    span: Vec<Vec<f64>>,
    /// Orthonormal basis of its orthogonal complement.
    dirs: Vec<Vec<f64>>,
    pool: Pool,
}

impl<'a> Sequence<'a> {
    fn new(n: usize, w: &'a [f64], lo: Option<&'a [f64]>) -> Sequence<'a> {
        let full = w.len() - 1;
        let mut s = Sequence {
            n,
            w,
            lo,
            x0: vec![w[full] / n as f64; n],
            span: Vec::new(),
            dirs: Vec::new(),
            pool: Pool::new(w.len()),
        };
        s.add_span(&indicator(n, full));
        s.dirs = s.complement();
        s.pool.spanned[full] = true;
        for i in 0..n {
            s.pool.enter(1 << i);
            s.pool.enter(full & !(1 << i));
        }
        s
    }

    /// Solve the current stage.
    fn stage(&mut self, at: &str) -> Result<Optimum> {
        let st = Stage {
            n: self.n,
            w: self.w,
            lo: self.lo,
            x0: &self.x0,
            dirs: &self.dirs,
        };
        let span = &self.span;
        st.solve(&mut self.pool, &|m| residual(span, &indicator(self.n, m)).1 < 1e-6)
            .ok_or_else(|| {
                DealteamError::new(
                    ErrorCode::Infeasible,
                    at,
                    "the nucleolus linear program could not be solved; check the game's values",
                )
            })
    }

    /// Fix what has a positive dual weight, move x0 to the optimum, recompute the free
    /// directions and drop the pool's spanned coalitions.
    fn fix(&mut self, opt: Optimum) {
        for &(c, y) in &opt.weights {
            if y > FIX {
                match c {
                    Col::Coal(s) => self.add_span(&indicator(self.n, s)),
                    Col::Bound(i) => self.add_span(&indicator(self.n, 1 << i)),
                    Col::Art(_) => {}
                }
            }
        }
        self.x0 = opt.x;
        self.dirs = self.complement();
        for k in 0..self.pool.masks.len() {
            let m = self.pool.masks[k];
            if residual(&self.span, &indicator(self.n, m)).1 < 1e-6 {
                self.pool.spanned[m] = true;
            }
        }
        self.pool.prune();
    }

    fn add_span(&mut self, v: &[f64]) {
        let (r, norm) = residual(&self.span, v);
        if norm >= 1e-6 {
            self.span.push(r.iter().map(|a| a / norm).collect());
        }
    }

    /// An orthonormal basis of the complement of `span` (Gram–Schmidt on the unit vectors).
    fn complement(&self) -> Vec<Vec<f64>> {
        let mut all = self.span.clone();
        let mut out = Vec::new();
        for i in 0..self.n {
            if all.len() == self.n {
                break;
            }
            let (r, norm) = residual(&all, &indicator(self.n, 1 << i));
            if norm >= 1e-6 {
                let b: Vec<f64> = r.iter().map(|a| a / norm).collect();
                all.push(b.clone());
                out.push(b);
            }
        }
        out
    }
}

/// The 0/1 vector of a mask.
fn indicator(n: usize, mask: usize) -> Vec<f64> {
    (0..n).map(|i| (mask >> i & 1) as f64).collect()
}

/// `v` minus its projection on the orthonormal `basis` (twice, for accuracy), and its norm.
fn residual(basis: &[Vec<f64>], v: &[f64]) -> (Vec<f64>, f64) {
    let mut r = v.to_vec();
    for _ in 0..2 {
        for b in basis {
            let d: f64 = r.iter().zip(b).map(|(a, c)| a * c).sum();
            r.iter_mut().zip(b).for_each(|(a, c)| *a -= d * c);
        }
    }
    let norm = r.iter().map(|a| a * a).sum::<f64>().sqrt();
    (r, norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value table from a function of the coalition mask.
    fn table(n: usize, f: impl Fn(usize) -> f64) -> Vec<f64> {
        (0..1usize << n).map(|m| if m == 0 { 0.0 } else { f(m) }).collect()
    }

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-6, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn symmetric_majority_game_by_hand() {
        // v(S) = 1 for |S| ≥ 2: the core is empty; x = (⅓, ⅓, ⅓) and every pair has
        // excess 1 − ⅔ = ⅓, the least core ε
        let v = table(3, |m| if m.count_ones() >= 2 { 1.0 } else { 0.0 });
        let r = nucleolus(&v, true, "game").unwrap();
        close(&r.values, &[1.0 / 3.0; 3]);
        assert!((r.epsilon - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn glove_game_gives_everything_to_the_scarce_side() {
        // one left glove (player 0), two right gloves: the core is {(1, 0, 0)}, ε = 0
        let v = table(3, |m| ((m & 1) as f64).min((m >> 1).count_ones() as f64));
        let r = nucleolus(&v, true, "game").unwrap();
        close(&r.values, &[1.0, 0.0, 0.0]);
        assert!(r.epsilon.abs() < 1e-9);
    }

    /// Aumann and Maschler (1985), "Game theoretic analysis of a bankruptcy problem from
    /// the Talmud", J. Econ. Theory 36: the nucleolus of the bankruptcy game
    /// v(S) = max(0, E − Σ_{i∉S} dᵢ) is the Talmud rule; claims 100, 200, 300 and estates
    /// 100, 200, 300 give the Mishna's (33⅓, 33⅓, 33⅓), (50, 75, 75), (50, 100, 150).
    #[test]
    fn bankruptcy_games_give_the_talmud_rule() {
        let d = [100.0, 200.0, 300.0];
        for (estate, want) in [
            (100.0, [100.0 / 3.0; 3]),
            (200.0, [50.0, 75.0, 75.0]),
            (300.0, [50.0, 100.0, 150.0]),
        ] {
            let v = table(3, |m| {
                let out: f64 = (0..3).filter(|&i| m >> i & 1 == 0).map(|i| d[i]).sum();
                (estate - out).max(0.0)
            });
            close(&nucleolus(&v, true, "game").unwrap().values, &want);
            close(&nucleolus(&v, false, "game").unwrap().values, &want);
        }
    }

    #[test]
    fn no_imputation_means_no_nucleolus_but_a_prenucleolus() {
        // each alone 1, together 2.5 < 3
        let v = table(3, |m| match m.count_ones() {
            1 => 1.0,
            2 => 1.8,
            _ => 2.5,
        });
        let e = nucleolus(&v, true, "game").unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
        let r = nucleolus(&v, false, "game").unwrap();
        close(&r.values, &[2.5 / 3.0; 3]);
        // every singleton has excess 1 − ⅚ = ⅙, every pair 1.8 − 5/3 = 2/15: ε = ⅙
        assert!((r.epsilon - 1.0 / 6.0).abs() < 1e-9, "{}", r.epsilon);
    }

    /// The dense dual simplex gives the same least core and (pre)nucleolus as the earlier
    /// microlp sequence (the oracle) on seeded random games of 2–8 players: continuous
    /// values, small integers (many ties, degenerate LPs) and coverage-like games.
    #[test]
    fn equals_the_earlier_lp_sequence_on_random_games() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha12Rng::seed_from_u64(14);
        let mut compared = 0;
        for case in 0..600 {
            let n = 2 + case % 7;
            let kind = case / 7 % 3;
            let levels: Vec<f64> = (0..n * 3).map(|_| rng.random_range(0..5) as f64).collect();
            let noise: Vec<f64> = (0..1usize << n).map(|_| rng.random_range(-3.0..10.0f64)).collect();
            let ints: Vec<f64> = (0..1usize << n).map(|_| rng.random_range(0..4) as f64).collect();
            let v = table(n, |m| match kind {
                0 => noise[m],
                1 => ints[m] + m.count_ones() as f64,
                _ => (0..3)
                    .map(|k| {
                        (0..n)
                            .filter(|&i| m >> i & 1 == 1)
                            .map(|i| levels[i * 3 + k])
                            .fold(0.0, f64::max)
                    })
                    .sum(),
            });
            for imputations in [false, true] {
                let old = super::super::nucleolus_oracle::nucleolus(&v, imputations, "game");
                let new = nucleolus(&v, imputations, "game");
                match (old, new) {
                    (Ok(a), Ok(b)) => {
                        let scale = v.iter().fold(1.0f64, |s, x| s.max(x.abs()));
                        for (x, y) in a.values.iter().zip(&b.values) {
                            assert!((x - y).abs() < 1e-7 * scale, "case {case} n {n}: {a:?} vs {b:?}");
                        }
                        assert!(
                            (a.epsilon - b.epsilon).abs() < 1e-7 * scale,
                            "case {case}: {a:?} vs {b:?}"
                        );
                        compared += 1;
                    }
                    (Err(a), Err(b)) => assert_eq!(a.code, b.code),
                    (a, b) => panic!("case {case}: {a:?} vs {b:?}"),
                }
            }
        }
        assert!(compared > 500, "{compared}");
    }
}
