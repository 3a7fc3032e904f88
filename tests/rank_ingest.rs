//! The ranking index reads ecosystem JSON straight into its columns (issue 10 item 1).
//! What it keeps must be what the serde model reads from the same text, and every
//! failing input must fail with the model's codes, paths and messages.

#[path = "support/pieces.rs"]
mod pieces;
use dealteam::model::Ecosystem;
use dealteam::rank::{EcosystemIndex, RankOptions};
use pieces::Pieces;

/// The index from the text, and the model from the same text indexed.
fn both(
    text: &str,
) -> (
    dealteam::Result<EcosystemIndex>,
    dealteam::Result<(Ecosystem, EcosystemIndex)>,
) {
    let columns = EcosystemIndex::from_json(text);
    let model = dealteam::json::from_str::<Ecosystem>(text).and_then(|e| Ok((e.clone(), EcosystemIndex::new(e)?)));
    (columns, model)
}

/// Every problem of an error (the first, then the others), as code, path and message.
fn problems(e: &dealteam::DealteamError) -> Vec<(dealteam::ErrorCode, &str, &str)> {
    std::iter::once(e)
        .chain(&e.others)
        .map(|p| (p.code, p.path.as_str(), p.message.as_str()))
        .collect()
}

/// Bytes handed over per read by the streams of [`same_outcome`]: one at a time, a few,
/// and all at once.
const STEPS: [usize; 3] = [1, 7, usize::MAX];

/// The index from the text (as text, as a stream, as a stream read again when the window
/// reader stops short) and the model from the same text: the same ecosystem, or the same
/// problems.
fn same_outcome(text: &str) {
    match both(text) {
        (Ok(ix), Ok((eco, by_model))) => {
            assert_eq!(ix.ecosystem(), eco, "{text}");
            assert_eq!(by_model.ecosystem(), eco, "{text}");
            let mut r: &[u8] = text.as_bytes();
            let chunked = EcosystemIndex::from_reader(&mut r, || None).unwrap();
            assert_eq!(chunked.ecosystem(), eco);
            for step in STEPS {
                let streamed = EcosystemIndex::from_stream(Pieces::new(text.as_bytes(), step), || {
                    Some(Pieces::new(text.as_bytes(), step))
                });
                assert_eq!(streamed.unwrap().ecosystem(), eco, "{step} bytes a read: {text}");
            }
        }
        (Err(a), Err(b)) => {
            assert_eq!(problems(&a), problems(&b), "{text}");
            for step in STEPS {
                let streamed = EcosystemIndex::from_stream(Pieces::new(text.as_bytes(), step), || {
                    Some(Pieces::new(text.as_bytes(), step))
                });
                let e = streamed
                    .err()
                    .unwrap_or_else(|| panic!("a stream of {step} bytes a read accepted {text}"));
                assert_eq!(problems(&e), problems(&a), "{step} bytes a read: {text}");
            }
        }
        (a, b) => panic!(
            "columns {:?} but model {:?} for {text}",
            a.map(|i| i.len()),
            b.map(|x| x.0)
        ),
    }
}

const GOOD: &str = r#"{"tiers": ["silver", "gold"], "currency": "USD", "partners": [
  {"id": "b", "name": "Beta", "kind": "si", "tier": "gold",
   "capabilities": {"security": 0.5, "cloud": 0.9, "ai": 0.1, "cloud": 0.7},
   "metrics": {"winRate": 0.3, "psat": 4}, "industries": ["retail", "bank", "retail"],
   "regions": ["emea"], "certifications": [], "accounts": ["acme", {"account": "zed", "status": "opportunity", "value": "10.50"}, "acme"],
   "costToServe": "100.00"},
  {"id": "a", "name": "Alpha", "kind": "isv", "tier": null, "capabilities": {}, "accounts": []},
  {"kind": "si", "name": "Cloudy", "id": "c", "industries": ["bank"]}],
  "relationships": [{"a": "a", "b": "b", "jointDeals": 4, "jointWins": 1}]}"#;

