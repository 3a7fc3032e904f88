//! Every documented limit in one table (SPEC §0 and docs/limits.md); exceeding one is a
//! `too_large` error naming it.
//!
//! List-valued limits are checked while the request is read: a field declared with
//! `#[serde(deserialize_with = "crate::model::limits::bounded::<_, _, Registrations>")]`
//! stops reading at the first item over its limit, before the rest of the list is
//! allocated. Limits on derived work (pairs of partners) are checked by counting before
//! the work's memory is allocated.

use serde::de::{Deserialize, Deserializer, Error, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// One limit: its name in messages and docs, its value, and what it bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The plural noun used in messages (`registrations`).
    pub name: &'static str,
    /// The largest allowed count.
    pub max: usize,
    /// Where it applies (request field or derived quantity).
    pub applies_to: &'static str,
}

/// A limit as a type, for [`bounded`] in serde attributes.
pub trait Bound {
    /// The limit.
    const LIMIT: Limit;
}

macro_rules! limits {
    ($($(#[$doc:meta])* $konst:ident / $marker:ident = $max:expr, $name:expr, $applies:expr;)*) => {
        $(
            $(#[$doc])*
            pub const $konst: usize = $max;
            $(#[$doc])*
            #[derive(Clone, Copy, Debug)]
            pub struct $marker;
            impl Bound for $marker {
                const LIMIT: Limit = Limit { name: $name, max: $max, applies_to: $applies };
            }
        )*
        /// Every limit, in the order of docs/limits.md.
        pub const LIMITS: &[Limit] = &[$(<$marker as Bound>::LIMIT),*];
    };
}

limits! {
    /// Bytes of one request's JSON text.
    MAX_REQUEST_BYTES / RequestBytes = crate::json::MAX_REQUEST_BYTES, "request bytes", "the JSON text of any request";
    /// Partners per ecosystem.
    MAX_PARTNERS / Partners = 1_000_000, "partners", "ecosystem.partners";
    /// Relationships per ecosystem.
    MAX_RELATIONSHIPS / Relationships = 5_000_000, "relationships", "ecosystem.relationships";
    /// Accounts per partner.
    MAX_ACCOUNTS_PER_PARTNER / AccountsPerPartner = 100_000, "accounts per partner", "ecosystem.partners[].accounts";
    /// Pairs of partners sharing an account, counted once per shared account (`overlap`).
    MAX_OVERLAP_PAIRS / OverlapPairs = 2_000_000, "partner pairs sharing an account", "overlap: Σ over accounts of h·(h−1)/2, h = partners holding it";
    /// Criteria per profile.
    MAX_CRITERIA / Criteria = 64, "criteria per profile", "profile.criteria";
    /// Slots per deal (team slots).
    MAX_SLOTS / Slots = 16, "team slots", "deal.slots";
    /// Capability requirements per deal.
    MAX_REQUIREMENTS / Requirements = 64, "requirements per deal", "deal.requirements";
    /// Players for enumerated Shapley values.
    MAX_ENUMERATED_PLAYERS / EnumeratedPlayers = 20, "players for enumerated values", "split members (enumeration; sampling above)";
    /// Players for sampled Shapley values.
    MAX_SAMPLED_PLAYERS / SampledPlayers = 10_000, "players for sampled values", "split members";
    /// Work of one sampled value computation (`split` above 20 members): samples ×
    /// `splits::game::Game::order_work` (members × (8 + requirements) for the level games,
    /// × 8 for the others, plus the Myerson links and `additiveSynergy` pairs read along each
    /// order). About 0.3 s natively at the limit (6–7 ns a step), so `compare`'s three sampled
    /// models (Shapley, Myerson, Owen) take about 1 s: 2,000 samples of 2,777 members fit a
    /// one-requirement deal, 68 of 10,000 members a 64-requirement one.
    MAX_SAMPLED_STEPS / SampledSteps = 50_000_000, "sampling steps per call", "split samples × members × (8 + requirements)";
    /// Pair bonuses of an `additiveSynergy` game.
    MAX_BONUS_PAIRS / BonusPairs = 500_000, "bonus pairs", "game.pairs (additiveSynergy)";
    /// Monte Carlo trials per simulation.
    MAX_TRIALS / Trials = 10_000_000, "simulation trials", "trials";
    /// Simulated months of one `validate`, `agreement` or `audit` call: trials × plan months ×
    /// (plan partners + objectives), the work of its one-call simulation.
    MAX_SIMULATED_MONTHS / SimulatedMonths = 30_000_000, "simulated months per call", "validate/agreement/audit: trials × plan months × (plan partners + objectives)";
    /// Months of a plan.
    MAX_PLAN_MONTHS / PlanMonths = 600, "plan months", "plan.horizonMonths";
    /// Partners of a joint plan.
    MAX_PLAN_PARTNERS / PlanPartners = 100, "plan partners", "plan.partners";
    /// Objectives of a joint plan.
    MAX_OBJECTIVES / Objectives = 1_000, "objectives", "plan.objectives";
    /// Registrations in a registry.
    MAX_REGISTRATIONS / Registrations = 100_000, "registrations", "register: registry";
    /// Closed deals of a history.
    MAX_HISTORY_DEALS / HistoryDeals = 100_000, "history deals", "insights/train: history";
    /// Partners on one deal or team (history deals, predicted teams).
    MAX_DEAL_MEMBERS / DealMembers = 100, "members per deal", "history[].partners, teams[].members";
    /// Pairs of partners over all deals of a history (`train`'s joint-win feature).
    MAX_MEMBER_PAIRS / MemberPairs = 1_000_000, "member pairs over the history", "train: Σ over deals of m·(m−1)/2, m = partners on the deal";
    /// Teams per `predict` request.
    MAX_PREDICT_TEAMS / PredictTeams = 100_000, "teams", "predict: teams";
    /// Journeys per `attribute` request.
    MAX_JOURNEYS / Journeys = 1_000_000, "journeys", "attribute: journeys";
    /// Touches per journey.
    MAX_PATH_LENGTH / PathLength = 1_000, "touches per journey", "journeys[].path";
}

/// Σ h·(h−1)/2 over the group sizes `h`: the pairs within each group, counted before
/// a limit such as [`MAX_OVERLAP_PAIRS`] allows the work. In u64 and saturating, so a
/// group of 65,536 or more cannot wrap the count below the limit on wasm32's 32-bit
/// `usize`; a count beyond `usize` is `usize::MAX`.
pub fn pairs_within(sizes: impl Iterator<Item = usize>) -> usize {
    let total = sizes
        .map(|h| {
            let h = h as u64;
            h.saturating_mul(h.saturating_sub(1)) / 2
        })
        .fold(0u64, u64::saturating_add);
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// The `too_large` message for `limit` (read back by `crate::json` into the error's code).
pub fn too_large_message(limit: &Limit) -> String {
    format!(
        "too_large: more than {} {} (the limit is {}); split the input into smaller requests",
        limit.max, limit.name, limit.max
    )
}

/// Read a list of at most `B::LIMIT.max` items; the item after the last allowed one is
/// a `too_large` error at the list's path, and nothing more of the list is read.
pub fn bounded<'de, D, T, B>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
    B: Bound,
{
    struct ListVisitor<T, B>(PhantomData<(T, B)>);
    impl<'de, T: Deserialize<'de>, B: Bound> Visitor<'de> for ListVisitor<T, B> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {} {}", B::LIMIT.max, B::LIMIT.name)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(B::LIMIT.max).min(4096));
            while let Some(item) = seq.next_element()? {
                if out.len() >= B::LIMIT.max {
                    return Err(A::Error::custom(too_large_message(&B::LIMIT)));
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(ListVisitor::<T, B>(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Two {
        #[serde(deserialize_with = "bounded::<_, _, Tiny>")]
        xs: Vec<u8>,
    }
    struct Tiny;
    impl Bound for Tiny {
        const LIMIT: Limit = Limit {
            name: "xs",
            max: 2,
            applies_to: "xs",
        };
    }

    #[test]
    fn pairs_within_counts_and_saturates() {
        assert_eq!(pairs_within([0, 1, 2, 3, 100].into_iter()), 1 + 3 + 4950);
        // 70,000 holders: 2,449,965,000 pairs, more than u32 holds (wasm32's usize)
        assert_eq!(
            pairs_within([70_000].into_iter()) as u64,
            2_449_965_000u64.min(usize::MAX as u64)
        );
        assert_eq!(pairs_within([usize::MAX; 3].into_iter()), usize::MAX);
    }

    #[test]
    fn bounded_reads_up_to_the_limit_and_stops_after_it() {
        let ok: Two = crate::json::from_str(r#"{"xs": [1, 2]}"#).unwrap();
        assert_eq!(ok.xs, vec![1, 2]);
        let e = crate::json::from_str::<Two>(r#"{"xs": [1, 2, 3]}"#).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "xs"));
        assert!(e.message.contains("more than 2 xs"), "{}", e.message);
        // the item after the limit is not even read: garbage there is not reported
        let e = crate::json::from_str::<Two>(r#"{"xs": [1, 2, 3, "x"]}"#).unwrap_err();
        assert_eq!(e.code.as_str(), "too_large");
    }

    #[test]
    fn every_limit_is_listed_once() {
        let mut names: Vec<&str> = LIMITS.iter().map(|l| l.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LIMITS.len());
        assert!(LIMITS.iter().all(|l| l.max > 0));
    }
}
