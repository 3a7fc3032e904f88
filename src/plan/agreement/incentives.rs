//! The incentive plan in words (SPEC §13): one plain sentence per rule — schedules,
//! bounties, thresholds, adoption rewards, hold, instalments, minimum payout, clawback
//! and the marketing fund — names instead of ids, money and percentages in the
//! agreement's format, and each partner's expected payouts with their likely range.

use crate::money::Money;
use crate::plan::agreement::doc::{t, Block};
use crate::plan::agreement::sections::{Draft, Section};
use crate::plan::agreement::words;
use crate::plan::types::{Incentives, Plan, SimulateResponse, ThresholdMode, ThresholdPeriod};

/// Incentives and payouts: the rules in words and each partner's expected payouts.
pub(crate) fn incentives(d: &Draft) -> Option<Section> {
    let inc = d.plan.incentives.as_ref()?;
    let mut blocks = vec![];
    let rewarded = rewarded(d.plan, inc);
    if !rewarded.is_empty() {
        blocks.push(Block::Para(vec![t(format!(
            "{} {} paid the rewards below instead of a share of the revenue split; every other partner keeps its share, paid as the revenue comes in.",
            words::and_list(&rewarded),
            if rewarded.len() == 1 { "is" } else { "are" }
        ))]));
    }
    let mut rules = reward_terms(d, inc);
    rules.extend(payment_terms(d, inc));
    if !rules.is_empty() {
        blocks.push(Block::List(false, rules.into_iter().map(|s| vec![t(s)]).collect()));
    }
    if let Some(s) = d.figures() {
        blocks.extend(payout_table(d, s, inc.mdf.is_some()));
    }
    Some(Section {
        title: "Incentives and payouts",
        blocks,
    })
}

/// Each partner's expected payouts over the horizon with their likely range (and its
/// marketing fund cash when there is a fund): the rewarded partners, and the others that
/// pay into or draw from the fund.
fn payout_table(d: &Draft, s: &SimulateResponse, mdf: bool) -> Vec<Block> {
    let dash = || vec![t("—")];
    let rows: Vec<_> = (d.plan.partners.iter())
        .filter_map(|q| {
            let f = s.partners.get(&q.id)?.payouts.as_ref()?;
            let rewarded = !(f.earned.p95.0.is_zero() && f.earned.p5.0.is_zero());
            let cash = !(f.mdf_cash.p95.0.is_zero() && f.mdf_cash.p5.0.is_zero());
            if !(rewarded || (mdf && cash)) {
                return None;
            }
            let money = |m: &Money| if rewarded { vec![t(d.money(m))] } else { dash() };
            let mut row = vec![
                vec![t(words::name_of(d.plan, &q.id))],
                money(&f.earned.mean),
                money(&f.paid.mean),
                if rewarded {
                    vec![t(format!("{} to {}", d.money(&f.paid.p5), d.money(&f.paid.p95)))]
                } else {
                    dash()
                },
                money(&f.clawed_back.mean),
            ];
            if mdf {
                row.push(vec![t(d.money(&f.mdf_cash.mean))]);
            }
            Some(row)
        })
        .collect();
    if rows.is_empty() {
        return vec![];
    }
    let mut head = vec![
        "Partner",
        "Rewards earned",
        "Expected payouts",
        "Likely payouts (90 of 100 outcomes)",
        "Taken back after churn or refunds",
    ];
    if mdf {
        head.push("Marketing fund, net cash");
    }
    let mut note = "Expected payouts over the plan, from the simulated outcomes".to_string();
    if mdf {
        note.push_str("; the marketing fund's net cash is what a partner is reimbursed less what it pays in and spends on its campaigns");
    }
    vec![
        Block::Para(vec![t(format!("{note}:"))]),
        Block::Table(head.iter().map(|s| s.to_string()).collect(), rows),
    ]
}

/// The partners a rate, threshold or adoption rule names (by id or role), in plan order.
fn rewarded(plan: &Plan, inc: &Incentives) -> Vec<String> {
    let named = |partner: &Option<String>, role: &Option<String>, id: &str, own: &Option<String>| match partner {
        Some(p) => p == id,
        None => role.is_some() && role == own,
    };
    (plan.partners.iter())
        .filter(|q| {
            let hit = |pr: &Option<String>, r: &Option<String>| named(pr, r, &q.id, &q.role);
            inc.rates.iter().any(|x| hit(&x.partner, &x.role))
                || inc.thresholds.iter().any(|x| hit(&x.partner, &x.role))
                || inc.adoption.iter().any(|x| hit(&x.partner, &x.role))
        })
        .map(|q| words::name_of(plan, &q.id))
        .collect()
}

