//! The coalition games of SPEC §5 over a split's members: `winProbability`,
//! `coverage`, `table` and `additiveSynergy`, built and checked once, then valued
//! per coalition, as a full 2ⁿ table (n ≤ 20) or incrementally along a permutation.
// Indexing: players i < n and requirements k < r: i·r + k indexes the n·r levels
// allocated; coalitions list member indices < n.
#![allow(clippy::indexing_slicing)]

use super::types::{GameSpec, PairBonus};
use crate::coverage::{level, weighted_coverage};
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::json::{field, index};
use crate::model::{Deal, Ecosystem};
use crate::money::{Currency, Money};
use crate::num::logistic;
use rust_decimal::prelude::ToPrimitive;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::collections::BTreeMap;

/// Largest member count of a `table` game (coalitions are 128-bit masks).
pub const MAX_TABLE_PLAYERS: usize = 128;

/// A game whose value depends on each requirement's best level in the coalition:
/// `coverage` (`win = None`) or `winProbability` (`win = Some((k, m))`).
#[derive(Clone, Debug)]
pub struct LevelGame {
    /// deal.value as a number.
    pub value: f64,
    /// Requirement weights, as in the deal (`[1]` for a deal without requirements).
    pub weights: Vec<f64>,
    /// Level of member i on requirement r at `i * weights.len() + r`.
    pub levels: Vec<f64>,
    /// The logistic curve of `winProbability`.
    pub win: Option<WinCurve>,
}

/// A game given by listed coalition values (missing: sum of listed singletons).
#[derive(Clone, Debug)]
pub struct TableGame {
    /// Value of each member alone.
    pub singles: Vec<f64>,
    /// Listed coalitions by bitmask.
    pub listed: FxHashMap<u128, f64>,
}

/// Standalone values plus pair bonuses.
#[derive(Clone, Debug)]
pub struct SynergyGame {
    /// Value of each member alone.
    pub standalone: Vec<f64>,
    /// `(i, j, bonus)` with i ≠ j.
    pub pairs: Vec<(usize, usize, f64)>,
}

/// A coalition game over the members `0..n`, with v(∅) = 0.
#[derive(Clone, Debug)]
pub enum Game {
    /// `coverage` or `winProbability`.
    Levels(LevelGame),
    /// `table`.
    Table(TableGame),
    /// `additiveSynergy`.
    Synergy(SynergyGame),
}

/// The win-probability curve of SPEC §5 with its constants computed once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WinCurve {
    k: f64,
    m: f64,
    lo: f64,
    span: f64,
}

impl WinCurve {
    /// The curve with steepness `k` and midpoint `m`.
    pub fn new(k: f64, m: f64) -> WinCurve {
        let lo = logistic(-k * m);
        WinCurve {
            k,
            m,
            lo,
            span: logistic(k * (1.0 - m)) - lo,
        }
    }
    /// The chance that a team with coverage `c` wins (SPEC §5):
    /// `P(c) = (σ(k(c − m)) − σ(−km)) / (σ(k(1 − m)) − σ(−km))`, σ the logistic function.
    pub fn p(&self, c: f64) -> f64 {
        (logistic(self.k * (c - self.m)) - self.lo) / self.span
    }
}

/// [`WinCurve::p`] for one coverage (SPEC §5), defaults k = 10, m = 0.6.
pub fn win_probability(c: f64, k: f64, m: f64) -> f64 {
    WinCurve::new(k, m).p(c)
}

impl Game {
    /// Build the game of a split: `spec` if given, else `winProbability` when a deal
    /// is given (SPEC §10); `None` when there is neither.
    pub fn build(
        spec: Option<&GameSpec>,
        ecosystem: Option<&Ecosystem>,
        deal: Option<&Deal>,
        members: &[String],
        currency: &Currency,
        at: &str,
    ) -> Result<Option<Game>> {
        let default = GameSpec::WinProbability { k: None, m: None };
        let spec = match (spec, deal) {
            (Some(s), _) => s,
            (None, Some(_)) => &default,
            (None, None) => return Ok(None),
        };
        let gp = field(at, "game");
        match spec {
            GameSpec::WinProbability { k, m } => {
                let mut p = Problems::new();
                let k = k.unwrap_or(10.0);
                let m = m.unwrap_or(0.6);
                if !k.is_finite() || k <= 0.0 {
                    p.invalid(field(&gp, "k"), format!("k (steepness) must be a number > 0, got {k}"));
                }
                if !m.is_finite() || !(0.0..1.0).contains(&m) {
                    p.invalid(
                        field(&gp, "m"),
                        format!("m (midpoint coverage) must be in [0, 1), got {m}"),
                    );
                }
                p.finish()?;
                Self::levels(ecosystem, deal, members, currency, at, Some(WinCurve::new(k, m))).map(Some)
            }
            GameSpec::Coverage {} => Self::levels(ecosystem, deal, members, currency, at, None).map(Some),
            GameSpec::Table { values } => Self::table_game(values, members, currency, at).map(Some),
            GameSpec::AdditiveSynergy { standalone, pairs } => {
                Self::synergy_game(standalone, pairs, members, currency, &gp).map(Some)
            }
        }
    }

