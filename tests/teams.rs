#![cfg(not(target_arch = "wasm32"))]
//! Hand-computed deal teams (SPEC §3): scores and breakdowns, conflicts (forbid and
//! penalize), include/exclude, empty slots, the best slot assignment, errors with
//! paths, and the resumable search (steps, cancel, time limit, honest gap).

use dealteam::api::{run_json, Command};
use dealteam::clock::Ctx;
use dealteam::teams::{TeamSearch, TeamsCommand, TeamsRequest, TeamsResponse};
use dealteam::ErrorCode;
use serde_json::{json, Value};
use std::cell::Cell;

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/teams.json")).unwrap()
}

fn run(v: Value) -> dealteam::Result<TeamsResponse> {
    let req: TeamsRequest = dealteam::json::from_str(&v.to_string())?;
    TeamsCommand::run(req, &Ctx::frozen())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn example_top_team_is_hand_computed() {
    let r = run(example()).unwrap();
    assert!(r.exact);
    assert_eq!(r.teams.len(), 3);
    let t = &r.teams[0];
    assert_eq!(t.members, ["acme", "cyan", "delta", "fox"]);
    // coverage: cloud 0.9 (w3), data 0.9 (w2), security 0.9/0.8 → 1 (w2), ai 0.8 (w1)
    let cov = (3.0 * 0.9 + 2.0 * 0.9 + 2.0 * 1.0 + 0.8) / 8.0;
    // fits: acme in cloud-si (2·0.9 + tier gold 1/2)/3; cyan (1 + 0.7)/2; delta (0 + 0.9)/2
    let fit = ((2.0 * 0.9 + 0.5) / 3.0 + 0.85 + 0.45) / 3.0;
    // pairs: acme–cyan 2·4/6 − 1 = 1/3, acme–fox 0.5, four others 0 → sum / 6
    let syn = (1.0 / 3.0 + 0.5) / 6.0;
    assert!(close(t.coverage, cov), "{}", t.coverage);
    assert!(close(t.fit, fit), "{}", t.fit);
    assert!(close(t.synergy, syn), "{}", t.synergy);
    assert!(close(t.score, 0.5 * cov + 0.3 * fit + 0.2 * (syn + 1.0) / 2.0));
    assert_eq!(t.slots["acme"], "si");
    assert_eq!(t.slots["cyan"], "isv");
    assert_eq!(t.slots["fox"], "referral");
    let by: Vec<_> = t
        .covers
        .iter()
        .map(|c| (c.capability.as_str(), c.partner_id.as_deref()))
        .collect();
    assert_eq!(
        by,
        [
            ("cloud", Some("acme")),
            ("data", Some("delta")),
            ("security", Some("cyan")),
            ("ai", Some("delta"))
        ]
    );
    assert_eq!(t.breakdown[3].partner_id, "fox");
    assert_eq!(t.breakdown[3].fit, None);
    assert!(close(t.breakdown[1].fit.unwrap(), 0.85));
    assert_eq!(t.pairs.len(), 6);
    assert!(close(t.pairs[0].score, 1.0 / 3.0));
    // scores descend
    assert!(r.teams.windows(2).all(|w| w[0].score >= w[1].score));
    // cyan and echo are in conflict: never together under forbid
    assert!(r
        .teams
        .iter()
        .all(|t| !(t.members.contains(&"cyan".into()) && t.members.contains(&"echo".into()))));
}

fn two_partner_deal(mode: &str) -> Value {
    json!({
        "ecosystem": {"partners": [
            {"id": "a", "name": "A", "kind": "si", "capabilities": {"cloud": 1}},
            {"id": "b", "name": "B", "kind": "isv", "capabilities": {"data": 1}}],
          "relationships": [{"a": "a", "b": "b", "trust": 0.5, "conflict": true}]},
        "deal": {"id": "d", "name": "D", "value": "1000.00", "currency": "EUR",
          "requirements": [{"capability": "cloud", "weight": 1}, {"capability": "data", "weight": 1}],
          "slots": [{"role": "si", "min": 0, "max": 1}, {"role": "isv", "min": 0, "max": 1}],
          "conflicts": mode}
    })
}

#[test]
fn forbid_drops_conflicting_pairs_and_ties_go_by_id() {
    let r = run(two_partner_deal("forbid")).unwrap();
    // {a} and {b}: cov 0.5, fit 1 (no profiled slot), synergy 0 → 0.25 + 0.3 + 0.1
    assert_eq!(r.teams.len(), 2);
    assert_eq!(r.teams[0].members, ["a"]);
    assert_eq!(r.teams[1].members, ["b"]);
    assert!(close(r.teams[0].score, 0.65) && close(r.teams[1].score, 0.65));
}

#[test]
fn penalize_subtracts_the_penalty_per_conflicting_pair() {
    let r = run(two_partner_deal("penalize")).unwrap();
    // {a, b}: cov 1, fit 1, synergy 0.5 → 0.5 + 0.3 + 0.15 − 0.25 = 0.70
    assert_eq!(r.teams[0].members, ["a", "b"]);
    assert!(close(r.teams[0].score, 0.70), "{}", r.teams[0].score);
    assert!(close(r.teams[0].penalty, 0.25));
    assert_eq!(r.teams[0].conflicts, [["a".to_string(), "b".to_string()]]);
    let mut v = two_partner_deal("penalize");
    v["deal"]["conflictPenalty"] = json!(0.5);
    let r = run(v).unwrap();
    assert_eq!(r.teams[0].members, ["a"]); // 0.95 − 0.5 < 0.65
    assert!(close(r.teams[2].score, 0.45));
}

#[test]
fn the_best_assignment_may_use_an_open_slot() {
    let v = json!({
        "ecosystem": {"partners": [
            {"id": "x", "name": "X", "kind": "si", "capabilities": {"cloud": 0.4}},
            {"id": "y", "name": "Y", "kind": "si", "capabilities": {"cloud": 0.9}}]},
        "profiles": [{"id": "p", "name": "P", "criteria": [{"kind": "capability", "key": "cloud", "weight": 1}]}],
        "deal": {"id": "d", "name": "D", "value": "1.00", "currency": "EUR",
          "slots": [{"role": "si", "profile": "p", "min": 0, "max": 1}, {"role": "si", "min": 0, "max": 1}],
          "weights": {"coverage": 1, "fit": 1, "synergy": 0}}
    });
    let r = run(v).unwrap();
    // alone, each sits in the open slot: fit 1 → score (1 + 1) / 2 = 1
    assert_eq!(r.teams[0].members, ["x"]);
    assert!(close(r.teams[0].score, 1.0));
    assert_eq!(r.teams[0].breakdown[0].slot, 1);
    // together: y in the profiled slot (fit 0.9) beats x there (0.4) → (1 + 0.9) / 2
    assert_eq!(r.teams[2].members, ["x", "y"]);
    assert!(close(r.teams[2].score, 0.95));
    assert_eq!(r.teams[2].breakdown[1].slot, 0);
    assert_eq!(r.teams[2].breakdown[1].fit, Some(0.9));
}

#[test]
fn include_exclude_and_empty_slots() {
    let mut v = example();
    v["deal"]["include"] = json!(["beta"]);
    v["deal"]["exclude"] = json!(["acme"]);
    v["k"] = json!(10);
    let r = run(v).unwrap();
    assert!(!r.teams.is_empty());
    for t in &r.teams {
        assert!(t.members.contains(&"beta".to_string()));
        assert!(!t.members.contains(&"acme".to_string()));
    }
    // the referral slot (min 0) may stay empty
    assert!(r.teams.iter().any(|t| !t.slots.values().any(|role| role == "referral")));
    let mut v = example();
    v["deal"]["maxTeamSize"] = json!(2);
    let r = run(v).unwrap();
    assert!(r.teams.iter().all(|t| t.members.len() == 2));
}

#[test]
fn errors_name_the_field() {
    let mut v = example();
    v["deal"]["slots"][1]["profile"] = json!("nope");
    let e = run(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownProfile, "deal.slots[1].profile")
    );
    let mut v = example();
    v["deal"]["include"] = json!(["ghost"]);
    let e = run(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownPartner, "deal.include[0]")
    );
    let mut v = example();
    v["profiles"][0]["require"] = json!({"kinds": ["msp"]});
    let e = run(v).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::Infeasible, "deal.slots[0]"));
    assert!(
        e.message.contains("0 eligible") && e.message.contains("cloud-si"),
        "{}",
        e.message
    );
    let mut v = example();
    v["deal"]["include"] = json!(["cyan", "echo"]);
    let e = run(v).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::Infeasible, "deal.include"));
    let mut v = example();
    v["k"] = json!(0);
    assert_eq!(run(v).unwrap_err().path, "k");
    let mut v = example();
    v["deal"]["slots"][0]["min"] = json!(3);
    v["deal"]["slots"][0]["max"] = json!(3);
    let e = run(v).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::Infeasible, "deal.slots[0]"));
    let mut v = example();
    v["deal"]["slots"][0]["mni"] = json!(1);
    let e = run(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownField, "deal.slots[0].mni")
    );
}

