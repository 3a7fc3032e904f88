#![cfg(not(target_arch = "wasm32"))]
//! SPEC §7 `validate`: every checklist rule has a failing and a passing example.

use dealteam::api::Command;
use dealteam::plan::validate::{validate_plan, RULES};
use dealteam::plan::{Plan, Severity, ValidateCommand};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-example.json")).unwrap(),
    )
    .unwrap()
}

/// The `validate` command on `plan` (which simulates it, 400 trials, for `profit.partner`).
fn validate(v: &Value) -> dealteam::plan::ValidateResponse {
    let plan: Plan = dealteam::json::from_str(&v.to_string()).unwrap();
    let req = dealteam::plan::ValidateRequest {
        plan,
        trials: Some(400),
        seed: Some(3),
    };
    <ValidateCommand as Command>::run(req, &dealteam::clock::Ctx::frozen()).unwrap()
}

fn findings(v: &Value) -> Vec<(String, Severity, String)> {
    validate(v)
        .findings
        .into_iter()
        .map(|f| (f.rule, f.severity, f.path))
        .collect()
}

fn remove(v: &mut Value, ptr: &str) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
}

#[test]
fn the_documented_example_passes_every_rule() {
    let plan: Plan = dealteam::json::from_str(&example().to_string()).unwrap();
    let r = validate_plan(&plan);
    assert!(r.ok);
    assert_eq!(r.findings, vec![]);
}

/// (rule, edit, expected path)
type Case = (&'static str, Box<dyn Fn(&mut Value)>, &'static str);

