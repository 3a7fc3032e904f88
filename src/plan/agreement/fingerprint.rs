//! The plan fingerprint in the agreement's footer: SHA-256 of the plan's canonical JSON,
//! so a signed copy can be checked against the plan it was drafted from.
//!
//! **Canonical JSON** of a plan: the plan as dealteam reads it (after parsing, so the
//! input's formatting and key order do not matter) written as JSON with every object's
//! keys sorted (by their UTF-8 bytes), no whitespace, absent optional fields left out
//! (an explicit `null` and a missing field are the same), strings with JSON's minimal
//! escaping, money and decimals as the strings given (`"30000.00"` and `"30000"` differ:
//! they are different texts), other numbers as serde_json writes them.

use crate::plan::types::Plan;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical JSON text of `plan` (see the module docs).
pub fn canonical_json(plan: &Plan) -> String {
    let v = serde_json::to_value(plan).unwrap_or(Value::Null);
    let mut out = String::new();
    write_sorted(&v, &mut out);
    out
}

/// SHA-256 of [`canonical_json`], as 64 lowercase hex digits.
pub fn plan_hash(plan: &Plan) -> String {
    let digest = Sha256::digest(canonical_json(plan).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_sorted(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            crate::sort::sort(&mut keys);
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_sorted(&m[k], out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_sorted(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_and_ignores_formatting() {
        let a: Plan =
            crate::json::from_str(r#"{"name": "P", "currency": "EUR", "id": "x", "horizonMonths": 12}"#).unwrap();
        let b: Plan = crate::json::from_str(
            "{\"id\":\"x\",\n \"horizonMonths\":12,\"currency\":\"EUR\",\"name\":\"P\",\"vision\":null}",
        )
        .unwrap();
        let c = canonical_json(&a);
        assert_eq!(
            c,
            r#"{"currency":"EUR","horizonMonths":12,"id":"x","name":"P","objectives":[],"partners":[],"successMeasures":[]}"#
        );
        assert_eq!(c, canonical_json(&b));
        // from coreutils: printf '%s' "$c" | sha256sum
        assert_eq!(
            plan_hash(&a),
            "2cc550d6678f7d0736d87132e2e8791bcc15e2beb667aac437fdf9dfd240be4a"
        );
        let d: Plan =
            crate::json::from_str(r#"{"name": "Q", "currency": "EUR", "id": "x", "horizonMonths": 12}"#).unwrap();
        assert_ne!(plan_hash(&a), plan_hash(&d));
    }

    #[test]
    fn the_footer_trials_are_the_number_before_the_words() {
        let line = |sim: &str| format!("text\n\n{FOOTER_START}`abc` · dealteam 0.1.0 · {sim} · number format en\n");
        let trials = |sim: &str| read_footer(&line(sim)).map(|f| (f.trials, f.seed));
        assert_eq!(trials("2,000 simulated outcomes, seed 7"), Some((2000, 7)));
        assert_eq!(trials("2.000 simulated outcomes, seed 7"), Some((2000, 7)));
        assert_eq!(trials("2\u{a0}000 simulated outcomes, seed 7"), Some((2000, 7)));
        // a separator lost (a fuzz finding): the version's digits are not trials (was 102,000)
        let merged = format!("text\n\n{FOOTER_START}`abc` · dealteam 0.1.0 \u{1b7} 2,000 simulated outcomes, seed 1 · number format en\n");
        assert_eq!(read_footer(&merged).map(|f| f.trials), Some(2000));
        assert_eq!(trials("simulated outcomes, seed 7"), None);
    }
}

/// How the footer line starts (before the hash in code quotes).
pub const FOOTER_START: &str = "Plan fingerprint (SHA-256): ";

/// What a footer says: the hash, the engine version and the simulation settings.
#[derive(Clone, Debug, PartialEq)]
pub struct FooterInfo {
    /// The plan's fingerprint.
    pub hash: String,
    /// The engine version that drafted the copy.
    pub version: String,
    /// Trials of the simulation.
    pub trials: u64,
    /// Seed of the simulation.
    pub seed: u64,
    /// Number format.
    pub locale: crate::plan::types::Locale,
}

/// Read the footer of a Markdown agreement (its last fingerprint line).
pub fn read_footer(markdown: &str) -> Option<FooterInfo> {
    let line = markdown.lines().rev().find(|l| l.starts_with(FOOTER_START))?;
    let rest = line[FOOTER_START.len()..].strip_prefix('`')?;
    let (hash, rest) = rest.split_once('`')?;
    let parts: Vec<&str> = rest.split(" · ").map(str::trim).collect();
    let version = parts.iter().find_map(|p| p.strip_prefix("dealteam "))?.to_string();
    let sim = parts.iter().find(|p| p.contains("simulated outcomes, seed "))?;
    let (trials, seed) = sim.split_once("simulated outcomes, seed ")?;
    // the number just before the words (`2,000`, `2.000`, `2 000`), not every digit of the part
    let trials = trials.trim_end().rsplit(' ').next().unwrap_or_default();
    let digits = |s: &str| {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse::<u64>()
            .ok()
    };
    let locale = parts.iter().find_map(|p| p.strip_prefix("number format "))?;
    Some(FooterInfo {
        hash: hash.to_string(),
        version,
        trials: digits(trials)?,
        seed: digits(seed)?,
        locale: crate::plan::types::Locale::from_code(locale.trim())?,
    })
}
