//! The findings of the checklist: the rule ids with their severities, the list the
//! section validators add to, and the wording helpers they share.

use crate::plan::types::{Finding, PlanPartner, Severity};

/// Every rule id with its severity, in the order findings are reported
/// (`engagement.rules` is an error when two partners share a role).
pub const RULES: &[(&str, Severity)] = &[
    ("partners.present", Severity::Error),
    ("lead.partner", Severity::Error),
    ("lead.opportunity", Severity::Error),
    ("partner.manager", Severity::Error),
    ("customer.contact", Severity::Warning),
    ("project.manager", Severity::Error),
    ("enablement.presales", Severity::Warning),
    ("objectives.metrics", Severity::Error),
    ("objectives.dates", Severity::Error),
    ("objectives.owners", Severity::Warning),
    ("success.measures", Severity::Error),
    ("remuneration.recurring", Severity::Error),
    ("investment.commitment", Severity::Error),
    ("investment.items", Severity::Warning),
    ("branding.usage", Severity::Warning),
    ("split.shares", Severity::Error),
    ("split.adds_up", Severity::Error),
    ("pipeline.required", Severity::Error),
    ("pipeline.cycle", Severity::Error),
    ("governance.overseer", Severity::Error),
    ("governance.independent", Severity::Warning),
    ("audit.cadence", Severity::Warning),
    ("mediation.steps", Severity::Error),
    ("exclusivity.declared", Severity::Error),
    ("engagement.rules", Severity::Warning),
    ("engagement.kind", Severity::Warning),
    ("legal.ip", Severity::Error),
    ("legal.liability", Severity::Error),
    ("legal.term", Severity::Error),
    ("data.sharing", Severity::Warning),
    ("values.vision", Severity::Warning),
    ("plan.simulatable", Severity::Error),
    ("profit.partner", Severity::Warning),
    ("incentives.threshold.unreached", Severity::Warning),
    ("incentives.clawback.term", Severity::Warning),
    ("incentives.mdf.pool", Severity::Warning),
];

/// The findings of a plan, in the order they were found.
#[derive(Clone, Debug, Default)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Add a finding of `rule` (its severity from [`RULES`]).
    pub fn add(&mut self, rule: &str, path: impl Into<String>, message: impl Into<String>) {
        let severity = RULES
            .iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, s)| *s)
            .unwrap_or(Severity::Error);
        self.add_as(rule, severity, path, message);
    }

    /// Add a finding of `rule` with a severity that depends on the plan.
    pub fn add_as(&mut self, rule: &str, severity: Severity, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            rule: rule.to_string(),
            severity,
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Missing or only white space.
pub(crate) fn blank(s: &Option<String>) -> bool {
    s.as_deref().map(str::trim).unwrap_or("").is_empty()
}

/// A partner in a message: its name, or its id in backticks when it has no name.
pub(crate) fn who(p: &PlanPartner) -> String {
    if p.name.trim().is_empty() {
        format!("`{}`", p.id)
    } else {
        p.name.clone()
    }
}
