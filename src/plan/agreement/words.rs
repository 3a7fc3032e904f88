//! The plan's codes in words for the agreement's readers: partner roles, objective
//! metrics, and the revenue split rule (fixed, tiered and game-based models described
//! plainly, with the resulting percentages where they do not depend on the amount).

use crate::money::{Currency, Money};
use crate::plan::agreement::format::{f, fraction, Locale};
use crate::plan::types::Plan;
use crate::splits::{GameSpec, SplitModel, SplitRule};
use rust_decimal::Decimal;

/// A partner's name (its id when it has no name).
pub fn name_of(plan: &Plan, id: &str) -> String {
    plan.partners
        .iter()
        .find(|p| p.id == id)
        .map(|p| {
            if p.name.trim().is_empty() {
                p.id.clone()
            } else {
                p.name.clone()
            }
        })
        .unwrap_or_else(|| id.to_string())
}

/// A role code in words (`isv` → `software vendor (ISV)`); other roles as written.
pub fn role(r: &str) -> String {
    match r.trim().to_ascii_lowercase().as_str() {
        "isv" => "software vendor (ISV)".into(),
        "si" => "systems integrator (SI)".into(),
        "msp" => "managed service provider (MSP)".into(),
        "var" => "value-added reseller (VAR)".into(),
        "reseller" => "reseller".into(),
        "distributor" => "distributor".into(),
        "consultancy" | "consulting" => "consultancy".into(),
        "hyperscaler" | "cloud" => "cloud provider".into(),
        _ => r.trim().to_string(),
    }
}

/// An objective's metric in words (`share:p2` → `Beta Integrators' share of revenue`).
pub fn metric(plan: &Plan, m: &str) -> String {
    match m.trim() {
        "bookings" => "New bookings (contract value of deals won)".into(),
        "revenue" => "Recognised revenue".into(),
        other => match other.strip_prefix("share:") {
            Some(id) => {
                let n = name_of(plan, id);
                let apostrophe = if n.ends_with('s') { "'" } else { "'s" };
                format!("{n}{apostrophe} share of revenue")
            }
            None => other.to_string(),
        },
    }
}

/// "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The split rule in sentences.
pub fn split(plan: &Plan, rule: &SplitRule, loc: Locale, cur: &str) -> Vec<String> {
    let each = "Every month, the recognised revenue of the collaboration is divided among the partners".to_string();
    let mut out = match rule.model {
        SplitModel::Fixed => vec![format!("{each} in fixed parts: {}.", fixed_parts(plan, rule, loc))],
        SplitModel::Tiered => tiered(plan, rule, loc, cur),
        m => vec![format!("{each} by {}", game_method(m, rule, plan)), game_basis(rule)],
    };
    if let Some(parts) = game_result(plan, rule, loc, cur) {
        out.push(format!("For this plan that gives {parts}."));
    }
    out.push("Amounts are divided to the cent and the parts always add up to the whole; a cent left over by rounding goes to the partner with the largest remainder.".into());
    out
}

fn fixed_parts(plan: &Plan, rule: &SplitRule, loc: Locale) -> String {
    let parts: Vec<String> = match (&rule.percent, &rule.shares) {
        (Some(p), _) => plan
            .partners
            .iter()
            .map(|q| {
                format!(
                    "{} {}",
                    q.name_or_id(),
                    loc.pct_dec(p.get(&q.id).map(|d| d.0).unwrap_or_default())
                )
            })
            .collect(),
        (None, Some(s)) => {
            let total: f64 = s.values().filter(|w| w.is_finite()).sum();
            plan.partners
                .iter()
                .map(|q| {
                    format!(
                        "{} {}",
                        q.name_or_id(),
                        loc.pct(fraction(*s.get(&q.id).unwrap_or(&0.0), total))
                    )
                })
                .collect()
        }
        (None, None) => vec![],
    };
    and_list(&parts)
}

