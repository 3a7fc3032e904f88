#![cfg(not(target_arch = "wasm32"))]
//! What a screen asks of an indexed ecosystem (`rank::views`, `rank::list`,
//! `rank::document`): pages of partners, whole and as a list shows them, the filter, the
//! facets and summary, a team's members for a split, and opening a file that holds an
//! ecosystem. Each is compared with the same question answered on the serde model, as the
//! planner answered it before it kept only the index.

use dealteam::api::run_json;
use dealteam::clock::Ctx;
use dealteam::model::{Ecosystem, Partner};
use dealteam::rank::{EcosystemIndex, PartnerFilter};
use dealteam::ErrorCode;
use proptest::prelude::*;
use serde_json::{json, Value};

fn index(eco: &Ecosystem) -> EcosystemIndex {
    EcosystemIndex::from_json(&serde_json::to_string(eco).expect("json")).expect("valid")
}

fn sample(n: usize, seed: u64) -> Ecosystem {
    dealteam::sample::generate(n, seed).expect("sample").ecosystem
}

/// The filter as the planner's worker ran it on the partners (JavaScript's `toLowerCase`
/// and `includes`; Rust's `to_lowercase` maps the same letters for these names).
fn filter_by_model(eco: &Ecosystem, f: &PartnerFilter) -> Vec<u32> {
    let text = f.text.to_lowercase();
    let matches = |p: &Partner| {
        (text.is_empty() || p.name.to_lowercase().contains(&text) || p.id.to_lowercase().contains(&text))
            && (f.kind.is_empty() || p.kind == f.kind)
            && (f.tier.is_empty() || p.tier.as_deref() == Some(f.tier.as_str()))
            && (f.region.is_empty() || p.regions.contains(&f.region))
    };
    (0u32..)
        .zip(&eco.partners)
        .filter(|(_, p)| matches(p))
        .map(|(i, _)| i)
        .collect()
}

fn filter(text: &str, kind: &str, tier: &str, region: &str) -> PartnerFilter {
    PartnerFilter {
        text: text.into(),
        kind: kind.into(),
        tier: tier.into(),
        region: region.into(),
    }
}

#[test]
fn pages_of_partners_are_the_models_partners_clamped_to_the_ecosystem() {
    let eco = sample(40, 3);
    let ix = index(&eco);
    assert_eq!(ix.partners_in(0, 40), eco.partners);
    assert_eq!(ix.partners_in(10, 15), eco.partners[10..15]);
    assert_eq!(ix.partners_in(35, 500), eco.partners[35..]);
    assert!(ix.partners_in(50, 60).is_empty());
    assert!(ix.partners_in(20, 10).is_empty());
    assert_eq!(ix.name(2), eco.partners[2].name);
    assert_eq!(ix.name(99), "");
}

