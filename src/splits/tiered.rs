//! The `tiered` split (SPEC §5): per-role commission schedules with marginal brackets
//! (e.g. influence partners get 5% of the first 100,000 and 3% above), the rest by a
//! residual rule. Commissions are exact decimals; the money is divided through §4.

use super::game::member_index;
use super::types::{Bracket, Residual};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::money::{allocate, allocate_decimal, Money};
use rust_decimal::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Checked brackets: `(upper end, rate)`, the last upper end possibly open.
type Brackets = Vec<(Option<Decimal>, Decimal)>;

/// A checked tiered rule over a fixed member list.
#[derive(Clone, Debug, PartialEq)]
pub struct Tiered {
    /// Per member: its brackets `(upper end, rate)`, or none when it has no role.
    schedules: Vec<Option<Brackets>>,
    /// Residual weights per member (not all zero).
    residual: Vec<f64>,
}

impl Tiered {
    /// Check `roles`, `schedules` and `residual` against the members (SPEC §5 `tiered`).
    pub fn prepare(
        members: &[String],
        roles: Option<&BTreeMap<String, String>>,
        schedules: Option<&BTreeMap<String, Vec<Bracket>>>,
        residual: Option<&Residual>,
        at: &str,
    ) -> Result<Tiered> {
        let idx = member_index(members);
        let mut p = Problems::new();
        let empty_s = BTreeMap::new();
        let schedules = schedules.unwrap_or(&empty_s);
        let mut checked: BTreeMap<&str, Brackets> = BTreeMap::new();
        for (name, brackets) in schedules {
            let sp = field(&field(at, "schedules"), name);
            if let Some(b) = check_schedule(&mut p, brackets, &sp) {
                checked.insert(name.as_str(), b);
            }
        }
        let mut per_member = vec![None; members.len()];
        let mut rate_sum = Decimal::ZERO;
        let empty_r = BTreeMap::new();
        for (id, role) in roles.unwrap_or(&empty_r) {
            let rp = field(&field(at, "roles"), id);
            match idx.get(id.as_str()) {
                None => p.push(
                    ErrorCode::UnknownPartner,
                    rp,
                    format!("`{id}` is not one of the members"),
                ),
                Some(&i) => match checked.get(role.as_str()) {
                    Some(b) => {
                        // rates are in [0, 1] (check_schedule), one per member: the sum is ≤ members
                        #[allow(clippy::arithmetic_side_effects)]
                        let sum = rate_sum + b.iter().map(|x| x.1).max().unwrap_or(Decimal::ZERO);
                        rate_sum = sum;
                        if let Some(m) = per_member.get_mut(i) {
                            *m = Some(b.clone());
                        }
                    }
                    None if schedules.contains_key(role) => {}
                    None => p.invalid(rp, format!("there is no schedule named `{role}` in schedules")),
                },
            }
        }
        if rate_sum > Decimal::ONE {
            p.invalid(
                field(at, "roles"),
                format!("the scheduled members' highest rates add up to {rate_sum} > 1: commissions could exceed the amount"),
            );
        }
        let res = check_residual(&mut p, residual, &idx, members.len(), at);
        p.finish()?;
        Ok(Tiered {
            schedules: per_member,
            residual: res,
        })
    }

    /// Each member's commission on `amount` (absolute value), exact (SPEC §5 `tiered`):
    /// Σ over brackets of `rate × (min(a, upTo) − previous upTo)⁺`.
    pub fn commissions(&self, amount: Decimal) -> Vec<Decimal> {
        let a = amount.abs();
        self.schedules
            .iter()
            .map(|s| match s {
                None => Decimal::ZERO,
                Some(brackets) => {
                    let mut lower = Decimal::ZERO;
                    let mut c = Decimal::ZERO;
                    for &(up, rate) in brackets {
                        let top = up.map_or(a, |u| u.min(a));
                        // 0 ≤ lower < top ≤ a and rate ∈ [0, 1]: the brackets are disjoint
                        // pieces of [0, a], so c ≤ a
                        #[allow(clippy::arithmetic_side_effects)]
                        if top > lower {
                            c += rate * (top - lower);
                        }
                        match up {
                            Some(u) => lower = u,
                            None => break,
                        }
                    }
                    c
                }
            })
            .collect()
    }

