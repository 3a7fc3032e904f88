//! The partners of an indexed ecosystem in columns: every repeated string (kinds, tiers,
//! keys, industries, regions, certifications) interned once, ids, names and account ids
//! in one text buffer each, lists as flat vectors with one end offset per partner. A
//! partner costs a few hundred bytes here instead of the ~40 heap objects of the serde
//! model, which is what lets 1,000,000 partners fit in wasm memory.
//!
//! The columns are filled while the JSON is read (`rank::ingest`) or from the serde model
//! ([`Partners::push`]); [`Partners::partner`] rebuilds one partner as the model has it.

use crate::model::{AccountRecord, Partner, PartnerAccount};
use crate::money::Money;
use hashbrown::HashTable;
use std::hash::Hasher;

/// Marks a missing tier.
pub(crate) const NO_TIER: u32 = u32::MAX;
/// Set on an account entry that is an index into the account records, not a string.
const RECORD: u32 = 1 << 31;

/// Strings one after another, each after its length: a string's number is its offset, as
/// if they were all in one buffer. They are held in blocks that are never moved: a block
/// that cannot take the next string is left as it is and a new one started, of the bytes
/// held so far (at least [`MIN_BLOCK`], at most [`BLOCK`]). One `String` grown by doubling
/// copied everything it held at each step and could hold twice what it needed (a million
/// partners' account ids are ~180 MB: 107 MiB more wasm memory than in blocks).
#[derive(Clone, Debug, Default)]
pub(crate) struct Buffer {
    /// Each string as its length (groups of 6 bits, low first; bit 6 set on all but the
    /// last group: ASCII, so the blocks stay UTF-8) followed by its bytes.
    blocks: Vec<String>,
    /// The number of each block's first byte.
    starts: Vec<u32>,
}

/// The largest block, in bytes (a longer string gets a block of its own length).
const BLOCK: usize = 1 << 20;
/// The smallest block, in bytes: the interned strings of most ecosystems fit in one, so
/// that finding a string's block is one comparison.
const MIN_BLOCK: usize = 1 << 16;
/// The most bytes a length takes (6 bits a byte; a request is at most 1 GiB).
const MAX_PREFIX: usize = 5;

impl Buffer {
    /// Add `s`; its number.
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        let room = |b: &String| b.capacity().saturating_sub(b.len());
        if !self
            .blocks
            .last()
            .is_some_and(|b| room(b) >= s.len().saturating_add(MAX_PREFIX))
        {
            let held = self.len() as usize;
            let bytes = s.len().saturating_add(MAX_PREFIX).max(held.clamp(MIN_BLOCK, BLOCK));
            self.starts.push(self.len());
            self.blocks.push(String::with_capacity(bytes));
        }
        // a request is at most 1 GiB (json::MAX_REQUEST_BYTES) and a string takes at most
        // 3 bytes more here than in the JSON (only past 4 KiB, its length in 3 groups), so
        // numbers stay below `RECORD` (2 GiB)
        let k = self.len();
        if let Some(block) = self.blocks.last_mut() {
            let mut len = s.len();
            while len >= 0x40 {
                block.push(char::from(0x40 | (len & 0x3f) as u8));
                len >>= 6;
            }
            block.push(char::from(len as u8));
            block.push_str(s);
        }
        k
    }

    /// Bytes held in all: the number the next string gets.
    fn len(&self) -> u32 {
        let last = self.blocks.last().map_or(0, String::len);
        let start = self.starts.last().copied().unwrap_or(0);
        start.saturating_add(u32::try_from(last).unwrap_or(u32::MAX))
    }

    /// String number `k` ("" if there is none).
    #[inline]
    pub(crate) fn get(&self, k: u32) -> &str {
        // the last block first: the interned strings of most ecosystems are all in one
        let last = self.starts.len().saturating_sub(1);
        let i = match self.starts.last() {
            Some(&start) if start <= k => last,
            _ => self.starts.partition_point(|&start| start <= k).saturating_sub(1),
        };
        let (Some(block), Some(&start)) = (self.blocks.get(i), self.starts.get(i)) else {
            return "";
        };
        let b = block.as_bytes();
        let (mut at, mut len, mut shift) = (k.saturating_sub(start) as usize, 0usize, 0u32);
        while let (Some(&x), true) = (b.get(at), shift <= 30) {
            at = at.saturating_add(1);
            len |= ((x & 0x3f) as usize).checked_shl(shift).unwrap_or(0);
            if x & 0x40 == 0 {
                return block.get(at..at.saturating_add(len)).unwrap_or("");
            }
            shift = shift.saturating_add(6);
        }
        ""
    }
}