#[test]
fn a_list_of_partners_in_columns_is_the_models_partners_as_text() {
    let mut eco = sample(60, 5);
    eco.partners[3].tier = None;
    eco.partners[3].capabilities.clear();
    eco.partners[3].regions.clear();
    let ix = index(&eco);
    let list = ix.list_in(0, 100, true);
    assert_eq!(list.ids, eco.partners.iter().map(|p| p.id.as_str()).collect::<Vec<_>>());
    assert_eq!(
        list.names,
        eco.partners.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(
        list.kinds,
        eco.partners.iter().map(|p| p.kind.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(
        list.tiers,
        eco.partners.iter().map(|p| p.tier.as_deref()).collect::<Vec<_>>()
    );
    assert_eq!(
        list.regions,
        eco.partners.iter().map(|p| p.regions.join(", ")).collect::<Vec<_>>()
    );
    // as the planner wrote it: entries by key, a stable sort by level (descending), three
    let strongest = |p: &Partner| {
        let mut caps: Vec<(&String, &f64)> = p.capabilities.iter().collect();
        caps.sort_by(|a, b| b.1.total_cmp(a.1));
        let caps: Vec<String> = caps
            .iter()
            .take(3)
            .map(|(k, v)| format!("{k} {}%", (*v * 100.0).round()))
            .collect();
        caps.join(", ")
    };
    assert_eq!(
        list.capabilities,
        eco.partners.iter().map(strongest).collect::<Vec<_>>()
    );
    assert_eq!(
        (list.tiers[3], list.regions[3].as_str(), list.capabilities[3].as_str()),
        (None, "", "")
    );
    assert!(
        eco.partners.iter().any(|p| p.capabilities.len() > 3),
        "the sample has partners with more than three"
    );
    assert_eq!(ix.list_in(58, 70, true).ids.len(), 2);
    assert!(ix.list_in(70, 80, true).ids.is_empty());
    // without the text: the other columns as they are, no regions or capabilities
    let brief = ix.list_in(0, 100, false);
    assert_eq!(
        (&brief.ids, &brief.names, &brief.kinds, &brief.tiers),
        (&list.ids, &list.names, &list.kinds, &list.tiers)
    );
    assert!(brief.regions.is_empty() && brief.capabilities.is_empty());
}

#[test]
fn capabilities_in_a_list_are_whole_percentages_rounded_as_javascript_rounds_them() {
    let eco: Ecosystem = serde_json::from_value(json!({"partners": [
        {"id": "a", "name": "A", "kind": "isv", "regions": ["emea", "uki"],
         "capabilities": {"ai": 0.125, "cloud": 0.625, "data": 0.5, "edge": 0.625, "fin": 0.005}},
        {"id": "b", "name": "B", "kind": "si", "capabilities": {"ai": 0.125, "bi": 0.375, "cx": 0.0}},
        {"id": "c", "name": "C", "kind": "si", "capabilities": {"ai": 0.005, "bi": 0.575, "cx": 0.995, "dx": 0.045}}]}))
    .expect("ecosystem");
    let ix = index(&eco);
    let list = ix.list_in(0, 3, true);
    // as Intl.NumberFormat's percentages in Node 20: 0.125 → "13%", 0.625 → "63%", 0.375 → "38%";
    // 0.575 → "58%", 0.995 → "100%", 0.045 → "5%" — the decimals as written, not the doubles'
    // exact values (0.5749…, 0.9949…, 0.0449…), which `toFixed` would round down
    assert_eq!(
        list.capabilities,
        [
            "cloud 63%, edge 63%, data 50%",
            "bi 38%, ai 13%, cx 0%",
            "cx 100%, bi 58%, dx 5%"
        ]
    );
    assert_eq!(list.regions, ["emea, uki", "", ""]);
}

#[test]
fn the_filter_on_hand_made_partners() {
    let eco: Ecosystem = serde_json::from_value(json!({"tiers": ["silver", "gold"], "partners": [
        {"id": "acme-1", "name": "ACME Software", "kind": "isv", "tier": "gold", "regions": ["EMEA", "APAC"]},
        {"id": "beta", "name": "Beta Ünïcode GmbH", "kind": "si", "regions": ["EMEA"]},
        {"id": "gamma", "name": "Gamma", "kind": "si", "tier": "silver"}]}))
    .expect("ecosystem");
    let ix = index(&eco);
    assert_eq!(ix.filter(&PartnerFilter::default()), [0, 1, 2]);
    assert_eq!(ix.filter(&filter("acme", "", "", "")), [0]);
    assert_eq!(ix.filter(&filter("ME-1", "", "", "")), [0], "the id, in any case");
    assert_eq!(
        ix.filter(&filter("ÜNÏ", "", "", "")),
        [1],
        "non-ASCII names in any case"
    );
    assert_eq!(ix.filter(&filter("", "si", "", "")), [1, 2]);
    assert_eq!(ix.filter(&filter("", "si", "silver", "")), [2]);
    assert_eq!(ix.filter(&filter("", "", "", "EMEA")), [0, 1]);
    assert_eq!(ix.filter(&filter("a", "isv", "gold", "APAC")), [0]);
    assert!(
        ix.filter(&filter("", "", "", "LATAM")).is_empty(),
        "a region no one has"
    );
    assert!(
        ix.filter(&filter("", "distributor", "", "")).is_empty(),
        "a kind no one has"
    );
    assert!(
        ix.filter(&filter("", "", "EMEA", "")).is_empty(),
        "a string that is no partner's tier"
    );
    assert!(ix.filter(&filter("zzz", "", "", "")).is_empty());
}

#[test]
fn facets_sort_as_javascript_does_and_leave_out_empty_strings() {
    // U+FF5E sorts after U+1F600 by code point, before it by UTF-16 code unit (as JS sorts)
    let eco: Ecosystem = serde_json::from_value(json!({"tiers": ["b", "a"], "partners": [
        {"id": "x", "name": "X", "kind": "\u{FF5E}", "tier": "b", "regions": ["EMEA", "APAC"]},
        {"id": "y", "name": "Y", "kind": "\u{1F600}", "regions": ["EMEA"]},
        {"id": "z", "name": "Z", "kind": "Si", "tier": "a", "regions": []}]}))
    .expect("ecosystem");
    let s = index(&eco).summary();
    assert_eq!(s.facets.kinds, ["Si", "\u{1F600}", "\u{FF5E}"]);
    assert_eq!(s.facets.tiers, ["a", "b"]);
    assert_eq!(s.facets.regions, ["APAC", "EMEA"]);
    assert_eq!((s.partners, s.relationships), (3, 0));
    assert_eq!(s.tiers, ["b", "a"], "the ecosystem's own order");
    assert_eq!(s.currency, None);
    let v = serde_json::to_value(&s).expect("json");
    assert_eq!(v["facets"]["tiers"], json!(["a", "b"]));
    assert!(v.get("currency").is_none(), "no currency is left out");
}

#[test]
fn the_summary_of_a_sample_counts_what_the_model_has() {
    let eco = sample(300, 1);
    let s = index(&eco).summary();
    assert_eq!(s.partners, 300);
    assert_eq!(s.relationships, eco.relationships.len());
    assert!(s.relationships > 0);
    assert_eq!(s.tiers, eco.tiers);
    let mut regions: Vec<&str> = eco
        .partners
        .iter()
        .flat_map(|p| p.regions.iter().map(String::as_str))
        .collect();
    regions.sort_unstable();
    regions.dedup();
    assert_eq!(s.facets.regions, regions);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// On generated ecosystems, the index's filter lists the partners the model's does.
    #[test]
    fn the_filter_equals_the_models(seed in 0u64..1000, n in 1usize..120, pick in 0usize..1000, text in "[a-zA-Z -]{0,3}") {
        let eco = sample(n, seed);
        let ix = index(&eco);
        let p = &eco.partners[pick % n];
        let region = p.regions.first().cloned().unwrap_or_default();
        let tier = p.tier.clone().unwrap_or_default();
        for f in [
            filter(&text, "", "", ""),
            filter(&text, &p.kind, "", ""),
            filter("", "", &tier, &region),
            filter(&p.name[..p.name.len().min(4)], &p.kind, &tier, &region),
        ] {
            prop_assert_eq!(ix.filter(&f), filter_by_model(&eco, &f), "{:?}", f);
        }
    }

    /// A split on the members' ecosystem (`members`) equals the split on the whole one,
    /// for the games that read partners and for Myerson, which reads the relationships.
    #[test]
    fn a_split_on_the_members_equals_the_split_on_the_whole_ecosystem(seed in 0u64..1000, pick in 0usize..1000) {
        let s = dealteam::sample::generate(60, seed).expect("sample");
        let ix = index(&s.ecosystem);
        // a member with relationships and two of its partners
        let r = &s.ecosystem.relationships[pick % s.ecosystem.relationships.len()];
        let third = s.ecosystem.relationships.iter().find(|x| x.a == r.b && x.b != r.a).map_or("nobody", |x| x.b.as_str());
        let members: Vec<&str> = if third == "nobody" { vec![r.a.as_str(), r.b.as_str()] } else { vec![r.a.as_str(), r.b.as_str(), third] };
        for model in ["shapley", "myerson"] {
            let req = |eco: &Ecosystem| json!({"amount": "1000.00", "currency": "EUR", "members": members,
                "model": model, "ecosystem": eco, "deal": s.deal, "game": {"kind": "coverage"}}).to_string();
            let whole = run_json("split", &req(&s.ecosystem), false, &Ctx::frozen());
            let part = run_json("split", &req(&ix.members(members.iter().copied())), false, &Ctx::frozen());
            prop_assert!(whole.is_ok(), "{:?}", whole);
            prop_assert_eq!(part.map_err(|e| e.code), whole.map_err(|e| e.code), "{}", model);
        }
    }
}

#[test]
fn members_keep_the_ecosystems_order_and_only_their_relationships() {
    let eco = sample(50, 9);
    let ix = index(&eco);
    let r = &eco.relationships[0];
    let sub = ix.members([r.b.as_str(), r.a.as_str(), "no-such-partner"]);
    let ids: Vec<&str> = sub.partners.iter().map(|p| p.id.as_str()).collect();
    let mut want: Vec<&str> = eco
        .partners
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| *id == r.a || *id == r.b)
        .collect();
    assert_eq!(ids, want);
    want.sort_unstable();
    assert!(sub
        .relationships
        .iter()
        .all(|x| want.contains(&x.a.as_str()) && want.contains(&x.b.as_str())));
    assert!(sub.relationships.contains(r));
    assert_eq!(
        (sub.currency.clone(), sub.tiers.clone()),
        (eco.currency.clone(), eco.tiers.clone())
    );
}

#[test]
fn an_ecosystem_written_as_json_reads_back_to_the_same_partners() {
    let mut bare = sample(30, 8);
    bare.relationships.clear();
    for p in &mut bare.partners {
        p.tier = None;
    }
    bare.tiers.clear();
    bare.currency = None;
    for eco in [sample(200, 4), bare] {
        let ix = index(&eco);
        let mut whole = Vec::new();
        ix.write_json(&mut whole, usize::MAX, &mut |_| panic!("no flush below the chunk"))
            .expect("json");
        let text = String::from_utf8(whole).expect("UTF-8");
        // a partner at a time, the model's very text
        assert_eq!(text, serde_json::to_string(&eco).expect("json"));
        assert_eq!(EcosystemIndex::from_json(&text).expect("valid").ecosystem(), eco);
        // in pieces taken out as they fill: the same bytes
        let (mut pieces, mut taken) = (0, Vec::new());
        let mut out = Vec::new();
        ix.write_json(&mut out, 500, &mut |b| {
            pieces += 1;
            taken.append(b);
        })
        .expect("json");
        taken.append(&mut out);
        assert_eq!(String::from_utf8(taken).ok(), Some(text.clone()));
        assert!(pieces >= text.len() / 2000, "{pieces} pieces of {} bytes", text.len());
    }
}

fn opened(text: &str) -> (Option<Ecosystem>, Option<Value>) {
    let o = EcosystemIndex::open(text).expect("opens");
    (
        o.ecosystem.map(|i| i.ecosystem()),
        o.rest.map(|r| serde_json::from_str(&r).expect("rest is JSON")),
    )
}

#[test]
fn open_reads_an_ecosystem_a_list_of_partners_and_a_workspace() {
    let eco = sample(20, 2);
    let text = serde_json::to_string(&eco).expect("json");
    assert_eq!(opened(&text), (Some(eco.clone()), None));
    // a list has no tier names, so its partners have no tiers
    let untiered: Vec<Partner> = eco
        .partners
        .iter()
        .map(|p| Partner {
            tier: None,
            ..p.clone()
        })
        .collect();
    let list = serde_json::to_string(&untiered).expect("json");
    let listed = Ecosystem {
        partners: untiered,
        ..serde_json::from_str(r#"{"partners": []}"#).expect("empty")
    };
    assert_eq!(opened(&format!("  \n{list}")), (Some(listed), None));
    let ws = json!({"version": 1, "source": {"kind": "data", "label": "a \"file\""}, "ecosystem": eco, "teamK": 10, "z\u{e9}": [1, {"a": null}]});
    let (e, rest) = opened(&serde_json::to_string_pretty(&ws).expect("json"));
    assert_eq!(e, Some(eco.clone()));
    let mut without = ws.clone();
    without.as_object_mut().expect("object").remove("ecosystem");
    assert_eq!(rest, Some(without));
    assert_eq!(
        opened(r#"{"version": 1, "ecosystem": null}"#),
        (None, Some(json!({"version": 1})))
    );
    assert_eq!(opened("{}"), (None, Some(json!({}))));
    // `partners` makes the object an ecosystem wherever it comes
    // a second `ecosystem` is the one read, as the last of a key is in JSON objects
    let twice = format!(r#"{{"ecosystem": {{"partners": []}}, "v": 2, "ecosystem": {text}}}"#);
    assert_eq!(opened(&twice), (Some(eco.clone()), Some(json!({"v": 2}))));
    let late = format!(r#"{{"relationships": [], "tiers": ["b", "a"], "partners": {}}}"#, list);
    assert_eq!(opened(&late).1, None);
}

#[test]
fn open_reports_bad_text_and_errors_within_the_ecosystem() {
    let err = |t: &str| EcosystemIndex::open(t).expect_err("refused");
    assert_eq!(err("{\"version\": 1,").code, ErrorCode::InvalidJson);
    assert_eq!(err("not json").code, ErrorCode::InvalidJson);
    assert_eq!(err("").code, ErrorCode::InvalidJson);
    // an ecosystem's text is read by the index alone: its faults past `partners` too
    assert_eq!(err(r#"{"tiers": ["a"], "partners": []]"#).code, ErrorCode::InvalidJson);
    assert_eq!(err(r#"{"partners": [] x"#).code, ErrorCode::InvalidJson);
    assert_eq!(
        err(r#"{"ecosystem": {"partners": []}, "x": }"#).code,
        ErrorCode::InvalidJson
    );
    assert_eq!(
        err(r#"{"ecosystem": {"partners": [}, "x": 1}"#).code,
        ErrorCode::InvalidJson
    );
    let e = err(r#"{"ecosystem": [], "x": 1}"#);
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, ""),
        "{}",
        e.message
    );
    let e = err(r#"{"ecosystem": {"partners": [{"id": "a", "name": "A", "kind": "isv", "metrics": {"m": 1e999}}]}}"#);
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidValue, "partners[0].metrics.m"),
        "{}",
        e.message
    );
    let e = err("42");
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidValue, ""));
    let bad = r#"{"id": "a", "name": "A", "kind": "isv", "tier": 3}"#;
    for text in [
        format!(r#"{{"version": 1, "ecosystem": {{"partners": [{bad}]}}}}"#),
        format!(r#"{{"partners": [{bad}]}}"#),
        format!("[{bad}]"),
    ] {
        let e = err(&text);
        let direct = EcosystemIndex::from_json(&format!(r#"{{"partners": [{bad}]}}"#)).expect_err("bad tier");
        assert_eq!((e.code, e.path.as_str()), (direct.code, "partners[0].tier"), "{text}");
    }
}
