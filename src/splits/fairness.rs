//! The fairness report of SPEC §5 for any split: efficiency (checked exactly in
//! decimal), the ecosystem multiplier, symmetry and dummy players, core membership
//! (n ≤ 20) with the most blocking coalition — and what it all means, in words.
// Integer arithmetic is on 2ⁿ coalition masks, n ≤ MAX_ENUMERATED_PLAYERS (20) (len − 1 is
// the full coalition, mask ≥ 1 where mask − 1 is taken) and a tie counter; money sums use
// checked_add (checked_total). Hot loop of the core check.
// Indexing: 2ⁿ tables by masks < 2ⁿ, member arrays of length n by i < n.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::game::Game;
use super::nucleolus::Memo;
use super::types::{Blocking, Fairness, LeastCoreReport, PropertyCheck};
use crate::error::{DealteamError, ErrorCode, Result};
use crate::model::MAX_ENUMERATED_PLAYERS;
use crate::money::Money;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The report for `parts` of `amount` among `members`, judged against `game` if any.
/// Payoffs in the game's units are `share_i × v(N)` with `share_i = part_i / amount`.
/// `table`, when given, is the game's 2ⁿ value table (computed once by the caller).
pub fn report(
    game: Option<&Game>,
    table: Option<&[f64]>,
    members: &[String],
    amount: Money,
    parts: &[Money],
    minor: u32,
) -> Result<Fairness> {
    report_with(game, table, None, members, amount, parts, minor)
}

/// [`report`] with the table's least core when the caller shares one ([`Memo`]).
#[allow(clippy::too_many_arguments)]
pub fn report_with(
    game: Option<&Game>,
    table: Option<&[f64]>,
    memo: Option<&Memo>,
    members: &[String],
    amount: Money,
    parts: &[Money],
    minor: u32,
) -> Result<Fairness> {
    let mut f = efficiency(members, amount, parts, minor)?;
    let Some(game) = game else {
        f.explanation.push(
            "No game was given, so only efficiency was checked; give `game`, or `ecosystem` and `deal`, to check the core, \
             symmetry, dummies and the ecosystem multiplier."
                .into(),
        );
        return Ok(f);
    };
    let n = members.len();
    let (grand, singles) = game.grand_and_singles();
    let alone: f64 = singles.iter().sum();
    let tol = 1e-9 * grand.abs().max(alone.abs()).max(1.0);
    f.game = Some(game.kind().to_string());
    f.grand_value = Some(grand);
    explain_game(&mut f, game, grand, alone, tol);

    let amt = amount.0.to_f64().unwrap_or(0.0);
    let unit = libm::pow(10.0, -(minor as f64));
    // one minor unit of money, in the game's units
    let unit_game = if amt != 0.0 { unit * (grand / amt).abs() } else { 0.0 };
    let x = payoffs(parts, amt, grand);

    if alone > grand + tol {
        f.core_empty = Some(true);
    }
    if n > MAX_ENUMERATED_PLAYERS {
        f.explanation.push(format!(
            "With {n} members (more than {MAX_ENUMERATED_PLAYERS}) the core, symmetry and dummies were not checked: that would take 2^{n} coalitions."
        ));
        return Ok(f);
    }
    if amt == 0.0 {
        f.explanation
            .push("The amount is zero, so the core was not checked.".into());
        return Ok(f);
    }
    let v = game.table_or(table)?;
    let v = &v[..];
    core(&mut f, v, &x, members, tol + n as f64 * unit_game, tol);
    individual_rationality(&mut f, &singles, &x, members, tol + unit_game);
    if f.in_core == Some(false) {
        let own = Memo::default();
        let memo = memo.unwrap_or(&own);
        least_core(
            &mut f,
            v,
            memo,
            members,
            alone <= grand + tol,
            tol + n as f64 * unit_game,
        );
    }
    symmetry(&mut f, v, parts, members, tol, unit);
    dummies(&mut f, v, &singles, parts, members, amt, grand, tol, unit);
    Ok(f)
}

/// The efficiency check (exact, in decimal) that starts every report.
fn efficiency(members: &[String], amount: Money, parts: &[Money], minor: u32) -> Result<Fairness> {
    let total = checked_total(parts)?;
    let mut f = Fairness {
        efficient: total == amount.0 && parts.len() == members.len(),
        ..Fairness::default()
    };
    f.explanation.push(if f.efficient {
        format!(
            "Efficient: the {} parts add up exactly to {}.",
            parts.len(),
            amount.with_scale(minor)
        )
    } else {
        format!("Not efficient: the parts add up to {total}, not {}.", amount.0)
    });
    Ok(f)
}

