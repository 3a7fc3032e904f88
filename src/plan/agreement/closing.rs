//! The closing sections: the simulated outlook, the open points of the checklist and
//! the signatures.

use crate::plan::agreement::doc::{labelled, t, Block};
use crate::plan::agreement::sections::{Draft, Section};
use crate::plan::agreement::words;
use crate::plan::types::Severity;

/// Checklist messages also name fields for the command line: drop the parenthesised
/// field names and examples of codes (`(\`governance.overseer\`)`, `(bookings, revenue or
/// share:<partnerId>)`) and the code quotes, and write plural possessives plainly.
// open < close < rest.len(): " (" is two bytes and ")" one, so open + 2 and close + 1 stay within the text
#[allow(clippy::arithmetic_side_effects)]
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 2..close];
        out.push_str(&rest[..open]);
        if !(inner.contains('`') || inner.contains(':') || inner.contains('<')) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.replace('`', "").replace("s's ", "s' ")
}

/// The simulated outlook: bookings and revenue over the plan's period, or why the plan
/// cannot be simulated yet.
pub(crate) fn outlook(d: &Draft) -> Option<Section> {
    let blocks = match d.sim {
        Ok(s) => {
            let l = d.loc;
            let band = |m: &crate::plan::types::MoneyStats| {
                vec![t(format!(
                    "{} expected, {} to {} in 90 of 100 outcomes",
                    d.money(&m.mean),
                    d.money(&m.p5),
                    d.money(&m.p95)
                ))]
            };
            vec![
                Block::Para(vec![t(format!(
                    "The figures of this agreement come from {} simulated outcomes of the plan, drawn from its pipeline, win rate, deal sizes and sales cycle (seed {}: anyone with the plan can reproduce them). Over the {} months of the plan:",
                    l.count(s.trials),
                    s.seed,
                    s.months.len()
                ))]),
                Block::List(
                    false,
                    vec![
                        labelled("New bookings", band(&s.totals.bookings)),
                        labelled("Recognised revenue", band(&s.totals.revenue)),
                        labelled("Deals won", vec![t(format!("{} expected", l.num(s.totals.deals)))]),
                    ],
                ),
            ]
        }
        Err(e) => vec![Block::Para(vec![t(format!(
            "The plan cannot be simulated yet, so this draft has no expected figures: {}",
            plain(&e.message)
        ))])],
    };
    Some(Section {
        title: "Simulated outlook",
        blocks,
    })
}

/// Open points: what the checklist still finds missing, required points first.
pub(crate) fn open_points(d: &Draft) -> Option<Section> {
    if d.findings.is_empty() {
        let p = vec![t("None: the plan covers every point of the checklist.")];
        return Some(Section {
            title: "Open points",
            blocks: vec![Block::Para(p)],
        });
    }
    let items = d
        .findings
        .iter()
        .map(|f| {
            let label = match f.severity {
                Severity::Error => "Required",
                Severity::Warning => "Recommended",
            };
            labelled(label, vec![t(words::sentence(&plain(&f.message)))])
        })
        .collect();
    let blocks = vec![
        Block::Para(vec![t("To be completed before signing:")]),
        Block::List(false, items),
    ];
    Some(Section {
        title: "Open points",
        blocks,
    })
}

/// Signatures: one row per partner.
pub(crate) fn signatures(d: &Draft) -> Option<Section> {
    let rows = d
        .plan
        .partners
        .iter()
        .map(|p| vec![vec![t(words::name_of(d.plan, &p.id))], vec![], vec![], vec![]])
        .collect();
    let head = ["Partner", "Name and title", "Signature", "Date"];
    let blocks = vec![
        Block::Para(vec![t(
            "Signed for each partner by a person authorised to sign for it:",
        )]),
        Block::Table(head.iter().map(|s| s.to_string()).collect(), rows),
    ];
    Some(Section {
        title: "Signatures",
        blocks,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn checklist_messages_in_plain_words() {
        assert_eq!(
            super::plain("add at least one joint objective with a `metric` (bookings, revenue or share:<partnerId>) and a `target`"),
            "add at least one joint objective with a metric and a target"
        );
        assert_eq!(
            super::plain("name Beta Integrators's partnership manager (`manager`)"),
            "name Beta Integrators' partnership manager"
        );
        assert_eq!(super::plain("keep (this) as is"), "keep (this) as is");
    }
}
