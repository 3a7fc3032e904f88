//! Validation and indexing of a `teams` request: everything the search reads in its
//! inner loop is precomputed here once, as dense arrays over the *candidates* (the
//! partners that are not excluded and can fill at least one slot): requirement
//! levels (via [`crate::coverage::level`]), slot eligibility bitmasks, fits per slot
//! profile (via [`crate::fit::fit`]), pair scores (via `Relationship::pair_score`).
// Candidate c < n ≤ MAX_PARTNERS (10⁶), slots ≤ MAX_SLOTS (16), requirements ≤
// MAX_CRITERIA (64), TOP_PAIRS per candidate: c·width + s < n·width, the lengths allocated
// here (≤ 6.4·10⁷, inside wasm32's usize); relationship counts ≤ MAX_RELATIONSHIPS. Hot path
// of the team search.
// Indexing: c·width + s < n·width, candidates and slots below the counts allocated here.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::checks;
use super::types::TeamsRequest;
use crate::coverage::level;
use crate::error::Result;
use crate::fit::{eligible, fit, Tiers};
use crate::model::{ConflictMode, Partner, Profile};
use rustc_hash::{FxHashMap, FxHashSet};

/// How many of each candidate's best pair scores are kept (the rest are bounded by the last).
pub(crate) const TOP_PAIRS: usize = 8;

/// What a frame build reads per candidate, packed together for cache locality.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CandInfo {
    /// Best fit over the profiled slots the candidate may fill (−∞ when none).
    pub best_fit: f64,
    /// Largest pair score with any other candidate.
    pub max_pair: f64,
    /// The `TOP_PAIRS` largest pair scores, descending.
    pub top: [f64; TOP_PAIRS],
    /// Slot eligibility.
    pub mask: u16,
    /// May sit in a slot without profile.
    pub optional_fit: bool,
}

/// Pair data of two candidates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Pair {
    pub score: f64,
    pub conflict: bool,
}

/// The indexed instance.
pub(crate) struct Instance {
    pub req: TeamsRequest,
    pub k: usize,
    /// Largest team size, clamped to the number of candidates.
    pub max_size: usize,
    /// Candidate → partner index in `req.ecosystem.partners`.
    pub partner: Vec<usize>,
    /// Candidate ids (for ordering and output).
    pub ids: Vec<String>,
    /// Number of requirements.
    pub nreq: usize,
    /// `levels[c * nreq + r]`.
    pub levels: Vec<f64>,
    /// Bit s set when candidate c may fill slot s.
    pub mask: Vec<u16>,
    /// `fits[c * nslots + s]`: fit against slot s's profile (0 when unprofiled/ineligible).
    pub fits: Vec<f64>,
    /// Best fit over the profiled slots c may fill (−∞ when none).
    pub best_fit: Vec<f64>,
    /// Pairs with a relationship, keyed by `(min << 32) | max` candidate indices.
    pub pairs: FxHashMap<u64, Pair>,
    /// Packed per-candidate data for frame builds.
    pub info: Vec<CandInfo>,
    /// Candidates in conflict with c.
    pub conflicts_of: Vec<Vec<u32>>,
    /// Candidates with a relationship to c, with its pair data.
    pub nbrs: Vec<Vec<(u32, Pair)>>,
    /// Bit s set when slot s has no profile.
    pub unprofiled_mask: u16,
    /// Slot is profiled.
    pub profiled: Vec<bool>,
    /// Slot min / max.
    pub slot_min: Vec<u32>,
    /// Slot max.
    pub slot_max: Vec<u32>,
    /// Candidates that must be in every team.
    pub include: Vec<u32>,
    /// Score weights (cov, fit, syn).
    pub w: (f64, f64, f64),
    /// Conflict penalty per pair (0 under forbid).
    pub penalty: f64,
    /// Forbid conflicting pairs.
    pub forbid: bool,
    /// Weight of access to the deal's target accounts (§14; 0 by default).
    pub w_access: f64,
    /// Each candidate's best access to a target (empty when the deal names none).
    pub access: Vec<Option<crate::accounts::access::Access>>,
    /// The largest access of any candidate (admissible for the search's bounds).
    pub access_cap: f64,
}

/// Key of the pair (i, j).
pub(crate) fn pair_key(i: u32, j: u32) -> u64 {
    let (a, b) = if i < j { (i, j) } else { (j, i) };
    ((a as u64) << 32) | b as u64
}

