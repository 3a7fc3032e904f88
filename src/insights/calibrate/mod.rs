//! IPP calibration (SPEC §2, §9): does a profile's fit predict wins? For each profile,
//! every deal of the history gets its partners' mean criterion scores (SPEC §2, the
//! partners as they are in the ecosystem now) and their mean fit. Reported: the AUC of
//! that fit for telling wins from losses, with a verdict; per criterion the win rate of
//! deals scoring high vs low; and weights suggested by an L2-regularised logistic
//! regression on the criterion scores, fitted on the older deals and checked on the
//! later ones exactly as `train` is (the `logit` module of `insights`), withheld without skill.
// Column indices ≤ the criteria (MAX_CRITERIA, 64) with c ≥ 1 where c − 1 is read (column
// 0 is the intercept), wins ≤ deals ≤ MAX_HISTORY_DEALS (10⁵); f64 otherwise.
// Indexing: columns c < the criteria + 1 and rows < the deals, of the arrays sized here.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

mod types;
pub use types::*;

use super::logit::{self, MIN_DEALS, MIN_PER_CLASS};
use super::types::{HistoryDeal, HistoryRequest};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::fit::{criterion_score, Tiers};
use crate::model::{Ecosystem, Profile};
use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

/// Most profiles per request.
pub const MAX_PROFILES: usize = 20;
/// A deal scores "high" on a criterion from this mean score on.
const HIGH: f64 = 0.5;
/// |z| below which an AUC is within chance (two-sided 5 %).
const CHANCE_Z: f64 = 1.96;

/// A deal in time order: its partners (ecosystem indices) and outcome.
struct Deal {
    partners: Vec<usize>,
    won: bool,
}

/// A checked request: the deals with partners in time order.
struct Prepared {
    eco: Ecosystem,
    profiles: Vec<Profile>,
    deals: Vec<Deal>,
    /// Deals without partners, left out.
    unscored: usize,
    /// How many of the oldest deals fit the suggested weights.
    n_train: usize,
}

/// Check the request and bring the deals with partners into time order.
fn prepare(req: CalibrateRequest) -> Result<Prepared> {
    let CalibrateRequest {
        ecosystem,
        profiles,
        history,
        currency,
        train_fraction,
    } = req;
    let hist = HistoryRequest {
        history,
        currency,
        train_fraction,
    };
    super::validate(&hist)?;
    ecosystem.validate().map_err(|e| e.under("ecosystem"))?;
    let mut p = Problems::new();
    if profiles.is_empty() {
        p.invalid("profiles", "give at least one profile to check");
    } else if profiles.len() > MAX_PROFILES {
        p.add(DealteamError::too_large(
            "profiles",
            "profiles",
            MAX_PROFILES,
            profiles.len(),
        ));
    }
    for (i, profile) in profiles.iter().enumerate() {
        p.take(profile.validate(&format!("profiles[{i}]"), &ecosystem.tiers));
    }
    let index = ecosystem.partner_index();
    for (i, d) in hist.history.iter().enumerate() {
        for (j, m) in d.partners.iter().enumerate() {
            if !index.contains_key(m.id.as_str()) {
                p.push(
                    ErrorCode::UnknownPartner,
                    format!("history[{i}].partners[{j}].id"),
                    format!(
                        "no partner of the ecosystem has the id `{}`; add the partner or remove it from the deal",
                        m.id
                    ),
                );
            }
        }
    }
    p.finish()?;
    let unscored = hist.history.iter().filter(|d| d.partners.is_empty()).count();
    let deals: Vec<Deal> = logit::time_ordered(hist.history.iter().filter(|d| !d.partners.is_empty()))
        .into_iter()
        .map(|d: &HistoryDeal| Deal {
            partners: d
                .partners
                .iter()
                .filter_map(|m| index.get(m.id.as_str()).copied())
                .collect(),
            won: d.won,
        })
        .collect();
    let n_train = logit::train_len(deals.len(), train_fraction)?;
    Ok(Prepared {
        eco: ecosystem,
        profiles,
        deals,
        unscored,
        n_train,
    })
}

/// `calibrate` (SPEC §10): one calibration per profile.
pub fn calibrate(req: CalibrateRequest) -> Result<CalibrateResponse> {
    let Prepared {
        eco,
        profiles,
        deals,
        unscored,
        n_train,
    } = prepare(req)?;
    let tiers = Tiers::new(&eco.tiers);
    let profiles = profiles
        .iter()
        .map(|profile| {
            let rows = criterion_rows(profile, &eco, &tiers, &deals);
            calibrate_profile(profile, &rows, &deals, n_train, unscored)
        })
        .collect();
    Ok(CalibrateResponse { profiles })
}

