//! The nucleolus by the earlier LP sequence (microlp, constraint generation, fixing by
//! maximising the candidates' slacks; see git history of `nucleolus.rs`), kept only as
//! the test oracle of the dense dual simplex that replaced it ([`super::nucleolus`]).

use super::nucleolus::{scaled, LeastCore, Scaled};
use crate::error::{DealteamError, ErrorCode, Result};
use microlp::{ComparisonOp, OptimizationDirection, Problem, Solution, Variable};
use std::cmp::Ordering;

/// Tolerance of the constraint generation (scaled units).
const TOL: f64 = 1e-9;
/// A slack above this is positive (the coalition is not fixed).
const SLACK: f64 = 1e-7;
/// Coalitions added per generation round.
const ADD_PER_ROUND: usize = 16;
/// Violated coalitions put in order at a time (the rest stay unsorted unless reached).
const RANKED_PER_PASS: usize = 64;

/// The least core ε and the nucleolus (`imputations`: `xᵢ ≥ v({i})`) or prenucleolus
/// of the game with value table `v` (length 2ⁿ, `v[0] = 0`). The nucleolus needs
/// `Σ v({i}) ≤ v(N)`; otherwise an `invalid_value` at `at` says to use the prenucleolus.
pub fn nucleolus(v: &[f64], imputations: bool, at: &str) -> Result<LeastCore> {
    let (n, scale, w, lo) = match scaled(v, imputations, at)? {
        Scaled::Done(r) => return Ok(r),
        Scaled::Game { n, scale, w, lo } => (n, scale, w, lo),
    };
    let mut st = State::new(n, w, lo);
    let mut epsilon = None;
    let mut stages = 0;
    let x = loop {
        stages += 1;
        let (x, eps) = st.min_epsilon(at)?;
        epsilon.get_or_insert(eps);
        let tight = st.tight(&x, eps);
        let fixed = st.fix(tight, eps, at)?;
        if st.basis.len() == n || stages > 2 * n + 2 {
            break fixed;
        }
    };
    // the least core ε is the first stage's ε without individual-rationality bounds
    let epsilon = match (imputations, epsilon) {
        (false, Some(e)) => e,
        _ => State::new(n, st.w.clone(), None).min_epsilon(at)?.1,
    };
    Ok(LeastCore {
        epsilon: epsilon * scale,
        values: x.iter().map(|xi| xi * scale).collect(),
        stages,
    })
}

/// The sequence's state: scaled values, fixed coalitions and their orthonormal span,
/// the pool of coalitions in the LPs.
struct State {
    n: usize,
    w: Vec<f64>,
    lo: Option<Vec<f64>>,
    /// Fixed coalitions and their required x(S).
    fixed: Vec<(usize, f64)>,
    /// Orthonormal basis of the fixed indicator vectors.
    basis: Vec<Vec<f64>>,
    /// Free coalitions currently in the LPs.
    pool: Vec<usize>,
    /// Whether each mask is in `pool`.
    in_pool: Vec<bool>,
    /// Masks known to be spanned by the fixed coalitions (stays true: the span only grows).
    spanned: Vec<bool>,
    /// x(S) for every mask at the last x (buffer reused by [`State::sums`]).
    xs: Vec<f64>,
    /// A generation round's violated coalitions (excess − ε, mask); buffer reused.
    worst: Vec<(f64, usize)>,
}

/// Most violated first; ties by the smaller mask (a strict total order: masks differ).
fn by_violation(a: &(f64, usize), b: &(f64, usize)) -> Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Move the `k` most violated of `s` (non-empty) to its front, in order; returns how many.
fn rank_front(s: &mut [(f64, usize)], k: usize) -> usize {
    let k = k.min(s.len());
    if k < s.len() {
        s.select_nth_unstable_by(k - 1, by_violation);
    }
    s[..k].sort_by(by_violation);
    k
}

fn lp_error(at: &str, e: microlp::Error) -> DealteamError {
    DealteamError::new(
        ErrorCode::Infeasible,
        at,
        format!("the nucleolus linear program could not be solved ({e}); check the game's values"),
    )
}

