#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::manual_clamp, clippy::unnecessary_map_or)] // the recomputation is deliberately literal
//! The CLI door (SPEC §10): `dealteam sample | dealteam rank` end to end through the
//! built binary, errors as JSON on stderr with exit code 2, and the issue's done-means
//! check — the fits equal an independent, straightforward recomputation of §2 (written
//! here from the spec, on the raw JSON) to 1e-12, in the spec's order.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dealteam(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealteam"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // a command that does not read stdin (sample, usage errors) may close it early
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// §2 criterion score, straight from the spec text, on raw JSON.
fn score(c: &Value, p: &Value, tiers: &[Value]) -> f64 {
    let key = c["key"].as_str().unwrap_or("");
    let lists = |name: &str| p[name].as_array().map_or(false, |a| a.iter().any(|x| x == key));
    let clamp = |x: f64| x.max(0.0).min(1.0);
    match c["kind"].as_str().unwrap() {
        "capability" => {
            let v = p["capabilities"][key].as_f64().unwrap_or(0.0);
            (v / c["target"].as_f64().unwrap_or(1.0)).min(1.0)
        }
        "industry" => lists("industries") as u8 as f64,
        "region" => lists("regions") as u8 as f64,
        "certification" => lists("certifications") as u8 as f64,
        "tier" => match p["tier"].as_str().and_then(|t| tiers.iter().position(|x| x == t)) {
            None => 0.0,
            Some(_) if tiers.len() == 1 => 1.0,
            Some(i) => i as f64 / (tiers.len() - 1) as f64,
        },
        "metric" => match p["metrics"][key].as_f64() {
            None => 0.0,
            Some(v) => {
                let (g, b) = (c["good"].as_f64().unwrap(), c["bad"].as_f64().unwrap());
                clamp((v - b) / (g - b))
            }
        },
        "reach" => clamp(p["accounts"].as_array().map_or(0, |a| a.len()) as f64 / c["good"].as_f64().unwrap()),
        k => panic!("unknown kind {k}"),
    }
}

/// `require` of the sample profiles: kinds and regionsAny (and the rest unused there).
fn eligible(req: &Value, p: &Value) -> bool {
    let kinds_ok = req["kinds"].as_array().map_or(true, |k| k.contains(&p["kind"]));
    let regions_ok = req["regionsAny"].as_array().map_or(true, |want| {
        want.iter()
            .any(|r| p["regions"].as_array().map_or(false, |have| have.contains(r)))
    });
    kinds_ok && regions_ok
}

#[test]
fn sample_piped_into_rank_matches_an_independent_recomputation() {
    let sample = dealteam(&["sample", "--partners", "2000", "--seed", "1"], "");
    let s = stdout_json(&sample);
    for (pi, profile) in s["profiles"].as_array().unwrap().iter().enumerate() {
        let req = json!({"ecosystem": s["ecosystem"], "profile": profile, "limit": 0});
        let out = stdout_json(&dealteam(&["rank", "-"], &req.to_string()));
        let results = out["results"].as_array().unwrap();
        let partners = s["ecosystem"]["partners"].as_array().unwrap();
        let tiers = s["ecosystem"]["tiers"].as_array().unwrap();
        assert_eq!(results.len(), 2000);
        // independent fits and order: eligible first, fit descending, ties (< 1e-9) by id
        let mut want: Vec<(bool, f64, String)> = partners
            .iter()
            .map(|p| {
                let crit = profile["criteria"].as_array().unwrap();
                let num: f64 = crit
                    .iter()
                    .map(|c| c["weight"].as_f64().unwrap() * score(c, p, tiers))
                    .sum();
                let den: f64 = crit.iter().map(|c| c["weight"].as_f64().unwrap()).sum();
                (
                    eligible(&profile["require"], p),
                    num / den,
                    p["id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        want.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        for (i, (r, w)) in results.iter().zip(&want).enumerate() {
            assert!((r["fit"].as_f64().unwrap() - w.1).abs() < 1e-12, "profile {pi} row {i}");
            assert_eq!(r["eligible"].as_bool().unwrap(), w.0);
        }
        // the order: each neighbour pair is in the spec's order
        for pair in results.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let (ea, eb) = (a["eligible"].as_bool().unwrap(), b["eligible"].as_bool().unwrap());
            let (fa, fb) = (a["fit"].as_f64().unwrap(), b["fit"].as_f64().unwrap());
            let (ia, ib) = (a["partnerId"].as_str().unwrap(), b["partnerId"].as_str().unwrap());
            assert!(ea >= eb);
            if ea == eb {
                if (fa - fb).abs() < 1e-9 {
                    assert!(ia < ib, "tie {ia} {ib}");
                } else {
                    assert!(fa > fb);
                }
            }
        }
        assert!(
            results.iter().any(|r| r["eligible"] == true),
            "profile {pi} has eligible partners"
        );
    }
}

#[test]
fn profile_zero_is_the_nine_criterion_benchmark_profile_and_deal_shape() {
    let s = stdout_json(&dealteam(&["sample", "--partners", "50", "--seed", "3"], ""));
    let p0 = &s["profiles"][0];
    assert_eq!(p0["criteria"].as_array().unwrap().len(), 9);
    assert_eq!(p0["require"].as_object().unwrap().len(), 2);
    let d = &s["deal"];
    assert_eq!(d["slots"].as_array().unwrap().len(), 3);
    assert_eq!(d["maxTeamSize"], 4);
    assert_eq!(d["requirements"].as_array().unwrap().len(), 6);
    assert_eq!(d["slots"][2], json!({"role": "referral", "min": 0, "max": 1}));
    // same seed, same bytes; another seed, another sample
    let again = dealteam(&["sample", "--partners", "50", "--seed", "3"], "");
    assert_eq!(serde_json::from_slice::<Value>(&again.stdout).unwrap(), s);
    let other = stdout_json(&dealteam(&["sample", "--partners", "50", "--seed", "4"], ""));
    assert_ne!(other["ecosystem"], s["ecosystem"]);
}

#[test]
fn rank_reads_a_file_and_pretty_prints() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rank.json");
    let o = dealteam(&["rank", path, "--pretty"], "");
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(text.contains("\n  \"results\""));
    let v = stdout_json(&o);
    assert_eq!(v["results"][0]["partnerId"], "northwind");
}

#[test]
fn errors_are_json_on_stderr_with_exit_2() {
    let o = dealteam(
        &["rank"],
        r#"{"ecosystem":{"partners":[]},"profile":{"id":"x","name":"X","criteria":[{"kind":"tier","wieght":1}]}}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let e: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(e["error"]["code"], "unknown_field");
    assert_eq!(e["error"]["path"], "profile.criteria[0].wieght");
    for args in [
        &["sample", "--partners", "many"][..],
        &["sample", "--sed", "1"],
        &["sample", "--partners", "0"],
        &["rnak"],
    ] {
        let o = dealteam(args, "{}");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e: Value = serde_json::from_slice(&o.stderr).unwrap();
        assert!(
            e["error"]["code"].is_string() && e["error"]["message"].is_string(),
            "{args:?}"
        );
    }
    let o = dealteam(&["rank", "/nonexistent/file.json"], "");
    assert_eq!(o.status.code(), Some(2));
}
