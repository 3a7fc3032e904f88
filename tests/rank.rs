#![cfg(not(target_arch = "wasm32"))]
//! SPEC §2 — IPP fit and ranking: hand-computed fits per criterion kind, the ranking
//! order (eligible first, fit descending, near-ties by id), limits and explanations,
//! and properties: the column index agrees bit for bit with the scalar `fit::fit`.

use dealteam::fit::{self, Tiers};
use dealteam::model::{Criterion, CriterionKind, Ecosystem, Partner, Profile, Require};
use dealteam::rank::{EcosystemIndex, RankOptions};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn crit(kind: CriterionKind, key: Option<&str>, weight: f64) -> Criterion {
    Criterion::new(kind, key, weight)
}

fn profile(criteria: Vec<Criterion>, require: Option<Require>) -> Profile {
    Profile {
        id: "p".into(),
        name: "P".into(),
        role: None,
        require,
        criteria,
    }
}

fn partner(id: &str) -> Partner {
    Partner {
        id: id.into(),
        name: id.to_uppercase(),
        kind: "si".into(),
        ..Default::default()
    }
}

fn eco(partners: Vec<Partner>) -> EcosystemIndex {
    let tiers = ["registered", "silver", "gold", "platinum"].map(String::from).to_vec();
    EcosystemIndex::new(Ecosystem {
        currency: None,
        tiers,
        partners,
        relationships: vec![],
    })
    .unwrap()
}

/// The fit of each partner id, from `rank` with every row.
fn fits(index: &EcosystemIndex, p: &Profile) -> BTreeMap<String, f64> {
    let all = RankOptions {
        limit: Some(0),
        explain: Some(false),
    };
    index
        .rank(p, &all)
        .unwrap()
        .results
        .into_iter()
        .map(|r| (r.partner_id, r.fit))
        .collect()
}

fn ids(index: &EcosystemIndex, p: &Profile) -> Vec<String> {
    let all = RankOptions {
        limit: Some(0),
        explain: Some(false),
    };
    index
        .rank(p, &all)
        .unwrap()
        .results
        .into_iter()
        .map(|r| r.partner_id)
        .collect()
}

#[test]
fn capability_score_is_level_over_target_capped_at_one() {
    let mut a = partner("a");
    a.capabilities.insert("cloud".into(), 0.6);
    let mut b = partner("b");
    b.capabilities.insert("cloud".into(), 0.9);
    let c = partner("c"); // no cloud: 0
    let ix = eco(vec![a, b, c]);
    let p = profile(
        vec![Criterion {
            target: Some(0.8),
            ..crit(CriterionKind::Capability, Some("cloud"), 2.0)
        }],
        None,
    );
    let f = fits(&ix, &p);
    assert!((f["a"] - 0.75).abs() < 1e-15); // 0.6 / 0.8
    assert_eq!(f["b"], 1.0);
    assert_eq!(f["c"], 0.0);
}

#[test]
fn listed_scores_are_one_or_zero() {
    let mut a = partner("a");
    a.industries = vec!["health".into()];
    a.regions = vec!["emea".into()];
    let mut b = partner("b");
    b.certifications = vec!["iso27001".into()];
    b.regions = vec!["na".into()];
    let ix = eco(vec![a, b]);
    let p = profile(
        vec![
            crit(CriterionKind::Industry, Some("health"), 1.0),
            crit(CriterionKind::Region, Some("emea"), 1.0),
            crit(CriterionKind::Certification, Some("iso27001"), 2.0),
        ],
        None,
    );
    let f = fits(&ix, &p);
    assert_eq!(f["a"], 2.0 / 4.0);
    assert_eq!(f["b"], 2.0 / 4.0);
}

