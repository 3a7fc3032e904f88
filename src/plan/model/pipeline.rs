//! The pipeline model (SPEC §6): opportunities per month (a number or a ramp), win
//! probability, the lognormal deal size by median and p90, and the triangular sales
//! cycle.

use crate::error::{check_finite, DealteamError, Problems};
use crate::plan::model::checks::{missing, prob, units};
use crate::plan::types::{DealSize, Pipeline, Rate, Triangular};

/// Largest mean number of opportunities per month (a work limit).
pub const MAX_RATE: f64 = 100_000.0;

/// The z-score of the 90th percentile of the standard normal (SPEC §6).
pub const Z90: f64 = 1.2815515655446004;

/// The checked pipeline; zeros where the plan has none or a part is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineModel {
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
}

/// Check the pipeline for `horizon` months.
pub fn check_pipeline(p: &mut Problems, pipeline: Option<&Pipeline>, horizon: usize, minor: u32) -> PipelineModel {
    let mut out = PipelineModel {
        rates: vec![0.0; horizon],
        win: 0.0,
        mu: 0.0,
        sigma: 0.0,
        cycle: (0.0, 0.0, 0.0),
    };
    let Some(pl) = pipeline else {
        missing(p, "pipeline", "a `pipeline`");
        return out;
    };
    out.rates = check_rates(p, &pl.opportunities_per_month, horizon);
    prob(p, pl.win_probability, "pipeline.winProbability", "winProbability");
    out.win = pl.win_probability.clamp(0.0, 1.0);
    (out.mu, out.sigma) = check_deal_size(p, &pl.deal_size, minor);
    if let Some(c) = check_cycle(p, &pl.sales_cycle_days) {
        out.cycle = c;
    }
    out
}

/// λ per month: the constant, or the ramp with its last entry repeated.
fn check_rates(p: &mut Problems, rate: &Rate, horizon: usize) -> Vec<f64> {
    let list: Vec<f64> = match rate {
        Rate::Constant(x) => vec![*x],
        Rate::Ramp(v) if v.is_empty() => {
            p.invalid(
                "pipeline.opportunitiesPerMonth",
                "give a number or at least one month's rate",
            );
            vec![0.0]
        }
        Rate::Ramp(v) if v.len() > crate::model::MAX_PLAN_MONTHS => {
            p.add(DealteamError::too_large(
                "pipeline.opportunitiesPerMonth",
                "plan months",
                crate::model::MAX_PLAN_MONTHS,
                v.len(),
            ));
            vec![0.0]
        }
        Rate::Ramp(v) => v.clone(),
    };
    for (i, &x) in list.iter().enumerate() {
        let path = match rate {
            Rate::Constant(_) => "pipeline.opportunitiesPerMonth".to_string(),
            Rate::Ramp(_) => format!("pipeline.opportunitiesPerMonth[{i}]"),
        };
        if check_finite(p, &path, x) && !(0.0..=MAX_RATE).contains(&x) {
            p.invalid(
                &path,
                format!("opportunities per month must be between 0 and {MAX_RATE}, got {x}"),
            );
        }
    }
    let last = list.last().copied().unwrap_or(0.0);
    (0..horizon)
        .map(|m| list.get(m).copied().unwrap_or(last).clamp(0.0, MAX_RATE))
        .collect()
}

/// Lognormal `μ = ln(median)`, `σ = ln(p90/median)/Z90` (SPEC §6); (0, 0) when wrong.
fn check_deal_size(p: &mut Problems, ds: &DealSize, minor: u32) -> (f64, f64) {
    if ds.distribution != "lognormal" {
        p.invalid(
            "pipeline.dealSize.distribution",
            format!("only \"lognormal\" is supported, got \"{}\"", ds.distribution),
        );
    }
    // one message per wrong amount: a median ≤ 0 is "must be positive" (not also
    // "must not be negative"), and a p90 already reported is not compared
    let median = if ds.median.0 <= rust_decimal::Decimal::ZERO {
        p.invalid("pipeline.dealSize.median", "the median deal size must be positive");
        0
    } else {
        units(p, Some(ds.median), minor, "pipeline.dealSize.median", "a deal size")
    };
    let p90 = units(
        p,
        Some(ds.p90),
        minor,
        "pipeline.dealSize.p90",
        "the 90th percentile deal size",
    );
    let p90_reported = ds.p90.0 < rust_decimal::Decimal::ZERO || (p90 == 0 && !ds.p90.0.is_zero());
    if median <= 0 || p90_reported {
        // already reported
    } else if p90 < median {
        p.invalid(
            "pipeline.dealSize.p90",
            format!("p90 ({}) must be at least the median ({})", ds.p90, ds.median),
        );
    } else {
        let scale = 10f64.powi(minor as i32);
        let mu = libm::log(median as f64 / scale);
        let sigma = libm::log(p90 as f64 / median as f64) / Z90;
        if sigma > 5.0 {
            p.invalid(
                "pipeline.dealSize.p90",
                "p90 is more than 600 times the median; deal sizes that spread cannot be simulated meaningfully",
            );
        }
        return (mu, sigma);
    }
    (0.0, 0.0)
}

/// The triangular sales cycle in days, `None` when a bound is not a finite number.
fn check_cycle(p: &mut Problems, c: &Triangular) -> Option<(f64, f64, f64)> {
    if c.distribution != "triangular" {
        p.invalid(
            "pipeline.salesCycleDays.distribution",
            format!("only \"triangular\" is supported, got \"{}\"", c.distribution),
        );
    }
    let ok = [("min", c.min), ("mode", c.mode), ("max", c.max)]
        .iter()
        .all(|(f, x)| check_finite(p, format!("pipeline.salesCycleDays.{f}"), *x));
    if !ok {
        return None;
    }
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
    Some((c.min, c.mode, c.max))
}