/// Σ parts, exactly; `too_large` at `amount` when the sum leaves Decimal's range (signed
/// parts can be large with a small amount).
fn checked_total(parts: &[Money]) -> Result<Decimal> {
    parts.iter().try_fold(Decimal::ZERO, |sum, p| {
        sum.checked_add(p.0).ok_or_else(|| {
            DealteamError::new(
                ErrorCode::TooLarge,
                "amount",
                format!(
                    "the parts add up to more than the largest amount that can be checked exactly ({}); use smaller parts",
                    Decimal::MAX
                ),
            )
        })
    })
}

/// The payoffs `part_i / amount × v(N)` in the game's units (all 0 when the amount is 0).
fn payoffs(parts: &[Money], amt: f64, grand: f64) -> Vec<f64> {
    parts
        .iter()
        .map(|p| {
            if amt != 0.0 {
                p.0.to_f64().unwrap_or(0.0) / amt * grand
            } else {
                0.0
            }
        })
        .collect()
}

fn explain_game(f: &mut Fairness, game: &Game, grand: f64, alone: f64, tol: f64) {
    if alone.abs() <= tol {
        f.multiplier = None;
        f.multiplier_unbounded = true;
        f.explanation.push(format!(
            "No member creates value alone (Σ v({{i}}) = 0) while together they are worth {grand:.2}: the ecosystem multiplier is unbounded — the value exists only jointly."
        ));
        return;
    }
    let m = grand / alone;
    f.multiplier = Some(m);
    let kind = game.kind();
    if m < 1.0 - 1e-12 {
        let why = if kind == "coverage" {
            "coverage game: partners substitute each other — overlapping capabilities count once (a max is never more than a sum)"
        } else {
            "the members substitute each other (overlapping contributions)"
        };
        f.explanation.push(format!(
            "Ecosystem multiplier {m:.3} < 1 ({why}): together they are worth {grand:.2}, less than the {alone:.2} they are worth alone, \
             so the core is empty — no split can give every member at least its standalone value."
        ));
    } else if m > 1.0 + 1e-12 {
        let why = if kind == "winProbability" {
            "winProbability game: partners complement each other — a team that covers too little rarely wins"
        } else {
            "the members complement each other"
        };
        f.explanation.push(format!("Ecosystem multiplier {m:.3} > 1 ({why}): together they are worth {grand:.2}, more than the {alone:.2} they are worth alone."));
    } else {
        f.explanation
            .push("Ecosystem multiplier 1: the members are worth together exactly what they are worth alone.".into());
    }
}

/// Core check: the largest excess `v(S) − x(S)` over every proper non-empty S, from
/// subset sums of the payoffs (O(2ⁿ)); ties (within `tol`) go to the smallest coalition,
/// then the lexicographically smallest sorted id list (SPEC §11).
fn core(f: &mut Fairness, v: &[f64], x: &[f64], members: &[String], tol: f64, tie_tol: f64) {
    let Some(top) = most_blocking(v, x, members, tie_tol) else {
        // one member: only the grand coalition, which efficiency settles
        f.in_core = Some(true);
        f.core_empty = Some(false);
        return;
    };
    let names = sorted_names(top.mask, members);
    let in_core = top.excess <= tol;
    f.in_core = Some(in_core);
    if in_core {
        f.core_empty = Some(false);
        f.explanation
            .push("In the core: no group of members would earn more on its own than this split gives it.".into());
        return;
    }
    let empty = if f.core_empty == Some(true) {
        " (the core is empty, so every split is blocked)"
    } else {
        ""
    };
    let others = match top.tied {
        1 => String::new(),
        t => format!(" ({} groups are equally blocked; the smallest is named)", t),
    };
    f.explanation.push(format!(
        "Not in the core{empty}: {{{}}} would earn {:.2} on its own but gets {:.2} here (excess {:.2}) — it has a reason to leave{others}.",
        names.join(", "),
        v[top.mask],
        top.payoff,
        top.excess
    ));
    f.blocking = Some(Blocking {
        members: names,
        value: v[top.mask],
        payoff: top.payoff,
        excess: top.excess,
        tied: top.tied,
    });
}

