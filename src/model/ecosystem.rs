//! Ecosystem, Partner and Relationship (SPEC §1).

use super::account::{check_record, AccountRecord, PartnerAccount};
use super::{index_ids, MAX_PARTNERS, MAX_RELATIONSHIPS};
use crate::error::{check_finite, DealteamError, ErrorCode, Problems, Result};
use crate::money::{Currency, Money};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The partners of an ecosystem and the relationships between them.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
// In TypeScript `EcosystemData`: the npm package's `Ecosystem` is the indexed handle class.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EcosystemData"))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Ecosystem {
    /// Currency of the ecosystem's amounts (default EUR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Tier names, lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// The partners (at most [`super::MAX_PARTNERS`], checked while parsing).
    #[serde(deserialize_with = "super::capped::partners")]
    pub partners: Vec<Partner>,
    /// Unordered pairs of partners with their history.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::capped::relationships"
    )]
    pub relationships: Vec<Relationship>,
}

/// A partner company.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Partner {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// isv, si, reseller, msp, referral, consultancy, distributor or any string.
    pub kind: String,
    /// One of the ecosystem's tiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Capability levels in 0..1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub capabilities: BTreeMap<String, f64>,
    /// Industries served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    /// Regions served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// Certifications held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<String>,
    /// Numeric metrics such as winRate, avgDealSize, salesCycleDays, psat, cltv, cac.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metrics: BTreeMap<String, f64>,
    /// The partner's accounts (for reach, overlap and the §14 account map): bare ids
    /// (customers) or records with a population.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::AccountsPerPartner>"
    )]
    pub accounts: Vec<PartnerAccount>,
    /// Cost to serve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_to_serve: Option<Money>,
}

/// An unordered pair of partners.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Relationship {
    /// One partner id.
    pub a: String,
    /// The other partner id.
    pub b: String,
    /// Deals done together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_deals: Option<u32>,
    /// Of those, won.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_wins: Option<u32>,
    /// Trust in -1..1; overrides the joint history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<f64>,
    /// The two are in channel conflict.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conflict: bool,
}

/// The Laplace-smoothed joint win rate `(wins + 1) / (deals + 2)` of a pair: the base of
/// the §3 pair score and of the §9 win model's past-joint-win feature.
pub fn joint_win_rate(wins: u32, deals: u32) -> f64 {
    (wins as f64 + 1.0) / (deals as f64 + 2.0)
}

impl Relationship {
    /// Pair score (SPEC §3): `trust` if given, else `2(jointWins+1)/(jointDeals+2) − 1`
    /// if `jointDeals` is given, else 0.
    pub fn pair_score(&self) -> f64 {
        if let Some(t) = self.trust {
            t
        } else if let Some(d) = self.joint_deals {
            // 2·rate is exact (a power of two), so this equals 2(w+1)/(d+2) − 1 bit for bit
            2.0 * joint_win_rate(self.joint_wins.unwrap_or(0), d) - 1.0
        } else {
            0.0
        }
    }
}

impl Ecosystem {
    /// The ecosystem's currency (EUR when not given).
    pub fn currency(&self) -> Currency {
        self.currency.clone().unwrap_or_else(Currency::eur)
    }

    /// Index of each tier name (lowest first).
    pub fn tier_index(&self) -> FxHashMap<&str, usize> {
        self.tiers.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect()
    }

    /// Index of each partner id.
    pub fn partner_index(&self) -> FxHashMap<&str, usize> {
        self.partners
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect()
    }

    /// Check everything SPEC §0–§1 requires; every problem is reported with its path.
    pub fn validate(&self) -> Result<()> {
        // The ids are copied into one buffer first: the relationship lookups then compare
        // against compact memory instead of 100,000 scattered strings.
        let mut arena = String::with_capacity(self.partners.len().saturating_mul(12));

        let mut spans = Vec::with_capacity(self.partners.len());
        for x in &self.partners {
            let start = arena.len();
            arena.push_str(&x.id);
            spans.push((start, arena.len()));
        }
        let ids = spans.iter().map(|&(a, b)| arena.get(a..b).unwrap_or(""));
        let parts = Parts {
            tiers: &self.tiers,
            currency: self.currency(),
            relationships: &self.relationships,
        };
        parts.validate(self.partners.len(), ids, |i| self.partners.get(i))
    }
}