    /// Divide `amount`: commissions first, the rest by the residual weights, both
    /// through §4 so the parts add up exactly. Refunds (negative amounts) mirror.
    pub fn divide(&self, amount: Money, minor: u32) -> Result<Vec<Money>> {
        if amount.0.is_zero() {
            return Ok(vec![Money::ZERO.with_scale(minor); self.schedules.len()]);
        }
        let mut weights = self.commissions(amount.0);
        // each member's commission is ≤ its highest rate × |amount| and those rates add up
        // to ≤ 1 (prepare), so 0 ≤ total_c ≤ |amount|
        let total_c: Decimal = weights.iter().sum();
        #[allow(clippy::arithmetic_side_effects)]
        let rest = amount.0.abs() - total_c;
        weights.push(rest.max(Decimal::ZERO));
        // the weights are derived, not given: a problem dividing them is the amount's
        let parts = allocate_decimal(amount, &weights, minor)
            .map_err(|e| e.at_field("amount", "the amount cannot be divided exactly by the schedules"))?;
        let (comm, rest_part) = parts.split_at(self.schedules.len());
        let rest_money = rest_part.first().copied().unwrap_or(Money::ZERO);
        let res = allocate(rest_money, &self.residual, minor)
            .map_err(|e| e.at_field("residual", "the rest cannot be divided exactly by the residual shares"))?;
        // a commission part plus a residual part is at most |amount|
        #[allow(clippy::arithmetic_side_effects)]
        let parts = comm.iter().zip(res).map(|(c, r)| Money(c.0 + r.0)).collect();
        Ok(parts)
    }
}

/// Check the `residual` rule against the members (`idx`: member index by id, `n`
/// members); the residual weight of each member.
fn check_residual(
    p: &mut Problems,
    residual: Option<&Residual>,
    idx: &FxHashMap<&str, usize>,
    n: usize,
    at: &str,
) -> Vec<f64> {
    let mut res = vec![0.0; n];
    let rp = field(at, "residual");
    match residual {
        None => p.push(
            ErrorCode::MissingField,
            rp,
            "a tiered split needs `residual`: {\"to\": id} or {\"shares\": {id: weight}}",
        ),
        Some(Residual {
            to: Some(_),
            shares: Some(_),
        })
        | Some(Residual { to: None, shares: None }) => p.invalid(
            rp,
            "give exactly one of `to` (one member) or `shares` (weights by member)",
        ),
        Some(Residual { to: Some(id), .. }) => match idx.get(id.as_str()) {
            Some(&i) => {
                if let Some(r) = res.get_mut(i) {
                    *r = 1.0;
                }
            }
            None => p.push(
                ErrorCode::UnknownPartner,
                field(&rp, "to"),
                format!("`{id}` is not one of the members"),
            ),
        },
        Some(Residual { shares: Some(s), .. }) => {
            for (id, &w) in s {
                let wp = field(&field(&rp, "shares"), id);
                match idx.get(id.as_str()) {
                    None => p.push(
                        ErrorCode::UnknownPartner,
                        wp,
                        format!("`{id}` is not one of the members"),
                    ),
                    Some(_) if !w.is_finite() || w < 0.0 => {
                        p.invalid(wp, format!("a share must be a number ≥ 0, got {w}"))
                    }
                    // §4 divides by exact decimal weights: beyond Decimal's range is refused, never read as 0
                    Some(_) if Decimal::from_f64(w).is_none() => p.invalid(
                        wp,
                        format!(
                            "a share must be at most {}, got {w}; scale the shares down",
                            Decimal::MAX
                        ),
                    ),
                    Some(&i) => {
                        if let Some(r) = res.get_mut(i) {
                            *r = w;
                        }
                    }
                }
            }
            if res.iter().all(|&w| w == 0.0) && p.is_empty() {
                p.invalid(
                    field(&rp, "shares"),
                    "the residual shares are all zero; give at least one member a positive share",
                );
            }
        }
    }
    res
}

/// Check one schedule: at least one bracket, rates in [0, 1], `upTo` positive and
/// increasing, only the last bracket open-ended.
fn check_schedule(p: &mut Problems, brackets: &[Bracket], at: &str) -> Option<Brackets> {
    if brackets.is_empty() {
        p.invalid(at, "a schedule needs at least one bracket, e.g. [{\"rate\": 0.05}]");
        return None;
    }
    let mut bad = false;
    let mut out = Vec::with_capacity(brackets.len());
    let mut last = Decimal::ZERO;
    for (i, b) in brackets.iter().enumerate() {
        let bp = index(at, i);
        if b.rate.0 < Decimal::ZERO || b.rate.0 > Decimal::ONE {
            bad = true;
            p.invalid(
                field(&bp, "rate"),
                format!("a rate is a fraction between 0 and 1 (0.05 = 5%), got {}", b.rate.0),
            );
        }
        match b.up_to {
            Some(u) if u.0 <= last => {
                bad = true;
                p.push(
                    ErrorCode::InvalidMoney,
                    field(&bp, "upTo"),
                    format!("brackets must rise: upTo {} is not above {}", u.0, last),
                )
            }
            Some(u) => last = u.0,
            None if i.saturating_add(1) < brackets.len() => {
                bad = true;
                p.invalid(
                    field(&bp, "upTo"),
                    "only the last bracket may omit upTo (it covers everything above)",
                )
            }
            None => {}
        }
        out.push((b.up_to.map(|u| u.0), b.rate.0));
    }
    if bad {
        return None;
    }
    Some(out)
}

/// An error for fields of `tiered` given to another model.
pub fn only_for_tiered(at: &str, name: &str) -> DealteamError {
    DealteamError::invalid(
        field(at, name),
        format!("`{name}` belongs to the tiered model; remove it or set model to \"tiered\""),
    )
}
