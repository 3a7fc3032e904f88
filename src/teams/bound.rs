//! The admissible upper bound of the branch and bound (see [`super::frame`] for what
//! each §3 term is bounded by): fit terms, the best mean fit, the synergy bound, and
//! the per-frame constants that combine them for one candidate.
// Counts of team members and slots ≤ MAX_SLOTS (16) (n ≥ 2 where n − 1 is taken, a ≥ 1
// where a − 1 is), conflict counts ≤ pairs of a team; f64 otherwise. Hot loop of the search.
#![allow(clippy::arithmetic_side_effects)]

use super::formulas::{team_score, with_access};
use super::index::{Instance, TOP_PAIRS};
use crate::num::{larger, smaller};

/// A frame row: (candidate, coverage gain, S-pair sum, conflicts with S, parent bound).
pub(crate) type Row = (u32, f64, f64, usize, f64);

/// Maxima over the frame's candidates that every bound uses.
pub(crate) struct Maxima {
    /// How many members may join besides the candidate (`min(room, rows − 1)`).
    pub others: usize,
    /// Best fit of any candidate.
    pub top_fit: f64,
    /// Best pair score of any candidate.
    pub u: f64,
    /// The largest `others` S-pair sums, descending.
    pub ps_vals: Vec<f64>,
    /// Size of S.
    pub s: usize,
    /// [`syn_bound`]'s terms that are the same for every candidate of the frame, for each
    /// number `a` in `0..=others` of members added besides the candidate: the sum of the `a`
    /// largest S-pair sums, `u` times the pairs among those `a`, and the number of pairs of
    /// the team of S, the candidate and them (0 for a team of one). Made once per frame by
    /// [`Maxima::finish`], not once per candidate.
    pub terms: Vec<[f64; 3]>,
}

impl Maxima {
    /// The maxima over the rows that remain.
    pub fn recompute(&mut self, inst: &Instance, rows: &[Row], room: usize) {
        let (mut u, mut top_fit) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        self.ps_vals.clear();
        for &(c, _, p, _, _) in rows {
            if let Some(ci) = inst.info.get(c as usize) {
                u = larger(u, ci.max_pair);
                top_fit = larger(top_fit, ci.best_fit);
            }
            if p != 0.0 {
                self.ps_vals.push(p);
            }
        }
        (self.u, self.top_fit) = (u, top_fit);
        self.finish(rows.len(), room);
    }

    /// Keep the largest `others` S-pair sums (zeros for the candidates without a
    /// relationship to S).
    pub fn finish(&mut self, rows: usize, room: usize) {
        self.others = room.min(rows.saturating_sub(1));
        let zeros = rows.saturating_sub(self.ps_vals.len()).min(self.others);
        self.ps_vals.extend(std::iter::repeat(0.0).take(zeros));
        self.ps_vals.sort_unstable_by(|a, b| b.total_cmp(a));
        self.ps_vals.truncate(self.others);
        self.terms.clear();
        let mut tops = 0.0;
        for a in 0..=self.others {
            if a > 0 {
                tops += self.ps_vals.get(a - 1).copied().unwrap_or(0.0);
            }
            let n = self.s + 1 + a;
            let pairs = if n < 2 { 0.0 } else { (n * (n - 1) / 2) as f64 };
            let among = (a * a.saturating_sub(1) / 2) as f64;
            self.terms.push([tops, among * self.u, pairs]);
        }
    }
}

/// Fit terms of a member set: (sum, count) of the members that always sit in a
/// profiled slot, and the best fits of those that may or may not.
pub(crate) fn fit_terms(inst: &Instance, members: &[u32]) -> (f64, usize, Vec<f64>) {
    let (mut sum, mut q, mut opt) = (0.0, 0, Vec::new());
    for &c in members {
        add_fit_term(inst, c, &mut sum, &mut q, &mut opt);
    }
    (sum, q, opt)
}

fn add_fit_term(inst: &Instance, c: u32, sum: &mut f64, q: &mut usize, opt: &mut Vec<f64>) {
    let bf = inst.best_fit.get(c as usize).copied().unwrap_or(f64::NEG_INFINITY);
    if bf == f64::NEG_INFINITY {
        return;
    }
    if inst.mask_of(c) & inst.unprofiled_mask == 0 {
        *sum += bf;
        *q += 1;
    } else {
        opt.push(bf);
    }
}

