//! The `dealteam` CLI (SPEC §10): argument parsing and JSON in/out only; every
//! operation is the library's. `dealteam <command> [FILE|-] [--pretty]` reads the
//! request from FILE or stdin, writes the response to stdout and exits 0; on error it
//! prints `{"error": {code, path, message}}` to stderr and exits 2.

use dealteam::clock::Ctx;
use dealteam::{DealteamError, ErrorCode};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: dealteam <command> [FILE|-] [--pretty]
       dealteam sample [--partners N] [--seed S] [--pretty]
commands: rank, teams, split, attribute, simulate, validate, agreement, audit, register, overlap, insights, train, predict, sample";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.to_json());
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, DealteamError> {
    let pretty = args.iter().any(|a| a == "--pretty");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--pretty").collect();
    let Some(cmd) = rest.first() else {
        return Err(DealteamError::new(ErrorCode::UnknownCommand, "", USAGE));
    };
    if cmd.as_str() == "--help" || cmd.as_str() == "-h" || cmd.as_str() == "help" {
        return Ok(USAGE.to_string());
    }
    if cmd.as_str() == "sample" {
        return sample(&rest[1..], pretty);
    }
    let input = read_input(rest.get(1).map(|s| s.as_str()))?;
    dealteam::api::run_json(cmd, &input, pretty, &Ctx::native())
}

fn read_input(file: Option<&str>) -> Result<String, DealteamError> {
    let mut s = String::new();
    match file {
        None | Some("-") => std::io::stdin().read_to_string(&mut s).map(|_| s),
        Some(f) => std::fs::read_to_string(f),
    }
    .map_err(|e| DealteamError::new(ErrorCode::InvalidJson, "", format!("could not read the input: {e}")))
}

fn sample(_args: &[&String], _pretty: bool) -> Result<String, DealteamError> {
    Err(DealteamError::new(ErrorCode::UnknownCommand, "", "`sample` is not implemented yet"))
}
