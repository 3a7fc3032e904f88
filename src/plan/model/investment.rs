//! Each partner's investment month by month (SPEC §6): mdf + enablement + branding in
//! month 1, the monthly cost every month — deterministic, the same in every trial.
// Months m < horizon ≤ MAX_PLAN_MONTHS (600), partners i < p ≤ MAX_PLAN_PARTNERS (100): m·p
// + i < 60,000; investments ≤ i64::MAX/10⁶ units each (checks::units) over ≤ 600 months.
#![allow(clippy::arithmetic_side_effects)]

use crate::plan::model::terms::PartnerModel;

/// Cumulative investment per partner and month, in minor units.
#[derive(Clone, Debug, Default)]
pub struct Investment {
    partners: usize,
    /// `cum[m * P + i]`: partner i's investment up to and including month index m.
    cum: Vec<i64>,
}

impl Investment {
    /// The schedule of `partners` over `horizon` months.
    pub fn new(partners: &[PartnerModel], horizon: usize) -> Investment {
        let p = partners.len();
        let mut cum = vec![0i64; horizon * p];
        for (i, pt) in partners.iter().enumerate() {
            let mut c = pt.upfront;
            for m in 0..horizon {
                c = c.saturating_add(pt.monthly);
                if let Some(x) = cum.get_mut(m * p + i) {
                    *x = c;
                }
            }
        }
        Investment { partners: p, cum }
    }

    /// Partner `i`'s investment up to and including month index `m` (0 = month 1).
    pub fn cumulative(&self, m: usize, i: usize) -> i64 {
        self.cum.get(m * self.partners + i).copied().unwrap_or(0)
    }

    /// Partner `i`'s investment in month index `m` alone.
    pub fn in_month(&self, m: usize, i: usize) -> i64 {
        let prev = if m == 0 { 0 } else { self.cumulative(m - 1, i) };
        self.cumulative(m, i) - prev
    }
}
