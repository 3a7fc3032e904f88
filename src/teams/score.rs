//! The exact evaluation of one member set (best slot assignment) with its breakdown,
//! through the §3 formulas of [`super::formulas`], and the deterministic sort of teams
//! into the §3 order. Coverage comes from [`crate::coverage`], fits from
//! [`crate::fit`] and pair scores from `Relationship::pair_score` (via the index).
// Members of a team ≤ MAX_SLOTS (16): i ≥ 1 where i − 1 is taken, conflicts ≤ its pairs.
#![allow(clippy::arithmetic_side_effects)]

use super::formulas::{synergy, team_score, with_access};
use super::index::Instance;
use super::slots::{best_assignment, Slots};
use super::types::{Cover, MemberBreakdown, PairBreakdown, Team, TeamAccess};
use crate::coverage::coverage_of_levels;
use crate::num::TIE_EPS;

/// A scored member set (candidate indices sorted by id).
#[derive(Clone, Debug)]
pub(crate) struct Scored {
    pub members: Vec<u32>,
    pub key: Vec<String>,
    pub score: f64,
}

/// Sort scored teams into the §3 order deterministically: by exact score, then
/// adjacent near-ties (|Δ| < 1e-9) swapped into id order until none is out of order
/// (the near-tie relation is not transitive, so a comparison sort could be unstable).
pub(crate) fn sort_teams(v: &mut [Scored]) {
    crate::sort::sort_by(v, |a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
    let mut changed = true;
    while changed {
        changed = false;
        for i in 1..v.len() {
            if let [a, b] = v.get_mut(i - 1..=i).unwrap_or_default() {
                if (a.score - b.score).abs() < TIE_EPS && b.key < a.key {
                    std::mem::swap(a, b);
                    changed = true;
                }
            }
        }
    }
}

/// Exact parts of a member set: (coverage, synergy, conflicting pairs), with pair sums
/// computed in member order.
pub(crate) fn parts(inst: &Instance, members: &[u32]) -> (f64, f64, usize) {
    let best = (0..inst.nreq).map(|r| {
        members
            .iter()
            .map(|&c| inst.levels_of(c).get(r).copied().unwrap_or(0.0))
            .fold(0.0, f64::max)
    });
    let cov = coverage_of_levels(&inst.req.deal.requirements, best);
    let (mut sum, mut conflicts) = (0.0, 0);
    for (i, &a) in members.iter().enumerate() {
        for &b in members.iter().skip(i + 1) {
            let p = inst.pair(a, b);
            sum += p.score;
            conflicts += p.conflict as usize;
        }
    }
    (cov, synergy(sum, members.len()), conflicts)
}

/// Slot limits of the instance.
pub(crate) fn slots_of(inst: &Instance) -> Slots<'_> {
    Slots {
        min: &inst.slot_min,
        max: &inst.slot_max,
        min_total: inst.slot_min.iter().map(|&m| m as usize).sum(),
    }
}

/// Best assignment of `members`: (team fit, slot per member), or None when infeasible.
pub(crate) fn assign(inst: &Instance, members: &[u32]) -> Option<(f64, Vec<u8>)> {
    let masks: Vec<u16> = members.iter().map(|&c| inst.mask_of(c)).collect();
    let fit = |m: usize, s: usize| members.get(m).map_or(0.0, |&c| inst.fit_in(c, s));
    best_assignment(&masks, &fit, &inst.profiled, &slots_of(inst))
}

/// Score of a member set (sorted by id), or None when it is not a valid team.
pub(crate) fn score_set(inst: &Instance, members: &[u32]) -> Option<f64> {
    let (cov, syn, conflicts) = parts(inst, members);
    if inst.forbid && conflicts > 0 {
        return None;
    }
    let (fit, _) = assign(inst, members)?;
    let score = team_score(inst.w, cov, fit, syn, conflicts, inst.penalty);
    Some(with_access(
        score,
        inst.w_access,
        best_access(inst, members).map_or(0.0, |a| a.1.level),
    ))
}