    /// A `table` game: listed coalition values (unlisted ones are worth 0).
    fn table_game(values: &BTreeMap<String, Money>, members: &[String], currency: &Currency, at: &str) -> Result<Game> {
        let gp = field(at, "game");
        if members.len() > MAX_TABLE_PLAYERS {
            return Err(DealteamError::too_large(
                field(at, "members"),
                "members of a table game",
                MAX_TABLE_PLAYERS,
                members.len(),
            ));
        }
        let idx = member_index(members);
        let mut p = Problems::new();
        let mut listed = FxHashMap::default();
        let vp = field(&gp, "values");
        for (key, v) in values {
            let kp = field(&vp, key);
            let Some(x) = money_value(&mut p, *v, currency, &kp) else {
                continue;
            };
            let mut mask = 0u128;
            for id in key.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match idx.get(id) {
                    Some(&i) => mask |= 1u128 << i,
                    None => p.push(
                        ErrorCode::UnknownPartner,
                        kp.clone(),
                        format!("`{id}` in `{key}` is not one of the members"),
                    ),
                }
            }
            if mask == 0 && x != 0.0 {
                p.invalid(kp.clone(), "the empty coalition is worth 0");
            }
            if listed.insert(mask, x).is_some() {
                p.push(
                    ErrorCode::DuplicateId,
                    kp,
                    format!("`{key}` names a coalition listed twice"),
                );
            }
        }
        p.finish()?;
        listed.remove(&0);
        let singles = (0..members.len())
            .map(|i| listed.get(&(1u128 << i)).copied().unwrap_or(0.0))
            .collect();
        Ok(Game::Table(TableGame { singles, listed }))
    }

    /// An `additive_synergy` game: standalone values plus pair bonuses.
    fn synergy_game(
        standalone: &BTreeMap<String, Money>,
        pairs: &[PairBonus],
        members: &[String],
        currency: &Currency,
        gp: &str,
    ) -> Result<Game> {
        let idx = member_index(members);
        let mut p = Problems::new();
        let mut s = vec![0.0; members.len()];
        for (id, v) in standalone {
            let sp = field(&field(gp, "standalone"), id);
            match idx.get(id.as_str()) {
                None => p.push(
                    ErrorCode::UnknownPartner,
                    sp,
                    format!("`{id}` is not one of the members"),
                ),
                Some(&i) => s[i] = money_value(&mut p, *v, currency, &sp).unwrap_or(0.0),
            }
        }
        let mut out = Vec::with_capacity(pairs.len());
        for (k, pb) in pairs.iter().enumerate() {
            let pp = index(&field(gp, "pairs"), k);
            let a = idx.get(pb.a.as_str()).copied();
            let b = idx.get(pb.b.as_str()).copied();
            if a.is_none() {
                p.push(
                    ErrorCode::UnknownPartner,
                    field(&pp, "a"),
                    format!("`{}` is not one of the members", pb.a),
                );
            }
            if b.is_none() {
                p.push(
                    ErrorCode::UnknownPartner,
                    field(&pp, "b"),
                    format!("`{}` is not one of the members", pb.b),
                );
            }
            let bonus = money_value(&mut p, pb.bonus, currency, &field(&pp, "bonus"));
            if let (Some(a), Some(b), Some(x)) = (a, b, bonus) {
                if a == b {
                    p.invalid(field(&pp, "b"), "a pair needs two different members");
                } else {
                    out.push((a, b, x));
                }
            }
        }
        p.finish()?;
        // one entry per pair of members (a pair listed again adds its bonus), so each use of
        // the pairs is bounded by the members, n·(n−1)/2, not by how often a pair is listed
        let mut first: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let mut pairs: Vec<(usize, usize, f64)> = Vec::with_capacity(out.len());
        for (a, b, x) in out {
            match first.entry((a.min(b), a.max(b))) {
                Entry::Occupied(e) => pairs[*e.get()].2 += x,
                Entry::Vacant(e) => {
                    e.insert(pairs.len());
                    pairs.push((a, b, x));
                }
            }
        }
        Ok(Game::Synergy(SynergyGame { standalone: s, pairs }))
    }

    fn levels(
        ecosystem: Option<&Ecosystem>,
        deal: Option<&Deal>,
        members: &[String],
        currency: &Currency,
        at: &str,
        win: Option<WinCurve>,
    ) -> Result<Game> {
        let (Some(eco), Some(deal)) = (ecosystem, deal) else {
            return Err(DealteamError::invalid(
                field(at, "game"),
                "the coverage and winProbability games need `ecosystem` and `deal` (not available inside a plan); \
                 use a `table` or `additiveSynergy` game, or the fixed or tiered model",
            ));
        };
        eco.validate().map_err(|e| e.under(&field(at, "ecosystem")))?;
        deal.validate(&field(at, "deal"))?;
        deal.currency
            .ensure_same(currency, &field(&field(at, "deal"), "currency"))?;
        let pidx = eco.partner_index();
        let mut p = Problems::new();
        let mut partners = Vec::with_capacity(members.len());
        for (i, id) in members.iter().enumerate() {
            match pidx.get(id.as_str()) {
                Some(&k) => partners.extend(eco.partners.get(k)),
                None => p.push(
                    ErrorCode::UnknownPartner,
                    index("members", i),
                    format!("`{id}` is not a partner of the ecosystem"),
                ),
            }
        }
        p.finish()?;
        let value = deal.value.0.to_f64().unwrap_or(0.0);
        let (weights, levels) = if deal.requirements.is_empty() {
            // no requirements: every non-empty team has full coverage (SPEC §3)
            (vec![1.0], vec![1.0; partners.len()])
        } else {
            let w = deal.requirements.iter().map(|r| r.weight).collect();
            let l = partners
                .iter()
                .flat_map(|p| deal.requirements.iter().map(move |r| level(r, p).max(0.0)))
                .collect();
            (w, l)
        };
        Ok(Game::Levels(LevelGame {
            value,
            weights,
            levels,
            win,
        }))
    }

    /// Number of players.
    pub fn players(&self) -> usize {
        match self {
            Game::Levels(g) => g.levels.len().checked_div(g.weights.len()).unwrap_or(g.levels.len()),

            Game::Table(g) => g.singles.len(),
            Game::Synergy(g) => g.standalone.len(),
        }
    }

    /// The work of one marginal value along an order, in the units of
    /// [`super::values::MAX_SAMPLED_STEPS`] (one requirement's best level and its term of the
    /// coverage): 8 for drawing the member and the bookkeeping (measured: a step of a
    /// one-requirement game costs as much as 8 more requirements), plus one per requirement.
    pub fn unit_cost(&self) -> usize {
        match self {
            Game::Levels(g) => g.weights.len().saturating_add(8),
            _ => 8,
        }
    }

    /// The work of one sampled order of the players, in the units of
    /// [`super::values::MAX_SAMPLED_STEPS`]: a marginal value per player and per end of
    /// each of the graph's `links` (Myerson merges components along them), each at
    /// [`Game::unit_cost`], and 8 per end of each `additiveSynergy` pair read.
    pub fn order_work(&self, links: usize) -> usize {
        let pairs = match self {
            Game::Synergy(g) => g.pairs.len(),
            _ => 0,
        };
        self.players()
            .saturating_add(links.saturating_mul(2))
            .saturating_mul(self.unit_cost())
            .saturating_add(pairs.saturating_mul(16))
    }

    /// The kind, as in `game.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Game::Levels(LevelGame { win: Some(_), .. }) => "winProbability",
            Game::Levels(_) => "coverage",
            Game::Table(_) => "table",
            Game::Synergy(_) => "additiveSynergy",
        }
    }

    /// v(S) for the members listed in `s` (no duplicates).
    // i < n players, k < r requirements: i·r + k indexes the n·r levels allocated
    #[allow(clippy::arithmetic_side_effects)]
    pub fn value_of(&self, s: &[usize]) -> f64 {
        match self {
            Game::Levels(g) => {
                let r = g.weights.len();
                if s.is_empty() {
                    return 0.0;
                }
                let best = (0..r).map(|k| {
                    s.iter()
                        .map(|&i| g.levels.get(i * r + k).copied().unwrap_or(0.0))
                        .fold(0.0, f64::max)
                });
                g.of_coverage(g.coverage(best))
            }
            Game::Table(g) => {
                let mask = s.iter().fold(0u128, |m, &i| m | (1u128 << i));
                g.of_mask(mask)
            }
            Game::Synergy(g) => {
                let mut inside = vec![false; g.standalone.len()];
                s.iter().for_each(|&i| inside[i] = true);
                let base: f64 = s.iter().map(|&i| g.standalone[i]).sum();
                base + g
                    .pairs
                    .iter()
                    .filter(|(a, b, _)| inside[*a] && inside[*b])
                    .map(|x| x.2)
                    .sum::<f64>()
            }
        }
    }

    /// v(N) and v({i}) for every i.
    pub fn grand_and_singles(&self) -> (f64, Vec<f64>) {
        let n = self.players();
        let all: Vec<usize> = (0..n).collect();
        let singles = match self {
            Game::Table(g) => g.singles.clone(),
            Game::Synergy(g) => g.standalone.clone(),
            Game::Levels(_) => (0..n).map(|i| self.value_of(&[i])).collect(),
        };
        (self.value_of(&all), singles)
    }

    /// v(N ∖ {i}) for every i, in O(n·R) for the level games.
    // i < n players, k < r requirements: i·r + k indexes the n·r levels allocated
    #[allow(clippy::arithmetic_side_effects)]
    pub fn without_each(&self) -> Vec<f64> {
        let n = self.players();
        match self {
            Game::Levels(g) => {
                let r = g.weights.len();
                let mut best = vec![(0.0f64, usize::MAX); r];
                let mut second = vec![0.0f64; r];
                for i in 0..n {
                    for k in 0..r {
                        let l = g.levels[i * r + k];
                        if l > best[k].0 {
                            second[k] = best[k].0;
                            best[k] = (l, i);
                        } else if l > second[k] {
                            second[k] = l;
                        }
                    }
                }
                (0..n)
                    .map(|i| {
                        if n == 1 {
                            return 0.0;
                        }
                        let without_i = best.iter().zip(&second).map(|(b, &s)| if b.1 == i { s } else { b.0 });
                        g.of_coverage(g.coverage(without_i))
                    })
                    .collect()
            }
            // v(N ∖ {i}) = v(N) − i's standalone value − the bonuses of i's pairs
            Game::Synergy(g) => {
                let grand = self.value_of(&(0..n).collect::<Vec<_>>());
                let mut own = g.standalone.clone();
                for &(a, b, x) in &g.pairs {
                    own[a] += x;
                    own[b] += x;
                }
                own.iter().map(|o| grand - o).collect()
            }
            Game::Table(_) => (0..n)
                .map(|i| self.value_of(&(0..n).filter(|&j| j != i).collect::<Vec<_>>()))
                .collect(),
        }
    }
}