/// A partner's fields as validation reads them: the serde model's [`Partner`] or a row
/// of the ranking index's columns (`rank::EcosystemIndex`), so both are checked by the
/// same code with the same problems.
pub(crate) trait PartnerFields {
    /// The kind.
    fn kind(&self) -> &str;
    /// The display name.
    fn name(&self) -> &str;
    /// The tier, if any.
    fn tier(&self) -> Option<&str>;
    /// Each capability level, keys ascending.
    fn capabilities(&self, each: &mut dyn FnMut(&str, f64));
    /// Each metric, keys ascending.
    fn metrics(&self, each: &mut dyn FnMut(&str, f64));
    /// Each account given as a record, with its position in `accounts`.
    fn records(&self, each: &mut dyn FnMut(usize, &AccountRecord));
    /// The cost to serve.
    fn cost_to_serve(&self) -> Option<Money>;
}

impl PartnerFields for &Partner {
    fn kind(&self) -> &str {
        &self.kind
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn tier(&self) -> Option<&str> {
        self.tier.as_deref()
    }
    fn capabilities(&self, each: &mut dyn FnMut(&str, f64)) {
        self.capabilities.iter().for_each(|(k, &v)| each(k, v));
    }
    fn metrics(&self, each: &mut dyn FnMut(&str, f64)) {
        self.metrics.iter().for_each(|(k, &v)| each(k, v));
    }
    fn records(&self, each: &mut dyn FnMut(usize, &AccountRecord)) {
        for (k, a) in self.accounts.iter().enumerate() {
            if let PartnerAccount::Detailed(r) = a {
                each(k, r);
            }
        }
    }
    fn cost_to_serve(&self) -> Option<Money> {
        self.cost_to_serve
    }
}

/// The parts of an ecosystem that are not partners, for validation.
pub(crate) struct Parts<'s> {
    /// Tier names, lowest first.
    pub tiers: &'s [String],
    /// The ecosystem's currency.
    pub currency: Currency,
    /// The relationships.
    pub relationships: &'s [Relationship],
}

impl<'s> Parts<'s> {
    /// [`Ecosystem::validate`] of `n` partners with these `ids`, partner `i` read by
    /// `partner(i)` (absent ones are skipped).
    pub(crate) fn validate<P: PartnerFields>(
        &self,
        n: usize,
        ids: impl Iterator<Item = &'s str>,
        partner: impl Fn(usize) -> Option<P>,
    ) -> Result<()> {
        if n > MAX_PARTNERS {
            return Err(DealteamError::too_large("partners", "partners", MAX_PARTNERS, n));
        }
        let rels = self.relationships;
        if rels.len() > MAX_RELATIONSHIPS {
            return Err(DealteamError::too_large(
                "relationships",
                "relationships",
                MAX_RELATIONSHIPS,
                rels.len(),
            ));
        }
        let mut p = Problems::new();
        let mut tiers = FxHashSet::default();
        for (i, t) in self.tiers.iter().enumerate() {
            if t.trim().is_empty() {
                p.invalid(format!("tiers[{i}]"), "a tier name must be non-empty");
            } else if !tiers.insert(t.as_str()) {
                p.push(
                    ErrorCode::DuplicateId,
                    format!("tiers[{i}]"),
                    format!("the tier `{t}` is listed twice"),
                );
            }
        }
        let ids = index_ids(&mut p, "partners", ids);
        for i in 0..n {
            // paths are formatted only when there is a problem: this loop runs 100k times
            if let Some(x) = partner(i) {
                check_partner(&mut p, i, &x, self.tiers, &tiers, &self.currency);
            }
        }
        let mut pairs = FxHashSet::default();
        pairs.reserve(rels.len());
        for (i, r) in rels.iter().enumerate() {
            check_relationship(&mut p, i, r, &ids, &mut pairs);
        }
        p.finish()
    }
}

