//! Stable sorting with one copy of the sorting code in the wasm module.
//!
//! `slice::sort_by` is generic: every call site (element type × comparison closure) gets
//! its own instance of the standard library's driftsort, ≈ 6 KB of code each in the wasm
//! module (docs/performance/wasm-size.md). [`sort_by`] sorts the positions `0..n` instead
//! (one instance, the comparison behind a `dyn` call) and then moves the elements into
//! that order by swaps. A stable sort's result is fully determined by the comparison, so
//! the order is exactly the one `slice::sort_by` gives.
//!
//! For the sorts that are not hot: reports, validation findings, audits, splits and
//! account lists of a few thousand rows. Ranking and team search keep the standard sorts
//! (the `dyn` call per comparison costs time there).
//!
//! Tuples of integers are sorted as `u128` keys instead ([`by_u128_keys`], [`pairs`],
//! [`triples`]): the module has the unstable sort of `u128` anyway, and each tuple type was
//! an instance of its own.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sort `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        positions_by(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(v, order);
}

/// Sort `v` stably by the key `key` gives: the same order as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably in ascending order: the same order as `v.sort()`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `items` as a map, built by insertion; a repeated key keeps its last value, as with
/// `collect()`. `collect()` into a `BTreeMap` sorts the items first: one instance of the
/// standard library's stable sort per item type and iterator type (10 of them were in the
/// wasm module, ≈ 5 KB of code each).
pub fn map_of<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in items {
        map.insert(k, v);
    }
    map
}

/// `items` as a set, built by insertion (see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for x in items {
        set.insert(x);
    }
    set
}

/// Sort `v` through integer keys: `key` must order like the elements and `back` must give
/// each element back from its key. The keys go through the unstable sort of `u128`s, whose
/// instance the module has anyway (ranking's keys, the account map's places); a
/// `sort_unstable` of each element type was an instance of its own (≈ 8 KB of code before
/// wasm-opt for index pairs). `keys` is scratch space, for callers that sort often.
pub fn by_u128_keys<T>(v: &mut [T], keys: &mut Vec<u128>, key: impl Fn(&T) -> u128, back: impl Fn(u128) -> T) {
    keys.clear();
    keys.extend(v.iter().map(key));
    keys.sort_unstable();
    for (x, &k) in v.iter_mut().zip(keys.iter()) {
        *x = back(k);
    }
}

/// Sort index pairs ascending: the order of `v.sort_unstable()` ([`by_u128_keys`]).
pub fn pairs(v: &mut [(usize, usize)]) {
    // both halves of a key came from a usize
    let back = |k: u128| ((k >> 64) as usize, k as u64 as usize);
    by_u128_keys(v, &mut Vec::new(), |&(a, b)| (a as u128) << 64 | b as u128, back);
}

/// Sort triples ascending: the order of `v.sort_unstable()` ([`by_u128_keys`]).
pub fn triples(v: &mut [(u32, u32, u32)]) {
    let key = |&(a, b, c): &(u32, u32, u32)| u128::from(a) << 64 | u128::from(b) << 32 | u128::from(c);
    by_u128_keys(v, &mut Vec::new(), key, |k| {
        ((k >> 64) as u32, (k >> 32) as u32, k as u32)
    });
}

/// The positions `0..n` stably sorted by `cmp` (the only instance of the sorting code).
fn positions_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearrange `v` so that position `i` holds the element that was at `order[i]` (`order`
/// is a permutation of `0..v.len()`), following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, DONE);
            if from == DONE || from == start {
                break;
            }
            // position `at` takes its element; the one from `start` moves on to `from`
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn maps_and_sets_by_insertion_equal_collect() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..200 {
            let n = rng.random_range(0..40);
            let items: Vec<(u8, u32)> = (0..n).map(|i| (rng.random_range(0..12), i)).collect();
            // a repeated key keeps its last value, as collect() keeps it
            assert_eq!(
                map_of(items.iter().copied()),
                items.iter().copied().collect::<BTreeMap<_, _>>()
            );
            assert_eq!(
                set_of(items.iter().map(|x| x.0)),
                items.iter().map(|x| x.0).collect::<BTreeSet<_>>()
            );
        }
        assert_eq!(
            map_of([("b", 1), ("a", 2), ("b", 3)]),
            BTreeMap::from([("a", 2), ("b", 3)])
        );
    }

    #[test]
    fn hand_checked_orders() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        sort_by(&mut v, |x, y| y.0.cmp(&x.0));
        assert_eq!(v, vec![(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, vec!["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    /// Property (seeded): pairs and triples in the order of `sort_unstable`, with repeats
    /// and values beyond 32 bits.
    #[test]
    fn pairs_and_triples_as_sort_unstable() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let big = usize::MAX;
        for round in 0..300 {
            let n = round % 41;
            let mut v: Vec<(usize, usize)> = (0..n)
                .map(|_| match rng.random_range(0..4u8) {
                    0 => (big - rng.random_range(0..3usize), rng.random_range(0..3usize)),
                    1 => (rng.random_range(0..3usize), big - rng.random_range(0..3usize)),
                    _ => (rng.random_range(0..4usize), rng.random_range(0..4usize)),
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            pairs(&mut v);
            assert_eq!(v, want);
            let mut t: Vec<(u32, u32, u32)> = (0..n)
                .map(|_| {
                    let mut x = || rng.random_range(0..3u32) * (u32::MAX / 2);
                    (x(), x(), x())
                })
                .collect();
            let mut want = t.clone();
            want.sort_unstable();
            triples(&mut t);
            assert_eq!(t, want);
        }
    }

    /// Property (seeded): the same order as the standard library's stable sort, with
    /// many ties (keys from a small range), for lengths 0 to 60.
    #[test]
    fn same_order_as_std_stable_sort() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(10);
        for round in 0..600 {
            let n = round % 61;
            let v: Vec<(u8, usize)> = (0..n).map(|i| (rng.random_range(0..5u8), i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v.clone();
            sort_by_key(&mut got, |p| p.0);
            assert_eq!(got, want, "{v:?}");
            // the reference is slice::sort_by itself, with the same comparison
            #[allow(clippy::unnecessary_sort_by)]
            want.sort_by(|x, y| y.0.cmp(&x.0));
            sort_by(&mut got, |x, y| y.0.cmp(&x.0));
            assert_eq!(got, want, "{v:?}");
        }
    }
}
