//! The simulation's random stream: ChaCha with 12 rounds, the same numbers as
//! `rand_chacha::ChaCha12Rng` (same seeding, block counter, stream and buffering), computed
//! on plain `u32` words.
//!
//! Why not `rand_chacha` itself: on wasm32 it runs ppv-lite86's portable backend, which
//! emulates 128-bit lanes with pairs of `u64` shifts; there the block function was ≈ 45 % of
//! a `simulate` call (docs/PERFORMANCE.md, issue 10). On plain words every rotation is one
//! `i32.rotl`. Natively the crate's SIMD backend stays in use everywhere else; the unit tests
//! below check this generator against it word for word.
// Indexing: the 16-word ChaCha state by the fixed quarter-round positions (< 16), and
// 4-byte chunks of `chunks_exact(4)`.
#![allow(clippy::indexing_slicing)]

use rand::rand_core::block::{BlockRng, BlockRngCore};
use rand::{RngCore, SeedableRng};

/// Words of one ChaCha block.
const BLOCK_WORDS: usize = 16;
/// Blocks generated at a time (as `rand_chacha` does, so the buffering is identical).
const BUF_BLOCKS: usize = 4;
/// "expand 32-byte k".
const SIGMA: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];

/// Four blocks of output (a newtype: `Default` is not derived for arrays this long).
#[derive(Clone)]
pub struct Buffer([u32; BLOCK_WORDS * BUF_BLOCKS]);

impl Default for Buffer {
    fn default() -> Self {
        Buffer([0; BLOCK_WORDS * BUF_BLOCKS])
    }
}
impl AsRef<[u32]> for Buffer {
    fn as_ref(&self) -> &[u32] {
        &self.0
    }
}
impl AsMut<[u32]> for Buffer {
    fn as_mut(&mut self) -> &mut [u32] {
        &mut self.0
    }
}

/// The ChaCha12 block function's state: key, 64-bit block counter, 64-bit stream (nonce).
#[derive(Clone)]
pub struct Core {
    key: [u32; 8],
    block: u64,
    stream: u64,
}

#[inline(always)]
fn quarter(x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(16);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(12);
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(8);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(7);
}

impl Core {
    /// One block at counter `block` into `out`.
    fn block_into(&self, block: u64, out: &mut [u32]) {
        let mut input = [0u32; 16];
        input[..4].copy_from_slice(&SIGMA);
        input[4..12].copy_from_slice(&self.key);
        input[12] = block as u32;
        input[13] = (block >> 32) as u32;
        input[14] = self.stream as u32;
        input[15] = (self.stream >> 32) as u32;
        let mut x = input;
        for _ in 0..6 {
            quarter(&mut x, 0, 4, 8, 12);
            quarter(&mut x, 1, 5, 9, 13);
            quarter(&mut x, 2, 6, 10, 14);
            quarter(&mut x, 3, 7, 11, 15);
            quarter(&mut x, 0, 5, 10, 15);
            quarter(&mut x, 1, 6, 11, 12);
            quarter(&mut x, 2, 7, 8, 13);
            quarter(&mut x, 3, 4, 9, 14);
        }
        for (o, (a, b)) in out.iter_mut().zip(x.iter().zip(&input)) {
            *o = a.wrapping_add(*b);
        }
    }
}

impl BlockRngCore for Core {
    type Item = u32;
    type Results = Buffer;

    fn generate(&mut self, results: &mut Buffer) {
        for (i, out) in results.0.chunks_exact_mut(BLOCK_WORDS).enumerate() {
            self.block_into(self.block.wrapping_add(i as u64), out);
        }
        self.block = self.block.wrapping_add(BUF_BLOCKS as u64);
    }
}

/// ChaCha12 generating exactly `rand_chacha::ChaCha12Rng`'s numbers.
#[derive(Clone)]
pub struct ChaCha12Rng {
    rng: BlockRng<Core>,
}

impl SeedableRng for ChaCha12Rng {
    type Seed = [u8; 32];

    fn from_seed(seed: [u8; 32]) -> Self {
        let mut key = [0u32; 8];
        for (k, bytes) in key.iter_mut().zip(seed.chunks_exact(4)) {
            *k = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        ChaCha12Rng {
            rng: BlockRng::new(Core {
                key,
                block: 0,
                stream: 0,
            }),
        }
    }
}

impl RngCore for ChaCha12Rng {
    #[inline]
    fn next_u32(&mut self) -> u32 {
        self.rng.next_u32()
    }
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }
    #[inline]
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.rng.fill_bytes(dest)
    }
}

impl ChaCha12Rng {
    /// Switch to stream `stream`, keeping the position within it (as `rand_chacha` does:
    /// words already buffered are generated again for the new stream).
    pub fn set_stream(&mut self, stream: u64) {
        self.rng.core.stream = stream;
        let index = self.rng.index();
        if index != BLOCK_WORDS * BUF_BLOCKS {
            // the buffer started BUF_BLOCKS blocks before the counter
            let start = self.rng.core.block.wrapping_sub(BUF_BLOCKS as u64);
            self.rng.core.block = start.wrapping_add((index / BLOCK_WORDS) as u64);
            self.rng.generate_and_set(index % BLOCK_WORDS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws a mix of 32-bit, 64-bit and byte outputs from both generators and compares them.
    fn same_draws(ours: &mut ChaCha12Rng, theirs: &mut rand_chacha::ChaCha12Rng, rounds: usize) {
        for i in 0..rounds {
            match i % 5 {
                0 | 3 => assert_eq!(ours.next_u32(), theirs.next_u32(), "next_u32 at draw {i}"),
                1 | 4 => assert_eq!(ours.next_u64(), theirs.next_u64(), "next_u64 at draw {i}"),
                _ => {
                    let (mut a, mut b) = ([0u8; 37], [0u8; 37]);
                    ours.fill_bytes(&mut a[..i % 37]);
                    theirs.fill_bytes(&mut b[..i % 37]);
                    assert_eq!(a, b, "fill_bytes at draw {i}");
                }
            }
        }
    }

    #[test]
    fn the_same_numbers_as_rand_chacha() {
        for seed in [0u64, 1, 42, 2026, u64::MAX] {
            let mut ours = ChaCha12Rng::seed_from_u64(seed);
            let mut theirs = rand_chacha::ChaCha12Rng::seed_from_u64(seed);
            same_draws(&mut ours, &mut theirs, 1000);
        }
    }

    #[test]
    fn streams_as_rand_chacha_fresh_and_mid_buffer() {
        for stream in [0u64, 1, 7, 19_999, 1 << 40, u64::MAX] {
            let mut ours = ChaCha12Rng::seed_from_u64(3);
            let mut theirs = rand_chacha::ChaCha12Rng::seed_from_u64(3);
            ours.set_stream(stream);
            theirs.set_stream(stream);
            same_draws(&mut ours, &mut theirs, 300);
            // switching again in the middle of a buffer keeps the position
            ours.set_stream(stream ^ 5);
            theirs.set_stream(stream ^ 5);
            same_draws(&mut ours, &mut theirs, 300);
        }
    }

    /// RFC 7539's layout with 12 rounds: the published ChaCha12 keystream for the all-zero
    /// key and nonce (block 0 begins 9b f4 9a 6a …), independent of either implementation.
    #[test]
    fn known_answer_zero_key() {
        let mut ours = ChaCha12Rng::from_seed([0; 32]);
        let mut bytes = [0u8; 8];
        ours.fill_bytes(&mut bytes);
        assert_eq!(bytes, [0x9b, 0xf4, 0x9a, 0x6a, 0x07, 0x55, 0xf9, 0x53]);
    }
}
