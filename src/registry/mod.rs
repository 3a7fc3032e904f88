//! Deal registration and account overlap (SPEC §8): guarding partners' registered
//! deals against channel conflict, and the account-mapping view of who shares which
//! customers — optionally on salted SHA-256 hashes so raw account lists stay private —
//! and the registration lifecycle of SPEC §14 ([`status`]).

mod conflicts;
mod dates;
mod lifecycle;
mod overlap;
mod register;
pub mod status;
pub mod types;
mod window;

pub use dates::{Day, Stamp};
pub use overlap::{hash_account, overlap, OverlapCommand};
pub use register::{register, RegisterCommand};
pub use window::DEFAULT_PROTECTION_DAYS;
