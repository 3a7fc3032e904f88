//! Request and response types of the `split` command (SPEC §5, §10), in one file so
//! that TypeScript types can be generated from them. Plain serde derives only.

use crate::model::{Deal, Ecosystem};
use crate::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Which rule divides the amount.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SplitModel {
    /// Weights (`shares`) or percentages (`percent`).
    Fixed,
    /// Per-role marginal commission brackets plus a residual rule.
    Tiered,
    /// In proportion to marginal values v(N) − v(N∖{i}).
    Contribution,
    /// The Shapley value of the game.
    Shapley,
    /// The normalised Banzhaf value of the game.
    Banzhaf,
    /// The nucleolus (SPEC §11): lexicographically minimises the sorted excesses over imputations.
    Nucleolus,
    /// The prenucleolus: the nucleolus without individual-rationality bounds.
    Prenucleolus,
    /// The Myerson value: Shapley of the game restricted to the relationship graph.
    Myerson,
    /// The Owen value: Shapley with a priori unions (alliances).
    Owen,
    /// Several models side by side (`models`, default every model that applies).
    Compare,
}

impl SplitModel {
    /// The camelCase name.
    pub fn name(self) -> &'static str {
        match self {
            SplitModel::Fixed => "fixed",
            SplitModel::Tiered => "tiered",
            SplitModel::Contribution => "contribution",
            SplitModel::Shapley => "shapley",
            SplitModel::Banzhaf => "banzhaf",
            SplitModel::Nucleolus => "nucleolus",
            SplitModel::Prenucleolus => "prenucleolus",
            SplitModel::Myerson => "myerson",
            SplitModel::Owen => "owen",
            SplitModel::Compare => "compare",
        }
    }
    /// True for the models that need a coalition game.
    pub fn needs_game(self) -> bool {
        matches!(
            self,
            SplitModel::Contribution
                | SplitModel::Shapley
                | SplitModel::Banzhaf
                | SplitModel::Nucleolus
                | SplitModel::Prenucleolus
                | SplitModel::Myerson
                | SplitModel::Owen
        )
    }
}

/// An exact decimal number that JSON may write as a number (`0.05`, `33.3`) or a
/// string (`"0.05"`). A JSON number is read through its shortest decimal spelling, so
/// `33.3` is exactly 33.3 — percentages are compared exactly, never as float sums.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number | string"))]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Dec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number such as 33.3 or \"0.05\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
                Decimal::from_str_exact(v.trim())
                    .map(Dec)
                    .map_err(|_| E::custom(format!("`{v}` is not a decimal number")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dec, E> {
                Ok(Dec(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dec, E> {
                Ok(Dec(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dec, E> {
                if !v.is_finite() {
                    return Err(E::custom("must be a finite number"));
                }
                // Rust prints the shortest spelling that reads back as the same f64.
                Decimal::from_str(&format!("{v}"))
                    .or_else(|_| Decimal::from_scientific(&format!("{v:e}")))
                    .map(Dec)
                    .map_err(|_| E::custom(format!("{v} is out of range")))
            }
        }
        d.deserialize_any(V)
    }
}

/// One bracket of a commission schedule: `rate` of the part of the amount up to
/// `upTo` (above the previous bracket's `upTo`); the last bracket may omit `upTo`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Bracket {
    /// Upper end of the bracket (amount, exclusive of the brackets above); none = unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<Money>,
    /// Commission rate in [0, 1] (0.05 = 5%), exact decimal.
    pub rate: Dec,
}

/// Who receives what is left after the commissions of a `tiered` split: exactly one
/// of `to` (one member) or `shares` (weights by member).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Residual {
    /// The member who receives the residual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Weights by member for the residual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<BTreeMap<String, f64>>,
}

/// A standalone bonus of a pair in the `additiveSynergy` game.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PairBonus {
    /// One member.
    pub a: String,
    /// The other member.
    pub b: String,
    /// Extra value when both are in the coalition (may be negative).
    pub bonus: Money,
}

/// The coalition game of a game-based split (SPEC §10 `game`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum GameSpec {
    /// `v(S) = deal.value × P(cov(S))` with the logistic curve of SPEC §5.
    #[serde(rename_all = "camelCase")]
    WinProbability {
        /// Steepness (default 10).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        k: Option<f64>,
        /// Midpoint coverage (default 0.6).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        m: Option<f64>,
    },
    /// `v(S) = deal.value × cov(S)`.
    Coverage {},
    /// Listed coalition values; keys are sorted member ids joined by ",".
    Table {
        /// Value per coalition key.
        values: BTreeMap<String, Money>,
    },
    /// Standalone values plus pair bonuses.
    #[serde(rename_all = "camelCase")]
    AdditiveSynergy {
        /// Value of each member alone (missing: 0).
        standalone: BTreeMap<String, Money>,
        /// Bonus of each pair that is together.
        #[serde(
            default,
            deserialize_with = "crate::model::limits::bounded::<_, _, crate::model::limits::BonusPairs>"
        )]
        pairs: Vec<PairBonus>,
    },
}

