//! `order: "auto"` (SPEC §12): the order whose chain best predicts held-out journeys.
//!
//! Split: by row order — the first 70% of the journeys (⌊0.7·R⌋ rows, at least one) train,
//! the rest are held out; give the journeys oldest first so the split is a time split.
//! Each order k = 1..4 is counted on the training rows and scores the held-out rows by
//! their log-likelihood: every transition, and the final conversion or null, weighted by
//! the row's conversions + nulls, with add-one (Laplace) smoothing over the possible next
//! symbols (the m partners except the current one, conversion, null), so a transition
//! never seen in training costs instead of ruling the order out. The score is the mean
//! per held-out journey; the highest wins, ties to the lower order.
// Indexing: paths, conversions and nulls of one length (checked by `attribute`), the
// cut ≤ that length, counts by the chain's state and edge ids.
#![allow(clippy::indexing_slicing)]

use super::chain::{last, shift, Chain, Counts, Key, MAX_ORDER, START};
use crate::error::{DealteamError, Result};

/// Share of the rows used for training.
pub const TRAIN_SHARE: f64 = 0.7;

/// The chosen order and every order's mean held-out log-likelihood.
pub fn choose_order(paths: &[&[u32]], conversions: &[f64], nulls: &[f64], m: usize) -> Result<(usize, Vec<f64>)> {
    let rows = paths.len();
    let cut = ((rows as f64 * TRAIN_SHARE).floor() as usize).max(1);
    let flow = |r: std::ops::Range<usize>| r.map(|i| conversions[i] + nulls[i]).sum::<f64>();
    if cut >= rows || flow(0..cut) <= 0.0 || flow(cut..rows) <= 0.0 {
        return Err(DealteamError::invalid(
            "order",
            "\"auto\" holds out the last 30% of the journeys and needs conversions or nulls on both sides; \
             give more journeys or a fixed order from 1 to 4",
        ));
    }
    let held_weight = flow(cut..rows);
    let scores: Vec<f64> = (1..=MAX_ORDER)
        .map(|k| {
            let chain = Chain::new(&paths[..cut], k);
            let counts = chain.counts(&conversions[..cut], &nulls[..cut]);
            let ll: f64 = (cut..rows)
                .map(|i| log_likelihood(&chain, &counts, paths[i], conversions[i], nulls[i], m))
                .sum();
            ll / held_weight
        })
        .collect();
    let mut best = 0;
    for (k, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = k;
        }
    }
    Ok((best.saturating_add(1), scores))
}

/// Log-likelihood of one held-out row under the smoothed chain.
fn log_likelihood(chain: &Chain, counts: &Counts, path: &[u32], conv: f64, null: f64, m: usize) -> f64 {
    let flow = conv + null;
    if flow <= 0.0 {
        return 0.0;
    }
    let order = chain.order;
    let mut ll = 0.0;
    let end = chain.walk_keys(path, |key, p| {
        let (from, n_from) = seen(chain, counts, key);
        let to = chain.state(&shift(key, order, p));
        let n = match (from, to) {
            (Some(a), Some(b)) => chain.edge(a, b).map_or(0.0, |e| counts.edge[e]),
            _ => 0.0,
        };
        ll += flow * smoothed(n, n_from, key, order, m);
    });
    let (at, n_end) = seen(chain, counts, &end);
    let (c, z) = at.map_or((0.0, 0.0), |s| (counts.conv[s as usize], counts.null[s as usize]));
    if conv > 0.0 {
        ll += conv * smoothed(c, n_end, &end, order, m);
    }
    if null > 0.0 {
        ll += null * smoothed(z, n_end, &end, order, m);
    }
    ll
}

/// The state of a key in the training chain and the flow leaving it.
fn seen(chain: &Chain, counts: &Counts, key: &Key) -> (Option<u32>, f64) {
    let s = chain.state(key);
    (s, s.map_or(0.0, |s| counts.total[s as usize]))
}

/// `ln((n + 1) / (total + V))`, V the symbols that can follow `key`.
fn smoothed(n: f64, total: f64, key: &Key, order: usize, m: usize) -> f64 {
    let v = m
        .saturating_add(1)
        .saturating_add(usize::from(last(key, order) == START));

    libm::log((n + 1.0) / (total + v as f64))
}
