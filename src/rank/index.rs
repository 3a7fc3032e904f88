//! `EcosystemIndex`: an ecosystem validated once and laid out in columns (ndarray
//! matrices for capabilities and metrics, vectors for tiers and reach, sorted posting
//! lists for industries, regions, certifications and kinds) so that scoring 100,000
//! partners against a profile is a few tight loops instead of a walk through maps.

use crate::error::{DealteamError, Result};
use crate::fit::Tiers;
use crate::model::Ecosystem;
use ndarray::{Array1, Array2};
use std::collections::{BTreeMap, HashMap};

/// A validated ecosystem with its partners in columns. Build it once (from the model
/// or straight from JSON) and rank it against any number of profiles.
#[derive(Clone, Debug)]
pub struct EcosystemIndex {
    pub(crate) eco: Ecosystem,
    pub(crate) tiers: Tiers,
    /// Capability key → row of `caps`.
    pub(crate) cap_keys: HashMap<String, usize>,
    /// Capability levels, shape (keys × partners); a missing capability is 0.
    pub(crate) caps: Array2<f64>,
    /// Metric key → row of `metrics`.
    pub(crate) metric_keys: HashMap<String, usize>,
    /// Metric values, shape (keys × partners); a missing metric is NaN (validation
    /// rejects non-finite metrics, so NaN means "absent").
    pub(crate) metrics: Array2<f64>,
    /// Tier rank per partner (−1 without a tier).
    pub(crate) tier_rank: Array1<i32>,
    /// §2 tier score per partner (`Tiers::score`).
    pub(crate) tier_score: Array1<f64>,
    /// Account count per partner.
    pub(crate) reach: Array1<u32>,
    /// Industry → partners listing it (ascending indices, no repeats).
    pub(crate) industries: HashMap<String, Vec<u32>>,
    /// Region → partners.
    pub(crate) regions: HashMap<String, Vec<u32>>,
    /// Certification → partners.
    pub(crate) certifications: HashMap<String, Vec<u32>>,
    /// Kind → partners.
    pub(crate) kinds: HashMap<String, Vec<u32>>,
    /// Position of each partner in ascending id order (the tie-break of SPEC §2).
    pub(crate) id_rank: Vec<u32>,
}

impl EcosystemIndex {
    /// Validate `eco` (every problem reported with its path) and build the columns.
    pub fn new(eco: Ecosystem) -> Result<Self> {
        eco.validate()?;
        Ok(Self::build(eco))
    }

    /// Parse ecosystem JSON (paths in errors as in the JSON: `partners[3].tier`),
    /// validate it and build the columns.
    pub fn from_json(text: &str) -> Result<Self> {
        Self::new(crate::json::from_str(text)?)
    }

    /// The ecosystem this index was built from.
    pub fn ecosystem(&self) -> &Ecosystem {
        &self.eco
    }

    /// Number of partners.
    pub fn len(&self) -> usize {
        self.eco.partners.len()
    }

    /// True when the ecosystem has no partners.
    pub fn is_empty(&self) -> bool {
        self.eco.partners.is_empty()
    }

    /// The tiers of the ecosystem, for §2's tier score.
    pub fn tiers(&self) -> &Tiers {
        &self.tiers
    }