/// Who a rule is for: the partner's name, or every partner of a role.
fn who(plan: &Plan, partner: &Option<String>, role: &Option<String>) -> String {
    match (partner, role) {
        (Some(id), _) => words::name_of(plan, id),
        (None, Some(r)) => format!("Every {} partner", words::role(r)),
        (None, None) => "The partner".into(),
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

/// Rates, bounties, thresholds and adoption rewards, one sentence each, in plan order.
fn reward_terms(d: &Draft, inc: &Incentives) -> Vec<String> {
    let (plan, pct) = (d.plan, |x: f64| d.loc.pct_of(x));
    let mut out = Vec::new();
    for r in &inc.rates {
        let who = who(plan, &r.partner, &r.role);
        let parts: Vec<String> = (r.schedule.iter().enumerate())
            .map(|(k, b)| {
                let of = if k == 0 { " of the customer's revenue" } else { "" };
                format!("{}{of} {}", pct(b.percent), months(b.from_month, b.to_month))
            })
            .collect();
        if !parts.is_empty() {
            out.push(format!("{who} earns {}.", parts.join(", then ")));
        }
        if let Some(b) = &r.bounty {
            out.push(format!("{who} earns {} for every new customer booked.", d.money(b)));
        }
    }
    for th in &inc.thresholds {
        let per = match th.period {
            ThresholdPeriod::Month => "month",
            ThresholdPeriod::Quarter => "quarter",
            ThresholdPeriod::Year => "year",
        };
        let count = match th.mode {
            ThresholdMode::Reset => format!("counted from the start of each {per}"),
            ThresholdMode::Running => format!("counted over the last {per}"),
        };
        let tiers: Vec<String> = (th.tiers.iter())
            .map(|x| {
                format!(
                    "{} percentage points more on revenue beyond {}",
                    d.loc.num(x.bonus_percent),
                    d.money(&x.revenue)
                )
            })
            .collect();
        if !tiers.is_empty() {
            let who = who(plan, &th.partner, &th.role);
            out.push(format!(
                "With the joint revenue {count}, {who} earns {}.",
                tiers.join(" and ")
            ));
        }
    }
    for a in &inc.adoption {
        let who = who(plan, &a.partner, &a.role);
        if a.growth_percent > 0.0 {
            out.push(format!(
                "{who} earns {} of each customer's monthly consumption above its first month.",
                pct(a.growth_percent)
            ));
        }
        for m in &a.milestones {
            out.push(format!(
                "{who} earns a bonus of {} the first time a customer consumes {} in a month.",
                d.money(&m.bonus),
                d.money(&m.monthly_consumption)
            ));
        }
    }
    out
}

/// "1 month" / "3 months".
fn n_months(n: u32) -> String {
    if n == 1 {
        "1 month".into()
    } else {
        format!("{n} months")
    }
}

/// Hold, instalments, minimum payout, clawback and the marketing fund in words.
fn payment_terms(d: &Draft, inc: &Incentives) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(h) = inc.hold_months.filter(|&h| h > 0) {
        out.push(format!("Rewards are held for {} before they are paid.", n_months(h)));
    }
    if let Some(i) = inc.instalments.as_ref().filter(|i| i.count > 1) {
        let every = if i.every_months == 1 {
            "one a month".to_string()
        } else {
            format!("one every {}", n_months(i.every_months))
        };
        out.push(format!(
            "Each month's rewards are paid in {} equal parts, {every}.",
            i.count
        ));
    }
    if let Some(m) = &inc.minimum_payout {
        out.push(format!(
            "A payable amount below {} is carried to the next month.",
            d.money(m)
        ));
    }
    if let Some(c) = inc.clawback_months.filter(|&c| c > 0) {
        out.push(format!(
            "If a customer leaves or is refunded within {} of booking, the rewards earned on it are taken back: payments already made stay made, and the amount is deducted from later rewards.",
            n_months(c)
        ));
    }
    if let Some(m) = &inc.mdf {
        let total = (m.contributions.values()).fold(rust_decimal::Decimal::ZERO, |a, x| a.saturating_add(x.0));
        let from: Vec<String> = (m.contributions.iter())
            .filter(|(_, v)| !v.0.is_zero())
            .map(|(id, v)| format!("{} {}", words::name_of(d.plan, id), d.money(v)))
            .collect();
        let paid_in = if from.is_empty() {
            String::new()
        } else {
            format!(" (paid in by {})", words::and_list(&from))
        };
        out.push(format!(
            "A shared marketing fund of {}{paid_in} pays for approved campaigns, up to what is in the fund; claims are reimbursed {} after the claim, and the plan expects {} of claims to be rejected.",
            d.money(&Money(total)),
            n_months(m.reimburse_after_months),
            d.loc.pct(m.claim_reject_rate)
        ));
    }
    out
}
