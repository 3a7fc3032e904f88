//! Logistic regression and its out-of-time validation (SPEC §9), shared by the win
//! model (`train`) and IPP calibration (`calibrate`): Newton steps with a small ridge
//! penalty (solved with ndarray), the history in time order (never shuffled), older
//! deals to fit and later ones to validate, and the refusal to claim skill on too
//! little data or without beating the base rate.
// ndarray operators on vectors of one length (the design matrix's columns) and counts of
// history deals ≤ MAX_HISTORY_DEALS (10⁵) (j + 1 ≤ len, pos ≤ len); f64 otherwise.
// Indexing: ndarray vectors of the design matrix's length, j < its columns.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::types::{Baseline, CalibrationBin, HistoryDeal, Validation};
use crate::error::{DealteamError, Result};
use crate::num::logistic;
use ndarray::{Array1, Array2};

/// Fewest deals, and wins and losses each, before a model may claim skill.
pub const MIN_DEALS: usize = 40;
/// Fewest wins and fewest losses in the training part.
pub const MIN_PER_CLASS: usize = 5;
/// Fewest later deals to validate on.
const MIN_VALIDATION: usize = 10;
/// The L2 penalty on every coefficient but the intercept (features are standardised).
const RIDGE: f64 = 1.0;

/// Coefficients of an L2-regularised logistic regression of `y` (0/1) on `x`, whose
/// column 0 is the (unpenalised) intercept: Newton steps from zero until a step is
/// below 1e-10 (at most 50).
pub(super) fn newton(x: &Array2<f64>, y: &Array1<f64>) -> Array1<f64> {
    let (n, p) = x.dim();
    let mut beta = Array1::<f64>::zeros(p);
    for _ in 0..50 {
        let mu = x.dot(&beta).mapv(logistic);
        let w = mu.mapv(|m| (m * (1.0 - m)).max(1e-9));
        let mut grad = x.t().dot(&(y - &mu));
        let mut hess = Array2::<f64>::zeros((p, p));
        for i in 0..n {
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
    beta
}

/// Mean and standard deviation (1 where constant) of the known values of a column.
pub(super) fn standardise(known: &[f64]) -> (f64, f64) {
    let n = known.len().max(1) as f64;
    let m = known.iter().sum::<f64>() / n;
    let var = known.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n;
    (m, if var > 1e-12 { var.sqrt() } else { 1.0 })
}

/// Mean log loss of probabilities `ps` for outcomes `ys` (None without any).
pub(super) fn log_loss(ps: &[f64], ys: &[bool]) -> Option<f64> {
    (!ps.is_empty()).then(|| {
        ps.iter()
            .zip(ys)
            .map(|(&p, &y)| -libm::log(if y { p } else { 1.0 - p }.clamp(1e-15, 1.0)))
            .sum::<f64>()
            / ps.len() as f64
    })
}

/// Area under the ROC curve by ranks (ties get the mean rank); None when one class is missing.
pub fn auc(ps: &[f64], ys: &[bool]) -> Option<f64> {
    let pos = ys.iter().filter(|y| **y).count();
    let neg = ys.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    let mut idx: Vec<usize> = (0..ps.len()).collect();
    crate::sort::sort_by(&mut idx, |&a, &b| ps[a].total_cmp(&ps[b]));
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
    // in f64 (exact: the products are below 2⁵³): pos·(pos + 1) passes u32, wasm32's
    // usize, from 65,536 positives on, and MAX_HISTORY_DEALS is 100,000
    let (pos, neg) = (pos as f64, neg as f64);
    Some((rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg))
}

/// How far an AUC is from chance in standard errors under the Mann–Whitney null
/// (no difference between wins and losses): `(AUC − ½) / √((P + N + 1) / (12·P·N))`
/// for P wins and N losses (Hanley & McNeil, Radiology 143, 1982; Mann & Whitney 1947).
pub(super) fn auc_z(auc: f64, wins: usize, losses: usize) -> f64 {
    let (p, n) = (wins as f64, losses as f64);
    if wins == 0 || losses == 0 {
        return 0.0;
    }
    (auc - 0.5) / ((p + n + 1.0) / (12.0 * p * n)).sqrt()
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

/// The closing day of a deal (`YYYY-MM-DD`; a longer timestamp counts by its day).
pub(super) fn day(d: &HistoryDeal) -> &str {
    // checked as a date on input (Day::parse); `get` keeps a wide character at byte 10 from panicking regardless
    d.closed_at.get(..10).unwrap_or(&d.closed_at)
}

/// The deals in time order: by closing day, then id (never shuffled).
pub(super) fn time_ordered<'a>(deals: impl IntoIterator<Item = &'a HistoryDeal>) -> Vec<&'a HistoryDeal> {
    let mut sorted: Vec<&HistoryDeal> = deals.into_iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| (day(a), &a.id).cmp(&(day(b), &b.id)));
    sorted
}

/// How many of `n` time-ordered deals train (the oldest `⌊n·trainFraction⌋`, default 0.7).
pub(super) fn train_len(n: usize, train_fraction: Option<f64>) -> Result<usize> {
    let frac = train_fraction.unwrap_or(0.7);
    if !(frac > 0.0 && frac < 1.0) {
        return Err(DealteamError::invalid(
            "trainFraction",
            "trainFraction must be between 0 and 1 (exclusive), e.g. 0.7",
        ));
    }
    Ok((((n as f64) * frac).floor() as usize).min(n))
}

/// Validation of a model fitted on the older deals (outcomes `train`) that gives the
/// later deals probabilities `ps` (outcomes `ys`), against always predicting the
/// training win rate; with the reason it may not claim skill, if any (`total` = all
/// deals; `consequence` ends the reason: what the caller does without skill).
pub(super) fn validate(
    train: &[bool],
    ps: &[f64],
    ys: &[bool],
    total: usize,
    consequence: &str,
) -> (Validation, Option<String>) {
    let wins = train.iter().filter(|w| **w).count();
    let base = wins as f64 / train.len().max(1) as f64;
    let baseline_ll = log_loss(&vec![base; ys.len()], ys);
    let model_ll = log_loss(ps, ys);
    let validation = Validation {
        train_deals: train.len(),
        validation_deals: ys.len(),
        auc: auc(ps, ys),
        log_loss: model_ll,
        baseline: Baseline {
            rate: base,
            log_loss: baseline_ll,
        },
        calibration: calibration(ps, ys),
    };
    let losses = train.len() - wins;
    let reason = if total < MIN_DEALS || wins < MIN_PER_CLASS || losses < MIN_PER_CLASS || ys.len() < MIN_VALIDATION {
        Some(format!(
            "too little data to claim skill: {total} deals ({wins} wins, {losses} losses in training); need at least {MIN_DEALS} deals with {MIN_PER_CLASS} wins and {MIN_PER_CLASS} losses among the older ones and {MIN_VALIDATION} newer ones to validate on — {consequence}"
        ))
    } else if model_ll.zip(baseline_ll).map_or(true, |(m, b)| m >= b) {
        Some(format!(
            "on later deals the model is no better than always predicting the base rate — {consequence}"
        ))
    } else {
        None
    };
    (validation, reason)
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
