//! Player values of a game (SPEC §5): Shapley by closed forms (`coverage`,
//! `additiveSynergy`), by enumerating each of the 2ⁿ coalitions once (n ≤ 20), or by
//! antithetic permutation sampling with a seed and a standard error per player;
//! normalised Banzhaf; marginal contributions.
// Coalition sizes, positions and table offsets of n ≤ MAX_ENUMERATED_PLAYERS (20) players
// (2ⁿ tables; sampling's n ≤ MAX_SAMPLED_PLAYERS 10⁴), and i·r + k < n·r into the levels
// allocated; count ≥ 1 and pos ≤ n where subtracted. Hot loops of the values.
// Indexing: 2ⁿ tables by masks, i·r + k < n·r into the levels, orders of length n.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::game::{Game, LevelGame};
use super::sampling::{antithetic, shuffle};
use crate::error::{DealteamError, Result};
use crate::model::{MAX_ENUMERATED_PLAYERS, MAX_SAMPLED_PLAYERS};

/// Default permutations for sampled Shapley values (1,000 antithetic pairs).
pub const DEFAULT_SAMPLES: u32 = 2_000;
/// Most permutations a request may ask for.
pub const MAX_SAMPLES: u32 = 1_000_000;
pub use crate::model::MAX_SAMPLED_STEPS;

/// Values per player, with how they were found.
#[derive(Clone, Debug, PartialEq)]
pub struct Values {
    /// One value per player.
    pub values: Vec<f64>,
    /// Standard errors (sampling only).
    pub std_errs: Option<Vec<f64>>,
    /// `closedForm`, `enumeration`, `sampling` or `marginal`.
    pub method: &'static str,
    /// Permutations drawn (sampling only).
    pub samples: Option<u32>,
}

impl Values {
    /// Exact values found by `method`.
    pub fn exact(values: Vec<f64>, method: &'static str) -> Values {
        Values {
            values,
            std_errs: None,
            method,
            samples: None,
        }
    }
}

fn check_players(n: usize) -> Result<()> {
    if n > MAX_SAMPLED_PLAYERS {
        return Err(DealteamError::too_large(
            "members",
            "players of a game",
            MAX_SAMPLED_PLAYERS,
            n,
        ));
    }
    Ok(())
}

/// The Shapley value: closed form where the game has one, else enumeration for
/// n ≤ 20, else sampling with `samples` permutations and `seed`.
/// `table`, when given, is the game's 2ⁿ value table (computed once by the caller).
pub fn shapley(game: &Game, table: Option<&[f64]>, samples: Option<u32>, seed: u64) -> Result<Values> {
    let n = game.players();
    check_players(n)?;
    match game {
        Game::Levels(g) if g.win.is_none() => Ok(Values::exact(shapley_coverage(g), "closedForm")),
        Game::Synergy(g) => Ok(Values::exact(
            synergy_closed_form(&g.standalone, &g.pairs),
            "closedForm",
        )),
        _ if n <= MAX_ENUMERATED_PLAYERS => {
            Ok(Values::exact(shapley_from_table(&game.table_or(table)?), "enumeration"))
        }
        _ => shapley_sampled(game, samples.unwrap_or(DEFAULT_SAMPLES), seed),
    }
}

/// Shapley of the `coverage` game in closed form (SPEC §5): per requirement a "max"
/// game; sort its levels; each level step is shared equally by the members at or
/// above it. O(R·n log n).
pub fn shapley_coverage(g: &LevelGame) -> Vec<f64> {
    max_games(g, |count| 1.0 / count as f64)
}

/// Banzhaf of the `coverage` game in closed form: a level step reached by `c` members
/// is gained by one of them exactly when none of the other c − 1 is present, which
/// happens in 2^−(c−1) of the coalitions.
pub fn banzhaf_coverage(g: &LevelGame) -> Vec<f64> {
    max_games(g, |count| libm::pow(0.5, (count - 1) as f64))
}

