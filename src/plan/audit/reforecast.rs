//! The audit's re-forecast (SPEC §15): the months after the actuals simulated again,
//! conditioned on them.
//!
//! The conditioning rule (docs/plans.md "Re-forecast"), with k the latest reported month:
//! - months 1..k are the actuals: their bookings and revenue (0 where not reported), the
//!   split of that revenue, and the objective metrics as the audit counts them;
//! - trial t draws exactly what trial t of the plain simulation draws; the deals it books
//!   in months 1..k are dropped (the actuals stand in for them), the deals it books from
//!   month k+1 on are kept — including those opened earlier and still in their sales
//!   cycle at month k;
//! - the customers won by month k keep paying: month k's actual revenue R is their run
//!   rate, and month k+j adds `round(R × s^j)` (half away from zero) with
//!   `s = (1 − churn) × (1 − (1 − renewalRate) / termMonths)` for subscriptions (a
//!   contract of unknown age reaches its term end with probability 1/termMonths a month
//!   and renews with renewalRate), `s × (1 + monthlyGrowth)` for consumption, and 0 for
//!   one-time offers.
//!
//! So k = 0 is the plain simulation bit for bit, and k = horizon leaves nothing random.
// Metric values, shares and costs are sums of i64 units over ≤ MAX_PLAN_MONTHS (600) months
// and ≤ MAX_TRIALS (10⁷) trials: < 2⁹⁰, far inside i128 (no Decimal operator here); months
// ≥ 1 (checked actuals) where month − 1 is taken, j ≥ k where j + 1 − k is.
#![allow(clippy::arithmetic_side_effects)]

use crate::error::{DealteamError, Result};
use crate::money::Money;
use crate::plan::model::{Metric, Model, OfferModel};
use crate::plan::sim::report::mean_money;
use crate::plan::sim::trial::Trial;
use crate::plan::sim::{Given, Simulation};
use crate::plan::types::{
    ActualMonth, ForecastMonth, ObjectiveForecast, PartnerProfit, PlanAudit, Probability, Reforecast, SimulateResponse,
    TrackFlag, TrackThresholds,
};
use std::collections::BTreeMap;

/// Default probability at or above which an objective is on track.
pub const ON_TRACK_ABOVE: f64 = 0.7;
/// Default probability below which an objective is off track.
pub const OFF_TRACK_BELOW: f64 = 0.3;

/// What the audit knows from the actuals.
pub struct Known<'a> {
    /// Reported months, ascending.
    pub months: &'a [&'a ActualMonth],
    /// Per reported month, the objective metrics as the audit counts them.
    pub metric_values: &'a [(u32, BTreeMap<String, i128>)],
    /// Each partner's part of the actual revenue, in minor units.
    pub shares: &'a [i128],
}

/// The plan's thresholds (or the defaults), checked: 0 ≤ offTrackBelow ≤ onTrackAbove ≤ 1.
pub fn thresholds(audit: Option<&PlanAudit>) -> Result<(f64, f64)> {
    let on = audit.and_then(|a| a.on_track_above).unwrap_or(ON_TRACK_ABOVE);
    let off = audit.and_then(|a| a.off_track_below).unwrap_or(OFF_TRACK_BELOW);
    for (x, f) in [(on, "onTrackAbove"), (off, "offTrackBelow")] {
        if !(0.0..=1.0).contains(&x) {
            return Err(DealteamError::invalid(
                format!("plan.audit.{f}"),
                format!("{f} is a probability between 0 and 1, got {x}"),
            ));
        }
    }
    if off > on {
        return Err(DealteamError::invalid(
            "plan.audit.offTrackBelow",
            format!("offTrackBelow ({off}) must not be above onTrackAbove ({on})"),
        ));
    }
    Ok((on, off))
}

/// Re-forecast the plan from the actuals (the rule is in the module documentation).
/// `(on, off)` are the checked [`thresholds`].
pub fn reforecast(
    sim: &Simulation,
    ids: &[String],
    expect: &SimulateResponse,
    known: &Known,
    (on, off): (f64, f64),
) -> Result<Reforecast> {
    let m = &sim.model;
    let k = known.months.last().map_or(0, |am| am.month as usize);
    let (bookings, revenue) = given_months(m, known.months, k)?;
    let given = Given {
        from: k,
        bookings: &bookings,
        revenue: &revenue,
    };
    let to_date: Vec<i128> = m
        .objectives
        .iter()
        .map(|o| {
            known
                .metric_values
                .iter()
                .filter(|(mo, _)| (*mo as usize) <= o.by_month.min(k))
                .filter_map(|(_, v)| v.get(&o.name))
                .sum()
        })
        .collect();
    let mut hits = vec![(0u64, 0i128); m.objectives.len()];
    let now = sim.run_given(&given, |t| {
        for ((o, base), acc) in m.objectives.iter().zip(&to_date).zip(hits.iter_mut()) {
            let v = base
                + (k..o.by_month.min(m.horizon))
                    .map(|mi| metric(m, t, &o.metric, mi))
                    .sum::<i128>();
            acc.0 += u64::from(v >= o.target);
            acc.1 += v;
        }
    })?;
    let n = now.trials;
    let objectives = m
        .objectives
        .iter()
        .zip(&expect.objectives)
        .zip(hits.iter().zip(&to_date))
        .map(|((o, at), (&(h, sum), &base))| {
            let p = h as f64 / n as f64;
            ObjectiveForecast {
                metric: o.name.clone(),
                target: sim.money(o.target),
                by_month: o.by_month as u32,
                actual_to_date: sim.money(base),
                at_signing: Probability(at.probability),
                now: Probability(p),
                expected_at_signing: at.expected,
                expected_now: mean_money(sum, n, m.minor),
                flag: if p >= on {
                    TrackFlag::OnTrack
                } else if p < off {
                    TrackFlag::OffTrack
                } else {
                    TrackFlag::AtRisk
                },
            }
        })
        .collect();
    Ok(Reforecast {
        through_month: k as u32,
        thresholds: TrackThresholds {
            on_track_above: Probability(on),
            off_track_below: Probability(off),
        },
        objectives,
        partners: profits(sim, ids, expect, &now, known, k),
        months: expect
            .months
            .iter()
            .zip(&now.months)
            .map(|(a, b)| ForecastMonth {
                month: a.month,
                plan_bookings: a.bookings.clone(),
                plan_revenue: a.revenue.clone(),
                bookings: b.bookings.clone(),
                revenue: b.revenue.clone(),
            })
            .collect(),
    })
}

