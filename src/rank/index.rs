//! `EcosystemIndex`: an ecosystem validated once and laid out in columns (ndarray
//! matrices for capabilities and metrics, vectors for tiers and reach, sorted posting
//! lists for industries, regions, certifications and kinds) so that scoring 100,000
//! partners against a profile is a few tight loops instead of a walk through maps.

use crate::error::Result;
use crate::fit::Tiers;
use crate::model::{Ecosystem, Partner};
use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

/// A validated ecosystem with its partners in columns. Build it once (from the model
/// or straight from JSON) and rank it against any number of profiles.
#[derive(Clone, Debug)]
pub struct EcosystemIndex {
    pub(crate) eco: Ecosystem,
    pub(crate) tiers: Tiers,
    /// Capability key → row of `caps`.
    pub(crate) cap_keys: FxHashMap<String, usize>,
    /// Capability levels, shape (keys × partners); a missing capability is 0.
    pub(crate) caps: Array2<f64>,
    /// Metric key → row of `metrics`.
    pub(crate) metric_keys: FxHashMap<String, usize>,
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
    pub(crate) industries: FxHashMap<String, Vec<u32>>,
    /// Region → partners.
    pub(crate) regions: FxHashMap<String, Vec<u32>>,
    /// Certification → partners.
    pub(crate) certifications: FxHashMap<String, Vec<u32>>,
    /// Kind → partners.
    pub(crate) kinds: FxHashMap<String, Vec<u32>>,
    /// Position of each partner in ascending id order (the tie-break of SPEC §2).
    pub(crate) id_rank: Vec<u32>,
}

impl EcosystemIndex {
    /// Validate `eco` (every problem reported with its path) and build the columns,
    /// in one pass over the partners.
    pub fn new(eco: Ecosystem) -> Result<Self> {
        let tiers = Tiers::new(&eco.tiers);
        let mut b = Builder::new(eco.partners.len(), &tiers);
        eco.validate_visiting(|i, p| b.add(i, p))?;
        let c = b.finish(&eco);
        Ok(EcosystemIndex {
            eco,
            tiers,
            cap_keys: c.cap_keys,
            caps: c.caps,
            metric_keys: c.metric_keys,
            metrics: c.metrics,
            tier_rank: c.tier_rank,
            tier_score: c.tier_score,
            reach: c.reach,
            industries: c.industries,
            regions: c.regions,
            certifications: c.certifications,
            kinds: c.kinds,
            id_rank: c.id_rank,
        })
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
}

/// The columns, filled partner by partner during validation.
struct Builder<'a> {
    n: usize,
    tiers: &'a Tiers,
    caps: Columns<'a>,
    metrics: Columns<'a>,
    tier_rank: Array1<i32>,
    tier_score: Array1<f64>,
    reach: Array1<u32>,
    industries: FxHashMap<String, Vec<u32>>,
    regions: FxHashMap<String, Vec<u32>>,
    certifications: FxHashMap<String, Vec<u32>>,
    kinds: FxHashMap<String, Vec<u32>>,
    prev_id: Option<&'a str>,
    ids_sorted: bool,
}

/// What [`Builder::finish`] hands over.
struct Built {
    cap_keys: FxHashMap<String, usize>,
    caps: Array2<f64>,
    metric_keys: FxHashMap<String, usize>,
    metrics: Array2<f64>,
    tier_rank: Array1<i32>,
    tier_score: Array1<f64>,
    reach: Array1<u32>,
    industries: FxHashMap<String, Vec<u32>>,
    regions: FxHashMap<String, Vec<u32>>,
    certifications: FxHashMap<String, Vec<u32>>,
    kinds: FxHashMap<String, Vec<u32>>,
    id_rank: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn new(n: usize, tiers: &'a Tiers) -> Self {
        Builder {
            n,
            tiers,
            caps: Columns::new(n, 0.0),
            metrics: Columns::new(n, f64::NAN),
            tier_rank: Array1::from_elem(n, -1),
            tier_score: Array1::zeros(n),
            reach: Array1::zeros(n),
            industries: FxHashMap::default(),
            regions: FxHashMap::default(),
            certifications: FxHashMap::default(),
            kinds: FxHashMap::default(),
            prev_id: None,
            ids_sorted: true,
        }
    }