#[test]
fn the_columns_keep_what_the_model_reads() {
    same_outcome(GOOD);
    let ix = EcosystemIndex::from_json(GOOD).unwrap();
    let b = ix.partner(0).unwrap();
    // a key given twice keeps its last value, keys come back sorted, lists keep repeats
    assert_eq!(
        b.capabilities.iter().collect::<Vec<_>>(),
        [
            (&"ai".to_string(), &0.1),
            (&"cloud".into(), &0.7),
            (&"security".into(), &0.5)
        ]
    );
    assert_eq!(b.industries, ["retail", "bank", "retail"]);
    assert_eq!(b.accounts.len(), 3);
    assert_eq!((ix.id(2), ix.len()), ("c", 3));
    assert!(ix.partner(3).is_none());
}

/// Keys read in order with one given twice in a row: the repeat is no longer ascending,
/// so the levels are sorted and the key keeps its last value, as the model's map does
/// (its first value, out of range, is not checked: the model never sees it).
#[test]
fn a_key_repeated_in_order_keeps_its_last_value() {
    let text = r#"{"partners": [
      {"id": "a", "name": "A", "kind": "si", "capabilities": {"ai": 0.1, "cloud": 2, "cloud": 0.7, "data": 0.4},
       "metrics": {"psat": 3, "psat": 4}}]}"#;
    same_outcome(text);
    let a = EcosystemIndex::from_json(text).unwrap().partner(0).unwrap();
    let levels: Vec<(&str, f64)> = a.capabilities.iter().map(|(k, &v)| (k.as_str(), v)).collect();
    assert_eq!(levels, [("ai", 0.1), ("cloud", 0.7), ("data", 0.4)]);
    assert_eq!(a.metrics.into_iter().collect::<Vec<_>>(), [("psat".to_string(), 4.0)]);
}

#[test]
fn ranking_from_the_columns_equals_ranking_from_the_model() {
    let s = dealteam::sample::generate(300, 7).unwrap();
    let text = serde_json::to_string(&s.ecosystem).unwrap();
    let (ix, model) = both(&text);
    let (ix, (eco, by_model)) = (ix.unwrap(), model.unwrap());
    assert_eq!(ix.ecosystem(), eco);
    for profile in &s.profiles {
        for opts in [
            RankOptions::default(),
            RankOptions {
                limit: Some(0),
                explain: Some(false),
            },
        ] {
            let a = ix.rank(profile, &opts).unwrap();
            let b = by_model.rank(profile, &opts).unwrap();
            assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        }
        // without explanations the failed clauses are found from fewer fields, and not at
        // all for eligible partners: the same lists as with explanations
        let quiet = ix
            .rank(
                profile,
                &RankOptions {
                    limit: Some(0),
                    explain: Some(false),
                },
            )
            .unwrap();
        let full = ix
            .rank(
                profile,
                &RankOptions {
                    limit: Some(0),
                    explain: Some(true),
                },
            )
            .unwrap();
        let failed = |r: &dealteam::rank::RankResponse| {
            r.results
                .iter()
                .map(|x| (x.partner_id.clone(), x.failed.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(failed(&quiet), failed(&full));
        assert!(full.results.iter().any(|x| !x.failed.is_empty()) || profile.require.is_none());
    }
}

#[test]
fn every_failure_has_the_models_code_path_and_message() {
    for text in [
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "wieght": 1}]}"#,
        r#"{"partners": [{"id": "a", "name": "A"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "id": "b"}]}"#,
        r#"{"partners": [{"id": 5, "name": "A", "kind": "si"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "tier": 3}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "tier": "gold"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "capabilities": {"x": "high"}}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "capabilities": {"x": 1.5}}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "capabilities": []}]}"#,
        // keys out of order and repeated after a partner with the same keys in order, and in
        // order again after, with levels out of range: the model's errors, paths and messages
        // (the sorting itself: levels_are_sorted_by_key_whatever_order_each_partner_lists_them)
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "capabilities": {"x": 0.1, "y": 0.2}},
          {"id": "b", "name": "B", "kind": "si", "capabilities": {"y": 1.5, "x": 2.0, "x": 0.5}},
          {"id": "c", "name": "C", "kind": "si", "capabilities": {"x": 3.0, "y": 0.7}}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "industries": "retail"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "industries": [1]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": [3]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": [["x"]]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": [{"account": "x"}]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": [{"account": "", "status": "p", "value": "-1"}]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "costToServe": "1.234"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "costToServe": 12}]}"#,
        r#"{"partners": [{"id": "a", "name": " ", "kind": ""}, {"id": "a", "name": "B", "kind": "si"}]}"#,
        r#"{"partners": [["a", "A", "si"]]}"#,
        r#"{"partners": ["a"]}"#,
        r#"{"partners": {}}"#,
        r#"{"tiers": ["gold", "gold"], "partners": []}"#,
        r#"{"partners": [], "partners": []}"#,
        r#"{"tiers": []}"#,
        r#"{"partners": [], "colour": 1}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si"}], "relationships": [{"a": "a", "b": "z"}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "metrics": {"x": 1e999}}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si"}"#,
        r#"[{"id": "a"}]"#,
    ] {
        same_outcome(text);
    }
}

