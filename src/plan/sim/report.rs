//! Turning a simulation's accumulators into the `simulate` response: means rounded
//! to the minor unit (half away from zero) from exact integer sums, quantiles from
//! the fixed-memory histograms of `stats.rs`.

use crate::error::Result;
use crate::money::Money;
use crate::plan::model::{Investment, Model};
use crate::plan::sim::stats::{MoneyAcc, RatioAcc};
use crate::plan::sim::summary::{Period, Summary};
use crate::plan::types::{
    MoneyStats, MonthFigures, ObjectiveResult, PartnerFigures, PartnerTotals, Payback, Probability, RatioStats,
    SimulateResponse, Totals,
};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

/// An amount in minor units as money (0 if it does not fit).
pub(crate) fn money(units: i128, minor: u32) -> Money {
    Money::from_units(units, minor).unwrap_or(Money::ZERO)
}

/// `sum / n` minor units as money, rounded half away from zero to the minor unit.
pub fn mean_money(sum: i128, n: u64, minor: u32) -> Money {
    if n == 0 {
        return Money(Decimal::new(0, minor));
    }
    let (q, r) = (sum / i128::from(n), sum % i128::from(n));
    // round half away from zero in integers: |2r| ≥ n
    let adj = if 2 * r.abs() >= i128::from(n) { r.signum() } else { 0 };
    Money::from_units(q + adj, minor).unwrap_or(Money::ZERO)
}

fn money_stats(acc: &MoneyAcc, n: u64, minor: u32) -> MoneyStats {
    let q = |p: f64| {
        let units = acc.q.quantile(p).round();
        let d = Decimal::from_f64_retain(units)
            .unwrap_or(Decimal::ZERO)
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        let mut d = d / Decimal::from(10u64.pow(minor));
        d.rescale(minor);
        Money(d)
    };
    MoneyStats {
        mean: mean_money(acc.sum, n, minor),
        p5: q(0.05),
        p50: q(0.5),
        p95: q(0.95),
    }
}

fn ratio_stats(acc: &RatioAcc) -> Option<RatioStats> {
    let n = acc.q.count();
    (n > 0).then(|| RatioStats {
        mean: acc.sum / n as f64,
        p5: acc.q.quantile(0.05),
        p50: acc.q.quantile(0.5),
        p95: acc.q.quantile(0.95),
    })
}

/// The response of a simulation from its accumulators.
pub(crate) fn response(m: &Model, s: &Summary, invest: &Investment, seed: u64) -> Result<SimulateResponse> {
    let n = s.trials;
    let minor = m.minor;
    let months = s
        .months
        .iter()
        .enumerate()
        .map(|(mi, per)| month_figures(m, s, invest, mi, per))
        .collect();
    let objectives = m
        .objectives
        .iter()
        .zip(&s.objectives)
        .map(|(o, &(hits, sum))| ObjectiveResult {
            metric: o.name.clone(),
            target: money(o.target, minor),
            by_month: o.by_month as u32,
            probability: hits as f64 / n as f64,
            expected: mean_money(sum, n, minor),
        })
        .collect();
    Ok(SimulateResponse {
        trials: n,
        seed,
        currency: m.currency.clone(),
        months,
        totals: Totals {
            bookings: money_stats(&s.total.bookings, n, minor),
            revenue: money_stats(&s.total.revenue, n, minor),
            deals: s.deals as f64 / n as f64,
        },
        partners: partner_totals(m, s, invest),
        objectives,
    })
}

/// Month index `mi`: bookings, revenue, each partner's share, cost and ROPI, and the
/// probability that each has paid back by then.
fn month_figures(m: &Model, s: &Summary, invest: &Investment, mi: usize, per: &Period) -> MonthFigures {
    let (n, minor) = (s.trials, m.minor);
    let mut partners = BTreeMap::new();
    let mut paid_back = BTreeMap::new();
    for (i, pt) in m.partners.iter().enumerate() {
        let (Some(sh), Some(ro)) = (per.shares.get(i), per.ropi.get(i)) else {
            continue;
        };
        partners.insert(
            pt.id.clone(),
            PartnerFigures {
                share: money_stats(sh, n, minor),
                cost: money(i128::from(invest.in_month(mi, i)), minor),
                ropi: ratio_stats(ro),
            },
        );
        let by = s
            .payback
            .get(i)
            .map(|c| c.counts.iter().take(mi + 1).sum::<u64>())
            .unwrap_or(0);
        paid_back.insert(pt.id.clone(), Probability(by as f64 / n as f64));
    }
    MonthFigures {
        month: (mi + 1) as u32,
        bookings: money_stats(&per.bookings, n, minor),
        revenue: money_stats(&per.revenue, n, minor),
        partners,
        paid_back,
    }
}

/// Each partner over the horizon: share, investment, ROPI and payback month.
fn partner_totals(m: &Model, s: &Summary, invest: &Investment) -> BTreeMap<String, PartnerTotals> {
    let (n, minor) = (s.trials, m.minor);
    let last = m.horizon.saturating_sub(1);
    let mut partners = BTreeMap::new();
    for (i, pt) in m.partners.iter().enumerate() {
        let (Some(sh), Some(ro), Some(pb)) = (s.total.shares.get(i), s.total.ropi.get(i), s.payback.get(i)) else {
            continue;
        };
        let paid: u64 = pb.counts.iter().sum();
        let month_sum: u64 = pb.counts.iter().enumerate().map(|(k, c)| (k as u64 + 1) * c).sum();
        partners.insert(
            pt.id.clone(),
            PartnerTotals {
                share: money_stats(sh, n, minor),
                investment: money(i128::from(invest.cumulative(last, i)), minor),
                ropi: ratio_stats(ro),
                payback: Payback {
                    probability: paid as f64 / n as f64,
                    mean: (paid > 0).then(|| month_sum as f64 / paid as f64),
                    p5: pb.quantile(0.05),
                    p50: pb.quantile(0.5),
                    p95: pb.quantile(0.95),
                },
            },
        );
    }
    partners
}
