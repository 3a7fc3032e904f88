#![cfg(not(target_arch = "wasm32"))]
//! The bad-input table (SPEC §0): every bad request gets a stable `code` and a `path`
//! naming the field to fix, through the same entry point as the CLI and the facade
//! (`api::run_json("rank", …)`). After each error the next good request still works.

use dealteam::api::run_json;
use dealteam::clock::Ctx;

const P: &str = r#"{"id":"a","name":"A","kind":"si"}"#;
const PROFILE: &str = r#"{"id":"x","name":"X","criteria":[{"kind":"tier","weight":1}]}"#;

/// A rank request with `partners` (JSON array body), ecosystem `extra` fields,
/// `profile` and top-level `extra`.
fn req(partners: &str, eco_extra: &str, profile: &str, extra: &str) -> String {
    format!(r#"{{"ecosystem":{{"partners":[{partners}]{eco_extra}}},"profile":{profile}{extra}}}"#)
}

fn crit(c: &str) -> String {
    format!(r#"{{"id":"x","name":"X","criteria":[{c}]}}"#)
}

fn partner(extra: &str) -> String {
    format!(r#"{{"id":"a","name":"A","kind":"si"{extra}}}"#)
}

#[test]
fn bad_input_table() {
    let tiers = r#","tiers":["silver","gold"]"#;
    let many: Vec<String> = (0..65).map(|_| r#"{"kind":"tier","weight":1}"#.to_string()).collect();
    let table: Vec<(String, &str, &str)> = vec![
        ("not json".into(), "invalid_json", ""),
        (r#"{"ecosystem": {"partners": []},"#.into(), "invalid_json", ""),
        ("[]".into(), "invalid_json", ""),
        (format!("{} trailing", req(P, "", PROFILE, "")), "invalid_json", ""),
        (
            format!(r#"{{"ecosystem":{{"partners":[{P}]}}}}"#),
            "missing_field",
            "profile",
        ),
        (
            format!(r#"{{"ecosystem":{{}},"profile":{PROFILE}}}"#),
            "missing_field",
            "ecosystem.partners",
        ),
        (
            req(r#"{"id":"a","name":"A"}"#, "", PROFILE, ""),
            "missing_field",
            "ecosystem.partners[0].kind",
        ),
        (
            req(P, "", &crit(r#"{"kind":"tier","wieght":1}"#), ""),
            "unknown_field",
            "profile.criteria[0].wieght",
        ),
        (req(P, "", PROFILE, r#","limt":3"#), "unknown_field", "limt"),
        (
            req(&partner(r#","capabilites":{}"#), "", PROFILE, ""),
            "unknown_field",
            "ecosystem.partners[0].capabilites",
        ),
        (
            req(P, "", &crit(r#"{"kind":"colour","weight":1}"#), ""),
            "invalid_value",
            "profile.criteria[0].kind",
        ),
        (
            req(P, "", &crit(r#"{"kind":"tier","weight":0}"#), ""),
            "invalid_value",
            "profile.criteria[0].weight",
        ),
        (
            req(P, "", &crit(r#"{"kind":"tier","weight":-2}"#), ""),
            "invalid_value",
            "profile.criteria[0].weight",
        ),
        (
            req(P, "", &crit(r#"{"kind":"tier","weight":"1"}"#), ""),
            "invalid_value",
            "profile.criteria[0].weight",
        ),
        (
            req(P, "", &crit(r#"{"kind":"capability","weight":1}"#), ""),
            "missing_field",
            "profile.criteria[0].key",
        ),
        (
            req(
                P,
                "",
                &crit(r#"{"kind":"metric","key":"winRate","weight":1,"bad":0}"#),
                "",
            ),
            "missing_field",
            "profile.criteria[0].good",
        ),
        (
            req(
                P,
                "",
                &crit(r#"{"kind":"metric","key":"winRate","weight":1,"good":1,"bad":1}"#),
                "",
            ),
            "invalid_value",
            "profile.criteria[0].good",
        ),
        (
            req(
                P,
                "",
                &crit(r#"{"kind":"capability","key":"cloud","weight":1,"target":0}"#),
                "",
            ),
            "invalid_value",
            "profile.criteria[0].target",
        ),
        (
            req(
                P,
                "",
                &format!(r#"{{"id":"x","name":"X","criteria":[{}]}}"#, many.join(",")),
                "",
            ),
            "too_large",
            "profile.criteria",
        ),
        (
            req(
                P,
                tiers,
                r#"{"id":"x","name":"X","require":{"minTier":"diamond"},"criteria":[{"kind":"tier","weight":1}]}"#,
                "",
            ),
            "invalid_value",
            "profile.require.minTier",
        ),
        (
            req(
                P,
                "",
                r#"{"id":"x","name":"X","require":{"kinds":["si"],"regionAny":["emea"]},"criteria":[{"kind":"tier","weight":1}]}"#,
                "",
            ),
            "unknown_field",
            "profile.require.regionAny",
        ),
        (
            req(&partner(r#","capabilities":{"cloud":1.5}"#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].capabilities.cloud",
        ),
        (
            req(&partner(r#","capabilities":{"cloud":-0.1}"#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].capabilities.cloud",
        ),
        (
            req(&partner(r#","capabilities":{"cloud":1e999}"#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].capabilities.cloud",
        ),
        (
            req(&partner(r#","capabilities":{"cloud":"high"}"#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].capabilities.cloud",
        ),
        (
            req(&partner(r#","metrics":{"winRate":-1e999}"#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].metrics.winRate",
        ),
        (
            req(&format!("{P},{P}"), "", PROFILE, ""),
            "duplicate_id",
            "ecosystem.partners[1].id",
        ),
        (
            req(r#"{"id":" ","name":"A","kind":"si"}"#, "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].id",
        ),
        (
            req(&partner(r#","tier":"diamond""#), tiers, PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].tier",
        ),
        (
            req(&partner(r#","tier":"gold""#), "", PROFILE, ""),
            "invalid_value",
            "ecosystem.partners[0].tier",
        ),
        (
            req(P, r#","tiers":["gold","gold"]"#, PROFILE, ""),
            "duplicate_id",
            "ecosystem.tiers[1]",
        ),
        (
            req(P, r#","relationships":[{"a":"a","b":"zz"}]"#, PROFILE, ""),
            "unknown_partner",
            "ecosystem.relationships[0].b",
        ),
        (
            req(
                &format!(r#"{P},{{"id":"b","name":"B","kind":"isv"}}"#),
                r#","relationships":[{"a":"a","b":"b","trust":2}]"#,
                PROFILE,
                "",
            ),
            "invalid_value",
            "ecosystem.relationships[0].trust",
        ),
        (
            req(
                &format!(r#"{P},{{"id":"b","name":"B","kind":"isv"}}"#),
                r#","relationships":[{"a":"a","b":"b","jointDeals":2,"jointWins":3}]"#,
                PROFILE,
                "",
            ),
            "invalid_value",
            "ecosystem.relationships[0].jointWins",
        ),
        (
            req(
                &format!(r#"{P},{{"id":"b","name":"B","kind":"isv"}}"#),
                r#","relationships":[{"a":"a","b":"b"},{"a":"b","b":"a"}]"#,
                PROFILE,
                "",
            ),
            "duplicate_id",
            "ecosystem.relationships[1]",
        ),
        (
            req(P, r#","relationships":[{"a":"a","b":"a"}]"#, PROFILE, ""),
            "invalid_value",
            "ecosystem.relationships[0].b",
        ),
        (
            req(&partner(r#","costToServe":12.5"#), "", PROFILE, ""),
            "invalid_money",
            "ecosystem.partners[0].costToServe",
        ),
        (
            req(&partner(r#","costToServe":"12,50""#), "", PROFILE, ""),
            "invalid_money",
            "ecosystem.partners[0].costToServe",
        ),
        (
            req(&partner(r#","costToServe":"12.345""#), "", PROFILE, ""),
            "invalid_money",
            "ecosystem.partners[0].costToServe",
        ),
        (
            req(&partner(r#","costToServe":"-5.00""#), "", PROFILE, ""),
            "invalid_money",
            "ecosystem.partners[0].costToServe",
        ),
        (
            req(P, r#","currency":"eur""#, PROFILE, ""),
            "invalid_value",
            "ecosystem.currency",
        ),
        (
            req(P, r#","currency":"ABC""#, PROFILE, ""),
            "invalid_value",
            "ecosystem.currency",
        ),
        (req(P, "", PROFILE, r#","limit":-1"#), "invalid_value", "limit"),
        (req(P, "", PROFILE, r#","explain":"yes""#), "invalid_value", "explain"),
    ];
    assert!(table.len() >= 25);
    let good = req(P, "", PROFILE, "");
    for (input, code, path) in &table {
        let e = run_json("rank", input, false, &Ctx::frozen()).expect_err(input);
        assert_eq!(
            (e.code.as_str(), e.path.as_str()),
            (*code, *path),
            "input: {input}\nerror: {e}"
        );
        assert!(!e.message.is_empty(), "a message says what to change: {input}");
        // the engine keeps working after an error
        assert!(run_json("rank", &good, false, &Ctx::frozen()).is_ok());
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let input = req(
        &format!(r#"{{"id":"a","name":"A","kind":"si","capabilities":{{"cloud":2}}}},{P}"#),
        r#","relationships":[{"a":"a","b":"q"}]"#,
        PROFILE,
        "",
    );
    let e = run_json("rank", &input, false, &Ctx::frozen()).unwrap_err();
    let mut all = vec![(e.code.as_str(), e.path.clone())];
    all.extend(e.others.iter().map(|o| (o.code.as_str(), o.path.clone())));
    assert_eq!(
        all,
        [
            ("duplicate_id", "ecosystem.partners[1].id".to_string()),
            ("invalid_value", "ecosystem.partners[0].capabilities.cloud".to_string()),
            ("unknown_partner", "ecosystem.relationships[0].b".to_string()),
        ]
    );
}

#[test]
fn unknown_command_and_limits() {
    let e = run_json("rnak", "{}", false, &Ctx::frozen()).unwrap_err();
    assert_eq!(e.code.as_str(), "unknown_command");
    let e = dealteam::sample::generate(1_000_001, 1).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "partners"));
    assert!(e.message.contains("1000000"));
}
