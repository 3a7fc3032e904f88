//! One pair's account map from its matches (SPEC §14): counts per (population of a,
//! population of b), potential revenue (opportunity values of the shared accounts on
//! either side, each record once) and greenfield (each side's kept accounts the other
//! does not have), shown at the sharing level.

use super::keys::Keys;
use super::matrix::Match;
use super::rows::{Pops, Rec, Values};
use super::types::{AccountPair, PopulationCounts, SharedAccount, Sharing};
use crate::error::{DealteamError, ErrorCode, Result};
use crate::money::Money;
use std::collections::{BTreeMap, BTreeSet};

/// The sides' accounts and what the result may show.
pub(crate) struct Sides<'a> {
    /// Partner ids, then the vendor's.
    pub ids: Vec<&'a str>,
    /// Each side's rows.
    pub accounts: Vec<Vec<Rec<'a>>>,
    /// The populations of every row.
    pub pops: Pops<'a>,
    /// The values of the rows that have one.
    pub values: Values,
    pub sharing: Sharing,
    /// Minor units of the currency (the potential revenue is written with them).
    pub minor: u32,
    /// How many of the sides are partners (the vendor's, if any, is last).
    pub partners: usize,
    /// Where the partners are in the request (the paths of skipped rows).
    pub partners_at: &'static str,
}

impl<'a> Sides<'a> {
    pub(crate) fn account(&self, side: u32, rec: u32) -> Option<&Rec<'a>> {
        self.accounts.get(side as usize).and_then(|a| a.get(rec as usize))
    }
}

/// Kept rows per population number of every side (counted once; a pair's greenfield is
/// these minus its shared rows, so no pair walks all its rows).
pub(crate) fn kept_totals(sides: &Sides, keys: &Keys) -> Vec<Vec<usize>> {
    (0..keys.rows.len() as u32)
        .map(|side| {
            let mut counts = vec![0usize; sides.pops.len()];
            for row in keys.rows.get(side as usize).into_iter().flatten() {
                if let Some(c) = counts.get_mut(row.status as usize) {
                    *c = c.saturating_add(1);
                }
            }
            counts
        })
        .collect()
}

/// Kept rows per population of one side, minus the rows in `shared` (every shared row is
/// a kept row); with their ids, walking the side's rows, only when `list`.
fn greenfield(
    sides: &Sides,
    keys: &Keys,
    totals: &[Vec<usize>],
    side: u32,
    shared: &BTreeSet<u32>,
    list: bool,
) -> (PopulationCounts, Option<Vec<String>>) {
    let mut left = totals.get(side as usize).cloned().unwrap_or_default();
    for a in shared.iter().filter_map(|&r| sides.account(side, r)) {
        if let Some(c) = left.get_mut(a.status as usize) {
            *c = c.saturating_sub(1);
        }
    }
    let counts = crate::sort::map_of(
        left.iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(p, &c)| (sides.pops.name(p as u32).to_string(), c)),
    );
    let ids = list.then(|| {
        let rows = keys.rows.get(side as usize).into_iter().flatten();
        let mut ids: Vec<String> = rows
            .filter(|row| !shared.contains(&row.rec))
            .filter_map(|row| sides.account(side, row.rec))
            .map(|a| a.id.to_string())
            .collect();
        ids.sort_unstable();
        ids
    });
    (counts, ids)
}

/// Σ of the opportunity values of the shared accounts of a pair's matches, added to
/// `total`: each opportunity record of each side once (a record may match several of the
/// other's), by the value numbers the matches carry, so no record is read. `recs` is room
/// the caller may reuse across pairs.
pub(crate) fn shared_potential(sides: &Sides, group: &[Match], recs: &mut Vec<u128>, total: &mut Money) -> Result<()> {
    let Some(opp) = sides.pops.opportunity() else {
        return Ok(());
    };
    for a_side in [true, false] {
        let of = |m: &Match| if a_side { (m.pa, m.ra, m.va) } else { (m.pb, m.rb, m.vb) };
        if let [m] = group {
            // one match (most pairs of a large map): nothing repeats
            let (pop, _, value) = of(m);
            if pop == opp {
                add_value(total, sides.values.get(value))?;
            }
            continue;
        }
        recs.clear();
        recs.extend(
            group
                .iter()
                .map(of)
                .filter(|&(pop, ..)| pop == opp)
                .map(|(_, rec, value)| {
                    // a record has one value: (record, value) pairs repeat exactly when records do;
                    // as `u128`s, whose sort the module has anyway (one of `u64`s was 2 KB of gzip)
                    u128::from(rec) << 32 | u128::from(value)
                }),
        );
        recs.sort_unstable();
        recs.dedup();
        for &r in recs.iter() {
            add_value(total, sides.values.get(r as u32))?;
        }
    }
    Ok(())
}

