//! Deal registration and account overlap (SPEC §8): guarding partners' registered
//! deals against channel conflict, and the account-mapping view of who shares which
//! customers — optionally on salted SHA-256 hashes so raw account lists stay private.

mod dates;
mod overlap;
mod register;
pub mod types;

pub use dates::Day;
pub use overlap::{hash_account, overlap, OverlapCommand};
pub use register::{register, RegisterCommand};
