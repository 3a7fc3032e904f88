//! Turning a plan into the checked numbers the simulation runs on (SPEC §6), with
//! every impossible value reported at once with its path: p90 below the median,
//! churn outside 0..1, horizon 0, shares that do not add up, bad money, ….
//!
//! `validate` reports the same problems as findings, so a plan that validates can
//! be simulated.

use crate::error::{check_finite, DealteamError, ErrorCode, Problems, Result};
use crate::model::{MAX_PLAN_MONTHS, MAX_TRIALS};
use crate::money::{Currency, Money};
use crate::plan::types::{MayPursue, Offer, Plan, Rate};
use crate::plan::PreparedSplit;

/// Default number of trials.
pub const DEFAULT_TRIALS: u64 = 10_000;
/// Largest mean number of opportunities per month (a work limit).
pub const MAX_RATE: f64 = 100_000.0;

/// The revenue model of the offer, checked.
#[derive(Clone, Debug, PartialEq)]
pub enum OfferModel {
    /// All in the booking month.
    OneTime,
    /// Equal instalments over `term` months.
    Subscription {
        /// Months per term.
        term: u32,
        /// Monthly churn probability.
        churn: f64,
        /// Renewal probability.
        renewal: f64,
    },
    /// Growing monthly consumption.
    Consumption {
        /// Months per term.
        term: u32,
        /// Growth per month.
        growth: f64,
        /// Monthly churn probability.
        churn: f64,
        /// Renewal probability.
        renewal: f64,
    },
}

/// What an objective measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Metric {
    /// New bookings.
    Bookings,
    /// Recognised revenue.
    Revenue,
    /// One partner's share (index into the partners).
    Share(usize),
}

/// A checked objective.
#[derive(Clone, Debug)]
pub struct ObjectiveModel {
    /// The metric as written.
    pub name: String,
    /// Parsed.
    pub metric: Metric,
    /// Target in minor units.
    pub target: i128,
    /// 1-based month.
    pub by_month: usize,
}

/// A checked partner.
#[derive(Clone, Debug)]
pub struct PartnerModel {
    /// Id.
    pub id: String,
    /// Month-1 investment (mdf + enablement + branding) in minor units.
    pub upfront: i64,
    /// Monthly cost in minor units.
    pub monthly: i64,
}

/// Everything the simulation needs, checked.
#[derive(Clone, Debug)]
pub struct Model {
    /// Currency.
    pub currency: Currency,
    /// Minor units of every amount (the currency's).
    pub minor: u32,
    /// Deal sizes are rounded to multiples of this many minor units (10^(minor − minorUnits)).
    pub deal_quantum: i64,
    /// Months.
    pub horizon: usize,
    /// Partners in plan order.
    pub partners: Vec<PartnerModel>,
    /// λ per month (index 0 = month 1).
    pub rates: Vec<f64>,
    /// Win probability.
    pub win: f64,
    /// Lognormal μ of the deal size in currency units.
    pub mu: f64,
    /// Lognormal σ.
    pub sigma: f64,
    /// Sales cycle min/mode/max in days.
    pub cycle: (f64, f64, f64),
    /// Revenue model.
    pub offer: OfferModel,
    /// The split, prepared for the partners.
    pub split: PreparedSplit,
    /// Objectives.
    pub objectives: Vec<ObjectiveModel>,
}

/// The z-score of the 90th percentile of the standard normal (SPEC §6).
pub const Z90: f64 = 1.2815515655446004;

/// Check `trials` (default 10,000; 1..=10,000,000).
pub fn check_trials(trials: Option<u64>) -> Result<u64> {
    let t = trials.unwrap_or(DEFAULT_TRIALS);
    if t == 0 {
        return Err(DealteamError::invalid("trials", "run at least 1 trial"));
    }
    if t > MAX_TRIALS as u64 {
        return Err(DealteamError::too_large(
            "trials",
            "simulation trials",
            MAX_TRIALS,
            t.min(usize::MAX as u64) as usize,
        ));
    }
    Ok(t)
}