/// `total` + `value` (none: 0), in place.
pub(crate) fn add_value(total: &mut Money, value: Option<Money>) -> Result<()> {
    let v = value.unwrap_or(Money::ZERO);
    total.0 = total.0.checked_add(v.0).ok_or_else(|| {
        DealteamError::new(
            ErrorCode::InvalidMoney,
            "ecosystem.partners",
            "the opportunity values add up beyond what an amount can hold; check them for typos",
        )
    })?;
    Ok(())
}

/// The account map of one pair from its matches (all with the same sides).
pub(crate) fn pair(
    sides: &Sides,
    keys: &Keys,
    totals: &[Vec<usize>],
    (a, b): (u32, u32),
    group: &[Match],
) -> Result<AccountPair> {
    let mut cells: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let pop = |i: u32| sides.pops.name(i);
    let (mut in_a, mut in_b) = (BTreeSet::new(), BTreeSet::new());
    let mut list = (sides.sharing >= Sharing::Overlaps).then(Vec::new);
    // in row order: the listed accounts of two rows with the same ids keep it
    let mut order: Vec<u128> = (group.iter().enumerate())
        .map(|(i, m)| u128::from(m.ra) << 64 | u128::from(m.rb) << 32 | i as u128)
        .collect();
    order.sort_unstable();
    for &Match { ra, rb, by_name, .. } in order.iter().filter_map(|&o| group.get(o as u32 as usize)) {
        let (Some(x), Some(y)) = (sides.account(a, ra), sides.account(b, rb)) else {
            continue;
        };
        // counted by reference: the population names are copied once per cell
        let cell = cells.entry((pop(x.status), pop(y.status))).or_default();
        *cell = cell.saturating_add(1);

        in_a.insert(ra);
        in_b.insert(rb);
        if let Some(list) = list.as_mut() {
            let full = sides.sharing == Sharing::Full;
            list.push(SharedAccount {
                a: x.id.to_string(),
                b: y.id.to_string(),
                name: x.name.to_string(),
                matched_by: if by_name {
                    super::MatchedBy::Name
                } else {
                    super::MatchedBy::Domain
                },
                key: shared_key(keys, a, ra, by_name),
                a_status: pop(x.status).to_string(),
                b_status: pop(y.status).to_string(),
                a_value: sides.values.of(x).filter(|_| full),
                b_value: sides.values.of(y).filter(|_| full),
            });
        }
    }
    let mut matrix: BTreeMap<String, PopulationCounts> = BTreeMap::new();
    for ((pa, pb), c) in cells {
        matrix.entry(pa.to_string()).or_default().insert(pb.to_string(), c);
    }
    if let Some(list) = list.as_mut() {
        crate::sort::sort_by(list, |p, q| (&p.a, &p.b).cmp(&(&q.a, &q.b)));
    }
    let mut potential = Money::ZERO;
    shared_potential(sides, group, &mut Vec::new(), &mut potential)?;
    potential.0.rescale(sides.minor);
    let full = sides.sharing == Sharing::Full;
    let (greenfield_a, greenfield_a_accounts) = greenfield(sides, keys, totals, a, &in_a, full);
    let (greenfield_b, greenfield_b_accounts) = greenfield(sides, keys, totals, b, &in_b, full);
    Ok(AccountPair {
        a: sides.ids.get(a as usize).copied().unwrap_or_default().to_string(),
        b: sides.ids.get(b as usize).copied().unwrap_or_default().to_string(),
        shared: group.len(),
        matrix,
        potential_revenue: potential,
        greenfield_a,
        greenfield_b,
        accounts: list,
        greenfield_a_accounts,
        greenfield_b_accounts,
    })
}

/// The normalised domain or name a's row `rec` was matched on.
fn shared_key(keys: &Keys, side: u32, rec: u32, by_name: bool) -> String {
    // kept rows are in row order
    let row = keys.rows.get(side as usize).and_then(|rows| {
        rows.binary_search_by_key(&rec, |r| r.rec)
            .ok()
            .and_then(|i| rows.get(i))
    });
    let key = match row {
        Some(r) if by_name => keys.names.get(r.name),
        Some(r) => r.domain.and_then(|d| keys.domains.get(d)),
        None => None,
    };
    key.unwrap_or_default().to_string()
}
