//! The `dealteam` CLI (SPEC §10): argument parsing and JSON in/out only; every
//! operation is the library's. `dealteam <command> [FILE|-] [--pretty]` reads the
//! request from FILE or stdin, writes the response to stdout and exits 0; on error it
//! prints `{"error": {code, path, message}}` to stderr and exits 2.

use dealteam::clock::Ctx;
use dealteam::{DealteamError, ErrorCode};
use std::io::Read;
use std::process::ExitCode;

/// The usage text; the commands come from the library's command table.
fn usage() -> String {
    format!(
        "usage: dealteam <command> [FILE|-] [--pretty]
       dealteam audit [FILE|-] --actuals-csv ACTUALS.csv [--pretty]
       dealteam agreement [FILE|-] [--html]
       dealteam sample [--partners N] [--seed S] [--pretty]
commands: {}, sample",
        dealteam::api::COMMANDS.join(", ")
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // a closed pipe (`| head`) is not an error worth a panic
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "{out}").and_then(|_| stdout.flush());
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
    let (csv, args) = take_option(args, "--actuals-csv")?;
    let html = args.iter().any(|a| a == "--html");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--pretty" && *a != "--html").collect();
    let Some(cmd) = rest.first() else {
        return Err(DealteamError::new(ErrorCode::UnknownCommand, "", usage()));
    };
    if cmd.as_str() == "--help" || cmd.as_str() == "-h" || cmd.as_str() == "help" {
        return Ok(usage());
    }
    if cmd.as_str() == "sample" {
        return sample(&rest[1..], pretty);
    }
    let mut input = read_input(rest.get(1).map(|s| s.as_str()))?;
    if html {
        return agreement_html(cmd, &input);
    }
    if let Some(file) = csv {
        input = with_actuals_csv(cmd, &input, &file)?;
    }
    dealteam::api::run_json(cmd, &input, pretty, &Ctx::native())
}

/// Remove `--name VALUE` from the arguments; returns VALUE (if given) and the rest.
fn take_option(args: &[String], name: &str) -> Result<(Option<String>, Vec<String>), DealteamError> {
    let Some(i) = args.iter().position(|a| a == name) else {
        return Ok((None, args.to_vec()));
    };
    let value = args
        .get(i + 1)
        .cloned()
        .ok_or_else(|| DealteamError::new(ErrorCode::MissingField, "", format!("`{name}` needs a file name")))?;
    let rest = args
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i && *j != i + 1)
        .map(|(_, a)| a.clone());
    Ok((Some(value), rest.collect()))
}

/// `dealteam audit REQUEST --actuals-csv FILE`: the request with FILE's text as its
/// `actualsCsv` (the library reads the CSV, so the page and the CLI agree).
fn with_actuals_csv(cmd: &str, input: &str, file: &str) -> Result<String, DealteamError> {
    if cmd != "audit" && cmd != "auditPlan" {
        return Err(DealteamError::invalid(
            "",
            format!("`--actuals-csv` belongs to `audit`, not to `{cmd}`"),
        ));
    }
    let text = std::fs::read_to_string(file).map_err(|e| {
        DealteamError::new(
            ErrorCode::InvalidValue,
            "actualsCsv",
            format!("could not read {file}: {e}"),
        )
    })?;
    let mut req: serde_json::Value = serde_json::from_str(input)
        .map_err(|e| DealteamError::new(ErrorCode::InvalidJson, "", format!("the request is not JSON: {e}")))?;
    let Some(obj) = req.as_object_mut() else {
        return Err(DealteamError::invalid(
            "",
            "the request must be a JSON object with `plan`",
        ));
    };
    obj.insert("actualsCsv".into(), serde_json::Value::String(text));
    Ok(req.to_string())
}

/// `dealteam agreement FILE --html`: the printable HTML page of the agreement (the
/// request's `format` set to `html`).
fn agreement_html(cmd: &str, input: &str) -> Result<String, DealteamError> {
    if cmd != "agreement" {
        return Err(DealteamError::invalid(
            "",
            format!("`--html` is an option of `agreement`, not of `{cmd}`"),
        ));
    }
    let mut req: dealteam::plan::AgreementRequest = dealteam::json::from_str(input)?;
    req.format = Some(dealteam::plan::AgreementFormat::Html);
    dealteam::plan::agreement::draft_agreement(&req, &Ctx::native())
}

/// Read the request, refusing one over the request-bytes limit before reading it whole.
fn read_input(file: Option<&str>) -> Result<String, DealteamError> {
    let limit = dealteam::model::MAX_REQUEST_BYTES;
    let io =
        |e: std::io::Error| DealteamError::new(ErrorCode::InvalidJson, "", format!("could not read the input: {e}"));
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => {
            // at most one byte over the limit, so the check below can see it is over
            std::io::stdin()
                .lock()
                .take(limit as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
        }
        Some(f) => {
            let len = std::fs::metadata(f).map_err(io)?.len();
            dealteam::json::check_request_bytes(usize::try_from(len).unwrap_or(usize::MAX))?;
            bytes = std::fs::read(f).map_err(io)?;
        }
    }
    dealteam::json::check_request_bytes(bytes.len())?;
    String::from_utf8(bytes).map_err(|_| {
        DealteamError::new(
            ErrorCode::InvalidJson,
            "",
            "the input is not UTF-8 text; save the request as UTF-8 JSON",
        )
    })
}

/// `dealteam sample [--partners N] [--seed S]`: defaults 200 partners, seed 1.
fn sample(args: &[&String], pretty: bool) -> Result<String, DealteamError> {
    let (mut partners, mut seed) = (200usize, 1u64);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = |v: Option<&&String>, name: &str| {
            v.map(|s| s.to_string())
                .ok_or_else(|| DealteamError::new(ErrorCode::MissingField, name, format!("`--{name}` needs a value")))
        };
        match flag.as_str() {
            "--partners" => {
                let v = value(it.next(), "partners")?;
                partners = v.parse().map_err(|_| {
                    DealteamError::invalid(
                        "partners",
                        format!("`--partners` must be a whole number ≥ 1, got `{v}`"),
                    )
                })?;
            }
            "--seed" => {
                let v = value(it.next(), "seed")?;
                seed = v.parse().map_err(|_| {
                    DealteamError::invalid("seed", format!("`--seed` must be a whole number ≥ 0, got `{v}`"))
                })?;
            }
            other => {
                return Err(DealteamError::invalid(
                    "",
                    format!("unknown option `{other}` for `sample`; use --partners N --seed S [--pretty]"),
                ))
            }
        }
    }
    let s = dealteam::sample::generate(partners, seed)?;
    dealteam::json::to_string(&s, pretty)
}
