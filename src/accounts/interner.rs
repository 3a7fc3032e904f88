//! Distinct keys numbered in the order first met, their text in one arena: no allocation
//! per key (a million keys would otherwise be two million small strings).
//!
//! The table is open addressing with linear probing over slots that carry the key's id,
//! part of its hash and where its text lies, so a probe reads one slot (and, when the
//! hash part matches, the text). Millions of keys make every probe a cache miss; a
//! caller that knows its next keys [`Interner::touch`]es their slots first, so that the
//! misses of a batch overlap instead of following one another.

use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// The hash the table is keyed by.
pub(crate) fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// One slot: the key's id plus one (0: free), its hash's [`tag`] and the key's text
/// (start and end in the arena).
#[derive(Clone, Copy, Default)]
struct Slot {
    id1: u32,
    tag: u32,
    start: u32,
    end: u32,
}

/// The part of `h` a slot keeps to rule out most other keys unread: both halves folded
/// together. On wasm32 the Fx hash has 32 bits (rustc-hash hashes in `usize` words), so a
/// tag of the high half alone was 0 for every key there, and every occupied slot of a
/// probe had its text read and compared.
fn tag(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// The text of `text` between `start` and `end`.
fn cut(text: &str, start: u32, end: u32) -> &str {
    text.get(start as usize..end as usize).unwrap_or_default()
}

/// Interned keys (see the module docs).
#[derive(Default)]
pub(crate) struct Interner {
    text: String,
    ends: Vec<u32>,
    /// A power of two long (or empty), at most three quarters full.
    slots: Vec<Slot>,
}

impl Interner {
    /// Key `i`'s text.
    pub fn get(&self, i: u32) -> Option<&str> {
        let end = *self.ends.get(i as usize)?;
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p as usize))
            .copied()
            .unwrap_or(0);
        Some(cut(&self.text, start, end))
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    /// Room for `n` keys of `bytes` bytes in all without growing the table or the arena
    /// (growing them as keys came was 0.04 s of a 10,000-partner map in wasm).
    pub fn reserve(&mut self, n: usize, bytes: usize) {
        self.ends.reserve(n);
        self.text.reserve(bytes);
        let want = n.saturating_add(n / 3).saturating_add(1).next_power_of_two();
        if want > self.slots.len() {
            self.grow_to(want);
        }
    }

    fn grow_to(&mut self, len: usize) {
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); len]);
        for s in old.into_iter().filter(|s| s.id1 != 0) {
            let h = hash(cut(&self.text, s.start, s.end));
            if let Err(free) = self.probe(cut(&self.text, s.start, s.end), h) {
                if let Some(slot) = self.slots.get_mut(free) {
                    *slot = s;
                }
            }
        }
    }

    /// Where `key` (of hash `h`) is: its id, or the free slot its probe ended at.
    fn probe(&self, key: &str, h: u64) -> Result<u32, usize> {
        let mask = self.mask();
        let mut i = h as usize & mask;
        // the table is never full, so a free slot ends every probe
        while let Some(s) = self.slots.get(i) {
            if s.id1 == 0 {
                return Err(i);
            }
            if s.tag == tag(h) && cut(&self.text, s.start, s.end) == key {
                return Ok(s.id1.wrapping_sub(1));
            }
            i = i.wrapping_add(1) & mask;
        }
        Err(i)
    }

    /// Read the slot a key of hash `h` starts its probe at, and the text of the key in it
    /// when their hashes' high halves agree: what [`Interner::intern`] will read first.
    /// The result only keeps the reads from being left out.
    pub fn touch(&self, h: u64) -> u32 {
        let Some(s) = self.slots.get(h as usize & self.mask()) else {
            return 0;
        };
        let first = if s.tag == tag(h) {
            self.text.as_bytes().get(s.start as usize).copied().unwrap_or(0)
        } else {
            0
        };
        s.start ^ u32::from(first)
    }

    /// The number of `key` of hash `h` (a new one the first time).
    pub fn intern(&mut self, key: &str, h: u64) -> u32 {
        let full = self.len().saturating_add(1).saturating_mul(4) > self.slots.len().saturating_mul(3);
        if full {
            self.grow_to(self.slots.len().saturating_mul(2).max(16));
        }
        match self.probe(key, h) {
            Ok(id) => id,
            Err(free) => {
                let id = self.ends.len() as u32;
                let start = self.text.len() as u32;
                self.text.push_str(key);
                let end = self.text.len() as u32;
                self.ends.push(end);
                if let Some(slot) = self.slots.get_mut(free) {
                    *slot = Slot {
                        id1: id.wrapping_add(1),
                        tag: tag(h),
                        start,
                        end,
                    };
                }
                id
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(t: &mut Interner, key: &str) -> u32 {
        t.intern(key, hash(key))
    }

    #[test]
    fn numbers_keys_in_the_order_first_met_through_growth() {
        let mut t = Interner::default();
        let keys: Vec<String> = (0..5000).map(|i| format!("k{}", i % 3001)).collect();
        for (i, k) in keys.iter().enumerate() {
            let want = if i < 3001 { i as u32 } else { (i % 3001) as u32 };
            assert_eq!(id(&mut t, k), want, "{k}");
        }
        assert_eq!(t.len(), 3001);
        assert_eq!(t.get(17), Some("k17"));
        assert_eq!(t.get(3001), None);
        assert!(t.slots.len() * 3 >= t.len() * 4);
    }

    #[test]
    fn a_32_bit_hash_still_tags_its_slot() {
        // rustc-hash's hash has 32 bits on wasm32: the tag must not come from the high half
        // alone, or every key's tag is 0 and every probe compares texts
        let (a, b) = (0x0000_0000_1234_5678_u64, 0x0000_0000_1234_5679_u64);
        assert_ne!(tag(a), tag(b));
        assert_ne!(tag(a), 0);
        // and a 64-bit hash keeps its high half's information
        assert_ne!(tag(1 << 40), tag(1 << 41));
    }

    #[test]
    fn keys_of_one_hash_are_told_apart_by_their_text() {
        // every key given the same hash: the probe runs through the others
        let mut t = Interner::default();
        t.reserve(8, 4);
        for (i, k) in ["a", "b", "", "ab"].iter().enumerate() {
            assert_eq!(t.intern(k, 7), i as u32);
        }
        assert_eq!(t.intern("b", 7), 1);
        assert_eq!(t.intern("", 7), 2);
        assert_eq!(t.touch(7), u32::from(b'a'), "slot 7 holds `a`, at the arena's start");
        assert_eq!(t.get(3), Some("ab"));
    }
}