    fn build(eco: Ecosystem) -> Self {
        let n = eco.partners.len();
        let tiers = Tiers::new(&eco.tiers);
        let mut cap_names = BTreeMap::new();
        let mut metric_names = BTreeMap::new();
        for p in &eco.partners {
            for k in p.capabilities.keys() {
                cap_names.entry(k.as_str()).or_insert(());
            }
            for k in p.metrics.keys() {
                metric_names.entry(k.as_str()).or_insert(());
            }
        }
        let cap_keys: HashMap<String, usize> = cap_names.keys().enumerate().map(|(i, k)| (k.to_string(), i)).collect();
        let metric_keys: HashMap<String, usize> =
            metric_names.keys().enumerate().map(|(i, k)| (k.to_string(), i)).collect();
        let mut caps = Array2::<f64>::zeros((cap_keys.len(), n));
        let mut metrics = Array2::<f64>::from_elem((metric_keys.len(), n), f64::NAN);
        let mut tier_rank = Array1::<i32>::from_elem(n, -1);
        let mut tier_score = Array1::<f64>::zeros(n);
        let mut reach = Array1::<u32>::zeros(n);
        let (mut industries, mut regions, mut certifications, mut kinds) =
            (HashMap::new(), HashMap::new(), HashMap::new(), HashMap::new());
        // Partners' maps are sorted by key, so a key's row is usually found by one
        // comparison with the previous partner's key at the same position.
        let (mut cap_memo, mut metric_memo) = (Vec::new(), Vec::new());
        for (i, p) in eco.partners.iter().enumerate() {
            for (j, (k, &v)) in p.capabilities.iter().enumerate() {
                if let Some(r) = row(&mut cap_memo, &cap_keys, j, k) {
                    caps[(r, i)] = v;
                }
            }
            for (j, (k, &v)) in p.metrics.iter().enumerate() {
                if let Some(r) = row(&mut metric_memo, &metric_keys, j, k) {
                    metrics[(r, i)] = v;
                }
            }
            if let Some(r) = p.tier.as_deref().and_then(|t| tiers.rank(t)) {
                tier_rank[i] = r as i32;
            }
            tier_score[i] = tiers.score(p.tier.as_deref());
            reach[i] = u32::try_from(p.accounts.len()).unwrap_or(u32::MAX);
            let at = i as u32;
            post(&mut industries, &p.industries, at);
            post(&mut regions, &p.regions, at);
            post(&mut certifications, &p.certifications, at);
            post(&mut kinds, std::slice::from_ref(&p.kind), at);
        }
        let mut by_id: Vec<u32> = (0..n as u32).collect();
        // ids often arrive sorted (exports, generated data): check before sorting
        if !eco.partners.windows(2).all(|w| w[0].id <= w[1].id) {
            by_id.sort_unstable_by(|&a, &b| eco.partners[a as usize].id.cmp(&eco.partners[b as usize].id));
        }
        let mut id_rank = vec![0u32; n];
        for (r, &i) in by_id.iter().enumerate() {
            id_rank[i as usize] = r as u32;
        }
        EcosystemIndex {
            eco,
            tiers,
            cap_keys,
            caps,
            metric_keys,
            metrics,
            tier_rank,
            tier_score,
            reach,
            industries,
            regions,
            certifications,
            kinds,
            id_rank,
        }
    }
}

/// The row of key `k` (at position `j` of a partner's sorted map), memoised by position.
fn row<'a>(memo: &mut Vec<(&'a str, usize)>, keys: &HashMap<String, usize>, j: usize, k: &'a str) -> Option<usize> {
    if let Some(&(name, r)) = memo.get(j) {
        if name == k {
            return Some(r);
        }
    }
    let r = *keys.get(k)?;
    if let Some(slot) = memo.get_mut(j) {
        *slot = (k, r);
    } else if j == memo.len() {
        memo.push((k, r));
    }
    Some(r)
}

/// Add partner `at` to the posting list of each key (once, even if a key repeats).
fn post(lists: &mut HashMap<String, Vec<u32>>, keys: &[String], at: u32) {
    for k in keys {
        match lists.get_mut(k.as_str()) {
            Some(list) if list.last() == Some(&at) => {}
            Some(list) => list.push(at),
            None => {
                lists.insert(k.clone(), vec![at]);
            }
        }
    }
}

/// Re-root an error's paths under `prefix` (e.g. `ecosystem`), with its `others`.
pub(crate) fn under(prefix: &str, mut e: DealteamError) -> DealteamError {
    e.path = crate::json::field(prefix, &e.path);
    if e.path.ends_with('.') {
        e.path.pop();
    }
    e.others = e.others.into_iter().map(|o| under(prefix, o)).collect();
    e
}
