//! The Owen value (SPEC §11): the coalitional value with a priori unions (alliances) —
//! the average marginal contribution over the orders in which every union stays
//! contiguous. Enumeration for n ≤ 20:
//! `φᵢ = Σ_{R ⊆ M∖{k}} Σ_{T ⊆ B_k∖{i}} r!(m−r−1)!/m! · t!(b−t−1)!/b! · (v(Q_R ∪ T ∪ i) − v(Q_R ∪ T))`
//! (i in union B_k of size b, m unions, Q_R the members of the unions in R); antithetic
//! sampling of union-contiguous orders above.
// Indexing: 2ⁿ tables by masks of the members (< 2ⁿ), unions k < m, weights by sizes ≤ n.
#![allow(clippy::indexing_slicing)]

use super::game::{member_index, Game};
use super::sampling::{antithetic, shuffle};
use super::values::{marginals, Values, DEFAULT_SAMPLES};
use crate::error::{ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::model::MAX_ENUMERATED_PLAYERS;

/// The unions as member indices; members in no union form a union of their own.
pub fn unions(unions: Option<&[Vec<String>]>, members: &[String], at: &str) -> Result<Vec<Vec<usize>>> {
    let idx = member_index(members);
    let mut seen = vec![false; members.len()];
    let mut out = Vec::new();
    let mut p = Problems::new();
    let Some(list) = unions else {
        return Err(crate::error::DealteamError::new(
            ErrorCode::MissingField,
            field(at, "unions"),
            "the owen model needs `unions`: the alliances, as lists of member ids ([[\"a\", \"b\"], [\"c\"]])",
        ));
    };
    for (k, u) in list.iter().enumerate() {
        let path = index(&field(at, "unions"), k);
        if u.is_empty() {
            p.invalid(path.clone(), "a union lists at least one member");
        }
        let mut union = Vec::new();
        for (j, id) in u.iter().enumerate() {
            match idx.get(id.as_str()) {
                None => p.push(
                    ErrorCode::UnknownPartner,
                    index(&path, j),
                    format!("`{id}` is not one of the members"),
                ),
                Some(&i) if seen[i] => p.push(
                    ErrorCode::DuplicateId,
                    index(&path, j),
                    format!("`{id}` is already in a union; each member belongs to one"),
                ),
                Some(&i) => {
                    seen[i] = true;
                    union.push(i);
                }
            }
        }
        out.push(union);
    }
    p.finish()?;
    out.extend((0..members.len()).filter(|&i| !seen[i]).map(|i| vec![i]));
    Ok(out)
}

/// `weights[s] = s!(size−s−1)!/size!` for s < size.
fn order_weights(size: usize) -> Vec<f64> {
    let mut w = vec![0.0; size];
    let mut binom = 1.0;
    for (s, x) in w.iter_mut().enumerate() {
        *x = 1.0 / (size as f64 * binom);
        binom = binom * size.saturating_sub(1).saturating_sub(s) as f64 / (s as f64 + 1.0);
    }
    w
}

/// The Owen value from the 2ⁿ table `v` (n ≤ 20).
pub fn owen_from_table(v: &[f64], unions: &[Vec<usize>]) -> Vec<f64> {
    let n = v.len().trailing_zeros() as usize;
    let m = unions.len();
    let masks: Vec<usize> = unions.iter().map(|u| u.iter().fold(0, |a, &i| a | 1 << i)).collect();
    let wm = order_weights(m);
    let mut out = vec![0.0; n];
    for (k, union) in unions.iter().enumerate() {
        let others: Vec<usize> = (0..m).filter(|&j| j != k).map(|j| masks[j]).collect();
        let wb = order_weights(union.len());
        for r in 0..1usize << others.len() {
            let q = (0..others.len())
                .filter(|&j| r >> j & 1 == 1)
                .fold(0, |a, j| a | others[j]);
            let outer = wm[r.count_ones() as usize];
            for &i in union {
                let rest = masks[k] & !(1 << i);
                // every subset T of the rest of i's union
                let mut t = rest;
                loop {
                    let s = q | t;
                    out[i] += outer * wb[t.count_ones() as usize] * (v[s | 1 << i] - v[s]);
                    if t == 0 {
                        break;
                    }
                    t = t.wrapping_sub(1) & rest; // t ≠ 0 here
                }
            }
        }
    }
    out
}

/// The Owen value: enumeration for n ≤ 20, else sampling (union-contiguous orders and
/// their reverses) with `samples`, `seed` and a standard error per member.
pub fn owen(
    game: &Game,
    table: Option<&[f64]>,
    unions: &[Vec<usize>],
    samples: Option<u32>,
    seed: u64,
) -> Result<Values> {
    let n = game.players();
    if n <= MAX_ENUMERATED_PLAYERS {
        let v = game.table_or(table)?;
        return Ok(Values::exact(owen_from_table(&v, unions), "enumeration"));
    }
    let mut groups = unions.to_vec();
    antithetic(
        n,
        game.order_work(0),
        samples.unwrap_or(DEFAULT_SAMPLES),
        seed,
        |rng, order| {
            shuffle(rng, &mut groups);
            order.clear();
            for g in groups.iter_mut() {
                shuffle(rng, g);
                order.extend(g.iter());
            }
        },
        |order, out| marginals(game, order.iter().copied(), out),
    )
}