impl State {
    fn new(n: usize, w: Vec<f64>, lo: Option<Vec<f64>>) -> State {
        let full = (1usize << n) - 1;
        let mut s = State {
            n,
            fixed: vec![(full, w[full])],
            basis: Vec::new(),
            pool: Vec::new(),
            in_pool: vec![false; w.len()],
            spanned: vec![false; w.len()],
            xs: vec![0.0; w.len()],
            worst: Vec::new(),
            w,
            lo,
        };
        s.add_basis(full);
        for i in 0..n {
            s.enter(1 << i);
            s.enter(full & !(1 << i));
        }
        s
    }

    /// Put a coalition in the pool; false if it was there.
    fn enter(&mut self, mask: usize) -> bool {
        if self.in_pool[mask] {
            return false;
        }
        self.in_pool[mask] = true;
        self.pool.push(mask);
        true
    }

    /// The residual of S's indicator vector after projecting out the fixed span.
    fn residual(&self, mask: usize) -> Vec<f64> {
        let mut r: Vec<f64> = (0..self.n).map(|i| (mask >> i & 1) as f64).collect();
        for b in &self.basis {
            let d: f64 = r.iter().zip(b).map(|(a, c)| a * c).sum();
            r.iter_mut().zip(b).for_each(|(a, c)| *a -= d * c);
        }
        r
    }

    fn in_span(&mut self, mask: usize) -> bool {
        if !self.spanned[mask] && self.residual(mask).iter().map(|a| a * a).sum::<f64>() < 1e-12 {
            self.spanned[mask] = true;
        }
        self.spanned[mask]
    }

    fn add_basis(&mut self, mask: usize) -> bool {
        let r = self.residual(mask);
        let norm = r.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm < 1e-6 {
            return false;
        }
        self.basis.push(r.iter().map(|a| a / norm).collect());
        true
    }

    /// x(S) for every mask by subset sums, into `self.xs`.
    fn sums(&mut self, x: &[f64]) {
        let xs = &mut self.xs;
        for mask in 1..xs.len() {
            xs[mask] = xs[mask & (mask - 1)] + x[mask.trailing_zeros() as usize];
        }
    }

