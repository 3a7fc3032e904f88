//! Scoring every partner of an [`EcosystemIndex`] against one profile: one pass per
//! criterion over a column, each score from the §2 helpers of `crate::fit` (the one
//! place the formulas live), summed and divided by `fit::fit_batch`, the kernel the
//! scalar `fit::fit` runs too, so the index and the scalar fit agree bit for bit. Eligibility is computed
//! the same way, one `require` clause at a time.

use super::EcosystemIndex;
use crate::fit::{capability_score, fit_batch, listed_score, metric_score, reach_score};
use crate::model::{Criterion, CriterionKind, Profile, Require};
use rustc_hash::FxHashMap;

/// Fit and eligibility of every partner (indexed like `ecosystem().partners`).
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// §2 fit per partner.
    pub fit: Vec<f64>,
    /// Whether each partner meets every `require` clause.
    pub eligible: Vec<bool>,
}

impl EcosystemIndex {
    /// §2 fit and eligibility of every partner for `profile` (not validated here:
    /// call [`EcosystemIndex::rank`] or [`EcosystemIndex::order`] for checked input).
    pub fn scores(&self, profile: &Profile) -> Scores {
        let n = self.len();
        let mut acc = vec![0.0f64; n];
        fit_batch(&profile.criteria, &mut acc, |c, w, acc| self.add_weighted(c, w, acc));
        let eligible = match &profile.require {
            None => vec![true; n],
            Some(r) => self.eligibility(r),
        };
        Scores { fit: acc, eligible }
    }

    /// Add `w · s_c(p)` (§2 criterion score) to every partner's entry of `acc`, one column pass.
    fn add_weighted(&self, c: &Criterion, w: f64, acc: &mut [f64]) {
        let key = c.key.as_deref().unwrap_or("");
        match c.kind {
            CriterionKind::Capability => {
                let target = c.target.unwrap_or(1.0);
                match self.cap_keys.get(key) {
                    Some(&r) => {
                        for (a, &v) in acc.iter_mut().zip(self.caps.row(r)) {
                            *a += w * capability_score(v, target);
                        }
                    }
                    None => add_const(acc, w * capability_score(0.0, target)),
                }
            }
            CriterionKind::Industry => add_listed(acc, &self.industries, key, w),
            CriterionKind::Region => add_listed(acc, &self.regions, key, w),
            CriterionKind::Certification => add_listed(acc, &self.certifications, key, w),
            CriterionKind::Tier => {
                for (a, &s) in acc.iter_mut().zip(self.tier_score.iter()) {
                    *a += w * s;
                }
            }
            CriterionKind::Metric => {
                let (good, bad) = (c.good.unwrap_or(1.0), c.bad.unwrap_or(0.0));
                if let Some(&r) = self.metric_keys.get(key) {
                    for (a, &v) in acc.iter_mut().zip(self.metrics.row(r)) {
                        // NaN marks a missing metric, which scores 0 (adding w·0 changes nothing)
                        if !v.is_nan() {
                            *a += w * metric_score(v, good, bad);
                        }
                    }
                }
            }
            CriterionKind::Reach => {
                let good = c.good.unwrap_or(1.0);
                for (a, &k) in acc.iter_mut().zip(self.reach.iter()) {
                    *a += w * reach_score(k as usize, good);
                }
            }
        }
    }

    /// Whether each partner meets every clause of `req` (same rules as `fit::failed_clauses`).
    fn eligibility(&self, req: &Require) -> Vec<bool> {
        let n = self.len();
        let mut ok = vec![true; n];
        let keep_listed = |ok: &mut Vec<bool>, lists: &FxHashMap<String, Vec<u32>>, any: &[String]| {
            let mut hit = vec![false; n];
            for k in any {
                for &i in lists.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                    if let Some(h) = hit.get_mut(i as usize) {
                        *h = true;
                    }
                }
            }
            for (o, h) in ok.iter_mut().zip(hit) {
                *o &= h;
            }
        };
        if let Some(k) = &req.kinds {
            keep_listed(&mut ok, &self.kinds, k);
        }
        if let Some(t) = &req.regions_any {
            keep_listed(&mut ok, &self.regions, t);
        }
        if let Some(t) = &req.industries_any {
            keep_listed(&mut ok, &self.industries, t);
        }
        if let Some(all) = &req.certifications_all {
            for c in all {
                keep_listed(&mut ok, &self.certifications, std::slice::from_ref(c));
            }
        }
        if let Some(t) = &req.min_tier {
            let need = self.tiers.rank(t).map_or(i32::MAX, |r| r as i32);
            for (o, &r) in ok.iter_mut().zip(self.tier_rank.iter()) {
                *o &= r >= 0 && r >= need;
            }
        }
        if let Some(m) = &req.capabilities_min {
            for (k, &min) in m {
                match self.cap_keys.get(k) {
                    Some(&r) => {
                        for (o, &v) in ok.iter_mut().zip(self.caps.row(r)) {
                            *o &= v >= min;
                        }
                    }
                    None if 0.0 < min => ok.iter_mut().for_each(|o| *o = false),
                    None => {}
                }
            }
        }
        for (m, at_least) in [(&req.metrics_min, true), (&req.metrics_max, false)] {
            for (k, &bound) in m.iter().flatten() {
                match self.metric_keys.get(k) {
                    // NaN (missing) compares false: a missing metric fails
                    Some(&r) => {
                        for (o, &v) in ok.iter_mut().zip(self.metrics.row(r)) {
                            *o &= if at_least { v >= bound } else { v <= bound };
                        }
                    }
                    None => ok.iter_mut().for_each(|o| *o = false),
                }
            }
        }
        ok
    }
}

fn add_const(acc: &mut [f64], x: f64) {
    if x != 0.0 {
        acc.iter_mut().for_each(|a| *a += x);
    }
}

/// Add `w · listed_score(true)` to the partners listing `key`; the others score
/// `listed_score(false)` = 0, which adds nothing.
fn add_listed(acc: &mut [f64], lists: &FxHashMap<String, Vec<u32>>, key: &str, w: f64) {
    let s1 = w * listed_score(true);
    let s0 = w * listed_score(false);
    add_const(acc, s0);
    for &i in lists.get(key).map(Vec::as_slice).unwrap_or(&[]) {
        if let Some(a) = acc.get_mut(i as usize) {
            *a += s1 - s0;
        }
    }
}