fn sample_request(n: usize, k: usize) -> TeamsRequest {
    let s = dealteam::sample::generate(n, 7).unwrap();
    TeamsRequest {
        ecosystem: s.ecosystem,
        profiles: s.profiles,
        deal: s.deal,
        k: Some(k),
        mode: None,
        time_limit_ms: None,
        win_model: None,
    }
}

#[test]
fn stepping_gives_the_one_shot_result() {
    let req = sample_request(300, 5);
    let once = TeamsCommand::run(req.clone(), &Ctx::frozen()).unwrap();
    assert!(once.exact);
    let t = Cell::new(0.0);
    let tick = || {
        t.set(t.get() + 1.0);
        t.get()
    };
    let ctx = Ctx { now_ms: &tick };
    let mut s = TeamSearch::new(req).unwrap();
    let mut last = 0.0;
    let mut steps = 0;
    loop {
        let p = s.step(1.0, &ctx);
        assert!(p.progress >= last - 1e-12 && p.progress <= 1.0);
        last = p.progress;
        steps += 1;
        if p.done {
            assert_eq!(p.progress, 1.0);
            assert!(p.bound.is_none());
            break;
        }
        assert!(p.bound.unwrap() >= p.best_score.unwrap_or(f64::NEG_INFINITY) - 1e-9);
    }
    assert!(steps > 1, "the search should need several steps");
    let r = s.result().unwrap();
    assert_eq!(r, once);
}

