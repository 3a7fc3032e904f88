//! The resumable exact top-k search (SPEC §3): a depth-first branch and bound over
//! member sets, held on an explicit stack so that [`TeamSearch::step`] can stop after
//! a time budget and resume later (a page or a Web Worker shows progress and can
//! cancel).
//!
//! Each frame holds a partial team S and the candidates R that may still join, sorted
//! by their coverage gain over S (descending). Child i adds `R[i]` and may then only
//! add candidates after i, so every member set is visited once. The admissible bound
//! of children `i..` ([`bound_from`](TeamSearch::bound_from)) is
//! - coverage: cov(S) + the `t` largest gains among `R[i..]` (coverage is a weighted
//!   max, hence submodular: the gain of a set is at most the sum of its gains), capped at 1;
//! - fit: the best slot fit of any member of S or `R[i..]` (a mean is at most its max);
//! - synergy: pairs inside S exactly, every new pair at the largest pair score of any
//!   candidate in `R[i..]`, maximised over the number of members added;
//! - conflicts: those inside S (penalties only grow).
//!
//! It is non-increasing in i, so a frame stops at the first child whose bound cannot
//! enter the top-k (the k-th best minus 1e-9, so near-ties that could win on ids are
//! kept). Candidates that conflict with S (under `forbid`) or whose slot eligibility
//! cannot be placed are filtered when a frame is built.

use super::index::Instance;
use super::score::{order, parts, score_set, slots_of, sort_teams, team_score, Scored};
use super::slots::Slots;
use super::types::{TeamProgress, TeamsRequest, TeamsResponse};
use crate::clock::Ctx;
use crate::coverage::coverage_of_levels;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::num::TIE_EPS;
use std::cmp::Ordering;

/// Slack for float rounding in bounds.
const SLACK: f64 = 1e-12;

/// One partial team and its remaining candidates.
struct Frame {
    members: Vec<u32>,
    best: Vec<f64>,
    cov: f64,
    psum: f64,
    conflicts: usize,
    fitmax: f64,
    cands: Vec<u32>,
    prefix: Vec<f64>,
    suf_fit: Vec<f64>,
    suf_pair: Vec<f64>,
    pos: usize,
    tmax: usize,
    tmin: usize,
    weight: f64,
}

/// A resumable exact top-k team search (SPEC §3). Create with [`TeamSearch::new`], call
/// [`TeamSearch::step`] until `done`, then [`TeamSearch::result`].
pub struct TeamSearch {
    inst: Instance,
    stack: Vec<Frame>,
    pool: Vec<Scored>,
    nodes: u64,
    done_weight: f64,
    cancelled: bool,
    fit_one: bool,
}

impl TeamSearch {
    /// Validate and index the request (errors: `unknown_profile`, `unknown_partner`,
    /// `infeasible`, …) and set up the root of the search.
    pub fn new(req: TeamsRequest) -> Result<TeamSearch> {
        let inst = Instance::new(req)?;
        let fit_one = (0..inst.nslots()).all(|s| !inst.profiled[s] || inst.slot_min[s] == 0);
        let mut me = TeamSearch { inst, stack: Vec::new(), pool: Vec::new(), nodes: 0, done_weight: 0.0, cancelled: false, fit_one };
        let mut members = me.inst.include.clone();
        members.sort_unstable();
        let slots = slots_of(&me.inst);
        let masks: Vec<u16> = members.iter().map(|&c| me.inst.mask_of(c)).collect();
        let max = me.inst.max_size;
        match slots.deficit(&masks) {
            None => {
                return Err(DealteamError::new(
                    ErrorCode::Infeasible,
                    "deal.include",
                    "the included partners cannot all be placed in the slots within each slot's max",
                ))
            }
            Some(d) if d + members.len() > max => {
                return Err(DealteamError::new(
                    ErrorCode::Infeasible,
                    "deal.include",
                    format!("with the included partners the slots need {} more members, beyond maxTeamSize", d),
                ))
            }
            Some(d) => {
                let (cov, _, conflicts) = parts(&me.inst, &members);
                let mut psum = 0.0;
                for (i, &a) in members.iter().enumerate() {
                    for &b in members.iter().skip(i + 1) {
                        psum += me.inst.pair(a, b).score;
                    }
                }
                if d == 0 && !members.is_empty() {
                    me.nodes += 1;
                    me.offer(&members);
                }
                let mut best = vec![0.0f64; me.inst.nreq];
                for &c in &members {
                    for (b, l) in best.iter_mut().zip(me.inst.levels_of(c)) {
                        *b = b.max(*l);
                    }
                }
                let fitmax = members.iter().map(|&c| me.inst.best_fit[c as usize]).fold(f64::NEG_INFINITY, f64::max);
                let inc: std::collections::HashSet<u32> = members.iter().copied().collect();
                let pool: Vec<u32> = (0..me.inst.len() as u32)
                    .filter(|c| !inc.contains(c))
                    .filter(|&c| !me.inst.forbid || members.iter().all(|&m| !me.inst.pair(m, c).conflict))
                    .collect();
                let frame = me.build(members, best, cov, psum, conflicts, fitmax, pool, d, 1.0);
                match frame {
                    Some(f) if max > f.members.len() => me.stack.push(f),
                    _ => me.done_weight = 1.0,
                }
            }
        }
        Ok(me)
    }

