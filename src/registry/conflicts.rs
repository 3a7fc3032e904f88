//! Conflict reports (SPEC §8, §14): who owns an account, by which rule, and what the
//! partners can do — co-sell, a referral (priced by the plan's commission schedule when
//! the request carries the plan's incentives), or first-come (wait for the expiry).

use super::dates::Day;
use super::types::{Conflict, Registration};
use super::window::Window;
use crate::plan::types::incentives::Incentives;
use rustc_hash::FxHashMap;

/// The referral suggestion: the challenger's own commission schedule when given.
fn referral(challenger: &str, owner: &str, incentives: Option<&Incentives>) -> String {
    let rule = incentives.and_then(|i| i.rates.iter().find(|r| r.partner.as_deref() == Some(challenger)));
    let priced = rule.and_then(|r| {
        let first = r.schedule.first()?;
        let months = match first.to_month {
            Some(to) if to == first.from_month => format!("month {to}"),
            Some(to) => format!("months {}–{to}", first.from_month),
            None => format!("month {} on", first.from_month),
        };
        Some(format!(
            "{}% of the revenue in {months} (the plan's commission schedule)",
            first.percent
        ))
    });
    match priced {
        Some(fee) => format!("referral: {challenger} refers its contact to {owner} for a referral fee of {fee}"),
        None => format!("referral: {challenger} refers its contact to {owner} for a referral fee"),
    }
}

/// The report for `challenger` refused (or contested) by `owner`.
pub(super) fn conflict(owner: &Window, challenger: &Registration, incentives: Option<&Incentives>) -> Conflict {
    let o = owner.reg;
    let same = o.partner_id == challenger.partner_id;
    let product = o.product.clone().or_else(|| challenger.product.clone());
    let what = match &product {
        Some(p) => format!("account `{}` (product `{p}`)", o.account),
        None => format!("account `{}`", o.account),
    };
    let (rule, message, resolutions) = if same {
        (
            "already_registered",
            format!(
                "{} already registered {what} as `{}`, protected until {}",
                o.partner_id, o.id, owner.until
            ),
            vec![format!("extend registration `{}` instead of registering again", o.id)],
        )
    } else {
        (
            "first_registration_owns",
            format!(
                "{} registered {what} first (`{}`, {}), protected until {}; {} cannot register it now",
                o.partner_id, o.id, o.registered_at, owner.until, challenger.partner_id
            ),
            vec![
                format!(
                    "co-sell: {} joins {}'s deal team for this account",
                    challenger.partner_id, o.partner_id
                ),
                referral(&challenger.partner_id, &o.partner_id, incentives),
                format!("wait until {} expires after {}", o.id, owner.until),
            ],
        )
    };
    Conflict {
        rule: rule.to_string(),
        owner: o.partner_id.clone(),
        registration_id: o.id.clone(),
        challenger_registration_id: challenger.id.clone(),
        challenger: challenger.partner_id.clone(),
        account: o.account.clone(),
        product,
        protected_until: owner.until.to_string(),
        message,
        resolutions,
        matched_by: owner.matched_by(),
    }
}

/// Every pair of registrations active on `now`, of different partners, contesting the
/// same account, the earlier one owning it (ties by id).
///
/// Per account key, in (day, id) order, each later registration's owner is the earliest
/// earlier one that contests it and belongs to another partner. [`Earliest`] keeps,
/// per group of candidates, the first registration and the first of another partner
/// than that one — enough to answer "the earliest not of partner X" — so the pass is
/// O(n log n) however many registrations share one account.
pub(super) fn conflicts(windows: Vec<Window>, now: Day, incentives: Option<&Incentives>) -> Vec<Conflict> {
    let mut ws: Vec<Window> = windows.into_iter().filter(|w| w.active(now)).collect();
    crate::sort::sort_by(&mut ws, |x, y| {
        (&x.key, x.from, &x.reg.id).cmp(&(&y.key, y.from, &y.reg.id))
    });
    let mut out = Vec::new();
    for group in ws.chunk_by(|x, y| x.key == y.key) {
        // candidates: all earlier ones, those without a product, those per product
        let (mut all, mut no_product) = (Earliest::default(), Earliest::default());
        let mut by_product: FxHashMap<&str, Earliest> = FxHashMap::default();
        for (i, later) in group.iter().enumerate() {
            let partner = later.reg.partner_id.as_str();
            let owner = match &later.reg.product {
                // without a product it contests every earlier registration of the account
                None => all.not_of(group, partner),
                // with one, those without a product and those of the same product
                Some(prod) => {
                    let same = by_product.get(prod.as_str()).and_then(|e| e.not_of(group, partner));
                    [no_product.not_of(group, partner), same].into_iter().flatten().min()
                }
            };
            if let Some(o) = owner {
                if let Some(owner) = group.get(o) {
                    out.push(conflict(owner, later.reg, incentives));
                }
            }
            all.add(group, i);
            match &later.reg.product {
                None => no_product.add(group, i),
                Some(prod) => by_product.entry(prod.as_str()).or_default().add(group, i),
            }
        }
    }
    out
}

/// The partner of the group's `i`-th registration.
fn partner_of<'a>(ws: &'a [Window<'_>], i: usize) -> Option<&'a str> {
    ws.get(i).map(|w| w.reg.partner_id.as_str())
}

/// The first registration of a group, and the first of a partner other than its own
/// (positions in the account's (day, id) order).
#[derive(Default)]
struct Earliest {
    first: Option<usize>,
    other: Option<usize>,
}

impl Earliest {
    fn add(&mut self, ws: &[Window], i: usize) {
        match self.first {
            None => self.first = Some(i),
            Some(f) if self.other.is_none() && partner_of(ws, f) != partner_of(ws, i) => self.other = Some(i),
            Some(_) => {}
        }
    }
    /// The earliest of the group whose partner is not `partner`.
    fn not_of(&self, ws: &[Window], partner: &str) -> Option<usize> {
        let f = self.first?;
        if partner_of(ws, f) != Some(partner) {
            Some(f)
        } else {
            self.other
        }
    }
}
