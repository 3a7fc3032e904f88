//! A realistic synthetic `{ecosystem, profiles, deal}` generator for the page, tests and
//! benchmarks: partners of every kind and tier — specialists, strong in two capabilities their
//! kind is good at (so a team is worth more than its members alone) — with industries,
//! regions, certifications, metrics and accounts from a shared pool (so overlap exists),
//! relationships with joint history, trust and a few conflicts; three profiles and a
//! three-slot deal. Seeded (`ChaCha12Rng`): the same `partners` and `seed` give the same
//! sample bit for bit on every target.
//!
//! The profiles: `profiles[0]` is `cloud-si` — 9 criteria (every kind of criterion) and
//! two `require` clauses (`kinds: [si]`, `regionsAny: [EMEA, DACH]`), the profile of the
//! rank benchmark; `profiles[1]` is `isv-platform` (requires kind `isv`); `profiles[2]`
//! is `referral`. The deal has three slots — `isv` with `isv-platform`, `si` with
//! `cloud-si` (1–2 members), and an open `referral` slot (no profile, 0–1) — a
//! `maxTeamSize` of 4 and six weighted requirements (the teams benchmark's deal).

use crate::error::{DealteamError, Result};
use crate::model::{Deal, Ecosystem, Partner, Profile, Relationship, MAX_PARTNERS};
use crate::money::{Currency, Money};
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod scenario;
pub use scenario::{deal, profiles};

/// A generated sample: what `dealteam sample` prints.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Sample {
    /// The partners and their relationships.
    pub ecosystem: Ecosystem,
    /// Ideal Partner Profiles; `profiles[0]` (`cloud-si`) has 9 criteria and 2 require clauses.
    pub profiles: Vec<Profile>,
    /// A three-slot deal over the profiles.
    pub deal: Deal,
}

/// Partner kinds with their share of the ecosystem (percent).
const KINDS: [(&str, u32); 7] = [
    ("si", 25),
    ("reseller", 18),
    ("isv", 16),
    ("msp", 14),
    ("referral", 10),
    ("consultancy", 11),
    ("distributor", 6),
];
/// Tiers, lowest first, with their share (percent).
const TIERS: [(&str, u32); 4] = [("Registered", 45), ("Silver", 30), ("Gold", 18), ("Platinum", 7)];
/// Capability keys.
pub const CAPABILITIES: [&str; 8] = [
    "cloud",
    "security",
    "data",
    "ai",
    "integration",
    "support",
    "implementation",
    "marketing",
];
/// Industries and tiers as a partner manager writes them, like the regions.
const INDUSTRIES: [&str; 10] = [
    "Healthcare",
    "Finance",
    "Retail",
    "Manufacturing",
    "Public sector",
    "Energy",
    "Telecom",
    "Education",
    "Logistics",
    "Media",
];
/// The regions as a partner manager writes them (the planner shows them as they are).
const REGIONS: [&str; 9] = [
    "EMEA",
    "North America",
    "APAC",
    "Latin America",
    "DACH",
    "Nordics",
    "UK & Ireland",
    "Benelux",
    "ANZ",
];
const CERTIFICATIONS: [&str; 8] = [
    "iso27001",
    "soc2",
    "aws-advanced",
    "azure-expert",
    "gcp-partner",
    "sap-gold",
    "salesforce-consulting",
    "hipaa",
];
const NAME_A: [&str; 12] = [
    "Acme", "Blue", "Nordic", "Summit", "Bright", "Iron", "Cedar", "Orbit", "Delta", "Harbor", "Vertex", "Quartz",
];
const NAME_B: [&str; 10] = [
    "Cloud",
    "Data",
    "Systems",
    "Logic",
    "Works",
    "Labs",
    "Digital",
    "Networks",
    "Solutions",
    "Partners",
];

