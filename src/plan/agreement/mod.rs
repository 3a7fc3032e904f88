//! `draftAgreement` (SPEC §7): the plan written out as a readable Markdown
//! collaboration agreement, with the simulated figures (expected revenue per partner,
//! p5–p95) and the open points of `validate`, ready to be completed and signed.
//!
//! Every piece of user text is escaped, so a name such as `*Acme* | Co` cannot break
//! the layout. A plan that cannot be simulated yet still gets its agreement, with the
//! reason in place of the figures. The open points are the findings of the section
//! validators of [`crate::plan::validate`].

mod markdown;
mod sections;

pub use markdown::md;

use crate::clock::Ctx;
use crate::error::DealteamError;
use crate::plan::model::check_trials;
use crate::plan::sim::simulate;
use crate::plan::types::{AgreementRequest, Finding, Plan, Severity, SimulateRequest, SimulateResponse};
use crate::plan::validate::validate_with;
use crate::Result;
use markdown::{list, opt, range};
use std::fmt::Write;

/// Render the agreement (SPEC §7). The figures come from `simulate` with the request's
/// trials and seed.
pub fn draft_agreement(req: &AgreementRequest, ctx: &Ctx) -> Result<String> {
    let trials = check_trials(req.trials)?;
    let plan = &req.plan;
    let sim = simulate(
        SimulateRequest {
            plan: plan.clone(),
            trials: Some(trials),
            seed: req.seed,
        },
        ctx,
    );
    let findings = validate_with(plan, sim.as_ref().ok()).findings;
    let cur = plan
        .currency
        .as_ref()
        .map(|c| c.code().to_string())
        .unwrap_or_else(|| "(currency not stated)".into());
    let mut d = String::new();
    let w = &mut d;
    title(w, plan, &cur);
    sections::parties(w, plan);
    leadership(w, plan);
    sections::offer(w, plan);
    sections::objectives(w, plan, sim.as_ref().ok(), &cur);
    let _ = writeln!(w, "## 5. Success measures\n");
    list(w, &plan.success_measures, false);
    sections::remuneration(w, plan, sim.as_ref().ok(), &cur);
    sections::investments(w, plan, sim.as_ref().ok(), &cur);
    sections::pipeline(w, plan, &cur);
    governance(w, plan);
    sections::exclusivity(w, plan);
    let _ = writeln!(w, "## 12. Shared values and vision\n");
    let _ = writeln!(
        w,
        "- **Values:** {}\n- **Vision:** {}\n",
        opt(&plan.values),
        opt(&plan.vision)
    );
    outlook(w, &sim, &cur);
    open_points(w, &findings);
    signatures(w, plan);
    Ok(d)
}

/// The title and the plan's id, currency and horizon.
fn title(w: &mut String, plan: &Plan, cur: &str) {
    let _ = writeln!(w, "# Collaboration agreement: {}\n", opt(&plan.name));
    let _ = writeln!(
        w,
        "Plan `{}` · currency {} · horizon {} months\n",
        plan.id.as_deref().unwrap_or("—").replace('`', "'"),
        md(cur),
        plan.horizon_months
            .map(|h| h.to_string())
            .unwrap_or_else(|| "_(not stated)_".into())
    );
}

/// 2. Leadership: the lead partner and the opportunity lead.
fn leadership(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 2. Leadership\n");
    let lead = plan
        .partners
        .iter()
        .find(|p| p.lead)
        .map(|p| md(&p.name))
        .unwrap_or_else(|| "_(not stated)_".into());
    let _ = writeln!(
        w,
        "- **Lead partner:** {lead}\n- **Opportunity lead:** {}\n",
        opt(&plan.opportunity_lead)
    );
    let _ = writeln!(
        w,
        "Each partner names a partnership manager (section 1), who is its contact for this agreement.\n"
    );
}

/// 9. Governance and 10. Dispute mediation.
fn governance(w: &mut String, plan: &Plan) {
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
}

/// 13. Simulated outlook: bookings and revenue over the horizon, or why there are none.
fn outlook(w: &mut String, sim: &std::result::Result<SimulateResponse, DealteamError>, cur: &str) {
    let _ = writeln!(w, "## 13. Simulated outlook\n");
    match sim {
        Ok(s) => {
            let _ = writeln!(
                w,
                "Seeded Monte Carlo simulation (SPEC §6), {} trials, seed {}. Mean (p5 – p95) over the horizon:\n",
                s.trials, s.seed
            );
            let _ = writeln!(
                w,
                "- **Bookings:** {}\n- **Recognised revenue:** {}\n",
                range(&s.totals.bookings, cur),
                range(&s.totals.revenue, cur)
            );
        }
        Err(e) => {
            let _ = writeln!(
                w,
                "The plan cannot be simulated yet: {} (at `{}`).\n",
                md(&e.message),
                e.path.replace('`', "'")
            );
        }
    }
}

/// 14. Open points: every finding of `validate`, as a checklist.
fn open_points(w: &mut String, findings: &[Finding]) {
    let _ = writeln!(w, "## 14. Open points\n");
    if findings.is_empty() {
        let _ = writeln!(w, "None: the plan passes every checklist rule.\n");
        return;
    }
    for f in findings {
        let sev = match f.severity {
            Severity::Error => "required",
            Severity::Warning => "recommended",
        };
        let _ = writeln!(w, "- [ ] ({sev}, `{}`) {}", f.rule, md(&f.message));
    }
    let _ = writeln!(w);
}

/// 15. Signatures: one row per partner.
fn signatures(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## 15. Signatures\n");
    let _ = writeln!(w, "| Partner | Signed for the partner by | Date |\n|---|---|---|");
    for p in &plan.partners {
        let _ = writeln!(
            w,
            "| {} | {} | |",
            md(&p.name),
            p.manager.as_deref().map(md).unwrap_or_default()
        );
    }
}