/// One partner's fields (kind, name, tier, capability levels, metrics, cost to serve).
fn check_partner(
    p: &mut Problems,
    i: usize,
    partner: &impl PartnerFields,
    tier_list: &[String],
    tiers: &FxHashSet<&str>,
    currency: &Currency,
) {
    let at = || format!("partners[{i}]");
    if partner.kind().trim().is_empty() {
        p.invalid(
            format!("{}.kind", at()),
            "kind must be non-empty (e.g. isv, si, reseller)",
        );
    }
    if partner.name().trim().is_empty() {
        p.invalid(format!("{}.name", at()), "name must be non-empty");
    }
    if let Some(t) = partner.tier() {
        if !tiers.contains(t) {
            let known = if tier_list.is_empty() {
                "the ecosystem lists no tiers; add `tiers` (lowest first) or drop the partner's tier".to_string()
            } else {
                format!("known tiers: {}", tier_list.join(", "))
            };
            p.invalid(format!("{}.tier", at()), format!("unknown tier `{t}`; {known}"));
        }
    }
    partner.capabilities(&mut |k, v| {
        if !v.is_finite() || !(0.0..=1.0).contains(&v) {
            let path = format!("{}.capabilities.{k}", at());
            if check_finite(p, &path, v) {
                p.invalid(path, format!("a capability level must be between 0 and 1, got {v}"));
            }
        }
    });
    partner.metrics(&mut |k, v| {
        if !v.is_finite() {
            check_finite(p, format!("{}.metrics.{k}", at()), v);
        }
    });
    partner.records(&mut |k, r| check_record(p, || format!("{}.accounts[{k}]", at()), r, currency));
    if let Some(c) = partner.cost_to_serve() {
        if c.0.is_sign_negative() && !c.0.is_zero() {
            p.push(
                ErrorCode::InvalidMoney,
                format!("{}.costToServe", at()),
                "cost to serve must not be negative",
            );
        } else if c.0.scale() > currency.minor_units() {
            if let Err(e) = c.check_minor(currency.minor_units(), &format!("{}.costToServe", at())) {
                p.add(e);
            }
        }
    }
}

/// One relationship: both ends known and different, the pair listed once, trust in
/// [-1, 1], jointWins ≤ jointDeals.
fn check_relationship(
    p: &mut Problems,
    i: usize,
    r: &Relationship,
    ids: &FxHashMap<&str, usize>,
    pairs: &mut FxHashSet<u64>,
) {
    let at = || format!("relationships[{i}]");
    let mut ends = [None, None];
    for (end, (side, id)) in ends.iter_mut().zip([("a", &r.a), ("b", &r.b)]) {
        *end = ids.get(id.as_str()).copied();
        if end.is_none() {
            p.push(
                ErrorCode::UnknownPartner,
                format!("{}.{side}", at()),
                format!("no partner has the id `{id}`"),
            );
        }
    }
    if r.a == r.b {
        p.invalid(format!("{}.b", at()), "a relationship joins two different partners");
    } else if let [Some(a), Some(b)] = ends {
        if !pairs.insert(((a.min(b) as u64) << 32) | a.max(b) as u64) {
            p.push(
                ErrorCode::DuplicateId,
                at(),
                format!(
                    "the pair `{}`–`{}` is listed twice; merge the two relationships",
                    r.a, r.b
                ),
            );
        }
    }
    if let Some(t) = r.trust {
        if !t.is_finite() || !(-1.0..=1.0).contains(&t) {
            let path = format!("{}.trust", at());
            if check_finite(p, &path, t) {
                p.invalid(path, format!("trust must be between -1 and 1, got {t}"));
            }
        }
    }
    if let (Some(w), Some(d)) = (r.joint_wins, r.joint_deals) {
        if w > d {
            p.invalid(
                format!("{}.jointWins", at()),
                format!("jointWins ({w}) cannot exceed jointDeals ({d})"),
            );
        }
    }
    if r.joint_wins.is_some() && r.joint_deals.is_none() {
        p.push(
            ErrorCode::MissingField,
            format!("{}.jointDeals", at()),
            "jointWins needs jointDeals",
        );
    }
}
