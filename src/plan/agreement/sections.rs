//! The sections of the agreement drawn from the plan's structured parts (SPEC §7):
//! parties, offer, objectives, remuneration and split, investments, pipeline and
//! exclusivity, with the simulated figures where the plan can be simulated.

use crate::plan::agreement::markdown::{md, money, opt, pct, round2};
use crate::plan::types::{MayPursue, Offer, Plan, Rate, SimulateResponse};
use std::fmt::Write;

/// 1. Parties: a table of the partners.
pub(crate) fn parties(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 1. Parties\n");
    let _ = writeln!(
        w,
        "| Partner | Id | Role | Lead | Partnership manager |\n|---|---|---|---|---|"
    );
    for p in &plan.partners {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            md(&p.name),
            md(&p.id),
            opt(&p.role),
            if p.lead { "yes" } else { "no" },
            opt(&p.manager)
        );
    }
    let _ = writeln!(w);
}

/// 3. Offer: what is sold and how revenue is recognised.
pub(crate) fn offer(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 3. Offer\n");
    let text = match &plan.offer {
        None => "_(not stated)_".to_string(),
        Some(Offer::OneTime {}) => "One-time sale: all revenue is recognised in the month the deal is booked.".into(),
        Some(Offer::Subscription { term_months, monthly_churn, renewal_rate }) => format!(
            "Subscription of {term_months}-month terms, billed in equal monthly parts; expected monthly churn {}%, renewal rate {}%.",
            pct(*monthly_churn),
            pct(*renewal_rate)
        ),
        Some(Offer::Consumption { term_months, monthly_growth, monthly_churn, renewal_rate }) => format!(
            "Consumption over {term_months}-month terms, starting at the deal value / {term_months} a month and growing {}% a month; expected monthly churn {}%, renewal rate {}%.",
            pct(*monthly_growth),
            pct(*monthly_churn),
            pct(*renewal_rate)
        ),
    };
    let _ = writeln!(w, "{text}\n");
}

/// 4. Joint objectives, with the simulated probability of each.
pub(crate) fn objectives(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
    let _ = writeln!(w, "## 4. Joint objectives\n");
    if plan.objectives.is_empty() {
        let _ = writeln!(w, "_(not stated)_\n");
        return;
    }
    let _ = writeln!(
        w,
        "| Metric | Target | By month | Owner | Simulated probability |\n|---|---|---|---|---|"
    );
    for (i, o) in plan.objectives.iter().enumerate() {
        let p = sim
            .and_then(|s| s.objectives.get(i))
            .map(|r| format!("{}%", pct(r.probability)))
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {p} |",
            md(&o.metric),
            money(&o.target, cur),
            o.by_month.map(|b| b.to_string()).unwrap_or_else(|| "—".into()),
            opt(&o.owner)
        );
    }
    let _ = writeln!(w);
}

/// 6. Remuneration and revenue split, with each partner's expected revenue.
pub(crate) fn remuneration(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
    let _ = writeln!(w, "## 6. Remuneration and revenue split\n");
    match &plan.split {
        Some(rule) => {
            let json = serde_json::to_string(rule).unwrap_or_default().replace('`', "'");
            let _ = writeln!(w, "Recognised revenue is divided every month by this rule (SPEC §5; parts add up to the cent):\n\n```json\n{json}\n```\n");
        }
        None => {
            let _ = writeln!(w, "_(split rule not stated)_\n");
        }
    }
    let r = plan.remuneration.clone().unwrap_or_default();
    let _ = writeln!(
        w,
        "- **Recurring revenue:** {}\n- **Notes:** {}\n",
        opt(&r.recurring),
        opt(&r.notes)
    );
    if let Some(s) = sim {
        let _ = writeln!(
            w,
            "| Partner | Share of expected revenue | Expected revenue (mean) | p5 – p95 |\n|---|---|---|---|"
        );
        let total = s.totals.revenue.mean.0;
        for p in &plan.partners {
            if let Some(t) = s.partners.get(&p.id) {
                let share = t
                    .share
                    .mean
                    .0
                    .checked_mul(rust_decimal::Decimal::from(100))
                    .and_then(|x| x.checked_div(total))
                    .map(|x| format!("{}%", x.round_dp(1)))
                    .unwrap_or_else(|| "—".to_string());
                let _ = writeln!(
                    w,
                    "| {} | {share} | {} {cur} | {} – {} |",
                    md(&p.name),
                    t.share.mean,
                    t.share.p5,
                    t.share.p95
                );
            }
        }
        let _ = writeln!(w);
    }
}