#[test]
fn tier_score_is_index_over_len_minus_one() {
    let mut ps = Vec::new();
    for (id, t) in [
        ("r", Some("registered")),
        ("s", Some("silver")),
        ("g", Some("gold")),
        ("p", Some("platinum")),
        ("n", None),
    ] {
        let mut x = partner(id);
        x.tier = t.map(String::from);
        ps.push(x);
    }
    let ix = eco(ps);
    let f = fits(&ix, &profile(vec![crit(CriterionKind::Tier, None, 1.0)], None));
    assert_eq!(
        (f["r"], f["s"], f["g"], f["p"], f["n"]),
        (0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0, 0.0)
    );
    // a single tier scores 1
    let one = Tiers::new(&["only".to_string()]);
    assert_eq!(one.score(Some("only")), 1.0);
    assert_eq!(one.score(None), 0.0);
}

#[test]
fn metric_score_is_clamped_and_lower_can_be_better() {
    let mk = |id: &str, days: Option<f64>| {
        let mut x = partner(id);
        if let Some(d) = days {
            x.metrics.insert("salesCycleDays".into(), d);
        }
        x
    };
    let ix = eco(vec![
        mk("a", Some(90.0)),
        mk("b", Some(20.0)),
        mk("c", Some(400.0)),
        mk("d", None),
    ]);
    let c = Criterion {
        good: Some(30.0),
        bad: Some(180.0),
        ..crit(CriterionKind::Metric, Some("salesCycleDays"), 1.0)
    };
    let f = fits(&ix, &profile(vec![c], None));
    assert!((f["a"] - 0.6).abs() < 1e-15); // (90−180)/(30−180)
    assert_eq!((f["b"], f["c"], f["d"]), (1.0, 0.0, 0.0));
}

#[test]
fn reach_score_is_account_count_over_good() {
    let mut a = partner("a");
    a.accounts = vec!["x".into(), "y".into()];
    let mut b = partner("b");
    b.accounts = (0..9).map(|i| format!("acc{i}").into()).collect();
    let ix = eco(vec![a, b, partner("c")]);
    let f = fits(
        &ix,
        &profile(
            vec![Criterion {
                good: Some(8.0),
                ..crit(CriterionKind::Reach, None, 1.0)
            }],
            None,
        ),
    );
    assert_eq!((f["a"], f["b"], f["c"]), (0.25, 1.0, 0.0));
}

#[test]
fn weighted_fit_hand_computed() {
    let mut a = partner("a");
    a.capabilities.insert("cloud".into(), 0.5);
    a.tier = Some("gold".into());
    a.metrics.insert("winRate".into(), 0.3);
    let ix = eco(vec![a]);
    let p = profile(
        vec![
            crit(CriterionKind::Capability, Some("cloud"), 3.0), // 0.5
            crit(CriterionKind::Tier, None, 1.0),                // 2/3
            Criterion {
                good: Some(0.5),
                bad: Some(0.1),
                ..crit(CriterionKind::Metric, Some("winRate"), 2.0)
            }, // 0.5
            crit(CriterionKind::Industry, Some("unknown-key"), 2.0), // 0: unknown keys score 0
        ],
        None,
    );
    let want = (3.0 * 0.5 + 2.0 / 3.0 + 2.0 * 0.5) / 8.0;
    assert!((fits(&ix, &p)["a"] - want).abs() < 1e-15);
    let r = ix.rank(&p, &RankOptions::default()).unwrap();
    let b = r.results[0].breakdown.as_ref().unwrap();
    assert_eq!(b.len(), 4);
    assert_eq!(b[0].criterion, "capability:cloud");
    assert_eq!((b[0].score, b[0].weight, b[0].share), (0.5, 3.0, 1.5 / 8.0));
    assert_eq!(b[3].score, 0.0);
    let sum: f64 = b.iter().map(|x| x.share).sum();
    assert!((sum - r.results[0].fit).abs() < 1e-15);
}

