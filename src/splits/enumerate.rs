//! Enumerating a game: v(S) for all 2ⁿ coalitions (n ≤ 20), each valued once, laid
//! out by bitmask for the Shapley/Banzhaf sums and the core check (SPEC §5).

use super::game::{Game, LevelGame};
use crate::error::{DealteamError, Result};
use crate::model::MAX_ENUMERATED_PLAYERS;

impl Game {
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
                let mut adj = vec![Vec::new(); n];
                for &(a, b, x) in &g.pairs {
                    adj[a].push((b, x));
                    adj[b].push((a, x));
                }
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
fn levels_table(g: &LevelGame, n: usize, v: &mut [f64]) {
    let r = g.weights.len();
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
            *x = if b == 0 && j == 0 { 0.0 } else { g.of_coverage(*x) };
        }
    }
}
