#![cfg(not(target_arch = "wasm32"))]
//! Replays the committed fuzz corpus (fuzz/corpus/*/seed-*) and every saved finding
//! (fuzz/regressions/<target>/*) through the fuzz targets' own decoding (fuzz/common.rs)
//! on stable Rust: the seconds-long fuzz smoke of `cargo test` (issue 17 item 9). Each
//! input must finish without a panic and within 2 s.

#[path = "../fuzz/common.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

fn replay(dir: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for sub in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(sub).join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            if sub == "corpus" && !name.starts_with("seed-") {
                continue; // local fuzzing output, not committed
            }
            let data = std::fs::read(&f).unwrap();
            let t = Instant::now();
            let r = std::panic::catch_unwind(|| run(&data));
            assert!(r.is_ok(), "{sub}/{dir}/{name} panics");
            let s = t.elapsed().as_secs_f64();
            assert!(s < 2.0, "{sub}/{dir}/{name} takes {s:.2} s (over 2 s)");
            n += 1;
        }
    }
    n
}

#[test]
fn the_commands_corpus_replays_without_panics_or_slow_inputs() {
    assert!(replay("commands", common::run_command) >= 13, "a seed per command");
}

/// Each seed `seed-<command>-…` reaches its command, and every command has a seed.
#[test]
fn every_command_has_a_seed_that_reaches_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/commands");
    let mut reached = std::collections::BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let f = e.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix("seed-") else {
            continue;
        };
        let data = std::fs::read(&f).unwrap();
        let (cmd, _) = common::decode_command(&data).unwrap_or_else(|| panic!("{name} names no command"));
        assert!(
            rest.starts_with(&format!("{cmd}-")) || rest == cmd,
            "{name} runs `{cmd}`"
        );
        reached.insert(cmd);
    }
    for cmd in dealteam::api::COMMANDS {
        assert!(reached.contains(cmd), "no seed in fuzz/corpus/commands runs `{cmd}`");
    }
}

#[test]
fn the_reader_corpus_replays_without_panics_or_slow_inputs() {
    assert!(replay("reader", common::run_reader) >= 3);
}

#[test]
fn the_handles_corpus_replays_without_panics_or_slow_inputs() {
    assert!(replay("handles", common::run_handles) >= 2);
}