    /// The LP over x (and ε unless `eps` is fixed): variables, fixed equalities, bounds.
    fn problem(&self, dir: OptimizationDirection, obj: &[f64], eps: Option<f64>) -> (Problem, Vec<Variable>, Variable) {
        let mut p = Problem::new(dir);
        let xv: Vec<Variable> = (0..self.n)
            .map(|i| {
                let low = self.lo.as_ref().map_or(f64::NEG_INFINITY, |l| l[i]);
                p.add_var(obj[i], (low, f64::INFINITY))
            })
            .collect();
        let e = match eps {
            None => p.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY)),
            Some(x) => p.add_var(0.0, (x, x)),
        };
        for &(mask, rhs) in &self.fixed {
            p.add_constraint(self.expr(&xv, mask), ComparisonOp::Eq, rhs);
        }
        for &mask in &self.pool {
            let mut ex = self.expr(&xv, mask);
            ex.push((e, 1.0));
            p.add_constraint(ex, ComparisonOp::Ge, self.w[mask]);
        }
        (p, xv, e)
    }

    fn expr(&self, xv: &[Variable], mask: usize) -> Vec<(Variable, f64)> {
        (0..self.n)
            .filter(|&i| mask >> i & 1 == 1)
            .map(|i| (xv[i], 1.0))
            .collect()
    }

    /// Solve, then add the most violated free coalitions (`v(S) − x(S) > ε`) and their
    /// complements until none is violated.
    fn generate(
        &mut self,
        mut sol: Solution,
        xv: &[Variable],
        e: Variable,
        at: &str,
    ) -> Result<(Vec<f64>, f64, Solution)> {
        let full = self.w.len() - 1;
        loop {
            let x: Vec<f64> = xv.iter().map(|&v| *sol.var_value(v)).collect();
            let eps = *sol.var_value(e);
            self.sums(&x);
            // pooled and spanned coalitions are skipped below anyway: leave them out here
            let mut worst = std::mem::take(&mut self.worst);
            worst.clear();
            worst.extend(
                (1..full)
                    .filter(|&m| !self.in_pool[m] && !self.spanned[m])
                    .map(|m| (self.w[m] - self.xs[m] - eps, m))
                    .filter(|(d, _)| *d > TOL),
            );
            let (mut added, mut ranked, mut next) = (0, 0, 0);
            while added < ADD_PER_ROUND && next < worst.len() {
                if next == ranked {
                    ranked += rank_front(&mut worst[ranked..], RANKED_PER_PASS);
                }
                let m = worst[next].1;
                next += 1;
                if self.in_pool[m] || self.in_span(m) {
                    continue;
                }
                for c in [m, full & !m] {
                    if self.enter(c) {
                        let mut ex = self.expr(xv, c);
                        ex.push((e, 1.0));
                        sol = sol
                            .add_constraint(ex, ComparisonOp::Ge, self.w[c])
                            .map_err(|er| lp_error(at, er))?;
                    }
                }
                added += 1;
            }
            self.worst = worst;
            if added == 0 {
                return Ok((x, eps, sol));
            }
        }
    }

    /// Stage LP: the smallest ε over the free coalitions, and an optimal x.
    fn min_epsilon(&mut self, at: &str) -> Result<(Vec<f64>, f64)> {
        let (p, xv, e) = self.problem(OptimizationDirection::Minimize, &vec![0.0; self.n], None);
        let sol = p.solve().map_err(|er| lp_error(at, er))?;
        let (x, eps, _) = self.generate(sol, &xv, e, at)?;
        Ok((x, eps))
    }

    /// Free coalitions (not spanned by the fixed ones) whose excess is ε at x.
    fn tight(&mut self, x: &[f64], eps: f64) -> Vec<usize> {
        let full = self.w.len() - 1;
        self.sums(x);
        let near: Vec<usize> = (1..full)
            .filter(|&m| !self.spanned[m] && self.w[m] - self.xs[m] >= eps - 1e-8)
            .collect();
        near.into_iter().filter(|&m| !self.in_span(m)).collect()
    }

    /// Fix the candidates that are tight at every optimum of this stage (see the module
    /// docs), return the last optimal x.
    fn fix(&mut self, mut cand: Vec<usize>, eps: f64, at: &str) -> Result<Vec<f64>> {
        for &m in &cand {
            self.enter(m);
        }
        let x = loop {
            let mut obj = vec![0.0; self.n];
            for &m in &cand {
                (0..self.n).filter(|&i| m >> i & 1 == 1).for_each(|i| obj[i] += 1.0);
            }
            let (p, xv, e) = self.problem(OptimizationDirection::Maximize, &obj, Some(eps));
            let sol = p.solve().map_err(|er| lp_error(at, er))?;
            let (x, _, _) = self.generate(sol, &xv, e, at)?;
            self.sums(&x);
            let slack = |m: usize| self.xs[m] - (self.w[m] - eps);
            let before = cand.len();
            let smallest = cand.iter().copied().min_by(|&a, &b| slack(a).total_cmp(&slack(b)));
            cand.retain(|&m| slack(m) <= SLACK);
            if cand.is_empty() {
                // numerically every candidate moved: fix the least slack one (LP theory says one is fixed)
                cand.extend(smallest);
            }
            if cand.len() == before || cand.len() == 1 && before == 1 {
                break x;
            }
        };
        for m in cand {
            self.fixed.push((m, self.w[m] - eps));
            self.add_basis(m);
        }
        let pool = std::mem::take(&mut self.pool);
        for m in pool {
            if self.in_span(m) {
                self.in_pool[m] = false;
            } else {
                self.pool.push(m);
            }
        }
        Ok(x)
    }
}
