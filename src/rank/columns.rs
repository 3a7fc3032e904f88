//! The rows of a `rank` without breakdowns (`explain: false`) as columns: what the wasm
//! facade hands to JS as typed arrays, where the row objects are built (100,000 rows of
//! JSON text written and parsed again cost several times the ranking itself;
//! docs/performance/boundary.md). The same rows, in the same order, as
//! [`EcosystemIndex::rank`].

use super::{failed, order, EcosystemIndex, RankOptions};
use crate::error::Result;
use crate::model::Profile;
use crate::num::round12;
use rustc_hash::FxHashMap;

/// `rank`'s rows as columns, one entry per row, best first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RankColumns {
    /// The row's partner index (input order of the partners).
    pub partners: Vec<u32>,
    /// The row's fit as the response writes it (12 significant digits).
    pub fit: Vec<f64>,
    /// 1 when the row's partner is eligible, else 0.
    pub eligible: Vec<u8>,
    /// The row's failed clauses: an index into [`RankColumns::failed_lists`].
    pub failed: Vec<u32>,
    /// The distinct lists of failed clause names, the empty list first.
    pub failed_lists: Vec<Vec<String>>,
}

impl EcosystemIndex {
    /// The rows of [`EcosystemIndex::rank`] with `explain: false`, as columns.
    pub fn rank_columns(&self, profile: &Profile, opts: &RankOptions) -> Result<RankColumns> {
        self.check_profile(profile)?;
        let scores = self.scores(profile);
        let rows = order::top(&scores, &self.id_rank, opts.rows(self.len()));
        let clauses = profile.require.as_ref().map(|r| failed::Clauses::new(self, r));
        let mut out = RankColumns {
            fit: Vec::with_capacity(rows.len()),
            eligible: Vec::with_capacity(rows.len()),
            failed: Vec::with_capacity(rows.len()),
            failed_lists: vec![Vec::new()],
            partners: Vec::new(),
        };
        // each distinct list once, found by its clauses as bits (no strings per row), or by
        // its names when the profile has more than 64 clauses
        let mut by_bits: FxHashMap<u64, u32> = FxHashMap::default();
        let mut by_names: FxHashMap<Vec<String>, u32> = FxHashMap::default();
        // for most of the partners, their failed clauses in partner order first (see
        // `all_failed_bits`); for a few rows (a top 100), row by row
        let all = match &clauses {
            Some(c) if rows.len().saturating_mul(2) >= self.len() => c.all_failed_bits(self, &scores.eligible),
            _ => None,
        };
        for &i in &rows {
            let iu = i as usize;
            // at most one list per row: the count fits u32 as the row indices do
            let next = u32::try_from(out.failed_lists.len()).unwrap_or(u32::MAX);
            let at = match &clauses {
                Some(c) if !scores.eligible.get(iu).copied().unwrap_or(true) => match all
                    .as_ref()
                    .map_or_else(|| c.failed_bits(self, iu), |a| a.get(iu).copied())
                {
                    Some(0) => 0,
                    Some(b) => *by_bits.entry(b).or_insert_with(|| {
                        out.failed_lists.push(c.failed(self, iu));
                        next
                    }),
                    None => *by_names.entry(c.failed(self, iu)).or_insert_with_key(|list| {
                        out.failed_lists.push(list.clone());
                        next
                    }),
                },
                _ => 0,
            };
            out.failed.push(at);
            out.fit.push(round12(scores.fit.get(iu).copied().unwrap_or_default()));
            out.eligible
                .push(u8::from(scores.eligible.get(iu).copied().unwrap_or_default()));
        }
        out.partners = rows;
        Ok(out)
    }
}
