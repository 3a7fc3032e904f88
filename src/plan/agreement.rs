//! `draftAgreement` (SPEC §7): the plan written out as a readable Markdown
//! collaboration agreement, with the simulated figures (expected revenue per partner,
//! p5–p95) and the open points of `validate`, ready to be completed and signed.
//!
//! Every piece of user text is escaped, so a name such as `*Acme* | Co` cannot break
//! the layout. A plan that cannot be simulated yet still gets its agreement, with the
//! reason in place of the figures.

use crate::clock::Ctx;
use crate::money::Money;
use crate::plan::check::check_trials;
use crate::plan::types::{AgreementRequest, MayPursue, Offer, Plan, Rate, SimulateRequest, SimulateResponse};
use crate::plan::validate::validate_plan;
use crate::Result;
use std::fmt::Write;

/// Escape user text for Markdown: backslash-escape the characters that start
/// emphasis, links, code, tables, headings and HTML; newlines become spaces.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    let t = out.trim();
    if t.is_empty() {
        "_(not stated)_".to_string()
    } else {
        t.to_string()
    }
}

fn opt(s: &Option<String>) -> String {
    md(s.as_deref().unwrap_or(""))
}

fn money(m: &Option<Money>, cur: &str) -> String {
    let minor = crate::money::Currency::parse(cur).map(|c| c.minor_units()).unwrap_or(2);
    match m {
        Some(m) => format!("{} {cur}", m.with_scale(minor)),
        None => "_(not stated)_".to_string(),
    }
}

fn range(s: &crate::plan::types::MoneyStats, cur: &str) -> String {
    format!("{} {cur} ({} – {})", s.mean, s.p5, s.p95)
}

/// Render the agreement (SPEC §7). The figures come from `simulate` with the request's
/// trials and seed.
pub fn draft_agreement(req: &AgreementRequest, ctx: &Ctx) -> Result<String> {
    let trials = check_trials(req.trials)?;
    let plan = &req.plan;
    let sim = crate::plan::simulate(SimulateRequest { plan: plan.clone(), trials: Some(trials), seed: req.seed }, ctx);
    let findings = validate_plan(plan).findings;
    let cur = plan.currency.as_ref().map(|c| c.code().to_string()).unwrap_or_else(|| "(currency not stated)".into());
    let mut d = String::new();
    let w = &mut d;
    let _ = writeln!(w, "# Collaboration agreement: {}\n", opt(&plan.name));
    let _ = writeln!(
        w,
        "Plan `{}` · currency {} · horizon {} months\n",
        plan.id.as_deref().unwrap_or("—").replace('`', "'"),
        md(&cur),
        plan.horizon_months.map(|h| h.to_string()).unwrap_or_else(|| "_(not stated)_".into())
    );
    parties(w, plan);
    let _ = writeln!(w, "## 2. Leadership\n");
    let lead = plan.partners.iter().find(|p| p.lead).map(|p| md(&p.name)).unwrap_or_else(|| "_(not stated)_".into());
    let _ = writeln!(w, "- **Lead partner:** {lead}\n- **Opportunity lead:** {}\n", opt(&plan.opportunity_lead));
    let _ = writeln!(w, "Each partner names a partnership manager (section 1), who is its contact for this agreement.\n");
    offer(w, plan);
    objectives(w, plan, sim.as_ref().ok(), &cur);
    let _ = writeln!(w, "## 5. Success measures\n");
    list(w, &plan.success_measures, false);
    remuneration(w, plan, sim.as_ref().ok(), &cur);
    investments(w, plan, sim.as_ref().ok(), &cur);
    pipeline(w, plan, &cur);
    let gov = plan.governance.clone().unwrap_or_default();
    let _ = writeln!(w, "## 9. Governance\n");
    let _ = writeln!(
        w,
        "- **Overseen by:** {}\n- **Independent party:** {}\n- **Review cadence:** {}\n",
        opt(&gov.overseer),
        opt(&gov.independent_party),
        opt(&gov.cadence)
    );
    let _ = writeln!(w, "## 10. Dispute mediation\n");
    let _ = writeln!(w, "Disputes are escalated through these steps, in order:\n");
    list(w, &plan.mediation.clone().unwrap_or_default().steps, true);
    exclusivity(w, plan);
    let _ = writeln!(w, "## 12. Shared values and vision\n");
    let _ = writeln!(w, "- **Values:** {}\n- **Vision:** {}\n", opt(&plan.values), opt(&plan.vision));
    let _ = writeln!(w, "## 13. Simulated outlook\n");
    match &sim {
        Ok(s) => {
            let _ = writeln!(
                w,
                "Seeded Monte Carlo simulation (SPEC §6), {} trials, seed {}. Mean (p5 – p95) over the horizon:\n",
                s.trials, s.seed
            );
            let _ = writeln!(w, "- **Bookings:** {}\n- **Recognised revenue:** {}\n", range(&s.totals.bookings, &cur), range(&s.totals.revenue, &cur));
        }
        Err(e) => {
            let _ = writeln!(w, "The plan cannot be simulated yet: {} (at `{}`).\n", md(&e.message), e.path.replace('`', "'"));
        }
    }
    let _ = writeln!(w, "## 14. Open points\n");
    if findings.is_empty() {
        let _ = writeln!(w, "None: the plan passes every checklist rule.\n");
    } else {
        for f in &findings {
            let sev = match f.severity {
                crate::plan::types::Severity::Error => "required",
                crate::plan::types::Severity::Warning => "recommended",
            };
            let _ = writeln!(w, "- [ ] ({sev}, `{}`) {}", f.rule, md(&f.message));
        }
        let _ = writeln!(w);
    }
    let _ = writeln!(w, "## 15. Signatures\n");
    let _ = writeln!(w, "| Partner | Signed for the partner by | Date |\n|---|---|---|");
    for p in &plan.partners {
        let _ = writeln!(w, "| {} | {} | |", md(&p.name), p.manager.as_deref().map(md).unwrap_or_default());
    }
    Ok(d)
}

