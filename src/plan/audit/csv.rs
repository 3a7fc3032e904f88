//! Actuals from CSV (docs/plans.md "Actuals from CSV"): one row per month, columns
//! `month`, `bookings`, `revenue`, `pipeline`, `costs:<partnerId>` and
//! `metric:<metric>` (or `share:<partnerId>`) and `customer:<name>` (a customer won,
//! read by `deals_csv.rs`), read with `csv-core` into the same
//! [`Actuals`] a JSON request carries. Every problem is reported at once, each naming
//! its line (the header is line 1) and column: path `actualsCsv[<line>].<column>`.

use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::plan::audit::amount::parse_amount;
use crate::plan::audit::deals_csv;
use crate::plan::types::{ActualMonth, Actuals};
use csv_core::{ReadRecordResult, ReaderBuilder};
use std::collections::BTreeMap;

/// Where a column goes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Column {
    Month,
    Bookings,
    Revenue,
    Pipeline,
    Cost(String),
    Metric(String),
    /// A customer's revenue in the month, or `churn` / `refund` in the month it ended.
    Customer(String),
}

/// One record of the file: its first line and its cells.
pub(crate) struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Read the CSV `text` for a plan whose amounts have `minor` decimals and whose
/// partners are `ids`, and `check` the lines that could be read: every problem of
/// both, in line order (the first as the error, the rest in `others`).
pub fn read_actuals_csv(
    text: &str,
    minor: u32,
    ids: &[String],
    check: impl Fn(&Actuals) -> Result<()>,
) -> Result<Actuals> {
    let (actuals, lines, parsed) = parse_actuals_csv(text, minor, ids)?;
    let checked = check(&actuals).map_err(|e| at_lines(e, &lines));
    let mut all: Vec<DealteamError> = Vec::new();
    for mut e in [parsed.err(), checked.err()].into_iter().flatten() {
        let others = std::mem::take(&mut e.others);
        all.push(e);
        all.extend(others);
    }
    // stable: the problems of one line keep their order
    crate::sort::sort_by_key(&mut all, |e| line_of(&e.path));
    let mut it = all.into_iter();
    match it.next() {
        None => Ok(actuals),
        Some(mut first) => {
            first.others = it.collect();
            Err(first)
        }
    }
}

