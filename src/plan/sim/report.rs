//! Turning a simulation's accumulators into the `simulate` response: means rounded
//! to the minor unit (half away from zero) from exact integer sums, the partners'
//! share means adding up to the revenue mean exactly ([`means_adding_up`]), quantiles
//! from the fixed-memory histograms of `stats.rs`.

use crate::error::Result;
use crate::money::{give_leftover, Money};
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

/// `sum / n` rounded half away from zero to a whole number (of minor units).
// n ≥ 1 (checked) ≤ MAX_TRIALS; |r| < n, so 2|r| and q + adj fit i128
#[allow(clippy::arithmetic_side_effects)]
pub fn mean_units(sum: i128, n: u64) -> i128 {
    if n == 0 {
        return 0;
    }
    let (q, r) = (sum / i128::from(n), sum % i128::from(n));
    // round half away from zero in integers: |2r| ≥ n
    let adj = if 2 * r.abs() >= i128::from(n) { r.signum() } else { 0 };
    q + adj
}

/// `sum / n` minor units as money, rounded half away from zero to the minor unit.
pub fn mean_money(sum: i128, n: u64, minor: u32) -> Money {
    if n == 0 {
        return Money(Decimal::new(0, minor));
    }
    Money::from_units(mean_units(sum, n), minor).unwrap_or(Money::ZERO)
}

/// The means of a whole and its parts over `n` trials that add up exactly (the
/// partners' share means to the revenue mean): the whole's mean is `whole_sum / n`
/// rounded half away from zero ([`mean_units`]); each part's mean is its exact mean
/// `part_sum / n` rounded toward zero, and the units still missing to the whole's mean
/// go one each to the parts with the largest discarded remainders, ties by input order
/// (SPEC §4 on the exact means, [`give_leftover`]). As the parts' sums add up to the
/// whole's (every trial's shares add up to its revenue), each part's mean is its exact
/// mean rounded down or up, at most one minor unit away.
// n ≥ 1 trials; sums of i64 units over ≤ MAX_TRIALS (10⁷) trials < 2⁸⁷, so sign·s and
// sign·whole − given fit i128
#[allow(clippy::arithmetic_side_effects)]
pub fn means_adding_up(whole_sum: i128, part_sums: &[i128], n: u64) -> (i128, Vec<i128>) {
    let whole = mean_units(whole_sum, n);
    if n == 0 {
        return (whole, vec![0; part_sums.len()]);
    }
    // a negative whole is divided by its absolute value, the sign kept (§4)
    let sign = if whole_sum < 0 { -1 } else { 1 };
    let n = i128::from(n);
    let mut parts: Vec<i128> = part_sums.iter().map(|s| (sign * s).div_euclid(n)).collect();
    let remainders: Vec<i128> = part_sums.iter().map(|s| (sign * s).rem_euclid(n)).collect();
    let given: i128 = parts.iter().sum();
    give_leftover(&mut parts, &remainders, sign * whole - given);
    (whole, parts.into_iter().map(|p| sign * p).collect())
}

/// Mean (given, in minor units) and quantiles of an amount series.
// Decimal ÷ 10^minor (minor ≤ 4, the currency's): a divisor ≥ 1 cannot overflow
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn money_stats(acc: &MoneyAcc, mean: i128, minor: u32) -> MoneyStats {
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
        mean: Money::from_units(mean, minor).unwrap_or(Money::ZERO),
        p5: q(0.05),
        p50: q(0.5),
        p95: q(0.95),
    }
}

/// The figures of one period that must add up: bookings, revenue, and each partner's
/// share with its mean from [`means_adding_up`].
fn period_stats(per: &Period, n: u64, minor: u32) -> (MoneyStats, MoneyStats, Vec<MoneyStats>) {
    let sums: Vec<i128> = per.shares.iter().map(|a| a.sum).collect();
    let (revenue, shares) = means_adding_up(per.revenue.sum, &sums, n);
    (
        money_stats(&per.bookings, mean_units(per.bookings.sum, n), minor),
        money_stats(&per.revenue, revenue, minor),
        per.shares
            .iter()
            .zip(shares)
            .map(|(acc, mean)| money_stats(acc, mean, minor))
            .collect(),
    )
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
    let (bookings, revenue, shares) = period_stats(&s.total, n, minor);
    Ok(SimulateResponse {
        trials: n,
        seed,
        currency: m.currency.clone(),
        months,
        totals: Totals {
            bookings,
            revenue,
            deals: s.deals as f64 / n as f64,
        },
        partners: partner_totals(m, s, invest, shares),
        objectives,
    })
}