impl GameSpec {
    /// The camelCase kind.
    pub fn kind(&self) -> &'static str {
        match self {
            GameSpec::WinProbability { .. } => "winProbability",
            GameSpec::Coverage {} => "coverage",
            GameSpec::Table { .. } => "table",
            GameSpec::AdditiveSynergy { .. } => "additiveSynergy",
        }
    }
}

/// The `split` request (SPEC §10).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SplitRequest {
    /// The amount to divide (negative for refunds and clawbacks).
    pub amount: Money,
    /// Its currency.
    pub currency: Currency,
    /// Member ids, in the order that breaks ties of §4.
    pub members: Vec<String>,
    /// The split model.
    pub model: SplitModel,
    /// Partners (for the `coverage` and `winProbability` games).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecosystem: Option<Ecosystem>,
    /// The deal (for the `coverage` and `winProbability` games).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal: Option<Deal>,
    /// The coalition game (default `winProbability` when a deal is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub game: Option<GameSpec>,
    /// `fixed`: weights by member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<BTreeMap<String, f64>>,
    /// `fixed`: percentages by member, adding up to exactly 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<BTreeMap<String, Dec>>,
    /// `tiered`: role (schedule name) of each scheduled member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<BTreeMap<String, String>>,
    /// `tiered`: commission brackets per role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedules: Option<BTreeMap<String, Vec<Bracket>>>,
    /// `tiered`: who receives the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<Residual>,
    /// `myerson`: who can work with whom, as pairs of member ids (default: the
    /// ecosystem's relationships without conflict).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<Vec<Vec<String>>>,
    /// `owen`: a priori unions (alliances), a partition of the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unions: Option<Vec<Vec<String>>>,
    /// `compare`: the models to compare (default: every model that applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Vec<SplitModel>>,
    /// Sampled Shapley: permutations (default 2,000, as 1,000 antithetic pairs).
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

/// One member's part.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Member id.
    pub partner_id: String,
    /// Money, adding up exactly to the amount over all members.
    pub amount: Money,
    /// Fraction of the amount (amount / total; 0 when the total is 0).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub share: f64,
    /// The member's game value (Shapley, Banzhaf, …) for game-based models.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::num::ser_round12_opt"
    )]
    pub value: Option<f64>,
}

/// The coalition that gains most by leaving (core check).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Blocking {
    /// Its members, sorted.
    pub members: Vec<String>,
    /// Its value v(S) in the game's money units.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub value: f64,
    /// What the split gives it, in the game's units: share(S) × v(N).
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub payoff: f64,
    /// `v(S) − payoff`; positive means S is better off alone.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub excess: f64,
    /// How many coalitions share this largest excess (within 1e-9); the smallest, then
    /// the lexicographically smallest sorted id list, is the one named (SPEC §11).
    pub tied: usize,
}