#[test]
fn levels_are_sorted_by_key_whatever_order_each_partner_lists_them() {
    // in order, then out of order and repeated, then in order again: each partner's levels
    // sorted by key text, the last of a repeat kept (the reader remembers which keys sort
    // before which from one partner to the next)
    same_outcome(
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "capabilities": {"x": 0.1, "y": 0.2}},
          {"id": "b", "name": "B", "kind": "si", "capabilities": {"y": 0.5, "x": 0.9, "x": 0.4}},
          {"id": "c", "name": "C", "kind": "si", "capabilities": {"x": 0.3, "y": 0.7}, "metrics": {"y": 2, "x": 1}}]}"#,
    );
    // 300 partners, each with its own order of eight keys (a seeded shuffle), all at one level:
    // a list shows the first three keys in text order only if the levels were sorted by key
    let keys = [
        "ai",
        "cloud",
        "data",
        "edge",
        "implementation",
        "integration",
        "security",
        "support",
    ];
    let mut state = 7u64;
    let mut want = Vec::new();
    let partners: Vec<String> = (0..300)
        .map(|i| {
            let mut order = keys.to_vec();
            for j in (1..order.len()).rev() {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(j, (state >> 33) as usize % (j + 1));
            }
            let held = &order[..1 + i % keys.len()];
            let mut first: Vec<&str> = held.to_vec();
            first.sort_unstable();
            want.push(
                first
                    .iter()
                    .take(3)
                    .map(|k| format!("{k} 50%"))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            let levels: Vec<String> = held.iter().map(|k| format!("\"{k}\": 0.5")).collect();
            let metrics: Vec<String> = held.iter().rev().map(|k| format!("\"{k}\": {i}")).collect();
            format!(
                r#"{{"id": "p{i}", "name": "P{i}", "kind": "si", "capabilities": {{{}}}, "metrics": {{{}}}}}"#,
                levels.join(", "),
                metrics.join(", ")
            )
        })
        .collect();
    let text = format!(r#"{{"partners": [{}]}}"#, partners.join(", "));
    same_outcome(&text);
    let ix = EcosystemIndex::from_json(&text).expect("valid");
    assert_eq!(ix.list_in(0, 300, true).capabilities, want);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any edit of a valid ecosystem's text (a byte replaced, a span cut out) is read
        /// alike by the columns and by the model.
        #[test]
        fn edited_text_reads_alike(at in 0usize..1000, len in 0usize..12, with in prop::sample::select(vec!["", "1", "\"x\"", "[", "}", ",", "null", "{\"a\":1}", "-0.5", "\"gold\""])) {
            let text = super::GOOD;
            let at = at % text.len();
            let end = (at + len).min(text.len());
            if text.is_char_boundary(at) && text.is_char_boundary(end) {
                let edited = format!("{}{}{}", &text[..at], with, &text[end..]);
                super::same_outcome(&edited);
            }
        }
    }
}
