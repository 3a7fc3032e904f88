//! IPP ranking (SPEC §2, §10 `rank`): an [`EcosystemIndex`] holds the partners in
//! ndarray columns, built once; [`EcosystemIndex::rank`] scores every partner in a few
//! tight loops, orders them and explains only the rows it returns.
//!
//! ```
//! use dealteam::rank::{EcosystemIndex, RankOptions};
//! let eco = EcosystemIndex::from_json(r#"{"partners": [
//!   {"id": "a", "name": "A", "kind": "si", "capabilities": {"cloud": 0.5}},
//!   {"id": "b", "name": "B", "kind": "si", "capabilities": {"cloud": 0.8}}]}"#).unwrap();
//! let profile = serde_json::from_str(r#"{"id": "p", "name": "P",
//!   "criteria": [{"kind": "capability", "key": "cloud", "weight": 1, "target": 0.8}]}"#).unwrap();
//! let out = eco.rank(&profile, &RankOptions::default()).unwrap();
//! assert_eq!(out.results[0].partner_id, "b");
//! assert_eq!(out.results[1].fit, 0.625);
//! ```

mod chunked;
mod columns;
mod document;
mod failed;
mod index;
mod ingest;
mod list;
mod order;
mod partners;
mod score;
mod types;
mod views;

pub use columns::RankColumns;
pub use document::Opened;
pub use index::EcosystemIndex;
pub use list::PartnerList;
pub use score::Scores;
pub use types::{CriterionShare, RankOptions, RankRequest, RankResponse, RankedPartner, DEFAULT_LIMIT};
pub use views::{EcosystemSummary, Facets, PartnerFilter};

use crate::error::Result;
use crate::fit::criterion_score;
use crate::model::Profile;

/// The full §2 order of an ecosystem for one profile, without explanations: partner
/// indices best first, with every partner's fit and eligibility.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Partner indices (input order of the partners), best first.
    pub order: Vec<u32>,
    /// Fit and eligibility per partner index.
    pub scores: Scores,
}

impl EcosystemIndex {
    /// Check `profile` against this ecosystem (paths under `profile`). Criterion keys
    /// that no partner has are allowed: every partner scores 0 on them.
    pub fn check_profile(&self, profile: &Profile) -> Result<()> {
        profile.validate("profile", &self.tier_names)
    }

    /// Every partner in §2 order, cheaply (no explanations, no strings).
    pub fn order(&self, profile: &Profile) -> Result<Ranking> {
        self.check_profile(profile)?;
        let scores = self.scores(profile);
        let order = order::top(&scores, &self.id_rank, self.len());
        Ok(Ranking { order, scores })
    }

    /// Rank the partners against `profile` (SPEC §2): eligible first, fit descending,
    /// near-ties by id. Returns `opts.rows()` rows; each lists its failed `require`
    /// clauses and (unless `explain: false`) its per-criterion breakdown.
    pub fn rank(&self, profile: &Profile, opts: &RankOptions) -> Result<RankResponse> {
        self.check_profile(profile)?;
        let scores = self.scores(profile);
        let rows = order::top(&scores, &self.id_rank, opts.rows(self.len()));
        let den: f64 = profile.criteria.iter().map(|c| c.weight).sum();
        let mut results = Vec::with_capacity(rows.len());
        let clauses = profile.require.as_ref().map(|r| failed::Clauses::new(self, r));
        for i in rows {
            let iu = i as usize;
            // the failed clauses are read from the columns; the model's partner is rebuilt
            // only for the breakdown, which the rows of a full order (`explain: false`) skip
            let failed = match &clauses {
                Some(c) if !scores.eligible.get(iu).copied().unwrap_or(true) => c.failed(self, iu),
                _ => Vec::new(),
            };
            let breakdown = opts.explain().then(|| {
                let p = &self.partners.partner(iu);
                profile
                    .criteria
                    .iter()
                    .map(|c| {
                        let score = criterion_score(c, p, &self.tiers);
                        CriterionShare {
                            criterion: c.label(),
                            kind: c.kind,
                            key: c.key.clone(),
                            score,
                            weight: c.weight,
                            share: if den > 0.0 { c.weight * score / den } else { 0.0 },
                        }
                    })
                    .collect()
            });
            results.push(RankedPartner {
                partner_id: self.id(iu).to_string(),
                // rows are positions of the scored partners (order::top)
                fit: scores.fit.get(iu).copied().unwrap_or_default(),
                eligible: scores.eligible.get(iu).copied().unwrap_or_default(),
                failed,
                breakdown,
            });
        }
        Ok(RankResponse { results })
    }
}

/// `rank` (SPEC §10): `{ecosystem, profile, limit?, explain?}` → `{results}`.
pub struct RankCommand;

impl crate::command::Command for RankCommand {
    const NAME: &'static str = "rank";
    type Request = RankRequest;
    type Response = RankResponse;
    fn run(req: Self::Request, _ctx: &crate::clock::Ctx) -> Result<Self::Response> {
        let opts = RankOptions {
            limit: req.limit,
            explain: req.explain,
        };
        let index = EcosystemIndex::new(req.ecosystem).map_err(|e| e.under("ecosystem"))?;
        index.rank(&req.profile, &opts)
    }
}
