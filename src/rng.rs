//! The simulation's random stream: ChaCha with 12 rounds, the same numbers as
//! `rand_chacha::ChaCha12Rng` (same seeding, block counter, stream and buffering), computed
//! on plain `u32` words.
//!
//! Why not `rand_chacha` itself: on wasm32 it runs ppv-lite86's portable backend, which
//! emulates 128-bit lanes with pairs of `u64` shifts; there the block function was ≈ 45 % of
//! a `simulate` call (docs/PERFORMANCE.md, issue 10). On plain words every rotation is one
//! `i32.rotl`; the four blocks of a buffer are computed side by side, one lane each, so with
//! SIMD128 (the package's build, `.cargo/config.toml`) one `v128` instruction advances all
//! four. Natively the crate's SIMD backend stays in use everywhere else; the unit tests below
//! check this generator against it word for word (and `tests/wasm_*` the simulation's fixtures).
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

/// Four 32-bit lanes, one per block of a buffer: the same word of four blocks side by side, so
/// one operation advances all four (on wasm32 with SIMD128 one `v128` instruction, natively the
/// compiler's SSE2; the lanes never mix).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{
        i8x16_shuffle, u32x4, u32x4_add, u32x4_extract_lane, u32x4_shl, u32x4_shr, u32x4_splat, v128, v128_or, v128_xor,
    };

    #[derive(Clone, Copy)]
    pub struct Lanes(v128);

    impl Lanes {
        #[inline(always)]
        pub fn splat(x: u32) -> Self {
            Lanes(u32x4_splat(x))
        }
        #[inline(always)]
        pub fn new(x: [u32; 4]) -> Self {
            Lanes(u32x4(x[0], x[1], x[2], x[3]))
        }
        #[inline(always)]
        pub fn add(self, o: Self) -> Self {
            Lanes(u32x4_add(self.0, o.0))
        }
        #[inline(always)]
        pub fn xor(self, o: Self) -> Self {
            Lanes(v128_xor(self.0, o.0))
        }
        /// Rotation left by 16 or 8 is a byte shuffle; by 12 or 7 two shifts and an or.
        #[inline(always)]
        pub fn rotl<const N: u32>(self) -> Self {
            let v = self.0;
            Lanes(match N {
                16 => i8x16_shuffle::<2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13>(v, v),
                8 => i8x16_shuffle::<3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14>(v, v),
                _ => v128_or(u32x4_shl(v, N), u32x4_shr(v, 32u32.wrapping_sub(N))),
            })
        }
        #[inline(always)]
        pub fn to_array(self) -> [u32; 4] {
            let v = self.0;
            [
                u32x4_extract_lane::<0>(v),
                u32x4_extract_lane::<1>(v),
                u32x4_extract_lane::<2>(v),
                u32x4_extract_lane::<3>(v),
            ]
        }
    }
}

/// Four 32-bit lanes, one per block of a buffer (portable form of the SIMD128 one).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    #[derive(Clone, Copy)]
    pub struct Lanes([u32; 4]);

    impl Lanes {
        #[inline(always)]
        pub fn splat(x: u32) -> Self {
            Lanes([x; 4])
        }
        #[inline(always)]
        pub fn new(x: [u32; 4]) -> Self {
            Lanes(x)
        }
        #[inline(always)]
        pub fn add(self, o: Self) -> Self {
            Lanes(core::array::from_fn(|i| self.0[i].wrapping_add(o.0[i])))
        }
        #[inline(always)]
        pub fn xor(self, o: Self) -> Self {
            Lanes(core::array::from_fn(|i| self.0[i] ^ o.0[i]))
        }
        #[inline(always)]
        pub fn rotl<const N: u32>(self) -> Self {
            Lanes(self.0.map(|x| x.rotate_left(N)))
        }
        #[inline(always)]
        pub fn to_array(self) -> [u32; 4] {
            self.0
        }
    }
}

use lanes::Lanes;

#[inline(always)]
fn quarter(x: &mut [Lanes; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].add(x[b]);
    x[d] = x[d].xor(x[a]).rotl::<16>();
    x[c] = x[c].add(x[d]);
    x[b] = x[b].xor(x[c]).rotl::<12>();
    x[a] = x[a].add(x[b]);
    x[d] = x[d].xor(x[a]).rotl::<8>();
    x[c] = x[c].add(x[d]);
    x[b] = x[b].xor(x[c]).rotl::<7>();
}

impl BlockRngCore for Core {
    type Item = u32;
    type Results = Buffer;

    /// Blocks `block` … `block + 3` into the buffer, computed side by side: lane `i` of every
    /// word is block `block + i`.
    fn generate(&mut self, results: &mut Buffer) {
        let counters: [u64; BUF_BLOCKS] = core::array::from_fn(|i| self.block.wrapping_add(i as u64));
        let mut input = [Lanes::splat(0); 16];
        for (w, s) in input.iter_mut().zip(SIGMA.iter().chain(&self.key)) {
            *w = Lanes::splat(*s);
        }
        input[12] = Lanes::new(counters.map(|c| c as u32));
        input[13] = Lanes::new(counters.map(|c| (c >> 32) as u32));
        input[14] = Lanes::splat(self.stream as u32);
        input[15] = Lanes::splat((self.stream >> 32) as u32);
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
        let words: [[u32; 4]; 16] = core::array::from_fn(|w| x[w].add(input[w]).to_array());
        for (i, block) in results.0.chunks_exact_mut(BLOCK_WORDS).enumerate() {
            for (o, word) in block.iter_mut().zip(&words) {
                *o = word[i];
            }
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
