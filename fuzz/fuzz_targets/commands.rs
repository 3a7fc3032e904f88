//! Every command's parser and run, through the public entry (fuzz/common.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run_command(data));
