//! Step/cancel/result sequences on the stepped handles (fuzz/common.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run_handles(data));