fn tiered(plan: &Plan, rule: &SplitRule, loc: Locale, cur: &str) -> Vec<String> {
    let minor = Currency::parse(cur).map(|c| c.minor_units()).unwrap_or(2);
    let money = |d: Decimal| loc.money(&Money(d), cur, minor);
    let mut out = vec!["Every month, commissions are paid first, on that month's recognised revenue:".to_string()];
    for (id, schedule) in rule.roles.iter().flatten() {
        let Some(brackets) = rule.schedules.as_ref().and_then(|s| s.get(schedule)) else {
            continue;
        };
        let mut lower = Decimal::ZERO;
        let mut parts = vec![];
        for b in brackets {
            // the agreement is drafted for unchecked plans too: a rate too large to show
            // as a percentage is shown as written (validate reports it)
            let rate =
                (b.rate.0.checked_mul(Decimal::ONE_HUNDRED)).map_or_else(|| b.rate.0.to_string(), |r| loc.pct_dec(r));
            parts.push(match (b.up_to, lower.is_zero()) {
                (Some(u), true) => format!("{rate} of the revenue up to {}", money(u.0)),
                (Some(u), false) => format!("{rate} of the revenue from {} to {}", money(lower), money(u.0)),
                (None, true) => format!("{rate} of all revenue"),
                (None, false) => format!("{rate} of the revenue above {}", money(lower)),
            });
            if let Some(u) = b.up_to {
                lower = u.0;
            }
        }
        out.push(format!("{} earns {}.", name_of(plan, id), and_list(&parts)));
    }
    let residual = rule.residual.clone().unwrap_or_default();
    let rest = match (&residual.to, &residual.shares) {
        (Some(to), _) => format!("What is left after the commissions goes to {}.", name_of(plan, to)),
        (None, Some(s)) => {
            let total: f64 = s.values().sum();
            let parts: Vec<String> = s
                .iter()
                .map(|(id, w)| format!("{} {}", name_of(plan, id), loc.pct(fraction(*w, total))))
                .collect();
            format!("What is left after the commissions is divided: {}.", and_list(&parts))
        }
        (None, None) => "What is left after the commissions is divided equally among the partners.".into(),
    };
    out.push(rest);
    out
}

fn game_method(m: SplitModel, rule: &SplitRule, plan: &Plan) -> String {
    match m {
        SplitModel::Contribution => "what each partner adds to the full team: its share is in proportion to how much less the team would achieve without it.".into(),
        SplitModel::Shapley => "each partner's average contribution: over every order in which the team could have come together, the average of what the partner adds when it joins (the Shapley value).".into(),
        SplitModel::Banzhaf => "each partner's average contribution to every group of the other partners, scaled so the parts add up to the whole (the Banzhaf value).".into(),
        SplitModel::Nucleolus | SplitModel::Prenucleolus => "the division that leaves the least satisfied group of partners as well off as possible (the nucleolus): no group can claim it would do clearly better on its own.".into(),
        SplitModel::Myerson => "each partner's average contribution, counting only partners who can work with each other directly (the Myerson value).".into(),
        SplitModel::Owen => {
            let unions: Vec<String> = rule
                .unions
                .iter()
                .flatten()
                .map(|u| and_list(&u.iter().map(|id| name_of(plan, id)).collect::<Vec<_>>()))
                .collect();
            format!("each partner's average contribution, where the alliances {} join the team together (the Owen value).", unions.join("; "))
        }
        SplitModel::Fixed | SplitModel::Tiered | SplitModel::Compare => String::new(),
    }
}

fn game_basis(rule: &SplitRule) -> String {
    let what = match &rule.game {
        Some(GameSpec::Coverage {}) => "how much of the deal's requirements each group of partners covers",
        Some(GameSpec::Table { .. }) => "the value the partners agreed for each group of partners",
        Some(GameSpec::AdditiveSynergy { .. }) => {
            "each partner's agreed value on its own, plus the agreed bonus of each pair that works together"
        }
        Some(GameSpec::WinProbability { .. }) | None => {
            "the chance that each group of partners would win the deal, from how well it covers the deal's requirements"
        }
    };
    format!("A partner's contribution is measured by {what}.")
}

/// The percentages of a game-based split (they do not depend on the amount).
fn game_result(plan: &Plan, rule: &SplitRule, loc: Locale, cur: &str) -> Option<String> {
    if matches!(rule.model, SplitModel::Fixed | SplitModel::Tiered) {
        return None;
    }
    let ids: Vec<String> = plan.partners.iter().map(|p| p.id.clone()).collect();
    let currency = Currency::parse(cur).ok()?;
    let prepared = rule.prepare(&ids, &currency, "split").ok()?;
    let whole = Money::parse("1000000").ok()?;
    let parts = prepared.divide(whole).ok()?;
    let total = f(whole.0);
    let text: Vec<String> = plan
        .partners
        .iter()
        .zip(parts)
        .map(|(p, m)| format!("{} {}", p.name_or_id(), loc.pct(fraction(f(m.0), total))))
        .collect();
    Some(and_list(&text))
}

/// A partner's name, or its id when it has none.
trait NameOrId {
    fn name_or_id(&self) -> String;
}
impl NameOrId for crate::plan::types::PlanPartner {
    fn name_or_id(&self) -> String {
        if self.name.trim().is_empty() {
            self.id.clone()
        } else {
            self.name.clone()
        }
    }
}

/// A message as a sentence: first letter upper case, a full stop at the end.
pub fn sentence(s: &str) -> String {
    let s = crate::plan::agreement::sections::capitalise(s.trim());
    if s.ends_with(['.', '!', '?']) {
        s
    } else {
        format!("{s}.")
    }
}