/// Strings stored once each, in a [`Buffer`]. The table's entry holds the string's length
/// and first [`HEAD`] bytes too: a string that short (the usual kinds, keys, regions and
/// certifications) is found without reading the buffer, one place in memory for each
/// look-up instead of two — the ingest interns ~20 strings per partner.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strings {
    bytes: Buffer,
    table: HashTable<Slot>,
}

/// Bytes of a string held in its table entry.
const HEAD: usize = 12;

/// A table entry: the string's offset in the buffer, its length and its first [`HEAD`]
/// bytes (zero after its end) as words, compared as numbers.
#[derive(Clone, Copy, Debug)]
struct Slot {
    k: u32,
    len: u32,
    head: [u32; 3],
}

/// The first [`HEAD`] bytes of `s` as a [`Slot`] keeps them.
#[inline]
fn head(s: &str) -> [u32; 3] {
    let mut b = [0u8; HEAD];
    let n = s.len().min(HEAD);
    if let (Some(to), Some(from)) = (b.get_mut(..n), s.as_bytes().get(..n)) {
        to.copy_from_slice(from);
    }
    let word = |i: usize| {
        let w = b.get(i..).and_then(|w| w.first_chunk::<4>()).copied();
        u32::from_le_bytes(w.unwrap_or_default())
    };
    [word(0), word(4), word(8)]
}

/// Whether `slot` holds `s` (whose head is `h`).
#[inline]
fn holds(bytes: &Buffer, slot: &Slot, s: &str, h: &[u32; 3]) -> bool {
    slot.len as usize == s.len() && slot.head == *h && (s.len() <= HEAD || bytes.get(slot.k) == s)
}

#[inline]
fn hash(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

impl Strings {
    /// The number of `s`, adding it when new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let Strings { bytes, table } = self;
        let h = head(s);
        let entry = table.entry(hash(s), |x| holds(bytes, x, s, &h), |x| hash(bytes.get(x.k)));
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => e.get().k,
            hashbrown::hash_table::Entry::Vacant(e) => {
                let k = bytes.push(s);
                let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
                e.insert(Slot { k, len, head: h });
                k
            }
        }
    }

    /// The number of `s`, if it was interned.
    pub(crate) fn find(&self, s: &str) -> Option<u32> {
        let h = head(s);
        self.table.find(hash(s), |x| holds(&self.bytes, x, s, &h)).map(|x| x.k)
    }

    /// String number `k` ("" if there is none).
    #[inline]
    pub(crate) fn get(&self, k: u32) -> &str {
        self.bytes.get(k)
    }
}

/// Strings in one buffer, by position.
#[derive(Clone, Debug, Default)]
pub(crate) struct Text {
    bytes: String,
    ends: Vec<u32>,
}

impl Text {
    pub(crate) fn push(&mut self, s: &str) {
        self.extend(s);
        self.close();
    }
    /// Append to the string being written (closed by [`Text::close`]).
    pub(crate) fn extend(&mut self, s: &str) {
        self.bytes.push_str(s);
    }
    pub(crate) fn close(&mut self) {
        // a request is at most 1 GiB (json::MAX_REQUEST_BYTES), so offsets fit in u32
        self.ends.push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
    }
    #[inline]
    pub(crate) fn get(&self, k: u32) -> &str {
        let k = k as usize;
        let start = match k.checked_sub(1) {
            Some(j) => self.ends.get(j).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.bytes.get(start as usize..end as usize).unwrap_or("")
    }
}

/// Per partner, a list of items: partner `i`'s are `items[ends[i-1]..ends[i]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lists<T> {
    pub(crate) items: Vec<T>,
    ends: Vec<u32>,
}

