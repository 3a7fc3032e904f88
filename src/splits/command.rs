//! The `split` command (SPEC §10): check the request, build the game once, divide the
//! amount by the requested model (or several side by side) and report fairness.

use super::fairness::report_with;
use super::game::Game;
use super::nucleolus::Memo;
use super::rule::SplitRule;
use super::types::{Allocation, ModelResult, SplitModel, SplitRequest, SplitResponse};
use crate::clock::Ctx;
use crate::error::{DealteamError, Result};
use crate::model::MAX_ENUMERATED_PLAYERS;
use crate::money::{Currency, Money};
use rust_decimal::prelude::ToPrimitive;

/// `split` (SPEC §10).
pub struct SplitCommand;

impl crate::command::Command for SplitCommand {
    const NAME: &'static str = "split";
    type Request = SplitRequest;
    type Response = SplitResponse;
    fn run(req: SplitRequest, _ctx: &Ctx) -> Result<SplitResponse> {
        split(req)
    }
}

impl SplitRequest {
    /// Split the request into amount, currency, members, the models asked for and the rule.
    pub fn into_parts(self) -> (Money, Currency, Vec<String>, Option<Vec<SplitModel>>, SplitRule) {
        let rule = SplitRule {
            model: self.model,
            shares: self.shares,
            percent: self.percent,
            roles: self.roles,
            schedules: self.schedules,
            residual: self.residual,
            game: self.game,
            ecosystem: self.ecosystem,
            deal: self.deal,
            graph: self.graph,
            unions: self.unions,
            samples: self.samples,
            seed: self.seed,
        };
        (self.amount, self.currency, self.members, self.models, rule)
    }
}

/// Run a `split` request.
pub fn split(req: SplitRequest) -> Result<SplitResponse> {
    let (amount, currency, members, models, rule) = req.into_parts();
    let mut p = crate::error::Problems::new();
    crate::model::check_id_list(&mut p, "members", members.iter().map(String::as_str));
    p.finish()?;
    let minor = currency.minor_units();
    let amount = amount.check_minor(minor, "amount")?;
    let list = models_to_run(&rule, models)?;
    // the game serves the game-based models and the fairness report of every model
    let game = rule.build_game(&members, &currency, "")?;
    // the 2ⁿ value table, once, for enumeration and the fairness report (n ≤ 20)
    let table = match &game {
        Some(g) if members.len() <= MAX_ENUMERATED_PLAYERS => Some(g.table()?),
        _ => None,
    };
    // its least core and nucleolus, once, for the nucleolus models and every fairness report
    let memo = Memo::default();
    if let (false, Some(&model)) = (rule.model == SplitModel::Compare, list.first()) {
        let result = run_model(
            &rule,
            model,
            game.as_ref(),
            table.as_deref(),
            &memo,
            &members,
            &currency,
            amount,
        )?;
        return Ok(SplitResponse {
            result,
            comparison: None,
        });
    }
    // compare: a model that cannot divide this amount (e.g. negative Shapley values) is
    // listed with its error instead of failing the whole comparison
    let mut results = Vec::with_capacity(list.len());
    let mut first_error = None;
    for model in &list {
        match run_model(
            &rule,
            *model,
            game.as_ref(),
            table.as_deref(),
            &memo,
            &members,
            &currency,
            amount,
        ) {
            Ok(r) => results.push(r),
            Err(e) => {
                first_error.get_or_insert_with(|| e.clone());
                results.push(ModelResult {
                    model: *model,
                    method: String::new(),
                    allocations: Vec::new(),
                    fairness: Default::default(),
                    samples: None,
                    error: Some(e),
                    std_err: None,
                });
            }
        }
    }
    match results.iter().find(|r| r.error.is_none()) {
        Some(first) => Ok(SplitResponse {
            result: first.clone(),
            comparison: Some(results),
        }),
        None => Err(first_error.unwrap_or_else(|| DealteamError::invalid("model", "no model to run"))),
    }
}

