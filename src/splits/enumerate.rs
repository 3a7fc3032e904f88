//! Enumerating a game: v(S) for all 2ⁿ coalitions (n ≤ 20), each valued once, laid
//! out by bitmask for the Shapley/Banzhaf sums and the core check (SPEC §5).
// Coalition masks of n ≤ MAX_ENUMERATED_PLAYERS (20) players: mask ≥ 1 where mask − 1 is
// taken, and i·r + k < n·r indexes the levels allocated. Hot loop of the enumeration.
// Indexing: 2ⁿ tables by masks < 2ⁿ, i·r + k < n·r into the levels allocated.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::game::{Game, LevelGame};
use crate::error::{DealteamError, Result};
use crate::model::MAX_ENUMERATED_PLAYERS;
use std::borrow::Cow;

impl Game {
    /// The game's 2ⁿ value table: `given` when the caller has computed it already (one
    /// table shared by several rules and the fairness check), else [`Game::table`].
    pub fn table_or<'a>(&self, given: Option<&'a [f64]>) -> Result<Cow<'a, [f64]>> {
        match given {
            Some(t) => Ok(Cow::Borrowed(t)),
            None => Ok(Cow::Owned(self.table()?)),
        }
    }

    /// v(S) for every bitmask S of n ≤ 20 players (index = mask).
    pub fn table(&self) -> Result<Vec<f64>> {
        let n = self.players();
        if n > MAX_ENUMERATED_PLAYERS {
            return Err(DealteamError::too_large(
                "members",
                "players for enumeration",
                MAX_ENUMERATED_PLAYERS,
                n,
            ));
        }
        let size = 1usize << n;
        let mut v = vec![0.0; size];
        match self {
            Game::Levels(g) => levels_table(g, n, &mut v),
            Game::Table(g) => {
                for mask in 1..size {
                    let low = mask.trailing_zeros() as usize;
                    v[mask] = v[mask & (mask - 1)] + g.singles[low];
                }
                for (&m, &x) in &g.listed {
                    v[m as usize] = x;
                }
            }
            Game::Synergy(g) => {
                let adj = g.incident();
                for mask in 1..size {
                    let low = mask.trailing_zeros() as usize;
                    let rest = mask & (mask - 1);
                    let bonus: f64 = adj[low].iter().filter(|(j, _)| rest >> j & 1 == 1).map(|x| x.1).sum();
                    v[mask] = v[rest] + g.standalone[low] + bonus;
                }
            }
        }
        Ok(v)
    }
}

/// Block size (as a power of two) of the cache-blocked enumeration.
const BLOCK_BITS: usize = 12;

/// v(S) of a level game for every mask, block by block: in each block of 2^12 masks
/// the high members are fixed, so each requirement's best level starts from their
/// maximum and the low members are added by doubling (the masks with bit i are those
/// without it plus member i), all within the L1 cache.
///
/// This is [`crate::coverage::weighted_coverage`] for 2ⁿ coalitions at once, in the
/// same floating-point order (the products `w_r · best_r` added in requirement order
/// from 0, then one division by `Σ w_r` added in the same order), so every v(S) has the
/// bits of [`Game::value_of`]; a unit test checks that.
fn levels_table(g: &LevelGame, n: usize, v: &mut [f64]) {
    let r = g.weights.len();
    let den = g.weights.iter().fold(0.0, |a, w| a + w);
    let bits = n.min(BLOCK_BITS);
    let mut buf = vec![0.0; 1 << bits];
    for (b, block) in v.chunks_mut(1 << bits).enumerate() {
        block.iter_mut().for_each(|x| *x = 0.0);
        for k in 0..r {
            let mut high = 0.0f64;
            let mut hb = b;
            let mut i = bits;
            while hb != 0 {
                if hb & 1 == 1 {
                    high = high.max(g.levels[i * r + k]);
                }
                hb >>= 1;
                i += 1;
            }
            buf[0] = high;
            for i in 0..bits {
                let l = g.levels[i * r + k];
                let (lo, hi) = buf.split_at_mut(1 << i);
                for (h, &x) in hi.iter_mut().zip(lo.iter()) {
                    *h = if l > x { l } else { x };
                }
            }
            let w = g.weights[k];
            for (x, &y) in block.iter_mut().zip(&buf) {
                *x += w * y;
            }
        }
        for (j, x) in block.iter_mut().enumerate() {
            let cov = if den > 0.0 { *x / den } else { 1.0 };
            *x = if b == 0 && j == 0 { 0.0 } else { g.of_coverage(cov) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocked enumeration gives the bits of `value_of` (one coverage formula).
    #[test]
    fn enumeration_equals_value_of_bit_for_bit() {
        let (n, r) = (13, 3);
        let levels: Vec<f64> = (0..n * r).map(|i| ((i * 7919) % 101) as f64 / 100.0).collect();
        for win in [None, Some(super::super::game::WinCurve::new(10.0, 0.6))] {
            let g = Game::Levels(LevelGame {
                value: 1234.5,
                weights: vec![0.3, 1.7, 2.9],
                levels: levels.clone(),
                win,
            });
            let table = g.table().unwrap();
            for mask in [0usize, 1, 5, 4096, 4097, 8191, 6000, 123] {
                let s: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
                assert_eq!(table[mask].to_bits(), g.value_of(&s).to_bits(), "mask {mask}");
            }
        }
    }
}
