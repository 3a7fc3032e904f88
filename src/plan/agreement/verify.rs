//! `verify`: does a signed copy of the agreement match the plan? It does when the
//! fingerprint in its footer is the plan's, and its text is exactly what `agreement`
//! drafts from the plan with the settings the footer names (trials, seed, number
//! format). Line endings (CRLF) and trailing blank lines are not differences.

use crate::clock::Ctx;
use crate::plan::agreement::fingerprint::{plan_hash, read_footer};
use crate::plan::agreement::{draft_agreement, ENGINE_VERSION};
use crate::plan::types::{AgreementRequest, VerifyRequest, VerifyResponse};
use crate::Result;

/// Check a signed copy against its plan (SPEC §15).
pub fn verify_agreement(req: &VerifyRequest, ctx: &Ctx) -> Result<VerifyResponse> {
    let plan_hash = plan_hash(&req.plan);
    let no = |reason: String, document_hash: Option<String>, line: Option<u32>| VerifyResponse {
        matches: false,
        reason,
        plan_hash: plan_hash.clone(),
        document_hash,
        line,
    };
    let Some(footer) = read_footer(&req.markdown) else {
        return Ok(no("The document has no plan fingerprint in its footer (the line starting \"Plan fingerprint (SHA-256)\"), so it cannot be matched to a plan.".into(), None, None));
    };
    if footer.hash != plan_hash {
        return Ok(no(
            format!(
                "The document was drafted from a different plan: its fingerprint is {}, this plan's is {plan_hash}.",
                footer.hash
            ),
            Some(footer.hash),
            None,
        ));
    }
    let again = AgreementRequest {
        plan: req.plan.clone(),
        trials: Some(footer.trials),
        seed: Some(footer.seed),
        locale: Some(footer.locale),
        format: None,
    };
    let expected = draft_agreement(&again, ctx)?;
    let normal = |s: &str| s.replace("\r\n", "\n").trim_end().to_string();
    let (got, want) = (normal(&req.markdown), normal(&expected));
    if got == want {
        return Ok(VerifyResponse {
            matches: true,
            reason: "The document matches the plan: same fingerprint, and its text is exactly the agreement drafted from the plan.".into(),
            plan_hash,
            document_hash: Some(footer.hash),
            line: None,
        });
    }
    let (line, found, wanted) = first_difference(&got, &want);
    let version = if footer.version != ENGINE_VERSION {
        format!(" (the copy was drafted by dealteam {}, this is {ENGINE_VERSION}: the wording may have changed between versions)", footer.version)
    } else {
        String::new()
    };
    Ok(no(
        format!("The fingerprint matches the plan, but the text was changed: line {line} reads \"{found}\" where the agreement drafted from the plan reads \"{wanted}\"{version}."),
        Some(footer.hash),
        Some(line),
    ))
}

/// The first line (1-based) where `a` and `b` differ, and both versions of it.
fn first_difference(a: &str, b: &str) -> (u32, String, String) {
    let (mut la, mut lb) = (a.lines(), b.lines());
    let mut n = 0u32;
    loop {
        n = n.saturating_add(1);
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                let show = |s: Option<&str>| {
                    let s = s.unwrap_or("(end of document)");
                    if s.chars().count() > 120 {
                        format!("{}…", s.chars().take(120).collect::<String>())
                    } else {
                        s.to_string()
                    }
                };
                return (n, show(x), show(y));
            }
        }
    }
}
