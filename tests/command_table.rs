//! The command table (`dealteam::for_each_command!`) generates the CLI dispatch and
//! usage, `run_json`, the wasm functions and the TypeScript aliases. What cannot be
//! generated from it is checked here against the table: the planner page's worker
//! (`www/src/worker.ts`, `www/src/worker/engine.ts`, `www/src/engine/protocol.ts`), docs/planner.md and the README's
//! lists. Each check fails when a command is missing from the place it reads.

use dealteam::api::{CommandInfo, TABLE};

/// Commands the planner page has no screen for yet (docs/planner.md). A new command is
/// either wired into the worker or listed here.
/// `mapAccountColumns` is for lists from other programs and files too large for one JSON
/// object per account; the page's lists are already records and it sends them as they are.
const PLANNER_DOES_NOT_USE: &[&str] = &["overlap", "mapAccountColumns"];
/// What the worker loads besides commands: the sample generator and the handle classes.
const WORKER_EXTRAS: &[&str] = &["sample", "Ecosystem", "TeamSearch", "Simulation"];

fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"))
}

/// The quoted strings of the first `start … end` span of `text`.
fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not found")) + start.len();
    let span = &text[from..from + text[from..].find(end).unwrap_or_else(|| panic!("`{end}` not found"))];
    span.split('\'').skip(1).step_by(2).map(str::to_string).collect()
}

/// The text of `text` from `start` to the next `end`.
fn section<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let len = text[from + start.len()..]
        .find(end)
        .map_or(text.len() - from, |n| n + start.len());
    &text[from..from + len]
}

fn planner_commands() -> impl Iterator<Item = &'static CommandInfo> {
    TABLE.iter().filter(|c| !PLANNER_DOES_NOT_USE.contains(&c.js))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_command_implementation_has_a_row() {
    let mut files = Vec::new();
    rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("Command for ") {
            let (before, rest) = (&text[..at], &text[at + "Command for ".len()..]);
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            if !before[line_start..].trim_start().starts_with("impl ") {
                continue;
            }
            let ty: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found += 1;
            assert!(
                TABLE
                    .iter()
                    .any(|c| c.rust.rsplit("::").next().map(str::trim) == Some(ty.as_str())),
                "{} implements Command for `{ty}`, which has no row in dealteam::for_each_command!",
                file.display()
            );
        }
    }
    assert_eq!(found, TABLE.len(), "as many Command implementations as rows");
}

#[test]
fn the_worker_loads_every_command_the_planner_uses() {
    let worker = read("www/src/worker.ts");
    let engine = read("www/src/worker/engine.ts");
    let names = quoted_between(&engine, "const NAMES = [", "] as const");
    let module = section(&engine, "interface EngineModule {", "\n}");
    let handlers = section(&worker, "const handlers:", "\n};");
    for c in planner_commands() {
        assert!(
            names.iter().any(|n| n == c.js),
            "`{}` is missing from NAMES in www/src/worker/engine.ts (or list it in PLANNER_DOES_NOT_USE)",
            c.js
        );
        assert!(
            module.contains(&format!("\n  {}?: ", c.js)),
            "`{}` is missing from EngineModule",
            c.js
        );
        assert!(
            handlers.contains(&format!("\n  {}: ", c.js)),
            "the worker has no handler for `{}`",
            c.js
        );
    }
    for n in &names {
        assert!(
            TABLE.iter().any(|c| c.js == n.as_str()) || WORKER_EXTRAS.contains(&n.as_str()),
            "worker.ts loads `{n}`, which is no command of dealteam::api::TABLE"
        );
    }
    for js in PLANNER_DOES_NOT_USE {
        assert!(
            TABLE.iter().any(|c| c.js == *js),
            "PLANNER_DOES_NOT_USE names `{js}`, which is no command"
        );
        assert!(
            !names.iter().any(|n| n == js),
            "the worker loads `{js}`: remove it from PLANNER_DOES_NOT_USE"
        );
    }
}

#[test]
fn the_page_protocol_has_an_op_per_command_the_planner_uses() {
    let protocol = read("www/src/engine/protocol.ts");
    let ops = section(&protocol, "export interface Ops {", "\n}");
    for c in planner_commands() {
        assert!(
            ops.contains(&format!("\n  {}: {{", c.js)),
            "www/src/engine/protocol.ts has no op `{}`",
            c.js
        );
    }
}

#[test]
fn the_docs_name_every_command() {
    let readme = read("README.md");
    let cli = section(&readme, "Commands: `rank`", ". Each has");
    let js = section(&readme, "All functions: `rank`", "classes");
    let planner = read("docs/planner.md");
    let used = section(&planner, "## Engine functions the page uses", "\n## ");
    for listed in cli.split('`').skip(1).step_by(2) {
        assert!(
            TABLE.iter().any(|c| c.name == listed) || listed == "sample",
            "README lists `{listed}`, no command"
        );
    }
    for listed in js.split('`').skip(1).step_by(2) {
        let known = TABLE.iter().any(|c| c.js == listed)
            || ["sample(partners, seed)", "version()", "wasmMemoryBytes()"].contains(&listed);
        assert!(
            known,
            "README lists the JS function `{listed}`, which the package does not have"
        );
    }
    for c in TABLE {
        assert!(
            cli.contains(&format!("`{}`", c.name)),
            "README's CLI command list misses `{}`",
            c.name
        );
        assert!(
            js.contains(&format!("`{}`", c.js)),
            "README's list of JS functions misses `{}`",
            c.js
        );
        assert!(
            used.contains(&format!("`{}`", c.js)),
            "docs/planner.md's engine functions miss `{}`",
            c.js
        );
    }
}
