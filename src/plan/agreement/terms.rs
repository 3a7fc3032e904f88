//! The sections of terms in words: rules of engagement, data sharing, governance and
//! audit, dispute mediation, legal terms, exclusivity, shared values and vision.

use crate::plan::agreement::doc::{labelled, t, Block, Inline};
use crate::plan::agreement::sections::{not_stated, text, Draft, Section};
use crate::plan::agreement::words;
use crate::plan::types::MayPursue;

/// Rules of engagement: deal registration and channel conflicts.
pub(crate) fn engagement(d: &Draft) -> Option<Section> {
    let rules = d.plan.engagement.as_ref().and_then(|e| e.rules.clone());
    let blocks = vec![Block::Para(labelled(
        "Deal registration and conflicts between partners",
        text(&rules),
    ))];
    Some(Section {
        title: "Rules of engagement",
        blocks,
    })
}

/// Data sharing: what, how, who.
pub(crate) fn data_sharing(d: &Draft) -> Option<Section> {
    let ds = d.plan.data_sharing.clone().unwrap_or_default();
    let items = vec![
        labelled("Customer data shared", text(&ds.what)),
        labelled("How it is shared", text(&ds.how)),
        labelled("Who may see it", text(&ds.access)),
    ];
    Some(Section {
        title: "Customer data",
        blocks: vec![Block::List(false, items)],
    })
}

/// Governance: who oversees, the independent party, the review and audit cadence.
pub(crate) fn governance(d: &Draft) -> Option<Section> {
    let g = d.plan.governance.clone().unwrap_or_default();
    let audit = d.plan.audit.as_ref().and_then(|a| a.cadence.clone());
    let items = vec![
        labelled("Overseen by", text(&g.overseer)),
        labelled("Independent party", text(&g.independent_party)),
        labelled("The partners review the plan", text(&g.cadence)),
        labelled("The plan is audited against actual results", text(&audit)),
    ];
    Some(Section {
        title: "Governance",
        blocks: vec![Block::List(false, items)],
    })
}

/// Dispute mediation: the escalation steps in order.
pub(crate) fn mediation(d: &Draft) -> Option<Section> {
    let steps: Vec<Vec<Inline>> = d
        .plan
        .mediation
        .iter()
        .flat_map(|m| m.steps.iter())
        .filter(|s| !s.trim().is_empty())
        .map(|s| vec![t(s.trim())])
        .collect();
    let blocks = if steps.is_empty() {
        vec![Block::Para(labelled("Escalation steps", not_stated()))]
    } else {
        vec![
            Block::Para(vec![t(
                "A dispute is taken through these steps, in order, until it is settled:",
            )]),
            Block::List(true, steps),
        ]
    };
    Some(Section {
        title: "Dispute mediation",
        blocks,
    })
}

/// Legal terms: intellectual property, liability, term and termination.
pub(crate) fn legal(d: &Draft) -> Option<Section> {
    let legal = d.plan.legal.clone().unwrap_or_default();
    let term = legal.term.clone().unwrap_or_default();
    let date = |s: &Option<String>| match s.as_deref().map(str::trim) {
        Some(x) if !x.is_empty() => vec![t(d.loc.date(x))],
        _ => not_stated(),
    };
    let mut items = vec![
        labelled("Intellectual property", text(&legal.ip)),
        labelled("Liability", text(&legal.liability)),
        labelled("Starts on", date(&term.start)),
    ];
    if term.end.as_deref().is_some_and(|e| !e.trim().is_empty()) || term.renewal.is_none() {
        items.push(labelled("Ends on", date(&term.end)));
    }
    if term.renewal.as_deref().is_some_and(|r| !r.trim().is_empty()) {
        items.push(labelled("Renewal", text(&term.renewal)));
    }
    items.push(labelled(
        "Notice to terminate",
        match term.termination_notice_days {
            Some(n) => vec![t(format!("{} days, in writing", d.loc.count(u64::from(n))))],
            None => not_stated(),
        },
    ));
    Some(Section {
        title: "Legal terms",
        blocks: vec![Block::List(false, items)],
    })
}

/// Exclusivity: whether the collaboration is exclusive and who may pursue similar
/// arrangements.
pub(crate) fn exclusivity(d: &Draft) -> Option<Section> {
    let ex = d.plan.exclusivity.clone().unwrap_or_default();
    let head = match ex.exclusive {
        Some(true) => vec![t("The collaboration is exclusive.")],
        Some(false) => vec![t("The collaboration is not exclusive.")],
        None => labelled("Exclusive", not_stated()),
    };
    let items = d
        .plan
        .partners
        .iter()
        .map(|p| {
            let may = match &ex.may_pursue_similar {
                Some(MayPursue::All(b)) => Some(*b),
                Some(MayPursue::PerPartner(m)) => m.get(&p.id).copied(),
                None => None,
            };
            let name = words::name_of(d.plan, &p.id);
            match may {
                Some(true) => vec![t(format!("{name} may enter similar arrangements with others."))],
                Some(false) => vec![t(format!("{name} may not enter similar arrangements with others."))],
                None => labelled(&format!("Whether {name} may enter similar arrangements"), not_stated()),
            }
        })
        .collect();
    Some(Section {
        title: "Exclusivity",
        blocks: vec![Block::Para(head), Block::List(false, items)],
    })
}

/// Shared values and vision (left out when neither is written down).
pub(crate) fn values(d: &Draft) -> Option<Section> {
    let blank = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or("").is_empty();
    if blank(&d.plan.values) && blank(&d.plan.vision) {
        return None;
    }
    let mut items = vec![];
    if !blank(&d.plan.values) {
        items.push(labelled("Shared values", text(&d.plan.values)));
    }
    if !blank(&d.plan.vision) {
        items.push(labelled("Long-term vision", text(&d.plan.vision)));
    }
    Some(Section {
        title: "Shared values and vision",
        blocks: vec![Block::List(false, items)],
    })
}
