//! The incentive plan in words for the agreement (SPEC §13, §15): one plain sentence per
//! rule, names instead of ids, money through the caller's formatter (the agreement's
//! currency format), and each rewarded partner's expected payouts with their likely
//! range. The agreement places these sentences in its own section.

use crate::money::Money;
use crate::plan::types::{Incentives, Plan, SimulateResponse, ThresholdMode, ThresholdPeriod};

/// Formats an amount for the reader (e.g. `EUR 3,000.00`).
pub type MoneyWords<'a> = &'a dyn Fn(&Money) -> String;

fn name(plan: &Plan, partner: &Option<String>, role: &Option<String>) -> String {
    match (partner, role) {
        (Some(id), _) => plan
            .partners
            .iter()
            .find(|p| &p.id == id)
            .map(|p| {
                if p.name.trim().is_empty() {
                    id.clone()
                } else {
                    p.name.clone()
                }
            })
            .unwrap_or_else(|| id.clone()),
        (None, Some(r)) => format!("every {r} partner"),
        (None, None) => "the partner".into(),
    }
}

fn months(from: u32, to: Option<u32>) -> String {
    match to {
        Some(t) if t == from => format!("in month {from} after booking"),
        Some(t) => format!("in months {from} to {t} after booking"),
        None if from == 1 => "for as long as the customer pays".into(),
        None => format!("from month {from} after booking on"),
    }
}

/// One sentence per incentive rule, in the order of the plan.
pub fn incentive_terms(plan: &Plan, inc: &Incentives, money: MoneyWords) -> Vec<String> {
    let mut out = Vec::new();
    for r in &inc.rates {
        let who = name(plan, &r.partner, &r.role);
        let parts: Vec<String> = (r.schedule.iter())
            .map(|b| {
                format!(
                    "{}% of the customer's revenue {}",
                    b.percent,
                    months(b.from_month, b.to_month)
                )
            })
            .collect();
        if !parts.is_empty() {
            out.push(format!("{who} earns {}.", parts.join(", then ")));
        }
        if let Some(b) = &r.bounty {
            out.push(format!("{who} earns {} for every new customer booked.", money(b)));
        }
    }
    for t in &inc.thresholds {
        let per = match t.period {
            ThresholdPeriod::Month => "month",
            ThresholdPeriod::Quarter => "quarter",
            ThresholdPeriod::Year => "year",
        };
        let count = match t.mode {
            ThresholdMode::Reset => format!("counted from the start of each {per}"),
            ThresholdMode::Running => format!("counted over the last {per}"),
        };
        let tiers: Vec<String> = (t.tiers.iter())
            .map(|x| {
                format!(
                    "{} points more on revenue beyond {}",
                    x.bonus_percent,
                    money(&x.revenue)
                )
            })
            .collect();
        out.push(format!(
            "With the joint revenue {count}, {} earns {}.",
            name(plan, &t.partner, &t.role),
            tiers.join(" and ")
        ));
    }
    for a in &inc.adoption {
        let who = name(plan, &a.partner, &a.role);
        if a.growth_percent > 0.0 {
            out.push(format!(
                "{who} earns {}% of each customer's monthly consumption above its first month.",
                a.growth_percent
            ));
        }
        for m in &a.milestones {
            out.push(format!(
                "{who} earns a bonus of {} the first time a customer consumes {} in a month.",
                money(&m.bonus),
                money(&m.monthly_consumption)
            ));
        }
    }
    out.extend(payment_terms(inc, money));
    out
}

/// Hold, instalments, minimum payout, clawback and the MDF pool in words.
fn payment_terms(inc: &Incentives, money: MoneyWords) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(h) = inc.hold_months.filter(|&h| h > 0) {
        out.push(format!("Rewards are held for {h} month(s) before they are paid."));
    }
    if let Some(i) = inc.instalments.as_ref().filter(|i| i.count > 1) {
        out.push(format!(
            "Each month's rewards are paid in {} equal parts, one every {} month(s).",
            i.count, i.every_months
        ));
    }
    if let Some(m) = &inc.minimum_payout {
        out.push(format!("Balances below {} are carried to the next month.", money(m)));
    }
    if let Some(c) = inc.clawback_months.filter(|&c| c > 0) {
        out.push(format!("If a customer leaves within {c} months of booking, the rewards earned on it are reversed: payments already made stay made, and the amount is deducted from later rewards."));
    }
    if let Some(m) = &inc.mdf {
        let total = m
            .contributions
            .values()
            .fold(rust_decimal::Decimal::ZERO, |a, x| a.saturating_add(x.0));
        out.push(format!(
            "A shared marketing fund of {} pays for approved campaigns; claims are reimbursed {} month(s) after the claim, and about {}% of claims are expected to be rejected.",
            money(&Money(total)),
            m.reimburse_after_months,
            crate::num::round12(m.claim_reject_rate * 100.0)
        ));
    }
    out
}

/// Each rewarded partner's expected payouts over the horizon, with the likely range
/// (5th to 95th percentile), one sentence per partner in plan order.
pub fn expected_payouts(plan: &Plan, sim: &SimulateResponse, money: MoneyWords) -> Vec<String> {
    (plan.partners.iter())
        .filter_map(|p| {
            let s = sim.partners.get(&p.id)?.payouts.as_ref()?;
            if s.earned.p95.0.is_zero() && s.mdf_cash.p95.0.is_zero() && s.mdf_cash.p5.0.is_zero() {
                return None;
            }
            let who = if p.name.trim().is_empty() {
                p.id.clone()
            } else {
                p.name.clone()
            };
            Some(format!(
                "{who}: expected payouts of {} (likely between {} and {}), of {} earned.",
                money(&s.paid.mean),
                money(&s.paid.p5),
                money(&s.paid.p95),
                money(&s.earned.mean)
            ))
        })
        .collect()
}
