//! What a screen asks of an indexed ecosystem without holding its partners: a page of
//! partners, the partners that match a filter, the distinct kinds, tiers and regions, a
//! summary, the members of a team with their relationships, and the names. The index is
//! then the one copy of the ecosystem (the planner's worker keeps nothing else).

use super::partners::NO_TIER;
use super::EcosystemIndex;
use crate::model::{Ecosystem, Partner};
use crate::money::Currency;
use rustc_hash::FxHashSet;
use serde::Serialize;

/// Which partners to list; an empty field matches every partner.
#[derive(Clone, Debug, Default)]
pub struct PartnerFilter {
    /// Part of the name or the id, in any case.
    pub text: String,
    /// The partner's kind.
    pub kind: String,
    /// The partner's tier.
    pub tier: String,
    /// One of the partner's regions.
    pub region: String,
}

/// The distinct kinds, tiers and regions the partners use, each sorted as JavaScript's
/// `sort()` sorts strings (by UTF-16 code units), without empty ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facets {
    /// Kinds.
    pub kinds: Vec<String>,
    /// Tiers.
    pub tiers: Vec<String>,
    /// Regions.
    pub regions: Vec<String>,
}

/// An ecosystem in a few numbers and lists.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct EcosystemSummary {
    /// Number of partners.
    pub partners: usize,
    /// Number of relationships.
    pub relationships: usize,
    /// The ecosystem's currency, when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency: Option<Currency>,
    /// The tier names, lowest first, as the ecosystem lists them.
    pub tiers: Vec<String>,
    /// What the partners use.
    pub facets: Facets,
}

/// `items` as a JSON list into `out`, handed to `flush` after an item whenever it holds
/// `chunk` bytes or more ([`EcosystemIndex::write_json`]).
fn json_list<T: Serialize>(
    out: &mut Vec<u8>,
    items: impl Iterator<Item = T>,
    chunk: usize,
    flush: &mut dyn FnMut(&mut Vec<u8>),
) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, &item)?;
        if out.len() >= chunk {
            flush(out);
        }
    }
    out.push(b']');
    Ok(())
}

impl EcosystemIndex {
    /// Writes the ecosystem into `out` as the model writes it
    /// (`serde_json::to_string(&index.ecosystem())` gives the same text), a partner at a
    /// time: no copy of all the partners is built. Whenever `out` holds `chunk` bytes or
    /// more, between two partners or relationships, it is handed to `flush`, which may take
    /// the bytes out — so the text need never be whole in memory.
    pub fn write_json(
        &self,
        out: &mut Vec<u8>,
        chunk: usize,
        flush: &mut dyn FnMut(&mut Vec<u8>),
    ) -> serde_json::Result<()> {
        // the model's fields, in its order, left out when it leaves them out
        out.push(b'{');
        if let Some(currency) = &self.currency {
            out.extend_from_slice(b"\"currency\":");
            serde_json::to_writer(&mut *out, currency)?;
            out.push(b',');
        }
        if !self.tier_names.is_empty() {
            out.extend_from_slice(b"\"tiers\":");
            serde_json::to_writer(&mut *out, &self.tier_names)?;
            out.push(b',');
        }
        out.extend_from_slice(b"\"partners\":");
        json_list(out, (0..self.len()).map(|i| self.partners.partner(i)), chunk, flush)?;
        if !self.relationships.is_empty() {
            out.extend_from_slice(b",\"relationships\":");
            json_list(out, self.relationships.iter(), chunk, flush)?;
        }
        out.push(b'}');
        Ok(())
    }

    /// Partners `from..to` (clamped to the partners there are), as the model has them.
    pub fn partners_in(&self, from: usize, to: usize) -> Vec<Partner> {
        let to = to.min(self.len());
        (from.min(to)..to).map(|i| self.partners.partner(i)).collect()
    }