impl Instance {
    /// Validate the request (every problem with its path) and index it.
    pub fn new(req: TeamsRequest) -> Result<Instance> {
        let k = checks::validate(&req)?;
        let slot_prof = checks::slot_profiles(&req);
        let eco = &req.ecosystem;
        let deal = &req.deal;
        let tiers = Tiers::new(&eco.tiers);
        let (cands, eligible_count) = candidates(&req, &slot_prof, &tiers);
        let n = cands.partner.len();
        let cix: FxHashMap<&str, u32> = cands
            .ids
            .iter()
            .enumerate()
            .map(|(i, x)| (x.as_str(), i as u32))
            .collect();
        checks::infeasible(&req, &eligible_count, &slot_prof, &cix)?;
        let (levels, fits, best_fit) = levels_and_fits(&req, &cands, &slot_prof, &tiers);
        let pt = pair_tables(&req, &cix, n);
        let unprofiled_mask = slot_prof
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_none())
            .fold(0u16, |m, (s, _)| m | (1 << s));
        let info = (0..n)
            .map(|c| {
                let mut top = [0.0; TOP_PAIRS];
                top.copy_from_slice(
                    pt.top_pairs
                        .get(c * TOP_PAIRS..(c + 1) * TOP_PAIRS)
                        .unwrap_or(&[0.0; TOP_PAIRS]),
                );
                CandInfo {
                    best_fit: best_fit[c],
                    max_pair: pt.max_pair[c],
                    top,
                    mask: cands.mask[c],
                    optional_fit: best_fit[c] > f64::NEG_INFINITY && cands.mask[c] & unprofiled_mask != 0,
                }
            })
            .collect();
        let include: Vec<u32> = deal
            .include
            .iter()
            .filter_map(|id| cix.get(id.as_str()).copied())
            .collect();
        let total_max: u64 = deal.slots.iter().map(|s| s.max as u64).sum();
        let max_size = (deal.max_team_size() as u64).min(total_max).min(n as u64) as usize;
        let w = deal.weights();
        let forbid = deal.conflicts == ConflictMode::Forbid;
        let penalty = if forbid { 0.0 } else { deal.conflict_penalty() };
        let profiled = slot_prof.iter().map(Option::is_some).collect();
        let slot_min = deal.slots.iter().map(|s| s.min).collect();
        let slot_max = deal.slots.iter().map(|s| s.max).collect();
        let access: Vec<_> = if deal.accounts.is_empty() {
            Vec::new()
        } else {
            let t = crate::accounts::access::Targets::new(&deal.accounts);
            cands
                .partner
                .iter()
                .map(|&p| eco.partners.get(p).and_then(|p| t.access(p)))
                .collect()
        };
        let access_cap = access.iter().flatten().map(|a| a.level).fold(0.0, f64::max);
        Ok(Instance {
            k,
            max_size,
            partner: cands.partner,
            ids: cands.ids,
            nreq: deal.requirements.len(),
            levels,
            mask: cands.mask,
            fits,
            best_fit,
            pairs: pt.pairs,
            conflicts_of: pt.conflicts_of,
            nbrs: pt.nbrs,
            unprofiled_mask,
            info,
            profiled,
            slot_min,
            slot_max,
            include,
            w: (w.coverage, w.fit, w.synergy),
            penalty,
            forbid,
            w_access: w.access,
            access,
            access_cap,
            req,
        })
    }

    /// Number of candidates.
    pub fn len(&self) -> usize {
        self.partner.len()
    }
    /// Number of slots.
    pub fn nslots(&self) -> usize {
        self.slot_min.len()
    }
    /// Levels of candidate c.
    pub fn levels_of(&self, c: u32) -> &[f64] {
        let s = c as usize * self.nreq;
        self.levels.get(s..s + self.nreq).unwrap_or(&[])
    }
    /// Pair data of two candidates (score 0, no conflict without a relationship).
    pub fn pair(&self, a: u32, b: u32) -> Pair {
        self.pairs.get(&pair_key(a, b)).copied().unwrap_or(Pair {
            score: 0.0,
            conflict: false,
        })
    }
    /// Fit of candidate c in slot s.
    pub fn fit_in(&self, c: u32, s: usize) -> f64 {
        self.fits.get(c as usize * self.nslots() + s).copied().unwrap_or(0.0)
    }
    /// Mask of candidate c.
    pub fn mask_of(&self, c: u32) -> u16 {
        self.mask.get(c as usize).copied().unwrap_or(0)
    }
}

/// The candidates — partners not excluded that may fill at least one slot — in id
/// order (the §3 tie-break order).
struct Candidates {
    partner: Vec<usize>,
    ids: Vec<String>,
    mask: Vec<u16>,
}

