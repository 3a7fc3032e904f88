//! Requirement coverage of a team (SPEC §3), shared by the team search and the
//! `coverage` / `winProbability` games of the splits (SPEC §5).

use crate::model::{Partner, Requirement};

/// Level of requirement `r` reached by one partner: `min(1, cap[r] / target_r)`.
pub fn level(r: &Requirement, p: &Partner) -> f64 {
    (p.capabilities.get(&r.capability).copied().unwrap_or(0.0) / r.target()).min(1.0)
}

/// `cov = Σ_r w_r · min(1, max_{p∈T} cap_p[r] / target_r) / Σ_r w_r`; 1 with no
/// requirements; 0 for an empty team with requirements.
pub fn coverage<'a>(reqs: &[Requirement], team: impl Iterator<Item = &'a Partner> + Clone) -> f64 {
    coverage_of_levels(
        reqs,
        reqs.iter()
            .map(|r| team.clone().map(|p| level(r, p)).fold(0.0, f64::max)),
    )
}

/// §3 coverage from the team's best level per requirement (`best[r] = max_{p∈T}
/// level(r, p)`, in `reqs` order): [`weighted_coverage`] with the requirements'
/// weights. The team search keeps `best` incrementally and calls this.
pub fn coverage_of_levels(reqs: &[Requirement], best: impl Iterator<Item = f64>) -> f64 {
    weighted_coverage(reqs.iter().map(|r| r.weight).zip(best))
}

/// The §3 coverage formula, the one function every coverage goes through (teams and
/// the `coverage` / `winProbability` games of §5): `Σ_r w_r · best_r / Σ_r w_r` over
/// `(w_r, best_r)` pairs in requirement order — the products added left to right from
/// 0, then one division; 1 with no requirements (`Σ w_r = 0`). Outputs depend on this
/// floating-point order (the enumeration of `splits::enumerate` adds the same products
/// in the same order, block by block, and divides once, so it gives the same bits).
pub fn weighted_coverage(terms: impl Iterator<Item = (f64, f64)>) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (w, b) in terms {
        num += w * b;
        den += w;
    }
    if den > 0.0 {
        num / den
    } else {
        1.0
    }
}
