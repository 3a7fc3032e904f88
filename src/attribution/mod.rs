//! Multi-touch attribution over aggregated customer journeys (SPEC §5): which partners
//! deserve credit for conversions — five rule-based models and an exact Markov model of
//! order 1–4 (§12), side by side, with each partner's sourced / influenced /
//! unattributed conversions.
// Indexing: per-partner and per-journey arrays sized here, by the numbers given them here.
#![allow(clippy::indexing_slicing)]

pub mod absorb;
pub mod bootstrap;
pub mod chain;
pub mod heuristics;
pub mod involvement;
pub mod markov;
pub mod order;
pub mod types;

pub use types::*;

use crate::clock::Ctx;
use crate::error::{check_finite, DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::money::{allocate, Currency, Money};
use heuristics::{touch_weights, DEFAULT_HALF_LIFE_DAYS};
use rust_decimal::prelude::ToPrimitive;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// `attribute` (SPEC §10).
pub struct AttributeCommand;

impl crate::command::Command for AttributeCommand {
    const NAME: &'static str = "attribute";
    type Request = AttributeRequest;
    type Response = AttributeResponse;
    fn run(req: AttributeRequest, _ctx: &Ctx) -> Result<AttributeResponse> {
        attribute(&req)
    }
}

/// Check every journey (all problems at once).
fn validate(req: &AttributeRequest, currency: &Currency) -> Result<f64> {
    if req.journeys.is_empty() {
        return Err(DealteamError::invalid(
            "journeys",
            "give at least one journey: {\"path\": [partnerId…], \"conversions\": n}",
        ));
    }
    let mut p = Problems::new();
    let half = req.half_life_days.unwrap_or(DEFAULT_HALF_LIFE_DAYS);
    if check_finite(&mut p, "halfLifeDays", half) && half <= 0.0 {
        p.invalid(
            "halfLifeDays",
            format!("the half-life must be more than 0 days, got {half}"),
        );
    }
    if let Some(models) = &req.models {
        if models.is_empty() {
            p.invalid("models", "list at least one model, or leave `models` out for all six");
        }
    }
    validate_markov_options(req, &mut p);
    for (i, j) in req.journeys.iter().enumerate() {
        // paths are built only when something is wrong: journeys can be many
        let at = || index("journeys", i);
        if j.path.is_empty() {
            p.invalid(field(&at(), "path"), "a journey needs at least one partner touch");
        }
        if !(j.conversions.is_finite() && j.conversions >= 0.0) {
            p.invalid(
                field(&at(), "conversions"),
                format!("conversions must be a finite number ≥ 0, got {}", j.conversions),
            );
        }
        if let Some(n) = j.nulls.filter(|n| !(n.is_finite() && *n >= 0.0)) {
            p.invalid(
                field(&at(), "nulls"),
                format!("nulls must be a finite number ≥ 0, got {n}"),
            );
        }
        if let Some(v) = j.value {
            let vp = field(&at(), "value");
            if let Err(e) = v.check_minor(currency.minor_units(), &vp) {
                p.add(e);
            } else if v.0.is_sign_negative() && !v.0.is_zero() {
                p.push(ErrorCode::InvalidMoney, vp, "a journey's value must not be negative");
            } else if !v.0.is_zero() && j.conversions == 0.0 {
                p.invalid(vp, "a journey without conversions cannot carry value");
            }
        }
        if let Some(d) = &j.touch_days {
            if d.len() != j.path.len() {
                p.invalid(
                    field(&at(), "touchDays"),
                    format!(
                        "touchDays has {} entries but the path has {} touches; give one per touch",
                        d.len(),
                        j.path.len()
                    ),
                );
            } else if let Some(k) = d.iter().position(|x| !(x.is_finite() && *x >= 0.0)) {
                p.invalid(
                    index(&field(&at(), "touchDays"), k),
                    format!("days before conversion must be a finite number ≥ 0, got {}", d[k]),
                );
            }
        }
    }
    p.finish()?;
    Ok(half)
}

/// `order` and `bootstrap` (SPEC §12): in range, and only with the `markov` model.
fn validate_markov_options(req: &AttributeRequest, p: &mut Problems) {
    let markov = !req
        .models
        .as_ref()
        .is_some_and(|m| !m.contains(&AttributionModel::Markov));
    for (given, path) in [(req.order.is_some(), "order"), (req.bootstrap.is_some(), "bootstrap")] {
        if given && !markov {
            p.invalid(
                path,
                "applies to the markov model only; add \"markov\" to `models` or leave it out",
            );
        }
    }
    if let Some(MarkovOrder::Fixed(k)) = req.order {
        if !(1..=chain::MAX_ORDER as u64).contains(&k) {
            p.invalid(
                "order",
                format!("the order must be a whole number from 1 to 4, or \"auto\", got {k}"),
            );
        }
    }
    if let Some(b) = &req.bootstrap {
        if let Some(n) = b.samples.filter(|n| !(1..=bootstrap::MAX_SAMPLES).contains(n)) {
            p.invalid(
                "bootstrap.samples",
                format!("give from 1 to {} resamples, got {n}", bootstrap::MAX_SAMPLES),
            );
        }
        if let Some(l) = b.level.filter(|l| !(l.is_finite() && *l > 0.0 && *l < 1.0)) {
            p.invalid(
                "bootstrap.level",
                format!("the level must be strictly between 0 and 1 (0.9 for a 90% interval), got {l}"),
            );
        }
    }
}

/// The journeys' paths as partner indices in sorted id order, all in one flat array
/// (path i = `flat[starts[i]..starts[i + 1]]`), with the ids; `invalid_value` at the
/// first empty id.
#[allow(clippy::type_complexity)]
fn intern_paths(req: &AttributeRequest) -> Result<(Vec<u32>, Vec<usize>, Vec<&str>)> {
    // partner indices in first-seen order, then renumbered in sorted id order
    // (the map's order never reaches an output: ids are renumbered in sorted order)
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    // all paths in one flat array (cache-friendly passes), path i = flat[starts[i]..starts[i + 1]]
    let touches: usize = req.journeys.iter().map(|j| j.path.len()).sum();
    let mut flat: Vec<u32> = Vec::with_capacity(touches);
    let mut starts: Vec<usize> = Vec::with_capacity(req.journeys.len().saturating_add(1));
    for j in &req.journeys {
        starts.push(flat.len());
        for id in &j.path {
            let next = seen.len() as u32;
            flat.push(*seen.entry(id.as_str()).or_insert(next));
        }
    }
    starts.push(flat.len());
    // ids are checked here, in the one pass over the id strings (before any output)
    if let Some(empty) = seen.keys().find(|id| id.trim().is_empty()) {
        let (i, k) = req
            .journeys
            .iter()
            .enumerate()
            .find_map(|(i, j)| j.path.iter().position(|id| id == empty).map(|k| (i, k)))
            .unwrap_or((0, 0));
        return Err(DealteamError::invalid(
            format!("journeys[{i}].path[{k}]"),
            "a partner id must be a non-empty string",
        ));
    }
    let mut ids: Vec<(&str, u32)> = seen.into_iter().collect();
    crate::sort::sort(&mut ids); // the ids are distinct: the order sort_unstable gives
    let mut renumber = vec![0u32; ids.len()];
    for (new, (_, old)) in ids.iter().enumerate() {
        renumber[*old as usize] = new as u32;
    }
    flat.iter_mut().for_each(|k| *k = renumber[*k as usize]);
    let ids: Vec<&str> = ids.into_iter().map(|(id, _)| id).collect();
    Ok((flat, starts, ids))
}

/// Run an `attribute` request (SPEC §5): credit per partner per model; values through §4.
pub fn attribute(req: &AttributeRequest) -> Result<AttributeResponse> {
    let currency = req.currency.clone().unwrap_or_else(Currency::eur);
    let minor = currency.minor_units();
    let half = validate(req, &currency)?;
    let (flat, starts, ids) = intern_paths(req)?;
    let paths: Vec<&[u32]> = starts.windows(2).map(|w| flat.get(w[0]..w[1]).unwrap_or(&[])).collect();
    let has_value = req.journeys.iter().any(|j| j.value.is_some());
    let total_value = req
        .journeys
        .iter()
        .filter_map(|j| j.value)
        .try_fold(rust_decimal::Decimal::ZERO, |a, v| a.checked_add(v.0))
        .map(|d| Money(d).with_scale(minor))
        .ok_or_else(|| {
            DealteamError::new(
                ErrorCode::InvalidMoney,
                "journeys",
                "the journeys' values are too large to add up",
            )
        })?;
    let total_conv: f64 = req.journeys.iter().map(|j| j.conversions).sum();
    let models = req.models.clone().unwrap_or_else(|| AttributionModel::ALL.to_vec());
    let m = ids.len();
    // per-journey numbers once, not once per model
    let conversions: Vec<f64> = req.journeys.iter().map(|j| j.conversions).collect();
    let values: Vec<f64> = if has_value {
        req.journeys
            .iter()
            .map(|j| j.value.and_then(|v| v.0.to_f64()).unwrap_or(0.0))
            .collect()
    } else {
        Vec::new()
    };
    let mut out = BTreeMap::new();
    let mut details = None;
    for model in models {
        let (conv, val_w) = if model == AttributionModel::Markov {
            let (conv, share, d) = markov_credit(req, &paths, &conversions, &ids, total_conv)?;
            details = Some(d);
            (conv, share)
        } else {
            heuristic_credit(req, model, &paths, &conversions, &values, half, m)
        };
        let values = if has_value {
            Some(split_value(total_value, &val_w, minor)?)
        } else {
            None
        };
        let credits = crate::sort::map_of(ids.iter().enumerate().map(|(k, id)| {
            (
                id.to_string(),
                Credit {
                    conversions: conv[k],
                    value: values.as_ref().and_then(|v| v.get(k).copied()),
                },
            )
        }));
        out.insert(model.name().to_string(), credits);
    }
    let journey_values: Option<Vec<rust_decimal::Decimal>> = has_value.then(|| {
        req.journeys
            .iter()
            .map(|j| j.value.map_or(rust_decimal::Decimal::ZERO, |v| v.0))
            .collect()
    });
    let total_money = has_value.then_some(total_value);
    Ok(AttributeResponse {
        involvement: involvement::involvement(
            &paths,
            &conversions,
            journey_values.as_deref(),
            &ids,
            (total_conv, total_money),
        ),
        models: out,
        total_conversions: total_conv,
        total_value: total_money,
        markov: details,
    })
}

/// `markov` credit (SPEC §5): each partner's share of the removal effects, the
/// conversions credited by it, and the details reported with them.
fn markov_credit(
    req: &AttributeRequest,
    paths: &[&[u32]],
    conversions: &[f64],
    ids: &[&str],
    total_conv: f64,
) -> Result<(Vec<f64>, Vec<f64>, MarkovDetails)> {
    let n: Vec<f64> = req.journeys.iter().map(|j| j.nulls.unwrap_or(0.0)).collect();
    let m = ids.len();
    let (order, held_out) = match req.order {
        Some(MarkovOrder::Auto) => {
            let (k, scores) = order::choose_order(paths, conversions, &n, m)?;
            let rows = scores.iter().enumerate().map(|(i, s)| HeldOut {
                order: (i as u32).saturating_add(1),

                log_likelihood: *s,
            });
            (k, Some(rows.collect()))
        }
        Some(MarkovOrder::Fixed(k)) => (k as usize, None),
        None => (1, None),
    };
    let r = markov::markov_of_order(paths, conversions, &n, m, order)?;
    let intervals = match &req.bootstrap {
        Some(b) => {
            let level = b.level.unwrap_or(bootstrap::DEFAULT_LEVEL);
            let opts = (
                b.samples.unwrap_or(bootstrap::DEFAULT_SAMPLES),
                b.seed.unwrap_or(0),
                level,
            );
            let iv = bootstrap::intervals(paths, conversions, &n, m, order, opts)?;
            let rows = ids
                .iter()
                .zip(iv)
                .map(|(id, (low, high))| (id.to_string(), Interval { low, high, level }));
            Some(crate::sort::map_of(rows))
        }
        None => None,
    };
    let sum: f64 = r.removal_effects.iter().sum();
    let share: Vec<f64> = r
        .removal_effects
        .iter()
        .map(|e| if sum > 0.0 { e / sum } else { 0.0 })
        .collect();
    let details = MarkovDetails {
        conversion_probability: r.conversion_probability,
        removal_effects: crate::sort::map_of(
            ids.iter()
                .zip(&r.removal_effects)
                .map(|(id, e)| (id.to_string(), Rounded(*e))),
        ),
        order: order as u32,
        held_out,
        intervals,
    };
    Ok((share.iter().map(|s| s * total_conv).collect(), share, details))
}

/// Credit of a heuristic model (SPEC §5): each path's conversions and value spread
/// over its touches by [`touch_weights`]; (conversions, value weights) per partner.
fn heuristic_credit(
    req: &AttributeRequest,
    model: AttributionModel,
    paths: &[&[u32]],
    conversions: &[f64],
    values: &[f64],
    half: f64,
    m: usize,
) -> (Vec<f64>, Vec<f64>) {
    let any_days = req.journeys.iter().any(|j| j.touch_days.is_some());
    let (mut conv, mut val) = (vec![0.0; m], vec![0.0; m]);
    let mut w = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let days = if any_days {
            req.journeys.get(i).and_then(|j| j.touch_days.as_deref())
        } else {
            None
        };
        touch_weights(model, p.len(), days, half, &mut w);
        let (c, v) = (conversions[i], values.get(i).copied().unwrap_or(0.0));
        for (&k, wk) in p.iter().zip(&w) {
            conv[k as usize] += c * wk;
            val[k as usize] += v * wk;
        }
    }
    (conv, val)
}

/// The total value divided by the credit weights through §4 (zero when nothing to divide).
fn split_value(total: Money, weights: &[f64], minor: u32) -> Result<Vec<Money>> {
    if total.0.is_zero() || weights.iter().all(|&w| w <= 0.0) {
        return Ok(vec![Money::ZERO.with_scale(minor); weights.len()]);
    }
    allocate(total, weights, minor).map_err(|e| e.at_field("journeys", "the journeys' value cannot be divided exactly"))
}
