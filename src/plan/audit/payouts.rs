//! The incentive ledger recomputed on actuals (SPEC §13, last line): the reported
//! customers become the deal log of one "trial" (booking month, revenue by month since
//! booking, churn or refund), the month's reported revenue (or, for a month without
//! one, the customers' revenue) drives the thresholds, and the same rules as the
//! simulation — schedules, bounties, tiers, adoption, hold, instalments, minimum payout,
//! clawback — give each rewarded partner's ledger to date, next to the plan's expected
//! ledger (the simulation means) over the same months. MDF cash is not audited here:
//! its claims are not part of the actuals.

use crate::error::Result;
use crate::money::Money;
use crate::plan::incentives::{DealLog, IncentiveModel, Payouts};
use crate::plan::sim::Simulation;
use crate::plan::types::{Actuals, AuditPayout, LedgerToDate, SimulateResponse};

/// Each rewarded partner's payouts to date, expected and actual; `None` without
/// incentives.
// through ≥ 1 here (0 returned early)
#[allow(clippy::arithmetic_side_effects)]
pub fn audit_payouts(
    sim: &Simulation,
    ids: &[String],
    expect: &SimulateResponse,
    actuals: &Actuals,
) -> Result<Option<Vec<AuditPayout>>> {
    let Some(inc) = &sim.model.incentives else {
        return Ok(None);
    };
    let (minor, h) = (sim.model.minor, sim.model.horizon);
    let (log, revenue) = actual_log(actuals, minor, h)?;
    let through = through_month(actuals, h);
    if through == 0 {
        return Ok(Some(Vec::new()));
    }
    let book = actual_ledger(inc, ids.len(), h, &revenue, &log);
    let out = (ids.iter().enumerate())
        .filter(|(i, _)| inc.rewarded(*i))
        .map(|(i, id)| {
            let upto = |v: &[i64]| -> i128 { book.row(v, i).iter().take(through).map(|&x| i128::from(x)).sum() };
            let at = |v: &[i64]| i128::from(book.at(v, i, through - 1));
            AuditPayout {
                partner_id: id.clone(),
                through_month: through as u32,
                expected: expected_to_date(expect, id, through),
                actual: LedgerToDate {
                    earned: sim.money(upto(&book.earned)),
                    paid: sim.money(upto(&book.paid)),
                    held: sim.money(at(&book.held)),
                    clawed_back: sim.money(upto(&book.clawed)),
                    balance: sim.money(at(&book.balance)),
                },
            }
        })
        .collect();
    Ok(Some(out))
}

/// The ledger of every partner over the horizon on the actual customers.
pub fn actual_ledger(inc: &IncentiveModel, partners: usize, h: usize, revenue: &[i64], log: &DealLog) -> Payouts {
    let mut book = Payouts::new(partners, h);
    book.earn(inc, revenue, log);
    book.settle(inc);
    book
}

/// The actual customers as a deal log, and the revenue of each month (reported, or the
/// customers' sum for a month without a reported revenue), in minor units.
// booked < h and k < h − booked (the take): booked + k < h
#[allow(clippy::arithmetic_side_effects)]
pub fn actual_log(actuals: &Actuals, minor: u32, h: usize) -> Result<(DealLog, Vec<i64>)> {
    let mut log = DealLog::recording();
    let mut from_deals = vec![0i64; h];
    for d in &actuals.deals {
        let booked = (d.booked_month as usize).saturating_sub(1);
        log.open(booked);
        for (k, v) in d.revenue.iter().enumerate().take(h.saturating_sub(booked)) {
            let u = units(*v, minor)?;
            log.push(u);
            if let Some(slot) = from_deals.get_mut(booked + k) {
                *slot = slot.saturating_add(u);
            }
        }
        log.close(d.ended.is_some());
    }
    let mut revenue = from_deals;
    for am in &actuals.months {
        if let (Some(r), Some(slot)) = (am.revenue, revenue.get_mut((am.month as usize).saturating_sub(1))) {
            *slot = units(r, minor)?;
        }
    }
    Ok((log, revenue))
}

fn units(v: Money, minor: u32) -> Result<i64> {
    let u = v.to_units(minor)?;
    Ok(i64::try_from(u).unwrap_or(if u < 0 { i64::MIN } else { i64::MAX }))
}

/// The last month the actuals tell about: a reported month, a customer's last month of
/// revenue, or the month after it when it ended (its clawback month); within the horizon.
// booked month ≤ horizon ≤ MAX_PLAN_MONTHS, revenue months ≤ the request's items
#[allow(clippy::arithmetic_side_effects)]
pub fn through_month(actuals: &Actuals, h: usize) -> usize {
    let months = actuals.months.iter().map(|m| m.month as usize);
    let deals = actuals.deals.iter().map(|d| {
        let last = (d.booked_month as usize + d.revenue.len()).saturating_sub(1);
        last + usize::from(d.ended.is_some())
    });
    months.chain(deals).max().unwrap_or(0).min(h)
}

/// The plan's expected ledger over months 1..=`through`: the monthly means summed, held
/// and balance at the last month.
fn expected_to_date(expect: &SimulateResponse, id: &str, through: usize) -> LedgerToDate {
    let zero = Money(rust_decimal::Decimal::ZERO);
    let mut e = LedgerToDate {
        earned: zero,
        paid: zero,
        held: zero,
        clawed_back: zero,
        balance: zero,
    };
    let add = |a: &mut Money, b: Money| a.0 = a.0.saturating_add(b.0);
    for m in expect.months.iter().take(through) {
        let Some(s) = m.partners.get(id).and_then(|f| f.payouts.as_ref()) else {
            continue;
        };
        add(&mut e.earned, s.earned.mean);
        add(&mut e.paid, s.paid.mean);
        add(&mut e.clawed_back, s.clawed_back.mean);
        e.held = s.held.mean;
        e.balance = s.balance.mean;
    }
    e
}