fn cases() -> Vec<Case> {
    vec![
        (
            "partners.present",
            Box::new(|v| {
                v["partners"].as_array_mut().unwrap().truncate(1);
                v["split"] = json!({"model": "fixed", "shares": {"p1": 1}});
                v["exclusivity"]["mayPursueSimilar"] = json!(true);
                v["objectives"].as_array_mut().unwrap().truncate(2);
            }),
            "partners",
        ),
        (
            "lead.partner",
            Box::new(|v| v["partners"][0]["lead"] = json!(false)),
            "partners",
        ),
        (
            "lead.partner",
            Box::new(|v| v["partners"][1]["lead"] = json!(true)),
            "partners[1].lead",
        ),
        (
            "lead.opportunity",
            Box::new(|v| remove(v, "/opportunityLead")),
            "opportunityLead",
        ),
        (
            "partner.manager",
            Box::new(|v| remove(v, "/partners/1/manager")),
            "partners[1].manager",
        ),
        (
            "objectives.metrics",
            Box::new(|v| v["objectives"] = json!([])),
            "objectives",
        ),
        (
            "objectives.metrics",
            Box::new(|v| v["objectives"][0]["metric"] = json!("profit")),
            "objectives[0].metric",
        ),
        (
            "objectives.metrics",
            Box::new(|v| remove(v, "/objectives/1/target")),
            "objectives[1].target",
        ),
        (
            "objectives.dates",
            Box::new(|v| remove(v, "/objectives/0/byMonth")),
            "objectives[0].byMonth",
        ),
        (
            "objectives.dates",
            Box::new(|v| v["objectives"][2]["byMonth"] = json!(30)),
            "objectives[2].byMonth",
        ),
        (
            "objectives.owners",
            Box::new(|v| remove(v, "/objectives/0/owner")),
            "objectives[0].owner",
        ),
        (
            "success.measures",
            Box::new(|v| v["successMeasures"] = json!([" "])),
            "successMeasures",
        ),
        (
            "remuneration.recurring",
            Box::new(|v| remove(v, "/remuneration")),
            "remuneration.recurring",
        ),
        ("remuneration.recurring", Box::new(|v| remove(v, "/offer")), "offer"),
        (
            "investment.commitment",
            Box::new(|v| remove(v, "/partners/0/investments")),
            "partners[0].investments",
        ),
        (
            "investment.items",
            Box::new(|v| remove(v, "/partners/0/investments/branding")),
            "partners[0].investments.branding",
        ),
        (
            "split.shares",
            Box::new(|v| v["split"] = json!({"model": "fixed", "percent": {"p1": 60, "p2": 30}})),
            "split.percent",
        ),
        (
            "split.shares",
            Box::new(|v| v["split"] = json!({"model": "fixed", "shares": {"p1": 1}})),
            "split.shares.p2",
        ),
        (
            "split.adds_up",
            Box::new(|v| v["split"] = json!({"model": "fixed", "percent": {"p1": 60, "p2": 40, "p9": 0}})),
            "split.percent.p9",
        ),
        ("split.adds_up", Box::new(|v| remove(v, "/split")), "split"),
        (
            "pipeline.required",
            Box::new(|v| {
                remove(v, "/pipeline");
                v["pipelineRequirements"] = json!({"maxSalesCycleDays": 90});
            }),
            "pipelineRequirements",
        ),
        (
            "pipeline.cycle",
            Box::new(|v| {
                remove(v, "/pipeline");
                v["pipelineRequirements"] = json!({"opportunitiesPerMonth": 3});
            }),
            "pipelineRequirements.maxSalesCycleDays",
        ),
        (
            "governance.overseer",
            Box::new(|v| remove(v, "/governance/overseer")),
            "governance.overseer",
        ),
        (
            "governance.independent",
            Box::new(|v| remove(v, "/governance/independentParty")),
            "governance.independentParty",
        ),
        (
            "mediation.steps",
            Box::new(|v| v["mediation"]["steps"] = json!([])),
            "mediation.steps",
        ),
        (
            "exclusivity.declared",
            Box::new(|v| remove(v, "/exclusivity")),
            "exclusivity",
        ),
        (
            "exclusivity.declared",
            Box::new(|v| remove(v, "/exclusivity/exclusive")),
            "exclusivity.exclusive",
        ),
        (
            "exclusivity.declared",
            Box::new(|v| v["exclusivity"]["mayPursueSimilar"] = json!({"p1": true})),
            "exclusivity.mayPursueSimilar.p2",
        ),
        (
            "values.vision",
            Box::new(|v| {
                remove(v, "/values");
                remove(v, "/vision");
            }),
            "values",
        ),
        ("legal.ip", Box::new(|v| remove(v, "/legal/ip")), "legal.ip"),
        (
            "legal.liability",
            Box::new(|v| remove(v, "/legal/liability")),
            "legal.liability",
        ),
        (
            "legal.term",
            Box::new(|v| remove(v, "/legal/term/start")),
            "legal.term.start",
        ),
        (
            "legal.term",
            Box::new(|v| v["legal"]["term"]["start"] = json!("1 Jan 2027")),
            "legal.term.start",
        ),
        (
            "legal.term",
            Box::new(|v| {
                remove(v, "/legal/term/end");
                remove(v, "/legal/term/renewal");
            }),
            "legal.term.end",
        ),
        (
            "legal.term",
            Box::new(|v| v["legal"]["term"]["end"] = json!("2026-12-31")),
            "legal.term.end",
        ),
        (
            "legal.term",
            Box::new(|v| remove(v, "/legal/term/terminationNoticeDays")),
            "legal.term.terminationNoticeDays",
        ),
        ("data.sharing", Box::new(|v| remove(v, "/dataSharing")), "dataSharing"),
        (
            "data.sharing",
            Box::new(|v| remove(v, "/dataSharing/access")),
            "dataSharing.access",
        ),
        (
            "engagement.rules",
            Box::new(|v| remove(v, "/engagement/rules")),
            "engagement.rules",
        ),
        (
            "engagement.kind",
            Box::new(|v| remove(v, "/engagement/kind")),
            "engagement.kind",
        ),
        (
            "customer.contact",
            Box::new(|v| remove(v, "/customerContact")),
            "customerContact",
        ),
        (
            "project.manager",
            Box::new(|v| remove(v, "/projectManager")),
            "projectManager",
        ),
        (
            "enablement.presales",
            Box::new(|v| remove(v, "/enablement")),
            "enablement.presales",
        ),
        ("branding.usage", Box::new(|v| remove(v, "/branding")), "branding.usage"),
        (
            "audit.cadence",
            Box::new(|v| remove(v, "/audit/cadence")),
            "audit.cadence",
        ),
        (
            "profit.partner",
            Box::new(|v| v["partners"][1]["investments"]["monthlyCost"] = json!("90000.00")),
            "partners[1].investments",
        ),
        (
            "plan.simulatable",
            Box::new(|v| v["pipeline"]["dealSize"]["p90"] = json!("100.00")),
            "pipeline.dealSize.p90",
        ),
        (
            "plan.simulatable",
            Box::new(|v| v["offer"]["monthlyChurn"] = json!(1.2)),
            "offer.monthlyChurn",
        ),
        (
            "plan.simulatable",
            Box::new(|v| v["horizonMonths"] = json!(0)),
            "horizonMonths",
        ),
        (
            "incentives.threshold.unreached",
            Box::new(|v| {
                v["incentives"] = json!({"thresholds": [{"partner": "p2", "tiers": [
                    {"revenue": "5000000000.00", "bonusPercent": 5}]}]})
            }),
            "incentives.thresholds[0].tiers[0].revenue",
        ),
        (
            "incentives.clawback.term",
            Box::new(|v| v["incentives"] = json!({"clawbackMonths": 24})),
            "incentives.clawbackMonths",
        ),
        (
            "incentives.mdf.pool",
            Box::new(|v| {
                v["incentives"] = json!({"mdf": {"contributions": {"p1": "10.00"},
                    "requests": [{"partner": "p2", "month": 1, "amount": "20.00"}]}})
            }),
            "incentives.mdf",
        ),
    ]
}

