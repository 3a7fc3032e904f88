//! One Monte Carlo trial of a joint plan (SPEC §6): opportunities, wins, bookings,
//! recognised revenue and each partner's share, month by month, in minor units.
//!
//! The order of random draws is part of the contract (it makes a seed reproducible):
//! for month 1, 2, …: the number of opportunities `Poisson(λ_m)`; then per opportunity
//! its opening time (uniform in the month), won (`Bernoulli(winProbability)`), and if
//! won its cycle (triangular); if it closes within the horizon its deal size
//! (lognormal), then for subscription/consumption its lifetime in months (geometric
//! with `monthlyChurn`, when 0 < churn < 1) and, at each term end it lives to see
//! within the horizon, a renewal draw (when 0 < renewalRate < 1).
// Months < horizon ≤ MAX_PLAN_MONTHS (600), partners ≤ MAX_PLAN_PARTNERS (100): month·p +
// i < 60,000; terms ≥ 1 where term − 1 is taken; deal sizes ≤ MAX_DEAL_UNITS (10¹⁵) and
// counts per trial ≤ the Poisson draws. Hot loop of the simulation.
#![allow(clippy::arithmetic_side_effects)]

use crate::money::{equal_part, Money, UnitDivider};
use crate::plan::incentives::{DealLog, Payouts};
use crate::plan::model::{Model, OfferModel};
use crate::plan::sim::condition::Given;
use crate::rng::ChaCha12Rng;
use crate::Result;
use rand::Rng;
use rand_distr::{Bernoulli, Distribution, LogNormal, Poisson, Triangular};

/// Days per month (SPEC §6).
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;
/// Largest deal size in minor units (10^15: ten trillion in a two-decimal currency);
/// larger lognormal draws are capped.
pub const MAX_DEAL_UNITS: i64 = 1_000_000_000_000_000;

/// The samplers of one model, built once.
pub struct Samplers {
    poisson: Vec<Option<Poisson<f64>>>,
    won: Bernoulli,
    cycle: Triangular<f64>,
    size: LogNormal<f64>,
    renew: Option<Bernoulli>,
    /// renewalRate == 1: every term renews.
    renew_always: bool,
    /// ln(1 − churn) for the geometric lifetime, when 0 < churn < 1.
    ln_stay: Option<f64>,
    /// churn == 1: every customer leaves after its first month.
    churn_all: bool,
    scale: f64,
    /// The split's division prepared for months of revenue, when its weights allow it.
    divider: Option<UnitDivider>,
}

impl Samplers {
    /// Build the samplers; the model is checked, so this fails only on a bug.
    pub fn new(m: &Model) -> Result<Samplers> {
        let bad = |what: &str| crate::DealteamError::invalid("plan.pipeline", format!("cannot sample {what}"));
        let poisson = m
            .rates
            .iter()
            .map(|&l| {
                if l > 0.0 {
                    Poisson::new(l).map(Some).map_err(|_| bad("opportunities"))
                } else {
                    Ok(None)
                }
            })
            .collect::<Result<Vec<_>>>()?;
        let (churn, renewal) = match m.offer {
            OfferModel::OneTime => (0.0, 0.0),
            OfferModel::Subscription { churn, renewal, .. } | OfferModel::Consumption { churn, renewal, .. } => {
                (churn, renewal)
            }
        };
        Ok(Samplers {
            poisson,
            won: Bernoulli::new(m.win).map_err(|_| bad("wins"))?,
            cycle: Triangular::new(m.cycle.0, m.cycle.2, m.cycle.1).map_err(|_| bad("sales cycles"))?,
            size: LogNormal::new(m.mu, m.sigma).map_err(|_| bad("deal sizes"))?,
            renew_always: renewal >= 1.0,
            renew: if renewal > 0.0 && renewal < 1.0 {
                Bernoulli::new(renewal).ok()
            } else {
                None
            },
            ln_stay: if churn > 0.0 && churn < 1.0 {
                Some(libm::log(1.0 - churn))
            } else {
                None
            },
            churn_all: churn >= 1.0,
            scale: libm::pow(10.0, f64::from(m.minor)),
            divider: m.split.unit_divider(m.minor),
        })
    }
}

