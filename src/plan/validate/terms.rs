//! The agreement's terms (SPEC §7): remuneration of recurring revenue, a split that adds
//! up, the required pipeline and sales cycle, governance, dispute mediation,
//! exclusivity, and shared values and vision.

use crate::money::Currency;
use crate::plan::types::{MayPursue, Offer, Plan};
use crate::plan::validate::findings::{blank, who, Findings};

/// `remuneration.recurring`.
pub fn remuneration(plan: &Plan, o: &mut Findings) {
    match &plan.offer {
        None => o.add(
            "remuneration.recurring",
            "offer",
            "describe the offer (`offer.kind`: oneTime, subscription or consumption) so remuneration is defined",
        ),
        Some(Offer::Subscription { .. } | Offer::Consumption { .. }) => {
            if plan.remuneration.as_ref().map(|r| blank(&r.recurring)).unwrap_or(true) {
                o.add(
                    "remuneration.recurring",
                    "remuneration.recurring",
                    "the offer earns recurring revenue: state how subscription, renewal and consumption revenue is shared and for how long (`remuneration.recurring`)",
                );
            }
        }
        Some(Offer::OneTime {}) => {}
    }
}

/// `split.adds_up`.
pub fn split(plan: &Plan, o: &mut Findings) {
    if o.0.iter().any(|f| f.rule == "split.shares") {
        return; // the shares are the gap; `split.shares` names it
    }
    let ids: Vec<String> = plan.partners.iter().map(|p| p.id.clone()).collect();
    match (&plan.split, &plan.currency) {
        (None, _) => o.add(
            "split.adds_up",
            "split",
            "add a `split` rule that divides the revenue among the partners",
        ),
        (Some(rule), cur) if !ids.is_empty() => {
            let cur = cur.clone().unwrap_or_else(Currency::eur);
            if let Err(e) = rule.prepare(&ids, &cur, "split") {
                o.add(
                    "split.adds_up",
                    e.path.clone(),
                    format!("the split does not add up: {}", e.message),
                );
            }
        }
        _ => {}
    }
}

/// `pipeline.required`, `pipeline.cycle`.
pub fn pipeline(plan: &Plan, o: &mut Findings) {
    let req = plan.pipeline_requirements.clone().unwrap_or_default();
    if plan.pipeline.is_none() && req.opportunities_per_month.is_none() && req.pipeline_value.is_none() {
        o.add("pipeline.required", "pipelineRequirements", "state the required pipeline (`pipeline` or `pipelineRequirements.opportunitiesPerMonth` / `pipelineValue`)");
    }
    if plan.pipeline.is_none() && req.max_sales_cycle_days.is_none() {
        o.add(
            "pipeline.cycle",
            "pipelineRequirements.maxSalesCycleDays",
            "state the expected sales cycle (`pipeline.salesCycleDays` or `pipelineRequirements.maxSalesCycleDays`)",
        );
    }
}

/// `governance.overseer`, `governance.independent`.
pub fn governance(plan: &Plan, o: &mut Findings) {
    let gov = plan.governance.clone().unwrap_or_default();
    if blank(&gov.overseer) {
        o.add(
            "governance.overseer",
            "governance.overseer",
            "name who oversees the collaboration (`governance.overseer`)",
        );
    }
    if blank(&gov.independent_party) {
        o.add(
            "governance.independent",
            "governance.independentParty",
            "an independent party (`governance.independentParty`) is recommended to arbitrate and audit",
        );
    }
}

/// `mediation.steps`.
pub fn mediation(plan: &Plan, o: &mut Findings) {
    let steps = plan
        .mediation
        .as_ref()
        .map(|m| m.steps.iter().filter(|s| !s.trim().is_empty()).count())
        .unwrap_or(0);
    if steps == 0 {
        o.add(
            "mediation.steps",
            "mediation.steps",
            "list the dispute mediation steps in order (`mediation.steps`, e.g. managers → executives → mediator)",
        );
    }
}

/// `exclusivity.declared`.
pub fn exclusivity(plan: &Plan, o: &mut Findings) {
    let Some(ex) = &plan.exclusivity else {
        o.add("exclusivity.declared", "exclusivity", "declare whether the collaboration is exclusive and whether each party may pursue similar arrangements (`exclusivity`)");
        return;
    };
    if ex.exclusive.is_none() {
        o.add(
            "exclusivity.declared",
            "exclusivity.exclusive",
            "declare whether the collaboration is exclusive (`exclusive`: true or false)",
        );
    }
    match &ex.may_pursue_similar {
        None => o.add("exclusivity.declared", "exclusivity.mayPursueSimilar", "declare whether the parties may pursue similar arrangements (`mayPursueSimilar`: true/false or per partner)"),
        Some(MayPursue::All(_)) => {}
        Some(MayPursue::PerPartner(m)) => {
            for p in plan.partners.iter().filter(|p| !m.contains_key(&p.id)) {
                o.add("exclusivity.declared", format!("exclusivity.mayPursueSimilar.{}", p.id), format!("declare whether {} may pursue similar arrangements", who(p)));
            }
        }
    }
}

/// `values.vision` (a warning).
pub fn values(plan: &Plan, o: &mut Findings) {
    if blank(&plan.values) && blank(&plan.vision) {
        o.add(
            "values.vision",
            "values",
            "consider writing down shared values and the long-term vision (`values`, `vision`)",
        );
    }
}