fn sorted_names(mask: usize, members: &[String]) -> Vec<String> {
    let mut s: Vec<String> = (0..members.len())
        .filter(|&i| mask >> i & 1 == 1)
        .map(|i| members[i].clone())
        .collect();
    crate::sort::sort(&mut s);
    s
}

/// The least core and the nucleolus (SPEC §11), when this split is not in the core: a
/// positive ε means the core is empty. The prenucleolus stands in when no split gives
/// every member its standalone value.
fn least_core(f: &mut Fairness, v: &[f64], memo: &Memo, members: &[String], imputations: bool, tol: f64) {
    let Ok(r) = memo.get(v, imputations, "game") else {
        f.explanation
            .push("The least core could not be computed for this game.".into());
        return;
    };
    let kind = if imputations { "nucleolus" } else { "prenucleolus" };
    if r.epsilon > tol {
        f.core_empty = Some(true);
        let parts: Vec<String> = members
            .iter()
            .zip(&r.values)
            .map(|(m, x)| format!("{m} {x:.2}"))
            .collect();
        f.explanation.push(format!(
            "The core is empty: the least core needs ε = {:.2} — every group can be promised its own value minus {:.2}, \
             but not less. The {kind} is the split that minimises the worst complaint: {}.",
            r.epsilon,
            r.epsilon,
            parts.join(", ")
        ));
    } else {
        f.core_empty = Some(false);
    }
    f.least_core = Some(LeastCoreReport {
        epsilon: r.epsilon,
        kind: kind.into(),
        nucleolus: crate::sort::map_of(members.iter().cloned().zip(r.values)),
    });
}

/// Individual rationality (SPEC §11): the members paid less than their standalone value.
fn individual_rationality(f: &mut Fairness, singles: &[f64], x: &[f64], members: &[String], tol: f64) {
    let below: Vec<String> = (0..members.len())
        .filter(|&i| x[i] < singles[i] - tol)
        .map(|i| members[i].clone())
        .collect();
    f.individually_rational = Some(below.is_empty());
    if !below.is_empty() {
        f.explanation.push(format!(
            "Not individually rational: {} would earn more alone than this split gives {}.",
            below.join(", "),
            if below.len() == 1 { "it" } else { "them" }
        ));
    }
    f.below_standalone = below;
}

/// The most blocking proper coalition (see [`core`]), `None` when n = 1.
pub struct Top {
    /// Its bitmask.
    pub mask: usize,
    /// `v(S) − x(S)`.
    pub excess: f64,
    /// `x(S)`.
    pub payoff: f64,
    /// Coalitions with the same excess (within the tolerance), itself included.
    pub tied: usize,
}

/// The most blocking coalition with the §11 tie rule: excess within `tie_tol` of the
/// largest; the fewest members; then the lexicographically smallest sorted id list.
pub fn most_blocking(v: &[f64], x: &[f64], members: &[String], tie_tol: f64) -> Option<Top> {
    let (best, _, _) = max_excess(v, x);
    let full = v.len() - 1;
    if full == 1 || v.len() < 2 {
        return None;
    }
    // each member's rank in id order: comparing sorted id lists = comparing rank sets
    let mut by_id: Vec<usize> = (0..members.len()).collect();
    crate::sort::sort_by(&mut by_id, |&a, &b| members[a].cmp(&members[b]));
    let mut rank = vec![0usize; members.len()];
    for (r, &i) in by_id.iter().enumerate() {
        rank[i] = r;
    }
    let ranks = |mask: usize| {
        (0..members.len())
            .filter(|&i| mask >> i & 1 == 1)
            .fold(0usize, |a, i| a | 1 << rank[i])
    };
    let mut xs = vec![0.0; v.len()];
    let mut top: Option<(usize, usize, f64)> = None; // (mask, rank set, x(S))
    let mut tied = 0;
    for mask in 1..full {
        let low = mask.trailing_zeros() as usize;
        xs[mask] = xs[mask & (mask - 1)] + x[low];
        if v[mask] - xs[mask] < best - tie_tol {
            continue;
        }
        tied += 1;
        let r = ranks(mask);
        let better = match top {
            None => true,
            Some((m, rm, _)) => {
                let (a, b) = (mask.count_ones(), m.count_ones());
                // the lowest differing rank belongs to the lexicographically smaller list
                a < b || (a == b && r & (r ^ rm) & (r ^ rm).wrapping_neg() != 0)
            }
        };
        if better {
            top = Some((mask, r, xs[mask]));
        }
    }
    let (mask, _, payoff) = top?;
    Some(Top {
        mask,
        excess: v[mask] - payoff,
        payoff,
        tied,
    })
}