/// Per deal, the mean score of its partners on each criterion (each partner scored once).
fn criterion_rows(profile: &Profile, eco: &Ecosystem, tiers: &Tiers, deals: &[Deal]) -> Vec<Vec<f64>> {
    let mut cache: FxHashMap<usize, Vec<f64>> = FxHashMap::default();
    deals
        .iter()
        .map(|d| {
            let mut sums = vec![0.0; profile.criteria.len()];
            for &i in &d.partners {
                let scores = cache.entry(i).or_insert_with(|| {
                    let p = &eco.partners[i];
                    profile.criteria.iter().map(|c| criterion_score(c, p, tiers)).collect()
                });
                for (s, x) in sums.iter_mut().zip(scores.iter()) {
                    *s += x;
                }
            }
            let m = d.partners.len().max(1) as f64;
            sums.into_iter().map(|s| s / m).collect()
        })
        .collect()
}

fn calibrate_profile(
    profile: &Profile,
    rows: &[Vec<f64>],
    deals: &[Deal],
    n_train: usize,
    unscored: usize,
) -> ProfileCalibration {
    let total: f64 = profile.criteria.iter().map(|c| c.weight).sum();
    let ys: Vec<bool> = deals.iter().map(|d| d.won).collect();
    let fits: Vec<f64> = rows
        .iter()
        .map(|r| profile.criteria.iter().zip(r).map(|(c, s)| c.weight * s).sum::<f64>() / total)
        .collect();
    let wins = ys.iter().filter(|w| **w).count();
    let auc = logit::auc(&fits, &ys);
    let verdict = verdict(auc, deals.len(), wins);
    let (suggestion, weights) = suggest(rows, &ys, n_train, profile.criteria.len());
    let criteria = profile
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let (high, low) = lift_groups(rows, &ys, j);
            CriterionCalibration {
                criterion: c.label(),
                kind: c.kind,
                key: c.key.clone(),
                weight: c.weight / total,
                lift: high
                    .win_rate
                    .zip(low.win_rate)
                    .and_then(|(h, l)| (l > 0.0).then(|| h / l)),
                high,
                low,
                suggested_weight: weights.as_ref().map(|w| w[j]),
            }
        })
        .collect();
    ProfileCalibration {
        profile_id: profile.id.clone(),
        deals: deals.len(),
        wins,
        unscored,
        auc,
        verdict,
        summary: summary(verdict, auc, deals.len(), wins),
        criteria,
        suggestion,
    }
}

/// Deals scoring high (≥ ½) and low on criterion `j`.
fn lift_groups(rows: &[Vec<f64>], ys: &[bool], j: usize) -> (WinGroup, WinGroup) {
    let group = |high: bool| {
        let inside: Vec<bool> = rows
            .iter()
            .zip(ys)
            .filter(|(r, _)| (r[j] >= HIGH) == high)
            .map(|(_, &y)| y)
            .collect();
        let wins = inside.iter().filter(|w| **w).count();
        WinGroup {
            deals: inside.len(),
            wins,
            win_rate: (!inside.is_empty()).then(|| wins as f64 / inside.len() as f64),
        }
    };
    (group(true), group(false))
}

/// The AUC in one word: too few deals, within chance, or by the bands of Hosmer,
/// Lemeshow & Sturdivant (Applied Logistic Regression, 3rd ed., 2013, §5.2.4).
fn verdict(auc: Option<f64>, deals: usize, wins: usize) -> Verdict {
    let losses = deals - wins;
    match auc {
        Some(a) if deals >= MIN_DEALS && wins >= MIN_PER_CLASS && losses >= MIN_PER_CLASS => {
            if logit::auc_z(a, wins, losses).abs() < CHANCE_Z {
                Verdict::NoSignal
            } else if a < 0.5 {
                Verdict::Inverted
            } else if a < 0.7 {
                Verdict::Weak
            } else if a < 0.8 {
                Verdict::Acceptable
            } else {
                Verdict::Strong
            }
        }
        _ => Verdict::TooFewDeals,
    }
}

fn summary(verdict: Verdict, auc: Option<f64>, deals: usize, wins: usize) -> String {
    let pct = auc.map_or(0.0, |a| (a * 100.0).round());
    let how_often = format!("a won deal has a higher fit than a lost one {pct}% of the time");
    match verdict {
        Verdict::TooFewDeals => format!(
            "Too few deals to judge: {deals} deals with partners ({wins} won); at least {MIN_DEALS} with {MIN_PER_CLASS} wins and {MIN_PER_CLASS} losses are needed."
        ),
        Verdict::NoSignal => {
            format!("A high fit does not predict wins: {how_often}, which is within chance ({deals} deals).")
        }
        Verdict::Inverted => {
            format!("Deals with a high fit lose more often: {how_often} ({deals} deals).")
        }
        Verdict::Weak => format!("A high fit predicts wins weakly: {how_often} ({deals} deals)."),
        Verdict::Acceptable => format!("A high fit predicts wins fairly well: {how_often} ({deals} deals)."),
        Verdict::Strong => format!("A high fit predicts wins well: {how_often} ({deals} deals)."),
    }
}