impl<T> Lists<T> {
    /// End the current partner's list.
    pub(crate) fn close(&mut self) {
        self.ends.push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }
    #[inline]
    pub(crate) fn of(&self, i: usize) -> &[T] {
        let start = i.checked_sub(1).and_then(|j| self.ends.get(j)).copied().unwrap_or(0);
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.items.get(start as usize..end as usize).unwrap_or(&[])
    }
}

/// The partners, column by column.
#[derive(Clone, Debug, Default)]
pub(crate) struct Partners {
    pub(crate) strings: Strings,
    pub(crate) ids: Text,
    pub(crate) names: Text,
    pub(crate) kind: Vec<u32>,
    /// Tier string, or [`NO_TIER`].
    pub(crate) tier: Vec<u32>,
    /// (key, level), keys ascending and distinct, as the model's maps iterate.
    pub(crate) capabilities: Lists<(u32, f64)>,
    pub(crate) metrics: Lists<(u32, f64)>,
    pub(crate) industries: Lists<u32>,
    pub(crate) regions: Lists<u32>,
    pub(crate) certifications: Lists<u32>,
    /// A bare account id's number in `account_ids`, or [`RECORD`] | its index in `records`.
    pub(crate) accounts: Lists<u32>,
    /// The bare account ids, each as listed. Not interned: ids repeat across partners, but
    /// finding each of a million among a few hundred thousand was a third of the ingest in
    /// wasm, and nothing looks an account up by its id.
    pub(crate) account_ids: Buffer,
    pub(crate) records: Vec<AccountRecord>,
    pub(crate) cost_to_serve: Vec<Option<Money>>,
}

impl Partners {
    pub(crate) fn len(&self) -> usize {
        self.kind.len()
    }

    /// Add one account (a bare id or a record) to the current partner.
    pub(crate) fn push_account(&mut self, a: PartnerAccount) {
        let entry = match a {
            PartnerAccount::Id(s) => self.account_ids.push(&s),
            PartnerAccount::Detailed(r) => {
                self.records.push(*r);
                RECORD | self.records.len().saturating_sub(1) as u32
            }
        };
        self.accounts.items.push(entry);
    }

    /// Add a bare account id to the current partner.
    pub(crate) fn push_account_id(&mut self, s: &str) {
        let k = self.account_ids.push(s);
        self.accounts.items.push(k);
    }

    /// Add a partner of the serde model.
    pub(crate) fn push(&mut self, p: Partner) {
        self.ids.push(&p.id);
        self.names.push(&p.name);
        self.kind.push(self.strings.intern(&p.kind));
        let tier = p.tier.as_deref().map_or(NO_TIER, |t| self.strings.intern(t));
        self.tier.push(tier);
        for (list, map) in [
            (&mut self.capabilities, &p.capabilities),
            (&mut self.metrics, &p.metrics),
        ] {
            list.items.extend(map.iter().map(|(k, &v)| (self.strings.intern(k), v)));
            list.close();
        }
        for (list, items) in [
            (&mut self.industries, &p.industries),
            (&mut self.regions, &p.regions),
            (&mut self.certifications, &p.certifications),
        ] {
            list.items.extend(items.iter().map(|s| self.strings.intern(s)));
            list.close();
        }
        for a in p.accounts {
            self.push_account(a);
        }
        self.accounts.close();
        self.cost_to_serve.push(p.cost_to_serve);
    }

