//! Sourced, influenced and unattributed conversions per partner (SPEC §12): a journey
//! is *sourced* by its first touch, *influenced* by every other partner on it, and
//! *unattributed* for every partner not on it — so for each partner the three add up to
//! all conversions (and, exactly, to the total value).
// Indexing: per-partner tallies by the partner numbers of the journeys (< m).
#![allow(clippy::indexing_slicing)]

use super::types::{Credit, Involvement};
use crate::money::Money;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Per partner (sorted ids), the three tallies; `values` given when the journeys carry values.
// Decimal: journey values are ≥ 0 and their total was added with checked_add (attribute);
// each partner counts a journey's value once, so sourced + influenced ≤ total and rest ≥ 0
#[allow(clippy::arithmetic_side_effects)]
pub fn involvement(
    paths: &[&[u32]],
    conversions: &[f64],
    values: Option<&[Decimal]>,
    ids: &[&str],
    (total_conv, total_value): (f64, Option<Money>),
) -> BTreeMap<String, Involvement> {
    let m = ids.len();
    let (mut sourced, mut influenced) = (vec![0.0; m], vec![0.0; m]);
    let (mut sourced_v, mut influenced_v) = (vec![Decimal::ZERO; m], vec![Decimal::ZERO; m]);
    let mut stamp = vec![usize::MAX; m];
    for (i, path) in paths.iter().enumerate() {
        let v = values.and_then(|v| v.get(i).copied()).unwrap_or(Decimal::ZERO);
        for (t, &p) in path.iter().enumerate() {
            let p = p as usize;
            if stamp[p] == i {
                continue; // each partner once per journey
            }
            stamp[p] = i;
            // parts never exceed the checked total, so these sums cannot overflow
            if t == 0 {
                sourced[p] += conversions[i];
                sourced_v[p] += v;
            } else {
                influenced[p] += conversions[i];
                influenced_v[p] += v;
            }
        }
    }
    let tally = |conversions: f64, value: Decimal| Credit {
        conversions,
        value: total_value.map(|t| Money(value).with_scale(t.0.scale())),
    };
    crate::sort::map_of(ids.iter().enumerate().map(|(k, id)| {
        let rest_v = total_value.map_or(Decimal::ZERO, |t| t.0 - sourced_v[k] - influenced_v[k]);
        let rest = (total_conv - sourced[k] - influenced[k]).max(0.0);
        let inv = Involvement {
            sourced: tally(sourced[k], sourced_v[k]),
            influenced: tally(influenced[k], influenced_v[k]),
            unattributed: tally(rest, rest_v),
        };
        (id.to_string(), inv)
    }))
}