/// Month index `mi`: bookings, revenue, each partner's share, cost and ROPI, and the
/// probability that each has paid back by then.
// mi < horizon ≤ MAX_PLAN_MONTHS (600); counts ≤ MAX_TRIALS (10⁷)
#[allow(clippy::arithmetic_side_effects)]
fn month_figures(m: &Model, s: &Summary, invest: &Investment, mi: usize, per: &Period) -> MonthFigures {
    let (n, minor) = (s.trials, m.minor);
    let mut partners = BTreeMap::new();
    let mut paid_back = BTreeMap::new();
    let (bookings, revenue, shares) = period_stats(per, n, minor);
    for (i, pt) in m.partners.iter().enumerate() {
        let (Some(share), Some(ro)) = (shares.get(i), per.ropi.get(i)) else {
            continue;
        };
        partners.insert(
            pt.id.clone(),
            PartnerFigures {
                share: share.clone(),
                cost: money(i128::from(invest.in_month(mi, i)), minor),
                ropi: ratio_stats(ro),
                payouts: s.payouts.as_ref().and_then(|ps| ps.month(mi, i, n, minor)),
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
        bookings,
        revenue,
        partners,
        paid_back,
    }
}

/// Each partner over the horizon: share (its statistics given, in partner order),
/// investment, ROPI and payback month.
// month k < MAX_PLAN_MONTHS (600), counts ≤ MAX_TRIALS (10⁷): Σ (k + 1)·c < 2⁴⁰
#[allow(clippy::arithmetic_side_effects)]
fn partner_totals(
    m: &Model,
    s: &Summary,
    invest: &Investment,
    shares: Vec<MoneyStats>,
) -> BTreeMap<String, PartnerTotals> {
    let (n, minor) = (s.trials, m.minor);
    let last = m.horizon.saturating_sub(1);
    let mut partners = BTreeMap::new();
    for (i, pt) in m.partners.iter().enumerate() {
        let (Some(share), Some(ro), Some(pb)) = (shares.get(i), s.total.ropi.get(i), s.payback.get(i)) else {
            continue;
        };
        let paid: u64 = pb.counts.iter().sum();
        let month_sum: u64 = pb.counts.iter().enumerate().map(|(k, c)| (k as u64 + 1) * c).sum();
        partners.insert(
            pt.id.clone(),
            PartnerTotals {
                share: share.clone(),
                investment: money(i128::from(invest.cumulative(last, i)), minor),
                ropi: ratio_stats(ro),
                payback: Payback {
                    probability: paid as f64 / n as f64,
                    mean: (paid > 0).then(|| month_sum as f64 / paid as f64),
                    p5: pb.quantile(0.05),
                    p50: pb.quantile(0.5),
                    p95: pb.quantile(0.95),
                },
                payouts: s.payouts.as_ref().and_then(|ps| ps.total(i, n, minor)),
            },
        );
    }
    partners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_add_up_by_the_leftover_rule_on_the_exact_means() {
        // three partners with 3 units each over 4 trials: exact means 0.75, revenue
        // 9/4 = 2.25 → 2; floors 0, 0, 0, two leftover units to the first two (ties by order)
        assert_eq!(means_adding_up(9, &[3, 3, 3], 4), (2, vec![1, 1, 0]));
        // exact means 1.49 and 0.51 (revenue 2.00): the larger remainder gets the unit
        assert_eq!(means_adding_up(200, &[149, 51], 100), (2, vec![1, 1]));
        // whole exact means stay as they are: 3.00 + 0.50 → revenue 3.50 → 4
        assert_eq!(means_adding_up(350, &[300, 50], 100), (4, vec![3, 1]));
        // a negative whole: divided by its absolute value, the sign kept
        assert_eq!(means_adding_up(-9, &[-3, -3, -3], 4), (-2, vec![-1, -1, 0]));
        assert_eq!(means_adding_up(5, &[2, 3], 0), (0, vec![0, 0]));
    }
}