impl LevelGame {
    /// §3 coverage of a coalition from its best level per requirement
    /// ([`crate::coverage::weighted_coverage`] with this game's weights).
    pub fn coverage(&self, best: impl Iterator<Item = f64>) -> f64 {
        weighted_coverage(self.weights.iter().copied().zip(best))
    }

    /// v from a coverage: `value × cov` or `value × P(cov)`.
    pub fn of_coverage(&self, cov: f64) -> f64 {
        match self.win {
            None => self.value * cov,
            Some(curve) => self.value * curve.p(cov),
        }
    }
}

impl SynergyGame {
    /// Each member's pairs as (other member, bonus).
    pub fn incident(&self) -> Vec<Vec<(usize, f64)>> {
        let mut adj = vec![Vec::new(); self.standalone.len()];
        for &(a, b, x) in &self.pairs {
            adj[a].push((b, x));
            adj[b].push((a, x));
        }
        adj
    }
}

impl TableGame {
    /// v of a coalition mask: listed, else the sum of its singletons.
    pub fn of_mask(&self, mask: u128) -> f64 {
        if mask == 0 {
            return 0.0;
        }
        match self.listed.get(&mask) {
            Some(&x) => x,
            None => (0..self.singles.len())
                .filter(|&i| mask >> i & 1 == 1)
                .map(|i| self.singles[i])
                .sum(),
        }
    }
}

/// Each member's position by its id.
pub(crate) fn member_index(members: &[String]) -> FxHashMap<&str, usize> {
    members.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect()
}

fn money_value(p: &mut Problems, v: Money, currency: &Currency, at: &str) -> Option<f64> {
    match v.check_minor(currency.minor_units(), at) {
        Ok(m) => m.0.to_f64(),
        Err(e) => {
            p.add(e);
            None
        }
    }
}
