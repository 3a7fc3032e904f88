//! Validation of a `teams` request before it is indexed: the profiles, the deal, `k`,
//! the time limit, the win model, the slots' profiles, `include` / `exclude` and the
//! relationships (every problem with its path), then the `infeasible` cases that can be
//! named before searching.

use super::types::{TeamsRequest, DEFAULT_K, MAX_K};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::model::{ConflictMode, Profile};
use rustc_hash::{FxHashMap, FxHashSet};

/// Check the request; `k` (teams to find) when it is valid.
pub(crate) fn validate(req: &TeamsRequest) -> Result<usize> {
    req.ecosystem.validate().map_err(|e| e.under("ecosystem"))?;
    let mut p = Problems::new();
    let eco = &req.ecosystem;
    crate::model::check_ids(&mut p, "profiles", req.profiles.iter().map(|x| x.id.as_str()));
    for (i, prof) in req.profiles.iter().enumerate() {
        p.take(prof.validate(&format!("profiles[{i}]"), &eco.tiers));
    }
    p.take(req.deal.validate("deal"));
    let k = req.k.unwrap_or(DEFAULT_K);
    if k == 0 {
        p.invalid("k", "k must be at least 1");
    } else if k > MAX_K {
        p.add(DealteamError::too_large("k", "teams requested (k)", MAX_K, k));
    }
    if let Some(t) = req.time_limit_ms {
        if !t.is_finite() || t < 0.0 {
            p.invalid(
                "timeLimitMs",
                format!("the time limit must be a number of milliseconds ≥ 0, got {t}"),
            );
        }
    }
    if let Some(m) = &req.win_model {
        p.take(m.check("winModel"));
    }
    check_slot_profiles(req, &mut p);
    check_lists(req, &mut p);
    p.finish()?;
    Ok(k)
}

/// The profile of each slot (`None` without a profile; unknown ids are reported by
/// [`validate`]).
pub(crate) fn slot_profiles(req: &TeamsRequest) -> Vec<Option<&Profile>> {
    req.deal
        .slots
        .iter()
        .map(|s| {
            s.profile
                .as_ref()
                .and_then(|id| req.profiles.iter().find(|x| &x.id == id))
        })
        .collect()
}

/// `unknown_profile` for each slot whose profile id is not in `profiles`.
fn check_slot_profiles(req: &TeamsRequest, p: &mut Problems) {
    let prof_ix: FxHashMap<&str, usize> = req
        .profiles
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    for (i, s) in req.deal.slots.iter().enumerate() {
        match &s.profile {
            None => {}
            Some(id) => match prof_ix.get(id.as_str()) {
                Some(_) => {}
                None => {
                    let known: Vec<&str> = req.profiles.iter().map(|x| x.id.as_str()).collect();
                    p.push(
                        ErrorCode::UnknownProfile,
                        format!("deal.slots[{i}].profile"),
                        format!("no profile has the id `{id}`; profiles: {}", known.join(", ")),
                    );
                }
            },
        }
    }
}

/// `include` / `exclude` name known partners, once each; a pair has one relationship.
fn check_lists(req: &TeamsRequest, p: &mut Problems) {
    let eco = &req.ecosystem;
    let pix = eco.partner_index();
    for (name, list) in [("include", &req.deal.include), ("exclude", &req.deal.exclude)] {
        let mut seen = FxHashSet::default();
        for (j, id) in list.iter().enumerate() {
            if !pix.contains_key(id.as_str()) {
                p.push(
                    ErrorCode::UnknownPartner,
                    format!("deal.{name}[{j}]"),
                    format!("no partner has the id `{id}`"),
                );
            } else if !seen.insert(id.as_str()) {
                p.push(
                    ErrorCode::DuplicateId,
                    format!("deal.{name}[{j}]"),
                    format!("`{id}` is listed twice"),
                );
            }
        }
    }
    let mut seen_pairs: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (i, r) in eco.relationships.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (pix.get(r.a.as_str()), pix.get(r.b.as_str())) {
            let key = (a.min(b), a.max(b));
            if let Some(first) = seen_pairs.insert(key, i) {
                p.push(
                    ErrorCode::DuplicateId,
                    format!("relationships[{i}]"),
                    format!(
                        "the pair `{}`–`{}` is already described at relationships[{first}]; merge the two",
                        r.a, r.b
                    ),
                );
            }
        }
    }
}

/// `infeasible` errors that can be named before searching: a slot whose `min` cannot
/// be filled, mins above the size limit, includes that fit no slot or conflict.
pub(crate) fn infeasible(
    req: &TeamsRequest,
    eligible_count: &[usize],
    slot_prof: &[Option<&Profile>],
    cix: &FxHashMap<&str, u32>,
) -> Result<()> {
    let deal = &req.deal;
    for (i, s) in deal.slots.iter().enumerate() {
        let have = eligible_count.get(i).copied().unwrap_or(0);
        if (have as u64) < s.min as u64 {
            let what = match slot_prof.get(i).copied().flatten() {
                Some(pr) => format!("profile {}", pr.id),
                None => format!("kind {}", s.role),
            };
            let msg = if have == 0 {
                format!(
                    "no partner can fill slot `{}` ({what}): 0 eligible, min {}",
                    s.role, s.min
                )
            } else {
                format!(
                    "slot `{}` ({what}) needs {} members but only {have} partners are eligible",
                    s.role, s.min
                )
            };
            return Err(DealteamError::new(
                ErrorCode::Infeasible,
                format!("deal.slots[{i}]"),
                msg,
            ));
        }
    }
    let mins: u64 = deal.slots.iter().map(|s| s.min as u64).sum();
    let max = deal.max_team_size() as u64;
    if mins > max {
        return Err(DealteamError::new(
            ErrorCode::Infeasible,
            "deal.maxTeamSize",
            format!("the slots need at least {mins} members but maxTeamSize is {max}"),
        ));
    }
    if deal.include.len() as u64 > max {
        return Err(DealteamError::new(
            ErrorCode::Infeasible,
            "deal.include",
            format!("{} partners are included but maxTeamSize is {max}", deal.include.len()),
        ));
    }
    for (j, id) in deal.include.iter().enumerate() {
        if !cix.contains_key(id.as_str()) {
            return Err(DealteamError::new(
                ErrorCode::Infeasible,
                format!("deal.include[{j}]"),
                format!(
                    "`{id}` is included but cannot fill any slot (wrong kind, or fails the slot profiles' require)"
                ),
            ));
        }
    }
    if deal.conflicts == ConflictMode::Forbid {
        for r in &req.ecosystem.relationships {
            if r.conflict && deal.include.contains(&r.a) && deal.include.contains(&r.b) {
                return Err(DealteamError::new(
                    ErrorCode::Infeasible,
                    "deal.include",
                    format!(
                        "`{}` and `{}` are both included but in conflict (conflicts: forbid)",
                        r.a, r.b
                    ),
                ));
            }
        }
    }
    Ok(())
}
