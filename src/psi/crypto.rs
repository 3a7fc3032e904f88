//! The primitives of the private intersection: hashing an account key to Ristretto255,
//! the secrets (from the system's randomness, or from a seed in tests), the tags and
//! population pads derived from a singly-blinded point, and the message binding.
// Scalar and Ristretto operators are modular group arithmetic: they cannot overflow or panic.
#![allow(clippy::arithmetic_side_effects)]

use crate::error::{DealteamError, Result};
use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::scalar::Scalar;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha512, Sha512_256};

/// The protocol's name, first in every message and in every hash's domain separation.
pub const PROTOCOL: &str = "dealteam-psi/1";
/// Bytes of a tag (an account as B's blinded point, hashed).
pub const TAG_LEN: usize = 16;
/// Bytes of an encrypted population label.
pub const LABEL_LEN: usize = 32;
/// Bytes of a compressed point.
pub const POINT_LEN: usize = 32;

fn sha512(parts: &[&[u8]]) -> [u8; 64] {
    let mut h = Sha512::new();
    for p in parts {
        // length-prefixed, so no two part lists hash the same bytes
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let mut out = [0u8; 64];
    out.copy_from_slice(&h.finalize());
    out
}

/// An account key on the group: SHA-512 with a domain-separation tag, mapped by
/// Ristretto255's two-Elligator map (`from_uniform_bytes`, RFC 9496 §4.3.4).
pub fn hash_to_group(key: &str) -> RistrettoPoint {
    RistrettoPoint::from_uniform_bytes(&sha512(&[PROTOCOL.as_bytes(), b"hash-to-group", key.as_bytes()]))
}

/// A side's secret: 32 bytes from which its blinding scalar, its binding key and (for B)
/// its shuffle are derived.
#[derive(Clone)]
pub struct Secret(pub [u8; 32]);

impl Secret {
    /// From the system's cryptographic randomness (the OS natively, `crypto.getRandomValues`
    /// in the browser and Node).
    pub fn random() -> Result<Secret> {
        let mut b = [0u8; 32];
        getrandom::getrandom(&mut b).map_err(|e| {
            DealteamError::invalid(
                "seed",
                format!("no cryptographic randomness available ({e}); run where the system provides it"),
            )
        })?;
        Ok(Secret(b))
    }
    /// From a seed text (tests and reproducible demos only: whoever knows the seed knows
    /// the secret).
    pub fn from_seed(seed: &str) -> Secret {
        let mut b = [0u8; 32];
        b.copy_from_slice(&sha512(&[PROTOCOL.as_bytes(), b"seed", seed.as_bytes()])[..32]);
        Secret(b)
    }
    fn scalar(&self, label: &[u8]) -> Scalar {
        Scalar::from_bytes_mod_order_wide(&sha512(&[PROTOCOL.as_bytes(), label, &self.0]))
    }
    /// The blinding scalar (never zero: a zero would map every account to one point).
    pub fn blinding(&self) -> Result<Scalar> {
        let s = self.scalar(b"blind");
        if s == Scalar::ZERO {
            return Err(DealteamError::invalid(
                "seed",
                "this seed gives an unusable secret; choose another",
            ));
        }
        Ok(s)
    }
    /// The scalar of the binding key exchange.
    pub fn binding(&self) -> Scalar {
        self.scalar(b"bind")
    }
    /// This side's public binding key: the base point times the binding scalar, once per
    /// exchange (without curve25519-dalek's precomputed table of the base point: the same
    /// bytes, and 28 KB less of the wasm module gzip).
    pub fn public_key(&self) -> CompressedRistretto {
        (RISTRETTO_BASEPOINT_POINT * self.binding()).compress()
    }
    /// 16 bytes for an exchange id.
    pub fn nonce(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b.copy_from_slice(&sha512(&[PROTOCOL.as_bytes(), b"exchange", &self.0])[..16]);
        b
    }
    /// 32 bytes seeding B's shuffles.
    pub fn shuffle_seed(&self) -> [u8; 32] {
        let mut b = [0u8; 32];
        b.copy_from_slice(&sha512(&[PROTOCOL.as_bytes(), b"shuffle", &self.0])[..32]);
        b
    }
}

/// `s · P` for every point, compressed: computed as `2 · ((s/2) · P)` with
/// `double_and_compress_batch`, which shares one field inversion among all points instead of
/// one per point (the same bytes as `(s * p).compress()`).
pub fn mul_compress_batch(s: &Scalar, points: impl IntoIterator<Item = RistrettoPoint>) -> Vec<CompressedRistretto> {
    let half = s * Scalar::from(2u8).invert();
    let halved: Vec<RistrettoPoint> = points.into_iter().map(|p| half * p).collect();
    RistrettoPoint::double_and_compress_batch(&halved)
}

/// The tag and the population pad of an account from its point blinded by B alone.
pub fn tag_and_pad(p: &CompressedRistretto) -> ([u8; TAG_LEN], [u8; LABEL_LEN]) {
    let h = sha512(&[PROTOCOL.as_bytes(), b"tag", p.as_bytes()]);
    let (mut tag, mut pad) = ([0u8; TAG_LEN], [0u8; LABEL_LEN]);
    tag.copy_from_slice(&h[..TAG_LEN]);
    pad.copy_from_slice(&h[TAG_LEN..TAG_LEN + LABEL_LEN]);
    (tag, pad)
}

/// The key binding steps 2 and 3: from the Diffie–Hellman point of the two public keys and
/// the exchange id.
pub fn binding_key(mine: &Secret, their_public: &CompressedRistretto, exchange_id: &[u8]) -> Result<[u8; 32]> {
    let theirs = their_public.decompress().ok_or_else(|| {
        DealteamError::invalid(
            "message.body.publicKey",
            "not a valid public key; ask for the message again",
        )
    })?;
    let shared = (mine.binding() * theirs).compress();
    let mut k = [0u8; 32];
    k.copy_from_slice(&sha512(&[PROTOCOL.as_bytes(), b"binding", exchange_id, shared.as_bytes()])[..32]);
    Ok(k)
}

/// The binding of a message: HMAC-SHA-512/256 under `key`, or SHA-512/256 without one (step 1).
pub fn bind(key: Option<&[u8; 32]>, content: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    match key {
        Some(k) => {
            // HMAC accepts keys of any length, so `new_from_slice` cannot fail here
            if let Ok(mut m) = Hmac::<Sha512_256>::new_from_slice(k) {
                m.update(content);
                out.copy_from_slice(&m.finalize().into_bytes());
            }
        }
        None => out.copy_from_slice(&Sha512_256::digest(content)),
    }
    out
}

/// Constant-time comparison of two bindings.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
