//! Distinct keys numbered in the order first met, their text in one arena: no allocation
//! per key (a million keys would otherwise be two million small strings).
//!
//! The keys are all written first ([`Arena::push`]), then numbered at once
//! ([`Arena::number`]): split by hash into buckets of a few thousand keys (their texts
//! copied bucket by bucket too), each bucket's equal keys found with a small table that
//! stays in cache, then numbered in the order the keys came. One table for millions of
//! keys made every look-up a cache miss (a 64 MB table for the two million names of
//! 10,000 partners × 200 accounts).
// Bucket numbers < buckets, positions < keys.len() ≤ u32::MAX (a request's texts are
// under 4 GiB), offsets within the arena (< its length): no sum below can overflow.
#![allow(clippy::arithmetic_side_effects)]

use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Keys per bucket, about: the bucket's keys and table stay in the processor's cache.
const BUCKET: usize = 8192;

/// One key of the arena: its hash (32 bits: rustc-hash hashes in `usize` words, so on
/// wasm32 there are no more) and where its text lies.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Key {
    hash: u32,
    start: u32,
    end: u32,
}

/// The hash of `key` as a [`Key`] keeps it: a 64-bit hash's halves folded together.
fn hash(key: &str) -> u32 {
    let h = FxBuildHasher.hash_one(key);
    (h ^ (h >> 32)) as u32
}

/// The text of `text` between `start` and `end`.
fn cut(text: &str, start: u32, end: u32) -> &str {
    text.get(start as usize..end as usize).unwrap_or_default()
}

/// Every key met, in the order met, before they are numbered.
#[derive(Default)]
pub(crate) struct Arena {
    text: String,
    keys: Vec<Key>,
}

impl Arena {
    /// Room for `n` keys of `bytes` bytes in all (growing the arena as keys came was
    /// 0.04 s of a 10,000-partner map in wasm).
    pub fn reserve(&mut self, n: usize, bytes: usize) {
        self.keys.reserve(n);
        self.text.reserve(bytes);
    }

    /// Add `key`; its position among the keys met.
    pub fn push(&mut self, key: &str) -> u32 {
        let start = self.text.len() as u32;
        self.text.push_str(key);
        self.keys.push(Key {
            hash: hash(key),
            start,
            end: self.text.len() as u32,
        });
        (self.keys.len() - 1) as u32
    }

    /// The distinct keys, numbered in the order first met, and the number of each key met.
    pub fn number(self) -> (Interner, Vec<u32>) {
        let first = first_of_each(&self.text, &self.keys);
        let mut ids = vec![0u32; self.keys.len()];
        let mut spans = Vec::new();
        for (i, (&f, k)) in first.iter().zip(&self.keys).enumerate() {
            // a key's first is at or before it, so its number is known by now
            let id = if f as usize == i {
                spans.push((k.start, k.end));
                (spans.len() - 1) as u32
            } else {
                ids.get(f as usize).copied().unwrap_or(0)
            };
            if let Some(x) = ids.get_mut(i) {
                *x = id;
            }
        }
        (Interner { text: self.text, spans }, ids)
    }
}

/// A key as its bucket holds it: its position among the keys met, its hash, and where its
/// text lies in the bucket's copy.
#[derive(Clone, Copy, Default)]
struct Entry {
    i: u32,
    hash: u32,
    start: u32,
    len: u32,
}

