//! The resumable exact top-k search (SPEC §3): a depth-first branch and bound over
//! member sets, held on an explicit stack of [`Frame`]s so that [`TeamSearch::step`]
//! can stop after a time budget and resume later (a page or a Web Worker shows
//! progress and can cancel).
//!
//! A frame holds a partial team S and its candidates sorted by an admissible bound
//! (see [`super::frame`]). Child i adds candidate i and may then only add candidates
//! after i, so every member set is visited once. A frame stops at the first candidate
//! whose bound is below the k-th best score minus 1e-9 (so a near-tie that could still
//! win on member ids is never pruned). Every visited set that meets the slots' min and
//! max is scored exactly (best slot assignment) and offered to the top-k pool.
//!
//! No dominance pruning between candidates: skipping a candidate because another is at
//! least as good is only safe for top-1 (for top-k the dominated team may be the k-th),
//! and with member-id tie-breaks even equal candidates are not interchangeable. The
//! per-candidate bounds do that job instead.
// Team sizes ≤ MAX_SLOTS (16), candidate positions i < n ≤ MAX_PARTNERS (10⁶) (i + 1 ≤ n),
// and u64/usize node and work counters that grow by one per node visited, reset every 512
// units of work. Hot loop of the team search.
// Indexing: a frame's candidates and bounds by its position i < len (checked at the top
// of `advance`), slots below the instance's count.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::bound::{fit_bound, fit_terms};
use super::formulas::{order, synergy, team_score, with_access};
use super::frame::{build, Frame, Partial, Scratch};
use super::index::Instance;
use super::score::{score_set, slots_of, sort_teams, Scored};
use super::types::{TeamProgress, TeamsRequest, TeamsResponse};
use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::insights::types::TeamFeatures;
use crate::num::TIE_EPS;
use std::cmp::Ordering;

/// Slack for float rounding in bounds.
const SLACK: f64 = 1e-12;

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
    scratch: Scratch,
}

