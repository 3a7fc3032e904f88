//! Adoption rewards of a consumption customer (SPEC §13): a share of each month's
//! consumption above the customer's starting run rate (its first month), and one-time
//! bonuses when its monthly consumption first reaches each milestone level.

use crate::plan::incentives::schedule::part;
use crate::plan::incentives::AdoptionModel;

/// The adoption reward of one customer month: `growth` of `units − first` (nothing
/// below the starting run rate) plus the bonus of every milestone reached for the first
/// time; `next` is the customer's first milestone not yet reached, and moves on.
pub fn month_reward(a: &AdoptionModel, first: i64, units: i64, next: &mut usize) -> i64 {
    let mut r = part(units.saturating_sub(first).max(0), a.growth);
    while let Some(&(level, bonus)) = a.milestones.get(*next) {
        if units < level {
            break;
        }
        r = r.saturating_add(bonus);
        *next = next.saturating_add(1);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_above_the_first_month_and_each_milestone_once() {
        // 10 % of the growth; bonuses 500.00 at 1,200.00 and 300.00 at 1,500.00 a month
        let a = AdoptionModel {
            growth: 100_000,
            milestones: vec![(120_000, 50_000), (150_000, 30_000)],
        };
        let mut next = 0;
        let first = 100_000; // 1,000.00 a month to start
        assert_eq!(month_reward(&a, first, 100_000, &mut next), 0);
        // 1,100.00: 10 % of 100.00
        assert_eq!(month_reward(&a, first, 110_000, &mut next), 1_000);
        // 1,250.00: 10 % of 250.00 = 25.00, plus the first milestone
        assert_eq!(month_reward(&a, first, 125_000, &mut next), 2_500 + 50_000);
        // back down, then 1,600.00: only the second milestone is new
        assert_eq!(month_reward(&a, first, 90_000, &mut next), 0);
        assert_eq!(month_reward(&a, first, 160_000, &mut next), 6_000 + 30_000);
        assert_eq!(month_reward(&a, first, 160_000, &mut next), 6_000);
    }
}
