//! A small, fast, deterministic hasher (the Fx hash of rustc/Firefox) for the id and
//! key tables built over every partner when an ecosystem is validated and indexed.
//! SipHash's DoS resistance buys nothing here — the input is the user's own data, on
//! the user's machine — and costs a third of the indexing time of 100,000 partners.
//! Hash tables never decide an output's order (SPEC §0 determinism).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash: `h = (h.rotl(5) ^ word) · K` per 8-byte word, finalised by murmur3's mix.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // Fx alone leaves the low bits (the table position) depending only on the
        // low bits of the input; a murmur3 finaliser mixes every bit into every bit.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with the Fx hash.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with the Fx hash.
pub type FxHashSet<T> = HashSet<T, FxBuild>;
