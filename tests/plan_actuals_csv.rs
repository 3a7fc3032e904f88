#![cfg(not(target_arch = "wasm32"))]
//! Actuals from CSV (SPEC §7 actuals; docs/plans.md "Actuals from CSV"): the same audit
//! as the JSON actuals, decimal commas and thousands separators, and every problem
//! named by its line and column — in the library and through the CLI.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::{DealteamError, ErrorCode};
use serde_json::{json, Value};
use std::process::Command;

fn plan() -> Value {
    let req: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plan-audit.json")).unwrap(),
    )
    .unwrap();
    req["plan"].clone()
}

fn audit_csv(csv: &str) -> Result<Value, DealteamError> {
    let req = json!({"plan": plan(), "actualsCsv": csv, "trials": 200, "seed": 4});
    run_json("audit", &req.to_string(), false, &Ctx::frozen()).map(|s| serde_json::from_str(&s).unwrap())
}

fn audit_json(actuals: Value) -> Value {
    let req = json!({"plan": plan(), "actuals": actuals, "trials": 200, "seed": 4});
    serde_json::from_str(&run_json("audit", &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
}

#[test]
fn csv_and_json_actuals_give_the_same_audit() {
    let json_actuals = json!({"months": [
        {"month": 1, "bookings": "0.00", "revenue": "0.00", "pipeline": "250000.00", "costs": {"p1": "47000.00", "p2": "36500.00"}},
        {"month": 2, "bookings": "135000.00", "revenue": "11250.00", "costs": {"p1": "2000.00"}, "metrics": {"share:p2": "4500.00"}},
        {"month": 3, "bookings": "1234.00", "revenue": "18750.03"}]});
    let expected = audit_json(json_actuals);
    // comma-delimited, English separators, a quoted amount with a thousands comma,
    // CRLF line ends, a blank line, columns in another order, empty cells
    let en = "Month,Revenue,bookings,pipeline,costs:p1,cost:p2,share:p2\r\n\
              1,0,0.00,\"250,000.00\",47000,\"36,500\",\r\n\
              \r\n\
              2,11250,\"135,000\",,2000.00,,4500\r\n\
              3,\"18,750.03\",\"1,234\",,,,\r\n";
    assert_eq!(audit_csv(en).unwrap(), expected);
    // semicolon-delimited with decimal commas and dots or spaces grouping thousands
    let de = "month;bookings;revenue;pipeline;costs:p1;costs:p2;metric:share:p2\n\
              1;0;0,00;250.000,00;47.000;36 500;\n\
              2;135.000;11.250;;2.000,00;;4.500\n\
              3;1.234;18.750,03;;;;\n";
    assert_eq!(audit_csv(de).unwrap(), expected);
    // tab-delimited
    let tab = "month\tbookings\trevenue\tpipeline\tcosts:p1\tcosts:p2\tshare:p2\n\
               1\t0\t0\t250000\t47000\t36500\t\n\
               2\t135000\t11250\t\t2000\t\t4500\n\
               3\t1234\t18750.03\t\t\t\t\n";
    assert_eq!(audit_csv(tab).unwrap(), expected);
}

/// Every problem of the file, in order: (code, path) of the error and its `others`.
fn problems(e: &DealteamError) -> Vec<(ErrorCode, String)> {
    std::iter::once(e)
        .chain(e.others.iter())
        .map(|x| (x.code, x.path.clone()))
        .collect()
}

#[test]
fn every_problem_names_its_line_and_column() {
    let csv = "month,bookings,revenue,costs:p9,colour\n\
               1,12x,100\n\
               2,1.5.2024,100,5,red\n\
               ,1,1,1,1\n\
               x,1,1,1,1\n";
    let e = audit_csv(csv).unwrap_err();
    assert_eq!(
        problems(&e),
        [
            (ErrorCode::InvalidValue, "actualsCsv[1].costs:p9".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[1].colour".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[2]".to_string()),
            (ErrorCode::InvalidMoney, "actualsCsv[3].bookings".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[4].month".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[5].month".to_string()),
        ]
    );
    assert!(
        e.message.contains("line 1, column `costs:p9`") && e.message.contains("p1, p2"),
        "{}",
        e.message
    );
    assert!(e.others[1].message.starts_with("line 2: 3 fields, the header has 5"));
    assert!(
        e.others[2].message.contains("`1.5.2024` is not an amount"),
        "{}",
        e.others[2].message
    );
    // problems found after reading (a month outside the horizon or twice, a metric
    // that is not one) point at the file's lines, not at JSON indices
    let csv = "month,revenue,metric:margin\n\n25,1.00,\n3,1.00,\n3,7,\n4,,2\n";
    let e = audit_csv(csv).unwrap_err();
    assert_eq!(
        problems(&e),
        [
            (ErrorCode::InvalidValue, "actualsCsv[3].month".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[5].month".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[6].metrics.margin".to_string()),
        ]
    );
    assert!(
        e.message.starts_with("line 3, column `month`: month 25 is outside"),
        "{}",
        e.message
    );
    // too many decimals for the currency
    let e = audit_csv("month,revenue\n1,\"1,0055\"\n").unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidMoney, "actualsCsv[2].revenue")
    );
    assert!(e.message.contains("more than 2 decimal places"), "{}", e.message);
    // a cell that cannot be read and a month outside the horizon: both at once, in line order
    let e = audit_csv("month;revenue\n30;1\n1;12x\n").unwrap_err();
    assert_eq!(
        problems(&e),
        [
            (ErrorCode::InvalidMoney, "actualsCsv[3].revenue".to_string()),
            (ErrorCode::InvalidValue, "actualsCsv[2].month".to_string()),
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
    );
    let e = audit_csv("month,revenue\n3,1\n3,2\n").unwrap_err();
    assert_eq!(
        problems(&e),
        [(ErrorCode::InvalidValue, "actualsCsv[3].month".to_string())]
    );
    assert!(e.message.contains("already reported"));
    // no month column, an empty file
    let e = audit_csv("bookings\n1\n").unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::MissingField, "actualsCsv[1].month")
    );
    assert_eq!(audit_csv("\n\n").unwrap_err().code, ErrorCode::MissingField);
}