    /// Offer a complete member set (any order) to the top-k pool.
    fn offer(&mut self, members: &[u32]) {
        let mut sorted = members.to_vec();
        sorted.sort_unstable();
        let Some(score) = score_set(&self.inst, &sorted) else { return };
        let key: Vec<String> = sorted.iter().map(|&c| self.inst.ids.get(c as usize).cloned().unwrap_or_default()).collect();
        if self.pool.len() >= self.inst.k {
            if let Some(w) = self.pool.last() {
                if order(score, &key, w.score, &w.key) != Ordering::Less {
                    return;
                }
            }
        }
        let at = self.pool.iter().position(|p| order(score, &key, p.score, &p.key) == Ordering::Less).unwrap_or(self.pool.len());
        self.pool.insert(at, Scored { members: sorted, key, score });
        self.pool.truncate(self.inst.k);
    }

    /// Subtrees whose bound is below this cannot enter the top-k.
    fn threshold(&self) -> f64 {
        match self.pool.last() {
            Some(w) if self.pool.len() >= self.inst.k => w.score - TIE_EPS - SLACK,
            _ => f64::NEG_INFINITY,
        }
    }

    /// Build a frame for partial team `members` from the candidates in `pool` (already
    /// free of conflicts with the members under forbid): keeps those whose slot
    /// eligibility still fits, sorts them by coverage gain, precomputes the bound arrays.
    #[allow(clippy::too_many_arguments)]
    fn build(
        &self,
        members: Vec<u32>,
        best: Vec<f64>,
        cov: f64,
        psum: f64,
        conflicts: usize,
        fitmax: f64,
        pool: Vec<u32>,
        deficit: usize,
        weight: f64,
    ) -> Option<Frame> {
        let inst = &self.inst;
        let slots = slots_of(inst);
        let room = inst.max_size.checked_sub(members.len() + 1)?;
        let mut masks: Vec<u16> = members.iter().map(|&c| inst.mask_of(c)).collect();
        masks.push(0);
        let mut allowed: Vec<(u16, bool)> = Vec::new();
        let mut ok = |m: u16, masks: &mut Vec<u16>, slots: &Slots| -> bool {
            if let Some(&(_, a)) = allowed.iter().find(|x| x.0 == m) {
                return a;
            }
            if let Some(last) = masks.last_mut() {
                *last = m;
            }
            let a = matches!(slots.deficit(masks), Some(d) if d <= room);
            allowed.push((m, a));
            a
        };
        let reqs = &inst.req.deal.requirements;
        let wsum: f64 = reqs.iter().map(|r| r.weight).sum();
        let mut scored: Vec<(f64, u32)> = Vec::with_capacity(pool.len());
        for c in pool {
            if !ok(inst.mask_of(c), &mut masks, &slots) {
                continue;
            }
            let mut g = 0.0;
            for ((r, b), l) in reqs.iter().zip(&best).zip(inst.levels_of(c)) {
                if l > b {
                    g += r.weight * (l - b);
                }
            }
            scored.push((if wsum > 0.0 { g / wsum } else { 0.0 }, c));
        }
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let n = scored.len();
        let mut prefix = Vec::with_capacity(n + 1);
        prefix.push(0.0);
        let mut acc = 0.0;
        for &(g, _) in &scored {
            acc += g;
            prefix.push(acc);
        }
        let mut suf_fit = vec![f64::NEG_INFINITY; n + 1];
        let mut suf_pair = vec![f64::NEG_INFINITY; n + 1];
        for i in (0..n).rev() {
            let c = scored[i].1 as usize;
            suf_fit[i] = suf_fit[i + 1].max(inst.best_fit[c]);
            suf_pair[i] = suf_pair[i + 1].max(inst.max_pair[c]);
        }
        let tmax = inst.max_size - members.len();
        Some(Frame {
            members,
            best,
            cov,
            psum,
            conflicts,
            fitmax,
            cands: scored.into_iter().map(|x| x.1).collect(),
            prefix,
            suf_fit,
            suf_pair,
            pos: 0,
            tmax,
            tmin: deficit.max(1),
            weight,
        })
    }

