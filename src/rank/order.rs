//! The order of SPEC §2: eligible partners first, then fit descending, ties
//! (|Δ| < 1e-9) by id ascending.
//!
//! "Within 1e-9" is not transitive, so it cannot be a sort comparator. We sort by the
//! exact key (eligible, fit descending, id ascending) — one packed integer per
//! partner — and then treat each *run* of neighbours whose fits differ by less than
//! 1e-9 (a chain, within one eligibility group) as one tie group, re-sorted by id.
//! When at least `rows` partners are eligible, only the eligible ones are selected from.
//! Exact ties and floating-point noise therefore always order by id. For the top rows
//! only, `select_nth_unstable` partitions first and only the prefix is sorted; a tie
//! run that crosses the cut is completed from the rest before cutting.
// Radix sort of n ≤ MAX_PARTNERS (10⁶) keys: bucket counts and offsets ≤ n, digit shifts
// below 64, rows ≥ 1 where rows − 1 is taken, i ≥ 1 where order[i − 1] is read; the fit
// key 1.0.to_bits() − fit.to_bits() is for fit in [0, 1]. Hot path of ranking.
// Indexing: 256 radix buckets by a byte digit, order[i] for i < n.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::score::Scores;
use crate::num::TIE_EPS;

/// Exact sort key: ineligible flag, then fit descending (the bits of a fit in [0, 1]
/// order like the numbers), then the id's rank.
fn key(s: &Scores, id_rank: &[u32], i: u32) -> u128 {
    let iu = i as usize;
    let elig = s.eligible.get(iu).copied().unwrap_or(false);
    let fit = s.fit.get(iu).copied().unwrap_or(0.0);
    let fit = if fit > 0.0 { fit.min(1.0) } else { 0.0 }; // also maps NaN and −0 to 0
    let desc = 1.0f64.to_bits() - fit.to_bits();
    let hi = ((!elig as u64) << 63) | desc;
    ((hi as u128) << 64) | ((id_rank.get(iu).copied().unwrap_or(u32::MAX) as u128) << 32) | i as u128
}

/// The first `rows` partners (indices into the ecosystem's partners) in SPEC §2 order.
pub(crate) fn top(s: &Scores, id_rank: &[u32], rows: usize) -> Vec<u32> {
    let n = s.fit.len();
    let rows = rows.min(n);
    if rows == 0 {
        return Vec::new();
    }
    if rows < n && rows * 4 < n {
        // eligible partners come first: when there are enough of them, only they compete
        let eligible = s.eligible.iter().filter(|&&e| e).count();
        let mut keys: Vec<u128> = if eligible >= rows {
            let mut k = Vec::with_capacity(eligible);
            k.extend(
                (0..n as u32)
                    .filter(|&i| s.eligible[i as usize])
                    .map(|i| key(s, id_rank, i)),
            );
            k
        } else {
            (0..n as u32).map(|i| key(s, id_rank, i)).collect()
        };
        keys.select_nth_unstable(rows - 1);
        let (head, rest) = keys.split_at_mut(rows);
        head.sort_unstable();
        // complete a tie run that crosses the cut: pull in every later key chained to it
        let mut extra: Vec<u128> = Vec::new();
        let last = idx(head[rows - 1]);
        let (elig, mut low) = (s.eligible[last as usize], s.fit[last as usize]);
        loop {
            let before = extra.len();
            for k in rest.iter_mut() {
                let j = idx(*k) as usize;
                if *k != u128::MAX && s.eligible[j] == elig && s.fit[j] > low - TIE_EPS {
                    extra.push(*k);
                    low = low.min(s.fit[j]);
                    *k = u128::MAX;
                }
            }
            if extra.len() == before {
                break;
            }
        }
        let mut out: Vec<u128> = head.to_vec();
        extra.sort_unstable();
        out.extend(extra);
        let mut order: Vec<u32> = out.into_iter().map(idx).collect();
        regroup(s, id_rank, &mut order);
        order.truncate(rows);
        order
    } else if n < 1024 {
        let mut keys: Vec<u128> = (0..n as u32).map(|i| key(s, id_rank, i)).collect();
        keys.sort_unstable();
        let mut order: Vec<u32> = keys.into_iter().map(idx).collect();
        regroup(s, id_rank, &mut order);
        order.truncate(rows);
        order
    } else {
        // full order: radix sort on (eligible, fit); exact ties are regrouped by id below
        let mut hi: Vec<u64> = (0..n as u32).map(|i| (key(s, id_rank, i) >> 64) as u64).collect();
        let mut order: Vec<u32> = (0..n as u32).collect();
        radix_sort(&mut hi, &mut order);
        regroup(s, id_rank, &mut order);
        order.truncate(rows);
        order
    }
}

/// Stable LSD radix sort of `keys` (11-bit digits, constant digits skipped), moving
/// `payload` along. Equal keys keep their input order; `regroup` then orders them by id.
fn radix_sort(keys: &mut Vec<u64>, payload: &mut Vec<u32>) {
    const BITS: u32 = 11;
    const B: usize = 1 << BITS;
    const PASSES: usize = 6;
    let n = keys.len();
    let mut hist = vec![[0usize; B]; PASSES];
    for &k in keys.iter() {
        for (d, h) in hist.iter_mut().enumerate() {
            h[((k >> (BITS as usize * d)) as usize) & (B - 1)] += 1;
        }
    }
    let (mut k2, mut p2) = (vec![0u64; n], vec![0u32; n]);
    for (d, h) in hist.iter().enumerate() {
        if h.contains(&n) {
            continue; // every key has the same digit here
        }
        let mut pos = [0usize; B];
        let mut sum = 0;
        for (p, &c) in pos.iter_mut().zip(h.iter()) {
            *p = sum;
            sum += c;
        }
        let shift = BITS as usize * d;
        for (&k, &v) in keys.iter().zip(payload.iter()) {
            let b = ((k >> shift) as usize) & (B - 1);
            k2[pos[b]] = k;
            p2[pos[b]] = v;
            pos[b] += 1;
        }
        std::mem::swap(keys, &mut k2);
        std::mem::swap(payload, &mut p2);
    }
}

fn idx(k: u128) -> u32 {
    k as u32
}

/// Re-sort every chain of neighbours within `TIE_EPS` (same eligibility) by id.
fn regroup(s: &Scores, id_rank: &[u32], order: &mut [u32]) {
    let mut start = 0;
    // scratch for the tie groups' keys, (id rank, partner): id ranks are distinct, so the
    // order is the one sorting by id rank alone gives
    let mut keys: Vec<u128> = Vec::new();
    for i in 1..=order.len() {
        let joined = i < order.len() && {
            let (a, b) = (order[i - 1] as usize, order[i] as usize);
            s.eligible[a] == s.eligible[b] && (s.fit[a] - s.fit[b]).abs() < TIE_EPS
        };
        if !joined {
            if i - start > 1 {
                let key = |&j: &u32| (id_rank[j as usize] as u128) << 32 | j as u128;
                crate::sort::by_u128_keys(&mut order[start..i], &mut keys, key, |k| k as u32);
            }
            start = i;
        }
    }
}