#[test]
fn actuals_come_once() {
    let both = json!({"plan": plan(), "actuals": {"months": []}, "actualsCsv": "month\n"});
    let e = run_json("audit", &both.to_string(), false, &Ctx::frozen()).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, "actualsCsv"));
    let none = json!({"plan": plan()});
    let e = run_json("audit", &none.to_string(), false, &Ctx::frozen()).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingField, "actuals"));
    // a header alone: nothing reported, the plain simulation
    let out = audit_csv("month,revenue\n").unwrap();
    assert_eq!(out["reforecast"]["throughMonth"], 0);
}

#[test]
fn the_cli_reads_actuals_from_a_csv_file() {
    let dir = std::env::temp_dir().join(format!("dealteam-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("request.json");
    let csv = dir.join("actuals.csv");
    std::fs::write(&req, json!({"plan": plan(), "trials": 200, "seed": 4}).to_string()).unwrap();
    std::fs::write(&csv, "month;revenue\n1;1.000,50\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args(["audit", req.to_str().unwrap(), "--actuals-csv", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["split"]["revenue"], "1000.50");
    assert_eq!(v["reforecast"]["throughMonth"], 1);
    // a bad cell: exit 2 with the line and column
    std::fs::write(&csv, "month;revenue\n1;lots\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args(["audit", req.to_str().unwrap(), "--actuals-csv", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("actualsCsv[2].revenue") && err.contains("line 2, column `revenue`"),
        "{err}"
    );
    // the option belongs to audit only
    let out = Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args([
            "simulate",
            req.to_str().unwrap(),
            "--actuals-csv",
            csv.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
