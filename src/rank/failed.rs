//! The failed `require` clauses of one ranked row, read from the index's columns as the
//! scores are: the clauses' strings are looked up once per `rank` call ([`Clauses`]),
//! then each ineligible row costs a few comparisons of numbers instead of a partner
//! rebuilt from the columns. Same names, same order and same rules as
//! `fit::failed_clauses` on the serde model (pinned by `tests/rank.rs`).

use super::EcosystemIndex;
use crate::model::Require;
use std::collections::BTreeMap;

/// A `require` with its strings resolved against one index.
pub(super) struct Clauses {
    /// Interned kinds that pass (kinds no partner has are left out: they match nobody).
    kinds: Option<Vec<u32>>,
    /// The minimum tier's rank (`i32::MAX` for an unknown tier: nobody passes).
    min_tier: Option<i32>,
    regions_any: Option<Vec<u32>>,
    industries_any: Option<Vec<u32>>,
    /// Each certification's string, `None` when no partner holds it.
    certifications_all: Option<Vec<Option<u32>>>,
    /// (clause name, row of `caps`, minimum), in the map's key order.
    capabilities_min: Vec<(String, Option<usize>, f64)>,
    /// (clause name, row of `metrics`, bound, true for a minimum), minimums first.
    metrics: Vec<(String, Option<usize>, f64, bool)>,
}

impl Clauses {
    pub(super) fn new(ix: &EcosystemIndex, req: &Require) -> Clauses {
        let s = &ix.partners.strings;
        let found = |xs: &Vec<String>| xs.iter().filter_map(|x| s.find(x)).collect::<Vec<u32>>();
        let keyed = |m: &Option<BTreeMap<String, f64>>, name: &str, rows: &rustc_hash::FxHashMap<String, usize>| {
            m.iter()
                .flatten()
                .map(|(k, &v)| (format!("{name}.{k}"), rows.get(k).copied(), v))
                .collect::<Vec<_>>()
        };
        let bound = |m, name, at_least| {
            keyed(m, name, &ix.metric_keys)
                .into_iter()
                .map(move |(n, r, v)| (n, r, v, at_least))
        };
        Clauses {
            kinds: req.kinds.as_ref().map(found),
            min_tier: req
                .min_tier
                .as_ref()
                .map(|t| ix.tiers.rank(t).map_or(i32::MAX, |r| r as i32)),
            regions_any: req.regions_any.as_ref().map(found),
            industries_any: req.industries_any.as_ref().map(found),
            certifications_all: req
                .certifications_all
                .as_ref()
                .map(|c| c.iter().map(|x| s.find(x)).collect()),
            capabilities_min: keyed(&req.capabilities_min, "capabilitiesMin", &ix.cap_keys),
            metrics: bound(&req.metrics_min, "metricsMin", true)
                .chain(bound(&req.metrics_max, "metricsMax", false))
                .collect(),
        }
    }

    /// How many clauses can fail: the five named ones, one per capability minimum and one
    /// per metric bound.
    pub(super) fn count(&self) -> usize {
        self.capabilities_min
            .len()
            .saturating_add(self.metrics.len())
            .saturating_add(5)
    }

    /// The names of the clauses partner `i` fails.
    pub(super) fn failed(&self, ix: &EcosystemIndex, i: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.each_failed(ix, i, |_, name| out.push(name.to_string()));
        out
    }

    /// The clauses partner `i` fails as bits, bit `k` for clause `k` in the order
    /// [`Clauses::failed`] lists them; `None` when the profile has more than 64 clauses.
    pub(super) fn failed_bits(&self, ix: &EcosystemIndex, i: usize) -> Option<u64> {
        if self.count() > 64 {
            return None;
        }
        let mut bits = 0u64;
        self.each_failed(ix, i, |k, _| bits |= 1u64.checked_shl(k as u32).unwrap_or(0));
        Some(bits)
    }

    /// [`Clauses::failed_bits`] of every partner, in partner order (0 for an eligible one):
    /// the columns read in the order they are stored, for a full ranking, whose rows would
    /// read them at random (in wasm that was 3–4 ms of 30 for 100,000 rows). `None` as for
    /// `failed_bits`.
    pub(super) fn all_failed_bits(&self, ix: &EcosystemIndex, eligible: &[bool]) -> Option<Vec<u64>> {
        (0..ix.len())
            .map(|i| match eligible.get(i) {
                Some(false) => self.failed_bits(ix, i),
                _ => Some(0),
            })
            .collect()
    }

    /// `f(k, name)` for each clause partner `i` fails, `k` its number: kinds 0, minTier 1,
    /// regionsAny 2, industriesAny 3, certificationsAll 4, then the capability minimums and
    /// the metric bounds in their order.
    fn each_failed(&self, ix: &EcosystemIndex, i: usize, mut f: impl FnMut(usize, &str)) {
        let p = &ix.partners;
        if let Some(k) = &self.kinds {
            if !p.kind.get(i).is_some_and(|x| k.contains(x)) {
                f(0, "kinds");
            }
        }
        if let Some(need) = self.min_tier {
            let have = ix.tier_rank.get(i).copied().unwrap_or(-1);
            if !(have >= 0 && have >= need) {
                f(1, "minTier");
            }
        }
        let any = |want: &Option<Vec<u32>>, have: &[u32]| match want {
            Some(w) => w.iter().any(|x| have.contains(x)),
            None => true,
        };
        if !any(&self.regions_any, p.regions.of(i)) {
            f(2, "regionsAny");
        }
        if !any(&self.industries_any, p.industries.of(i)) {
            f(3, "industriesAny");
        }
        if let Some(c) = &self.certifications_all {
            let have = p.certifications.of(i);
            if !c.iter().all(|x| x.is_some_and(|x| have.contains(&x))) {
                f(4, "certificationsAll");
            }
        }
        for (k, (name, row, min)) in (5..).zip(&self.capabilities_min) {
            // a missing capability is 0 in `caps`, as in `fit::failed_clauses`
            let v = row.and_then(|r| ix.caps.get((r, i)).copied()).unwrap_or(0.0);
            if v < *min {
                f(k, name);
            }
        }
        let first = self.capabilities_min.len().saturating_add(5);
        for (k, (name, row, bound, at_least)) in (first..).zip(&self.metrics) {
            // NaN marks a missing metric and compares false: it fails, as in the model
            let v = row.and_then(|r| ix.metrics.get((r, i)).copied()).unwrap_or(f64::NAN);
            let ok = if *at_least { v >= *bound } else { v <= *bound };
            if !ok {
                f(k, name);
            }
        }
    }
}