/// What one trial produced, month by month (index 0 = month 1), in minor units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trial {
    /// New bookings per month.
    pub bookings: Vec<i64>,
    /// Recognised revenue per month.
    pub revenue: Vec<i64>,
    /// Shares per month, partner-major within a month: `shares[m * P + i]`.
    pub shares: Vec<i64>,
    /// Won deals booked within the horizon.
    pub deals: u64,
    /// Opportunities opened.
    pub opportunities: u64,
    /// Each deal's revenue and churn (recorded only when the plan has incentives).
    pub log: DealLog,
    /// The incentive ledger (SPEC §13; empty without incentives).
    pub payouts: Payouts,
}

impl Trial {
    /// Buffers for a model.
    pub fn for_model(m: &Model) -> Trial {
        Trial {
            bookings: vec![0; m.horizon],
            revenue: vec![0; m.horizon],
            shares: vec![0; m.horizon * m.partners.len()],
            deals: 0,
            opportunities: 0,
            log: if m.incentives.is_some() {
                DealLog::recording()
            } else {
                DealLog::default()
            },
            payouts: match m.incentives {
                Some(_) => Payouts::new(m.partners.len(), m.horizon),
                None => Payouts::default(),
            },
        }
    }
}

/// Run one trial with `rng` into `out` (SPEC §6).
pub fn run_trial(m: &Model, s: &Samplers, rng: &mut ChaCha12Rng, out: &mut Trial) -> Result<()> {
    run_trial_given(m, s, rng, out, &Given::NONE)
}

/// Run one trial conditioned on what is `given` (the audit's re-forecast, see
/// [`Given`]); with [`Given::NONE`] this is [`run_trial`].
pub fn run_trial_given(m: &Model, s: &Samplers, rng: &mut ChaCha12Rng, out: &mut Trial, given: &Given) -> Result<()> {
    let h = m.horizon;
    out.bookings.iter_mut().for_each(|x| *x = 0);
    out.revenue.iter_mut().for_each(|x| *x = 0);
    out.deals = 0;
    out.opportunities = 0;
    out.log.clear();
    for month in 0..h {
        let Some(Some(pois)) = s.poisson.get(month) else {
            continue;
        };
        let n = pois.sample(rng) as u64;
        out.opportunities += n;
        for _ in 0..n {
            let opened = (month as f64 + rng.random::<f64>()) * DAYS_PER_MONTH;
            if !s.won.sample(rng) {
                continue;
            }
            let closed = opened + s.cycle.sample(rng);
            let booked = (closed / DAYS_PER_MONTH) as usize;
            if booked >= h {
                continue;
            }
            let deal = deal_units(s.size.sample(rng), s.scale, m.deal_quantum);
            if booked < given.from {
                // replaced by the actuals: drawn all the same, so later draws do not move
                recognise(m, s, rng, booked, deal, &mut [], &mut DealLog::default());
                continue;
            }
            out.deals += 1;
            add(&mut out.bookings, booked, deal);
            out.log.open(booked);
            recognise(m, s, rng, booked, deal, &mut out.revenue, &mut out.log);
        }
    }
    given.add_to(out);
    split_months(m, s.divider.as_ref(), out)?;
    if let Some(inc) = &m.incentives {
        out.payouts.run(inc, &out.revenue, &out.log, rng);
    }
    Ok(())
}

/// A lognormal draw (currency units) as minor units: rounded to the nearest multiple of
/// `quantum` minor units (half away from zero), capped at [`MAX_DEAL_UNITS`].
fn deal_units(size: f64, scale: f64, quantum: i64) -> i64 {
    let q = quantum.max(1) as f64;
    let u = (size * scale / q).round() * q;
    if u.is_finite() {
        (u as i64).clamp(0, MAX_DEAL_UNITS)
    } else {
        MAX_DEAL_UNITS
    }
}

fn add(v: &mut [i64], i: usize, x: i64) {
    if let Some(slot) = v.get_mut(i) {
        *slot = slot.saturating_add(x);
    }
}