/// Σ_r ŵ_r · Σ_{steps at or below i's level} step × share(count at or above), with the
/// weights normalised (`ŵ_r = w_r / Σ w`) so that the values add up to `value × cov(N)`.
fn max_games(g: &LevelGame, share: impl Fn(usize) -> f64) -> Vec<f64> {
    let r = g.weights.len();
    let n = g.levels.len().checked_div(r).unwrap_or(0);
    let mut out = vec![0.0; n];
    let mut order: Vec<usize> = (0..n).collect();
    let total: f64 = g.weights.iter().sum();
    for k in 0..r {
        let lv = |i: usize| g.levels[i * r + k];
        let weight = g.weights[k] / total;
        crate::sort::sort_by(&mut order, |&a, &b| lv(a).total_cmp(&lv(b)));
        let mut acc = 0.0;
        let mut prev = 0.0;
        for (pos, &i) in order.iter().enumerate() {
            let l = lv(i);
            acc += (l - prev) * share(n - pos);
            prev = l;
            out[i] += weight * acc;
        }
    }
    out.iter().map(|x| x * g.value).collect()
}

/// `additiveSynergy` in closed form (SPEC §5): `standalone_i + ½ Σ_j bonus_ij`
/// (both the Shapley and the Banzhaf value).
pub fn synergy_closed_form(standalone: &[f64], pairs: &[(usize, usize, f64)]) -> Vec<f64> {
    let mut out = standalone.to_vec();
    for &(a, b, x) in pairs {
        out[a] += x / 2.0;
        out[b] += x / 2.0;
    }
    out
}

/// Block size (as a power of two) of the cache-blocked sums.
const BLOCK_BITS: usize = 12;

/// For each player i, Σ over coalitions S ∋ i of `f(S, v[S])` (v of length 2ⁿ), in
/// one pass over blocks of 2^12 masks: a low bit's coalitions are the upper halves
/// of sub-blocks, a high bit's are whole blocks (whose sum is added once).
fn sums_containing(v: &[f64], n: usize, f: impl Fn(usize, f64) -> f64) -> Vec<f64> {
    let bits = n.min(BLOCK_BITS);
    let low = bits.min(4);
    let mut out = vec![0.0; n];
    let mut buf = vec![0.0; 1 << bits];
    for (b, block) in v.chunks(1 << bits).enumerate() {
        let base = b << bits;
        for (j, (y, &x)) in buf.iter_mut().zip(block).enumerate() {
            *y = f(base + j, x);
        }
        // the lowest bits in one pass (their sub-blocks are too short to sum one by one)
        for chunk in buf.chunks(1 << low) {
            for (j, &x) in chunk.iter().enumerate() {
                for (i, o) in out.iter_mut().enumerate().take(low) {
                    *o += x * ((j >> i) & 1) as f64;
                }
            }
        }
        for (i, o) in out.iter_mut().enumerate().take(bits).skip(low) {
            let step = 1usize << i;
            *o += buf
                .chunks(2 * step)
                .map(|c| c.get(step..).map_or(0.0, |hi| hi.iter().sum::<f64>()))
                .sum::<f64>();
        }
        if b != 0 {
            let total: f64 = buf.iter().sum();
            let (mut hb, mut i) = (b, bits);
            while hb != 0 {
                if hb & 1 == 1 {
                    out[i] += total;
                }
                hb >>= 1;
                i += 1;
            }
        }
    }
    out
}

/// Shapley from the value table: `φ_i = Σ_{S∌i} |S|!(n−|S|−1)!/n! (v(S∪i) − v(S))`,
/// computed as `Σ_{S∋i} (w(|S|−1) + w(|S|)) v(S) − Σ_S w(|S|) v(S)` with
/// `w(s) = s!(n−s−1)!/n!` (w(n) = 0).
pub fn shapley_from_table(v: &[f64]) -> Vec<f64> {
    let n = v.len().trailing_zeros() as usize;
    // w(s) = 1 / (n · C(n−1, s))
    let mut w = vec![0.0; n + 1];
    let mut binom = 1.0;
    for (s, ws) in w.iter_mut().enumerate().take(n) {
        *ws = 1.0 / (n as f64 * binom);
        binom = binom * (n - 1 - s) as f64 / (s + 1) as f64;
    }
    // coefficient of v(S) for i ∈ S: w(|S|−1) + w(|S|)
    let both: Vec<f64> = (0..=n).map(|s| if s > 0 { w[s - 1] + w[s] } else { w[0] }).collect();
    let c: f64 = v
        .iter()
        .enumerate()
        .map(|(mask, &x)| w[mask.count_ones() as usize] * x)
        .sum();
    sums_containing(v, n, |mask, x| both[mask.count_ones() as usize] * x)
        .into_iter()
        .map(|x| x - c)
        .collect()
}

