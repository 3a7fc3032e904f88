//! The Myerson value (SPEC §11): the Shapley value of the graph-restricted game
//! `v_G(S) = Σ_{C ∈ components of S in G} v(C)` — partners who cannot work together
//! (no relationship, or a relationship in channel conflict) add nothing to each other.
//! Enumeration of the 2ⁿ coalitions for n ≤ 20, antithetic permutation sampling above.
// Indexing: adjacency, component and value arrays of the n members, by member indices
// (< n: relationship ends are checked against the members first) and masks < 2ⁿ.
#![allow(clippy::indexing_slicing)]

use super::game::{member_index, Game};
use super::sampling::{antithetic, shuffle};
use super::values::{shapley_from_table, Values, DEFAULT_SAMPLES};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::model::{Ecosystem, MAX_ENUMERATED_PLAYERS};

/// The graph's edges as member index pairs: `graph` pairs if given, else the ecosystem's
/// relationships between members without `conflict` (a pair listed with a conflict is cut).
pub fn edges(
    graph: Option<&[Vec<String>]>,
    eco: Option<&Ecosystem>,
    members: &[String],
    at: &str,
) -> Result<Vec<(usize, usize)>> {
    let idx = member_index(members);
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
        crate::sort::pairs(&mut cut);
        out.retain(|e| cut.binary_search(e).is_err());
    } else {
        return Err(DealteamError::new(
            ErrorCode::MissingField,
            field(at, "graph"),
            "the myerson model needs the graph of who can work with whom: give `graph` ([[a, b], …]) or an \
             `ecosystem` with relationships",
        ));
    }
    crate::sort::pairs(&mut out);
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
    let bonus = match game {
        Game::Synergy(g) => g.incident(),
        _ => Vec::new(),
    };
    let work = game.order_work(edges.len());
    let mut scratch = Components::new(game, n);
    antithetic(
        n,
        work,
        samples.unwrap_or(DEFAULT_SAMPLES),
        seed,
        |rng, order| shuffle(rng, order),
        |order, out| scratch.marginals(game, &adj, &bonus, order, out),
    )
}

/// No component yet (a member who has not joined), or no merge in progress.
const NONE: usize = usize::MAX;

/// The components of the members who have joined so far along one order, each with what
/// its value needs: the best level per requirement (level games), the coalition's mask
/// (tables) or only its value (`additiveSynergy`). Allocated once per sampling run.
struct Components {
    /// Component of each member who has joined (a member index), else [`NONE`].
    comp: Vec<usize>,
    /// Members of each component.
    members: Vec<Vec<usize>>,
    /// v of each component.
    worth: Vec<f64>,
    /// Level games: each component's best level per requirement, `r` per component.
    best: Vec<f64>,
    /// Tables: each component's coalition.
    mask: Vec<u128>,
    /// The step of the order at which a component is being merged, else [`NONE`].
    merging: Vec<usize>,
    /// The components next to the member joining.
    ids: Vec<usize>,
}

impl Components {
    fn new(game: &Game, n: usize) -> Components {
        let r = match game {
            Game::Levels(g) => g.weights.len(),
            _ => 0,
        };
        let tables = if matches!(game, Game::Table(_)) { n } else { 0 };
        Components {
            comp: vec![NONE; n],
            members: vec![Vec::new(); n],
            worth: vec![0.0; n],
            best: vec![0.0; n.saturating_mul(r)],
            mask: vec![0; tables],
            merging: vec![NONE; n],
            ids: Vec::new(),
        }
    }

    /// Marginal values of `v_G` along `order`: joining member i merges its neighbours'
    /// components; its marginal is v(merged) − Σ v(old components). The smaller components
    /// move into the largest, so an order costs O((n + links) · R) and O(n log n) moves, where
    /// valuing each merged component afresh costs O(n²) on a star.
    // Arithmetic: i·r + t < n·r (the levels), big·r + r ≤ n·r (the rows allocated in `new`).
    #[allow(clippy::arithmetic_side_effects)]
    fn marginals(
        &mut self,
        game: &Game,
        adj: &[Vec<usize>],
        bonus: &[Vec<(usize, f64)>],
        order: &[usize],
        out: &mut [f64],
    ) {
        self.comp.fill(NONE);
        self.merging.fill(NONE);
        self.members.iter_mut().for_each(Vec::clear);
        for (step, &i) in order.iter().enumerate() {
            self.ids.clear();
            self.ids
                .extend(adj[i].iter().map(|&j| self.comp[j]).filter(|&k| k != NONE));
            self.ids.sort_unstable();
            self.ids.dedup();
            let old: f64 = self.ids.iter().map(|&k| self.worth[k]).sum();
            let big = self
                .ids
                .iter()
                .copied()
                .max_by_key(|&k| self.members[k].len())
                .unwrap_or(i);
            for &k in &self.ids {
                self.merging[k] = step;
            }
            let (value, marginal) = match game {
                Game::Levels(g) => {
                    let r = g.weights.len();
                    let row = big * r;
                    for t in 0..r {
                        let own = g.levels[i * r + t];
                        let mut b = own; // the loop below includes `big`
                        for &k in &self.ids {
                            b = b.max(self.best[k * r + t]);
                        }
                        self.best[row + t] = b;
                    }
                    let v = g.of_coverage(g.coverage(self.best[row..row + r].iter().copied()));
                    (v, v - old)
                }
                Game::Table(g) => {
                    let mut m = 1u128 << i; // the loop below includes `big`
                    for &k in &self.ids {
                        m |= self.mask[k];
                    }
                    self.mask[big] = m;
                    let v = g.of_mask(m);
                    (v, v - old)
                }
                Game::Synergy(g) => {
                    let gain = g.standalone[i] + self.new_pairs(i, big, bonus, step);
                    (old + gain, gain)
                }
            };
            out[i] = marginal;
            for t in 0..self.ids.len() {
                let k = self.ids[t];
                if k != big {
                    let moved = std::mem::take(&mut self.members[k]);
                    for &m in &moved {
                        self.comp[m] = big;
                    }
                    self.members[big].extend_from_slice(&moved);
                }
            }
            self.comp[i] = big;
            self.members[big].push(i);
            self.worth[big] = value;
        }
    }