#[test]
fn cancel_and_time_limit_report_an_honest_gap() {
    let req = sample_request(1000, 10);
    let exact = TeamsCommand::run(req.clone(), &Ctx::frozen()).unwrap();
    assert!(exact.exact && exact.gap.is_none());
    let kth = exact.teams[9].score;
    // a clock that jumps 1 s per reading: the 0 ms limit stops after the first chunk
    let t = Cell::new(0.0);
    let tick = || {
        t.set(t.get() + 1000.0);
        t.get()
    };
    let mut req2 = req.clone();
    req2.time_limit_ms = Some(0.0);
    let r = TeamsCommand::run(req2, &Ctx { now_ms: &tick }).unwrap();
    assert!(!r.exact);
    let gap = r.gap.unwrap();
    let found_kth = r.teams.last().map_or(0.0, |t| t.score);
    assert!(
        found_kth + gap >= kth - 1e-9,
        "gap {gap} does not cover the true k-th {kth}"
    );
    // cancel before any step: nothing found, not exact
    let mut s = TeamSearch::new(req).unwrap();
    s.cancel();
    assert!(s.step(10.0, &Ctx::frozen()).done);
    let r = s.result().unwrap();
    assert!(!r.exact && r.teams.is_empty());
}

#[test]
fn cli_example_runs() {
    let out = run_json("teams", include_str!("../examples/teams.json"), false, &Ctx::frozen()).unwrap();
    assert!(
        out.starts_with(r#"{"teams":[{"members":["acme","cyan","delta","fox"]"#),
        "{out}"
    );
}

#[test]
fn an_exact_tie_found_later_still_wins_on_ids() {
    // z looks more promising (a trust-1 relationship, but forbidden by conflict), so the
    // search meets {z} first; {a} scores the same and must take the single place.
    let v = json!({
        "ecosystem": {"partners": [
            {"id": "z", "name": "Z", "kind": "si", "capabilities": {"cloud": 1}},
            {"id": "q", "name": "Q", "kind": "si"},
            {"id": "a", "name": "A", "kind": "si", "capabilities": {"cloud": 1}}],
          "relationships": [{"a": "z", "b": "q", "trust": 1, "conflict": true}]},
        "deal": {"id": "d", "name": "D", "value": "1.00", "currency": "EUR",
          "requirements": [{"capability": "cloud", "weight": 1}],
          "slots": [{"role": "si", "min": 1, "max": 2}]},
        "k": 1
    });
    let r = run(v.clone()).unwrap();
    assert_eq!(r.teams.len(), 1);
    assert_eq!(r.teams[0].members, ["a"]);
    // {a}, {a, q}, {a, z}, {z}: coverage 1, fit 1, synergy 0 → 0.5 + 0.3 + 0.1 = 0.9
    // each, so the sorted id lists decide; {q, z} is forbidden, {q} covers nothing.
    let mut v2 = v;
    v2["k"] = json!(4);
    let r = run(v2).unwrap();
    let members: Vec<_> = r.teams.iter().map(|t| t.members.join(",")).collect();
    assert_eq!(members, ["a", "a,q", "a,z", "z"]);
    assert!(r.teams.iter().all(|t| close(t.score, 0.9)));
}