/// A metric of one trial in month index `mi`.
fn metric(m: &Model, t: &Trial, metric: &Metric, mi: usize) -> i128 {
    let x = match metric {
        Metric::Bookings => t.bookings.get(mi),
        Metric::Revenue => t.revenue.get(mi),
        Metric::Share(i) => t.shares.get(mi * m.partners.len() + *i),
    };
    i128::from(x.copied().unwrap_or(0))
}

/// The given bookings and revenue per month: the actuals through month k, then the
/// run-off of month k's revenue.
fn given_months(m: &Model, months: &[&ActualMonth], k: usize) -> Result<(Vec<i64>, Vec<i64>)> {
    let h = m.horizon;
    let (mut bookings, mut revenue) = (vec![0i64; h], vec![0i64; h]);
    let units = |v: Option<Money>| -> Result<i64> {
        let u = v.map(|x| x.to_units(m.minor)).transpose()?.unwrap_or(0);
        Ok(i64::try_from(u).unwrap_or(0))
    };
    for am in months {
        let mi = am.month as usize - 1;
        if let (Some(b), Some(r)) = (bookings.get_mut(mi), revenue.get_mut(mi)) {
            *b = units(am.bookings)?;
            *r = units(am.revenue)?;
        }
    }
    let rate = if k > 0 {
        revenue.get(k - 1).copied().unwrap_or(0)
    } else {
        0
    };
    let s = match m.offer {
        OfferModel::OneTime => 0.0,
        OfferModel::Subscription { term, churn, renewal } => (1.0 - churn) * (1.0 - (1.0 - renewal) / f64::from(term)),
        OfferModel::Consumption {
            term,
            growth,
            churn,
            renewal,
        } => (1.0 - churn) * (1.0 - (1.0 - renewal) / f64::from(term)) * (1.0 + growth),
    };
    for (j, slot) in revenue.iter_mut().enumerate().skip(k) {
        let x = (rate as f64 * libm::pow(s, (j + 1 - k) as f64)).round();
        *slot = if x.is_finite() { x as i64 } else { 0 };
    }
    Ok((bookings, revenue))
}

/// Each partner's profitability to date and expected at the horizon.
fn profits(
    sim: &Simulation,
    ids: &[String],
    expect: &SimulateResponse,
    now: &SimulateResponse,
    known: &Known,
    k: usize,
) -> Vec<PartnerProfit> {
    let h = sim.model.horizon;
    let inv = &sim.invest;
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            let costs: i128 = (0..k)
                .map(|mi| {
                    let reported = known
                        .months
                        .iter()
                        .find(|am| am.month as usize == mi + 1)
                        .and_then(|am| am.costs.as_ref()?.get(id));
                    match reported {
                        Some(c) => c.to_units(sim.model.minor).unwrap_or(0),
                        None => i128::from(inv.in_month(mi, i)),
                    }
                })
                .sum();
            let rest = (k..h).map(|mi| i128::from(inv.in_month(mi, i))).sum::<i128>();
            let share = known.shares.get(i).copied().unwrap_or(0);
            let units = |x: Option<Money>| x.and_then(|x| x.to_units(sim.model.minor).ok()).unwrap_or(0);
            let exp_share = units(now.partners.get(id).map(|p| p.share.mean));
            let sign_share = units(expect.partners.get(id).map(|p| p.share.mean));
            let sign_inv = units(expect.partners.get(id).map(|p| p.investment));
            PartnerProfit {
                partner_id: id.clone(),
                share_to_date: sim.money(share),
                costs_to_date: sim.money(costs),
                profit_to_date: sim.money(share - costs),
                expected_share: sim.money(exp_share),
                expected_investment: sim.money(costs + rest),
                expected_profit: sim.money(exp_share - costs - rest),
                expected_profit_at_signing: sim.money(sign_share - sign_inv),
            }
        })
        .collect()
}
