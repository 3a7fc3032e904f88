//! One level of the branch and bound: a partial team S and the candidates that may
//! still join it, each with an ADMISSIBLE upper bound on every team that extends S by
//! that candidate and any others of the frame (SPEC §3 terms bounded one by one; the
//! score is non-decreasing in each term, so the bounds combine):
//!
//! - coverage: cov(S) + gain(j) + the largest `t − 1` gains among the frame's
//!   candidates (coverage is a weighted max, hence submodular: a set's gain is at most
//!   the sum of its members' gains), capped at the coverage of the "ideal point" (each
//!   requirement at the best level of S or any candidate) and at 1;
//! - fit: the largest mean the members' best slot fits can reach — members that can
//!   only sit in profiled slots always count, members that may sit in an unprofiled
//!   slot count only when that raises the mean, and up to `t − 1` further members at
//!   the best fit of any candidate;
//! - synergy: pairs inside S and between S and j exactly, pairs of S with the others
//!   at the largest S-pair sums among the candidates, pairs of j with the others at
//!   j's best pair score, pairs among the others at the best pair score of any
//!   candidate — maximised over the number of members added;
//! - conflicts: those inside S ∪ {j} (penalties only grow).
//!
//! Candidates are sorted by this bound, so a frame stops at the first candidate below
//! the k-th best score.

use super::index::Instance;
use super::score::team_score;

/// A partial team.
#[derive(Clone)]
pub(crate) struct Partial {
    pub members: Vec<u32>,
    pub best: Vec<f64>,
    pub cov: f64,
    pub psum: f64,
    pub conflicts: usize,
}

impl Partial {
    /// The partial team of `members`.
    pub fn of(inst: &Instance, members: &[u32]) -> Partial {
        let mut p = Partial {
            members: Vec::new(),
            best: vec![0.0; inst.nreq],
            cov: 0.0,
            psum: 0.0,
            conflicts: 0,
        };
        for &c in members {
            p = p.with(inst, c);
        }
        if members.is_empty() {
            p.cov = crate::coverage::coverage_of_levels(&inst.req.deal.requirements, p.best.iter().copied());
        }
        p
    }

    /// This partial team plus candidate `j`.
    pub fn with(&self, inst: &Instance, j: u32) -> Partial {
        let mut p = self.clone();
        for &a in &self.members {
            let pr = inst.pair(a, j);
            p.psum += pr.score;
            p.conflicts += pr.conflict as usize;
        }
        p.members.push(j);
        for (b, l) in p.best.iter_mut().zip(inst.levels_of(j)) {
            *b = b.max(*l);
        }
        p.cov = crate::coverage::coverage_of_levels(&inst.req.deal.requirements, p.best.iter().copied());
        p
    }
}

/// Buffers reused by every frame build (no allocation per build for the big lists).
#[derive(Default)]
pub(crate) struct Scratch {
    rows: Vec<(u32, f64, f64, usize, f64)>,
    out: Vec<(f64, u32)>,
}