/// The core check's work (SPEC §5): over every proper non-empty coalition S (bitmask
/// into `v`, the 2ⁿ table), the largest excess `v(S) − Σ_{i∈S} x_i`, its mask (0 when
/// n = 1) and `x(S)`; subset sums of `x` are built once, O(2ⁿ).
pub fn max_excess(v: &[f64], x: &[f64]) -> (f64, usize, f64) {
    let mut xs = vec![0.0; v.len()];
    let full = v.len() - 1;
    let (mut best, mut best_mask) = (0.0f64, 0usize);
    for mask in 1..v.len() {
        let low = mask.trailing_zeros() as usize;
        xs[mask] = xs[mask & (mask - 1)] + x[low];
        let e = v[mask] - xs[mask];
        if mask != full && (best_mask == 0 || e > best) {
            best = e;
            best_mask = mask;
        }
    }
    (best, best_mask, xs[best_mask])
}

fn same(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// i and j are symmetric when v(S ∪ i) = v(S ∪ j) for every S without both.
fn symmetric(v: &[f64], i: usize, j: usize, tol: f64) -> bool {
    let (bi, bj) = (1usize << i, 1usize << j);
    (0..v.len())
        .filter(|s| s & (bi | bj) == 0)
        .all(|s| same(v[s | bi], v[s | bj], tol))
}

fn symmetry(f: &mut Fairness, v: &[f64], parts: &[Money], members: &[String], tol: f64, unit: f64) {
    let n = members.len();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let full = v.len() - 1;
    for i in 0..n {
        // cheap necessary conditions first: same value alone and same value of the rest
        let found = groups.iter_mut().find(|g| {
            let r = g[0];
            same(v[1 << r], v[1 << i], tol)
                && same(v[full & !(1 << r)], v[full & !(1 << i)], tol)
                && symmetric(v, r, i, tol)
        });
        match found {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups.retain(|g| g.len() > 1);
    if groups.is_empty() {
        return;
    }
    let money = |i: usize| parts[i].0.to_f64().unwrap_or(0.0);
    let respected = groups
        .iter()
        .all(|g| g.iter().all(|&i| (money(i) - money(g[0])).abs() <= unit * 1.000001));
    let names: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| members[i].clone()).collect())
        .collect();
    f.explanation.push(format!(
        "Symmetric (interchangeable) members: {}; the split {} them equally (within one minor unit).",
        names
            .iter()
            .map(|g| format!("{{{}}}", g.join(", ")))
            .collect::<Vec<_>>()
            .join(", "),
        if respected { "treats" } else { "does NOT treat" }
    ));
    f.symmetry = Some(PropertyCheck {
        players: names,
        respected,
    });
}

#[allow(clippy::too_many_arguments)]
fn dummies(
    f: &mut Fairness,
    v: &[f64],
    singles: &[f64],
    parts: &[Money],
    members: &[String],
    amt: f64,
    grand: f64,
    tol: f64,
    unit: f64,
) {
    let n = members.len();
    let dummy: Vec<usize> = (0..n)
        .filter(|&i| {
            let b = 1usize << i;
            (0..v.len())
                .filter(|s| s & b == 0)
                .all(|s| same(v[s | b] - v[s], singles[i], tol))
        })
        .collect();
    if dummy.is_empty() {
        return;
    }
    // a dummy adds exactly its own value everywhere; its fair part is amount × v({i}) / v(N)
    let respected = dummy.iter().all(|&i| {
        let fair = if grand != 0.0 { amt * singles[i] / grand } else { 0.0 };
        (parts[i].0.to_f64().unwrap_or(0.0) - fair).abs() <= unit * 1.000001
    });
    let names: Vec<String> = dummy.iter().map(|&i| members[i].clone()).collect();
    f.explanation.push(format!(
        "Dummy members (they add exactly their own standalone value to any group): {}; the split {} them exactly that.",
        names.join(", "),
        if respected { "gives" } else { "does NOT give" }
    ));
    f.dummy = Some(PropertyCheck {
        players: vec![names],
        respected,
    });
}
