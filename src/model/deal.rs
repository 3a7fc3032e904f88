//! A deal (opportunity) with its capability requirements and team slots (SPEC §1, §3).

use super::{MAX_REQUIREMENTS, MAX_SLOTS};
use crate::error::{check_finite, DealteamError, ErrorCode, Problems, Result};
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

/// An opportunity that a team of partners pursues.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Deal {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Deal value.
    pub value: Money,
    /// Currency of `value`.
    pub currency: Currency,
    /// Weighted capability requirements.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Team slots.
    pub slots: Vec<Slot>,
    /// Largest team (default Σ max).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_team_size: Option<u32>,
    /// Partners that must be in the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Partners that must not be in the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Weights of coverage, fit and synergy in the team score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<ScoreWeights>,
    /// What a conflicting pair does: forbid (default) or penalize.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub conflicts: ConflictMode,
    /// Score subtracted per conflicting pair under `penalize` (default 0.25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_penalty: Option<f64>,
    /// Target accounts (SPEC §14): a partner holding one of them as customer,
    /// opportunity or prospect has that `access`; matched by id or normalised name.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<String>,
}

/// A capability the deal needs.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Requirement {
    /// Capability key.
    pub capability: String,
    /// Weight, > 0.
    pub weight: f64,
    /// Level that counts as full coverage (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

impl Requirement {
    /// The target level (default 1).
    pub fn target(&self) -> f64 {
        self.target.unwrap_or(1.0)
    }
}

/// A team slot.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Slot {
    /// Role name; partners of this kind may fill a slot without profile.
    pub role: String,
    /// Profile whose `require` a member must meet (and whose fit counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Fewest members.
    pub min: u32,
    /// Most members.
    pub max: u32,
}

/// Weights of the team score (SPEC §3).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScoreWeights {
    /// Weight of coverage (default 0.5).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default = "w_cov")]
    pub coverage: f64,
    /// Weight of fit (default 0.3).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default = "w_fit")]
    pub fit: f64,
    /// Weight of synergy (default 0.2).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default = "w_syn")]
    pub synergy: f64,
    /// Weight of the best member's access to the deal's `accounts` (SPEC §14; default 0:
    /// the score is unchanged).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "is_zero")]
    pub access: f64,
}
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}
fn w_cov() -> f64 {
    0.5
}
fn w_fit() -> f64 {
    0.3
}
fn w_syn() -> f64 {
    0.2
}
impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights {
            coverage: w_cov(),
            fit: w_fit(),
            synergy: w_syn(),
            access: 0.0,
        }
    }
}

/// What a conflicting pair does to a team.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ConflictMode {
    /// The team is invalid.
    #[default]
    Forbid,
    /// `conflictPenalty` is subtracted per conflicting pair.
    Penalize,
}

impl Deal {
    /// The score weights (defaults 0.5 / 0.3 / 0.2).
    pub fn weights(&self) -> ScoreWeights {
        self.weights.unwrap_or_default()
    }
    /// Penalty per conflicting pair (default 0.25).
    pub fn conflict_penalty(&self) -> f64 {
        self.conflict_penalty.unwrap_or(0.25)
    }
    /// Largest team size (default Σ max).
    pub fn max_team_size(&self) -> u32 {
        self.max_team_size
            .unwrap_or_else(|| self.slots.iter().map(|s| s.max).sum())
    }

    /// Check the deal's own fields (SPEC §1, §3). References to partners and profiles
    /// are checked by the operation that has the ecosystem and profiles at hand.
    pub fn validate(&self, at: &str) -> Result<()> {
        if self.slots.len() > MAX_SLOTS {
            return Err(DealteamError::too_large(
                format!("{at}.slots"),
                "team slots",
                MAX_SLOTS,
                self.slots.len(),
            ));
        }
        if self.requirements.len() > MAX_REQUIREMENTS {
            return Err(DealteamError::too_large(
                format!("{at}.requirements"),
                "requirements per deal",
                MAX_REQUIREMENTS,
                self.requirements.len(),
            ));
        }
        let mut p = Problems::new();
        if self.value.0.is_sign_negative() && !self.value.0.is_zero() {
            p.push(
                ErrorCode::InvalidMoney,
                format!("{at}.value"),
                "a deal's value must not be negative",
            );
        }
        if let Err(e) = self
            .value
            .check_minor(self.currency.minor_units(), &format!("{at}.value"))
        {
            p.add(e);
        }
        for (i, r) in self.requirements.iter().enumerate() {
            r.check(&mut p, &format!("{at}.requirements[{i}]"));
        }
        if self.slots.is_empty() {
            p.invalid(format!("{at}.slots"), "a deal needs at least one team slot");
        }
        for (i, s) in self.slots.iter().enumerate() {
            if s.min > s.max {
                p.invalid(
                    format!("{at}.slots[{i}].min"),
                    format!("min ({}) is greater than max ({})", s.min, s.max),
                );
            }
            if s.role.trim().is_empty() {
                p.invalid(format!("{at}.slots[{i}].role"), "a slot needs a role");
            }
        }
        if let Some(m) = self.max_team_size {
            if m == 0 {
                p.invalid(format!("{at}.maxTeamSize"), "maxTeamSize must be at least 1");
            }
        }
        if let Some(w) = &self.weights {
            for (name, v) in [
                ("coverage", w.coverage),
                ("fit", w.fit),
                ("synergy", w.synergy),
                ("access", w.access),
            ] {
                if check_finite(&mut p, format!("{at}.weights.{name}"), v) && v < 0.0 {
                    p.invalid(format!("{at}.weights.{name}"), "weights must not be negative");
                }
            }
            if w.coverage + w.fit + w.synergy <= 0.0 {
                p.invalid(format!("{at}.weights"), "at least one weight must be positive");
            }
        }
        if let Some(c) = self.conflict_penalty {
            if check_finite(&mut p, format!("{at}.conflictPenalty"), c) && c < 0.0 {
                p.invalid(format!("{at}.conflictPenalty"), "the penalty must not be negative");
            }
        }
        for (i, id) in self.include.iter().enumerate() {
            if self.exclude.contains(id) {
                p.invalid(
                    format!("{at}.include[{i}]"),
                    format!("`{id}` is both included and excluded"),
                );
            }
        }
        p.finish()
    }
}

impl Requirement {
    /// Check one requirement (SPEC §1) at path `rp` (e.g. `deal.requirements[0]`).
    fn check(&self, p: &mut Problems, rp: &str) {
        if check_finite(p, format!("{rp}.weight"), self.weight) && self.weight <= 0.0 {
            p.invalid(
                format!("{rp}.weight"),
                format!("a weight must be greater than 0, got {}", self.weight),
            );
        }
        if let Some(t) = self.target {
            if check_finite(p, format!("{rp}.target"), t) && t <= 0.0 {
                p.invalid(
                    format!("{rp}.target"),
                    format!("a target must be greater than 0, got {t}"),
                );
            }
        }
        if self.capability.trim().is_empty() {
            p.invalid(format!("{rp}.capability"), "name the capability this requirement needs");
        }
    }
}
