//! One partner's payout ledger (SPEC §13), month by month in minor units, so that
//! after every month `earned = paid + held + clawedBack + balance` holds exactly
//! (earned, paid and clawed back summed so far; held and balance as they stand).
//!
//! Each month, in this order:
//! 1. the month's rewards are earned and held; they become payable `hold` months later,
//!    in `count` equal parts (SPEC §4 division: leftover units to the first parts) one
//!    every `every` months — parts due after the horizon stay held;
//! 2. clawbacks are entered as negative amounts on the balance (what was paid stays
//!    paid: the balance goes negative and is netted against later rewards);
//! 3. the parts due this month move from held to the balance;
//! 4. a positive balance of at least the minimum payout is paid out in full; a smaller
//!    one is carried to the next month.

use crate::money::equal_part;

/// Hold, instalments and minimum payout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerRules {
    /// Months a reward waits before it is payable.
    pub hold: usize,
    /// Equal parts a month's rewards are paid in (≥ 1).
    pub count: u32,
    /// Months between parts (≥ 1).
    pub every: usize,
    /// The smallest balance paid out.
    pub minimum: i64,
}

impl Default for LedgerRules {
    fn default() -> Self {
        LedgerRules {
            hold: 0,
            count: 1,
            every: 1,
            minimum: 0,
        }
    }
}

/// Where the ledger writes, one slot per month: paid in the month, held and balance at
/// its end.
pub struct Book<'a> {
    /// Paid in the month.
    pub paid: &'a mut [i64],
    /// Held at the end of the month.
    pub held: &'a mut [i64],
    /// Balance at the end of the month (negative: owed back from later rewards).
    pub balance: &'a mut [i64],
}

/// Run the ledger over the months of `earned` and `clawed` (both ≥ 0 per month);
/// `due` is scratch space.
pub fn run_ledger(rules: &LedgerRules, earned: &[i64], clawed: &[i64], due: &mut Vec<i64>, book: Book) {
    let h = earned.len();
    due.clear();
    due.resize(h, 0);
    let count = rules.count.max(1);
    let (mut held, mut balance) = (0i64, 0i64);
    for m in 0..h {
        let e = earned.get(m).copied().unwrap_or(0);
        held = held.saturating_add(e);
        if e != 0 {
            for j in 0..count {
                let at = m
                    .saturating_add(rules.hold)
                    .saturating_add((j as usize).saturating_mul(rules.every.max(1)));
                match due.get_mut(at) {
                    Some(slot) => *slot = slot.saturating_add(equal_part(e, count, j)),
                    None => break,
                }
            }
        }
        balance = balance.saturating_sub(clawed.get(m).copied().unwrap_or(0));
        let d = due.get(m).copied().unwrap_or(0);
        held = held.saturating_sub(d);
        balance = balance.saturating_add(d);
        let pay = if balance > 0 && balance >= rules.minimum {
            balance
        } else {
            0
        };
        balance = balance.saturating_sub(pay);

        if let Some(x) = book.paid.get_mut(m) {
            *x = pay;
        }
        if let Some(x) = book.held.get_mut(m) {
            *x = held;
        }
        if let Some(x) = book.balance.get_mut(m) {
            *x = balance;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (paid, held, balance) by month.
    fn run(rules: &LedgerRules, earned: &[i64], clawed: &[i64]) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
        let h = earned.len();
        let (mut paid, mut held, mut balance) = (vec![0; h], vec![0; h], vec![0; h]);
        let book = Book {
            paid: &mut paid,
            held: &mut held,
            balance: &mut balance,
        };
        run_ledger(rules, earned, clawed, &mut Vec::new(), book);
        (paid, held, balance)
    }

    #[test]
    fn without_rules_every_reward_is_paid_in_its_month() {
        let (paid, held, bal) = run(&LedgerRules::default(), &[100, 0, 50], &[0, 0, 0]);
        assert_eq!((paid, held, bal), (vec![100, 0, 50], vec![0; 3], vec![0; 3]));
    }

    #[test]
    fn hold_then_three_instalments_with_leftover_units_first() {
        // 100 earned in month 1, held 1 month, paid in 3 parts every 2 months: 34, 33, 33
        let rules = LedgerRules {
            hold: 1,
            count: 3,
            every: 2,
            minimum: 0,
        };
        let (paid, held, _) = run(&rules, &[100, 0, 0, 0, 0, 0, 0], &[0; 7]);
        assert_eq!(paid, vec![0, 34, 0, 33, 0, 33, 0]);
        assert_eq!(held, vec![100, 66, 66, 33, 33, 0, 0]);
        // parts due after the horizon stay held
        let (paid, held, _) = run(&rules, &[100, 0, 0, 0], &[0; 4]);
        assert_eq!((paid, held.last().copied()), (vec![0, 34, 0, 33], Some(33)));
    }

    #[test]
    fn minimum_payout_carries_the_balance() {
        let rules = LedgerRules {
            minimum: 100,
            ..LedgerRules::default()
        };
        let (paid, _, bal) = run(&rules, &[60, 30, 20, 5], &[0; 4]);
        assert_eq!(paid, vec![0, 0, 110, 0]);
        assert_eq!(bal, vec![60, 90, 0, 5]);
    }

    #[test]
    fn a_clawback_after_payment_is_netted_against_later_rewards() {
        // 100 paid in month 1; reversed in month 2 (balance −100); 40 and 80 earned later
        let (paid, _, bal) = run(&LedgerRules::default(), &[100, 0, 40, 80], &[0, 100, 0, 0]);
        assert_eq!(paid, vec![100, 0, 0, 20]);
        assert_eq!(bal, vec![0, -100, -60, 0]);
    }
}