/// A frame of the search stack.
pub(crate) struct Frame {
    pub part: Partial,
    pub cands: Vec<u32>,
    pub bounds: Vec<f64>,
    pub pos: usize,
    pub weight: f64,
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
/// of `top` (1 when a team may have no member in a profiled slot).
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

/// Bound on the synergy of S ∪ {j} ∪ A over the sizes `a = |A|` in `amin..=amax`:
/// S's pairs, j's pairs with S (`ps_j`), the `a` largest S-pair sums of candidates
/// (`top_ps`), j's `a` best pair scores (`top_j`), and `u` for each pair inside A.
#[allow(clippy::too_many_arguments)]
fn syn_bound(s: usize, psum: f64, ps_j: f64, top_ps: &[f64], top_j: &[f64], u: f64, amin: usize, amax: usize) -> f64 {
    let mut best = f64::NEG_INFINITY;
    let (mut tops, mut pj) = (0.0, 0.0);
    for a in 0..=amax {
        if a > 0 {
            tops += top_ps.get(a - 1).copied().unwrap_or(0.0);
            pj += top_j.get(a - 1).or(top_j.last()).copied().unwrap_or(0.0);
        }
        if a < amin {
            continue;
        }
        let n = s + 1 + a;
        let v = if n < 2 {
            0.0
        } else {
            let among = (a * a.saturating_sub(1) / 2) as f64;
            (psum + ps_j + tops + pj + among * u) / (n * (n - 1) / 2) as f64
        };
        best = best.max(v);
    }
    best
}

/// Build the frame of partial team `part` over the candidates `pool`: drops those in
/// conflict with S (forbid), those whose slot eligibility no longer fits (within the
/// size limit, given the slots' minimums), and those whose bound is below `thr`.
///
/// `pool_bounds` (parallel to `pool`, non-increasing) are the parent frame's bounds:
/// the parent's bound of c also bounds every team of this frame that contains c (such
/// a team extends the parent's S by c and others of the parent's candidates), so the
/// scan stops at the first one below `thr`, and each bound is at most its parent's.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    inst: &Instance,
    fit_one: bool,
    thr: f64,
    part: Partial,
    deficit: usize,
    pool: &[u32],
    pool_bounds: Option<&[f64]>,
    weight: f64,
    scratch: &mut Scratch,
) -> Option<Frame> {
    let s = part.members.len();
    let t = inst.max_size.checked_sub(s)?;
    if t == 0 {
        return None;
    }
    let slots = super::score::slots_of(inst);
    let mut masks: Vec<u16> = part.members.iter().map(|&c| inst.mask_of(c)).collect();
    masks.push(0);
    let mut allowed: Vec<(u16, bool)> = Vec::new();
    let room = t - 1;
    // Pair sums of each related candidate with S.
    // (few entries: a sorted vector is faster than hashing every candidate)
    let mut ps: Vec<(u32, f64, usize)> = Vec::new();
    for &a in &part.members {
        for &(c, pr) in inst.nbrs.get(a as usize).map_or(&[][..], |v| &v[..]) {
            ps.push((c, pr.score, pr.conflict as usize));
        }
    }
    ps.sort_unstable_by_key(|x| x.0);
    ps.dedup_by(|x, y| {
        if x.0 == y.0 {
            y.1 += x.1;
            y.2 += x.2;
            true
        } else {
            false
        }
    });
    let reqs = &inst.req.deal.requirements;
    let wsum: f64 = reqs.iter().map(|r| r.weight).sum();
    let rows = &mut scratch.rows;
    rows.clear();
    let (mut u, mut top_fit) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut ps_vals: Vec<f64> = Vec::new();
    for (idx, &c) in pool.iter().enumerate() {
        let pb = pool_bounds.and_then(|b| b.get(idx).copied()).unwrap_or(f64::INFINITY);
        if pb < thr {
            break;
        }
        let (p, pc) = if ps.is_empty() {
            (0.0, 0)
        } else {
            ps.binary_search_by_key(&c, |x| x.0)
                .ok()
                .and_then(|k| ps.get(k))
                .map_or((0.0, 0), |x| (x.1, x.2))
        };
        if inst.forbid && pc > 0 {
            continue;
        }
        let Some(ci) = inst.info.get(c as usize) else { continue };
        let m = ci.mask;
        let ok = match allowed.iter().find(|x| x.0 == m) {
            Some(&(_, a)) => a,
            None => {
                if let Some(last) = masks.last_mut() {
                    *last = m;
                }
                let a = matches!(slots.deficit(&masks), Some(d) if d <= room);
                allowed.push((m, a));
                a
            }
        };
        if !ok {
            continue;
        }
        u = u.max(ci.max_pair);
        top_fit = top_fit.max(ci.best_fit);
        if p != 0.0 {
            ps_vals.push(p);
        }
        rows.push((c, 0.0, p, pc, pb));
    }
    if rows.is_empty() {
        return None;
    }
    let others = room.min(rows.len() - 1);
    // Largest `others` S-pair sums (zeros for the candidates without relationship to S).
    ps_vals.extend(std::iter::repeat(0.0).take((rows.len() - ps_vals.len()).min(others)));
    ps_vals.sort_unstable_by(|a, b| b.total_cmp(a));
    ps_vals.truncate(others);
    let (fsum, fq, fopt) = fit_terms(inst, &part.members);
    // At most this many more members can sit in profiled slots.
    let prof_cap: usize = (0..inst.nslots())
        .filter(|&s| inst.profiled[s])
        .map(|s| inst.slot_max[s] as usize)
        .sum();
    let amin = deficit.saturating_sub(1);
    // (top_fit, u, ps_vals) are maxima over the frame's candidates; recomputed over the
    // survivors of stage 1 they are tighter and still valid.
    let bound =
        |c: u32, p: f64, pc: usize, pb: f64, cov: f64, others: usize, top_fit: f64, u: f64, ps_vals: &[f64]| -> f64 {
            let Some(ci) = inst.info.get(c as usize) else {
                return f64::NEG_INFINITY;
            };
            let bf = ci.best_fit;
            let fit = if fopt.is_empty() && !ci.optional_fit {
                // Common case without optional members: no allocation.
                let (sum, q) = if bf > f64::NEG_INFINITY {
                    (fsum + bf, fq + 1)
                } else {
                    (fsum, fq)
                };
                fit_bound(fit_one, sum, q, &[], others.min(prof_cap.saturating_sub(q)), top_fit)
            } else {
                let (mut sum, mut q, mut opt) = (fsum, fq, fopt.clone());
                add_fit_term(inst, c, &mut sum, &mut q, &mut opt);
                fit_bound(fit_one, sum, q, &opt, others.min(prof_cap.saturating_sub(q)), top_fit)
            };
            let syn = syn_bound(s, part.psum, p, ps_vals, &ci.top, u, amin, others);
            if syn == f64::NEG_INFINITY {
                return f64::NEG_INFINITY;
            }
            team_score(inst.w, cov, fit, syn, part.conflicts + pc, inst.penalty).min(pb)
        };
    // Stage 1, without coverage gains (coverage at most 1): a candidate below `thr`
    // here is in no team of this frame above `thr`, so it leaves the frame entirely.
    rows.retain(|&(c, _, p, pc, pb)| bound(c, p, pc, pb, 1.0, others, top_fit, u, &ps_vals) >= thr);
    if rows.is_empty() {
        return None;
    }
    let (mut u, mut top_fit) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    ps_vals.clear();
    for &(c, _, p, _, _) in rows.iter() {
        if let Some(ci) = inst.info.get(c as usize) {
            u = u.max(ci.max_pair);
            top_fit = top_fit.max(ci.best_fit);
        }
        if p != 0.0 {
            ps_vals.push(p);
        }
    }
    // Per requirement, the best level any remaining candidate (or S) reaches: the
    // coverage of every team of the frame is at most that "ideal point".
    let mut ideal = part.best.clone();
    for row in rows.iter_mut() {
        let mut g = 0.0;
        for (((r, b), l), m) in reqs
            .iter()
            .zip(&part.best)
            .zip(inst.levels_of(row.0))
            .zip(ideal.iter_mut())
        {
            if l > b {
                g += r.weight * (l - b);
            }
            *m = m.max(*l);
        }
        row.1 = if wsum > 0.0 { g / wsum } else { 0.0 };
    }
    let ideal = crate::coverage::coverage_of_levels(reqs, ideal.into_iter()).min(1.0);
    let others = room.min(rows.len() - 1);
    ps_vals.extend(std::iter::repeat(0.0).take((rows.len() - ps_vals.len()).min(others)));
    ps_vals.sort_unstable_by(|a, b| b.total_cmp(a));
    ps_vals.truncate(others);
    // Largest `others` gains among the remaining candidates.
    let mut gains: Vec<f64> = Vec::with_capacity(others + 1);
    for r in rows.iter() {
        if gains.len() < others || gains.last().is_some_and(|&x| r.1 > x) {
            let at = gains.iter().position(|&x| r.1 > x).unwrap_or(gains.len());
            gains.insert(at, r.1);
            gains.truncate(others);
        }
    }
    let gtop: f64 = gains.iter().sum();
    let out = &mut scratch.out;
    out.clear();
    for &(c, g, p, pc, pb) in rows.iter() {
        let b = bound(
            c,
            p,
            pc,
            pb,
            (part.cov + g + gtop).min(ideal),
            others,
            top_fit,
            u,
            &ps_vals,
        );
        if b >= thr {
            out.push((b, c));
        }
    }
    if out.is_empty() {
        return None;
    }
    out.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (bounds, cands) = out.iter().copied().unzip();
    Some(Frame {
        part,
        cands,
        bounds,
        pos: 0,
        weight,
    })
}