/// Typical capability levels of each kind, in the order of [`CAPABILITIES`].
fn kind_profile(kind: &str) -> [f64; 8] {
    match kind {
        "si" => [0.7, 0.5, 0.5, 0.4, 0.7, 0.4, 0.8, 0.3],
        "isv" => [0.6, 0.4, 0.7, 0.6, 0.5, 0.5, 0.3, 0.4],
        "msp" => [0.7, 0.6, 0.3, 0.2, 0.4, 0.8, 0.5, 0.2],
        "reseller" => [0.4, 0.3, 0.2, 0.2, 0.3, 0.5, 0.3, 0.7],
        "referral" => [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.1, 0.7],
        "consultancy" => [0.5, 0.5, 0.7, 0.6, 0.4, 0.3, 0.6, 0.3],
        _ => [0.3, 0.2, 0.2, 0.1, 0.3, 0.6, 0.2, 0.6],
    }
}

/// Generate a sample with `partners` partners from `seed` (1 ..= 1,000,000 partners).
pub fn generate(partners: usize, seed: u64) -> Result<Sample> {
    if partners == 0 {
        return Err(DealteamError::invalid("partners", "a sample needs at least 1 partner"));
    }
    if partners > MAX_PARTNERS {
        return Err(DealteamError::too_large("partners", "partners", MAX_PARTNERS, partners));
    }
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let pool = partners.saturating_mul(2).max(200);
    let list: Vec<Partner> = (0..partners).map(|i| partner(&mut rng, i, pool)).collect();
    let relationships = relationships(&mut rng, partners);
    let ecosystem = Ecosystem {
        currency: Some(Currency::eur()),
        tiers: TIERS.iter().map(|t| t.0.to_string()).collect(),
        partners: list,
        relationships,
    };
    Ok(Sample {
        ecosystem,
        profiles: profiles(),
        deal: deal(),
    })
}

/// One name of `items`, drawn with probability proportional to its weight
/// (`rand`'s `WeightedIndex`; the weights are constants, never all zero).
fn pick_weighted<'a>(rng: &mut ChaCha12Rng, items: &[(&'a str, u32)]) -> &'a str {
    WeightedIndex::new(items.iter().map(|x| x.1))
        .ok()
        .and_then(|w| items.get(w.sample(rng)))
        .map_or("", |x| x.0)
}