    /// Upper bound on every team `S ∪ T`, `T ⊆ cands[i..]`, `tmin ≤ |T| ≤ tmax`
    /// (−∞ when there is none).
    fn bound_from(&self, f: &Frame, i: usize) -> f64 {
        let n = f.cands.len();
        if i >= n || n - i < f.tmin {
            return f64::NEG_INFINITY;
        }
        let amax = f.tmax.min(n - i);
        let end = (i + f.tmax).min(n);
        let cov = (f.cov + f.prefix[end] - f.prefix[i]).min(1.0);
        let fb = f.fitmax.max(f.suf_fit[i]);
        let fit = if self.fit_one || fb == f64::NEG_INFINITY { 1.0 } else { fb };
        let s = f.members.len();
        let u = f.suf_pair[i];
        let mut syn = f64::NEG_INFINITY;
        for a in f.tmin..=amax {
            let tot = s + a;
            let v = if tot < 2 {
                0.0
            } else {
                let all = (tot * (tot - 1) / 2) as f64;
                let old = (s * s.saturating_sub(1) / 2) as f64;
                (f.psum + (all - old) * u) / all
            };
            syn = syn.max(v);
        }
        team_score(self.inst.w, cov, fit, syn, f.conflicts, self.inst.penalty)
    }

    /// Run the search for about `budget_ms` of `ctx`'s clock (checked every few
    /// hundred nodes), then report progress. Call again to continue.
    pub fn step(&mut self, budget_ms: f64, ctx: &Ctx) -> TeamProgress {
        let start = (ctx.now_ms)();
        let mut work = 0usize;
        while !self.cancelled {
            if !self.advance(&mut work) {
                break;
            }
            if work >= 512 {
                work = 0;
                if (ctx.now_ms)() - start >= budget_ms {
                    break;
                }
            }
        }
        self.progress()
    }

