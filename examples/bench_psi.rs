//! Native side of bench/accounts/psi (docs/PERFORMANCE.md): a private match of N × N
//! accounts (half of them shared, three populations), timing each side's steps.
//!
//! `cargo run --release --example bench_psi -- [N (100000)]`

use dealteam::psi::*;
use std::time::Instant;

fn side(n: usize, offset: usize) -> Vec<PsiAccount> {
    const POPS: [&str; 3] = ["customer", "prospect", "opportunity"];
    (0..n)
        .map(|i| {
            let k = i + offset;
            PsiAccount::Full(PsiAccountFull {
                account: format!("Company {k} Inc"),
                status: Some(POPS[k % 3].to_string()),
                value: None,
                domain: (k % 2 == 0).then(|| format!("company{k}.example")),
                name: None,
            })
        })
        .collect()
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() -> dealteam::Result<()> {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let (a, b) = (side(n, 0), side(n, n / 2));
    let t = Instant::now();
    let s1 = start(PsiStartRequest {
        accounts: a,
        sharing: None,
        seed: Some("bench-a".into()),
    })?;
    let start_ms = ms(t);
    let t = Instant::now();
    let s2 = reply(PsiReplyRequest {
        accounts: b,
        message: s1.message,
        sharing: None,
        seed: Some("bench-b".into()),
    })?;
    let reply_ms = ms(t);
    let t = Instant::now();
    let fa = finish(PsiFinishRequest {
        state: s1.state,
        message: s2.message,
    })?;
    let finish_a_ms = ms(t);
    let t = Instant::now();
    let fb = finish(PsiFinishRequest {
        state: s2.state,
        message: fa
            .message
            .ok_or_else(|| dealteam::DealteamError::invalid("message", "A sent no step 3"))?,
    })?;
    let finish_b_ms = ms(t);
    assert_eq!(fa.result.shared, n - n / 2);
    assert_eq!(fb.result.shared, fa.result.shared);
    println!(
        "{}",
        serde_json::json!({
            "side": "native", "accounts": n, "shared": fa.result.shared,
            "startMs": start_ms, "replyMs": reply_ms, "finishAMs": finish_a_ms, "finishBMs": finish_b_ms,
            "sideAMs": start_ms + finish_a_ms, "sideBMs": reply_ms + finish_b_ms,
        })
    );
    Ok(())
}
