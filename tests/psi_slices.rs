#![cfg(not(target_arch = "wasm32"))]
//! A private-match step put together from slices (`psiBlind` + `psiAssemble`) gives byte for
//! byte the message, state and result of the step alone (`psiStart`, `psiReply`, `psiFinish`),
//! however the work is cut; slices that do not fit the step are refused.

use dealteam::psi::*;
use dealteam::ErrorCode;
use proptest::prelude::*;

fn acc(i: usize) -> PsiAccount {
    let pops = ["customer", "prospect", "opportunity"];
    PsiAccount::Full(PsiAccountFull {
        account: format!("Company {i} Inc"),
        status: Some(pops[i % 3].into()),
        value: None,
        domain: (i % 2 == 0).then(|| format!("company{i}.example")),
        name: None,
    })
}

/// `0..n` cut into `k` consecutive ranges (some empty when `k > n`).
fn cuts(n: usize, k: usize) -> Vec<(usize, usize)> {
    (0..k).map(|i| (n * i / k, n * (i + 1) / k)).collect()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

fn blind_accounts(seed: &str, accounts: &[PsiAccount], k: usize) -> Vec<String> {
    blind_with(
        PsiBlindRequest {
            seed: Some(seed.into()),
            ..PsiBlindRequest::default()
        },
        accounts,
        k,
    )
}

/// `accounts` cut into `k` slices, each blinded with the secret `key` names.
fn blind_with(key: PsiBlindRequest, accounts: &[PsiAccount], k: usize) -> Vec<String> {
    cuts(accounts.len(), k)
        .into_iter()
        .map(|(a, b)| {
            blind(PsiBlindRequest {
                accounts: accounts[a..b].to_vec(),
                ..key.clone()
            })
            .unwrap()
            .points
        })
        .collect()
}

/// Every group's points cut into `k` slices, blinded with `seed` or the state.
fn blind_groups(msg: &PsiMessage, k: usize, seed: Option<&str>, state: Option<&str>, inverse: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, g) in msg.body.groups.iter().enumerate() {
        let n = base64_len(&g.points);
        for (from, to) in cuts(n, k) {
            out.push(
                blind(PsiBlindRequest {
                    seed: seed.map(str::to_string),
                    state: state.map(str::to_string),
                    points: Some(g.points.clone()),
                    path: Some(format!("message.body.groups[{i}].points")),
                    from: Some(from),
                    to: Some(to),
                    inverse,
                    ..PsiBlindRequest::default()
                })
                .unwrap()
                .points,
            );
        }
    }
    out
}

fn base64_len(text: &str) -> usize {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).unwrap().len() / 32
}

fn step(r: PsiAssembled) -> PsiStepResponse {
    match r {
        PsiAssembled::Step(s) => s,
        PsiAssembled::Finish(_) => panic!("a step response was expected"),
    }
}

/// The whole exchange, alone and from `k` slices per step: every response the same bytes.
fn same_bytes(a: &[PsiAccount], b: &[PsiAccount], sa: Sharing, sb: Sharing, k: usize) {
    let start_req = PsiStartRequest {
        accounts: a.to_vec(),
        sharing: Some(sa),
        seed: Some("seed-a".into()),
    };
    let s1 = start(start_req.clone()).unwrap();
    let s1k = step(
        assemble(PsiAssembleRequest {
            start: Some(start_req),
            reply: None,
            finish: None,
            secret: None,
            blinded: blind_accounts("seed-a", a, k),
            theirs: vec![],
        })
        .unwrap(),
    );
    assert_eq!(json(&s1), json(&s1k), "step 1 with {k} slices");
    let reply_req = PsiReplyRequest {
        accounts: b.to_vec(),
        message: s1.message.clone(),
        sharing: Some(sb),
        seed: Some("seed-b".into()),
    };
    let s2 = reply(reply_req.clone()).unwrap();
    let s2k = step(
        assemble(PsiAssembleRequest {
            start: None,
            reply: Some(reply_req),
            finish: None,
            secret: None,
            blinded: blind_accounts("seed-b", b, k),
            theirs: blind_groups(&s1.message, k, Some("seed-b"), None, false),
        })
        .unwrap(),
    );
    assert_eq!(json(&s2), json(&s2k), "step 2 with {k} slices");
    let finish_req = PsiFinishRequest {
        state: s1.state.clone(),
        message: s2.message.clone(),
    };
    let fa = finish(finish_req.clone()).unwrap();
    let fak = assemble(PsiAssembleRequest {
        start: None,
        reply: None,
        finish: Some(finish_req),
        secret: None,
        blinded: blind_groups(&s2.message, k, None, Some(&s1.state), true),
        theirs: vec![],
    })
    .unwrap();
    assert_eq!(json(&fa), json(&fak), "A's last step with {k} slices");
    assert!(matches!(fak, PsiAssembled::Finish(_)));
}

#[test]
fn one_two_three_and_seven_slices_give_the_same_bytes() {
    // 40 accounts on A, 30 on B (20 shared), a bad row and a repeated one on each side
    let mut a: Vec<PsiAccount> = (0..40).map(acc).collect();
    a.push(PsiAccount::Bare("  ".into()));
    a.push(acc(3));
    let mut b: Vec<PsiAccount> = (20..50).map(acc).collect();
    b.insert(5, PsiAccount::Bare("Inc.".into()));
    b.push(acc(25));
    for k in [1, 2, 3, 7] {
        for (sa, sb) in [
            (Sharing::Counts, Sharing::Counts),
            (Sharing::Overlaps, Sharing::Overlaps),
            (Sharing::Overlaps, Sharing::Counts),
        ] {
            same_bytes(&a, &b, sa, sb, k);
        }
    }
    // more slices than accounts: the empty slices add nothing
    same_bytes(&a[..3], &b[..2], Sharing::Counts, Sharing::Counts, 7);
}

