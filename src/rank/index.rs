//! `EcosystemIndex`: an ecosystem validated once and laid out in columns (ndarray
//! matrices for capabilities and metrics, vectors for tiers and reach, sorted posting
//! lists for industries, regions, certifications and kinds) so that scoring 100,000
//! partners against a profile is a few tight loops instead of a walk through maps.

use super::ingest::Ingested;
use super::partners::{Lists, Partners};
use crate::error::{DealteamError, ErrorCode, Result};
use crate::fit::Tiers;
use crate::model::{Ecosystem, Partner, Parts, Relationship};
use crate::money::Currency;
use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

/// A validated ecosystem with its partners in columns. Build it once (from the model
/// or straight from JSON, read into the columns as it is parsed) and rank it against any
/// number of profiles.
#[derive(Clone, Debug)]
pub struct EcosystemIndex {
    /// The partners' own data, compactly (`Partners`).
    pub(crate) partners: Partners,
    pub(crate) currency: Option<Currency>,
    pub(crate) tier_names: Vec<String>,
    pub(crate) relationships: Vec<Relationship>,
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
    /// Validate `eco` (every problem reported with its path) and build the columns.
    pub fn new(eco: Ecosystem) -> Result<Self> {
        let mut partners = Partners::default();
        for p in eco.partners {
            partners.push(p);
        }
        Self::from_ingested(Ingested {
            currency: eco.currency,
            tiers: eco.tiers,
            partners,
            relationships: eco.relationships,
        })
    }

    /// Parse ecosystem JSON (paths in errors as in the JSON: `partners[3].tier`),
    /// validate it and build the columns; the partners go into the columns as they
    /// are read.
    pub fn from_json(text: &str) -> Result<Self> {
        Self::from_ingested(crate::json::from_str(text)?)
    }

    /// [`EcosystemIndex::from_json`] from a stream of JSON bytes, with the same errors
    /// and paths ([`crate::json::from_reader`]; `again` reads the bytes once more to
    /// find a failing field's path).
    pub fn from_reader<R: std::io::Read>(r: R, again: impl FnOnce() -> Option<R>) -> Result<Self> {
        Self::from_ingested(crate::json::from_reader(r, again)?)
    }

    /// [`EcosystemIndex::from_reader`] for a stream that can be read again from its start
    /// (`again`): read a partner at a time from a window over it, as from text, and read the
    /// usual way (a byte at a time) only when that reader stops short — then with the same
    /// result, or the same error and path (`src/rank/chunked.rs`).
    pub fn from_stream<R: std::io::Read>(r: R, again: impl Fn() -> Option<R>) -> Result<Self> {
        if let Some(x) = super::chunked::ingest(r) {
            return Self::from_ingested(x);
        }
        match again() {
            Some(r) => Self::from_reader(r, again),
            None => Err(DealteamError::new(
                ErrorCode::InvalidJson,
                "",
                "the ecosystem's bytes could not be read again",
            )),
        }
    }