    /// The indices, ascending, of the partners that match `f`: the name or the id contains
    /// `f.text` in any case (both case-folded, as Unicode defines caseless matching; for
    /// ASCII, as lower case), and the kind, the tier and a region are the ones asked for.
    pub fn filter(&self, f: &PartnerFilter) -> Vec<u32> {
        let p = &self.partners;
        let needle = fold(&f.text);
        let has = |s: &str| needle.is_empty() || contains_folded(s, &needle);
        let string = |s: &str| if s.is_empty() { None } else { Some(p.strings.find(s)) };
        // a kind, tier or region no partner has matches no one
        let (kind, tier, region) = (string(&f.kind), string(&f.tier), string(&f.region));
        (0..p.len())
            .filter(|&i| {
                wants(kind, |k| p.kind.get(i) == Some(&k))
                    && wants(tier, |k| p.tier.get(i) == Some(&k))
                    && wants(region, |k| p.regions.of(i).contains(&k))
                    && (has(p.names.get(i as u32)) || has(p.ids.get(i as u32)))
            })
            .filter_map(|i| u32::try_from(i).ok())
            .collect()
    }

    /// The distinct kinds, tiers and regions of the partners.
    pub fn facets(&self) -> Facets {
        let p = &self.partners;
        let tiers = p.tier.iter().copied().filter(|&t| t != NO_TIER);
        Facets {
            kinds: sorted_strings(self, p.kind.iter().copied()),
            tiers: sorted_strings(self, tiers),
            regions: sorted_strings(self, p.regions.items.iter().copied()),
        }
    }

    /// The ecosystem in a few numbers and lists.
    pub fn summary(&self) -> EcosystemSummary {
        EcosystemSummary {
            partners: self.len(),
            relationships: self.relationships.len(),
            currency: self.currency.clone(),
            tiers: self.tier_names.clone(),
            facets: self.facets(),
        }
    }

    /// The ecosystem of the partners whose ids are in `ids` (in the ecosystem's order; ids
    /// that are no partner's are left out) and the relationships between two of them, with
    /// the currency and the tiers: what a split of their team needs.
    pub fn members<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Ecosystem {
        let ids: FxHashSet<&str> = ids.into_iter().collect();
        Ecosystem {
            currency: self.currency.clone(),
            tiers: self.tier_names.clone(),
            partners: (0..self.len())
                .filter(|&i| ids.contains(self.id(i)))
                .map(|i| self.partners.partner(i))
                .collect(),
            relationships: self
                .relationships
                .iter()
                .filter(|r| ids.contains(r.a.as_str()) && ids.contains(r.b.as_str()))
                .cloned()
                .collect(),
        }
    }

    /// The name of partner `i` ("" past the end).
    pub fn name(&self, i: usize) -> &str {
        self.partners.names.get(u32::try_from(i).unwrap_or(u32::MAX))
    }
}

/// A filter's field: any string (`None`), a string no partner has (`Some(None)`), or string
/// number `k`, which the partner has when `has(k)`.
fn wants(want: Option<Option<u32>>, has: impl FnOnce(u32) -> bool) -> bool {
    match want {
        None => true,
        Some(None) => false,
        Some(Some(k)) => has(k),
    }
}

/// `s` case-folded (ICU4X, which the account matching uses too: no second set of Unicode
/// case tables in the module).
fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    icu_casemap::CaseMapperBorrowed::new().fold_string(s).into_owned()
}

/// Whether `s`, case-folded, contains `needle` (already folded); ASCII text is compared
/// without a folded copy.
fn contains_folded(s: &str, needle: &str) -> bool {
    if s.is_ascii() && needle.is_ascii() {
        let n = needle.as_bytes();
        return n.is_empty() || s.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    fold(s).contains(needle)
}

/// The distinct non-empty strings numbered `keys`, in JavaScript's order.
fn sorted_strings(index: &EcosystemIndex, keys: impl Iterator<Item = u32>) -> Vec<String> {
    let keys: FxHashSet<u32> = keys.collect();
    let mut out: Vec<String> = keys
        .into_iter()
        .map(|k| index.partners.strings.get(k))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    out.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    out
}