    /// A view of partner `i`.
    pub(crate) fn row(&self, i: usize) -> Row<'_> {
        Row { at: self, i }
    }

    /// Partner `i` as the serde model has it.
    pub(crate) fn partner(&self, i: usize) -> Partner {
        let r = self.row(i);
        Partner {
            id: r.id().to_string(),
            name: r.name().to_string(),
            accounts: self
                .accounts
                .of(i)
                .iter()
                .map(|&a| match self.record(a) {
                    Some(rec) => PartnerAccount::Detailed(Box::new(rec.clone())),
                    None => PartnerAccount::Id(self.account_ids.get(a).to_string()),
                })
                .collect(),
            cost_to_serve: self.cost_to_serve.get(i).copied().flatten(),
            ..self.traits(i)
        }
    }

    /// Partner `i`'s kind, tier, capabilities, lists and metrics (no id, name, accounts
    /// or cost), for [`Partners::partner`].
    fn traits(&self, i: usize) -> Partner {
        let s = &self.strings;
        let names = |l: &Lists<u32>| l.of(i).iter().map(|&k| s.get(k).to_string()).collect();
        let map = |l: &Lists<(u32, f64)>| crate::sort::map_of(l.of(i).iter().map(|&(k, v)| (s.get(k).to_string(), v)));
        let r = self.row(i);
        Partner {
            kind: r.kind().to_string(),
            tier: r.tier().map(str::to_string),
            capabilities: map(&self.capabilities),
            industries: names(&self.industries),
            regions: names(&self.regions),
            certifications: names(&self.certifications),
            metrics: map(&self.metrics),
            ..Partner::default()
        }
    }

    /// The record an account entry points to (`None` for a bare id).
    fn record(&self, entry: u32) -> Option<&AccountRecord> {
        (entry & RECORD != 0)
            .then(|| self.records.get((entry & !RECORD) as usize))
            .flatten()
    }
}

/// One partner of [`Partners`].
#[derive(Clone, Copy)]
pub(crate) struct Row<'a> {
    at: &'a Partners,
    i: usize,
}

impl<'a> Row<'a> {
    pub(crate) fn id(&self) -> &'a str {
        self.at.ids.get(self.i as u32)
    }
    fn name(&self) -> &'a str {
        self.at.names.get(self.i as u32)
    }
    fn kind(&self) -> &'a str {
        self.at
            .strings
            .get(self.at.kind.get(self.i).copied().unwrap_or(NO_TIER))
    }
    fn tier(&self) -> Option<&'a str> {
        let t = self.at.tier.get(self.i).copied().unwrap_or(NO_TIER);
        (t != NO_TIER).then(|| self.at.strings.get(t))
    }
}

