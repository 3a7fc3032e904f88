//! The §3 team formulas — team fit, synergy, the score with its conflict penalty — and
//! the §3 order of teams: a leaf module that the slot assignment, the exact scoring
//! and the search's bounds all use.

use crate::num::TIE_EPS;
use std::cmp::Ordering;

/// §3 team fit: mean of the fits of the `q` members in profiled slots (`sum` of their
/// fits), 1 when no member sits in a profiled slot.
pub fn team_fit(sum: f64, q: usize) -> f64 {
    if q == 0 {
        1.0
    } else {
        sum / q as f64
    }
}

/// §3 synergy: mean pair score over all member pairs (`sum` over `n` members), 0 for
/// a team of one.
pub fn synergy(sum: f64, n: usize) -> f64 {
    if n < 2 {
        0.0
    } else {
        sum / (n.saturating_mul(n.saturating_sub(1)) / 2) as f64
    }
}

/// §3 score: `(w_c·cov + w_f·fit + w_s·(synergy+1)/2) / (w_c + w_f + w_s)` minus
/// `penalty` per conflicting pair (`penalty` is 0 under `forbid`).
#[inline]
pub fn team_score(w: (f64, f64, f64), cov: f64, fit: f64, syn: f64, conflicts: usize, penalty: f64) -> f64 {
    (w.0 * cov + w.1 * fit + w.2 * (syn + 1.0) / 2.0) / (w.0 + w.1 + w.2) - penalty * conflicts as f64
}

/// §14 deal targets: the team score gains `w_a · max access over members`; with
/// `w_a = 0` (the default) the score is returned unchanged, bit for bit.
#[inline]
pub fn with_access(score: f64, w_access: f64, max_access: f64) -> f64 {
    if w_access == 0.0 {
        score
    } else {
        score + w_access * max_access
    }
}

/// The §3 order of two teams: score descending; within 1e-9, the sorted member-id list ascending.
pub fn order(a_score: f64, a_key: &[String], b_score: f64, b_key: &[String]) -> Ordering {
    if (a_score - b_score).abs() < TIE_EPS {
        a_key.cmp(b_key)
    } else if a_score > b_score {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}
