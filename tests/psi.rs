#![cfg(not(target_arch = "wasm32"))]
//! Private set intersection (SPEC §14, docs/psi.md): the counts equal the plain
//! intersection, tampered / replayed / wrong-step messages are rejected with the path of
//! the fault, and the same seeds give the same messages.

use dealteam::psi::*;
use dealteam::ErrorCode;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn acc(account: &str, status: &str) -> PsiAccount {
    PsiAccount::Full(PsiAccountFull {
        account: account.into(),
        status: Some(status.into()),
        value: None,
        domain: None,
        name: None,
    })
}

fn start_req(accounts: Vec<PsiAccount>, sharing: Sharing, seed: &str) -> PsiStartRequest {
    PsiStartRequest {
        accounts,
        sharing: Some(sharing),
        seed: Some(seed.into()),
    }
}

/// Runs a whole exchange; returns (A's result, B's result).
fn exchange(a: Vec<PsiAccount>, b: Vec<PsiAccount>, sa: Sharing, sb: Sharing) -> (PsiResult, PsiResult) {
    let s1 = start(start_req(a, sa, "seed-a")).unwrap();
    let s2 = reply(PsiReplyRequest {
        accounts: b,
        message: s1.message,
        sharing: Some(sb),
        seed: Some("seed-b".into()),
    })
    .unwrap();
    let fa = finish(PsiFinishRequest {
        state: s1.state,
        message: s2.message,
    })
    .unwrap();
    let fb = finish(PsiFinishRequest {
        state: s2.state,
        message: fa.message.clone().unwrap(),
    })
    .unwrap();
    assert!(fb.message.is_none());
    (fa.result, fb.result)
}

fn count(mine: &str, theirs: &str, shared: usize) -> PsiCount {
    PsiCount {
        mine: mine.into(),
        theirs: theirs.into(),
        shared,
    }
}

#[test]
fn hand_computed_counts_from_both_sides() {
    let a = vec![
        acc("Acme", "customer"),
        acc("Beta", "prospect"),
        acc("Gamma Inc", "opportunity"),
        PsiAccount::Bare("Delta".into()),
    ];
    let b = vec![
        acc("ACME, Inc.", "customer"),
        acc("gamma", "prospect"),
        acc("Epsilon", "customer"),
        PsiAccount::Full(PsiAccountFull {
            account: "crm-17".into(),
            status: Some("opportunity".into()),
            value: None,
            domain: None,
            name: Some("Delta Ltd".into()),
        }),
    ];
    let (ra, rb) = exchange(a, b, Sharing::Counts, Sharing::Counts);
    // Acme↔ACME, Inc. (customer/customer), Gamma Inc↔gamma (opportunity/prospect),
    // Delta (bare: customer)↔Delta Ltd (opportunity); Beta and Epsilon unmatched
    assert_eq!(
        ra.counts,
        vec![
            count("customer", "customer", 1),
            count("customer", "opportunity", 1),
            count("opportunity", "prospect", 1)
        ]
    );
    assert_eq!(
        rb.counts,
        vec![
            count("customer", "customer", 1),
            count("opportunity", "customer", 1),
            count("prospect", "opportunity", 1)
        ]
    );
    assert_eq!((ra.shared, ra.my_accounts, ra.their_accounts), (3, 4, 4));
    assert_eq!((rb.shared, rb.my_accounts, rb.their_accounts), (3, 4, 4));
    assert_eq!(ra.exchange_id, rb.exchange_id);
    assert!(
        ra.accounts.is_none() && rb.accounts.is_none(),
        "counts never reveal an account"
    );
}

#[test]
fn shared_accounts_only_when_both_agree() {
    let a = vec![acc("Acme", "customer"), acc("Beta", "prospect")];
    let b = vec![acc("acme inc", "opportunity"), acc("Zeta", "customer")];
    let (ra, rb) = exchange(a.clone(), b.clone(), Sharing::Overlaps, Sharing::Overlaps);
    let shared = |account: &str, mine: &str, theirs: &str| PsiShared {
        account: account.into(),
        mine: mine.into(),
        theirs: theirs.into(),
    };
    assert_eq!(ra.accounts, Some(vec![shared("Acme", "customer", "opportunity")]));
    assert_eq!(rb.accounts, Some(vec![shared("acme inc", "opportunity", "customer")]));
    for (sa, sb) in [
        (Sharing::Overlaps, Sharing::Counts),
        (Sharing::Counts, Sharing::Overlaps),
    ] {
        let (ra, rb) = exchange(a.clone(), b.clone(), sa, sb);
        assert_eq!((ra.sharing, rb.sharing), (Sharing::Counts, Sharing::Counts));
        assert_eq!((ra.accounts, rb.accounts), (None, None));
        assert_eq!(ra.counts, vec![count("customer", "opportunity", 1)]);
    }
}

