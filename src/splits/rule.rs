//! A split rule (the fields of a `split` request without amount, currency and
//! members), checked once against the members and then applied to any amount —
//! the `split` command uses it once, a plan simulation (SPEC §6) once per trial.

use super::fixed::fixed;
use super::fractions::rational_weights;
use super::game::Game;
use super::nucleolus::Memo;
use super::signed::allocate_signed;
use super::tiered::{only_for_tiered, Tiered};
use super::types::{Bracket, Dec, GameSpec, Residual, SplitModel};
use super::values::{self, Values};
use super::{myerson, owen};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::model::{Deal, Ecosystem};
use crate::money::{allocate, allocate_decimal, Currency, Money, UnitDivider};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The split fields of a `split` request without amount, currency and members
/// (SPEC §6 uses it in plans). See docs/splits.md for each model.
#[derive(Deserialize, Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SplitRule {
    /// The model.
    pub model: SplitModel,
    /// `fixed`: weights by member (members not listed get 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<BTreeMap<String, f64>>,
    /// `fixed`: percentages by member, adding up to exactly 100 (members not listed get 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<BTreeMap<String, Dec>>,
    /// `tiered`: schedule name of each scheduled member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<BTreeMap<String, String>>,
    /// `tiered`: commission brackets per schedule name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedules: Option<BTreeMap<String, Vec<Bracket>>>,
    /// `tiered`: who receives what is left after commissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<Residual>,
    /// Game-based models: the game (default `winProbability` when `deal` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub game: Option<GameSpec>,
    /// `coverage` / `winProbability` games: the partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecosystem: Option<Ecosystem>,
    /// `coverage` / `winProbability` games: the deal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal: Option<Deal>,
    /// `myerson`: pairs of members who can work together (default: the ecosystem's
    /// relationships without conflict).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<Vec<Vec<String>>>,
    /// `owen`: a priori unions, a partition of the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unions: Option<Vec<Vec<String>>>,
    /// Sampled Shapley: permutations (default 2,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples: Option<u32>,
    /// Sampled Shapley: seed (default 0).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::num::seed"
    )]
    pub seed: Option<u64>,
}

/// How a prepared split divides money.
#[derive(Clone, Debug)]
pub(super) enum Division {
    /// f64 weights (shares, game values).
    Weights(Vec<f64>),
    /// Exact decimal weights (percentages).
    Decimals(Vec<Decimal>),
    /// Commissions plus residual.
    Tiered(Tiered),
    /// Game values, possibly negative (SPEC §11), the game's path and kind for errors.
    Signed(Vec<f64>, String, &'static str),
}

/// A rule checked against its members, ready to divide any amount.
#[derive(Clone, Debug)]
pub struct PreparedSplit {
    /// The model.
    pub model: SplitModel,
    /// The game values (game-based models), in member order.
    pub values: Option<Values>,
    /// `weights`, `percent`, `tiered` or the values' method.
    pub method: &'static str,
    minor: u32,
    division: Division,
}

impl SplitRule {
    /// Check the rule against the members (ids in order) and prepare it; errors name
    /// the field under `at` (e.g. "plan.split"). Game-based models compute their
    /// values here, once.
    pub fn prepare(&self, members: &[String], currency: &Currency, at: &str) -> Result<PreparedSplit> {
        let model = self.model;
        check_members(members)?;
        if model == SplitModel::Compare {
            return Err(DealteamError::invalid(
                field(at, "model"),
                "`compare` is for the split command only; choose one model here",
            ));
        }
        self.check_fields(model, at)?;
        let game = if model.needs_game() {
            self.build_game(members, currency, at)?
        } else {
            None
        };
        self.prepare_with(model, game.as_ref(), members, currency, at)
    }

    /// The game of this rule over `members`, if it has one (see [`Game::build`]).
    pub fn build_game(&self, members: &[String], currency: &Currency, at: &str) -> Result<Option<Game>> {
        Game::build(
            self.game.as_ref(),
            self.ecosystem.as_ref(),
            self.deal.as_ref(),
            members,
            currency,
            at,
        )
    }

