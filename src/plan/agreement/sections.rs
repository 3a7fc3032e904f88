//! The sections of the agreement, in order ([`SECTIONS`]); the renderer numbers them.
//! Each section reads the plan (and the simulated figures) through a [`Draft`] and
//! returns its blocks, or `None` to leave itself out.
//!
//! **Adding a part of the plan to the agreement** is one function and one row of
//! [`SECTIONS`] (as the plan's incentives, after "Remuneration and revenue split").
//! The people and the collaboration are here; the terms in words in `terms.rs`; the
//! figures in `figures.rs`; the outlook, open points and signatures in `closing.rs`.

use crate::money::Money;
use crate::plan::agreement::doc::{labelled, t, Block, Inline};
use crate::plan::agreement::format::Locale;
use crate::plan::agreement::words;
use crate::plan::agreement::{closing, figures, incentives, terms};
use crate::plan::types::{Finding, Plan, SimulateResponse};
use crate::DealteamError;

/// What every section reads: the plan, its simulated figures (or why there are none),
/// the open points, and the number format.
pub(crate) struct Draft<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The simulated figures, or why the plan cannot be simulated yet.
    pub sim: std::result::Result<&'a SimulateResponse, &'a DealteamError>,
    /// The checklist's findings (`validate`).
    pub findings: &'a [Finding],
    /// Number and date format.
    pub loc: Locale,
    /// The currency code (`EUR`), empty when the plan has none.
    pub cur: String,
    /// Decimal places of money.
    pub minor: u32,
}

impl Draft<'_> {
    /// An amount in the currency's format.
    pub fn money(&self, m: &Money) -> String {
        let cur = if self.cur.is_empty() {
            "(currency not stated)"
        } else {
            &self.cur
        };
        self.loc.money(m, cur, self.minor)
    }

    /// An optional amount (`not stated` when absent).
    pub fn opt_money(&self, m: &Option<Money>) -> Vec<Inline> {
        match m {
            Some(m) => vec![t(self.money(m))],
            None => not_stated(),
        }
    }

    /// The simulated figures, when there are some.
    pub fn figures(&self) -> Option<&SimulateResponse> {
        self.sim.ok()
    }
}

