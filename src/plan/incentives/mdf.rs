//! The MDF pool's cash (SPEC §13): each partner pays its contribution into the pool in
//! month 1; a request approved from the pool (in month order while it lasts) is spent
//! and claimed in its month; each claim is rejected with `claimRejectRate` (one draw per
//! claim from the trial's random stream, after the trial's own draws), and otherwise
//! reimbursed `reimburseAfterMonths` later — cash in, in the month it is reimbursed,
//! if that is within the horizon.
// Partners i < p ≤ MAX_PLAN_PARTNERS (100), months < h ≤ MAX_PLAN_MONTHS (600), delays ≤ h:
// i·h + month < 60,000.
#![allow(clippy::arithmetic_side_effects)]

use crate::plan::incentives::MdfModel;
use crate::rng::ChaCha12Rng;
use rand::Rng;

fn add(v: &mut [i64], i: usize, x: i64) {
    if let Some(slot) = v.get_mut(i) {
        *slot = slot.saturating_add(x);
    }
}

/// Each partner's MDF cash by month into `cash` (partner-major: `cash[i * h + m]`,
/// cleared first).
pub fn mdf_cash(pool: &MdfModel, h: usize, rng: &mut ChaCha12Rng, cash: &mut [i64]) {
    cash.iter_mut().for_each(|x| *x = 0);
    for (i, &c) in pool.contributions.iter().enumerate() {
        if h > 0 {
            add(cash, i * h, -c);
        }
    }
    for &(i, month, approved) in &pool.claims {
        if approved == 0 {
            continue;
        }
        add(cash, i * h + month, -approved);
        let rejected = if pool.reject >= 1.0 {
            true
        } else if pool.reject > 0.0 {
            rng.random::<f64>() < pool.reject
        } else {
            false
        };
        if !rejected && month + pool.delay < h {
            add(cash, i * h + month + pool.delay, approved);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn contributions_spend_and_reimbursement() {
        // p0 contributes 300, p1 100; p1's request of 250 in month 2 is approved,
        // reimbursed 2 months later; p0's request of 200 in month 3 gets the 150 left
        let pool = MdfModel {
            contributions: vec![300, 100],
            claims: vec![(1, 1, 250), (0, 2, 150)],
            reject: 0.0,
            delay: 2,
        };
        let mut cash = vec![0i64; 10];
        mdf_cash(&pool, 5, &mut ChaCha12Rng::seed_from_u64(1), &mut cash);
        assert_eq!(cash, vec![-300, 0, -150, 0, 150, -100, -250, 0, 250, 0]);
        // every claim rejected: the spend is not reimbursed
        let all = MdfModel { reject: 1.0, ..pool };
        mdf_cash(&all, 5, &mut ChaCha12Rng::seed_from_u64(1), &mut cash);
        assert_eq!(cash, vec![-300, 0, -150, 0, 0, -100, -250, 0, 0, 0]);
    }
}
