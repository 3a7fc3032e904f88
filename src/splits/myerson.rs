//! The Myerson value (SPEC §11): the Shapley value of the graph-restricted game
//! `v_G(S) = Σ_{C ∈ components of S in G} v(C)` — partners who cannot work together
//! (no relationship, or a relationship in channel conflict) add nothing to each other.
//! Enumeration of the 2ⁿ coalitions for n ≤ 20, antithetic permutation sampling above.
// Indexing: adjacency, component and value arrays of the n members, by member indices
// (< n: relationship ends are checked against the members first) and masks < 2ⁿ.
#![allow(clippy::indexing_slicing)]

use super::game::Game;
use super::sampling::{antithetic, shuffle};
use super::values::{shapley_from_table, Values, DEFAULT_SAMPLES};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::model::{Ecosystem, MAX_ENUMERATED_PLAYERS};
use std::collections::HashMap;

/// The graph's edges as member index pairs: `graph` pairs if given, else the ecosystem's
/// relationships between members without `conflict` (a pair listed with a conflict is cut).
pub fn edges(
    graph: Option<&[Vec<String>]>,
    eco: Option<&Ecosystem>,
    members: &[String],
    at: &str,
) -> Result<Vec<(usize, usize)>> {
    let idx: HashMap<&str, usize> = members.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut out = Vec::new();
    if let Some(g) = graph {
        let mut p = Problems::new();
        for (k, pair) in g.iter().enumerate() {
            let path = index(&field(at, "graph"), k);
            if pair.len() != 2 {
                p.invalid(
                    path,
                    format!(
                        "an edge is a pair [a, b] of member ids; this one has {} ids",
                        pair.len()
                    ),
                );
                continue;
            }
            let ends: Vec<Option<usize>> = pair.iter().map(|id| idx.get(id.as_str()).copied()).collect();
            for (j, e) in ends.iter().enumerate() {
                if e.is_none() {
                    p.push(
                        ErrorCode::UnknownPartner,
                        index(&path, j),
                        format!("`{}` is not one of the members", pair[j]),
                    );
                }
            }
            match (ends[0], ends[1]) {
                (Some(a), Some(b)) if a == b => p.invalid(path, "an edge joins two different members"),
                (Some(a), Some(b)) => out.push((a.min(b), a.max(b))),
                _ => {}
            }
        }
        p.finish()?;
    } else if let Some(eco) = eco {
        let mut cut = Vec::new();
        for r in &eco.relationships {
            if let (Some(&a), Some(&b)) = (idx.get(r.a.as_str()), idx.get(r.b.as_str())) {
                if a != b {
                    if r.conflict { &mut cut } else { &mut out }.push((a.min(b), a.max(b)));
                }
            }
        }
        out.retain(|e| !cut.contains(e));
    } else {
        return Err(DealteamError::new(
            ErrorCode::MissingField,
            field(at, "graph"),
            "the myerson model needs the graph of who can work with whom: give `graph` ([[a, b], …]) or an \
             `ecosystem` with relationships",
        ));
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// `v_G` for every mask of n ≤ 20 players from the game's table `v`.
pub fn restricted_table(v: &[f64], n: usize, edges: &[(usize, usize)]) -> Vec<f64> {
    let mut adj = vec![0usize; n];
    for &(a, b) in edges {
        adj[a] |= 1 << b;
        adj[b] |= 1 << a;
    }
    let mut out = vec![0.0; v.len()];
    for (mask, o) in out.iter_mut().enumerate().skip(1) {
        let mut rest = mask;
        while rest != 0 {
            // grow the component of the lowest remaining member inside S
            let mut comp = rest & rest.wrapping_neg();
            loop {
                let mut next = comp;
                let mut bits = comp;
                while bits != 0 {
                    next |= adj[bits.trailing_zeros() as usize] & mask;
                    bits &= bits.wrapping_sub(1); // bits ≠ 0: clears its lowest bit
                }
                if next == comp {
                    break;
                }
                comp = next;
            }
            *o += v[comp];
            rest &= !comp;
        }
    }
    out
}

/// The Myerson value: enumeration for n ≤ 20 (with the game's table when given), else
/// sampling with `samples` permutations and `seed` and a standard error per member.
pub fn myerson(
    game: &Game,
    table: Option<&[f64]>,
    edges: &[(usize, usize)],
    samples: Option<u32>,
    seed: u64,
) -> Result<Values> {
    let n = game.players();
    if n <= MAX_ENUMERATED_PLAYERS {
        let v = game.table_or(table)?;
        return Ok(Values::exact(
            shapley_from_table(&restricted_table(&v, n, edges)),
            "enumeration",
        ));
    }
    let mut adj = vec![Vec::new(); n];
    for &(a, b) in edges {
        adj[a].push(b);
        adj[b].push(a);
    }
    antithetic(
        n,
        samples.unwrap_or(DEFAULT_SAMPLES),
        seed,
        |rng, order| shuffle(rng, order),
        |order, out| component_marginals(game, &adj, order, out),
    )
}

/// Marginal values of `v_G` along `order`: joining member i merges its neighbours'
/// components; its marginal is v(merged) − Σ v(old components).
fn component_marginals(game: &Game, adj: &[Vec<usize>], order: &[usize], out: &mut [f64]) {
    let n = adj.len();
    let mut comp: Vec<usize> = vec![usize::MAX; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut worth: Vec<f64> = Vec::new();
    for &i in order {
        let mut ids: Vec<usize> = adj[i].iter().map(|&j| comp[j]).filter(|&c| c != usize::MAX).collect();
        ids.sort_unstable();
        ids.dedup();
        let old: f64 = ids.iter().map(|&c| worth[c]).sum();
        let mut members = vec![i];
        for &c in &ids {
            members.append(&mut groups[c]);
        }
        let id = groups.len();
        for &j in &members {
            comp[j] = id;
        }
        let value = game.value_of(&members);
        groups.push(members);
        worth.push(value);
        out[i] = value - old;
    }
}