#[test]
fn eligible_first_then_fit_then_id_for_ties() {
    let mk = |id: &str, kind: &str, cloud: f64| {
        let mut x = partner(id);
        x.kind = kind.into();
        x.capabilities.insert("cloud".into(), cloud);
        x
    };
    // c, a tie exactly (0.5); e differs by 5e-10 (a near-tie) from them; d is ineligible but best
    let ix = eco(vec![
        mk("c", "si", 0.5),
        mk("a", "si", 0.5),
        mk("e", "si", 0.5 + 5e-10),
        mk("d", "isv", 1.0),
        mk("b", "si", 0.7),
        mk("f", "isv", 0.1),
    ]);
    let req = Require {
        kinds: Some(vec!["si".into()]),
        ..Default::default()
    };
    let p = profile(vec![crit(CriterionKind::Capability, Some("cloud"), 1.0)], Some(req));
    assert_eq!(ids(&ix, &p), ["b", "a", "c", "e", "d", "f"]);
    let r = ix.rank(&p, &RankOptions::default()).unwrap();
    assert!(r.results[3].eligible && r.results[0].failed.is_empty());
    assert!(!r.results[4].eligible);
    assert_eq!(r.results[4].failed, ["kinds"]);
    assert_eq!(r.results[4].fit, 1.0); // an ineligible partner is still scored
}

#[test]
fn failed_clauses_are_listed_by_name() {
    let mut a = partner("a");
    a.tier = Some("silver".into());
    a.regions = vec!["na".into()];
    a.capabilities.insert("cloud".into(), 0.3);
    a.metrics.insert("cac".into(), 900.0);
    let ix = eco(vec![a]);
    let req = Require {
        kinds: Some(vec!["isv".into()]),
        min_tier: Some("gold".into()),
        regions_any: Some(vec!["emea".into(), "dach".into()]),
        industries_any: Some(vec!["health".into()]),
        certifications_all: Some(vec!["iso27001".into()]),
        capabilities_min: Some([("cloud".to_string(), 0.5), ("ai".to_string(), 0.0)].into()),
        metrics_min: Some([("winRate".to_string(), 0.2)].into()),
        metrics_max: Some([("cac".to_string(), 500.0)].into()),
    };
    let p = profile(vec![crit(CriterionKind::Tier, None, 1.0)], Some(req));
    let r = ix.rank(&p, &RankOptions::default()).unwrap();
    assert_eq!(
        r.results[0].failed,
        [
            "kinds",
            "minTier",
            "regionsAny",
            "industriesAny",
            "certificationsAll",
            "capabilitiesMin.cloud",
            "metricsMin.winRate",
            "metricsMax.cac"
        ]
    );
    assert!(!r.results[0].eligible);
}

/// Rows as columns find each distinct failed list by its bits up to 64 clauses (5 named +
/// 50 minimums here) and by its names beyond (70): both give `rank`'s lists, and partners
/// failing the same clauses share one.
#[test]
fn columns_list_failed_clauses_beyond_64_clauses() {
    for clauses in [50usize, 70] {
        let ps: Vec<Partner> = (0..40)
            .map(|i| {
                let mut x = partner(&format!("p{i:02}"));
                for c in 0..clauses {
                    x.capabilities
                        .insert(format!("c{c:02}"), if (i + c) % 4 == 0 { 0.1 } else { 0.9 });
                }
                x
            })
            .collect();
        let ix = eco(ps);
        let req = Require {
            capabilities_min: Some((0..clauses).map(|c| (format!("c{c:02}"), 0.5)).collect()),
            ..Default::default()
        };
        let p = profile(vec![crit(CriterionKind::Tier, None, 1.0)], Some(req));
        let opts = RankOptions {
            limit: Some(0),
            explain: Some(false),
        };
        let rows = ix.rank(&p, &opts).unwrap().results;
        let c = ix.rank_columns(&p, &opts).unwrap();
        for (r, row) in rows.iter().enumerate() {
            assert_eq!(
                c.failed_lists[c.failed[r] as usize], row.failed,
                "{clauses} clauses, row {r}"
            );
            assert!(!row.failed.is_empty());
        }
        // partner i fails the capabilities c with (i + c) % 4 == 0: four distinct lists
        assert_eq!(c.failed_lists.len(), 1 + 4, "{clauses} clauses");
    }
}