/// Revenue recognition of one deal booked in month index `start` (SPEC §6):
/// oneTime all at once; subscription 1/term per month (§4 equal parts, leftover units
/// to the first months of each term); consumption deal/term × (1+growth)^k in month k
/// (rounded half away from zero to the minor unit, capped at [`MAX_DEAL_UNITS`]).
/// Churn ends the customer after a geometric number of months; at each term end it
/// renews with `renewalRate`. Nothing is recognised at or after the horizon.
fn recognise(
    m: &Model,
    s: &Samplers,
    rng: &mut ChaCha12Rng,
    start: usize,
    deal: i64,
    rev: &mut [i64],
    log: &mut DealLog,
) {
    let h = m.horizon;
    let (term, growth) = match m.offer {
        OfferModel::OneTime => {
            add(rev, start, deal);
            log.push(deal);
            return;
        }
        OfferModel::Subscription { term, .. } => (term, None),
        OfferModel::Consumption { term, growth, .. } => (term, Some(growth)),
    };
    // lifetime: months the customer stays (after each month it leaves w.p. churn)
    let life = if s.churn_all {
        1
    } else if let Some(ln_stay) = s.ln_stay {
        let u: f64 = rng.random();
        let extra = libm::log(1.0 - u) / ln_stay; // ≥ 0; 1 − u ∈ (0, 1]
        if extra.is_finite() && extra < h as f64 {
            1 + extra as usize
        } else {
            h + 1
        }
    } else {
        h + 1
    };
    let term = term.max(1) as usize;
    // the §4 equal parts of one term, computed once per deal (term ≤ 600)
    let first = equal_part(deal, term as u32, 0);
    let rest = equal_part(deal, term as u32, term as u32 - 1);
    let bigger = (deal.rem_euclid(term as i64)) as usize; // parts that get one unit more
    let mut k = 0usize;
    let mut within = 0usize;
    while start + k < h && k < life {
        let amount = match growth {
            None => {
                if within < bigger {
                    first
                } else {
                    rest
                }
            }
            Some(g) => {
                let x = (deal as f64 / term as f64 * libm::pow(1.0 + g, k as f64)).round();
                if x.is_finite() {
                    (x as i64).clamp(0, MAX_DEAL_UNITS)
                } else {
                    MAX_DEAL_UNITS
                }
            }
        };
        add(rev, start + k, amount);
        log.push(amount);
        k += 1;
        within += 1;
        if within == term {
            within = 0;
        }
        if k % term == 0 && k < life && start + k < h {
            let renews = match &s.renew {
                Some(b) => b.sample(rng),
                None => s.renew_always,
            };
            if !renews {
                return;
            }
        }
    }
    // the loop ended by churn (not by the horizon, nor by a term without renewal)
    log.close(k == life);
}

/// Divide each month's revenue among the partners by the plan's split (SPEC §5, §6,
/// through §4): the split is applied month by month, so every month's shares add up
/// to that month's revenue exactly. A month without revenue gives every partner 0.
/// `divider` is the split's division prepared for minor units, when it has one.
fn split_months(m: &Model, divider: Option<&UnitDivider>, out: &mut Trial) -> Result<()> {
    let p = m.partners.len();
    for (month, &rev) in out.revenue.iter().enumerate() {
        let row = out.shares.get_mut(month * p..(month + 1) * p).unwrap_or(&mut []);
        if rev == 0 {
            row.iter_mut().for_each(|x| *x = 0);
            continue;
        }
        if divider.is_some_and(|d| d.divide(rev, row)) {
            continue;
        }
        let parts = m.split.divide(Money::from_units(i128::from(rev), m.minor)?)?;
        for (slot, part) in row.iter_mut().zip(parts) {
            // the parts come back with the minor unit as their scale: the mantissa is
            // the amount in minor units (the general conversion is the fallback)
            let units = if part.0.scale() == m.minor {
                part.0.mantissa()
            } else {
                part.to_units(m.minor)?
            };
            *slot = i64::try_from(units).unwrap_or(i64::MAX);
        }
    }
    Ok(())
}
