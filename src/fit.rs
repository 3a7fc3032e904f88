//! IPP fit of one partner (SPEC §2): criterion scores, the weighted fit, and the
//! `require` clauses a partner fails. This is the one place the §2 formulas live;
//! the ranking index (`rank`) and team search call these functions.

use crate::model::{Criterion, CriterionKind, Partner, Profile, Require};
use rustc_hash::FxHashMap;

/// Tier names → rank (lowest 0), with the tier count, for §2's tier score.
#[derive(Clone, Debug, Default)]
pub struct Tiers {
    index: FxHashMap<String, usize>,
    len: usize,
}

impl Tiers {
    /// Build from the ecosystem's tier list (lowest first).
    pub fn new(tiers: &[String]) -> Self {
        Tiers {
            index: tiers.iter().enumerate().map(|(i, t)| (t.clone(), i)).collect(),
            len: tiers.len(),
        }
    }
    /// Rank of a tier name.
    pub fn rank(&self, tier: &str) -> Option<usize> {
        self.index.get(tier).copied()
    }
    /// §2 tier score: `index / (len − 1)`, 1 with a single tier, 0 without a tier.
    pub fn score(&self, tier: Option<&str>) -> f64 {
        match tier.and_then(|t| self.rank(t)) {
            None => 0.0,
            Some(_) if self.len <= 1 => 1.0,
            Some(i) => i as f64 / self.len.saturating_sub(1) as f64,
        }
    }
}

/// Clamp to [0, 1].
fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// §2 score `s ∈ [0, 1]` of one criterion for one partner.
pub fn criterion_score(c: &Criterion, p: &Partner, tiers: &Tiers) -> f64 {
    let key = c.key.as_deref().unwrap_or("");
    match c.kind {
        CriterionKind::Capability => {
            capability_score(p.capabilities.get(key).copied().unwrap_or(0.0), c.target.unwrap_or(1.0))
        }
        CriterionKind::Industry => listed_score(p.industries.iter().any(|x| x == key)),
        CriterionKind::Region => listed_score(p.regions.iter().any(|x| x == key)),
        CriterionKind::Certification => listed_score(p.certifications.iter().any(|x| x == key)),
        CriterionKind::Tier => tiers.score(p.tier.as_deref()),
        CriterionKind::Metric => match p.metrics.get(key) {
            None => 0.0,
            Some(&v) => metric_score(v, c.good.unwrap_or(1.0), c.bad.unwrap_or(0.0)),
        },
        CriterionKind::Reach => reach_score(p.accounts.len(), c.good.unwrap_or(1.0)),
    }
}

/// §2 capability score: `min(level / target, 1)` (a missing capability has level 0).
pub fn capability_score(level: f64, target: f64) -> f64 {
    (level / target).min(1.0)
}

/// §2 industry / region / certification score: 1 if the partner lists the key, else 0.
pub fn listed_score(listed: bool) -> f64 {
    if listed {
        1.0
    } else {
        0.0
    }
}

/// §2 metric score: `clamp((v − bad) / (good − bad), 0, 1)`; works for `good < bad`.
pub fn metric_score(v: f64, good: f64, bad: f64) -> f64 {
    clamp01((v - bad) / (good - bad))
}

/// §2 reach score: `clamp(|accounts| / good, 0, 1)`.
pub fn reach_score(accounts: usize, good: f64) -> f64 {
    clamp01(accounts as f64 / good)
}

/// §2 fit of one partner: `Σ wᵢ·sᵢ / Σ wᵢ` — [`fit_batch`] over a batch of one.
pub fn fit(profile: &Profile, p: &Partner, tiers: &Tiers) -> f64 {
    let mut acc = [0.0];
    fit_batch(&profile.criteria, &mut acc, |c, w, acc| {
        for a in acc.iter_mut() {
            *a += w * criterion_score(c, p, tiers);
        }
    });
    let [f] = acc;
    f
}

/// §2 fit `Σ wᵢ·sᵢ / Σ wᵢ` of a batch of partners (0 when no criterion has weight):
/// `add_weighted(c, w, acc)` adds `w · s_c(p)` to each partner's entry of `acc`
/// (which starts at 0), one criterion at a time in the profile's order; then each
/// entry is divided by `Σ wᵢ`. The one kernel of [`fit`] (a batch of one) and of the
/// ranking index's column scoring (`EcosystemIndex::scores`), so both give the same bits.
pub fn fit_batch(criteria: &[Criterion], acc: &mut [f64], mut add_weighted: impl FnMut(&Criterion, f64, &mut [f64])) {
    let mut den = 0.0;
    for c in criteria {
        den += c.weight;
        add_weighted(c, c.weight, acc);
    }
    for a in acc.iter_mut() {
        *a = if den > 0.0 { *a / den } else { 0.0 };
    }
}