fn units(p: &mut Problems, m: Option<Money>, minor: u32, path: &str) -> i64 {
    let Some(m) = m else { return 0 };
    let r = m.check_minor(minor, path).and_then(|m| m.to_units(minor));
    match p.take(r.map_err(|e| DealteamError {
        path: path.to_string(),
        ..e
    })) {
        Some(u) if u < 0 => {
            p.push(ErrorCode::InvalidMoney, path, "an investment must not be negative");
            0
        }
        Some(u) if u > i64::MAX as i128 / 1_000_000 => {
            p.push(ErrorCode::InvalidMoney, path, "this amount is too large to simulate");
            0
        }
        Some(u) => u as i64,
        None => 0,
    }
}

fn prob(p: &mut Problems, x: f64, path: &str, what: &str) {
    if check_finite(p, path, x) && !(0.0..=1.0).contains(&x) {
        p.invalid(path, format!("{what} is a probability between 0 and 1, got {x}"));
    }
}

fn missing(p: &mut Problems, path: &str, what: &str) {
    p.push(
        ErrorCode::MissingField,
        path,
        format!("a plan needs {what} to be simulated"),
    );
}

/// Check a plan for simulation (SPEC §6): every problem is reported, the first as the
/// error and the rest in `others`.
pub fn check_plan(plan: &Plan) -> Result<Model> {
    let mut p = Problems::new();
    let currency = plan.currency.clone();
    if currency.is_none() {
        missing(&mut p, "currency", "`currency` (an ISO 4217 code such as \"EUR\")");
    }
    let cur = currency.clone().unwrap_or_else(Currency::eur);
    let minor = cur.minor_units();
    let mut deal_quantum = 1i64;
    if let Some(mu) = plan.minor_units {
        if mu > minor {
            p.invalid(
                "minorUnits",
                format!("{cur} has {minor} decimal places; minorUnits may lower that, not raise it"),
            );
        } else {
            deal_quantum = 10i64.pow(minor - mu);
        }
    }
    let horizon = match plan.horizon_months {
        None => {
            missing(&mut p, "horizonMonths", "`horizonMonths` (1 to 600)");
            1
        }
        Some(0) => {
            p.invalid("horizonMonths", "the horizon must be at least 1 month");
            1
        }
        Some(h) if h as usize > MAX_PLAN_MONTHS => {
            p.add(DealteamError::too_large(
                "horizonMonths",
                "plan months",
                MAX_PLAN_MONTHS,
                h as usize,
            ));
            1
        }
        Some(h) => h as usize,
    };
    // partners
    if plan.partners.is_empty() {
        missing(&mut p, "partners", "at least one partner");
    }
    crate::model::check_ids(&mut p, "partners", plan.partners.iter().map(|x| x.id.as_str()));
    let mut partners = Vec::new();
    for (i, pt) in plan.partners.iter().enumerate() {
        let inv = pt.investments.clone().unwrap_or_default();
        let at = |f: &str| format!("partners[{i}].investments.{f}");
        let upfront = [
            ("mdf", inv.mdf),
            ("enablement", inv.enablement),
            ("branding", inv.branding),
        ]
        .into_iter()
        .map(|(f, m)| units(&mut p, m, minor, &at(f)))
        .sum();
        let monthly = units(&mut p, inv.monthly_cost, minor, &at("monthlyCost"));
        partners.push(PartnerModel {
            id: pt.id.clone(),
            upfront,
            monthly,
        });
    }
    // offer
    let offer = match &plan.offer {
        None => {
            missing(&mut p, "offer", "an `offer` (oneTime, subscription or consumption)");
            OfferModel::OneTime
        }
        Some(Offer::OneTime {}) => OfferModel::OneTime,
        Some(Offer::Subscription {
            term_months,
            monthly_churn,
            renewal_rate,
        }) => {
            check_term(&mut p, *term_months);
            prob(&mut p, *monthly_churn, "offer.monthlyChurn", "monthlyChurn");
            prob(&mut p, *renewal_rate, "offer.renewalRate", "renewalRate");
            OfferModel::Subscription {
                term: (*term_months).max(1),
                churn: *monthly_churn,
                renewal: *renewal_rate,
            }
        }
        Some(Offer::Consumption {
            term_months,
            monthly_growth,
            monthly_churn,
            renewal_rate,
        }) => {
            check_term(&mut p, *term_months);
            if check_finite(&mut p, "offer.monthlyGrowth", *monthly_growth)
                && !(*monthly_growth > -1.0 && *monthly_growth <= 10.0)
            {
                p.invalid(
                    "offer.monthlyGrowth",
                    format!("monthlyGrowth must be above -1 and at most 10 (1000 % a month), got {monthly_growth}"),
                );
            }
            prob(&mut p, *monthly_churn, "offer.monthlyChurn", "monthlyChurn");
            prob(&mut p, *renewal_rate, "offer.renewalRate", "renewalRate");
            OfferModel::Consumption {
                term: (*term_months).max(1),
                growth: *monthly_growth,
                churn: *monthly_churn,
                renewal: *renewal_rate,
            }
        }
    };
    // pipeline
    let (mut rates, mut win, mut mu, mut sigma, mut cycle) = (vec![0.0; horizon], 0.0, 0.0, 0.0, (0.0, 0.0, 0.0));
    match &plan.pipeline {
        None => missing(&mut p, "pipeline", "a `pipeline`"),
        Some(pl) => {
            let list: Vec<f64> = match &pl.opportunities_per_month {
                Rate::Constant(x) => vec![*x],
                Rate::Ramp(v) if v.is_empty() => {
                    p.invalid(
                        "pipeline.opportunitiesPerMonth",
                        "give a number or at least one month's rate",
                    );
                    vec![0.0]
                }
                Rate::Ramp(v) => v.clone(),
            };
            for (i, &x) in list.iter().enumerate() {
                let path = match &pl.opportunities_per_month {
                    Rate::Constant(_) => "pipeline.opportunitiesPerMonth".to_string(),
                    Rate::Ramp(_) => format!("pipeline.opportunitiesPerMonth[{i}]"),
                };
                if check_finite(&mut p, &path, x) && !(0.0..=MAX_RATE).contains(&x) {
                    p.invalid(
                        &path,
                        format!("opportunities per month must be between 0 and {MAX_RATE}, got {x}"),
                    );
                }
            }
            let last = list.last().copied().unwrap_or(0.0);
            rates = (0..horizon)
                .map(|m| list.get(m).copied().unwrap_or(last).clamp(0.0, MAX_RATE))
                .collect();
            prob(&mut p, pl.win_probability, "pipeline.winProbability", "winProbability");
            win = pl.win_probability.clamp(0.0, 1.0);
            let ds = &pl.deal_size;
            if ds.distribution != "lognormal" {
                p.invalid(
                    "pipeline.dealSize.distribution",
                    format!("only \"lognormal\" is supported, got \"{}\"", ds.distribution),
                );
            }
            let median = units(&mut p, Some(ds.median), minor, "pipeline.dealSize.median");
            let p90 = units(&mut p, Some(ds.p90), minor, "pipeline.dealSize.p90");
            if ds.median.0 <= rust_decimal::Decimal::ZERO {
                p.invalid("pipeline.dealSize.median", "the median deal size must be positive");
            } else if median <= 0 {
                // already reported as invalid money
            } else if p90 < median {
                p.invalid(
                    "pipeline.dealSize.p90",
                    format!("p90 ({}) must be at least the median ({})", ds.p90, ds.median),
                );
            } else {
                let scale = 10f64.powi(minor as i32);
                mu = libm::log(median as f64 / scale);
                sigma = libm::log(p90 as f64 / median as f64) / Z90;
                if sigma > 5.0 {
                    p.invalid("pipeline.dealSize.p90", "p90 is more than 600 times the median; deal sizes that spread cannot be simulated meaningfully");
                }
            }
            let c = &pl.sales_cycle_days;
            if c.distribution != "triangular" {
                p.invalid(
                    "pipeline.salesCycleDays.distribution",
                    format!("only \"triangular\" is supported, got \"{}\"", c.distribution),
                );
            }
            let ok = [("min", c.min), ("mode", c.mode), ("max", c.max)]
                .iter()
                .all(|(f, x)| check_finite(&mut p, format!("pipeline.salesCycleDays.{f}"), *x));
            if ok {
                if c.min < 0.0 || c.max > 36_500.0 {
                    p.invalid(
                        "pipeline.salesCycleDays",
                        "sales cycle days must be between 0 and 36500",
                    );
                } else if !(c.min <= c.mode && c.mode <= c.max) {
                    p.invalid(
                        "pipeline.salesCycleDays",
                        format!("need min ≤ mode ≤ max, got {} / {} / {}", c.min, c.mode, c.max),
                    );
                }
                cycle = (c.min, c.mode, c.max);
            }
        }
    }
    // split
    let ids: Vec<String> = plan.partners.iter().map(|x| x.id.clone()).collect();
    let split = match &plan.split {
        None => {
            missing(&mut p, "split", "a `split` rule");
            None
        }
        Some(rule) if !ids.is_empty() => p.take(rule.prepare(&ids, &cur, "split")),
        Some(_) => None,
    };
    // objectives
    let mut objectives = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        let at = |f: &str| format!("objectives[{i}].{f}");
        let metric = parse_metric(&o.metric, &ids);
        if let Err(msg) = &metric {
            p.invalid(at("metric"), msg.clone());
        }
        let target = match o.target {
            None => {
                p.push(
                    ErrorCode::MissingField,
                    at("target"),
                    "an objective needs a `target` amount",
                );
                0
            }
            Some(t) => match t.check_minor(minor, &at("target")).and_then(|m| m.to_units(minor)) {
                Ok(u) => u,
                Err(e) => {
                    p.add(e);
                    0
                }
            },
        };
        let by = match o.by_month {
            None => {
                p.push(ErrorCode::MissingField, at("byMonth"), "an objective needs a `byMonth`");
                1
            }
            Some(b) if b == 0 || b as usize > horizon => {
                p.invalid(
                    at("byMonth"),
                    format!("byMonth must be within the horizon, 1..={horizon}, got {b}"),
                );
                1
            }
            Some(b) => b as usize,
        };
        if let Ok(metric) = metric {
            objectives.push(ObjectiveModel {
                name: o.metric.clone(),
                metric,
                target,
                by_month: by,
            });
        }
    }
    if let Some(ex) = &plan.exclusivity {
        if let Some(MayPursue::PerPartner(m)) = &ex.may_pursue_similar {
            for k in m.keys().filter(|k| !ids.contains(k)) {
                p.push(
                    ErrorCode::UnknownPartner,
                    format!("exclusivity.mayPursueSimilar.{k}"),
                    format!("`{k}` is not a partner of the plan"),
                );
            }
        }
    }
    p.finish()?;
    let split = split.ok_or_else(|| DealteamError::invalid("split", "the split could not be prepared"))?;
    Ok(Model {
        currency: cur,
        minor,
        deal_quantum,
        horizon,
        partners,
        rates,
        win,
        mu,
        sigma,
        cycle,
        offer,
        split,
        objectives,
    })
}

fn check_term(p: &mut Problems, t: u32) {
    if t == 0 || t as usize > MAX_PLAN_MONTHS {
        p.invalid("offer.termMonths", format!("termMonths must be 1..=600, got {t}"));
    }
}

/// Parse an objective metric: `bookings`, `revenue` or `share:<partnerId>`.
pub fn parse_metric(name: &str, ids: &[String]) -> std::result::Result<Metric, String> {
    match name {
        "bookings" => Ok(Metric::Bookings),
        "revenue" => Ok(Metric::Revenue),
        s => match s.strip_prefix("share:") {
            Some(id) => ids
                .iter()
                .position(|x| x == id)
                .map(Metric::Share)
                .ok_or_else(|| format!("`{id}` is not a partner of the plan; use share:<partnerId>")),
            None => Err(format!(
                "unknown metric `{s}`; use bookings, revenue or share:<partnerId>"
            )),
        },
    }
}