    /// Reject fields that belong to another model (catches a forgotten `model`).
    pub fn check_fields(&self, model: SplitModel, at: &str) -> Result<()> {
        let tiered_fields = [
            ("roles", self.roles.is_some()),
            ("schedules", self.schedules.is_some()),
            ("residual", self.residual.is_some()),
        ];
        if model != SplitModel::Tiered {
            if let Some((name, _)) = tiered_fields.iter().find(|f| f.1) {
                return Err(only_for_tiered(at, name));
            }
        }
        for (name, given, owner) in [
            ("graph", self.graph.is_some(), SplitModel::Myerson),
            ("unions", self.unions.is_some(), SplitModel::Owen),
        ] {
            if given && model != owner {
                return Err(DealteamError::invalid(
                    field(at, name),
                    format!(
                        "`{name}` belongs to the {} model; remove it or set model to \"{}\"",
                        owner.name(),
                        owner.name()
                    ),
                ));
            }
        }
        if model != SplitModel::Fixed {
            for (name, given) in [("shares", self.shares.is_some()), ("percent", self.percent.is_some())] {
                if given {
                    return Err(DealteamError::invalid(
                        field(at, name),
                        format!("`{name}` belongs to the fixed model; remove it or set model to \"fixed\""),
                    ));
                }
            }
        }
        Ok(())
    }

    /// [`SplitRule::prepare`] for `model` with an already built game (the fields of
    /// other models are ignored: `compare` prepares several models from one rule).
    pub fn prepare_with(
        &self,
        model: SplitModel,
        game: Option<&Game>,
        members: &[String],
        currency: &Currency,
        at: &str,
    ) -> Result<PreparedSplit> {
        self.prepare_tabled(model, game, None, None, members, currency, at)
    }

    /// [`SplitRule::prepare_with`] with the game's 2ⁿ value table and its least core
    /// (shared with the fairness report) when the caller has them.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare_tabled(
        &self,
        model: SplitModel,
        game: Option<&Game>,
        table: Option<&[f64]>,
        memo: Option<&Memo>,
        members: &[String],
        currency: &Currency,
        at: &str,
    ) -> Result<PreparedSplit> {
        let minor = currency.minor_units();
        let done = |division, method, values| {
            Ok(PreparedSplit {
                model,
                values,
                method,
                minor,
                division,
            })
        };
        match model {
            SplitModel::Fixed => {
                let (division, method) = fixed(self.shares.as_ref(), self.percent.as_ref(), members, at)?;
                done(division, method, None)
            }
            SplitModel::Tiered => {
                let t = Tiered::prepare(
                    members,
                    self.roles.as_ref(),
                    self.schedules.as_ref(),
                    self.residual.as_ref(),
                    at,
                )?;
                done(Division::Tiered(t), "tiered", None)
            }
            SplitModel::Compare => Err(DealteamError::invalid(
                field(at, "model"),
                "`compare` cannot be prepared as one split",
            )),
            _ => {
                let game = game.ok_or_else(|| {
                    DealteamError::new(
                        ErrorCode::MissingField,
                        field(at, "game"),
                        format!("the {} model needs a game: give `game` (table or additiveSynergy), or `ecosystem` and `deal`", model.name()),
                    )
                })?;
                let seed = self.seed.unwrap_or(0);
                let v = match model {
                    SplitModel::Shapley => values::shapley(game, table, self.samples, seed)?,
                    SplitModel::Banzhaf => values::banzhaf(game, table)?,
                    SplitModel::Nucleolus | SplitModel::Prenucleolus => {
                        nucleolus_values(game, table, memo, model == SplitModel::Nucleolus, at)?
                    }
                    SplitModel::Myerson => {
                        let edges = myerson::edges(self.graph.as_deref(), self.ecosystem.as_ref(), members, at)?;
                        myerson::myerson(game, table, &edges, self.samples, seed)?
                    }
                    SplitModel::Owen => {
                        let unions = owen::unions(self.unions.as_deref(), members, at)?;
                        owen::owen(game, table, &unions, self.samples, seed)?
                    }
                    _ => values::contribution(game)?,
                };
                let exact = match model {
                    SplitModel::Nucleolus | SplitModel::Prenucleolus => rational_weights(&v.values),
                    _ => None,
                };
                let weights = match exact {
                    Some(w) => w,
                    None => money_weights(&v.values, model, at)?,
                };
                let method = v.method;
                done(
                    Division::Signed(weights, field(at, "game"), game.kind()),
                    method,
                    Some(v),
                )
            }
        }
    }
}