#[test]
fn each_rule_fails_on_its_gap_and_only_there() {
    let mut covered = std::collections::BTreeSet::new();
    for (rule, edit, path) in cases() {
        let mut v = example();
        edit(&mut v);
        let f = findings(&v);
        assert!(
            f.iter().any(|(r, _, p)| r == rule && p == path),
            "{rule} at {path} not found in {f:?}"
        );
        // the passing example of the same rule is the unedited plan (no findings at all)
        let severity = f.iter().find(|(r, _, p)| r == rule && p == path).unwrap().1;
        assert_eq!(
            Some(&severity),
            RULES.iter().find(|(r, _)| *r == rule).map(|x| &x.1),
            "{rule}"
        );
        let r = validate(&v);
        if f.iter().all(|(_, s, _)| *s == Severity::Warning) {
            assert!(r.ok, "{rule}: warnings only keep ok");
        }
        if severity == Severity::Error {
            assert!(!r.ok, "{rule}: an error finding makes ok false");
        }
        covered.insert(rule);
    }
    for (rule, _) in RULES {
        assert!(covered.contains(rule), "rule {rule} has no failing example");
    }
}

#[test]
fn errors_come_before_warnings() {
    let mut v = example();
    remove(&mut v, "/values");
    remove(&mut v, "/vision");
    remove(&mut v, "/governance");
    let f = findings(&v);
    let sev: Vec<Severity> = f.iter().map(|x| x.1).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(f[0].0, "governance.overseer");
}

#[test]
fn an_empty_plan_is_a_list_of_gaps_not_an_error() {
    let out = dealteam::api::run_json("validate", r#"{"plan": {}}"#, false, &dealteam::clock::Ctx::frozen()).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for r in [
        "partners.present",
        "lead.partner",
        "lead.opportunity",
        "objectives.metrics",
        "success.measures",
        "split.adds_up",
        "pipeline.required",
        "pipeline.cycle",
        "governance.overseer",
        "mediation.steps",
        "exclusivity.declared",
        "values.vision",
    ] {
        assert!(rules.contains(&r), "{r} missing from {rules:?}");
    }
    // typos are still errors, not findings
    let e = dealteam::api::run_json(
        "validate",
        r#"{"plan": {"governance": {"oversser": "x"}}}"#,
        false,
        &dealteam::clock::Ctx::frozen(),
    )
    .unwrap_err();
    assert_eq!(e.code, dealteam::ErrorCode::UnknownField);
    assert_eq!(e.path, "plan.governance.oversser");
    let e = dealteam::api::run_json(
        "validate",
        r#"{"plan": {"offer": {"kind": "oneTime", "termMonths": 3}}}"#,
        false,
        &dealteam::clock::Ctx::frozen(),
    )
    .unwrap_err();
    assert_eq!(e.code, dealteam::ErrorCode::UnknownField);
    assert_eq!(e.path, "plan.offer.termMonths");
    // inside a tagged offer the unknown field is named in the offer, not after the member read
    // last (a finding of the `commands` fuzz target: fuzz/regressions/commands)
    let text =
        r#"{"plan": {"offer": {"kind": "subscription", "termMonth3": 12, "monthlyChurn": 0.02, "renewalRate": 0.6}}}"#;
    for cmd in ["validate", "simulate", "agreement"] {
        let e = dealteam::api::run_json(cmd, text, false, &dealteam::clock::Ctx::frozen()).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (dealteam::ErrorCode::UnknownField, "plan.offer.termMonth3"),
            "{cmd}"
        );
    }
}
