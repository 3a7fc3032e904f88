//! The customers of CSV actuals (SPEC §13 audit): a column `customer:<name>` holds that
//! customer's revenue in each month's line — empty before it was booked (its first
//! amount is its booking month), `0` or empty for a month without revenue, and `churn`
//! or `refund` in the month it ended (nothing after that).

use crate::error::{ErrorCode, Problems};
use crate::money::Money;
use crate::plan::audit::amount::parse_amount;
use crate::plan::audit::csv::{at, Column, Record};
use crate::plan::types::{ActualDeal, DealEnd};

/// The customers from their cells: (column index, month, line, text), in line order.
pub(crate) fn customers(
    p: &mut Problems,
    head: &Record,
    columns: &[Option<Column>],
    cells: Vec<(usize, u32, usize, String)>,
    minor: u32,
) -> Vec<ActualDeal> {
    let mut out = Vec::new();
    for (ci, col) in columns.iter().enumerate() {
        let Some(Column::Customer(name)) = col else { continue };
        let header = head.cells.get(ci).map(|h| h.trim()).unwrap_or_default();
        let mut mine: Vec<&(usize, u32, usize, String)> = cells.iter().filter(|c| c.0 == ci).collect();
        crate::sort::sort_by_key(&mut mine, |c| c.1);
        if let Some(d) = customer(p, name, header, &mine, minor) {
            out.push(d);
        }
    }
    out
}

/// One customer from its non-empty cells in month order; `None` when a cell is wrong
/// (recorded in `p`) or the customer has no revenue at all.
fn customer(
    p: &mut Problems,
    name: &str,
    header: &str,
    cells: &[&(usize, u32, usize, String)],
    minor: u32,
) -> Option<ActualDeal> {
    let mut deal = ActualDeal {
        customer: Some(name.to_string()),
        booked_month: 0,
        revenue: Vec::new(),
        ended: None,
    };
    let mut ok = true;
    for &&(_, month, line, ref raw) in cells {
        let end = match raw.to_ascii_lowercase().as_str() {
            "churn" | "churned" => Some(DealEnd::Churn),
            "refund" | "refunded" => Some(DealEnd::Refund),
            _ => None,
        };
        let mut fail = |msg: String| {
            ok = false;
            p.add(at(line, header, msg));
        };
        if deal.ended.is_some() {
            fail(format!(
                "`{name}` already ended in an earlier month; leave this cell empty"
            ));
            continue;
        }
        if let Some(e) = end {
            if deal.booked_month == 0 {
                fail(format!(
                    "`{name}` ends before any revenue; write its revenue from its booking month on"
                ));
            }
            // the customer is gone from this month: no revenue in the months between
            pad(&mut deal, month.saturating_sub(1));
            deal.ended = Some(e);
            continue;
        }
        let v = match parse_amount(raw, minor) {
            Ok(v) if !v.0.is_sign_negative() || v.0.is_zero() => v,
            Ok(_) => {
                fail("the revenue is negative; write 0 or more, or `refund` in the month it was refunded".into());
                continue;
            }
            Err(e) => {
                let mut err = at(
                    line,
                    header,
                    format!("{e}, or `churn` / `refund` in the month the customer left"),
                );
                err.code = ErrorCode::InvalidMoney;
                p.add(err);
                ok = false;
                continue;
            }
        };
        if deal.booked_month == 0 {
            deal.booked_month = month;
        }
        pad(&mut deal, month.saturating_sub(1));
        deal.revenue.push(v);
    }
    (ok && deal.booked_month > 0).then_some(deal)
}

/// Months without a line or with an empty cell count as no revenue: fill the customer's
/// revenue with zeros through month `last`.
fn pad(deal: &mut ActualDeal, last: u32) {
    if deal.booked_month == 0 {
        return;
    }
    let k = last.saturating_add(1).saturating_sub(deal.booked_month) as usize;
    while deal.revenue.len() < k {
        deal.revenue.push(Money(rust_decimal::Decimal::ZERO));
    }
}