/// The models a request runs: its own, or for `compare` the listed ones (default: every
/// model its fields allow); `models` outside `compare`, `compare` in the list or an empty
/// list are refused.
fn models_to_run(rule: &SplitRule, models: Option<Vec<SplitModel>>) -> Result<Vec<SplitModel>> {
    let list = match (rule.model, models) {
        (SplitModel::Compare, Some(list)) => {
            if list.is_empty() {
                return Err(DealteamError::invalid("models", "list at least one model to compare"));
            }
            if let Some(i) = list.iter().position(|m| *m == SplitModel::Compare) {
                return Err(DealteamError::invalid(
                    format!("models[{i}]"),
                    "`compare` cannot compare itself",
                ));
            }
            // each model once: a repeated model would only repeat its work
            let repeated = list
                .iter()
                .enumerate()
                .find(|&(i, m)| list.iter().take(i).any(|x| x == m));
            if let Some((i, m)) = repeated {
                return Err(DealteamError::invalid(
                    format!("models[{i}]"),
                    format!("`{}` is already in the list; list each model once", m.name()),
                ));
            }
            list
        }
        (SplitModel::Compare, None) => default_models(rule),
        (_, Some(_)) => {
            return Err(DealteamError::invalid(
                "models",
                "`models` is for model \"compare\"; remove it or set model to \"compare\"",
            ))
        }
        (m, None) => {
            rule.check_fields(m, "")?;
            vec![m]
        }
    };
    if list.is_empty() {
        return Err(DealteamError::invalid(
            "model",
            "nothing to compare: give `shares`/`percent`, `schedules`, or a game (`game`, or `ecosystem` and `deal`)",
        ));
    }
    Ok(list)
}

/// Every model that applies to the rule: fixed (shares/percent), tiered (schedules)
/// and, with a game, contribution, shapley and banzhaf.
fn default_models(rule: &SplitRule) -> Vec<SplitModel> {
    let mut out = Vec::new();
    if rule.shares.is_some() || rule.percent.is_some() {
        out.push(SplitModel::Fixed);
    }
    if rule.schedules.is_some() || rule.roles.is_some() || rule.residual.is_some() {
        out.push(SplitModel::Tiered);
    }
    if rule.game.is_some() || rule.deal.is_some() {
        out.extend([SplitModel::Contribution, SplitModel::Shapley, SplitModel::Banzhaf]);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn run_model(
    rule: &SplitRule,
    model: SplitModel,
    game: Option<&Game>,
    table: Option<&[f64]>,
    memo: &Memo,
    members: &[String],
    currency: &Currency,
    amount: Money,
) -> Result<ModelResult> {
    let prepared = rule.prepare_tabled(model, game, table, Some(memo), members, currency, "")?;
    let parts = prepared.divide(amount)?;
    let minor = currency.minor_units();
    let fairness = report_with(game, table, Some(memo), members, amount, &parts, minor)?;
    let values = prepared.values.as_ref();
    let allocations = members
        .iter()
        .zip(&parts)
        .enumerate()
        .map(|(i, (id, part))| Allocation {
            partner_id: id.clone(),
            amount: *part,
            share: if amount.0.is_zero() {
                0.0
            } else {
                // a signed split's part can be far larger than a small amount: a quotient
                // beyond an exact amount is taken in floating point (it is a ratio, not money)
                match part.0.checked_div(amount.0) {
                    Some(q) => q.to_f64().unwrap_or(0.0),
                    None => part.0.to_f64().unwrap_or(0.0) / amount.0.to_f64().unwrap_or(1.0),
                }
            },
            value: values.and_then(|v| v.values.get(i).copied()),
        })
        .collect();
    Ok(ModelResult {
        model,
        method: prepared.method.to_string(),
        allocations,
        fairness,
        samples: values.and_then(|v| v.samples),
        error: None,
        std_err: values
            .and_then(|v| v.std_errs.as_ref())
            .map(|se| crate::sort::map_of(members.iter().cloned().zip(se.iter().copied()))),
    })
}
