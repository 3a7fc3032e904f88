//! The sections with amounts: what is sold, the revenue split and each partner's
//! expected revenue, the investments and each partner's path to profit, and the
//! pipeline — with the simulated figures where the plan can be simulated.

use crate::plan::agreement::doc::{labelled, t, Block, Inline};
use crate::plan::agreement::sections::{not_stated, text, Draft, Section};
use crate::plan::agreement::words;
use crate::plan::types::{Offer, Rate};
use rust_decimal::Decimal;

/// What is sold and how its revenue is recognised, in one sentence.
pub(crate) fn offer_words(d: &Draft) -> Vec<Inline> {
    let l = d.loc;
    let text = match &d.plan.offer {
        None => return not_stated(),
        Some(Offer::OneTime {}) => "one-time sales: all revenue of a deal counts in the month it is booked".into(),
        Some(Offer::Subscription { term_months, monthly_churn, renewal_rate }) => format!(
            "subscriptions of {term_months} months, billed in equal monthly parts; the plan expects {} of customers to leave each month and {} to renew at the end of a term",
            l.pct(*monthly_churn),
            l.pct(*renewal_rate)
        ),
        Some(Offer::Consumption { term_months, monthly_growth, monthly_churn, renewal_rate }) => format!(
            "consumption-based services over {term_months}-month terms, starting at one {term_months}th of the deal value a month and growing {} a month; the plan expects {} of customers to leave each month and {} to renew at the end of a term",
            l.pct(*monthly_growth),
            l.pct(*monthly_churn),
            l.pct(*renewal_rate)
        ),
    };
    vec![t(text)]
}

/// A mean and its 5 %–95 % range.
fn range(d: &Draft, s: &crate::plan::types::MoneyStats) -> [Vec<Inline>; 2] {
    [
        vec![t(d.money(&s.mean))],
        vec![t(format!("{} to {}", d.money(&s.p5), d.money(&s.p95)))],
    ]
}

/// Remuneration and revenue split: the rule in words, recurring revenue, and each
/// partner's expected revenue.
pub(crate) fn remuneration(d: &Draft) -> Option<Section> {
    let p = d.plan;
    let mut blocks = vec![];
    match &p.split {
        Some(rule) => blocks.extend(
            words::split(p, rule, d.loc, &d.cur)
                .into_iter()
                .map(|s| Block::Para(vec![t(s)])),
        ),
        None => blocks.push(Block::Para(labelled("How revenue is divided", not_stated()))),
    }
    let r = p.remuneration.clone().unwrap_or_default();
    blocks.push(Block::List(
        false,
        vec![
            labelled(
                "Recurring revenue (subscriptions, renewals, consumption)",
                text(&r.recurring),
            ),
            labelled("Payment terms", text(&r.notes)),
        ],
    ));
    if let Some(s) = d.figures() {
        let total = s.totals.revenue.mean.0;
        let rows = p
            .partners
            .iter()
            .filter_map(|q| {
                let f = s.partners.get(&q.id)?;
                let share = f
                    .share
                    .mean
                    .0
                    .checked_mul(Decimal::from(100))
                    .and_then(|x| x.checked_div(total))
                    .map(|x| d.loc.pct_dec(x))
                    .unwrap_or_else(|| "—".into());
                let [mean, band] = range(d, &f.share);
                Some(vec![vec![t(words::name_of(p, &q.id))], vec![t(share)], mean, band])
            })
            .collect();
        let head = [
            "Partner",
            "Share of revenue",
            "Expected revenue",
            "Likely range (90 of 100 outcomes)",
        ];
        blocks.push(Block::Table(head.iter().map(|s| s.to_string()).collect(), rows));
    }
    Some(Section {
        title: "Remuneration and revenue split",
        blocks,
    })
}