/// A logistic regression on some criterion columns (standardised).
struct Fitted {
    /// Criterion index of each coefficient.
    columns: Vec<usize>,
    beta: Array1<f64>,
    means: Vec<f64>,
    scales: Vec<f64>,
}

impl Fitted {
    fn probability(&self, row: &[f64]) -> f64 {
        let z: f64 = self
            .columns
            .iter()
            .enumerate()
            .map(|(k, &j)| self.beta[k + 1] * (row[j] - self.means[k]) / self.scales[k])
            .sum();
        crate::num::logistic(self.beta[0] + z)
    }
}

/// The regression with non-negative coefficients: fit on every criterion, drop the most
/// negative coefficient and refit, until none is negative (an active-set method).
fn fit_non_negative(rows: &[Vec<f64>], ys: &[bool], k: usize) -> Fitted {
    let y = Array1::from_iter(ys.iter().map(|&w| if w { 1.0 } else { 0.0 }));
    let mut columns: Vec<usize> = (0..k).collect();
    loop {
        let (means, scales): (Vec<f64>, Vec<f64>) = columns
            .iter()
            .map(|&j| logit::standardise(&rows.iter().map(|r| r[j]).collect::<Vec<_>>()))
            .unzip();
        let x = Array2::from_shape_fn((rows.len(), columns.len() + 1), |(i, c)| {
            if c == 0 {
                1.0
            } else {
                (rows[i][columns[c - 1]] - means[c - 1]) / scales[c - 1]
            }
        });
        let beta = logit::newton(&x, &y);
        let worst = (1..beta.len()).min_by(|&a, &b| beta[a].total_cmp(&beta[b]));
        match worst {
            Some(c) if beta[c] < 0.0 => {
                columns.remove(c - 1);
            }
            _ => {
                return Fitted {
                    columns,
                    beta,
                    means,
                    scales,
                }
            }
        }
    }
}

/// Suggested weights (shares adding up to 1), checked out of time as `train` is; withheld
/// without skill, or when the AUC on later deals is within chance, or when no criterion
/// raises the chance of winning.
fn suggest(rows: &[Vec<f64>], ys: &[bool], n_train: usize, k: usize) -> (WeightSuggestion, Option<Vec<f64>>) {
    const WITHHELD: &str = "no weights are suggested";
    let trained = fit_non_negative(&rows[..n_train], &ys[..n_train], k);
    let ps: Vec<f64> = rows[n_train..].iter().map(|r| trained.probability(r)).collect();
    let later = &ys[n_train..];
    let (validation, mut reason) = logit::validate(&ys[..n_train], &ps, later, ys.len(), WITHHELD);
    let later_wins = later.iter().filter(|w| **w).count();
    if reason.is_none()
        && validation.auc.map_or(true, |a| {
            logit::auc_z(a, later_wins, later.len() - later_wins) < CHANCE_Z
        })
    {
        reason = Some(format!(
            "on later deals the fitted weights tell wins from losses no better than chance — {WITHHELD}"
        ));
    }
    let mut weights = None;
    if reason.is_none() {
        let full = fit_non_negative(rows, ys, k);
        let mut w = vec![0.0; k];
        for (c, &j) in full.columns.iter().enumerate() {
            w[j] = (full.beta[c + 1] / full.scales[c]).max(0.0);
        }
        let sum: f64 = w.iter().sum();
        if sum > 1e-12 {
            weights = Some(w.iter().map(|x| x / sum).collect());
        } else {
            reason = Some(format!("no criterion raises the chance of winning — {WITHHELD}"));
        }
    }
    let suggestion = WeightSuggestion {
        skill: reason.is_none(),
        reason,
        validation,
    };
    (suggestion, weights)
}

/// `calibrate` (SPEC §10).
pub struct CalibrateCommand;
impl crate::command::Command for CalibrateCommand {
    const NAME: &'static str = "calibrate";
    type Request = CalibrateRequest;
    type Response = CalibrateResponse;
    fn run(req: Self::Request, _ctx: &crate::clock::Ctx) -> Result<Self::Response> {
        calibrate(req)
    }
}