/// `k` distinct items of `from` (1 ..= `max`), in `from`'s order.
fn pick_some(rng: &mut ChaCha12Rng, from: &[&str], min: usize, max: usize) -> Vec<String> {
    let k = rng.random_range(min..=max);
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while chosen.len() < k.min(from.len()) {
        let i = rng.random_range(0..from.len());
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .filter_map(|i| from.get(i).map(|s| s.to_string()))
        .collect()
}

/// Round to `dp` decimals (exact and identical on every target).
fn round(x: f64, dp: i32) -> f64 {
    let f = match dp {
        ..=0 => 1.0,
        1 => 10.0,
        2 => 100.0,
        _ => 1000.0,
    };
    (x * f).round() / f
}

// the draw is below 6·10⁶, so ·100 stays far inside i64
#[allow(clippy::arithmetic_side_effects)]
fn partner(rng: &mut ChaCha12Rng, i: usize, pool: usize) -> Partner {
    let kind = pick_weighted(rng, &KINDS);
    let tier_i = {
        let t = pick_weighted(rng, &TIERS);
        TIERS.iter().position(|x| x.0 == t).unwrap_or(0)
    };
    let capabilities = specialist(rng, kind, tier_i);
    let mut metrics = BTreeMap::new();
    let mut put = |rng: &mut ChaCha12Rng, k: &str, v: f64| {
        if rng.random_bool(0.92) {
            metrics.insert(k.to_string(), v);
        }
    };
    let u = rng.random::<f64>();
    put(rng, "winRate", round(0.08 + 0.5 * u * (0.6 + 0.1 * tier_i as f64), 3));
    let size = libm::exp(9.0 + 2.5 * rng.random::<f64>() + 0.3 * tier_i as f64);
    put(rng, "avgDealSize", round(size, 0));
    let cycle = rng.random_range(20..=240) as f64;
    put(rng, "salesCycleDays", cycle);
    let psat = round(3.0 + 2.0 * rng.random::<f64>(), 1);
    put(rng, "psat", psat);
    let cac = round(500.0 + 20000.0 * rng.random::<f64>(), 0);
    put(rng, "cac", cac);
    let cltv = round(cac * (1.0 + 8.0 * rng.random::<f64>()), 0);
    put(rng, "cltv", cltv);
    // accounts from a shared pool, popular ones more often (u²), so partners overlap
    let n_acc = (rng.random::<f64>() * rng.random::<f64>() * 50.0) as usize;
    let mut accounts: Vec<usize> = (0..n_acc)
        .map(|_| {
            let u = rng.random::<f64>();
            (u * u * pool as f64) as usize
        })
        .collect();
    accounts.sort_unstable();
    accounts.dedup();
    let cost = Decimal::new(rng.random_range(100_000..6_000_000i64) / 100 * 100, 2);
    Partner {
        id: format!("p{i:06}"),
        name: format!(
            "{} {} {}",
            NAME_A
                .get(rng.random_range(0..NAME_A.len()))
                .copied()
                .unwrap_or_default(),
            NAME_B
                .get(rng.random_range(0..NAME_B.len()))
                .copied()
                .unwrap_or_default(),
            i
        ),
        kind: kind.to_string(),
        tier: TIERS.get(tier_i).map(|t| t.0.to_string()),
        capabilities,
        industries: pick_some(rng, &INDUSTRIES, 1, 3),
        regions: pick_some(rng, &REGIONS, 1, 3),
        certifications: pick_some(rng, &CERTIFICATIONS, 0, 3),
        metrics,
        accounts: accounts.into_iter().map(|a| format!("acct-{a:06}").into()).collect(),
        cost_to_serve: Some(Money(cost)),
    }
}

/// A partner's capabilities: strong in two capabilities its kind is good at (drawn by the
/// kind's typical levels), modest elsewhere. Specialists complement each other — a team
/// covers what none of its members covers alone — which is what P2P collaboration is about.
fn specialist(rng: &mut ChaCha12Rng, kind: &str, tier_i: usize) -> BTreeMap<String, f64> {
    let base = kind_profile(kind);
    let mut focus: Vec<usize> = Vec::with_capacity(2);
    if let Ok(w) = WeightedIndex::new(base.iter().map(|b| b * b)) {
        while focus.len() < 2 {
            let i = w.sample(rng);
            if !focus.contains(&i) {
                focus.push(i);
            }
        }
    }
    let mut capabilities = BTreeMap::new();
    for (i, (c, b)) in CAPABILITIES.iter().zip(base).enumerate() {
        let noise = (rng.random::<f64>() + rng.random::<f64>() - 1.0) * 0.15;
        let v = if focus.contains(&i) {
            0.72 + 0.25 * rng.random::<f64>() + 0.02 * tier_i as f64
        } else if rng.random_bool(0.8) {
            0.3 * b + noise + 0.02 * tier_i as f64
        } else {
            continue;
        };
        capabilities.insert(c.to_string(), round(v.clamp(0.0, 1.0), 2));
    }
    capabilities
}

/// About three relationships per partner: random distinct pairs with joint deals,
/// wins, sometimes a trust score, and about 3% in channel conflict.
fn relationships(rng: &mut ChaCha12Rng, n: usize) -> Vec<Relationship> {
    if n < 2 {
        return Vec::new();
    }
    // in u64: n ≤ MAX_PARTNERS pairs overflow wasm32's usize; the result ≤ 1.5·10⁶ fits
    let n64 = n as u64;
    let want = (n64.saturating_mul(3) / 2).min(n64.saturating_mul(n64.saturating_sub(1)) / 2) as usize;

    let mut seen = FxHashSet::with_capacity_and_hasher(want, Default::default());
    let mut out = Vec::with_capacity(want);
    while out.len() < want {
        let (a, b) = (rng.random_range(0..n), rng.random_range(0..n));
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        let u = rng.random::<f64>();
        let deals = (u * u * 20.0) as u32;
        let wins = (0..deals).filter(|_| rng.random_bool(0.35)).count() as u32;
        let trust = rng.random_bool(0.3).then(|| round(-0.5 + 1.5 * rng.random::<f64>(), 2));
        out.push(Relationship {
            a: format!("p{a:06}"),
            b: format!("p{b:06}"),
            joint_deals: Some(deals),
            joint_wins: Some(wins),
            trust,
            conflict: rng.random_bool(0.03),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CriterionKind;

    #[test]
    fn a_sample_is_valid_and_deterministic() {
        let s = generate(500, 9).unwrap();
        s.ecosystem.validate().unwrap();
        for (i, p) in s.profiles.iter().enumerate() {
            p.validate(&format!("profiles[{i}]"), &s.ecosystem.tiers).unwrap();
        }
        s.deal.validate("deal").unwrap();
        for slot in &s.deal.slots {
            if let Some(id) = &slot.profile {
                assert!(s.profiles.iter().any(|p| &p.id == id));
            }
        }
        assert_eq!(s.ecosystem.partners.len(), 500);
        assert_eq!(s.ecosystem.relationships.len(), 750);
        assert!(s.ecosystem.relationships.iter().any(|r| r.conflict));
        assert_eq!(generate(500, 9).unwrap(), s);
        assert_ne!(generate(500, 10).unwrap().ecosystem, s.ecosystem);
        // every kind appears, and accounts overlap between partners
        for (k, _) in KINDS {
            assert!(s.ecosystem.partners.iter().any(|p| p.kind == k), "{k}");
        }
        let mut seen = FxHashSet::default();
        let shared = s
            .ecosystem
            .partners
            .iter()
            .flat_map(|p| p.accounts.iter().map(|a| a.id()))
            .filter(|a| !seen.insert(*a))
            .count();
        assert!(shared > 100);
    }

    /// Every criterion of the sample's profiles and every requirement of its deal names a
    /// capability, industry, region, certification or figure some partner has (written as the
    /// partners write it: matching is exact), so none scores every partner 0.
    #[test]
    fn the_profiles_and_the_deal_ask_for_what_partners_have() {
        let s = generate(300, 1).unwrap();
        let ps = &s.ecosystem.partners;
        for p in &s.profiles {
            for c in &p.criteria {
                let Some(k) = c.key.as_deref() else { continue };
                let held = ps.iter().any(|x| match c.kind {
                    CriterionKind::Capability => x.capabilities.contains_key(k),
                    CriterionKind::Industry => x.industries.iter().any(|i| i == k),
                    CriterionKind::Region => x.regions.iter().any(|i| i == k),
                    CriterionKind::Certification => x.certifications.iter().any(|i| i == k),
                    CriterionKind::Metric => x.metrics.contains_key(k),
                    _ => true,
                });
                assert!(held, "profile {}: no partner has {:?} {k:?}", p.id, c.kind);
            }
        }
        for r in &s.deal.requirements {
            assert!(
                ps.iter().any(|x| x.capabilities.contains_key(&r.capability)),
                "{}",
                r.capability
            );
        }
    }

    /// The default sample tells the P2P story (issue 11): the best team for its deal is worth
    /// more together than its members alone — the ecosystem multiplier of the deal's
    /// win-probability game (SPEC §5) is above 1 — for the page's sample and a few others.
    #[test]
    fn the_best_team_is_worth_more_together() {
        use crate::api::run_json;
        use crate::clock::Ctx;
        use serde_json::{json, Value};
        let run = |cmd: &str, req: Value| -> Value {
            serde_json::from_str(&run_json(cmd, &req.to_string(), false, &Ctx::frozen()).unwrap()).unwrap()
        };
        for seed in [1, 2, 3] {
            let s = generate(300, seed).unwrap();
            let teams = run(
                "teams",
                json!({"ecosystem": s.ecosystem, "profiles": s.profiles, "deal": s.deal, "k": 1}),
            );
            let members = teams["teams"][0]["members"].clone();
            let r = run(
                "split",
                json!({"amount": "1200000.00", "currency": "EUR", "members": members,
                    "ecosystem": s.ecosystem, "deal": s.deal, "model": "shapley",
                    "game": {"kind": "winProbability"}}),
            );
            let m = r["fairness"]["multiplier"].as_f64().unwrap_or(f64::INFINITY);
            assert!(m > 1.2, "seed {seed}: multiplier {m} of team {members}");
        }
    }

    #[test]
    fn tiny_and_bad_sizes() {
        let one = generate(1, 0).unwrap();
        assert_eq!(one.ecosystem.partners.len(), 1);
        assert!(one.ecosystem.relationships.is_empty());
        assert_eq!(generate(2, 0).unwrap().ecosystem.relationships.len(), 1);
        assert_eq!(generate(0, 0).unwrap_err().code, crate::ErrorCode::InvalidValue);
    }
}