/// A section: its title (numbered when rendered) and its blocks.
pub(crate) struct Section {
    /// The title, without its number.
    pub title: &'static str,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A section function.
pub(crate) type SectionFn = fn(&Draft) -> Option<Section>;

/// The sections of the agreement, in order.
pub(crate) const SECTIONS: &[SectionFn] = &[
    parties,
    leadership,
    collaboration,
    objectives,
    success,
    figures::remuneration,
    incentives::incentives,
    figures::investments,
    figures::pipeline,
    terms::engagement,
    terms::data_sharing,
    terms::governance,
    terms::mediation,
    terms::legal,
    terms::exclusivity,
    terms::values,
    closing::outlook,
    closing::open_points,
    closing::signatures,
];

/// `not stated`, in italics.
pub(crate) fn not_stated() -> Vec<Inline> {
    vec![Inline::Em("not stated".into())]
}

/// Optional text (`not stated` when blank).
pub(crate) fn text(s: &Option<String>) -> Vec<Inline> {
    match s.as_deref().map(str::trim) {
        Some(x) if !x.is_empty() => vec![t(x)],
        _ => not_stated(),
    }
}

/// Text that must be there (`not stated` when blank).
pub(crate) fn text_of(s: &str) -> Vec<Inline> {
    text(&Some(s.to_string()))
}

/// Parties: who the partners are.
fn parties(d: &Draft) -> Option<Section> {
    let mut blocks = vec![];
    if d.plan.partners.is_empty() {
        blocks.push(Block::Para(not_stated()));
    } else {
        let names: Vec<String> = d.plan.partners.iter().map(|p| words::name_of(d.plan, &p.id)).collect();
        blocks.push(Block::Para(vec![t(format!(
            "This agreement is made between {}.",
            words::and_list(&names)
        ))]));
        let rows = d
            .plan
            .partners
            .iter()
            .map(|p| {
                vec![
                    text_of(&words::name_of(d.plan, &p.id)),
                    p.role
                        .as_deref()
                        .map(|r| vec![t(words::role(r))])
                        .unwrap_or_else(not_stated),
                    text(&p.manager),
                ]
            })
            .collect();
        blocks.push(Block::Table(
            vec!["Partner".into(), "Role".into(), "Partnership manager".into()],
            rows,
        ));
        blocks.push(Block::Para(vec![t(
            "Each partnership manager is the partner's contact for everything this agreement covers.",
        )]));
    }
    Some(Section {
        title: "Parties",
        blocks,
    })
}

/// Leadership and delivery: the lead partner, the opportunity lead, the project
/// manager and the customer's contact.
fn leadership(d: &Draft) -> Option<Section> {
    let p = d.plan;
    let leads: Vec<String> = p
        .partners
        .iter()
        .filter(|q| q.lead)
        .map(|q| words::name_of(p, &q.id))
        .collect();
    let lead = if leads.is_empty() {
        not_stated()
    } else {
        vec![t(words::and_list(&leads))]
    };
    let items = vec![
        labelled("Lead partner", lead),
        labelled("Leads the opportunity", text(&p.opportunity_lead)),
        labelled("Runs delivery (project manager)", text(&p.project_manager)),
        labelled("The customer's single point of contact", text(&p.customer_contact)),
    ];
    Some(Section {
        title: "Leadership and delivery",
        blocks: vec![Block::List(false, items)],
    })
}

/// The collaboration: its kind, its term and what is sold.
fn collaboration(d: &Draft) -> Option<Section> {
    let p = d.plan;
    let mut items = vec![];
    let kind = p.engagement.as_ref().and_then(|e| e.kind);
    items.push(labelled(
        "Kind of collaboration",
        kind.map(|k| vec![t(capitalise(k.words()))]).unwrap_or_else(not_stated),
    ));
    items.push(labelled("What is sold", figures::offer_words(d)));
    let horizon = p
        .horizon_months
        .map(|h| format!("{h} months"))
        .unwrap_or_else(|| "not stated".into());
    items.push(labelled("Period the plan covers", vec![t(horizon)]));
    let blocks = vec![Block::List(false, items)];
    Some(Section {
        title: "The collaboration",
        blocks,
    })
}

/// First letter upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Joint objectives, with the simulated likelihood of each.
fn objectives(d: &Draft) -> Option<Section> {
    let p = d.plan;
    if p.objectives.is_empty() {
        return Some(Section {
            title: "Joint objectives",
            blocks: vec![Block::Para(not_stated())],
        });
    }
    let start = p
        .legal
        .as_ref()
        .and_then(|l| l.term.as_ref())
        .and_then(|t| t.start.clone());
    let rows = p
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let by = match (o.by_month, &start) {
                (Some(m), Some(s)) => match d.loc.plan_month(s, m) {
                    Some(cal) => vec![t(format!("month {m} ({cal})"))],
                    None => vec![t(format!("month {m}"))],
                },
                (Some(m), None) => vec![t(format!("month {m}"))],
                (None, _) => not_stated(),
            };
            let likely = d
                .figures()
                .and_then(|s| s.objectives.get(i))
                .map(|r| d.loc.pct(r.probability))
                .unwrap_or_else(|| "—".into());
            vec![
                vec![t(words::metric(p, &o.metric))],
                d.opt_money(&o.target),
                by,
                text(&o.owner),
                vec![t(likely)],
            ]
        })
        .collect();
    let head = ["Objective", "Target", "Reached by", "Owner", "Likelihood"];
    let mut blocks = vec![Block::Table(head.iter().map(|s| s.to_string()).collect(), rows)];
    if d.figures().is_some() {
        blocks.push(Block::Para(vec![t(
            "The likelihood is the share of the simulated outcomes of this plan (section \"Simulated outlook\") in which the objective is reached.",
        )]));
    }
    Some(Section {
        title: "Joint objectives",
        blocks,
    })
}

/// How success is measured.
fn success(d: &Draft) -> Option<Section> {
    let items: Vec<Vec<Inline>> = d
        .plan
        .success_measures
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| vec![t(s.trim())])
        .collect();
    let blocks = if items.is_empty() {
        vec![Block::Para(not_stated())]
    } else {
        vec![Block::List(false, items)]
    };
    Some(Section {
        title: "How success is measured",
        blocks,
    })
}