#[test]
fn domains_match_before_names_and_bad_rows_are_skipped() {
    let full = |account: &str, domain: &str| {
        PsiAccount::Full(PsiAccountFull {
            account: account.into(),
            status: None,
            value: None,
            domain: Some(domain.into()),
            name: None,
        })
    };
    let a = vec![
        full("Acme EU", "https://www.acme.com/about"),
        full("Bad", "not a domain"),
        acc("  ", "customer"),
        acc("Acme EU", "prospect"),
    ];
    let b = vec![full("Acme Corporation", "ACME.com"), acc("Acme EU", "customer")];
    let (ra, _) = exchange(a, b, Sharing::Counts, Sharing::Counts);
    // acme.com matches by domain; the later "Acme EU" (name key `acme eu`) matches B's by name
    assert_eq!(
        ra.counts,
        vec![count("customer", "customer", 1), count("prospect", "customer", 1)]
    );
    let paths: Vec<&str> = ra.skipped.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["accounts[1]", "accounts[2]"]);
}

#[test]
fn same_seeds_same_messages_and_unseeded_secrets_differ() {
    let a = vec![acc("Acme", "customer"), acc("Beta", "prospect")];
    let one = start(start_req(a.clone(), Sharing::Counts, "s")).unwrap();
    let two = start(start_req(a.clone(), Sharing::Counts, "s")).unwrap();
    assert_eq!(one.message, two.message);
    assert_eq!(one.state, two.state);
    let other = start(start_req(a.clone(), Sharing::Counts, "t")).unwrap();
    assert_ne!(one.message.body.groups, other.message.body.groups);
    let r1 = reply(PsiReplyRequest {
        accounts: a.clone(),
        message: one.message.clone(),
        sharing: None,
        seed: Some("b".into()),
    });
    let r2 = reply(PsiReplyRequest {
        accounts: a.clone(),
        message: one.message.clone(),
        sharing: None,
        seed: Some("b".into()),
    });
    assert_eq!(r1.unwrap().message, r2.unwrap().message);
    let u1 = start(PsiStartRequest {
        accounts: a.clone(),
        sharing: None,
        seed: None,
    })
    .unwrap();
    let u2 = start(PsiStartRequest {
        accounts: a,
        sharing: None,
        seed: None,
    })
    .unwrap();
    assert_ne!(u1.exchange_id, u2.exchange_id);
    assert_ne!(u1.message.body.groups, u2.message.body.groups);
}

fn assert_rejected<T: std::fmt::Debug>(r: dealteam::Result<T>, path: &str, words: &str) {
    let e = r.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue, "{e:?}");
    assert_eq!(e.path, path, "{e:?}");
    assert!(e.message.contains(words), "{}", e.message);
}

/// A started exchange: (A's step, B's step).
fn opened(seed: &str) -> (PsiStepResponse, PsiStepResponse) {
    let a = vec![acc("Acme", "customer"), acc("Beta", "prospect")];
    let s1 = start(start_req(a.clone(), Sharing::Counts, seed)).unwrap();
    let s2 = reply(PsiReplyRequest {
        accounts: a,
        message: s1.message.clone(),
        sharing: None,
        seed: Some("b".into()),
    })
    .unwrap();
    (s1, s2)
}

#[test]
fn tampered_messages_are_rejected() {
    let (s1, s2) = opened("x");
    // step 1 changed on the way: B sees a broken digest
    let mut m1 = s1.message.clone();
    m1.body.groups[0].population = "prospect".into();
    let r = reply(PsiReplyRequest {
        accounts: vec![],
        message: m1.clone(),
        sharing: None,
        seed: None,
    });
    assert_rejected(r, "message.mac", "changed after it was made");
    // …and if the digest is recomputed too, A notices at its finish: B answered another message
    let forged = PsiMessage {
        mac: reseal_step1(&m1),
        ..m1
    };
    let s2f = reply(PsiReplyRequest {
        accounts: vec![acc("Acme", "customer")],
        message: forged,
        sharing: None,
        seed: None,
    })
    .unwrap();
    let r = finish(PsiFinishRequest {
        state: s1.state.clone(),
        message: s2f.message,
    });
    assert_rejected(r, "message.body.answers", "changed on the way");
    // step 2 changed: the binding fails
    let mut m2 = s2.message.clone();
    m2.body.tags = Some(m2.body.labels.clone().unwrap()[..24].to_string());
    assert_rejected(
        finish(PsiFinishRequest {
            state: s1.state.clone(),
            message: m2,
        }),
        "message.mac",
        "unaltered",
    );
    // step 3 changed: B rejects counts that A did not send
    let fa = finish(PsiFinishRequest {
        state: s1.state,
        message: s2.message,
    })
    .unwrap();
    let mut m3 = fa.message.unwrap();
    m3.body.counts[0].shared += 1;
    assert_rejected(
        finish(PsiFinishRequest {
            state: s2.state,
            message: m3,
        }),
        "message.mac",
        "unaltered",
    );
}

