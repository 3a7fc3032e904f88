//! Ecosystem JSON read straight into [`Partners`]' columns (issue 10 item 1): each
//! partner's strings are interned or appended to a text buffer as serde_json hands them
//! over, so no per-partner `String`, map or vector is built and kept.
//!
//! The visitors mirror the serde model's derived ones (`model::Ecosystem`, `Partner`):
//! the same field names, the same "expected …" descriptions, duplicate and missing fields
//! found at the same point of the input, the same caps on list lengths. serde_json's
//! errors therefore come at the same position with the same message, and `json` turns
//! them into the same codes and paths as for the model.

use super::partners::{Partners, NO_TIER};
use crate::model::limits::{too_large_message, AccountsPerPartner, Bound};
use crate::model::{AccountRecord, PartnerAccount, Relationship, MAX_PARTNERS};
use crate::money::{Currency, Money};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// An ecosystem as read from JSON, its partners in columns.
#[derive(Debug, Default)]
pub(crate) struct Ingested {
    pub currency: Option<Currency>,
    pub tiers: Vec<String>,
    pub partners: Partners,
    pub relationships: Vec<Relationship>,
}

const ECOSYSTEM: &[&str] = &["currency", "tiers", "partners", "relationships"];
const PARTNER: &[&str] = &[
    "id",
    "name",
    "kind",
    "tier",
    "capabilities",
    "industries",
    "regions",
    "certifications",
    "metrics",
    "accounts",
    "costToServe",
];

impl<'de> Deserialize<'de> for Ingested {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct("Ecosystem", ECOSYSTEM, EcosystemVisitor)
    }
}

struct EcosystemVisitor;

impl<'de> Visitor<'de> for EcosystemVisitor {
    type Value = Ingested;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Ecosystem")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ingested, A::Error> {
        let mut out = Ingested::default();
        let mut seen = Seen::default();
        while let Some(f) = map.next_key_seed(Field(ECOSYSTEM))? {
            seen.once::<A::Error>(ECOSYSTEM, f)?;
            match f {
                0 => out.currency = map.next_value()?,
                1 => out.tiers = map.next_value()?,
                2 => map.next_value_seed(PartnerSeq(&mut out.partners))?,
                _ => out.relationships = map.next_value_seed(Relationships)?,
            }
        }
        if !seen.has(2) {
            return Err(A::Error::missing_field("partners"));
        }
        Ok(out)
    }
}

/// The fields of a struct met so far (a field twice is serde's `duplicate_field`).
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn once<E: Error>(&mut self, names: &'static [&'static str], f: usize) -> Result<(), E> {
        if self.has(f) {
            return Err(E::duplicate_field(names.get(f).copied().unwrap_or("")));
        }
        self.0 |= 1 << f;
        Ok(())
    }
    fn has(&self, f: usize) -> bool {
        self.0 & (1 << f) != 0
    }
}

/// A field name of `names`, by position; any other is serde's `unknown_field`.
struct Field(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Field {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Field {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|&n| n == s)
            .ok_or_else(|| E::unknown_field(s, self.0))
    }
}

/// `relationships`, as the model reads them (at most `MAX_RELATIONSHIPS`).
struct Relationships;

impl<'de> DeserializeSeed<'de> for Relationships {
    type Value = Vec<Relationship>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        crate::model::capped::relationships(d)
    }
}

/// `partners`: at most [`MAX_PARTNERS`], each pushed into the columns as it is read.
struct PartnerSeq<'a>(&'a mut Partners);

impl<'de> DeserializeSeed<'de> for PartnerSeq<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PartnerSeq<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of partners")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut scratch = Scratch::default();
        while self.0.len() < MAX_PARTNERS {
            let one = PartnerSeed {
                at: &mut *self.0,
                scratch: &mut scratch,
            };
            if seq.next_element_seed(one)?.is_none() {
                return Ok(());
            }
        }
        crate::model::capped::rest(seq, "partners", MAX_PARTNERS)
    }
}

/// One partner's capability levels and metrics before they are sorted by key, and what the
/// partners before it showed of their keys' order.
#[derive(Default)]
pub(super) struct Scratch {
    capabilities: Vec<(u32, f64)>,
    metrics: Vec<(u32, f64)>,
    before: Before,
}

/// Whether one key's text sorts before another's, remembered for the pairs of keys met last:
/// partner after partner lists the same few keys, in the same order, and comparing their texts
/// read two strings from the string table each time (in wasm, where that read is not inlined,
/// most of the check that a partner's keys are in order).
struct Before {
    /// (pair of string numbers, verdict), in a place chosen by the pair; [`Before::EMPTY`] when unused.
    seen: Vec<(u64, bool)>,
}

impl Default for Before {
    fn default() -> Self {
        Before {
            seen: vec![(Before::EMPTY, false); 256],
        }
    }
}

impl Before {
    /// No pair: string numbers stay below 2^31.
    const EMPTY: u64 = u64::MAX;

    fn is(&mut self, strings: &super::partners::Strings, a: u32, b: u32) -> bool {
        let pair = (u64::from(a) << 32) | u64::from(b);
        let place = (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize;
        match self.seen.get_mut(place) {
            Some(&mut (p, verdict)) if p == pair => verdict,
            Some(slot) => {
                let verdict = strings.get(a) < strings.get(b);
                *slot = (pair, verdict);
                verdict
            }
            None => strings.get(a) < strings.get(b),
        }
    }
}

pub(super) struct PartnerSeed<'a> {
    pub at: &'a mut Partners,
    pub scratch: &'a mut Scratch,
}

impl<'de> DeserializeSeed<'de> for PartnerSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Partner", PARTNER, self)
    }
}