/// 7. Investments, with ROPI and the payback month.
pub(crate) fn investments(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
    let _ = writeln!(w, "## 7. Investments\n");
    let _ = writeln!(w, "| Partner | MDF | Enablement | Branding | Monthly cost | Total over horizon | ROPI mean (p5 – p95) | Payback month (median) |\n|---|---|---|---|---|---|---|---|");
    for p in &plan.partners {
        let inv = p.investments.clone().unwrap_or_default();
        let t = sim.and_then(|s| s.partners.get(&p.id));
        let total = t
            .map(|t| format!("{} {cur}", t.investment))
            .unwrap_or_else(|| "—".into());
        let ropi = t
            .and_then(|t| t.ropi.as_ref())
            .map(|r| format!("{} ({} – {})", round2(r.mean), round2(r.p5), round2(r.p95)))
            .unwrap_or_else(|| "—".into());
        let payback = t
            .and_then(|t| t.payback.p50)
            .map(|m| m.to_string())
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {total} | {ropi} | {payback} |",
            md(&p.name),
            money(&inv.mdf, cur),
            money(&inv.enablement, cur),
            money(&inv.branding, cur),
            money(&inv.monthly_cost, cur)
        );
    }
    let _ = writeln!(
        w,
        "\nMDF, enablement and branding are spent in month 1, the monthly cost every month.\n"
    );
}

/// 8. Pipeline and sales cycle.
pub(crate) fn pipeline(w: &mut String, plan: &Plan, cur: &str) {
    let _ = writeln!(w, "## 8. Pipeline and sales cycle\n");
    if let Some(p) = &plan.pipeline {
        let rate = match &p.opportunities_per_month {
            Rate::Constant(x) => format!("{x} opportunities a month"),
            Rate::Ramp(v) => format!(
                "a ramp of {} opportunities a month",
                v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
            ),
        };
        let c = &p.sales_cycle_days;
        let _ = writeln!(
            w,
            "- **Expected pipeline:** {rate}, won with probability {}%\n- **Deal size:** median {}, 90th percentile {}\n- **Sales cycle:** {}–{} days, most likely {}",
            pct(p.win_probability),
            money(&Some(p.deal_size.median), cur),
            money(&Some(p.deal_size.p90), cur),
            c.min,
            c.max,
            c.mode
        );
    }
    let r = plan.pipeline_requirements.clone().unwrap_or_default();
    let _ = writeln!(
        w,
        "- **Required opportunities per month:** {}\n- **Required pipeline value:** {}\n- **Target sales cycle:** {}\n- **Notes:** {}\n",
        r.opportunities_per_month.map(|x| x.to_string()).unwrap_or_else(|| "_(not stated)_".into()),
        money(&r.pipeline_value, cur),
        r.max_sales_cycle_days.map(|x| format!("at most {x} days")).unwrap_or_else(|| "_(not stated)_".into()),
        opt(&r.notes)
    );
}

/// 11. Exclusivity.
pub(crate) fn exclusivity(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 11. Exclusivity\n");
    let ex = plan.exclusivity.clone().unwrap_or_default();
    let exclusive = match ex.exclusive {
        Some(true) => "The collaboration is exclusive.",
        Some(false) => "The collaboration is not exclusive.",
        None => "_(exclusivity not stated)_",
    };
    let _ = writeln!(w, "{exclusive}\n");
    for p in &plan.partners {
        let may = match &ex.may_pursue_similar {
            Some(MayPursue::All(b)) => Some(*b),
            Some(MayPursue::PerPartner(m)) => m.get(&p.id).copied(),
            None => None,
        };
        let text = match may {
            Some(true) => "may pursue similar arrangements with others",
            Some(false) => "may not pursue similar arrangements with others",
            None => "_(not stated)_",
        };
        let _ = writeln!(w, "- {}: {text}", md(&p.name));
    }
    let _ = writeln!(w);
}