#[test]
fn limit_default_zero_and_explain() {
    let ps: Vec<Partner> = (0..150).map(|i| partner(&format!("p{i:03}"))).collect();
    let ix = eco(ps);
    let p = profile(vec![crit(CriterionKind::Tier, None, 1.0)], None);
    assert_eq!(ix.rank(&p, &RankOptions::default()).unwrap().results.len(), 100);
    assert_eq!(
        ix.rank(
            &p,
            &RankOptions {
                limit: Some(0),
                explain: None
            }
        )
        .unwrap()
        .results
        .len(),
        150
    );
    let r = ix
        .rank(
            &p,
            &RankOptions {
                limit: Some(3),
                explain: Some(false),
            },
        )
        .unwrap();
    assert_eq!(r.results.len(), 3);
    assert!(r.results[0].breakdown.is_none());
    // all fits tie (0): order by id
    assert_eq!(
        r.results.iter().map(|x| x.partner_id.as_str()).collect::<Vec<_>>(),
        ["p000", "p001", "p002"]
    );
}

#[test]
fn bad_profile_is_rejected_with_its_path() {
    let ix = eco(vec![partner("a")]);
    let mut p = profile(vec![crit(CriterionKind::Capability, Some("cloud"), 0.0)], None);
    let e = ix.rank(&p, &RankOptions::default()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "profile.criteria[0].weight")
    );
    p.criteria[0].weight = 1.0;
    p.require = Some(Require {
        min_tier: Some("diamond".into()),
        ..Default::default()
    });
    let e = ix.rank(&p, &RankOptions::default()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_value", "profile.require.minTier")
    );
}

/// Reference order written independently: sort by (eligible, fit desc, id), then chain
/// neighbours within 1e-9 of one eligibility into groups ordered by id.
fn reference_order(e: &Ecosystem, p: &Profile) -> Vec<String> {
    let tiers = Tiers::new(&e.tiers);
    let mut rows: Vec<(bool, f64, String)> = e
        .partners
        .iter()
        .map(|x| (fit::eligible(p, x, &tiers), fit::fit(p, x, &tiers), x.id.clone()))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<String> = Vec::new();
    let mut group: Vec<(bool, f64, String)> = Vec::new();
    for r in rows {
        if let Some(last) = group.last() {
            if last.0 != r.0 || (last.1 - r.1).abs() >= 1e-9 {
                group.sort_by(|a, b| a.2.cmp(&b.2));
                out.extend(group.drain(..).map(|g| g.2));
            }
        }
        group.push(r);
    }
    group.sort_by(|a, b| a.2.cmp(&b.2));
    out.extend(group.into_iter().map(|g| g.2));
    out
}

#[test]
fn large_sample_orders_like_the_reference() {
    // 3000 partners: the full order goes through the radix sort, the top rows through selection
    let s = dealteam::sample::generate(3000, 7).unwrap();
    let ix = EcosystemIndex::new(s.ecosystem.clone()).unwrap();
    for p in &s.profiles {
        let want = reference_order(&s.ecosystem, p);
        assert_eq!(ids(&ix, p), want, "profile {}", p.id);
        let top: Vec<String> = ix
            .rank(
                p,
                &RankOptions {
                    limit: Some(50),
                    explain: Some(true),
                },
            )
            .unwrap()
            .results
            .into_iter()
            .map(|r| r.partner_id)
            .collect();
        assert_eq!(top, want[..50]);
    }
}

fn arb_partner(i: usize) -> impl Strategy<Value = Partner> {
    let caps = prop::collection::btree_map(
        prop::sample::select(vec!["cloud", "ai", "data"]).prop_map(String::from),
        prop_oneof![prop::sample::select(vec![0.0, 0.25, 0.5, 1.0]), 0.0..=1.0f64],
        0..3,
    );
    let list = |xs: Vec<&'static str>| prop::collection::vec(prop::sample::select(xs).prop_map(String::from), 0..3);
    let metrics = prop::collection::btree_map(
        prop::sample::select(vec!["winRate", "cac"]).prop_map(String::from),
        prop_oneof![Just(0.3), -10.0..1000.0f64],
        0..2,
    );
    (
        prop::sample::select(vec!["si", "isv", "msp"]),
        prop::option::of(prop::sample::select(vec!["registered", "silver", "gold", "platinum"])),
        caps,
        list(vec!["health", "retail"]),
        list(vec!["emea", "na", "apac"]),
        list(vec!["iso", "soc2"]),
        metrics,
        0..6usize,
    )
        .prop_map(
            move |(kind, tier, capabilities, industries, regions, certifications, metrics, acc)| Partner {
                id: format!("id{}", (i * 7919) % 101),
                name: format!("n{i}"),
                kind: kind.into(),
                tier: tier.map(String::from),
                capabilities,
                industries,
                regions,
                certifications,
                metrics,
                accounts: (0..acc).map(|a| format!("a{a}").into()).collect(),
                cost_to_serve: None,
            },
        )
}