/// The line a CSV problem's path names (`actualsCsv[3].revenue` → 3; 0 for none).
fn line_of(path: &str) -> usize {
    path.strip_prefix("actualsCsv[")
        .and_then(|r| r.split_once(']'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0)
}

/// Parse the CSV `text`: the actuals of the lines that could be read, per month entry
/// its line in the file, and the problems of the others (an empty file is an error).
fn parse_actuals_csv(text: &str, minor: u32, ids: &[String]) -> Result<(Actuals, Vec<usize>, Result<()>)> {
    let records = read_records(text);
    let mut p = Problems::new();
    let Some((head, rows)) = records.split_first() else {
        return Err(DealteamError::new(
            ErrorCode::MissingField,
            "actualsCsv",
            "the CSV is empty; write a header line such as `month,bookings,revenue,pipeline` and one line per month",
        ));
    };
    let columns: Vec<Option<Column>> = head
        .cells
        .iter()
        .map(|h| p.take(column(h, ids).map_err(|m| at(head.line, h.trim(), m))))
        .collect();
    if !columns.iter().any(|c| c == &Some(Column::Month)) {
        p.push(
            ErrorCode::MissingField,
            "actualsCsv[1].month",
            "line 1: the header has no `month` column; name the column with the month number `month`",
        );
        // without months no line can be read
        return p.finish().map(|()| {
            (
                Actuals {
                    months: Vec::new(),
                    deals: Vec::new(),
                },
                Vec::new(),
                Ok(()),
            )
        });
    }
    let mut months = Vec::new();
    let mut lines = Vec::new();
    let mut customers = Vec::new();
    for r in rows {
        if r.cells.len() != head.cells.len() {
            p.invalid(
                format!("actualsCsv[{}]", r.line),
                format!(
                    "line {}: {} fields, the header has {}; give every line the header's columns",
                    r.line,
                    r.cells.len(),
                    head.cells.len()
                ),
            );
            continue;
        }
        let mut cells = Vec::new();
        if let Some(m) = row(&mut p, r, head, &columns, minor, &mut cells) {
            customers.extend(cells.into_iter().map(|(c, raw)| (c, m.month, r.line, raw)));
            months.push(m);
            lines.push(r.line);
        }
    }
    let deals = deals_csv::customers(&mut p, head, &columns, customers, minor);
    Ok((Actuals { months, deals }, lines, p.finish()))
}

/// An error about `actuals.months[i]…` of CSV actuals, pointed at the line of month
/// entry `i` (`lines[i]`) instead; its `others` too.
fn at_lines(mut e: DealteamError, lines: &[usize]) -> DealteamError {
    let others = std::mem::take(&mut e.others);
    let one = |mut e: DealteamError| {
        let path = e.path.clone();
        let rest = path.strip_prefix("actuals.months[").and_then(|r| r.split_once(']'));
        if let Some((i, col)) = rest {
            if let Some(line) = i.parse::<usize>().ok().and_then(|i| lines.get(i)) {
                let col = col.trim_start_matches('.');
                e.path = format!("actualsCsv[{line}].{col}");
                e.message = format!("line {line}, column `{col}`: {}", e.message);
            }
        }
        e
    };
    let mut first = one(e);
    first.others = others.into_iter().map(one).collect();
    first
}

/// The error of one cell.
pub(crate) fn at(line: usize, col: &str, msg: String) -> DealteamError {
    DealteamError::new(
        ErrorCode::InvalidValue,
        format!("actualsCsv[{line}].{col}"),
        format!("line {line}, column `{col}`: {msg}"),
    )
}

/// The meaning of a header cell (case and spaces ignored in the names).
fn column(header: &str, ids: &[String]) -> std::result::Result<Column, String> {
    let h = header.trim();
    let (name, key) = match h.split_once([':', '.']) {
        Some((n, k)) => (n.trim().to_ascii_lowercase(), Some(k.trim())),
        None => (h.to_ascii_lowercase(), None),
    };
    match (name.as_str(), key) {
        ("month", None) => Ok(Column::Month),
        ("bookings", None) => Ok(Column::Bookings),
        ("revenue", None) => Ok(Column::Revenue),
        ("pipeline", None) => Ok(Column::Pipeline),
        ("costs" | "cost", Some(id)) if ids.iter().any(|x| x == id) => Ok(Column::Cost(id.to_string())),
        ("costs" | "cost", Some(id)) => Err(format!(
            "`{id}` is not a partner of the plan; the partners are {}",
            ids.join(", ")
        )),
        ("metric" | "metrics", Some(m)) if !m.is_empty() => Ok(Column::Metric(m.to_string())),
        ("share", Some(id)) => Ok(Column::Metric(format!("share:{id}"))),
        ("customer", Some(c)) if !c.is_empty() => Ok(Column::Customer(c.to_string())),
        _ => Err(
            "not a column of the actuals; use month, bookings, revenue, pipeline, costs:<partner id>, \
             metric:<metric> or customer:<name>"
                .to_string(),
        ),
    }
}

/// One month from a data line; `None` (with its problems recorded) when a cell is wrong.
/// The customers' cells go to `cust` as (column index, text), read with the others.
fn row(
    p: &mut Problems,
    r: &Record,
    head: &Record,
    columns: &[Option<Column>],
    minor: u32,
    cust: &mut Vec<(usize, String)>,
) -> Option<ActualMonth> {
    let mut m = ActualMonth {
        month: 0,
        bookings: None,
        revenue: None,
        pipeline: None,
        costs: None,
        metrics: None,
    };
    let mut ok = true;
    for (ci, ((cell, col), name)) in r.cells.iter().zip(columns).zip(&head.cells).enumerate() {
        let (Some(col), raw) = (col, cell.trim()) else { continue };
        if let (Column::Customer(_), false) = (col, raw.is_empty()) {
            cust.push((ci, raw.to_string()));
            continue;
        }
        if raw.is_empty() {
            if *col == Column::Month {
                ok = false;
                p.add(at(
                    r.line,
                    name.trim(),
                    "the month is empty; write its number, 1 for the first month".into(),
                ));
            }
            continue;
        }
        if *col == Column::Month {
            match raw.parse::<u32>() {
                Ok(n) => m.month = n,
                Err(_) => {
                    ok = false;
                    p.add(at(
                        r.line,
                        name.trim(),
                        format!("`{raw}` is not a month number (1, 2, …)"),
                    ));
                }
            }
            continue;
        }
        let Some(v) = p.take(parse_amount(raw, minor).map_err(|e| {
            let mut e = at(r.line, name.trim(), e);
            e.code = ErrorCode::InvalidMoney;
            e
        })) else {
            ok = false;
            continue;
        };
        match col {
            Column::Bookings => m.bookings = Some(v),
            Column::Revenue => m.revenue = Some(v),
            Column::Pipeline => m.pipeline = Some(v),
            Column::Cost(id) => _ = m.costs.get_or_insert_with(BTreeMap::new).insert(id.clone(), v),
            Column::Metric(k) => _ = m.metrics.get_or_insert_with(BTreeMap::new).insert(k.clone(), v),
            Column::Month | Column::Customer(_) => {}
        }
    }
    ok.then_some(m)
}

/// The records of the file with their first lines; blank lines are skipped. The
/// delimiter is `;` when the first line has one, a tab when it has one, else `,`.
// positions and counts are bytes the reader consumed or wrote: ≤ the text's length, and
// the buffers double from at most that (a request is ≤ MAX_REQUEST_BYTES, 1 GiB)
#[allow(clippy::arithmetic_side_effects)]
fn read_records(text: &str) -> Vec<Record> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut rdr = ReaderBuilder::new().delimiter(delimiter).build();
    let bytes = text.as_bytes();
    let mut out = vec![0u8; bytes.len() + 1];
    let mut ends = vec![0usize; 64];
    // input position, output and ends used by the current record, where it began
    let (mut pos, mut o, mut e, mut start) = (0usize, 0usize, 0usize, 0usize);
    let mut records = Vec::new();
    loop {
        let (res, nin, nout, nend) = rdr.read_record(
            bytes.get(pos..).unwrap_or(&[]),
            out.get_mut(o..).unwrap_or(&mut []),
            ends.get_mut(e..).unwrap_or(&mut []),
        );
        (pos, o, e) = (pos + nin, o + nout, e + nend);
        match res {
            // the next call passes the rest, or nothing: the end of the data
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2 + 1, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let cells = fields(out.get(..o).unwrap_or(&[]), ends.get(..e).unwrap_or(&[]));
                if !(cells.len() == 1 && cells.iter().all(|c| c.trim().is_empty())) {
                    records.push(Record {
                        line: record_line(text, start),
                        cells,
                    });
                }
                (start, o, e) = (pos, 0, 0);
            }
            ReadRecordResult::End => return records,
        }
    }
}

/// The cells of a record from csv-core's output and field ends.
fn fields(out: &[u8], ends: &[usize]) -> Vec<String> {
    let mut cells = Vec::with_capacity(ends.len());
    let mut from = 0;
    for &e in ends {
        cells.push(String::from_utf8_lossy(out.get(from..e).unwrap_or(&[])).into_owned());
        from = e;
    }
    cells
}

/// The 1-based line on which the record at byte `start` begins (after blank lines).
// skipped is at least as long as its trimmed tail; line counts ≤ the text's bytes
#[allow(clippy::arithmetic_side_effects)]
fn record_line(text: &str, start: usize) -> usize {
    let head = text.get(..start).unwrap_or("");
    let skipped = text.get(start..).unwrap_or("");
    let blank = skipped.len() - skipped.trim_start_matches(['\r', '\n']).len();
    let extra = skipped.get(..blank).unwrap_or("").matches('\n').count();
    1 + head.matches('\n').count() + extra
}