impl crate::model::PartnerFields for Row<'_> {
    fn kind(&self) -> &str {
        Row::kind(self)
    }
    fn name(&self) -> &str {
        Row::name(self)
    }
    fn tier(&self) -> Option<&str> {
        Row::tier(self)
    }
    fn capabilities(&self, each: &mut dyn FnMut(&str, f64)) {
        for &(k, v) in self.at.capabilities.of(self.i) {
            each(self.at.strings.get(k), v);
        }
    }
    fn metrics(&self, each: &mut dyn FnMut(&str, f64)) {
        for &(k, v) in self.at.metrics.of(self.i) {
            each(self.at.strings.get(k), v);
        }
    }
    fn records(&self, each: &mut dyn FnMut(usize, &AccountRecord)) {
        for (j, &a) in self.at.accounts.of(self.i).iter().enumerate() {
            if let Some(r) = self.at.record(a) {
                each(j, r);
            }
        }
    }
    fn cost_to_serve(&self) -> Option<Money> {
        self.at.cost_to_serve.get(self.i).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::{Partners, Strings};
    use crate::model::{AccountRecord, Partner, PartnerAccount};

    /// Strings of every length class (an empty one, lengths about the prefix's 64 and
    /// 4,096, one longer than a block, whose length takes 4 bytes) come back from their
    /// numbers across many blocks, and each number is the previous one plus what the
    /// previous string took, as in one buffer.
    #[test]
    fn a_buffer_gives_each_string_back_across_its_blocks() {
        let lens = [0, 1, 11, 63, 64, 65, 4095, 4096, 4097, super::BLOCK + 5, 12, 3];
        let words: Vec<String> = (0..40_000)
            .map(|i| {
                let len = lens[i % lens.len()];
                let c = char::from(b'a' + (i % 26) as u8);
                if len > 100_000 && i > lens.len() {
                    "ü".repeat(7) // one very long string is enough
                } else {
                    c.to_string().repeat(len)
                }
            })
            .collect();
        let mut b = super::Buffer::default();
        let ks: Vec<u32> = words.iter().map(|w| b.push(w)).collect();
        assert!(b.blocks.len() > 20, "{} blocks", b.blocks.len());
        for (i, (w, &k)) in words.iter().zip(&ks).enumerate() {
            assert_eq!(b.get(k), w, "string {i}");
            // the length in groups of 6 bits
            let (mut prefix, mut len) = (1, w.len());
            while len >= 64 {
                (prefix, len) = (prefix + 1, len >> 6);
            }
            if let Some(&next) = ks.get(i + 1) {
                assert_eq!(next - k, (prefix + w.len()) as u32, "string {i}");
            }
        }
    }

    /// Bare account ids come back as listed, in order among the records, repeats and all:
    /// one of 100 bytes (its length takes two bytes in the buffer), an empty one, one
    /// repeated within a partner and across partners.
    #[test]
    fn account_ids_come_back_as_listed() {
        let id = |s: &str| PartnerAccount::Id(s.to_string());
        let record = AccountRecord {
            account: "r-1".into(),
            status: "customer".into(),
            value: None,
            domain: Some("acme.com".into()),
            name: None,
        };
        let long = "x".repeat(100);
        let lists = [
            vec![
                id("acct-1"),
                PartnerAccount::Detailed(Box::new(record)),
                id(&long),
                id("acct-1"),
            ],
            vec![id(""), id("acct-1"), id("ü-€")],
        ];
        let mut p = Partners::default();
        for (i, accounts) in lists.iter().enumerate() {
            p.push(Partner {
                id: format!("p{i}"),
                name: format!("P {i}"),
                kind: "si".into(),
                accounts: accounts.clone(),
                ..Partner::default()
            });
        }
        for (i, accounts) in lists.iter().enumerate() {
            assert_eq!(p.partner(i).accounts, *accounts, "partner {i}");
        }
    }

    /// Strings that share their length and first 12 bytes, or differ only past them or in
    /// a zero byte, each get a number of their own; every repeat gets the first's.
    #[test]
    fn strings_alike_in_their_head_are_told_apart() {
        let words = [
            "",
            "a",
            "a\0",
            "acct-009637",
            "acct-009638",
            "acct-0096370",
            "acct-00963701",
            "acct-00963702",
            "acct-009637010000000000",
            "acct-009637010000000001",
            "ü-€-𝄞",
            &"x".repeat(5000),
            &"x".repeat(5001),
        ];
        let mut s = Strings::default();
        let ids: Vec<u32> = words.iter().map(|w| s.intern(w)).collect();
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), words.len());
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(s.intern(w), id, "{w:?}");
            assert_eq!(s.find(w), Some(id));
            assert_eq!(s.get(id), *w);
        }
        assert_eq!(s.find("acct-009639"), None);
        assert_eq!(s.find("acct-00963703"), None);
        // 2,000 of one length and head: the table's own tag (7 bits of the hash) matches
        // often among them, so their tails must be compared to tell them apart
        // (and 2,000 short ones of one length, told apart by their heads alone)
        let long = (0..2000).map(|i| format!("acct-0096370{i:04}"));
        let many: Vec<String> = long.chain((0..2000).map(|i| format!("s{i:04}"))).collect();
        let ids: Vec<u32> = many.iter().map(|w| s.intern(w)).collect();
        for (w, &id) in many.iter().zip(&ids) {
            assert_eq!(s.get(id), w);
        }
    }
}
