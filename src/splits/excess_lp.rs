//! One stage of the nucleolus sequence (SPEC §11), solved as its dual by a small dense
//! simplex with column generation over the 2ⁿ coalitions.
//!
//! With the fixed coalitions' equalities solved once (`x = x0 + B z`, B an orthonormal
//! basis of the directions they leave free, d = its width), the stage LP
//! `min ε  s.t.  x(S) + ε ≥ v(S)` (free S), `xᵢ ≥ lᵢ` (nucleolus only) has d + 1 variables,
//! and its dual `max Σ y_S (v(S) − x0(S)) + Σ μᵢ (lᵢ − x0ᵢ)` subject to
//! `Σ y_S (Bᵀ1_S, 1) + Σ μᵢ (Bᵀeᵢ, 0) = (0, 1)`, `y, μ ≥ 0` has only d + 1 rows: its
//! basis is a (d + 1)² matrix (d < n ≤ 20), factorised afresh at every pivot. The
//! dual prices of a basis are (z, ε), so a coalition's reduced cost is its violation
//! `v(S) − x(S) − ε`: pricing is the constraint generation. Candidates are priced from a
//! pool; only when no pooled column improves does one pass of subset sums over every
//! coalition refill the pool with the most violated ones (none: the stage is optimal).
//!
//! Two phases (artificial columns first); Dantzig's rule, Bland's rule after a run of
//! degenerate pivots (no cycling). Coalitions with a positive dual weight at the optimum
//! have excess ε at *every* optimal x (complementary slackness): those are the ones the
//! sequence fixes.
// Indices and masks of the LP over n ≤ MAX_ENUMERATED_PLAYERS (20) players' 2ⁿ coalitions:
// rows() ≥ 1, mask ≥ 1 where mask − 1 is taken, k ≥ 1 for select_nth, degenerate-pivot
// counters below the iteration cap. Hot loop of the LP.
// Indexing: the tableau, basis and coalition arrays this LP allocates, by row, column
// and mask indices below their lengths.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::dense::Lu;

/// Reduced costs and violations above this count (scaled units, values ≤ 1).
pub const TOL: f64 = 1e-9;
/// Pivot elements smaller than this are not used.
const PIVOT: f64 = 1e-9;
/// Degenerate pivots in a row before Bland's rule takes over.
const DEGENERATE_RUN: usize = 50;
/// Pivots per stage before giving up (never reached on valid input).
const MAX_PIVOTS: usize = 100_000;
/// Coalitions moved into the pool per full pass.
const REFILL: usize = 64;

/// A column of the dual.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    /// An artificial column (the unit vector of that row; phase 1 only).
    Art(usize),
    /// The bound `xᵢ ≥ lᵢ` of player i.
    Bound(usize),
    /// A coalition by mask.
    Coal(usize),
}

/// What a stage needs from the sequence: the game, the free directions and the pool.
pub struct Stage<'a> {
    /// Number of players.
    pub n: usize,
    /// Scaled values by mask.
    pub w: &'a [f64],
    /// Lower bounds of the nucleolus (`None`: prenucleolus).
    pub lo: Option<&'a [f64]>,
    /// A solution of the fixed equalities.
    pub x0: &'a [f64],
    /// Orthonormal basis of the free directions (each of length n).
    pub dirs: &'a [Vec<f64>],
}

/// A stage's optimum: ε, the optimal x, and the dual weight of each basic column.
pub struct Optimum {
    /// The smallest largest excess.
    pub eps: f64,
    /// An optimal x.
    pub x: Vec<f64>,
    /// Basic columns with their weights (phase 2, artificials left out).
    pub weights: Vec<(Col, f64)>,
}

/// The pool of candidate coalitions and the scratch buffers of the full pass, kept
/// across stages by the sequence.
pub struct Pool {
    /// Coalitions in the pool.
    pub masks: Vec<usize>,
    /// Whether each mask is in `masks`.
    pub member: Vec<bool>,
    /// Masks known to be spanned by the fixed coalitions (never priced).
    pub spanned: Vec<bool>,
    /// u(S) for every mask (subset sums).
    sums: Vec<f64>,
    /// A full pass's violated coalitions (violation, mask).
    worst: Vec<(f64, usize)>,
}

