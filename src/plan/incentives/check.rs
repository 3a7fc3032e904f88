//! The plan's `incentives` checked (SPEC §13): brackets in order and not overlapping,
//! rates 0–100 %, tiers and milestones in ascending order, holds and windows within
//! the horizon, MDF partners and months of the plan. Every problem is reported with
//! its path (`incentives.rates[0].schedule[1].fromMonth`) and what to change.

use crate::error::Problems;
use crate::plan::incentives::check_rules::{amount, percent, prob, resolve, within_horizon};
use crate::plan::incentives::{AdoptionModel, IncentiveModel, LedgerRules, MdfModel, Reward, TierModel};
use crate::plan::model::OfferModel;
use crate::plan::types::{
    AdoptionRule, Incentives, MdfPool, Plan, RateBracket, Threshold, ThresholdMode, ThresholdPeriod,
};

const AT: &str = "incentives";

/// Check `inc` against the plan; `None` when something is wrong (reported in `p`).
pub fn check_incentives(
    p: &mut Problems,
    inc: &Incentives,
    plan: &Plan,
    horizon: usize,
    minor: u32,
    offer: &OfferModel,
) -> IncentiveModel {
    let rate_of = resolve(
        p,
        plan,
        &inc.rates.iter().map(|r| (&r.partner, &r.role)).collect::<Vec<_>>(),
        &format!("{AT}.rates"),
    );
    let tier_of = resolve(
        p,
        plan,
        &inc.thresholds.iter().map(|r| (&r.partner, &r.role)).collect::<Vec<_>>(),
        &format!("{AT}.thresholds"),
    );
    let adopt_of = resolve(
        p,
        plan,
        &inc.adoption.iter().map(|r| (&r.partner, &r.role)).collect::<Vec<_>>(),
        &format!("{AT}.adoption"),
    );
    let rates: Vec<(Vec<i64>, i64)> = inc
        .rates
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let at = format!("{AT}.rates[{k}]");
            let bounty = r
                .bounty
                .map(|b| amount(p, b, minor, &format!("{at}.bounty")))
                .unwrap_or(0);
            (schedule(p, &r.schedule, horizon, &at), bounty)
        })
        .collect();
    let tiers: Vec<TierModel> = (inc.thresholds.iter().enumerate())
        .map(|(k, t)| threshold(p, t, minor, &format!("{AT}.thresholds[{k}]")))
        .collect();
    let adoption: Vec<AdoptionModel> = (inc.adoption.iter().enumerate())
        .map(|(k, a)| adoption_rule(p, a, minor, offer, &format!("{AT}.adoption[{k}]")))
        .collect();
    // one entry per plan partner in each (resolve)
    let rewards = (rate_of.iter().zip(&tier_of).zip(&adopt_of))
        .map(|((&r, &t), &a)| {
            if r.is_none() && t.is_none() && a.is_none() {
                return None;
            }
            let (rate_by_age, bounty) = r
                .and_then(|k| rates.get(k).cloned())
                .unwrap_or_else(|| (vec![0; horizon], 0));
            Some(Reward {
                rate_by_age,
                bounty,
                tiers: t.and_then(|k| tiers.get(k).cloned()),
                adoption: a.and_then(|k| adoption.get(k).cloned()),
            })
        })
        .collect();
    IncentiveModel {
        rewards,
        ledger: ledger_rules(p, inc, horizon, minor),
        clawback: inc
            .clawback_months
            .map(|c| within_horizon(p, c, horizon, &format!("{AT}.clawbackMonths"), "a clawback window"))
            .unwrap_or(0),
        mdf: inc.mdf.as_ref().map(|m| mdf_pool(p, m, plan, horizon, minor)),
    }
}