#[test]
fn a_fresh_secret_given_to_slices_and_assembly_gives_the_step_of_that_secret() {
    let a: Vec<PsiAccount> = (0..9).map(acc).collect();
    let secret = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="; // bytes 1..=32
    let key = PsiBlindRequest {
        secret: Some(secret.into()),
        ..PsiBlindRequest::default()
    };
    let slices = blind_with(key.clone(), &a, 2);
    let req = |blinded: Vec<String>| PsiAssembleRequest {
        start: Some(PsiStartRequest {
            accounts: a.clone(),
            sharing: None,
            seed: None,
        }),
        reply: None,
        finish: None,
        secret: Some(secret.into()),
        blinded,
        theirs: vec![],
    };
    let one = step(assemble(req(slices.clone())).unwrap());
    assert_eq!(json(&one), json(&step(assemble(req(blind_with(key, &a, 1))).unwrap())));
    // the state remembers that secret: A's last-step slices can name it by the state
    let s2 = reply(PsiReplyRequest {
        accounts: (5..12).map(acc).collect(),
        message: one.message.clone(),
        sharing: None,
        seed: Some("b".into()),
    })
    .unwrap();
    let f = finish(PsiFinishRequest {
        state: one.state.clone(),
        message: s2.message,
    })
    .unwrap();
    assert_eq!(f.result.shared, 4);
}

fn refused<T: std::fmt::Debug>(r: dealteam::Result<T>, path: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.code, ErrorCode::InvalidValue, "{e:?}");
    assert_eq!(e.path, path, "{e:?}");
}

#[test]
fn slices_that_do_not_fit_the_step_are_refused() {
    let a: Vec<PsiAccount> = (0..6).map(acc).collect();
    let start_req = PsiStartRequest {
        accounts: a.clone(),
        sharing: None,
        seed: Some("s".into()),
    };
    let assembled = |blinded: Vec<String>, secret: Option<&str>| {
        assemble(PsiAssembleRequest {
            start: Some(start_req.clone()),
            reply: None,
            finish: None,
            secret: secret.map(str::to_string),
            blinded,
            theirs: vec![],
        })
    };
    // a slice missing
    refused(assembled(blind_accounts("s", &a[..3], 1), None), "blinded");
    // both a seed and a secret: which one the slices used is unknown
    refused(assembled(blind_accounts("s", &a, 2), Some("AAAA")), "secret");
    // no step, two steps
    let none = PsiAssembleRequest {
        start: None,
        reply: None,
        finish: None,
        secret: None,
        blinded: vec![],
        theirs: vec![],
    };
    refused(assemble(none), "start");
    // a slice without a secret, with two, with accounts and points at once
    refused(blind(PsiBlindRequest::default()), "secret");
    refused(
        blind(PsiBlindRequest {
            seed: Some("s".into()),
            state: Some("x".into()),
            ..PsiBlindRequest::default()
        }),
        "secret",
    );
    let s1 = start(start_req.clone()).unwrap();
    refused(
        blind(PsiBlindRequest {
            seed: Some("s".into()),
            accounts: a.clone(),
            points: Some(s1.message.body.groups[0].points.clone()),
            ..PsiBlindRequest::default()
        }),
        "points",
    );
    // a damaged point is reported at the path the slice was given, numbered in its group
    let mut bytes = vec![0xffu8; 32 * 3];
    bytes[..32].fill(0);
    let damaged = blind(PsiBlindRequest {
        seed: Some("b".into()),
        points: Some(b64(&bytes)),
        path: Some("message.body.groups[1].points".into()),
        from: Some(1),
        to: Some(3),
        ..PsiBlindRequest::default()
    });
    let e = damaged.expect_err("a damaged point");
    assert_eq!(e.path, "message.body.groups[1].points");
    assert!(e.message.contains("item 1 "), "{}", e.message);
    // step 2 with one of A's points too few
    let reply_req = PsiReplyRequest {
        accounts: a.clone(),
        message: s1.message.clone(),
        sharing: None,
        seed: Some("b".into()),
    };
    let mut theirs = blind_groups(&s1.message, 1, Some("b"), None, false);
    theirs.pop();
    refused(
        assemble(PsiAssembleRequest {
            start: None,
            reply: Some(reply_req.clone()),
            finish: None,
            secret: None,
            blinded: blind_accounts("b", &a, 2),
            theirs,
        }),
        "theirs",
    );
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Any lists and any number of slices: the same bytes as the steps alone.
    #[test]
    fn any_cut_gives_the_same_bytes(
        a in proptest::collection::vec(0usize..60, 0..25),
        b in proptest::collection::vec(0usize..60, 0..25),
        k in 1usize..9,
        overlaps in any::<bool>(),
    ) {
        let sharing = if overlaps { Sharing::Overlaps } else { Sharing::Counts };
        let a: Vec<PsiAccount> = a.into_iter().map(acc).collect();
        let b: Vec<PsiAccount> = b.into_iter().map(acc).collect();
        same_bytes(&a, &b, sharing, sharing, k);
    }
}