    /// Validate what was read (the model's checks, in the model's order) and index it.
    pub(crate) fn from_ingested(x: Ingested) -> Result<Self> {
        let parts = Parts {
            tiers: &x.tiers,
            currency: x.currency.clone().unwrap_or_else(Currency::eur),
            relationships: &x.relationships,
        };
        let p = &x.partners;
        parts.validate(p.len(), (0..p.len()).map(|i| p.row(i).id()), |i| Some(p.row(i)))?;
        let tiers = Tiers::new(&x.tiers);
        let c = build(&x.partners, &x.tiers, &tiers);
        Ok(EcosystemIndex {
            partners: x.partners,
            currency: x.currency,
            tier_names: x.tiers,
            relationships: x.relationships,
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

    /// The ecosystem this index was built from, rebuilt as the serde model (a copy:
    /// it costs about what parsing the partners did).
    pub fn ecosystem(&self) -> Ecosystem {
        Ecosystem {
            currency: self.currency.clone(),
            tiers: self.tier_names.clone(),
            partners: (0..self.len()).map(|i| self.partners.partner(i)).collect(),
            relationships: self.relationships.clone(),
        }
    }

    /// Partner `i` (in input order) as the serde model has it.
    pub fn partner(&self, i: usize) -> Option<Partner> {
        (i < self.len()).then(|| self.partners.partner(i))
    }

    /// The id of partner `i` ("" past the end).
    pub fn id(&self, i: usize) -> &str {
        self.partners.ids.get(i as u32)
    }

    /// Number of partners.
    pub fn len(&self) -> usize {
        self.partners.len()
    }

    /// True when the ecosystem has no partners.
    pub fn is_empty(&self) -> bool {
        self.partners.len() == 0
    }

    /// The tiers of the ecosystem, for §2's tier score.
    pub fn tiers(&self) -> &Tiers {
        &self.tiers
    }
}

/// The columns the scoring reads.
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

/// Build the scoring columns from validated partners.
fn build(p: &Partners, tier_names: &[String], tiers: &Tiers) -> Built {
    let n = p.len();
    let (cap_keys, caps) = matrix(p, &p.capabilities, 0.0);
    let (metric_keys, metrics) = matrix(p, &p.metrics, f64::NAN);
    // tier string → (rank, score)
    let mut tier_of: FxHashMap<u32, (i32, f64)> = FxHashMap::default();
    for t in tier_names {
        if let (Some(k), Some(r)) = (p.strings.find(t), tiers.rank(t)) {
            tier_of.insert(k, (r as i32, tiers.score(Some(t))));
        }
    }
    let tier = |i: usize| p.tier.get(i).and_then(|t| tier_of.get(t)).copied();
    let tier_rank = (0..n).map(|i| tier(i).map_or(-1, |t| t.0)).collect();
    let tier_score = (0..n).map(|i| tier(i).map_or(0.0, |t| t.1)).collect();
    let reach = (0..n)
        .map(|i| u32::try_from(p.accounts.of(i).len()).unwrap_or(u32::MAX))
        .collect();
    let kinds = postings(p, n, |i| p.kind.get(i..=i).unwrap_or(&[]));
    Built {
        cap_keys,
        caps,
        metric_keys,
        metrics,
        tier_rank,
        tier_score,
        reach,
        industries: postings(p, n, |i| p.industries.of(i)),
        regions: postings(p, n, |i| p.regions.of(i)),
        certifications: postings(p, n, |i| p.certifications.of(i)),
        kinds,
        id_rank: id_rank(p),
    }
}

/// Position of each partner in ascending id order; ids often arrive sorted (exports,
/// generated data), and then no sort is needed.
fn id_rank(p: &Partners) -> Vec<u32> {
    let n = p.len();
    let id = |i: u32| p.ids.get(i);
    let mut by_id: Vec<u32> = (0..n as u32).collect();
    if !by_id.iter().zip(by_id.iter().skip(1)).all(|(&a, &b)| id(a) <= id(b)) {
        by_id.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
    }
    let mut rank = vec![0u32; n];
    for (r, &i) in by_id.iter().enumerate() {
        if let Some(x) = rank.get_mut(i as usize) {
            *x = r as u32;
        }
    }
    rank
}

/// One row per key of `lists` (keys × partners), `missing` where a partner lacks a key.
fn matrix(p: &Partners, lists: &Lists<(u32, f64)>, missing: f64) -> (FxHashMap<String, usize>, Array2<f64>) {
    let n = p.len();
    let mut row_of: FxHashMap<u32, usize> = FxHashMap::default();
    for &(k, _) in &lists.items {
        let next = row_of.len();
        row_of.entry(k).or_insert(next);
    }
    let mut m = Array2::from_elem((row_of.len(), n), missing);
    for i in 0..n {
        for &(k, v) in lists.of(i) {
            if let Some(x) = row_of.get(&k).and_then(|&r| m.get_mut((r, i))) {
                *x = v;
            }
        }
    }
    let keys = row_of
        .into_iter()
        .map(|(k, r)| (p.strings.get(k).to_string(), r))
        .collect();
    (keys, m)
}

/// Each key's partners (ascending, each once even if a partner repeats the key).
fn postings<'a>(p: &'a Partners, n: usize, of: impl Fn(usize) -> &'a [u32]) -> FxHashMap<String, Vec<u32>> {
    let mut lists: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for i in 0..n {
        let at = i as u32;
        for &k in of(i) {
            let list = lists.entry(k).or_default();
            if list.last() != Some(&at) {
                list.push(at);
            }
        }
    }
    lists
        .into_iter()
        .map(|(k, v)| (p.strings.get(k).to_string(), v))
        .collect()
}
