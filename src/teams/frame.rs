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
// Team sizes ≤ MAX_SLOTS (16) (t ≥ 1 where t − 1 is taken), conflict counts ≤ pairs of a
// team, candidates ≤ MAX_PARTNERS. Hot loop of the team search.
#![allow(clippy::arithmetic_side_effects)]

use super::bound::{fit_terms, Bounds, Maxima, Row};
use super::index::Instance;
use crate::num::{larger, smaller};

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
            *b = larger(*b, *l);
        }
        p.cov = crate::coverage::coverage_of_levels(&inst.req.deal.requirements, p.best.iter().copied());
        p
    }
}

/// Buffers reused by every frame build (no allocation per build for the big lists).
#[derive(Default)]
pub(crate) struct Scratch {
    rows: Vec<Row>,
    out: Vec<(f64, u32)>,
    /// [`scan`]'s lists: the pair sums with S, the members' slot masks, the masks
    /// already judged.
    ps: Vec<(u32, f64, usize)>,
    masks: Vec<u16>,
    allowed: Vec<(u16, bool)>,
}

/// A frame of the search stack.
pub(crate) struct Frame {
    pub part: Partial,
    pub cands: Vec<u32>,
    pub bounds: Vec<f64>,
    pub pos: usize,
    pub weight: f64,
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
    let room = t - 1;
    let mut mx = scan(inst, &part, pool, pool_bounds, thr, room, scratch);
    let rows = &mut scratch.rows;
    if rows.is_empty() {
        return None;
    }
    let (fsum, fq, fopt) = fit_terms(inst, &part.members);
    let ctx = Bounds {
        inst,
        fit_one,
        psum: part.psum,
        conflicts: part.conflicts,
        fsum,
        fq,
        fopt,
        // at most this many more members can sit in profiled slots
        prof_cap: (inst.profiled.iter().zip(&inst.slot_max))
            .filter(|(&profiled, _)| profiled)
            .map(|(_, &max)| max as usize)
            .sum(),
        amin: deficit.saturating_sub(1),
    };
    // Stage 1, without coverage gains (coverage at most 1): a candidate below `thr`
    // here is in no team of this frame above `thr`, so it leaves the frame entirely.
    rows.retain(|&(c, _, p, pc, pb)| ctx.bound(c, p, pc, pb, 1.0, &mx) >= thr);
    if rows.is_empty() {
        return None;
    }
    // (top_fit, u, ps_vals) are maxima over the frame's candidates; recomputed over the
    // survivors of stage 1 they are tighter and still valid.
    mx.recompute(inst, rows, room);
    let ideal = gains_and_ideal(inst, &part, rows);
    let gtop = largest_sum(rows, mx.others);
    let out = &mut scratch.out;
    out.clear();
    for &(c, g, p, pc, pb) in rows.iter() {
        let b = ctx.bound(c, p, pc, pb, smaller(part.cov + g + gtop, ideal), &mx);
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

/// Pair sums of each candidate related to a member of S: (candidate, Σ score, conflicts),
/// by candidate (few entries: a sorted vector is faster than hashing every candidate).
fn pair_sums(inst: &Instance, members: &[u32], ps: &mut Vec<(u32, f64, usize)>) {
    ps.clear();
    for &a in members {
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
}

/// Stage 0 of [`build`]: the candidates of `pool` that may join S (parent bound at
/// least `thr`, no forbidden conflict, slots still fillable within `room` more
/// members) into `scratch.rows`, with the maxima over them.
fn scan(
    inst: &Instance,
    part: &Partial,
    pool: &[u32],
    pool_bounds: Option<&[f64]>,
    thr: f64,
    room: usize,
    scratch: &mut Scratch,
) -> Maxima {
    let Scratch {
        rows,
        ps,
        masks,
        allowed,
        ..
    } = scratch;
    pair_sums(inst, &part.members, ps);
    let slots = super::score::slots_of(inst);
    masks.clear();
    masks.extend(part.members.iter().map(|&c| inst.mask_of(c)));
    masks.push(0);
    allowed.clear();
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
                let a = matches!(slots.deficit(masks), Some(d) if d <= room);
                allowed.push((m, a));
                a
            }
        };
        if !ok {
            continue;
        }
        u = larger(u, ci.max_pair);
        top_fit = larger(top_fit, ci.best_fit);
        if p != 0.0 {
            ps_vals.push(p);
        }
        rows.push((c, 0.0, p, pc, pb));
    }
    let mut mx = Maxima {
        others: 0,
        top_fit,
        u,
        ps_vals,
        s: part.members.len(),
        terms: Vec::new(),
    };
    mx.finish(rows.len(), room);
    mx
}

/// Each row's coverage gain over S (its weighted level increases over Σ w), and the
/// coverage of the "ideal point" — per requirement the best level any remaining
/// candidate (or S) reaches, which bounds the coverage of every team of the frame.
fn gains_and_ideal(inst: &Instance, part: &Partial, rows: &mut [Row]) -> f64 {
    let reqs = &inst.req.deal.requirements;
    let wsum: f64 = reqs.iter().map(|r| r.weight).sum();
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
            *m = larger(*m, *l);
        }
        row.1 = if wsum > 0.0 { g / wsum } else { 0.0 };
    }
    crate::coverage::coverage_of_levels(reqs, ideal.into_iter()).min(1.0)
}

/// Sum of the largest `others` coverage gains among the rows.
fn largest_sum(rows: &[Row], others: usize) -> f64 {
    let mut gains: Vec<f64> = Vec::with_capacity(others + 1);
    for r in rows {
        if gains.len() < others || gains.last().is_some_and(|&x| r.1 > x) {
            let at = gains.iter().position(|&x| r.1 > x).unwrap_or(gains.len());
            gains.insert(at, r.1);
            gains.truncate(others);
        }
    }
    gains.iter().sum()
}
