#![cfg(not(target_arch = "wasm32"))]
//! SPEC §7, §15 `agreement` and `verify`: golden copies of the documented examples
//! (read as a partner would; `UPDATE_GOLDEN=1 cargo test --test plan_agreement`
//! rewrites them, and the diff is reviewed), a scan for wording that does not belong in
//! a document for partners, the HTML rendering of the same document, and the check of
//! a signed copy against its plan.

use dealteam::api::Command;
use dealteam::clock::Ctx;
use dealteam::plan::{AgreementCommand, AgreementRequest, VerifyCommand, VerifyRequest};
use serde_json::{json, Value};

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root(path)).unwrap()).unwrap()
}

fn draft(req: &Value) -> String {
    let r: AgreementRequest = dealteam::json::from_str(&req.to_string()).unwrap();
    <AgreementCommand as Command>::run(r, &Ctx::frozen()).unwrap()
}

fn verify(markdown: &str, plan: &Value) -> dealteam::plan::VerifyResponse {
    let r: VerifyRequest = dealteam::json::from_str(&json!({"markdown": markdown, "plan": plan}).to_string()).unwrap();
    <VerifyCommand as Command>::run(r, &Ctx::frozen()).unwrap()
}

/// Compare with the golden file, or write it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, text: &str) {
    let path = root(&format!("tests/golden/{name}"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (UPDATE_GOLDEN=1 writes it)"));
    assert!(
        text == want,
        "{name} differs from its golden copy; run with UPDATE_GOLDEN=1 and review the diff"
    );
}

/// The documented example with a tiered split, for the split in words.
fn tiered_example() -> Value {
    let mut plan = read_json("docs/plan-example.json");
    plan["split"] = json!({"model": "tiered", "roles": {"p2": "integrator"},
        "schedules": {"integrator": [{"upTo": "100000.00", "rate": "0.3"}, {"upTo": "500000.00", "rate": "0.2"}, {"rate": "0.1"}]},
        "residual": {"to": "p1"}});
    plan["objectives"].as_array_mut().unwrap().truncate(2);
    plan["remuneration"]["recurring"] =
        json!("Subscription and renewal revenue earns the same commissions for the life of the customer.");
    plan
}

/// A first draft: two partners and a name — most of the agreement is still open.
fn first_draft() -> Value {
    json!({"name": "Retail analytics", "currency": "EUR", "horizonMonths": 12,
           "partners": [{"id": "p1", "name": "Acme Software", "role": "isv", "lead": true},
                        {"id": "p2", "name": "Beta Integrators", "role": "isv"}]})
}

/// The documented incentives example (SPEC §13), drafted from 1,000 outcomes.
fn incentives_example() -> Value {
    let mut req = read_json("examples/plan-incentives.json");
    req["trials"] = json!(1000);
    req
}

fn cases() -> Vec<(&'static str, Value)> {
    let example = read_json("examples/plan-agreement.json");
    vec![
        ("agreement-plan-agreement.md", example.clone()),
        (
            "agreement-tiered-de.md",
            json!({"plan": tiered_example(), "trials": 1000, "seed": 2, "locale": "de"}),
        ),
        (
            "agreement-first-draft.md",
            json!({"plan": first_draft(), "trials": 200}),
        ),
        ("agreement-plan-incentives.md", incentives_example()),
    ]
}

#[test]
fn the_documented_examples_match_their_golden_copies() {
    for (name, req) in cases() {
        golden(name, &draft(&req));
    }
    let mut html = read_json("examples/plan-agreement.json");
    html["format"] = json!("html");
    golden("agreement-plan-agreement.html", &draft(&html));
}

#[test]
fn the_agreement_states_the_incentives_in_words_with_expected_payouts() {
    let md = draft(&incentives_example());
    let at = md.find("Incentives and payouts").expect("an incentives section");
    let remuneration = md.find("Remuneration and revenue split").unwrap();
    assert!(remuneration < at, "after the revenue split");
    let section = &md[at..md[at..].find("\n## ").map(|k| at + k).unwrap_or(md.len())];
    for want in [
        "Beta Integrators and Cloud Referrals are paid the rewards below instead of a share",
        "Beta Integrators earns 40.0% of the customer's revenue in months 1 to 3 after booking, then 20.0% from month 4 after booking on.",
        "Every referral partner earns EUR\u{a0}1,500.00 for every new customer booked.",
        "Rewards are held for 1 month before they are paid.",
        "Each month's rewards are paid in 2 equal parts, one a month.",
        "A payable amount below EUR\u{a0}250.00 is carried to the next month.",
        "within 6 months of booking",
        "of each customer's monthly consumption above its first month",
        "A shared marketing fund of EUR\u{a0}40,000.00 (paid in by Acme Software EUR\u{a0}30,000.00 and Beta Integrators EUR\u{a0}10,000.00)",
        "| Partner | Rewards earned | Expected payouts | Likely payouts (90 of 100 outcomes) |",
        "| Acme Software | — | — | — | — | EUR\u{a0}",
    ] {
        assert!(section.contains(want), "missing {want:?} in\n{section}");
    }
    // one row per partner, each with a range "EUR a to EUR b" where a ≤ b
    for name in ["Beta Integrators", "Cloud Referrals"] {
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .expect(name);
        let cells: Vec<&str> = row.split(" | ").collect();
        let amount = |s: &str| -> f64 {
            s.trim()
                .trim_start_matches("EUR\u{a0}")
                .replace(',', "")
                .parse()
                .unwrap()
        };
        let (lo, hi) = cells[3].split_once(" to ").expect("a range");
        assert!(
            amount(lo) <= amount(cells[2]) && amount(cells[2]) <= amount(hi),
            "{row}"
        );
    }
    // a plan without incentives has no such section
    assert!(!draft(&read_json("examples/plan-agreement.json")).contains("Incentives and payouts"));
}

#[test]
fn the_document_speaks_to_partners_not_to_developers() {
    for (name, req) in cases() {
        let md = draft(&req);
        let body = &md[..md.rfind("\n---\n").expect("a footer")];
        for word in [
            "SPEC",
            "§",
            "JSON",
            "json",
            "share:",
            "Monte Carlo",
            "p5",
            "p95",
            "ROPI",
            "null",
            "undefined",
        ] {
            assert!(!md.contains(word), "{name} mentions {word:?}");
        }
        assert!(!body.contains('`'), "{name}: code quotes before the footer");
        // partners by name, never by id
        for id in ["p1", "p2"] {
            assert!(
                !body.split(|c: char| !c.is_alphanumeric()).any(|w| w == id),
                "{name} shows the id {id}"
            );
        }
        // one rule for percentages: always one decimal
        for (i, _) in body.match_indices('%') {
            let before: String = body[..i].trim_end_matches('\u{a0}').chars().rev().take(3).collect();
            let b: Vec<char> = before.chars().collect();
            assert!(
                b.len() == 3 && b[0].is_ascii_digit() && (b[1] == '.' || b[1] == ',') && b[2].is_ascii_digit(),
                "{name}: a percentage without exactly one decimal near {:?}",
                &body[i.saturating_sub(20)..i + 1]
            );
        }
    }
}

#[test]
fn money_uses_the_currency_format_and_the_locale_separators() {
    let en = draft(&cases()[0].1);
    assert!(en.contains("EUR\u{a0}3,000,000.00"), "{en}");
    let de = draft(&cases()[1].1);
    assert!(de.contains("EUR\u{a0}3.000.000,00"), "{de}");
    assert!(de.contains("1. Januar 2027"), "{de}");
    assert!(
        de.contains("30,0\u{a0}% of the revenue up to EUR\u{a0}100.000,00"),
        "{de}"
    );
}

#[test]
fn user_text_cannot_break_the_layout() {
    let mut plan = first_draft();
    plan["partners"][0]["name"] = json!("*Acme* | <script>alert(1)</script>");
    let md = draft(&json!({"plan": plan.clone(), "trials": 100}));
    assert!(md.contains("\\*Acme\\* \\| \\<script\\>"), "{md}");
    let html = draft(&json!({"plan": plan, "trials": 100, "format": "html"}));
    assert!(
        html.contains("*Acme* | &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>"));
}

#[test]
fn html_and_markdown_are_one_document() {
    let req = cases()[0].1.clone();
    let md = draft(&req);
    let mut h = req.clone();
    h["format"] = json!("html");
    let html = draft(&h);
    // every heading of the Markdown is a heading of the HTML, in the same order
    let md_heads: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let html_heads: Vec<&str> = html
        .lines()
        .filter_map(|l| l.strip_prefix("<h2>").and_then(|l| l.strip_suffix("</h2>")))
        .collect();
    assert_eq!(md_heads, html_heads);
    assert!(md_heads.len() >= 15);
    let hash = md.lines().last().unwrap().split('`').nth(1).unwrap();
    assert!(html.contains(&format!("<code>{hash}</code>")));
}

#[test]
fn a_signed_copy_is_checked_against_its_plan() {
    let req = cases()[1].1.clone();
    let plan = req["plan"].clone();
    let md = draft(&req);
    let ok = verify(&md, &plan);
    assert!(ok.matches, "{}", ok.reason);
    assert_eq!(ok.document_hash.as_deref(), Some(ok.plan_hash.as_str()));
    // line endings of a copy saved on Windows, and the plan's key order, do not matter
    let crlf = md.replace('\n', "\r\n");
    let reordered: Value = serde_json::from_str(&serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    assert!(verify(&crlf, &reordered).matches);

    // a changed figure
    let edited = md.replacen("Januar 2027", "Januar 2026", 1);
    let r = verify(&edited, &plan);
    assert!(!r.matches);
    let line = r.line.unwrap() as usize;
    assert!(
        edited.lines().nth(line - 1).unwrap().contains("Januar 2026"),
        "{}",
        r.reason
    );
    assert!(
        r.reason.contains("text was changed") && r.reason.contains(&format!("line {line}")),
        "{}",
        r.reason
    );

    // another plan
    let mut other = plan.clone();
    other["partners"][1]["investments"]["mdf"] = json!("12000.00");
    let r = verify(&md, &other);
    assert!(!r.matches);
    assert!(r.reason.contains("different plan"), "{}", r.reason);
    assert_ne!(r.document_hash.as_deref(), Some(r.plan_hash.as_str()));

    // no footer
    let cut = &md[..md.rfind("\n---\n").unwrap()];
    let r = verify(cut, &plan);
    assert!(!r.matches && r.document_hash.is_none());
    assert!(r.reason.contains("no plan fingerprint"), "{}", r.reason);
}

#[test]
fn the_verify_example_is_a_matching_copy() {
    let req = read_json("examples/plan-verify.json");
    let r = verify(req["markdown"].as_str().unwrap(), &req["plan"]);
    assert!(
        r.matches,
        "{}: regenerate examples/plan-verify.json from plan-agreement.json",
        r.reason
    );
}

#[test]
fn the_cli_writes_the_printable_page() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args(["agreement", &root("examples/plan-agreement.json"), "--html"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("@media print") && html.contains("<h1>Collaboration agreement: Hospital cloud platform</h1>")
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args(["validate", &root("examples/plan-validate.json"), "--html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--html"));
}
