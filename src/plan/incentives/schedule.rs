//! What a partner earns (SPEC §13): on each deal, its rate schedule by the customer's
//! month since booking, the bounty in the booking month and the adoption rewards; on
//! the plan's revenue per period, the threshold bonuses.
//!
//! Every reward is an integer number of minor units: a percentage of an amount is
//! rounded toward zero, as each party's part is in SPEC §4.
// Units are i64 and rates ≤ PPM (10⁶ parts per million): i128 products < 2⁸⁴; months
// booked + k < h ≤ MAX_PLAN_MONTHS (600). Hot loop of the incentive simulation.
#![allow(clippy::arithmetic_side_effects)]

use crate::plan::incentives::adoption::month_reward;
use crate::plan::incentives::{Reward, TierModel, PPM};

/// `ppm` millionths of `units`, rounded toward zero.
pub fn part(units: i64, ppm: i64) -> i64 {
    let x = i128::from(units) * i128::from(ppm) / i128::from(PPM);
    i64::try_from(x).unwrap_or(if x < 0 { i64::MIN } else { i64::MAX })
}

fn add(v: &mut [i64], i: usize, x: i64) {
    if let Some(slot) = v.get_mut(i) {
        *slot = slot.saturating_add(x);
    }
}

/// The rewards one partner earns on one deal booked in month index `booked` with
/// revenue `rev` by month since booking, added to `earned` (by month index); returns
/// their sum within the horizon (what a clawback reverses).
pub fn deal_rewards(r: &Reward, booked: usize, rev: &[i64], earned: &mut [i64]) -> i64 {
    let mut total = 0i64;
    if r.bounty != 0 && booked < earned.len() {
        add(earned, booked, r.bounty);
        total = total.saturating_add(r.bounty);
    }
    let first = rev.first().copied().unwrap_or(0);
    let mut next = 0usize;
    for (k, (&units, &ppm)) in rev.iter().zip(&r.rate_by_age).enumerate() {
        let mut e = part(units, ppm);
        if let Some(a) = &r.adoption {
            e = e.saturating_add(month_reward(a, first, units, &mut next));
        }
        if e != 0 && booked + k < earned.len() {
            add(earned, booked + k, e);
            total = total.saturating_add(e);
        }
    }
    total
}

/// The plan's revenue counted for a threshold before and after month index `m`: from
/// the start of its period (reset) or over the period's length up to `m` (running).
pub fn period_revenue(t: &TierModel, revenue: &[i64], m: usize) -> (i64, i64) {
    let start = if t.running {
        (m + 1).saturating_sub(t.len)
    } else {
        m - m % t.len.max(1)
    };
    let before = revenue
        .get(start..m)
        .unwrap_or(&[])
        .iter()
        .fold(0i64, |a, &x| a.saturating_add(x));
    (before, before.saturating_add(revenue.get(m).copied().unwrap_or(0)))
}

/// The threshold bonus of month index `m`: the month's revenue lies between the
/// period's revenue before and after it; the part of it beyond each tier's revenue (up
/// to the next tier) earns that tier's bonus — a higher tier for later revenue.
pub fn tier_bonus(t: &TierModel, revenue: &[i64], m: usize) -> i64 {
    let (before, after) = period_revenue(t, revenue, m);
    let mut num = 0i128;
    for (j, &(lo, ppm)) in t.tiers.iter().enumerate() {
        let hi = t.tiers.get(j + 1).map(|x| x.0).unwrap_or(i64::MAX);
        let overlap = i128::from(after.min(hi)) - i128::from(before.max(lo));
        if overlap > 0 {
            num += overlap * i128::from(ppm);
        }
    }
    i64::try_from(num / i128::from(PPM)).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reward(rates: &[i64]) -> Reward {
        Reward {
            rate_by_age: rates.to_vec(),
            ..Reward::default()
        }
    }

    #[test]
    fn forty_percent_for_three_months_then_twenty() {
        // 1,000.00 a month for five months, booked in month 2 (index 1)
        let r = Reward {
            bounty: 25_000,
            ..reward(&[400_000, 400_000, 400_000, 200_000, 200_000, 200_000, 200_000])
        };
        let mut earned = vec![0i64; 7];
        let total = deal_rewards(&r, 1, &[100_000; 5], &mut earned);
        assert_eq!(earned, vec![0, 65_000, 40_000, 40_000, 20_000, 20_000, 0]);
        assert_eq!(total, 185_000);
        // the horizon cuts the deal: only what falls within it is earned
        let mut short = vec![0i64; 3];
        assert_eq!(deal_rewards(&r, 1, &[100_000; 5], &mut short), 105_000);
    }

    #[test]
    fn a_percentage_is_rounded_toward_zero() {
        assert_eq!(part(999, 333_333), 332); // 332.99…
        assert_eq!(part(-999, 333_333), -332);
        assert_eq!(part(i64::MAX, PPM), i64::MAX);
    }

    #[test]
    fn tiers_reward_the_revenue_beyond_each_threshold() {
        // quarterly, reset: +5 % above 100,000.00, +10 % above 250,000.00
        let t = TierModel {
            len: 3,
            running: false,
            tiers: vec![(10_000_000, 50_000), (25_000_000, 100_000)],
        };
        let rev = [6_000_000, 6_000_000, 20_000_000, 6_000_000];
        assert_eq!(tier_bonus(&t, &rev, 0), 0);
        // 60k → 120k: 20k above the first tier → 1,000.00
        assert_eq!(tier_bonus(&t, &rev, 1), 100_000);
        // 120k → 320k: 130k at 5 % (6,500.00) and 70k at 10 % (7,000.00)
        assert_eq!(tier_bonus(&t, &rev, 2), 1_350_000);
        // a new quarter starts from zero
        assert_eq!(tier_bonus(&t, &rev, 3), 0);
        // running over three months: 260k before month 4 → 320k after, all above 250k
        let running = TierModel { running: true, ..t };
        assert_eq!(period_revenue(&running, &rev, 3), (26_000_000, 32_000_000));
        assert_eq!(tier_bonus(&running, &rev, 3), 600_000);
    }
}
