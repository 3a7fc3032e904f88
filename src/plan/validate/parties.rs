//! The parties of the agreement (SPEC §7): two partners or more, one lead partner, a
//! named opportunity lead, a partnership manager per partner, and each partner's
//! investment commitment.

use crate::plan::types::Plan;
use crate::plan::validate::findings::{blank, who, Findings};

/// `partners.present`, `lead.partner`, `lead.opportunity`, `partner.manager`.
pub fn parties(plan: &Plan, o: &mut Findings) {
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
}

/// `investment.commitment`, `investment.items`.
pub fn investments(plan: &Plan, o: &mut Findings) {
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
}
