//! The user docs' examples run and say what the engine says: every `dealteam CMD
//! examples/FILE.json` named in README.md or docs/*.md is a request the command accepts,
//! every request in examples/ is named by a doc, and every number a doc quotes in a JSON block
//! under a "Response" heading is in the answer to one of that doc's examples (a doc that
//! quotes an answer the engine no longer gives fails here, not in a reader's terminal).
#![cfg(not(target_arch = "wasm32"))]

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use std::collections::BTreeSet;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// README.md and the user docs (docs/PERFORMANCE.md and docs/performance/ are measurements,
/// not examples), as (name, text).
fn docs() -> Vec<(String, String)> {
    let mut names = vec!["README.md".to_string()];
    let mut more: Vec<String> = std::fs::read_dir(format!("{ROOT}/docs"))
        .expect("docs/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md") && n != "PERFORMANCE.md")
        .map(|n| format!("docs/{n}"))
        .collect();
    more.sort();
    names.extend(more);
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(format!("{ROOT}/{n}")).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, text)
        })
        .collect()
}

/// One `dealteam CMD examples/FILE.json` of a doc: its line, the command and the file.
struct Example {
    line: usize,
    command: String,
    file: String,
}

/// The examples a doc names, in code blocks and in running text alike.
fn examples(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == '`' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .collect();
        for w in words.windows(3) {
            if let [program, command, file] = w {
                let file = file.trim_end_matches([',', '.', ';', ':']);
                if (*program == "dealteam" || program.ends_with("/dealteam"))
                    && file.starts_with("examples/")
                    && file.ends_with(".json")
                {
                    out.push(Example {
                        line: i + 1,
                        command: command.to_string(),
                        file: file.to_string(),
                    });
                }
            }
        }
    }
    out
}

/// The JSON blocks of a doc under a heading that says "Response": (line, text).
fn response_blocks(text: &str) -> Vec<(usize, String)> {
    let (mut heading, mut block): (&str, Option<(usize, String)>) = ("", None);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match &mut block {
            Some(_) if line.starts_with("```") => {
                if let Some(b) = block.take() {
                    out.push(b);
                }
            }
            Some((_, b)) => {
                b.push_str(line);
                b.push('\n');
            }
            None if line.starts_with("```json") && heading.contains("Response") => block = Some((i + 1, String::new())),
            None if line.starts_with('#') => heading = line,
            None => {}
        }
    }
    out
}

/// The numbers of `text` written with two decimals or more (`0.85404040404`, `"83264.72"`):
/// an engine's answer, not a count or an id.
fn quoted_numbers(text: &str) -> BTreeSet<String> {
    let b = text.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j < b.len() && b[j] == b'.' {
            let k = j + 1;
            let mut e = k;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            if e - k >= 2 {
                out.insert(text[i..e].to_string());
            }
            j = e;
        }
        i = j.max(i + 1);
    }
    out
}

fn run(doc: &str, ex: &Example) -> String {
    let path = format!("{ROOT}/{}", ex.file);
    let request = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{doc}:{} names {}, which cannot be read: {e}", ex.line, ex.file));
    run_json(&ex.command, &request, false, &Ctx::frozen()).unwrap_or_else(|e| {
        panic!(
            "{doc}:{}: `dealteam {} {}` fails: {:?} at `{}`: {}",
            ex.line, ex.command, ex.file, e.code, e.path, e.message
        )
    })
}

#[test]
fn every_example_a_doc_names_runs_and_every_quoted_answer_is_the_engines() {
    let (mut ran, mut checked) = (0, 0);
    for (doc, text) in docs() {
        let outputs: Vec<String> = examples(&text).iter().map(|ex| run(&doc, ex)).collect();
        ran += outputs.len();
        for (line, block) in response_blocks(&text) {
            let numbers = quoted_numbers(&block);
            assert!(
                !outputs.is_empty() || numbers.is_empty(),
                "{doc}:{line} quotes an answer but the doc names no example that gives it"
            );
            for n in numbers {
                assert!(
                    outputs.iter().any(|o| o.contains(&n)),
                    "{doc}:{line} quotes {n}, which no example of the doc answers"
                );
                checked += 1;
            }
        }
    }
    // the checks above cannot pass on nothing: the docs name examples and quote answers
    assert!(ran >= 20, "only {ran} examples named in the docs");
    assert!(checked >= 30, "only {checked} quoted numbers checked");
}

#[test]
fn every_request_in_examples_is_named_by_a_doc() {
    let named: BTreeSet<String> = docs()
        .iter()
        .flat_map(|(_, text)| examples(text).into_iter().map(|e| e.file))
        .collect();
    let mut unnamed = Vec::new();
    for entry in std::fs::read_dir(format!("{ROOT}/examples")).expect("examples/ exists") {
        let name = entry
            .expect("a directory entry")
            .file_name()
            .into_string()
            .expect("a UTF-8 name");
        let file = format!("examples/{name}");
        if name.ends_with(".json") && !named.contains(&file) {
            unnamed.push(file);
        }
    }
    assert!(
        unnamed.is_empty(),
        "no doc shows how to run {unnamed:?} (`dealteam CMD examples/FILE.json`)"
    );
}

#[test]
fn the_predict_example_holds_the_model_train_gives_on_the_history_example() {
    let read = |f: &str| std::fs::read_to_string(format!("{ROOT}/examples/{f}")).expect("the example exists");
    let trained: serde_json::Value =
        serde_json::from_str(&run_json("train", &read("history.json"), false, &Ctx::frozen()).expect("train runs"))
            .expect("JSON");
    let predict: serde_json::Value = serde_json::from_str(&read("predict.json")).expect("JSON");
    assert_eq!(
        predict["model"], trained["model"],
        "regenerate examples/predict.json's model: dealteam train examples/history.json"
    );
}

#[test]
fn the_readers_find_what_they_look_for() {
    let text = "# Thing\n\n```sh\ntarget/release/dealteam rank examples/rank.json --pretty\n```\n\
                Run `dealteam teams examples/teams.json`.\n\n## Response\n\n```json\n{\"fit\": 0.85, \"n\": 3, \
                \"id\": \"p1.25\", \"amount\": \"120000.00\"}\n```\n";
    let ex: Vec<(usize, String, String)> = examples(text)
        .into_iter()
        .map(|e| (e.line, e.command, e.file))
        .collect();
    assert_eq!(
        ex,
        [
            (4, "rank".to_string(), "examples/rank.json".to_string()),
            (6, "teams".to_string(), "examples/teams.json".to_string())
        ]
    );
    let blocks = response_blocks(text);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].0, 10);
    let numbers: Vec<String> = quoted_numbers(&blocks[0].1).into_iter().collect();
    assert_eq!(numbers, ["0.85", "120000.00"]);
}

/// Commands whose request is the output of an earlier step (docs/psi.md), not a file of its own.
const NO_EXAMPLE_FILE: &[&str] = &["psiReply", "psiFinish", "psiBlind", "psiAssemble"];

#[test]
fn every_command_has_an_example_a_doc_runs() {
    let named: BTreeSet<String> = docs()
        .iter()
        .flat_map(|(_, text)| examples(text).into_iter().map(|e| e.command))
        .collect();
    let missing: Vec<&str> = (dealteam::api::TABLE.iter())
        .map(|c| c.name)
        .filter(|n| !named.contains(*n) && !NO_EXAMPLE_FILE.contains(n))
        .collect();
    assert!(missing.is_empty(), "no doc runs an example of {missing:?}");
}
