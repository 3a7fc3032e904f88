//! Deal-history insights (SPEC §9): partner-influenced revenue, win rate, deal size
//! and cycle with vs without partners, CLTV/CAC, PSAT, and the ecosystem multiplier.

use super::types::{Comparison, GroupStats, HistoryDeal, HistoryRequest, InsightsResponse};
use crate::error::{DealteamError, ErrorCode, Result};
use crate::money::Money;
use rust_decimal::prelude::*;
use std::collections::BTreeMap;

/// Statistics of the deals matching `keep`; `invalid_money` at the value that makes
/// the won values' sum overflow an exact amount.
fn group(history: &[HistoryDeal], minor: u32, keep: impl Fn(&HistoryDeal) -> bool) -> Result<GroupStats> {
    let deals: Vec<&HistoryDeal> = history.iter().filter(|d| keep(d)).collect();
    let won: Vec<&&HistoryDeal> = deals.iter().filter(|d| d.won).collect();
    let mut won_value = Decimal::ZERO;
    for (i, d) in history.iter().enumerate().filter(|(_, d)| d.won && keep(d)) {
        won_value = won_value.checked_add(d.value.0).ok_or_else(|| {
            DealteamError::new(
                ErrorCode::InvalidMoney,
                format!("history[{i}].value"),
                format!(
                    "the won deals' values add up to more than {}, the largest exact amount; check this value",
                    Decimal::MAX
                ),
            )
        })?;
    }
    let n = deals.len();
    let avg = |count: usize| {
        won_value
            .checked_div(Decimal::from(count))
            .map(|a| Money(a).with_scale(minor))
    };
    Ok(GroupStats {
        deals: n,
        won: won.len(),
        win_rate: (n > 0).then(|| won.len() as f64 / n as f64),
        won_value: Money(won_value).with_scale(minor),
        avg_deal_size: (!won.is_empty()).then(|| avg(won.len())).flatten(),
        avg_cycle_days: (n > 0).then(|| deals.iter().map(|d| d.cycle_days).sum::<f64>() / n as f64),
    })
}

/// §9 CLTV/CAC of one deal, exactly (`None` without both or with a zero CAC);
/// `invalid_money` at `history[i].cltv` when the quotient is beyond an exact amount.
fn cltv_to_cac(i: usize, d: &HistoryDeal) -> Result<Option<f64>> {
    match (d.cltv, d.cac) {
        (Some(l), Some(c)) if !c.0.is_zero() => match l.0.checked_div(c.0) {
            Some(q) => Ok(q.to_f64()),
            None => Err(DealteamError::new(
                ErrorCode::InvalidMoney,
                format!("history[{i}].cltv"),
                format!(
                    "cltv / cac ({} / {}) is beyond the largest exact amount {}; check both values",
                    l.0,
                    c.0,
                    Decimal::MAX
                ),
            )),
        },
        _ => Ok(None),
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) if y != 0.0 => Some(x / y),
        _ => None,
    }
}

fn compare(with: Option<f64>, without: Option<f64>) -> Comparison {
    Comparison {
        with_partners: with,
        without_partners: without,
        ratio: ratio(with, without),
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n.saturating_add(1)));

    (n > 0).then(|| s / n as f64)
}

/// Compute the insights of a validated history.
pub fn insights(req: &HistoryRequest) -> Result<InsightsResponse> {
    super::validate(req)?;
    let currency = req.currency.clone().unwrap_or_else(crate::money::Currency::eur);
    let minor = currency.minor_units();
    let h = &req.history;
    let all = group(h, minor, |_| true)?;
    let none = group(h, minor, |d| d.partners.is_empty())?;
    let partnered = group(h, minor, |d| !d.partners.is_empty())?;
    let single = group(h, minor, |d| d.partners.len() == 1)?;
    let p2p = group(h, minor, |d| d.partners.len() >= 2)?;
    let groups: BTreeMap<String, GroupStats> = crate::sort::map_of(
        [
            ("all", &all),
            ("none", &none),
            ("partnered", &partnered),
            ("single", &single),
            ("p2p", &p2p),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone())),
    );
    let size = |s: &GroupStats| s.avg_deal_size.and_then(|m| m.0.to_f64());
    let per_deal = |s: &GroupStats| (s.deals > 0).then(|| s.won_value.0.to_f64().unwrap_or(0.0) / s.deals as f64);
    let multiplier = ratio(per_deal(&p2p), per_deal(&single));
    let influenced_share = ratio(
        partnered.won_value.0.to_f64(),
        all.won_value.0.to_f64().filter(|v| *v != 0.0),
    );
    let ratios: Vec<Option<f64>> = h
        .iter()
        .enumerate()
        .map(|(i, d)| cltv_to_cac(i, d))
        .collect::<Result<_>>()?;
    let cltv_to_cac = mean(ratios.into_iter().flatten());
    let psat = mean(h.iter().filter_map(|d| d.psat));
    let win_rate = compare(partnered.win_rate, none.win_rate);
    let mut notes = Vec::new();
    if none.deals == 0 {
        notes.push("every deal had a partner: there is no baseline without partners to compare with".to_string());
    }
    if let Some(r) = win_rate.ratio {
        notes.push(format!("deals with partners win {:.2}× as often as deals without", r));
    }
    match multiplier {
        Some(m) => notes.push(format!(
            "deals with two or more partners earn {m:.2}× the expected value of single-partner deals"
        )),
        None if single.deals > 0 && single.won_value.0.is_zero() && p2p.deals > 0 => {
            notes.push("single-partner deals earned nothing, so the P2P multiplier is unbounded".to_string())
        }
        None => notes.push("the P2P multiplier needs both single-partner and multi-partner deals".to_string()),
    }
    Ok(InsightsResponse {
        currency,
        influenced_revenue: partnered.won_value,
        total_revenue: all.won_value,
        influenced_share,
        deal_size: compare(size(&partnered), size(&none)),
        cycle_days: compare(partnered.avg_cycle_days, none.avg_cycle_days),
        win_rate,
        multiplier,
        cltv_to_cac,
        psat,
        notes,
        groups,
    })
}