/// A step-1 message's digest recomputed after a change — what anybody can do, since no key
/// is shared yet (docs/psi.md: the binding format).
fn reseal_step1(m: &PsiMessage) -> String {
    use base64::Engine;
    use sha2::Digest;
    let mut content = Vec::new();
    for part in ["dealteam-psi/1".as_bytes(), m.exchange_id.as_bytes(), &[m.step]] {
        content.extend_from_slice(&(part.len() as u64).to_le_bytes());
        content.extend_from_slice(part);
    }
    content.extend_from_slice(&serde_json::to_vec(&m.body).unwrap());
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha512_256::digest(&content))
}

#[test]
fn replayed_and_wrong_step_messages_are_rejected() {
    let (s1, s2) = opened("one");
    let (t1, t2) = opened("two");
    assert_rejected(
        finish(PsiFinishRequest {
            state: s1.state.clone(),
            message: t2.message.clone(),
        }),
        "message.exchangeId",
        "replayed",
    );
    assert_rejected(
        finish(PsiFinishRequest {
            state: s1.state.clone(),
            message: s1.message.clone(),
        }),
        "message.step",
        "expected step 2",
    );
    let r = reply(PsiReplyRequest {
        accounts: vec![],
        message: s2.message.clone(),
        sharing: None,
        seed: None,
    });
    assert_rejected(r, "message.step", "expected step 1");
    assert_rejected(
        finish(PsiFinishRequest {
            state: s2.state.clone(),
            message: s2.message.clone(),
        }),
        "message.step",
        "expected step 3",
    );
    let fa = finish(PsiFinishRequest {
        state: t1.state,
        message: t2.message,
    })
    .unwrap();
    assert_rejected(
        finish(PsiFinishRequest {
            state: s2.state,
            message: fa.message.unwrap(),
        }),
        "message.exchangeId",
        "another",
    );
    assert_rejected(
        finish(PsiFinishRequest {
            state: "nonsense".into(),
            message: s1.message,
        }),
        "state",
        "psiStart",
    );
}

#[test]
fn the_commands_run_from_json() {
    let out = dealteam::api::run_json(
        "psiStart",
        r#"{"accounts": ["Acme", {"account": "Beta", "status": "prospect"}], "seed": "s"}"#,
        false,
        &dealteam::clock::Ctx::frozen(),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["message"]["step"], 1);
    assert_eq!(v["message"]["body"]["groups"].as_array().unwrap().len(), 2);
    let e = dealteam::api::run_json(
        "psiStart",
        r#"{"accounts": [], "shairng": "counts"}"#,
        false,
        &dealteam::clock::Ctx::frozen(),
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownField);
}

const POPS: [&str; 3] = ["customer", "prospect", "opportunity"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn counts_equal_the_plain_intersection(
        a in proptest::collection::btree_map(0u32..80, 0usize..3, 0..40),
        b in proptest::collection::btree_map(0u32..80, 0usize..3, 0..40),
    ) {
        let side = |m: &BTreeMap<u32, usize>| m.iter().map(|(k, p)| acc(&format!("company {k}"), POPS[*p])).collect::<Vec<_>>();
        let mut plain: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (k, pa) in &a {
            if let Some(pb) = b.get(k) {
                *plain.entry((POPS[*pa].to_string(), POPS[*pb].to_string())).or_default() += 1;
            }
        }
        let want: Vec<PsiCount> = plain.into_iter().map(|((m, t), n)| count(&m, &t, n)).collect();
        let (ra, rb) = exchange(side(&a), side(&b), Sharing::Counts, Sharing::Counts);
        prop_assert_eq!(&ra.counts, &want);
        prop_assert_eq!(ra.shared, a.keys().filter(|k| b.contains_key(k)).count());
        prop_assert_eq!((ra.my_accounts, ra.their_accounts), (a.len(), b.len()));
        let mut swapped: Vec<PsiCount> = want.iter().map(|c| count(&c.theirs, &c.mine, c.shared)).collect();
        swapped.sort();
        prop_assert_eq!(&rb.counts, &swapped);
    }
}

/// The blinded points of a seeded first message, pinned: computed by the per-point
/// `(α · H(k)).compress()` before the batched compression (`double_and_compress_batch` of
/// `α/2 · H(k)`) replaced it; both must give these bytes.
#[test]
fn batched_blinding_gives_the_per_point_bytes() {
    let mut acme = acc("Acme Inc", "customer");
    if let PsiAccount::Full(f) = &mut acme {
        f.domain = Some("acme.com".into());
    }
    let accounts = vec![acme, acc("Globex", "prospect"), acc("Initech", "customer")];
    let s = start(start_req(accounts, Sharing::Overlaps, "golden")).unwrap();
    let groups: Vec<(&str, &str)> = s
        .message
        .body
        .groups
        .iter()
        .map(|g| (g.population.as_str(), g.points.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            (
                "customer",
                "MMMNWK2N6RVoNUE64SeI4KMCfT32IBEBmPVNWSbtDB0AHfOT3qOmTr3iNNulYS8ub6VxSmxV4NHNSGZPdJ2GCw=="
            ),
            ("prospect", "uMkQOf4KGTD+mEOtEsyTSToAmKsHFazYFzyK8MRzOXM="),
        ]
    );
}