/// The least core and the nucleolus of the game, in the game's units (SPEC §11).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LeastCoreReport {
    /// The smallest ε with `x(S) ≥ v(S) − ε` for every proper coalition S.
    #[serde(serialize_with = "crate::num::ser_round12")]
    pub epsilon: f64,
    /// `nucleolus`, or `prenucleolus` when no split gives every member its standalone value.
    pub kind: String,
    /// The nucleolus: one value per member, by member id.
    #[serde(serialize_with = "ser_round12_map_plain")]
    pub nucleolus: BTreeMap<String, f64>,
}

fn ser_round12_map_plain<S: serde::Serializer>(m: &BTreeMap<String, f64>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut out = s.serialize_map(Some(m.len()))?;
    for (k, v) in m {
        out.serialize_entry(k, &crate::num::round12(*v))?;
    }
    out.end()
}

/// A symmetry or dummy check.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PropertyCheck {
    /// Groups of interchangeable players (symmetry) or the dummy players (one group).
    pub players: Vec<Vec<String>>,
    /// Whether the split treats them accordingly (equal parts; dummy gets its own value).
    pub respected: bool,
}

/// The fairness report of one split (SPEC §5).
#[derive(Clone, Debug, Serialize, PartialEq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Fairness {
    /// The parts add up exactly to the amount (checked in decimal).
    pub efficient: bool,
    /// The game used for the checks below, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub game: Option<String>,
    /// v(N), in money.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::num::ser_round12_opt"
    )]
    pub grand_value: Option<f64>,
    /// Whether the split lies in the core (n ≤ 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_core: Option<bool>,
    /// The most blocking coalition (largest excess), when the core was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocking: Option<Blocking>,
    /// Whether every member gets at least its standalone value v({i}) (n ≤ 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub individually_rational: Option<bool>,
    /// The members paid less than they earn alone (`x_i < v({i})`), in member order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub below_standalone: Vec<String>,
    /// The least core (n ≤ 20, reported when the core is empty, SPEC §11).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub least_core: Option<LeastCoreReport>,
    /// Whether the core is empty, when that can be told (`true`: Σ v({i}) > v(N) or no
    /// allocation passes; `false`: this split is in it); absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub core_empty: Option<bool>,
    /// Ecosystem multiplier v(N) / Σ v({i}); null when unbounded.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::num::ser_round12_opt"
    )]
    pub multiplier: Option<f64>,
    /// True when Σ v({i}) = 0 (no member wins alone): the multiplier is unbounded.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub multiplier_unbounded: bool,
    /// Interchangeable players (n ≤ 20), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symmetry: Option<PropertyCheck>,
    /// Dummy players (n ≤ 20), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dummy: Option<PropertyCheck>,
    /// The findings in words.
    pub explanation: Vec<String>,
}

/// The result of one model.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ModelResult {
    /// The model.
    pub model: SplitModel,
    /// How the values were computed: `weights`, `percent`, `tiered`, `closedForm`,
    /// `enumeration`, `sampling` or `marginal`.
    pub method: String,
    /// One part per member, in the order of `members`.
    pub allocations: Vec<Allocation>,
    /// The fairness report.
    pub fairness: Fairness,
    /// Permutations sampled (sampling only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples: Option<u32>,
    /// `compare` only: why this model could not divide the amount (then `allocations` is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::error::DealteamError>,
    /// Standard error of each member's sampled value (sampling only), by member id.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_round12_map")]
    pub std_err: Option<BTreeMap<String, f64>>,
}

fn ser_round12_map<S: serde::Serializer>(m: &Option<BTreeMap<String, f64>>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    match m {
        None => s.serialize_none(),
        Some(m) => {
            let mut out = s.serialize_map(Some(m.len()))?;
            for (k, v) in m {
                out.serialize_entry(k, &crate::num::round12(*v))?;
            }
            out.end()
        }
    }
}

/// The `split` response: the requested model's result (for `compare`, the first
/// compared model that succeeded), plus every compared model side by side.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SplitResponse {
    /// The result.
    #[serde(flatten)]
    pub result: ModelResult,
    /// `compare` only: every compared model, in the order asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Vec<ModelResult>>,
}
