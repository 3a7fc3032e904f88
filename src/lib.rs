//! # dealteam
//!
//! A partner-matching and planning engine for partner-to-partner collaboration:
//! score partners against Ideal Partner Profiles, find the best deal teams, divide
//! joint revenue fairly and simulate joint plans — in pure Rust, compiled natively
//! and to WebAssembly. The contract is SPEC.md; each formula lives in one function
//! whose doc comment cites its section.
//!
//! ```
//! use dealteam::api::run_json;
//! use dealteam::clock::Ctx;
//! let request = r#"{
//!   "ecosystem": {"partners": [
//!     {"id": "a", "name": "Acme", "kind": "si", "capabilities": {"cloud": 0.9}},
//!     {"id": "b", "name": "Beta", "kind": "isv", "capabilities": {"cloud": 0.4}}]},
//!   "profile": {"id": "cloud-si", "name": "Cloud SI",
//!     "criteria": [{"kind": "capability", "key": "cloud", "weight": 1}]}
//! }"#;
//! let out = run_json("rank", request, false, &Ctx::frozen()).unwrap();
//! assert!(out.starts_with(r#"{"results":[{"partnerId":"a""#));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod attribution;
pub mod clock;
pub mod coverage;
pub mod error;
pub mod fit;
pub mod json;
pub mod model;
pub mod money;
pub mod num;
pub mod plan;
pub mod rank;
pub mod sample;
pub mod splits;
pub mod teams;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{DealteamError, ErrorCode, Result};