    fn add(&mut self, i: usize, p: &'a Partner) {
        if i >= self.n {
            return;
        }
        for (j, (k, &v)) in p.capabilities.iter().enumerate() {
            self.caps.set(j, k, i, v);
        }
        for (j, (k, &v)) in p.metrics.iter().enumerate() {
            self.metrics.set(j, k, i, v);
        }
        if let Some(r) = p.tier.as_deref().and_then(|t| self.tiers.rank(t)) {
            self.tier_rank[i] = r as i32;
        }
        self.tier_score[i] = self.tiers.score(p.tier.as_deref());
        self.reach[i] = u32::try_from(p.accounts.len()).unwrap_or(u32::MAX);
        let at = i as u32;
        post(&mut self.industries, &p.industries, at);
        post(&mut self.regions, &p.regions, at);
        post(&mut self.certifications, &p.certifications, at);
        post(&mut self.kinds, std::slice::from_ref(&p.kind), at);
        // ids often arrive sorted (exports, generated data): then no sort is needed
        if self.prev_id.is_some_and(|prev| prev > p.id.as_str()) {
            self.ids_sorted = false;
        }
        self.prev_id = Some(p.id.as_str());
    }

    fn finish(self, eco: &Ecosystem) -> Built {
        let n = self.n;
        let mut by_id: Vec<u32> = (0..n as u32).collect();
        if !self.ids_sorted {
            by_id.sort_unstable_by(|&a, &b| {
                let id = |i: u32| eco.partners.get(i as usize).map(|p| p.id.as_str());
                id(a).cmp(&id(b))
            });
        }
        let mut id_rank = vec![0u32; n];
        for (r, &i) in by_id.iter().enumerate() {
            if let Some(x) = id_rank.get_mut(i as usize) {
                *x = r as u32;
            }
        }
        let (cap_keys, caps) = self.caps.finish();
        let (metric_keys, metrics) = self.metrics.finish();
        Built {
            cap_keys,
            caps,
            metric_keys,
            metrics,
            tier_rank: self.tier_rank,
            tier_score: self.tier_score,
            reach: self.reach,
            industries: self.industries,
            regions: self.regions,
            certifications: self.certifications,
            kinds: self.kinds,
            id_rank,
        }
    }
}

/// One column per key, created when a key is first seen (filled with `missing`).
/// Partners' maps are sorted by key, so a key's column is usually found by one
/// comparison with the previous partner's key at the same position (`memo`).
struct Columns<'a> {
    n: usize,
    missing: f64,
    keys: FxHashMap<String, usize>,
    cols: Vec<Vec<f64>>,
    memo: Vec<(&'a str, usize)>,
}

impl<'a> Columns<'a> {
    fn new(n: usize, missing: f64) -> Self {
        Columns {
            n,
            missing,
            keys: FxHashMap::default(),
            cols: Vec::new(),
            memo: Vec::new(),
        }
    }

    /// Set partner `i`'s value of key `k`, the `j`-th key of its map.
    fn set(&mut self, j: usize, k: &'a str, i: usize, v: f64) {
        let col = match self.memo.get(j) {
            Some(&(name, c)) if name == k => c,
            _ => {
                let c = match self.keys.get(k) {
                    Some(&c) => c,
                    None => {
                        self.cols.push(vec![self.missing; self.n]);
                        self.keys.insert(k.to_string(), self.cols.len() - 1);
                        self.cols.len() - 1
                    }
                };
                if let Some(m) = self.memo.get_mut(j) {
                    *m = (k, c);
                } else if j == self.memo.len() {
                    self.memo.push((k, c));
                }
                c
            }
        };
        if let Some(x) = self.cols.get_mut(col).and_then(|c| c.get_mut(i)) {
            *x = v;
        }
    }

    /// The key → row map and the (keys × partners) matrix.
    fn finish(self) -> (FxHashMap<String, usize>, Array2<f64>) {
        let rows = self.cols.len();
        let flat: Vec<f64> = self.cols.concat();
        let m = Array2::from_shape_vec((rows, self.n), flat)
            .unwrap_or_else(|_| Array2::from_elem((rows, self.n), self.missing));
        (self.keys, m)
    }
}

/// Add partner `at` to the posting list of each key (once, even if a key repeats).
fn post(lists: &mut FxHashMap<String, Vec<u32>>, keys: &[String], at: u32) {
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