/// The names of the `require` clauses `p` fails (empty when eligible), in a fixed
/// order: `kinds`, `minTier`, `regionsAny`, `industriesAny`, `certificationsAll`,
/// `capabilitiesMin.<key>`, `metricsMin.<key>`, `metricsMax.<key>`.
pub fn failed_clauses(req: &Require, p: &Partner, tiers: &Tiers) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(k) = &req.kinds {
        if !k.contains(&p.kind) {
            out.push("kinds".to_string());
        }
    }
    if let Some(t) = &req.min_tier {
        let need = tiers.rank(t);
        let have = p.tier.as_deref().and_then(|x| tiers.rank(x));
        if !matches!((have, need), (Some(h), Some(n)) if h >= n) {
            out.push("minTier".to_string());
        }
    }
    let any = |want: &Option<Vec<String>>, have: &[String]| match want {
        Some(w) => w.iter().any(|x| have.contains(x)),
        None => true,
    };
    if !any(&req.regions_any, &p.regions) {
        out.push("regionsAny".to_string());
    }
    if !any(&req.industries_any, &p.industries) {
        out.push("industriesAny".to_string());
    }
    if let Some(c) = &req.certifications_all {
        if !c.iter().all(|x| p.certifications.contains(x)) {
            out.push("certificationsAll".to_string());
        }
    }
    if let Some(m) = &req.capabilities_min {
        for (k, &v) in m {
            if p.capabilities.get(k).copied().unwrap_or(0.0) < v {
                out.push(format!("capabilitiesMin.{k}"));
            }
        }
    }
    if let Some(m) = &req.metrics_min {
        for (k, &v) in m {
            if !p.metrics.get(k).is_some_and(|&x| x >= v) {
                out.push(format!("metricsMin.{k}"));
            }
        }
    }
    if let Some(m) = &req.metrics_max {
        for (k, &v) in m {
            if !p.metrics.get(k).is_some_and(|&x| x <= v) {
                out.push(format!("metricsMax.{k}"));
            }
        }
    }
    out
}

/// True when `p` meets every clause of the profile's `require` (or it has none).
pub fn eligible(profile: &Profile, p: &Partner, tiers: &Tiers) -> bool {
    profile
        .require
        .as_ref()
        .map_or(true, |r| failed_clauses(r, p, tiers).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crit(kind: CriterionKind, key: Option<&str>, weight: f64) -> Criterion {
        Criterion::new(kind, key, weight)
    }

    #[test]
    fn hand_computed_fit() {
        let tiers = Tiers::new(&["silver".into(), "gold".into(), "platinum".into()]);
        let p = Partner {
            id: "p".into(),
            name: "P".into(),
            kind: "si".into(),
            tier: Some("gold".into()),
            capabilities: [("cloud".to_string(), 0.6)].into(),
            industries: vec!["health".into()],
            metrics: [("salesCycleDays".to_string(), 90.0)].into(),
            accounts: vec!["a".into(), "b".into()],
            ..Default::default()
        };
        let mut cap = crit(CriterionKind::Capability, Some("cloud"), 2.0);
        cap.target = Some(0.8); // 0.6/0.8 = 0.75
        let ind = crit(CriterionKind::Industry, Some("health"), 1.0); // 1
        let tier = crit(CriterionKind::Tier, None, 1.0); // 1/2
        let mut met = crit(CriterionKind::Metric, Some("salesCycleDays"), 1.0);
        met.good = Some(30.0);
        met.bad = Some(180.0); // (90-180)/(30-180) = 0.6
        let mut reach = crit(CriterionKind::Reach, None, 3.0);
        reach.good = Some(4.0); // 0.5
        let profile = Profile {
            id: "x".into(),
            name: "x".into(),
            role: None,
            require: None,
            criteria: vec![cap, ind, tier, met, reach],
        };
        let want = (2.0 * 0.75 + 1.0 + 0.5 + 0.6 + 3.0 * 0.5) / 8.0;
        assert!((fit(&profile, &p, &tiers) - want).abs() < 1e-15);
    }

    #[test]
    fn failed_clauses_are_named() {
        let tiers = Tiers::new(&["silver".into(), "gold".into()]);
        let p = Partner {
            id: "p".into(),
            kind: "si".into(),
            tier: Some("silver".into()),
            ..Default::default()
        };
        let req = Require {
            kinds: Some(vec!["isv".into()]),
            min_tier: Some("gold".into()),
            capabilities_min: Some([("cloud".to_string(), 0.5)].into()),
            ..Default::default()
        };
        assert_eq!(
            failed_clauses(&req, &p, &tiers),
            vec!["kinds", "minTier", "capabilitiesMin.cloud"]
        );
    }
}