impl<'de> Visitor<'de> for PartnerSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Partner")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let PartnerSeed { at, scratch } = self;
        scratch.capabilities.clear();
        scratch.metrics.clear();
        let (mut seen, mut kind, mut tier, mut cost) = (Seen::default(), 0, None, None);
        while let Some(f) = map.next_key_seed(Field(PARTNER))? {
            seen.once::<A::Error>(PARTNER, f)?;
            let s = &mut at.strings;
            match f {
                0 => map.next_value_seed(Append(&mut at.ids))?,
                1 => map.next_value_seed(Append(&mut at.names))?,
                2 => kind = map.next_value_seed(Intern(s))?,
                3 => tier = map.next_value_seed(Maybe(Intern(s)))?,
                4 => map.next_value_seed(Levels(s, &mut scratch.capabilities))?,
                5 => map.next_value_seed(Names(s, &mut at.industries.items))?,
                6 => map.next_value_seed(Names(s, &mut at.regions.items))?,
                7 => map.next_value_seed(Names(s, &mut at.certifications.items))?,
                8 => map.next_value_seed(Levels(s, &mut scratch.metrics))?,
                9 => map.next_value_seed(Accounts(&mut *at))?,
                _ => cost = map.next_value::<Option<Money>>()?,
            }
        }
        for (f, name) in PARTNER.iter().enumerate().take(3) {
            if !seen.has(f) {
                return Err(A::Error::missing_field(name));
            }
        }
        at.ids.close();
        at.names.close();
        at.kind.push(kind);
        at.tier.push(tier.unwrap_or(NO_TIER));
        for (list, levels) in [
            (&mut at.capabilities, &mut scratch.capabilities),
            (&mut at.metrics, &mut scratch.metrics),
        ] {
            by_key(&at.strings, levels, &mut scratch.before);
            list.items.extend_from_slice(levels);
            list.close();
        }
        at.industries.close();
        at.regions.close();
        at.certifications.close();
        at.accounts.close();
        at.cost_to_serve.push(cost);
        Ok(())
    }
}

/// Sort (key, value) pairs by key text and keep the last value of a repeated key, as a
/// `BTreeMap` read from the same JSON would.
fn by_key(strings: &super::partners::Strings, levels: &mut Vec<(u32, f64)>, before: &mut Before) {
    if levels
        .iter()
        .zip(levels.iter().skip(1))
        .all(|(a, b)| before.is(strings, a.0, b.0))
    {
        return;
    }
    let key = |x: &(u32, f64)| strings.get(x.0);
    levels.sort_by(|a, b| key(a).cmp(key(b))); // stable: repeats stay in input order
    let mut out: Vec<(u32, f64)> = Vec::with_capacity(levels.len());
    for &x in levels.iter() {
        match out.last_mut() {
            Some(last) if last.0 == x.0 => *last = x,
            _ => out.push(x),
        }
    }
    *levels = out;
}

/// A string appended to a text buffer (closed by the partner).
struct Append<'a>(&'a mut super::partners::Text);

impl<'de> DeserializeSeed<'de> for Append<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Append<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<(), E> {
        self.0.extend(s);
        Ok(())
    }
}

/// A string, interned.
struct Intern<'a>(&'a mut super::partners::Strings);

impl<'de> DeserializeSeed<'de> for Intern<'_> {
    type Value = u32;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Intern<'_> {
    type Value = u32;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<u32, E> {
        Ok(self.0.intern(s))
    }
}

/// `null` or a value read by the seed, as `Option<T>` reads it.
struct Maybe<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Maybe<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Maybe<S> {
    type Value = Option<S::Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("option")
    }
    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

/// A list of strings, interned into `out`.
struct Names<'a>(&'a mut super::partners::Strings, &'a mut Vec<u32>);

impl<'de> DeserializeSeed<'de> for Names<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Names<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(k) = seq.next_element_seed(Intern(&mut *self.0))? {
            self.1.push(k);
        }
        Ok(())
    }
}

/// A map of numbers by key (capability levels, metrics), in input order.
struct Levels<'a>(&'a mut super::partners::Strings, &'a mut Vec<(u32, f64)>);

impl<'de> DeserializeSeed<'de> for Levels<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Levels<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(k) = map.next_key_seed(Intern(&mut *self.0))? {
            let v: f64 = map.next_value()?;
            self.1.push((k, v));
        }
        Ok(())
    }
}

/// A partner's `accounts` (at most [`AccountsPerPartner`]), as `model::limits::bounded`
/// reads them: the item after the last allowed one is `too_large`.
struct Accounts<'a>(&'a mut Partners);

impl<'de> DeserializeSeed<'de> for Accounts<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Accounts<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let l = AccountsPerPartner::LIMIT;
        write!(f, "a list of at most {} {}", l.max, l.name)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut n = 0;
        while seq.next_element_seed(Account(&mut *self.0))?.is_some() {
            if n >= AccountsPerPartner::LIMIT.max {
                return Err(A::Error::custom(too_large_message(&AccountsPerPartner::LIMIT)));
            }
            n = n.saturating_add(1);
        }
        Ok(())
    }
}

/// One account: a bare id (kept as listed) or a record (`model::PartnerAccount`'s reading).
struct Account<'a>(&'a mut Partners);

impl<'de> DeserializeSeed<'de> for Account<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Account<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(crate::model::account::EXPECTING)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.0.push_account_id(s);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let r = AccountRecord::deserialize(MapAccessDeserializer::new(map))?;
        self.0.push_account(PartnerAccount::Detailed(Box::new(r)));
        Ok(())
    }
}