impl Pool {
    /// An empty pool over `size` = 2ⁿ masks.
    pub fn new(size: usize) -> Pool {
        Pool {
            masks: Vec::new(),
            member: vec![false; size],
            spanned: vec![false; size],
            sums: vec![0.0; size],
            worst: Vec::new(),
        }
    }

    /// Put a mask in the pool (unless there or spanned).
    pub fn enter(&mut self, mask: usize) {
        if !self.member[mask] && !self.spanned[mask] {
            self.member[mask] = true;
            self.masks.push(mask);
        }
    }

    /// Drop the masks now spanned.
    pub fn prune(&mut self) {
        let (member, spanned) = (&mut self.member, &self.spanned);
        self.masks.retain(|&m| {
            member[m] = !spanned[m];
            member[m]
        });
    }
}

/// Prices of a basis: `u = [x0] + B z` (x0 in phase 2 only) and ε.
struct Prices {
    u: Vec<f64>,
    eps: f64,
    phase2: bool,
}

impl Stage<'_> {
    fn rows(&self) -> usize {
        self.dirs.len() + 1
    }

    /// The column's entries (length d + 1).
    fn column(&self, c: Col) -> Vec<f64> {
        let m = self.rows();
        let mut a = vec![0.0; m];
        match c {
            Col::Art(k) => a[k] = 1.0,
            Col::Bound(i) => self.dirs.iter().zip(&mut a).for_each(|(b, ak)| *ak = b[i]),
            Col::Coal(s) => {
                for (b, ak) in self.dirs.iter().zip(&mut a) {
                    *ak = (0..self.n).filter(|&i| s >> i & 1 == 1).map(|i| b[i]).sum();
                }
                a[m - 1] = 1.0;
            }
        }
        a
    }

    /// The column's objective coefficient in the given phase.
    fn cost(&self, c: Col, phase2: bool) -> f64 {
        match (c, phase2) {
            (Col::Art(_), p) => {
                if p {
                    0.0
                } else {
                    -1.0
                }
            }
            (_, false) => 0.0,
            (Col::Bound(i), true) => self.lo.map_or(0.0, |l| l[i]) - self.x0[i],
            (Col::Coal(s), true) => self.w[s] - self.mask_sum(self.x0, s),
        }
    }

    fn mask_sum(&self, u: &[f64], s: usize) -> f64 {
        (0..self.n).filter(|&i| s >> i & 1 == 1).map(|i| u[i]).sum()
    }

    /// Reduced cost of a column under prices `p`: `[w_S] − u(S) − ε`, `[lᵢ] − uᵢ`.
    fn reduced(&self, c: Col, p: &Prices) -> f64 {
        match c {
            Col::Art(_) => f64::NEG_INFINITY,
            Col::Bound(i) => {
                let l = if p.phase2 { self.lo.map_or(0.0, |l| l[i]) } else { 0.0 };
                l - p.u[i]
            }
            Col::Coal(s) => {
                let w = if p.phase2 { self.w[s] } else { 0.0 };
                w - self.mask_sum(&p.u, s) - p.eps
            }
        }
    }

    fn prices(&self, lu: &Lu, basis: &[Col], phase2: bool) -> Prices {
        let c: Vec<f64> = basis.iter().map(|&b| self.cost(b, phase2)).collect();
        let pi = lu.solve_transposed(&c);
        let mut u = if phase2 { self.x0.to_vec() } else { vec![0.0; self.n] };
        for (b, z) in self.dirs.iter().zip(&pi) {
            u.iter_mut().zip(b).for_each(|(ui, bi)| *ui += z * bi);
        }
        Prices {
            u,
            eps: pi[self.rows() - 1],
            phase2,
        }
    }

    /// Bounds whose direction is still free (a fixed player's bound is constant).
    fn bounds(&self) -> Vec<usize> {
        match self.lo {
            None => Vec::new(),
            Some(_) => (0..self.n)
                .filter(|&i| self.dirs.iter().any(|b| b[i].abs() > 1e-9))
                .collect(),
        }
    }

    /// Solve the stage from an all-artificial basis; `None` when the LP is infeasible or
    /// unbounded (not on a valid game).
    pub fn solve(&self, pool: &mut Pool, span: &dyn Fn(usize) -> bool) -> Option<Optimum> {
        let m = self.rows();
        let mut basis: Vec<Col> = (0..m).map(Col::Art).collect();
        let bounds = self.bounds();
        for phase2 in [false, true] {
            self.run(&mut basis, &bounds, phase2, pool, span)?;
            if !phase2 {
                let lu = Lu::new(&self.matrix(&basis))?;
                let y = lu.solve(&self.rhs());
                let infeasibility: f64 = basis
                    .iter()
                    .zip(&y)
                    .filter(|(c, _)| matches!(c, Col::Art(_)))
                    .map(|(_, v)| v)
                    .sum();
                if infeasibility > 1e-7 {
                    return None;
                }
            }
        }
        let lu = Lu::new(&self.matrix(&basis))?;
        let y = lu.solve(&self.rhs());
        let p = self.prices(&lu, &basis, true);
        let weights = basis
            .iter()
            .copied()
            .zip(y)
            .filter(|(c, _)| !matches!(c, Col::Art(_)))
            .collect();
        Some(Optimum {
            eps: p.eps,
            x: p.u,
            weights,
        })
    }

    fn rhs(&self) -> Vec<f64> {
        let mut b = vec![0.0; self.rows()];
        b[self.rows() - 1] = 1.0;
        b
    }

    /// The basis matrix, column-major (`a[j]` is column j).
    fn matrix(&self, basis: &[Col]) -> Vec<Vec<f64>> {
        basis.iter().map(|&c| self.column(c)).collect()
    }

    /// Simplex pivots of one phase until no column improves.
    fn run(
        &self,
        basis: &mut [Col],
        bounds: &[usize],
        phase2: bool,
        pool: &mut Pool,
        span: &dyn Fn(usize) -> bool,
    ) -> Option<()> {
        let mut degenerate = 0;
        for _ in 0..MAX_PIVOTS {
            let lu = Lu::new(&self.matrix(basis))?;
            let y = lu.solve(&self.rhs());
            let p = self.prices(&lu, basis, phase2);
            let bland = degenerate >= DEGENERATE_RUN;
            let Some(q) = self.entering(basis, bounds, &p, pool, span, bland) else {
                return Some(());
            };
            let d = lu.solve(&self.column(q));
            let r = leaving(basis, &y, &d, phase2, bland)?;
            degenerate = if y[r] <= 1e-12 { degenerate + 1 } else { 0 };
            basis[r] = q;
        }
        None
    }

    /// The entering column: the most violated (Bland: the first) of the bounds and the
    /// pool; when none, refill the pool by a full pass and look again.
    fn entering(
        &self,
        basis: &[Col],
        bounds: &[usize],
        p: &Prices,
        pool: &mut Pool,
        span: &dyn Fn(usize) -> bool,
        bland: bool,
    ) -> Option<Col> {
        let mut best: Option<(f64, Col)> = None;
        let mut consider = |c: Col, r: f64| {
            if r > TOL && !basis.contains(&c) {
                let better = match best {
                    None => true,
                    Some((br, bc)) => {
                        if bland {
                            c < bc
                        } else {
                            r > br
                        }
                    }
                };
                if better {
                    best = Some((r, c));
                }
            }
        };
        for &i in bounds {
            consider(Col::Bound(i), self.reduced(Col::Bound(i), p));
        }
        for &s in &pool.masks {
            consider(Col::Coal(s), self.reduced(Col::Coal(s), p));
        }
        if bland {
            // the first improving column over every coalition, not only the pool's
            if let Some(s) = self.refill(basis, p, pool, span, true) {
                consider(Col::Coal(s), self.reduced(Col::Coal(s), p));
            }
            return best.map(|b| b.1);
        }
        if best.is_some() {
            return best.map(|b| b.1);
        }
        self.refill(basis, p, pool, span, false).map(Col::Coal)
    }

    /// One pass of subset sums over every coalition: the violated ones not in the pool
    /// and not spanned, most violated first, enter the pool (at most [`REFILL`]).
    /// Returns the most violated (`first`: the smallest violated mask).
    fn refill(
        &self,
        basis: &[Col],
        p: &Prices,
        pool: &mut Pool,
        span: &dyn Fn(usize) -> bool,
        first: bool,
    ) -> Option<usize> {
        let full = self.w.len() - 1;
        let w = |m: usize| if p.phase2 { self.w[m] } else { 0.0 };
        let mut worst = std::mem::take(&mut pool.worst);
        worst.clear();
        // one pass: each mask's subset sum (from one with a bit fewer, computed earlier),
        // then its violation, while the sum is at hand
        let (sums, spanned) = (&mut pool.sums, &pool.spanned);
        for mask in 1..sums.len() {
            let sum = sums[mask & (mask - 1)] + p.u[mask.trailing_zeros() as usize];
            sums[mask] = sum;
            if mask < full && !spanned[mask] {
                let r = w(mask) - sum - p.eps;
                if r > TOL {
                    worst.push((r, mask));
                }
            }
        }
        // the basis's coalitions are no candidates: looked up in `worst` (in mask order)
        // rather than each violated mask in the basis, as they are few and seldom violated
        // (a basic column's reduced cost is 0)
        let basic = |m: usize| basis.contains(&Col::Coal(m));
        let violated = |m: usize| worst.binary_search_by_key(&m, |e| e.1).is_ok();
        if (basis.iter()).any(|c| matches!(*c, Col::Coal(m) if violated(m))) {
            worst.retain(|&(_, m)| !basic(m));
        }
        // `worst` is in mask order, as `first` takes it; else the most violated come first
        if !first {
            let k = REFILL.min(worst.len());
            if k > 0 && k < worst.len() {
                worst.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            }
            worst[..k].sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        let mut out = None;
        let mut added = 0;
        for &(_, m) in &worst {
            if added == REFILL {
                break;
            }
            if span(m) {
                pool.spanned[m] = true;
                continue;
            }
            out.get_or_insert(m);
            pool.enter(m);
            added += 1;
        }
        pool.worst = worst;
        out
    }
}

/// The leaving row of the ratio test for the entering column's `d = B⁻¹a`: the
/// smallest `y_r / d_r` over `d_r > 0`; in phase 2 an artificial still basic (at 0)
/// leaves first whenever `d_r ≠ 0`, so it never becomes positive. Ties: the largest
/// `d_r` (Bland: the smallest column). `None`: unbounded.
fn leaving(basis: &[Col], y: &[f64], d: &[f64], phase2: bool, bland: bool) -> Option<usize> {
    if phase2 {
        if let Some(r) = (0..d.len()).find(|&r| matches!(basis[r], Col::Art(_)) && d[r].abs() > PIVOT) {
            return Some(r);
        }
    }
    let mut best: Option<(f64, usize)> = None;
    for r in 0..d.len() {
        if d[r] <= PIVOT {
            continue;
        }
        let ratio = y[r].max(0.0) / d[r];
        let better = match best {
            None => true,
            Some((br, b)) => {
                if ratio < br - 1e-12 {
                    true
                } else if ratio > br + 1e-12 {
                    false
                } else if bland {
                    basis[r] < basis[b]
                } else {
                    d[r] > d[b]
                }
            }
        };
        if better {
            best = Some((ratio, r));
        }
    }
    best.map(|b| b.1)
}
