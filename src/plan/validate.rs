//! `validatePlan` (SPEC §7): the written-framework checklist of a collaboration
//! agreement, one rule per item with a stable id, so that a draft plan can be
//! completed step by step. Rule ids are listed in [`RULES`] and documented in
//! docs/plans.md.

use crate::plan::check::{check_plan, parse_metric};
use crate::plan::types::{Finding, MayPursue, Offer, Plan, Severity, ValidateResponse};

/// Every rule id with its severity, in the order findings are reported.
pub const RULES: &[(&str, Severity)] = &[
    ("partners.present", Severity::Error),
    ("lead.partner", Severity::Error),
    ("lead.opportunity", Severity::Error),
    ("partner.manager", Severity::Error),
    ("objectives.metrics", Severity::Error),
    ("objectives.dates", Severity::Error),
    ("objectives.owners", Severity::Warning),
    ("success.measures", Severity::Error),
    ("remuneration.recurring", Severity::Error),
    ("investment.commitment", Severity::Error),
    ("investment.items", Severity::Warning),
    ("split.adds_up", Severity::Error),
    ("pipeline.required", Severity::Error),
    ("pipeline.cycle", Severity::Error),
    ("governance.overseer", Severity::Error),
    ("governance.independent", Severity::Warning),
    ("mediation.steps", Severity::Error),
    ("exclusivity.declared", Severity::Error),
    ("values.vision", Severity::Warning),
    ("plan.simulatable", Severity::Error),
];

struct Out(Vec<Finding>);

impl Out {
    fn add(&mut self, rule: &str, path: impl Into<String>, message: impl Into<String>) {
        let severity = RULES
            .iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, s)| *s)
            .unwrap_or(Severity::Error);
        self.0.push(Finding {
            rule: rule.to_string(),
            severity,
            path: path.into(),
            message: message.into(),
        });
    }
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().map(str::trim).unwrap_or("").is_empty()
}