/// Investments: each partner's commitment, and its path to profit.
pub(crate) fn investments(d: &Draft) -> Option<Section> {
    let p = d.plan;
    let horizon = p.horizon_months.unwrap_or(0);
    let rows = p
        .partners
        .iter()
        .map(|q| {
            let inv = q.investments.clone().unwrap_or_default();
            let total = d
                .figures()
                .and_then(|s| s.partners.get(&q.id))
                .map(|f| vec![t(d.money(&f.investment))])
                .unwrap_or_else(|| vec![t("—")]);
            vec![
                vec![t(words::name_of(p, &q.id))],
                d.opt_money(&inv.mdf),
                d.opt_money(&inv.enablement),
                d.opt_money(&inv.branding),
                d.opt_money(&inv.monthly_cost),
                total,
            ]
        })
        .collect();
    let total_head = format!("Total over {horizon} months");
    let head = [
        "Partner",
        "Marketing funds",
        "Enablement",
        "Branding",
        "Running cost a month",
        &total_head,
    ];
    let mut blocks = vec![
        Block::Table(head.iter().map(|s| s.to_string()).collect(), rows),
        Block::Para(vec![t(
            "Marketing funds, enablement and branding are spent in the first month, the running cost every month.",
        )]),
    ];
    if let Some(s) = d.figures() {
        let rows = p
            .partners
            .iter()
            .filter_map(|q| {
                let f = s.partners.get(&q.id)?;
                let ret = f
                    .ropi
                    .as_ref()
                    .map(|r| d.loc.pct(r.mean))
                    .unwrap_or_else(|| "nothing invested".into());
                let payback = match (&f.ropi, f.payback.p50) {
                    (None, _) => "—".to_string(),
                    (Some(_), Some(m)) => format!("month {m}"),
                    (Some(_), None) => format!("not within {horizon} months"),
                };
                Some(vec![vec![t(words::name_of(p, &q.id))], vec![t(ret)], vec![t(payback)]])
            })
            .collect();
        blocks.push(Block::Para(vec![t("Each partner's path to profit, from the simulated outcomes: the expected return is what its share of revenue earns above its investment, as a percentage of the investment; the payback month is the median month in which its share has covered its investment.")]));
        let head = ["Partner", "Expected return on investment", "Investment paid back by"];
        blocks.push(Block::Table(head.iter().map(|s| s.to_string()).collect(), rows));
    }
    blocks.push(Block::List(
        false,
        vec![
            labelled(
                "Pre-sales training and support",
                text(&p.enablement.as_ref().and_then(|e| e.presales.clone())),
            ),
            labelled(
                "Use of each partner's brand",
                text(&p.branding.as_ref().and_then(|b| b.usage.clone())),
            ),
        ],
    ));
    Some(Section {
        title: "Investments",
        blocks,
    })
}

/// Pipeline and sales cycle: what the plan expects and what the partners commit to.
pub(crate) fn pipeline(d: &Draft) -> Option<Section> {
    let l = d.loc;
    let mut items = vec![];
    if let Some(pl) = &d.plan.pipeline {
        let rate = match &pl.opportunities_per_month {
            Rate::Constant(x) => format!("{} new opportunities a month", l.num(*x)),
            Rate::Ramp(v) => format!(
                "{} new opportunities a month in the first {} months, then {} a month",
                words::and_list(&v.iter().map(|x| l.num(*x)).collect::<Vec<_>>()),
                v.len(),
                v.last().map(|x| l.num(*x)).unwrap_or_default()
            ),
        };
        let c = &pl.sales_cycle_days;
        items.push(labelled(
            "Expected pipeline",
            vec![t(format!("{rate}, of which {} are won", l.pct(pl.win_probability)))],
        ));
        items.push(labelled(
            "Deal size",
            vec![t(format!(
                "typically {}; one deal in ten above {}",
                d.money(&pl.deal_size.median),
                d.money(&pl.deal_size.p90)
            ))],
        ));
        items.push(labelled(
            "Sales cycle",
            vec![t(format!(
                "{} to {} days, most often {} days",
                l.num(c.min),
                l.num(c.max),
                l.num(c.mode)
            ))],
        ));
    }
    let r = d.plan.pipeline_requirements.clone().unwrap_or_default();
    let opt_num = |x: Option<f64>, unit: &str| match x {
        Some(x) => vec![t(format!("{}{unit}", l.num(x)))],
        None => not_stated(),
    };
    items.push(labelled(
        "Committed: new opportunities a month",
        opt_num(r.opportunities_per_month, ""),
    ));
    items.push(labelled(
        "Committed: open pipeline value",
        d.opt_money(&r.pipeline_value),
    ));
    items.push(labelled(
        "Committed: longest sales cycle",
        opt_num(r.max_sales_cycle_days, " days"),
    ));
    if r.notes.as_deref().is_some_and(|n| !n.trim().is_empty()) {
        items.push(labelled("Notes", text(&r.notes)));
    }
    Some(Section {
        title: "Pipeline and sales cycle",
        blocks: vec![Block::List(false, items)],
    })
}