fn arb_criterion() -> impl Strategy<Value = Criterion> {
    let w = prop_oneof![prop::sample::select(vec![0.5, 1.0, 2.0, 3.0]), 0.01..10.0f64];
    prop_oneof![
        (
            prop::sample::select(vec!["cloud", "ai", "nope"]),
            prop::option::of(0.1..1.5f64)
        )
            .prop_map(|(k, t)| Criterion {
                target: t,
                ..crit(CriterionKind::Capability, Some(k), 1.0)
            }),
        prop::sample::select(vec!["health", "retail"]).prop_map(|k| crit(CriterionKind::Industry, Some(k), 1.0)),
        prop::sample::select(vec!["emea", "na"]).prop_map(|k| crit(CriterionKind::Region, Some(k), 1.0)),
        prop::sample::select(vec!["iso", "soc2"]).prop_map(|k| crit(CriterionKind::Certification, Some(k), 1.0)),
        Just(crit(CriterionKind::Tier, None, 1.0)),
        (
            prop::sample::select(vec!["winRate", "cac"]),
            -50.0..50.0f64,
            -50.0..50.0f64
        )
            .prop_filter("good != bad", |(_, g, b)| g != b)
            .prop_map(|(k, g, b)| Criterion {
                good: Some(g),
                bad: Some(b),
                ..crit(CriterionKind::Metric, Some(k), 1.0)
            }),
        (0.5..8.0f64).prop_map(|g| Criterion {
            good: Some(g),
            ..crit(CriterionKind::Reach, None, 1.0)
        }),
    ]
    .prop_flat_map(move |c| w.clone().prop_map(move |w| Criterion { weight: w, ..c.clone() }))
}

fn arb_require() -> impl Strategy<Value = Option<Require>> {
    let names = |xs: Vec<&'static str>| {
        prop::option::of(prop::collection::vec(
            prop::sample::select(xs).prop_map(String::from),
            0..3,
        ))
    };
    let bound = |keys: Vec<&'static str>, lo: f64, hi: f64| {
        prop::option::of(prop::collection::btree_map(
            prop::sample::select(keys).prop_map(String::from),
            lo..hi,
            1..3,
        ))
    };
    prop::option::of(
        (
            prop::option::of(Just(vec!["si".to_string(), "isv".to_string()])),
            prop::option::of(prop::sample::select(vec!["silver", "gold"]).prop_map(String::from)),
            prop::option::of(Just(vec!["emea".to_string()])),
            names(vec!["health", "retail", "space"]),
            names(vec!["iso", "soc2", "pci"]),
            bound(vec!["cloud", "ai", "nope"], 0.0, 0.8),
            bound(vec!["winRate", "cac", "psat"], -5.0, 50.0),
            bound(vec!["cac", "nps"], -5.0, 50.0),
        )
            .prop_map(
                |(kinds, min_tier, regions_any, industries_any, certs, cap, mmin, mmax)| Require {
                    kinds,
                    min_tier,
                    regions_any,
                    industries_any,
                    certifications_all: certs,
                    capabilities_min: cap,
                    metrics_min: mmin,
                    metrics_max: mmax,
                },
            ),
    )
}