/// Brackets in order, not overlapping, as the rate of each month since booking.
// next_free ≥ 1 once a bracket is read; from_month ≥ 1 (checked above)
#[allow(clippy::arithmetic_side_effects)]
fn schedule(p: &mut Problems, brackets: &[RateBracket], horizon: usize, at: &str) -> Vec<i64> {
    let mut by_age = vec![0i64; horizon];
    let mut next_free = 1u64; // the first month since booking not yet covered
    for (j, b) in brackets.iter().enumerate() {
        let path = format!("{at}.schedule[{j}]");
        let ppm = percent(p, b.percent, &format!("{path}.percent"));
        if b.from_month == 0 {
            p.invalid(
                format!("{path}.fromMonth"),
                "months since booking start at 1 (the booking month)",
            );
            continue;
        }
        let to = b.to_month.map(u64::from).unwrap_or(u64::MAX);
        if to < u64::from(b.from_month) {
            p.invalid(
                format!("{path}.toMonth"),
                format!(
                    "toMonth {to} is before fromMonth {}; make toMonth at least fromMonth",
                    b.from_month
                ),
            );
            continue;
        }
        if u64::from(b.from_month) < next_free {
            let msg = if next_free == u64::MAX {
                format!(
                    "this bracket starts in month {} but the bracket before covers months up to the end (it has no toMonth), so this one never applies; give the bracket before a toMonth, or list the brackets in order of their months",
                    b.from_month
                )
            } else {
                format!(
                    "this bracket starts in month {} but the bracket before covers months up to {}; list brackets in order without overlap (start this one at {next_free} or later)",
                    b.from_month,
                    next_free - 1
                )
            };
            p.invalid(format!("{path}.fromMonth"), msg);
            continue;
        }
        next_free = to.saturating_add(1);
        let (lo, hi) = (b.from_month as usize - 1, to.min(horizon as u64) as usize);
        for slot in by_age.iter_mut().take(hi).skip(lo) {
            *slot = ppm;
        }
    }
    by_age
}

// j ≥ 1: a tier before exists (tiers.last())
#[allow(clippy::arithmetic_side_effects)]
fn threshold(p: &mut Problems, t: &Threshold, minor: u32, at: &str) -> TierModel {
    if t.tiers.is_empty() {
        p.invalid(
            format!("{at}.tiers"),
            "add at least one tier (`revenue` and `bonusPercent`)",
        );
    }
    let mut tiers = Vec::with_capacity(t.tiers.len());
    for (j, tier) in t.tiers.iter().enumerate() {
        let rev = amount(p, tier.revenue, minor, &format!("{at}.tiers[{j}].revenue"));
        let ppm = percent(p, tier.bonus_percent, &format!("{at}.tiers[{j}].bonusPercent"));
        if let Some(&(prev, _)) = tiers.last() {
            if rev <= prev {
                p.invalid(
                    format!("{at}.tiers[{j}].revenue"),
                    format!(
                        "tiers must be in ascending order of revenue: {} is not above the tier before ({}); reorder the tiers",
                        tier.revenue,
                        t.tiers.get(j - 1).map(|x| x.revenue.to_string()).unwrap_or_default()
                    ),
                );
            }
        }
        tiers.push((rev, ppm));
    }
    TierModel {
        len: match t.period {
            ThresholdPeriod::Month => 1,
            ThresholdPeriod::Quarter => 3,
            ThresholdPeriod::Year => 12,
        },
        running: t.mode == ThresholdMode::Running,
        tiers,
    }
}

fn adoption_rule(p: &mut Problems, a: &AdoptionRule, minor: u32, offer: &OfferModel, at: &str) -> AdoptionModel {
    if !matches!(offer, OfferModel::Consumption { .. }) {
        p.invalid(
            at.to_string(),
            "adoption rewards follow consumption growth: use them with a consumption offer (`offer.kind`: consumption), or remove them",
        );
    }
    let growth = percent(p, a.growth_percent, &format!("{at}.growthPercent"));
    let mut milestones: Vec<(i64, i64)> = Vec::with_capacity(a.milestones.len());
    for (j, m) in a.milestones.iter().enumerate() {
        let path = format!("{at}.milestones[{j}]");
        let level = amount(p, m.monthly_consumption, minor, &format!("{path}.monthlyConsumption"));
        let bonus = amount(p, m.bonus, minor, &format!("{path}.bonus"));
        if milestones.last().is_some_and(|&(prev, _)| level <= prev) {
            p.invalid(
                format!("{path}.monthlyConsumption"),
                "milestones must be in ascending order of monthly consumption; reorder them",
            );
        }
        milestones.push((level, bonus));
    }
    AdoptionModel { growth, milestones }
}