/// Check `plan` against every rule of SPEC §7. `ok` is true when no finding is an error.
pub fn validate_plan(plan: &Plan) -> ValidateResponse {
    let mut o = Out(Vec::new());
    let ids: Vec<String> = plan.partners.iter().map(|p| p.id.clone()).collect();
    // parties and leads
    if plan.partners.len() < 2 {
        o.add(
            "partners.present",
            "partners",
            "list at least two partners: a collaboration agreement needs two parties",
        );
    }
    let leads: Vec<usize> = plan
        .partners
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lead)
        .map(|(i, _)| i)
        .collect();
    match leads.as_slice() {
        [] => o.add(
            "lead.partner",
            "partners",
            "mark exactly one partner as the lead (`\"lead\": true`)",
        ),
        [_] => {}
        [_, second, ..] => o.add(
            "lead.partner",
            format!("partners[{second}].lead"),
            "more than one partner is marked as lead; keep `\"lead\": true` on exactly one",
        ),
    }
    if blank(&plan.opportunity_lead) {
        o.add(
            "lead.opportunity",
            "opportunityLead",
            "name the person who leads the opportunity (`opportunityLead`)",
        );
    }
    for (i, p) in plan.partners.iter().enumerate() {
        if blank(&p.manager) {
            o.add(
                "partner.manager",
                format!("partners[{i}].manager"),
                format!("name {}'s partnership manager (`manager`)", who(p)),
            );
        }
    }
    // objectives
    if plan.objectives.is_empty() {
        o.add(
            "objectives.metrics",
            "objectives",
            "add at least one joint objective with a `metric` (bookings, revenue or share:<partnerId>) and a `target`",
        );
    }
    for (i, ob) in plan.objectives.iter().enumerate() {
        if let Err(msg) = parse_metric(&ob.metric, &ids) {
            o.add("objectives.metrics", format!("objectives[{i}].metric"), msg);
        }
        if ob.target.is_none() {
            o.add(
                "objectives.metrics",
                format!("objectives[{i}].target"),
                "give the objective a `target` amount",
            );
        }
        match (ob.by_month, plan.horizon_months) {
            (None, _) => o.add(
                "objectives.dates",
                format!("objectives[{i}].byMonth"),
                "give the objective a date: `byMonth` (1..horizonMonths)",
            ),
            (Some(b), Some(h)) if b == 0 || b > h => o.add(
                "objectives.dates",
                format!("objectives[{i}].byMonth"),
                format!("byMonth {b} is outside the plan's horizon of {h} months"),
            ),
            (Some(0), None) => o.add(
                "objectives.dates",
                format!("objectives[{i}].byMonth"),
                "byMonth starts at 1",
            ),
            _ => {}
        }
        if blank(&ob.owner) {
            o.add(
                "objectives.owners",
                format!("objectives[{i}].owner"),
                "name who is accountable for this objective (`owner`)",
            );
        }
    }
    if plan.success_measures.iter().all(|s| s.trim().is_empty()) {
        o.add("success.measures", "successMeasures", "describe how success is measured (`successMeasures`, e.g. \"joint pipeline reviewed monthly against target\")");
    }
    // remuneration
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
    // investments
    for (i, p) in plan.partners.iter().enumerate() {
        match &p.investments {
            None => o.add(
                "investment.commitment",
                format!("partners[{i}].investments"),
                format!("state {}'s investment commitment (`investments`: mdf, enablement, branding, monthlyCost; \"0.00\" where none)", who(p)),
            ),
            Some(inv) => {
                for (f, v) in [("mdf", &inv.mdf), ("branding", &inv.branding), ("enablement", &inv.enablement)] {
                    if v.is_none() {
                        o.add("investment.items", format!("partners[{i}].investments.{f}"), format!("state {}'s `{f}` commitment (\"0.00\" if none)", who(p)));
                    }
                }
            }
        }
    }
    // split
    match (&plan.split, &plan.currency) {
        (None, _) => o.add(
            "split.adds_up",
            "split",
            "add a `split` rule that divides the revenue among the partners",
        ),
        (Some(rule), cur) if !ids.is_empty() => {
            let cur = cur.clone().unwrap_or_else(crate::money::Currency::eur);
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
    // pipeline
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
    // governance
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
    // exclusivity
    match &plan.exclusivity {
        None => o.add("exclusivity.declared", "exclusivity", "declare whether the collaboration is exclusive and whether each party may pursue similar arrangements (`exclusivity`)"),
        Some(ex) => {
            if ex.exclusive.is_none() {
                o.add("exclusivity.declared", "exclusivity.exclusive", "declare whether the collaboration is exclusive (`exclusive`: true or false)");
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
    }
    if blank(&plan.values) && blank(&plan.vision) {
        o.add(
            "values.vision",
            "values",
            "consider writing down shared values and the long-term vision (`values`, `vision`)",
        );
    }
    // the numbers themselves (only when the parts the simulation needs exist, to avoid
    // repeating the gaps above)
    if let Err(e) = check_plan(plan) {
        let split_reported = o.0.iter().any(|f| f.rule == "split.adds_up");
        for e in std::iter::once(e.clone()).chain(e.others) {
            let covered = ["offer", "pipeline", "split", "partners"];
            let dup = (e.code == crate::ErrorCode::MissingField && covered.contains(&e.path.as_str()))
                || (split_reported && e.path.starts_with("split"))
                || (e.path.starts_with("objectives[") && !e.path.ends_with(".target"))
                || (e.path.starts_with("objectives[") && e.code == crate::ErrorCode::MissingField);
            if !dup {
                o.add("plan.simulatable", e.path, e.message);
            }
        }
    }
    let mut findings = o.0;
    findings.sort_by_key(|f| f.severity); // stable: rule order kept within a severity
    ValidateResponse {
        ok: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
    }
}

fn who(p: &crate::plan::types::PlanPartner) -> String {
    if p.name.trim().is_empty() {
        format!("`{}`", p.id)
    } else {
        p.name.clone()
    }
}
