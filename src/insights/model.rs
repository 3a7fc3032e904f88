//! The win-probability model (SPEC §9): logistic regression (Newton steps with a
//! small ridge penalty, solved with ndarray) on team features, trained on older
//! deals and validated on later ones — a time-ordered split, never shuffled. It
//! reports AUC, log loss and calibration against the base rate, and says "no skill"
//! (predicting the base rate) when data are too few or it does not beat the baseline.

use super::types::*;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::model::joint_win_rate;
use crate::num::logistic;
use ndarray::{Array1, Array2};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Fewest deals, and wins and losses each, before a model may claim skill.
pub const MIN_DEALS: usize = 40;
/// Fewest wins and fewest losses in the training part.
pub const MIN_PER_CLASS: usize = 5;
const RIDGE: f64 = 1.0;

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
    let roles: BTreeSet<&String> = t.roles.iter().collect();
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
    number: HashMap<&'a str, u32>,
    names: Vec<&'a str>,
    counts: HashMap<(u32, u32), (u32, u32)>,
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
        out.sort_unstable_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
        out
    }
}

/// Rows in time order; each deal's past-joint feature uses only strictly earlier days.
fn rows<'a>(sorted: &[&'a HistoryDeal]) -> (Vec<Row>, Pairs<'a>) {
    let mut pairs = Pairs::default();
    let mut out = Vec::with_capacity(sorted.len());
    let mut i = 0;
    while i < sorted.len() {
        let day = &sorted[i].closed_at[..sorted[i].closed_at.len().min(10)];
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
        let m = known.iter().sum::<f64>() / known.len() as f64;
        let var = known.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / known.len() as f64;
        let s = if var > 1e-12 { var.sqrt() } else { 1.0 };
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
    let mut beta = Array1::<f64>::zeros(p);
    for _ in 0..50 {
        let mu = x.dot(&beta).mapv(logistic);
        let w = mu.mapv(|m| (m * (1.0 - m)).max(1e-9));
        let mut grad = x.t().dot(&(&y - &mu));
        let mut hess = Array2::<f64>::zeros((p, p));
        for i in 0..rows.len() {
            for a in 0..p {
                for b in 0..p {
                    hess[[a, b]] += w[i] * x[[i, a]] * x[[i, b]];
                }
            }
        }
        for j in 1..p {
            hess[[j, j]] += RIDGE;
            grad[j] -= RIDGE * beta[j];
        }
        let Some(step) = crate::linalg::solve(hess, grad.insert_axis(ndarray::Axis(1))) else {
            break;
        };
        let step = step.column(0).to_owned();
        beta += &step;
        if step.iter().all(|s| s.abs() < 1e-10) {
            break;
        }
    }
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

fn log_loss(ps: &[f64], ys: &[bool]) -> Option<f64> {
    (!ps.is_empty()).then(|| {
        ps.iter()
            .zip(ys)
            .map(|(&p, &y)| -libm::log(if y { p } else { 1.0 - p }.clamp(1e-15, 1.0)))
            .sum::<f64>()
            / ps.len() as f64
    })
}

/// Area under the ROC curve by ranks (ties get the mean rank).
fn auc(ps: &[f64], ys: &[bool]) -> Option<f64> {
    let pos = ys.iter().filter(|y| **y).count();
    let neg = ys.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    let mut idx: Vec<usize> = (0..ps.len()).collect();
    idx.sort_by(|&a, &b| ps[a].total_cmp(&ps[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && ps[idx[j + 1]] == ps[idx[i]] {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += mean_rank * idx[i..=j].iter().filter(|&&k| ys[k]).count() as f64;
        i = j + 1;
    }
    Some((rank_sum - (pos * (pos + 1)) as f64 / 2.0) / (pos * neg) as f64)
}

fn calibration(ps: &[f64], ys: &[bool]) -> Vec<CalibrationBin> {
    (0..5)
        .filter_map(|b| {
            let (from, to) = (b as f64 / 5.0, (b + 1) as f64 / 5.0);
            let inside: Vec<usize> = (0..ps.len())
                .filter(|&i| ps[i] >= from && (ps[i] < to || (b == 4 && ps[i] <= to)))
                .collect();
            (!inside.is_empty()).then(|| CalibrationBin {
                from,
                to,
                deals: inside.len(),
                predicted: inside.iter().map(|&i| ps[i]).sum::<f64>() / inside.len() as f64,
                observed: inside.iter().filter(|&&i| ys[i]).count() as f64 / inside.len() as f64,
            })
        })
        .collect()
}

/// Train with an out-of-time validation (SPEC §9).
pub fn train(req: &HistoryRequest) -> Result<TrainResponse> {
    super::validate(req)?;
    let frac = req.train_fraction.unwrap_or(0.7);
    if !(frac > 0.0 && frac < 1.0) {
        return Err(DealteamError::invalid(
            "trainFraction",
            "trainFraction must be between 0 and 1 (exclusive), e.g. 0.7",
        ));
    }
    let mut sorted: Vec<&HistoryDeal> = req.history.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.closed_at[..a.closed_at.len().min(10)], &a.id).cmp(&(&b.closed_at[..b.closed_at.len().min(10)], &b.id))
    });
    let (all_rows, pairs) = rows(&sorted);
    let n_train = ((sorted.len() as f64) * frac).floor() as usize;
    let (tr, va) = all_rows.split_at(n_train.min(all_rows.len()));
    let wins = |rs: &[Row]| rs.iter().filter(|r| r.won).count();
    let trained = fit(tr);
    let ps: Vec<f64> = va.iter().map(|r| score(&trained, &r.values).0).collect();
    let ys: Vec<bool> = va.iter().map(|r| r.won).collect();
    let base = trained.base_rate;
    let baseline_ll = log_loss(&vec![base; ys.len()], &ys);
    let model_ll = log_loss(&ps, &ys);
    let validation = Validation {
        train_deals: tr.len(),
        validation_deals: va.len(),
        auc: auc(&ps, &ys),
        log_loss: model_ll,
        baseline: Baseline {
            rate: base,
            log_loss: baseline_ll,
        },
        calibration: calibration(&ps, &ys),
    };
    let too_little =
        sorted.len() < MIN_DEALS || wins(tr) < MIN_PER_CLASS || tr.len() - wins(tr) < MIN_PER_CLASS || va.len() < 10;
    let reason = if too_little {
        Some(format!(
            "too little data to claim skill: {} deals ({} wins, {} losses in training); need at least {MIN_DEALS} deals with {MIN_PER_CLASS} wins and {MIN_PER_CLASS} losses among the older ones and 10 newer ones to validate on — predictions are the base rate",
            sorted.len(),
            wins(tr),
            tr.len() - wins(tr)
        ))
    } else if model_ll.zip(baseline_ll).map_or(true, |(m, b)| m >= b) {
        Some("on later deals the model is no better than always predicting the base rate — predictions are the base rate".to_string())
    } else {
        None
    };
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
    let pairs: PairStats = m
        .pairs
        .iter()
        .map(|p| (pair_key(&p.a, &p.b), (p.deals, p.wins)))
        .collect();
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
    let pairs: usize = req
        .teams
        .iter()
        .map(|t| t.members.len() * t.members.len().saturating_sub(1) / 2)
        .sum();
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn auc_by_ranks_with_ties() {
        assert_eq!(auc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]), Some(0.75));
        assert_eq!(auc(&[0.5, 0.5], &[false, true]), Some(0.5));
        assert_eq!(auc(&[0.5], &[true]), None);
    }
}