fn ledger_rules(p: &mut Problems, inc: &Incentives, horizon: usize, minor: u32) -> LedgerRules {
    let hold = (inc.hold_months)
        .map(|h| within_horizon(p, h, horizon, &format!("{AT}.holdMonths"), "a hold"))
        .unwrap_or(0);
    let (mut count, mut every) = (1u32, 1usize);
    if let Some(ins) = &inc.instalments {
        let at = format!("{AT}.instalments");
        if ins.count == 0 {
            p.invalid(format!("{at}.count"), "pay in at least 1 instalment");
        } else if ins.every_months == 0 {
            p.invalid(format!("{at}.everyMonths"), "instalments are at least 1 month apart");
        } else {
            let span = (hold as u64)
                .saturating_add(u64::from(ins.count.saturating_sub(1)).saturating_mul(u64::from(ins.every_months)));
            if span > horizon as u64 {
                p.invalid(
                    format!("{at}.count"),
                    format!("the hold and {} instalments every {} months take {span} months, longer than the horizon of {horizon}; use fewer or closer instalments", ins.count, ins.every_months),
                );
            } else {
                (count, every) = (ins.count, ins.every_months as usize);
            }
        }
    }
    LedgerRules {
        hold,
        count,
        every,
        minimum: (inc.minimum_payout)
            .map(|m| amount(p, m, minor, &format!("{AT}.minimumPayout")))
            .unwrap_or(0),
    }
}

// approved = min(units, pool) ≤ pool; month ≥ 1 (checked just above)
#[allow(clippy::arithmetic_side_effects)]
fn mdf_pool(p: &mut Problems, m: &MdfPool, plan: &Plan, horizon: usize, minor: u32) -> MdfModel {
    let at = format!("{AT}.mdf");
    let index = |p: &mut Problems, id: &str, path: String| {
        let i = plan.partners.iter().position(|x| x.id == id);
        if i.is_none() {
            let msg = format!("`{id}` is not a partner of the plan; use one of the partners' ids");
            p.push(crate::error::ErrorCode::UnknownPartner, path, msg);
        }
        i
    };
    let mut contributions = vec![0i64; plan.partners.len()];
    for (id, c) in &m.contributions {
        let path = format!("{at}.contributions.{id}");
        let units = amount(p, *c, minor, &path);
        if let Some(slot) = index(p, id, path).and_then(|i| contributions.get_mut(i)) {
            *slot = units;
        }
    }
    prob(
        p,
        m.claim_reject_rate,
        &format!("{at}.claimRejectRate"),
        "claimRejectRate",
    );
    let delay = within_horizon(
        p,
        m.reimburse_after_months,
        horizon,
        &format!("{at}.reimburseAfterMonths"),
        "a reimbursement delay",
    );
    let mut order: Vec<usize> = (0..m.requests.len()).collect();
    crate::sort::sort_by_key(&mut order, |&k| m.requests.get(k).map(|r| r.month).unwrap_or(0));
    let mut pool: i64 = contributions.iter().fold(0i64, |a, &c| a.saturating_add(c));
    let mut claims = Vec::new();
    for k in order {
        let Some(r) = m.requests.get(k) else { continue };
        let path = format!("{at}.requests[{k}]");
        let units = amount(p, r.amount, minor, &format!("{path}.amount"));
        if r.month == 0 || r.month as usize > horizon {
            p.invalid(
                format!("{path}.month"),
                format!("month {} is outside the plan's horizon; use 1 to {horizon}", r.month),
            );
            continue;
        }
        let Some(i) = index(p, &r.partner, format!("{path}.partner")) else {
            continue;
        };
        let approved = units.min(pool);
        pool -= approved;
        claims.push((i, r.month as usize - 1, approved));
    }
    MdfModel {
        contributions,
        claims,
        reject: m.claim_reject_rate,
        delay,
    }
}