    /// The bonuses of the pairs that i's joining at `step` brings inside one component:
    /// i with any member of the merging components, and members of two different merging
    /// components. Only i's pairs and those of the smaller components' members are read
    /// (the largest is never scanned), each pair counted once.
    fn new_pairs(&self, i: usize, big: usize, bonus: &[Vec<(usize, f64)>], step: usize) -> f64 {
        let merging = |b: usize| {
            let k = self.comp[b];
            (k != NONE && self.merging[k] == step).then_some(k)
        };
        let mut gain: f64 = bonus[i]
            .iter()
            .filter(|(b, _)| merging(*b).is_some())
            .map(|x| x.1)
            .sum();
        for &k in self.ids.iter().filter(|&&k| k != big) {
            for &a in &self.members[k] {
                for &(b, x) in &bonus[a] {
                    // i has no component yet: its pairs were counted above
                    match merging(b) {
                        Some(kb) if kb != k && (kb == big || a < b) => gain += x,
                        _ => {}
                    }
                }
            }
        }
        gain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::splits::game::{LevelGame, SynergyGame, TableGame, WinCurve};
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha12Rng;

    /// v_G of the members of `s`: each component (grown along `adj` inside `s`) valued afresh.
    fn restricted_value(game: &Game, adj: &[Vec<usize>], s: &[bool]) -> f64 {
        let mut seen = vec![false; s.len()];
        let mut total = 0.0;
        for start in 0..s.len() {
            if !s[start] || seen[start] {
                continue;
            }
            let (mut comp, mut stack) = (Vec::new(), vec![start]);
            seen[start] = true;
            while let Some(a) = stack.pop() {
                comp.push(a);
                for &b in &adj[a] {
                    if s[b] && !seen[b] {
                        seen[b] = true;
                        stack.push(b);
                    }
                }
            }
            comp.sort_unstable();
            total += game.value_of(&comp);
        }
        total
    }

    #[test]
    fn incremental_components_give_the_marginals_of_valuing_each_prefix_afresh() {
        let mut rng = ChaCha12Rng::seed_from_u64(3);
        for case in 0..60 {
            let n = rng.random_range(21..34);
            let r = rng.random_range(1..5);
            let game = match case % 3 {
                0 => Game::Levels(LevelGame {
                    value: 1000.0,
                    weights: (0..r).map(|_| rng.random_range(0.5..2.0)).collect(),
                    levels: (0..n * r).map(|_| rng.random_range(0.0..1.0)).collect(),
                    win: (case % 2 == 0).then(|| WinCurve::new(10.0, 0.6)),
                }),
                1 => Game::Table(TableGame {
                    singles: (0..n).map(|_| rng.random_range(0.0..5.0)).collect(),
                    listed: (0..40)
                        .map(|_| (rng.random::<u128>() & ((1u128 << n) - 1), rng.random_range(-5.0..20.0)))
                        .collect(),
                }),
                // bonuses on any pairs, most of them not links: pairs across components count
                _ => Game::Synergy(SynergyGame {
                    standalone: (0..n).map(|_| rng.random_range(0.0..5.0)).collect(),
                    pairs: (0..3 * n)
                        .map(|_| {
                            (
                                rng.random_range(0..n),
                                rng.random_range(0..n),
                                rng.random_range(-2.0..4.0),
                            )
                        })
                        .filter(|(a, b, _)| a != b)
                        .collect(),
                }),
            };
            let links = rng.random_range(0..2 * n);
            let edges: Vec<(usize, usize)> = (0..links)
                .map(|_| (rng.random_range(0..n), rng.random_range(0..n)))
                .filter(|(a, b)| a != b)
                .collect();
            let mut adj = vec![Vec::new(); n];
            for &(a, b) in &edges {
                adj[a].push(b);
                adj[b].push(a);
            }
            let bonus = match &game {
                Game::Synergy(g) => g.incident(),
                _ => Vec::new(),
            };
            let mut c = Components::new(&game, n);
            for _ in 0..3 {
                let mut order: Vec<usize> = (0..n).collect();
                shuffle(&mut rng, &mut order);
                let mut out = vec![0.0; n];
                c.marginals(&game, &adj, &bonus, &order, &mut out);
                let mut s = vec![false; n];
                let mut prev = 0.0;
                for &i in &order {
                    s[i] = true;
                    let v = restricted_value(&game, &adj, &s);
                    assert!(
                        (out[i] - (v - prev)).abs() < 1e-9,
                        "case {case}, member {i}: {} vs {}",
                        out[i],
                        v - prev
                    );
                    prev = v;
                }
            }
        }
    }
}