/// The candidates, and how many partners may fill each slot.
fn candidates(req: &TeamsRequest, slot_prof: &[Option<&Profile>], tiers: &Tiers) -> (Candidates, Vec<usize>) {
    let (eco, deal) = (&req.ecosystem, &req.deal);
    let nslots = deal.slots.len();
    let excluded: FxHashSet<&str> = deal.exclude.iter().map(String::as_str).collect();
    let elig = |partner: &Partner, s: usize| -> bool {
        match (slot_prof.get(s).copied().flatten(), deal.slots.get(s)) {
            (Some(prof), _) => eligible(prof, partner, tiers),
            (None, Some(slot)) => slot.profile.is_none() && partner.kind == slot.role,
            _ => false,
        }
    };
    let mut eligible_count = vec![0usize; nslots];
    let mut found: Vec<(String, usize, u16)> = Vec::new();
    for (pi, pa) in eco.partners.iter().enumerate() {
        if excluded.contains(pa.id.as_str()) {
            continue;
        }
        let mut m = 0u16;
        for (s, count) in eligible_count.iter_mut().enumerate() {
            if elig(pa, s) {
                m |= 1 << s;
                *count += 1;
            }
        }
        if m != 0 {
            found.push((pa.id.clone(), pi, m));
        }
    }
    // Candidates in id order, so that index order is the §3 tie-break order.
    found.sort_unstable();
    let (mut partner, mut ids, mut mask) = (Vec::new(), Vec::new(), Vec::new());
    for (id, pi, m) in found {
        ids.push(id);
        partner.push(pi);
        mask.push(m);
    }
    (Candidates { partner, ids, mask }, eligible_count)
}

/// Requirement levels, fits per slot and best fits of the candidates.
fn levels_and_fits(
    req: &TeamsRequest,
    cands: &Candidates,
    slot_prof: &[Option<&Profile>],
    tiers: &Tiers,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (eco, deal) = (&req.ecosystem, &req.deal);
    let (n, nslots) = (cands.partner.len(), deal.slots.len());
    let (partner, mask) = (&cands.partner, &cands.mask);
    let reqs = &deal.requirements;
    let nreq = reqs.len();
    let mut levels = Vec::with_capacity(n * nreq);
    let mut fits = vec![0.0; n * nslots];
    let mut best_fit = vec![f64::NEG_INFINITY; n];
    for (c, &pi) in partner.iter().enumerate() {
        let Some(pa) = eco.partners.get(pi) else { continue };
        levels.extend(reqs.iter().map(|r| level(r, pa)));
        for s in 0..nslots {
            if let Some(prof) = slot_prof.get(s).copied().flatten() {
                if mask[c] & (1 << s) != 0 {
                    let f = fit(prof, pa, tiers);
                    fits[c * nslots + s] = f;
                    best_fit[c] = best_fit[c].max(f);
                }
            }
        }
    }
    (levels, fits, best_fit)
}

/// Pair data of the candidates, per candidate and packed for the frame bounds.
struct PairTables {
    pairs: FxHashMap<u64, Pair>,
    conflicts_of: Vec<Vec<u32>>,
    nbrs: Vec<Vec<(u32, Pair)>>,
    max_pair: Vec<f64>,
    top_pairs: Vec<f64>,
}

/// The pair tables of `n` candidates (`cix`: candidate index by id).
fn pair_tables(req: &TeamsRequest, cix: &FxHashMap<&str, u32>, n: usize) -> PairTables {
    let eco = &req.ecosystem;
    let mut pairs = FxHashMap::default();
    let mut conflicts_of = vec![Vec::new(); n];
    let mut nbrs: Vec<Vec<(u32, Pair)>> = vec![Vec::new(); n];
    let mut rel_count = vec![0usize; n];
    let mut max_rel = vec![f64::NEG_INFINITY; n];
    for r in &eco.relationships {
        let (Some(&a), Some(&b)) = (cix.get(r.a.as_str()), cix.get(r.b.as_str())) else {
            continue;
        };
        let pr = Pair {
            score: r.pair_score(),
            conflict: r.conflict,
        };
        pairs.insert(pair_key(a, b), pr);
        for (x, y) in [(a, b), (b, a)] {
            rel_count[x as usize] += 1;
            nbrs[x as usize].push((y, pr));
            max_rel[x as usize] = max_rel[x as usize].max(pr.score);
            if pr.conflict {
                conflicts_of[x as usize].push(y);
            }
        }
    }
    let max_pair: Vec<f64> = (0..n)
        .map(|c| {
            if rel_count[c] + 1 < n {
                max_rel[c].max(0.0)
            } else {
                max_rel[c]
            }
        })
        .collect();
    let mut top_pairs = vec![0.0; n * TOP_PAIRS];
    for (c, nb) in nbrs.iter().enumerate() {
        let mut v: Vec<f64> = nb.iter().map(|x| x.1.score).collect();
        // every unrelated candidate is a pair scoring 0
        let unrelated = (n - 1).saturating_sub(rel_count[c]);
        v.extend(std::iter::repeat(0.0).take(unrelated.min(TOP_PAIRS)));
        v.sort_unstable_by(|a, b| b.total_cmp(a));
        // (entries past the number of other candidates are never reached; any upper bound does)
        let first = v.first().copied().unwrap_or(0.0);
        for i in 0..TOP_PAIRS {
            top_pairs[c * TOP_PAIRS + i] = v.get(i).copied().unwrap_or(first);
        }
    }
    for l in &mut conflicts_of {
        l.sort_unstable();
    }
    PairTables {
        pairs,
        conflicts_of,
        nbrs,
        max_pair,
        top_pairs,
    }
}