fn list(w: &mut String, items: &[String], numbered: bool) {
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        let _ = writeln!(w, "_(not stated)_\n");
        return;
    }
    for (i, s) in items.iter().enumerate() {
        if numbered {
            let _ = writeln!(w, "{}. {}", i + 1, md(s));
        } else {
            let _ = writeln!(w, "- {}", md(s));
        }
    }
    let _ = writeln!(w);
}

fn parties(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 1. Parties\n");
    let _ = writeln!(w, "| Partner | Id | Role | Lead | Partnership manager |\n|---|---|---|---|---|");
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

fn offer(w: &mut String, plan: &Plan) {
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

fn pct(x: f64) -> String {
    format!("{}", crate::num::round12(x * 100.0))
}

fn objectives(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
    let _ = writeln!(w, "## 4. Joint objectives\n");
    if plan.objectives.is_empty() {
        let _ = writeln!(w, "_(not stated)_\n");
        return;
    }
    let _ = writeln!(w, "| Metric | Target | By month | Owner | Simulated probability |\n|---|---|---|---|---|");
    for (i, o) in plan.objectives.iter().enumerate() {
        let p = sim.and_then(|s| s.objectives.get(i)).map(|r| format!("{}%", pct(r.probability))).unwrap_or_else(|| "—".into());
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

fn remuneration(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
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
    let _ = writeln!(w, "- **Recurring revenue:** {}\n- **Notes:** {}\n", opt(&r.recurring), opt(&r.notes));
    if let Some(s) = sim {
        let _ = writeln!(w, "| Partner | Share of expected revenue | Expected revenue (mean) | p5 – p95 |\n|---|---|---|---|");
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
                let _ = writeln!(w, "| {} | {share} | {} {cur} | {} – {} |", md(&p.name), t.share.mean, t.share.p5, t.share.p95);
            }
        }
        let _ = writeln!(w);
    }
}

fn investments(w: &mut String, plan: &Plan, sim: Option<&SimulateResponse>, cur: &str) {
    let _ = writeln!(w, "## 7. Investments\n");
    let _ = writeln!(w, "| Partner | MDF | Enablement | Branding | Monthly cost | Total over horizon | ROPI mean (p5 – p95) | Payback month (median) |\n|---|---|---|---|---|---|---|---|");
    for p in &plan.partners {
        let inv = p.investments.clone().unwrap_or_default();
        let t = sim.and_then(|s| s.partners.get(&p.id));
        let total = t.map(|t| format!("{} {cur}", t.investment)).unwrap_or_else(|| "—".into());
        let ropi = t
            .and_then(|t| t.ropi.as_ref())
            .map(|r| format!("{} ({} – {})", round2(r.mean), round2(r.p5), round2(r.p95)))
            .unwrap_or_else(|| "—".into());
        let payback = t.and_then(|t| t.payback.p50).map(|m| m.to_string()).unwrap_or_else(|| "—".into());
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
    let _ = writeln!(w, "\nMDF, enablement and branding are spent in month 1, the monthly cost every month.\n");
}

fn round2(x: f64) -> String {
    format!("{:.2}", x)
}

fn pipeline(w: &mut String, plan: &Plan, cur: &str) {
    let _ = writeln!(w, "## 8. Pipeline and sales cycle\n");
    if let Some(p) = &plan.pipeline {
        let rate = match &p.opportunities_per_month {
            Rate::Constant(x) => format!("{x} opportunities a month"),
            Rate::Ramp(v) => format!("a ramp of {} opportunities a month", v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")),
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

fn exclusivity(w: &mut String, plan: &Plan) {
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