    /// One unit of search; false when the stack is empty.
    fn advance(&mut self, work: &mut usize) -> bool {
        let thr = self.threshold();
        let Some(f) = self.stack.last() else { return false };
        let i = f.pos;
        let n = f.cands.len();
        if i >= n || self.bound_from(f, i) < thr {
            self.done_weight += f.weight * (n - i.min(n)) as f64 / n.max(1) as f64;
            self.stack.pop();
            *work += 1;
            return true;
        }
        let child_weight = f.weight / n as f64;
        let j = f.cands[i];
        let inst = &self.inst;
        let mut members = f.members.clone();
        let (mut psum, mut conflicts) = (f.psum, f.conflicts);
        for &a in &members {
            let p = inst.pair(a, j);
            psum += p.score;
            conflicts += p.conflict as usize;
        }
        members.push(j);
        let mut best = f.best.clone();
        for (b, l) in best.iter_mut().zip(inst.levels_of(j)) {
            *b = b.max(*l);
        }
        let cov = coverage_of_levels(&inst.req.deal.requirements, best.iter().copied());
        let fitmax = f.fitmax.max(inst.best_fit[j as usize]);
        let rest: Vec<u32> = if members.len() < inst.max_size {
            let conf = &inst.conflicts_of[j as usize];
            f.cands[i + 1..].iter().copied().filter(|c| !inst.forbid || conf.binary_search(c).is_err()).collect()
        } else {
            Vec::new()
        };
        if let Some(top) = self.stack.last_mut() {
            top.pos += 1;
        }
        self.nodes += 1;
        *work += 1 + rest.len() / 64;
        let masks: Vec<u16> = members.iter().map(|&c| self.inst.mask_of(c)).collect();
        let deficit = match slots_of(&self.inst).deficit(&masks) {
            Some(d) if d + members.len() <= self.inst.max_size => d,
            _ => {
                self.done_weight += child_weight;
                return true;
            }
        };
        if deficit == 0 {
            let syn_exact = super::score::synergy(psum, members.len());
            let fb = if self.fit_one || fitmax == f64::NEG_INFINITY { 1.0 } else { fitmax };
            let ub = team_score(self.inst.w, cov, fb, syn_exact, conflicts, self.inst.penalty);
            if ub >= thr && !(self.inst.forbid && conflicts > 0) {
                self.offer(&members);
            }
        }
        let frame = if rest.is_empty() {
            None
        } else {
            self.build(members, best, cov, psum, conflicts, fitmax, rest, deficit, child_weight)
        };
        match frame {
            Some(fr) if !fr.cands.is_empty() && self.bound_from(&fr, 0) >= self.threshold() => self.stack.push(fr),
            _ => self.done_weight += child_weight,
        }
        true
    }

    /// Stop the search; [`TeamSearch::result`] then returns the best teams found so far
    /// with `exact: false` (unless the search had already finished).
    pub fn cancel(&mut self) {
        if !self.finished() {
            self.cancelled = true;
        }
    }

    /// Upper bound on any team not yet explored (None when nothing is left).
    fn open_bound(&self) -> Option<f64> {
        self.stack.iter().map(|f| self.bound_from(f, f.pos)).filter(|b| b.is_finite()).reduce(f64::max)
    }

    /// True when the search proved its result.
    fn finished(&self) -> bool {
        !self.cancelled && self.open_bound().map_or(true, |b| b < self.threshold())
    }

    /// Progress so far.
    pub fn progress(&self) -> TeamProgress {
        let done = self.cancelled || self.finished();
        TeamProgress {
            done,
            progress: if self.finished() { 1.0 } else { self.done_weight.clamp(0.0, 1.0) },
            nodes: self.nodes,
            best_score: self.pool.first().map(|p| p.score),
            bound: if self.finished() { None } else { self.open_bound() },
        }
    }

    /// The teams: the proven top-k (`exact: true`) once done, else the best found with
    /// `exact: false` and the `gap`. `infeasible` when the finished search found no
    /// valid team.
    pub fn result(&self) -> Result<TeamsResponse> {
        let exact = self.finished();
        if exact && self.pool.is_empty() {
            let why = if self.inst.forbid && self.inst.conflicts_of.iter().any(|c| !c.is_empty()) {
                "no team meets the slots' min/max, maxTeamSize, include and the forbidden conflicts together"
            } else {
                "no team meets the slots' min/max, maxTeamSize and include together"
            };
            return Err(DealteamError::new(ErrorCode::Infeasible, "deal.slots", why));
        }
        let mut pool = self.pool.clone();
        sort_teams(&mut pool);
        let teams = pool.iter().filter_map(|p| super::score::explain(&self.inst, &p.members)).collect();
        let gap = if exact {
            None
        } else {
            let floor = self.pool.last().map_or(0.0, |w| w.score);
            Some(self.open_bound().map_or(0.0, |b| (b - floor).max(0.0)))
        };
        Ok(TeamsResponse { teams, exact, nodes: self.nodes, gap })
    }
}