impl PreparedSplit {
    /// The division prepared for many amounts in `minor` units (the split's own), when
    /// the weights allow it (see [`UnitDivider`]): it gives the parts of
    /// [`PreparedSplit::divide`].
    pub fn unit_divider(&self, minor: u32) -> Option<UnitDivider> {
        if minor != self.minor {
            return None;
        }
        match &self.division {
            Division::Weights(w) => UnitDivider::of_f64(w),
            Division::Decimals(w) => UnitDivider::of_decimals(w),
            // allocate_signed takes allocate's path for weights ≥ 0, not all 0
            Division::Signed(w, ..) if w.iter().all(|&x| x >= 0.0) => UnitDivider::of_f64(w),
            Division::Signed(..) | Division::Tiered(_) => None,
        }
    }

    /// Divide `amount` among the members (same order as given to prepare), through
    /// §4 (`crate::money::allocate*`). Parts add up exactly.
    pub fn divide(&self, amount: Money) -> Result<Vec<Money>> {
        match &self.division {
            Division::Weights(w) => allocate(amount, w, self.minor),
            Division::Decimals(w) => allocate_decimal(amount, w, self.minor),
            Division::Tiered(t) => t.divide(amount, self.minor),
            Division::Signed(w, at, kind) => allocate_signed(amount, w, self.minor, at, kind),
        }
    }
}

/// Ids must be non-empty and unique.
fn check_members(members: &[String]) -> Result<()> {
    if members.is_empty() {
        return Err(DealteamError::invalid(
            "members",
            "list at least one member to divide the amount among",
        ));
    }
    let mut seen = FxHashSet::default();
    let mut p = Problems::new();
    for (i, m) in members.iter().enumerate() {
        if m.trim().is_empty() {
            p.invalid(index("members", i), "a member id must be a non-empty string");
        } else if !seen.insert(m.as_str()) {
            p.push(
                ErrorCode::DuplicateId,
                index("members", i),
                format!("`{m}` is listed twice"),
            );
        }
    }
    p.finish()
}

/// Game values as money weights (SPEC §11): they may be negative (divided by signed
/// weights); tiny values from floating-point cancellation (|x| ≤ 1e-9 × the largest)
/// count as 0, and values that cancel out entirely are refused when dividing.
fn money_weights(v: &[f64], model: SplitModel, at: &str) -> Result<Vec<f64>> {
    let scale = v.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    let tol = 1e-9 * scale.max(1.0);
    let w: Vec<f64> = v.iter().map(|&x| if x < 0.0 && x >= -tol { 0.0 } else { x }).collect();
    if w.iter().all(|&x| x.abs() <= tol) {
        return Err(DealteamError::invalid(
            field(at, "game"),
            if model == SplitModel::Contribution {
                "every member's marginal contribution v(N) − v(N∖{i}) is 0 (each one's part is also brought by the others), \
                 so there is nothing to divide by; use shapley, which shares overlapping value"
                    .to_string()
            } else {
                format!("every member's {} value is 0 (the grand coalition is worth nothing), so there is nothing to divide by", model.name())
            },
        ));
    }
    Ok(w)
}

/// The nucleolus (`imputations`) or prenucleolus as player values (n ≤ 20).
fn nucleolus_values(
    game: &Game,
    table: Option<&[f64]>,
    memo: Option<&Memo>,
    imputations: bool,
    at: &str,
) -> Result<Values> {
    let n = game.players();
    if n > crate::model::MAX_ENUMERATED_PLAYERS {
        return Err(DealteamError::too_large(
            "members",
            "players for the nucleolus (2ⁿ coalitions)",
            crate::model::MAX_ENUMERATED_PLAYERS,
            n,
        ));
    }
    let v = game.table_or(table)?;
    let own = Memo::default();
    let r = memo.unwrap_or(&own).get(&v, imputations, &field(at, "model"))?;
    Ok(Values::exact(r.values, "linearProgram"))
}
