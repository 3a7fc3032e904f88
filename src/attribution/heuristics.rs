//! The rule-based attribution models of SPEC §5: each touch of a path gets a weight;
//! weights of one path add up to 1. Heuristics count every touch (`a > a > b` gives
//! `a` two thirds under `linear`).
// Indexing: w[0] and w[last] of the weights, resized to len > 0 (len 0 returns first).
#![allow(clippy::indexing_slicing)]

use super::types::AttributionModel;

/// Default half-life of `timeDecay`, in days.
pub const DEFAULT_HALF_LIFE_DAYS: f64 = 7.0;

/// Weight of each of `len` touches under a heuristic model (SPEC §5):
/// firstTouch / lastTouch all to one end; linear 1/len each; timeDecay
/// `2^(−days/halfLife)` normalised (`days` = days before conversion per touch; without
/// them the last touch is 0 days and each earlier touch one day earlier);
/// positionBased 40/20/40 (one touch 100, two touches 50/50). `markov` has no
/// per-touch weights and gets linear ones here (never used for it).
/// The weights are written into `w` (cleared first), so one buffer serves every journey.
pub fn touch_weights(model: AttributionModel, len: usize, days: Option<&[f64]>, half_life: f64, w: &mut Vec<f64>) {
    w.clear();
    w.resize(len, 0.0);
    if len == 0 {
        return;
    }
    let last = len.saturating_sub(1);
    match model {
        AttributionModel::FirstTouch => w[0] = 1.0,
        AttributionModel::LastTouch => w[last] = 1.0,
        AttributionModel::Linear | AttributionModel::Markov => w.iter_mut().for_each(|x| *x = 1.0 / len as f64),
        AttributionModel::TimeDecay => {
            for (k, x) in w.iter_mut().enumerate() {
                let d = days
                    .and_then(|d| d.get(k).copied())
                    .unwrap_or(last.saturating_sub(k) as f64);
                *x = libm::exp2(-d / half_life);
            }
            let total: f64 = w.iter().sum();
            if total > 0.0 {
                w.iter_mut().for_each(|x| *x /= total);
            }
        }
        AttributionModel::PositionBased => match len {
            1 => w[0] = 1.0,
            2 => w.iter_mut().for_each(|x| *x = 0.5),
            _ => {
                let middle = 0.2 / len.saturating_sub(2) as f64;

                w.iter_mut().for_each(|x| *x = middle);
                w[0] = 0.4;
                w[last] = 0.4;
            }
        },
    }
}
