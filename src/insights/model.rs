//! The win-probability model (SPEC §9): logistic regression on team features,
//! trained on older deals and validated on later ones (the `logit` module: a
//! time-ordered split, never shuffled). It reports AUC, log loss and calibration
//! against the base rate, and says "no skill" (predicting the base rate) when data
//! are too few or it does not beat the baseline.
// Members per deal ≤ MAX_DEAL_MEMBERS (100), deals ≤ MAX_HISTORY_DEALS (10⁵): pair counts
// in u32, j ≥ 1 where column j − 1 is read (column 0 is the intercept).
// Indexing: feature columns and per-partner arrays sized here, by column and partner
// indices numbered here.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::logit;
use super::types::*;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::model::joint_win_rate;
use crate::num::logistic;
use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// A team as the model sees it, before imputation (`None` = not known).
struct Row {
    values: Vec<Option<f64>>,
    won: bool,
}

/// Feature names, in order.
pub const FEATURES: [&str; 6] = ["coverage", "fit", "synergy", "size", "roles", "pastJointWinRate"];

type PairStats = BTreeMap<(String, String), (u32, u32)>;

fn pair_key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Mean Laplace-smoothed joint win rate ([`joint_win_rate`]) over the member pairs
/// (`stats(i, j)` = deals and wins of members i < j together); 0.5 for teams of fewer
/// than two.
fn past_joint(members: usize, stats: impl Fn(usize, usize) -> (u32, u32)) -> f64 {
    let mut rates = Vec::new();
    for i in 0..members {
        for j in i + 1..members {
            let (d, w) = stats(i, j);
            rates.push(joint_win_rate(w, d));
        }
    }
    if rates.is_empty() {
        0.5
    } else {
        rates.iter().sum::<f64>() / rates.len() as f64
    }
}

fn features(t: &TeamFeatures, past_joint: f64) -> Vec<Option<f64>> {
    let roles: BTreeSet<&String> = crate::sort::set_of(t.roles.iter());
    vec![
        t.coverage,
        t.fit,
        t.synergy,
        Some(t.members.len() as f64),
        Some(roles.len() as f64),
        Some(past_joint),
    ]
}

fn team_of(d: &HistoryDeal) -> TeamFeatures {
    TeamFeatures {
        members: d.partners.iter().map(|p| p.id.clone()).collect(),
        roles: d.partners.iter().map(|p| p.role.clone()).collect(),
        coverage: d.coverage,
        fit: d.fit,
        synergy: d.synergy,
    }
}

/// Joint deals and wins per pair of partners, the partners numbered in first-seen
/// order (numbers, not strings, keep a history's many pairs cheap; the pairs are
/// bounded by `MAX_MEMBER_PAIRS`, checked before training).
#[derive(Default)]
struct Pairs<'a> {
    number: FxHashMap<&'a str, u32>,
    names: Vec<&'a str>,
    counts: FxHashMap<(u32, u32), (u32, u32)>,
}

impl<'a> Pairs<'a> {
    fn numbers(&mut self, d: &'a HistoryDeal) -> Vec<u32> {
        d.partners
            .iter()
            .map(|p| {
                let next = self.names.len() as u32;
                *self.number.entry(p.id.as_str()).or_insert_with(|| {
                    self.names.push(p.id.as_str());
                    next
                })
            })
            .collect()
    }
    fn get(&self, a: u32, b: u32) -> (u32, u32) {
        self.counts.get(&(a.min(b), a.max(b))).copied().unwrap_or((0, 0))
    }
    fn record(&mut self, members: &[u32], won: bool) {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let e = self.counts.entry((a.min(b), a.max(b))).or_insert((0, 0));
                e.0 += 1;
                e.1 += u32::from(won);
            }
        }
    }
    /// The pairs by partner id, sorted (the model's `pairs`).
    fn into_history(self) -> Vec<PairHistory> {
        let mut out: Vec<PairHistory> = self
            .counts
            .into_iter()
            .map(|((a, b), (deals, wins))| {
                let (a, b) = (self.names[a as usize], self.names[b as usize]);
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                PairHistory {
                    a: a.to_string(),
                    b: b.to_string(),
                    deals,
                    wins,
                }
            })
            .collect();
        // one entry per pair of distinct ids: the order sort_unstable_by gives
        crate::sort::sort_by(&mut out, |x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
        out
    }
}

/// Rows in time order; each deal's past-joint feature uses only strictly earlier days.
fn rows<'a>(sorted: &[&'a HistoryDeal]) -> (Vec<Row>, Pairs<'a>) {
    let mut pairs = Pairs::default();
    let mut out = Vec::with_capacity(sorted.len());
    let mut i = 0;
    while i < sorted.len() {
        let day = super::logit::day(sorted[i]);
        let mut j = i;
        let mut numbered = Vec::new();
        while j < sorted.len() && sorted[j].closed_at.starts_with(day) {
            let members = pairs.numbers(sorted[j]);
            let joint = past_joint(members.len(), |x, y| pairs.get(members[x], members[y]));
            out.push(Row {
                values: features(&team_of(sorted[j]), joint),
                won: sorted[j].won,
            });
            numbered.push(members);
            j += 1;
        }
        for (d, members) in sorted[i..j].iter().zip(&numbered) {
            pairs.record(members, d.won);
        }
        i = j.max(i + 1);
    }
    (out, pairs)
}