/// Largest mean of the fixed terms plus any subset of `opt` and up to `extra` copies
/// of `top` (1 when a team may have no member in a profiled slot). Inlined: the common
/// case (no optional members) is a few operations per bound of the search's hot loop.
#[inline(always)]
pub(crate) fn fit_bound(fit_one: bool, sum: f64, q: usize, opt: &[f64], extra: usize, top: f64) -> f64 {
    if fit_one {
        return 1.0;
    }
    if opt.is_empty() {
        // Copies of `top` raise the mean exactly when `top` exceeds it.
        let k = if top > f64::NEG_INFINITY { extra } else { 0 };
        return match (q, k) {
            (0, 0) => 1.0,
            (0, _) => top,
            _ if top > sum / q as f64 && k > 0 => (sum + k as f64 * top) / (q + k) as f64,
            _ => sum / q as f64,
        };
    }
    fit_bound_with_optional(sum, q, opt, extra, top)
}

/// [`fit_bound`] with optional members: the best subset, taken greedily from the largest.
#[inline(never)]
fn fit_bound_with_optional(sum: f64, q: usize, opt: &[f64], extra: usize, top: f64) -> f64 {
    let mut vals: Vec<f64> = opt.to_vec();
    if top > f64::NEG_INFINITY {
        vals.extend(std::iter::repeat(top).take(extra));
    }
    vals.sort_unstable_by(|a, b| b.total_cmp(a));
    let (mut s, mut n) = (sum, q);
    for v in vals {
        if n == 0 || v > s / n as f64 {
            s += v;
            n += 1;
        } else {
            break;
        }
    }
    if n == 0 {
        1.0
    } else {
        s / n as f64
    }
}

/// Bound on the synergy of S ∪ {j} ∪ A over the sizes `a = |A|` in `amin..=others`: S's
/// pairs (`psum`), j's pairs with S (`ps_j`), the `a` largest S-pair sums of candidates and
/// `u` for each pair inside A (the frame's [`Maxima::terms`]), and j's `a` best pair scores
/// (`top_j`, the last repeated beyond its length). The sums are added in the same order for
/// every candidate, so a bound is the same to the bit however the terms are shared.
#[inline(always)]
fn syn_bound(psum: f64, ps_j: f64, top_j: &[f64; TOP_PAIRS], terms: &[[f64; 3]], amin: usize) -> f64 {
    let base = psum + ps_j;
    let mut best = f64::NEG_INFINITY;
    let mut pj = 0.0;
    for (a, &[tops, among_u, pairs]) in terms.iter().enumerate() {
        if a > 0 {
            pj += top_j.get((a - 1).min(TOP_PAIRS - 1)).copied().unwrap_or(0.0);
        }
        if a < amin {
            continue;
        }
        let v = if pairs == 0.0 {
            0.0
        } else {
            (base + tops + pj + among_u) / pairs
        };
        best = larger(best, v);
    }
    best
}

/// The per-frame constants of a candidate's admissible bound (module docs).
pub(crate) struct Bounds<'a> {
    pub inst: &'a Instance,
    pub fit_one: bool,
    /// S's pair-score sum and its conflicting pairs.
    pub psum: f64,
    pub conflicts: usize,
    /// Fit terms of S (`fit_terms`).
    pub fsum: f64,
    pub fq: usize,
    pub fopt: Vec<f64>,
    /// At most this many more members can sit in profiled slots.
    pub prof_cap: usize,
    /// Fewest members to add besides the candidate (to fill the slots' minimums).
    pub amin: usize,
}

impl Bounds<'_> {
    /// Bound on every team of the frame that extends S by candidate `c` (S-pair sum
    /// `p`, `pc` conflicts with S, parent bound `pb`), with coverage at most `cov`.
    pub fn bound(&self, c: u32, p: f64, pc: usize, pb: f64, cov: f64, mx: &Maxima) -> f64 {
        let inst = self.inst;
        let Some(ci) = inst.info.get(c as usize) else {
            return f64::NEG_INFINITY;
        };
        let (bf, others) = (ci.best_fit, mx.others);
        let fit = if self.fopt.is_empty() && !ci.optional_fit {
            // Common case without optional members: no allocation.
            let (sum, q) = if bf > f64::NEG_INFINITY {
                (self.fsum + bf, self.fq + 1)
            } else {
                (self.fsum, self.fq)
            };
            fit_bound(
                self.fit_one,
                sum,
                q,
                &[],
                others.min(self.prof_cap.saturating_sub(q)),
                mx.top_fit,
            )
        } else {
            let (mut sum, mut q, mut opt) = (self.fsum, self.fq, self.fopt.clone());
            add_fit_term(inst, c, &mut sum, &mut q, &mut opt);
            fit_bound(
                self.fit_one,
                sum,
                q,
                &opt,
                others.min(self.prof_cap.saturating_sub(q)),
                mx.top_fit,
            )
        };
        let syn = syn_bound(self.psum, p, &ci.top, &mx.terms, self.amin);
        if syn == f64::NEG_INFINITY {
            return f64::NEG_INFINITY;
        }
        let score = team_score(inst.w, cov, fit, syn, self.conflicts + pc, inst.penalty);
        smaller(with_access(score, inst.w_access, inst.access_cap), pb)
    }
}