/// For each key, the position of the first key equal to it (its own when it is the first).
fn first_of_each(text: &str, keys: &[Key]) -> Vec<u32> {
    let bits = (keys.len() / BUCKET).next_power_of_two().trailing_zeros();
    let bucket = |k: &Key| (k.hash & ((1u32 << bits) - 1)) as usize;
    // the keys by bucket, each bucket in the order met, and their texts copied after one
    // another in the same order: a count of each bucket's keys and bytes, then one pass
    // that writes every key where its bucket's part begins. Equal hashes are then told
    // apart by bytes the bucket's own work just read, not by two reads far apart in the
    // arena (a cache miss each: 0.1 s of 10,000 partners' map in wasm)
    let buckets = 1usize << bits;
    let mut starts = vec![0usize; buckets + 1];
    let mut byte_starts = vec![0usize; buckets + 1];
    for k in keys {
        let b = bucket(k) + 1;
        if let (Some(c), Some(n)) = (starts.get_mut(b), byte_starts.get_mut(b)) {
            *c += 1;
            *n += (k.end - k.start) as usize;
        }
    }
    for b in 1..starts.len() {
        let (before, bytes_before) = (
            starts.get(b - 1).copied().unwrap_or(0),
            byte_starts.get(b - 1).copied().unwrap_or(0),
        );
        if let (Some(s), Some(n)) = (starts.get_mut(b), byte_starts.get_mut(b)) {
            *s += before;
            *n += bytes_before;
        }
    }
    let (mut next, mut byte_next) = (starts.clone(), byte_starts.clone());
    let mut sorted = vec![Entry::default(); keys.len()];
    let mut copies = vec![0u8; byte_starts.last().copied().unwrap_or(0)];
    let bytes = text.as_bytes();
    for (i, k) in keys.iter().enumerate() {
        let b = bucket(k);
        let (Some(at), Some(byte_at)) = (next.get_mut(b), byte_next.get_mut(b)) else {
            continue;
        };
        let len = (k.end - k.start) as usize;
        if let (Some(to), Some(from)) = (
            copies.get_mut(*byte_at..*byte_at + len),
            bytes.get(k.start as usize..k.end as usize),
        ) {
            to.copy_from_slice(from);
        }
        if let Some(slot) = sorted.get_mut(*at) {
            *slot = Entry {
                i: i as u32,
                hash: k.hash,
                start: *byte_at as u32,
                len: len as u32,
            };
        }
        *at += 1;
        *byte_at += len;
    }
    drop((next, byte_next));
    let text_of = |e: &Entry| copies.get(e.start as usize..(e.start + e.len) as usize);
    let mut first = vec![0u32; keys.len()];
    // one open-addressing table per bucket, reused: the bucket's entry plus one (0: free)
    let mut table: Vec<u32> = Vec::new();
    for part in starts.windows(2) {
        let Some(entries) = (if let [a, b] = *part { sorted.get(a..b) } else { None }) else {
            continue;
        };
        let len = (entries.len() * 2).next_power_of_two().max(16);
        table.clear();
        table.resize(len, 0);
        let mask = len - 1;
        for (e, k) in entries.iter().enumerate() {
            let mut at = (k.hash >> bits) as usize & mask;
            let f = loop {
                match table.get(at).copied() {
                    Some(0) | None => {
                        if let Some(t) = table.get_mut(at) {
                            *t = e as u32 + 1;
                        }
                        break k.i;
                    }
                    Some(t) => {
                        let other = entries.get(t as usize - 1).copied().unwrap_or(*k);
                        if other.hash == k.hash && other.len == k.len && text_of(&other) == text_of(k) {
                            break other.i;
                        }
                    }
                }
                at = (at + 1) & mask;
            };
            if let Some(x) = first.get_mut(k.i as usize) {
                *x = f;
            }
        }
    }
    first
}

/// Distinct keys by number (see the module docs).
#[derive(Default)]
pub(crate) struct Interner {
    /// Every key met; the distinct ones are spans of it.
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Interner {
    /// Key `i`'s text.
    pub fn get(&self, i: u32) -> Option<&str> {
        let &(start, end) = self.spans.get(i as usize)?;
        Some(cut(&self.text, start, end))
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(keys: &[String]) -> (Interner, Vec<u32>) {
        let mut a = Arena::default();
        for k in keys {
            a.push(k);
        }
        a.number()
    }

    #[test]
    fn numbers_keys_in_the_order_first_met_across_buckets() {
        // more keys than one bucket holds, repeats far apart
        let keys: Vec<String> = (0..50_000).map(|i| format!("k{}", (i * 7) % 30_011)).collect();
        let (t, ids) = numbered(&keys);
        let mut seen = std::collections::HashMap::new();
        for (k, &id) in keys.iter().zip(&ids) {
            let next = seen.len() as u32;
            assert_eq!(*seen.entry(k.clone()).or_insert(next), id, "{k}");
            assert_eq!(t.get(id), Some(k.as_str()));
        }
        assert_eq!(t.len(), 30_011);
        assert_eq!(t.get(30_011), None);
    }

    #[test]
    fn keys_of_one_hash_are_told_apart_by_their_text() {
        // every key given the same hash: the probe runs through the others
        let mut a = Arena::default();
        for k in ["a", "b", "", "ab", "b", "", "a"] {
            a.push(k);
        }
        for k in &mut a.keys {
            k.hash = 7;
        }
        let (t, ids) = a.number();
        assert_eq!(ids, [0, 1, 2, 3, 1, 2, 0]);
        assert_eq!(t.get(3), Some("ab"));
        assert_eq!(t.get(2), Some(""));
    }

    #[test]
    fn no_keys() {
        let (t, ids) = Arena::default().number();
        assert_eq!((t.len(), ids.len()), (0, 0));
    }
}