/// Fit on `rows`: features known for at least half of them, mean-imputed, standardised.
fn fit(rows: &[Row]) -> WinModel {
    let n = rows.len().max(1) as f64;
    let base_rate = rows.iter().filter(|r| r.won).count() as f64 / n;
    let mut names = Vec::new();
    let (mut means, mut scales, mut cols) = (Vec::new(), Vec::new(), Vec::new());
    for (f, name) in FEATURES.iter().enumerate() {
        let known: Vec<f64> = rows.iter().filter_map(|r| r.values[f]).collect();
        if (known.len() as f64) < n / 2.0 || known.is_empty() {
            continue;
        }
        let (m, s) = logit::standardise(&known);
        names.push(name.to_string());
        means.push(m);
        scales.push(s);
        cols.push(f);
    }
    let p = cols.len() + 1;
    let x = Array2::from_shape_fn((rows.len(), p), |(i, j)| {
        if j == 0 {
            1.0
        } else {
            let f = cols[j - 1];
            (rows[i].values[f].unwrap_or(means[j - 1]) - means[j - 1]) / scales[j - 1]
        }
    });
    let y = Array1::from_iter(rows.iter().map(|r| if r.won { 1.0 } else { 0.0 }));
    let beta = logit::newton(&x, &y);
    WinModel {
        features: names,
        intercept: beta[0],
        coefficients: beta.iter().skip(1).copied().collect(),
        means,
        scales,
        base_rate,
        skill: true,
        reason: None,
        pairs: Vec::new(),
    }
}

/// Log-odds contributions of each feature and the probability.
fn score(model: &WinModel, values: &[Option<f64>]) -> (f64, BTreeMap<String, f64>) {
    let mut z = model.intercept;
    let mut contributions = BTreeMap::new();
    for (j, name) in model.features.iter().enumerate() {
        let f = FEATURES.iter().position(|x| x == name).unwrap_or(usize::MAX);
        let v = values.get(f).copied().flatten().unwrap_or(model.means[j]);
        let c = model.coefficients[j] * (v - model.means[j]) / model.scales[j];
        z += c;
        contributions.insert(name.clone(), crate::num::round12(c));
    }
    (logistic(z), contributions)
}

/// Train with an out-of-time validation (SPEC §9).
pub fn train(req: &HistoryRequest) -> Result<TrainResponse> {
    super::validate(req)?;
    let sorted = logit::time_ordered(&req.history);
    let n_train = logit::train_len(sorted.len(), req.train_fraction)?;
    let (all_rows, pairs) = rows(&sorted);
    let (tr, va) = all_rows.split_at(n_train.min(all_rows.len()));
    let trained = fit(tr);
    let ps: Vec<f64> = va.iter().map(|r| score(&trained, &r.values).0).collect();
    let ys: Vec<bool> = va.iter().map(|r| r.won).collect();
    let outcomes: Vec<bool> = tr.iter().map(|r| r.won).collect();
    let (validation, reason) = logit::validate(&outcomes, &ps, &ys, sorted.len(), "predictions are the base rate");
    let mut model = if reason.is_none() { fit(&all_rows) } else { trained };
    model.skill = reason.is_none();
    model.reason = reason;
    model.pairs = pairs.into_history();
    Ok(TrainResponse { model, validation })
}

impl WinModel {
    /// Check that the model is one `train` could have produced; paths start at `at`.
    pub fn check(&self, at: &str) -> Result<()> {
        let k = self.features.len();
        if self.coefficients.len() != k || self.means.len() != k || self.scales.len() != k {
            return Err(DealteamError::invalid(at, "the model's features, coefficients, means and scales must have the same length; pass a model from `train` unchanged"));
        }
        if let Some(j) = self.features.iter().position(|f| !FEATURES.contains(&f.as_str())) {
            return Err(DealteamError::new(
                ErrorCode::InvalidValue,
                format!("{at}.features[{j}]"),
                format!("unknown feature `{}`", self.features[j]),
            ));
        }
        if self.scales.iter().any(|s| !(s.is_finite() && *s > 0.0)) || !(0.0..=1.0).contains(&self.base_rate) {
            return Err(DealteamError::invalid(
                at,
                "the model's scales must be positive and its baseRate within 0..1",
            ));
        }
        Ok(())
    }
}

/// Win probabilities of teams under a checked model, each with its feature
/// contributions (the base rate when the model has no skill).
pub fn predict_teams(m: &WinModel, teams: &[TeamFeatures]) -> Vec<Prediction> {
    let pairs: PairStats = crate::sort::map_of(m.pairs.iter().map(|p| (pair_key(&p.a, &p.b), (p.deals, p.wins))));
    teams
        .iter()
        .map(|t| {
            if m.skill {
                let joint = past_joint(t.members.len(), |i, j| {
                    pairs
                        .get(&pair_key(&t.members[i], &t.members[j]))
                        .copied()
                        .unwrap_or((0, 0))
                });
                let (probability, contributions) = score(m, &features(t, joint));
                Prediction {
                    probability,
                    contributions,
                    from_model: true,
                }
            } else {
                Prediction {
                    probability: m.base_rate,
                    contributions: BTreeMap::new(),
                    from_model: false,
                }
            }
        })
        .collect()
}

/// `predict`: win probabilities of proposed teams, with each feature's contribution.
pub fn predict(req: &PredictRequest) -> Result<PredictResponse> {
    req.model.check("model")?;
    let mut p = crate::error::Problems::new();
    for (i, t) in req.teams.iter().enumerate() {
        crate::model::check_id_list(
            &mut p,
            &format!("teams[{i}].members"),
            t.members.iter().map(String::as_str),
        );
    }
    let pairs = crate::model::pairs_within(req.teams.iter().map(|t| t.members.len()));
    if pairs > crate::model::MAX_MEMBER_PAIRS {
        p.add(DealteamError::too_large(
            "teams",
            "member pairs over the teams (Σ m·(m−1)/2 over teams of m members)",
            crate::model::MAX_MEMBER_PAIRS,
            pairs,
        ));
    }
    p.finish()?;
    Ok(PredictResponse {
        predictions: predict_teams(&req.model, &req.teams),
    })
}