/// Raw Banzhaf from the value table: `β_i = (2 Σ_{S∋i} v(S) − Σ_S v(S)) / 2^(n−1)`.
pub fn banzhaf_from_table(v: &[f64]) -> Vec<f64> {
    let n = v.len().trailing_zeros() as usize;
    let total: f64 = v.iter().sum();
    let scale = libm::pow(0.5, n.saturating_sub(1) as f64);
    sums_containing(v, n, |_, x| x)
        .into_iter()
        .map(|x| (2.0 * x - total) * scale)
        .collect()
}

/// Normalised Banzhaf: raw Banzhaf values scaled to add up to v(N); `table` as for [`shapley`].
pub fn banzhaf(game: &Game, table: Option<&[f64]>) -> Result<Values> {
    let n = game.players();
    check_players(n)?;
    let (raw, method) = match game {
        Game::Levels(g) if g.win.is_none() => (banzhaf_coverage(g), "closedForm"),
        Game::Synergy(g) => (synergy_closed_form(&g.standalone, &g.pairs), "closedForm"),
        _ if n <= MAX_ENUMERATED_PLAYERS => (banzhaf_from_table(&game.table_or(table)?), "enumeration"),
        _ => {
            return Err(DealteamError::too_large(
                "members",
                "players for the Banzhaf value of this game (use shapley, which samples)",
                MAX_ENUMERATED_PLAYERS,
                n,
            ))
        }
    };
    let (grand, _) = game.grand_and_singles();
    Ok(Values::exact(normalise(&raw, grand), method))
}

/// Marginal contributions `v(N) − v(N∖{i})`, normalised to add up to v(N) (SPEC §5
/// `contribution`).
pub fn contribution(game: &Game) -> Result<Values> {
    check_players(game.players())?;
    let (grand, _) = game.grand_and_singles();
    let raw: Vec<f64> = game.without_each().iter().map(|w| grand - w).collect();
    Ok(Values::exact(normalise(&raw, grand), "marginal"))
}

fn normalise(raw: &[f64], grand: f64) -> Vec<f64> {
    let sum: f64 = raw.iter().sum();
    if sum == 0.0 || !sum.is_finite() {
        return raw.to_vec();
    }
    raw.iter().map(|x| x / sum * grand).collect()
}

/// Shapley by antithetic permutation sampling ([`antithetic`]: each random order and its
/// reverse form a pair, a standard error per player).
pub fn shapley_sampled(game: &Game, samples: u32, seed: u64) -> Result<Values> {
    antithetic(
        game.players(),
        game.order_work(0),
        samples,
        seed,
        |rng, order| shuffle(rng, order),
        |order, out| marginals(game, order.iter().copied(), out),
    )
}

/// Marginal value of each player when the players join in `order`.
pub(crate) fn marginals(game: &Game, order: impl Iterator<Item = usize>, out: &mut [f64]) {
    match game {
        Game::Levels(g) => {
            let r = g.weights.len();
            let mut best = vec![0.0f64; r];
            let mut prev = 0.0;
            for i in order {
                for (k, b) in best.iter_mut().enumerate() {
                    *b = b.max(g.levels[i * r + k]);
                }
                let v = g.of_coverage(g.coverage(best.iter().copied()));
                out[i] = v - prev;
                prev = v;
            }
        }
        Game::Table(g) => {
            let (mut mask, mut prev) = (0u128, 0.0);
            for i in order {
                mask |= 1u128 << i;
                let v = g.of_mask(mask);
                out[i] = v - prev;
                prev = v;
            }
        }
        Game::Synergy(g) => {
            let adj = g.incident();
            let mut inside = vec![false; g.standalone.len()];
            for i in order {
                out[i] = g.standalone[i] + adj[i].iter().filter(|(j, _)| inside[*j]).map(|x| x.1).sum::<f64>();
                inside[i] = true;
            }
        }
    }
}
