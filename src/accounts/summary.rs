//! The whole account map in a few numbers (`summary: true`): how many pairs share
//! accounts, how many matches they have in all, their matrices summed and their potential
//! revenue summed — what a heat map over every pair shows, without writing out every pair.
// Statuses x, y < n populations index the n² cells (n² checked below); counts ≤ matched
// records; i / n and i % n for i < n², so n ≥ 1.
#![allow(clippy::arithmetic_side_effects)]

use super::matrix::Match;
use super::pairs::{shared_potential, Sides};
use super::types::AccountSummary;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::money::Money;
use std::collections::BTreeMap;

/// The summary of `groups` (each the matches of one pair, a's side first).
pub(crate) fn summarise(sides: &Sides, groups: &[&[Match]]) -> Result<AccountSummary> {
    let n = sides.pops.len();
    let cells_len = n.checked_mul(n).ok_or_else(|| {
        DealteamError::new(
            ErrorCode::TooLarge,
            "ecosystem.partners",
            format!("{n} different account statuses are too many to count pairs of; use fewer statuses"),
        )
    })?;
    let mut cells = vec![0usize; cells_len];
    let mut potential = Money::ZERO;
    let mut recs: Vec<u128> = Vec::new();
    for group in groups {
        // the populations travel with the matches: no record is read for them
        for m in group.iter() {
            if let Some(c) = cells.get_mut(m.pa as usize * n + m.pb as usize) {
                *c += 1;
            }
        }
        shared_potential(sides, group, &mut recs, &mut potential)?;
    }
    potential.0.rescale(sides.minor);
    let mut matrix: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (i, &c) in cells.iter().enumerate().filter(|(_, &c)| c > 0) {
        let (x, y) = ((i / n) as u32, (i % n) as u32);
        let row = matrix.entry(sides.pops.name(x).to_string()).or_default();
        row.insert(sides.pops.name(y).to_string(), c);
    }
    Ok(AccountSummary {
        pairs: groups.len(),
        shared: groups.iter().map(|g| g.len()).sum(),
        matrix,
        potential_revenue: potential,
    })
}