impl TeamSearch {
    /// Validate and index the request (errors: `unknown_profile`, `unknown_partner`,
    /// `infeasible`, …) and set up the root of the search (cost: one pass over the
    /// candidates plus a sort).
    pub fn new(req: TeamsRequest) -> Result<TeamSearch> {
        let inst = Instance::new(req)?;
        let fit_one = (0..inst.nslots()).all(|s| !inst.profiled[s] || inst.slot_min[s] == 0);
        let mut me = TeamSearch {
            inst,
            stack: Vec::new(),
            pool: Vec::new(),
            nodes: 0,
            done_weight: 0.0,
            cancelled: false,
            fit_one,
            scratch: Scratch::default(),
        };
        let mut members = me.inst.include.clone();
        members.sort_unstable();
        let masks: Vec<u16> = members.iter().map(|&c| me.inst.mask_of(c)).collect();
        let max = me.inst.max_size;
        let d = match slots_of(&me.inst).deficit(&masks) {
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
                    format!(
                        "with the included partners the slots still need {d} more members, beyond maxTeamSize ({max})"
                    ),
                ))
            }
            Some(d) => d,
        };
        if d == 0 && !members.is_empty() {
            me.nodes += 1;
            me.offer(&members);
        }
        let part = Partial::of(&me.inst, &members);
        let pool: Vec<u32> = (0..me.inst.len() as u32)
            .filter(|c| members.binary_search(c).is_err())
            .collect();
        let mut scratch = Scratch::default();
        let root = build(
            &me.inst,
            me.fit_one,
            me.threshold(),
            part,
            d,
            &pool,
            None,
            1.0,
            &mut scratch,
        );
        me.scratch = scratch;
        match root {
            Some(f) => me.stack.push(f),
            None => me.done_weight = 1.0,
        }
        Ok(me)
    }

    /// Offer a complete member set (any order) to the top-k pool.
    fn offer(&mut self, members: &[u32]) {
        let mut sorted = members.to_vec();
        sorted.sort_unstable();
        let Some(score) = score_set(&self.inst, &sorted) else {
            return;
        };
        let key: Vec<String> = sorted
            .iter()
            .map(|&c| self.inst.ids.get(c as usize).cloned().unwrap_or_default())
            .collect();
        if self.pool.len() >= self.inst.k {
            if let Some(w) = self.pool.last() {
                if order(score, &key, w.score, &w.key) != Ordering::Less {
                    return;
                }
            }
        }
        let at = self
            .pool
            .iter()
            .position(|p| order(score, &key, p.score, &p.key) == Ordering::Less)
            .unwrap_or(self.pool.len());
        self.pool.insert(
            at,
            Scored {
                members: sorted,
                key,
                score,
            },
        );
        self.pool.truncate(self.inst.k);
    }

    /// Subtrees whose bound is below this cannot enter the top-k.
    fn threshold(&self) -> f64 {
        match self.pool.last() {
            Some(w) if self.pool.len() >= self.inst.k => w.score - TIE_EPS - SLACK,
            _ => f64::NEG_INFINITY,
        }
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
        if i >= n || f.bounds[i] < thr {
            self.done_weight += f.weight * (n - i.min(n)) as f64 / n.max(1) as f64;
            self.stack.pop();
            *work += 1;
            return true;
        }
        let child_weight = f.weight / n as f64;
        let j = f.cands[i];
        let part = f.part.with(&self.inst, j);
        let size = part.members.len();
        self.nodes += 1;
        *work += 1 + (n - i) / 64;
        if let Some(top) = self.stack.last_mut() {
            top.pos += 1;
        }
        let masks: Vec<u16> = part.members.iter().map(|&c| self.inst.mask_of(c)).collect();
        let deficit = match slots_of(&self.inst).deficit(&masks) {
            Some(d) if d + size <= self.inst.max_size && !(self.inst.forbid && part.conflicts > 0) => d,
            _ => {
                self.done_weight += child_weight;
                return true;
            }
        };
        if deficit == 0 {
            let (sum, q, opt) = fit_terms(&self.inst, &part.members);
            let fb = fit_bound(self.fit_one, sum, q, &opt, 0, f64::NEG_INFINITY);
            let ub = with_access(
                team_score(
                    self.inst.w,
                    part.cov,
                    fb,
                    synergy(part.psum, size),
                    part.conflicts,
                    self.inst.penalty,
                ),
                self.inst.w_access,
                self.inst.access_cap,
            );
            if ub >= thr - SLACK {
                self.offer(&part.members);
            }
        }
        let frame = match self.stack.last() {
            Some(f) if size < self.inst.max_size => {
                let thr = self.threshold();
                build(
                    &self.inst,
                    self.fit_one,
                    thr,
                    part,
                    deficit,
                    &f.cands[i + 1..],
                    f.bounds.get(i + 1..),
                    child_weight,
                    &mut self.scratch,
                )
            }
            _ => None,
        };
        match frame {
            Some(fr) => self.stack.push(fr),
            None => self.done_weight += child_weight,
        }
        true
    }

    /// Stop the search; [`TeamSearch::result`] then returns the best teams found so far
    /// with `exact: false` (unless the search had already finished: then nothing changes).
    pub fn cancel(&mut self) {
        if !self.finished() {
            self.cancelled = true;
        }
    }

    /// Upper bound on any team not yet explored (None when nothing is left).
    fn open_bound(&self) -> Option<f64> {
        self.stack
            .iter()
            .filter_map(|f| f.bounds.get(f.pos).copied())
            .reduce(f64::max)
    }

    /// True when the search proved its result.
    fn finished(&self) -> bool {
        !self.cancelled && self.open_bound().map_or(true, |b| b < self.threshold())
    }

    /// Progress so far.
    pub fn progress(&self) -> TeamProgress {
        let finished = self.finished();
        TeamProgress {
            done: self.cancelled || finished,
            progress: if finished {
                1.0
            } else {
                self.done_weight.clamp(0.0, 1.0)
            },
            nodes: self.nodes,
            best_score: self.pool.first().map(|p| p.score),
            bound: if finished { None } else { self.open_bound() },
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
        let mut teams: Vec<super::Team> = pool
            .iter()
            .filter_map(|p| super::score::explain(&self.inst, &p.members))
            .collect();
        if let Some(model) = &self.inst.req.win_model {
            let features: Vec<TeamFeatures> = teams
                .iter()
                .map(|t| TeamFeatures {
                    members: t.members.clone(),
                    roles: t.slots.values().cloned().collect(),
                    coverage: Some(t.coverage),
                    fit: Some(t.fit),
                    synergy: Some(t.synergy),
                })
                .collect();
            for (t, w) in teams.iter_mut().zip(crate::insights::predict_teams(model, &features)) {
                t.win = Some(w);
            }
        }
        let gap = if exact {
            None
        } else {
            let floor = self.pool.last().map_or(0.0, |w| w.score);
            Some(self.open_bound().map_or(0.0, |b| (b - floor).max(0.0)))
        };
        Ok(TeamsResponse {
            teams,
            exact,
            nodes: self.nodes,
            gap,
        })
    }
}
