//! Insights from deal history and the win-probability model (SPEC §9).

pub mod calibrate;
mod logit;
mod model;
mod stats;
pub mod types;

pub use calibrate::{calibrate, CalibrateCommand};
pub use logit::MIN_DEALS;
pub use model::{predict, predict_teams, train, FEATURES};
pub use stats::insights;

use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{check_finite, Problems, Result};
use crate::model::MAX_MEMBER_PAIRS;
use types::*;

/// Check a history: ids, dates, non-negative values and cycles, finite numbers.
fn validate(req: &HistoryRequest) -> Result<()> {
    let mut p = Problems::new();
    if req.history.is_empty() {
        p.invalid("history", "the history is empty; give at least one closed deal");
    }
    crate::model::check_ids(&mut p, "history", req.history.iter().map(|d| d.id.as_str()));
    let minor = req
        .currency
        .clone()
        .unwrap_or_else(crate::money::Currency::eur)
        .minor_units();
    for (i, d) in req.history.iter().enumerate() {
        let at = format!("history[{i}]");
        crate::model::index_ids(
            &mut p,
            &format!("{at}.partners"),
            d.partners.iter().map(|m| m.id.as_str()),
        );
        p.take(crate::registry::Day::parse(&d.closed_at, &format!("{at}.closedAt")));
        if d.value.0.is_sign_negative() && !d.value.0.is_zero() {
            p.push(
                crate::ErrorCode::InvalidMoney,
                format!("{at}.value"),
                "a deal value must not be negative",
            );
        }
        p.take(d.value.check_minor(minor, &format!("{at}.value")));
        if check_finite(&mut p, format!("{at}.cycleDays"), d.cycle_days) && d.cycle_days < 0.0 {
            p.invalid(format!("{at}.cycleDays"), "cycleDays must not be negative");
        }
        for (name, v, lo, hi) in [
            ("coverage", d.coverage, 0.0, 1.0),
            ("fit", d.fit, 0.0, 1.0),
            ("synergy", d.synergy, -1.0, 1.0),
        ] {
            if let Some(v) = v {
                if check_finite(&mut p, format!("{at}.{name}"), v) && !(lo..=hi).contains(&v) {
                    p.invalid(
                        format!("{at}.{name}"),
                        format!("{name} must be between {lo} and {hi}, got {v}"),
                    );
                }
            }
        }
        if let Some(v) = d.psat {
            check_finite(&mut p, format!("{at}.psat"), v);
        }
    }
    let pairs = crate::model::pairs_within(req.history.iter().map(|d| d.partners.len()));
    if pairs > MAX_MEMBER_PAIRS {
        p.add(crate::DealteamError::too_large(
            "history",
            "member pairs over the history (Σ m·(m−1)/2 over deals of m partners)",
            MAX_MEMBER_PAIRS,
            pairs,
        ));
    }
    p.finish()
}

/// `insights` (SPEC §10).
pub struct InsightsCommand;
impl Command for InsightsCommand {
    const NAME: &'static str = "insights";
    type Request = HistoryRequest;
    type Response = InsightsResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        insights(&req)
    }
}

/// `train` (SPEC §10).
pub struct TrainCommand;
impl Command for TrainCommand {
    const NAME: &'static str = "train";
    type Request = HistoryRequest;
    type Response = TrainResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        train(&req)
    }
}

/// `predict` (SPEC §10).
pub struct PredictCommand;
impl Command for PredictCommand {
    const NAME: &'static str = "predict";
    type Request = PredictRequest;
    type Response = PredictResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        predict(&req)
    }
}
