//! An ecosystem read in chunks (`Ecosystem.fromChunks`) and as a string agree (fuzz/common.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run_reader(data));