fn arb_case() -> impl Strategy<Value = (Ecosystem, Profile)> {
    let partners = (1..40usize).prop_flat_map(|n| (0..n).map(arb_partner).collect::<Vec<_>>());
    let prof = (prop::collection::vec(arb_criterion(), 1..7), arb_require()).prop_map(|(c, r)| profile(c, r));
    (partners, prof).prop_map(|(mut ps, p)| {
        let mut seen = std::collections::HashSet::new();
        ps.retain(|x| seen.insert(x.id.clone()));
        let tiers = ["registered", "silver", "gold", "platinum"].map(String::from).to_vec();
        (
            Ecosystem {
                currency: None,
                tiers,
                partners: ps,
                relationships: vec![],
            },
            p,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn index_agrees_with_scalar_fit((e, p) in arb_case()) {
        let ix = EcosystemIndex::new(e.clone()).unwrap();
        let tiers = Tiers::new(&e.tiers);
        let ranking = ix.order(&p).unwrap();
        for (i, x) in e.partners.iter().enumerate() {
            let f = ranking.scores.fit[i];
            prop_assert!((0.0..=1.0).contains(&f));
            prop_assert_eq!(f.to_bits(), fit::fit(&p, x, &tiers).to_bits());
            prop_assert_eq!(ranking.scores.eligible[i], fit::eligible(&p, x, &tiers));
        }
        let got: Vec<String> = ranking.order.iter().map(|&i| e.partners[i as usize].id.clone()).collect();
        prop_assert_eq!(got, reference_order(&e, &p));
    }

    #[test]
    fn top_rows_are_the_prefix_and_shares_add_up((e, p) in arb_case(), k in 1..10usize) {
        let ix = EcosystemIndex::new(e.clone()).unwrap();
        let full = reference_order(&e, &p);
        let r = ix.rank(&p, &RankOptions { limit: Some(k), explain: Some(true) }).unwrap();
        let got: Vec<String> = r.results.iter().map(|x| x.partner_id.clone()).collect();
        prop_assert_eq!(&got[..], &full[..k.min(full.len())]);
        for row in &r.results {
            let sum: f64 = row.breakdown.as_ref().unwrap().iter().map(|b| b.share).sum();
            prop_assert!((sum - row.fit).abs() < 1e-12);
            prop_assert_eq!(row.eligible, row.failed.is_empty());
        }
    }

    #[test]
    fn failed_clauses_of_every_row_are_the_models((e, p) in arb_case()) {
        let ix = EcosystemIndex::new(e.clone()).unwrap();
        let tiers = Tiers::new(&e.tiers);
        let by_id: BTreeMap<&str, &Partner> = e.partners.iter().map(|x| (x.id.as_str(), x)).collect();
        for explain in [false, true] {
            let r = ix.rank(&p, &RankOptions { limit: Some(0), explain: Some(explain) }).unwrap();
            prop_assert_eq!(r.results.len(), e.partners.len());
            for row in &r.results {
                let want = match &p.require {
                    Some(req) => fit::failed_clauses(req, by_id[row.partner_id.as_str()], &tiers),
                    None => Vec::new(),
                };
                prop_assert_eq!(&row.failed, &want);
                prop_assert_eq!(row.eligible, want.is_empty());
            }
        }
    }

    #[test]
    fn columns_are_the_rows_without_breakdowns((e, p) in arb_case(), limit in 0..12usize) {
        let ix = EcosystemIndex::new(e).unwrap();
        let opts = RankOptions { limit: Some(limit), explain: Some(false) };
        let rows = ix.rank(&p, &opts).unwrap().results;
        let c = ix.rank_columns(&p, &opts).unwrap();
        prop_assert_eq!(c.partners.len(), rows.len());
        prop_assert!(c.failed_lists[0].is_empty());
        let mut lists = c.failed_lists.clone();
        lists.sort();
        lists.dedup();
        prop_assert_eq!(lists.len(), c.failed_lists.len(), "each list once");
        for (r, row) in rows.iter().enumerate() {
            prop_assert_eq!(ix.id(c.partners[r] as usize), row.partner_id.as_str());
            // the response writes fits to 12 significant digits: the column holds that number
            let written: f64 = serde_json::to_value(row).unwrap()["fit"].as_f64().unwrap();
            prop_assert_eq!(c.fit[r].to_bits(), written.to_bits());
            prop_assert_eq!(c.eligible[r] == 1, row.eligible);
            prop_assert_eq!(&c.failed_lists[c.failed[r] as usize], &row.failed);
        }
    }
}