/// The member with the best access to the deal's target accounts (§14), first by id
/// among equals.
fn best_access(inst: &Instance, members: &[u32]) -> Option<(u32, crate::accounts::access::Access)> {
    let mut best: Option<(u32, crate::accounts::access::Access)> = None;
    for &c in members {
        if let Some(a) = inst.access.get(c as usize).copied().flatten() {
            if best.map_or(true, |b| a.level > b.1.level) {
                best = Some((c, a));
            }
        }
    }
    best
}

/// The explanation of the team's access: "Beta has Acme as a customer".
fn access_of(inst: &Instance, members: &[u32]) -> Option<TeamAccess> {
    let (c, a) = best_access(inst, members)?;
    let p = inst
        .partner
        .get(c as usize)
        .and_then(|&p| inst.req.ecosystem.partners.get(p))?;
    let account = p.accounts.get(a.account)?;
    Some(TeamAccess {
        partner_id: p.id.clone(),
        account: account.id().to_string(),
        status: account.status().to_string(),
        level: a.level,
        text: crate::accounts::access::access_sentence(p, a),
    })
}

/// The full explanation of a team (members sorted by id).
pub(crate) fn explain(inst: &Instance, members: &[u32]) -> Option<Team> {
    let (cov, syn, nconf) = parts(inst, members);
    let (fit, assignment) = assign(inst, members)?;
    let deal = &inst.req.deal;
    let id = |c: u32| inst.ids.get(c as usize).cloned().unwrap_or_default();
    let mut slots = std::collections::BTreeMap::new();
    let mut breakdown = Vec::new();
    for (&c, &s) in members.iter().zip(&assignment) {
        let s = s as usize;
        let slot = deal.slots.get(s);
        let profiled = inst.profiled.get(s).copied().unwrap_or(false);
        slots.insert(id(c), slot.map(|x| x.role.clone()).unwrap_or_default());
        breakdown.push(MemberBreakdown {
            partner_id: id(c),
            slot: s,
            role: slot.map(|x| x.role.clone()).unwrap_or_default(),
            profile: slot.and_then(|x| x.profile.clone()),
            fit: profiled.then(|| inst.fit_in(c, s)),
        });
    }
    let covers = deal
        .requirements
        .iter()
        .enumerate()
        .map(|(r, req)| {
            let mut best: Option<(f64, u32)> = None;
            for &c in members {
                let l = inst.levels_of(c).get(r).copied().unwrap_or(0.0);
                if best.map_or(true, |(b, _)| l > b) {
                    best = Some((l, c));
                }
            }
            let level = best.map_or(0.0, |b| b.0);
            Cover {
                capability: req.capability.clone(),
                level,
                partner_id: best.filter(|b| b.0 > 0.0).map(|b| id(b.1)),
            }
        })
        .collect();
    let mut pairs = Vec::new();
    let mut conflicts = Vec::new();
    for (i, &a) in members.iter().enumerate() {
        for &b in members.iter().skip(i + 1) {
            let p = inst.pair(a, b);
            if p.conflict {
                conflicts.push([id(a), id(b)]);
            }
            pairs.push(PairBreakdown {
                a: id(a),
                b: id(b),
                score: p.score,
                conflict: p.conflict,
            });
        }
    }
    if inst.forbid && nconf > 0 {
        return None;
    }
    Some(Team {
        members: members.iter().map(|&c| id(c)).collect(),
        slots,
        score: with_access(
            team_score(inst.w, cov, fit, syn, nconf, inst.penalty),
            inst.w_access,
            best_access(inst, members).map_or(0.0, |a| a.1.level),
        ),
        coverage: cov,
        fit,
        synergy: syn,
        conflicts,
        penalty: inst.penalty * nconf as f64,
        covers,
        breakdown,
        pairs,
        win: None,
        access: access_of(inst, members),
    })
}
