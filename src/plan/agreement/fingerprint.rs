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
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// The canonical JSON text of `plan` (see the module docs): the plan as serde_json writes
/// it, with each object's members put in the order of their keys. Strings, keys and numbers
/// keep the text serde_json wrote for them, which is what it writes for the same value
/// anywhere, so no value is read back (a float read back could differ in its last digit).
/// Read through the text, not through `serde_json::to_value`: that instantiated the whole
/// plan's `Serialize` for a second serializer (8.7 KB of the wasm module, gzip).
pub fn canonical_json(plan: &Plan) -> String {
    let text = serde_json::to_string(plan).unwrap_or_else(|_| "null".to_string());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    sorted(&text, &mut at, &mut out);
    out
}

/// SHA-256 of [`canonical_json`], as 64 lowercase hex digits.
pub fn plan_hash(plan: &Plan) -> String {
    let digest = Sha256::digest(canonical_json(plan).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The byte at `at` of `text`, and the position after it.
fn next(text: &str, at: &mut usize) -> Option<u8> {
    let b = text.as_bytes().get(*at).copied();
    *at = at.saturating_add(1);
    b
}

/// The token at `at` of compact JSON that is not an object or a list (a string with its
/// quotes, a number, `true`, `false` or `null`); `at` moves past it.
fn token<'t>(text: &'t str, at: &mut usize) -> &'t str {
    let start = *at;
    if text.as_bytes().get(start) == Some(&b'"') {
        *at = start.saturating_add(1);
        while let Some(b) = next(text, at) {
            match b {
                b'\\' => *at = at.saturating_add(1),
                b'"' => break,
                _ => {}
            }
        }
    } else {
        while !matches!(text.as_bytes().get(*at), None | Some(b',' | b'}' | b']')) {
            *at = at.saturating_add(1);
        }
    }
    text.get(start..*at).unwrap_or_default()
}

/// Writes the value at `at` of compact JSON `text` to `out` with every object's members
/// sorted by their keys' UTF-8 bytes (a key given twice keeps its last value, as a map
/// would); `at` moves past the value.
fn sorted(text: &str, at: &mut usize, out: &mut String) {
    let (open, close) = match text.as_bytes().get(*at) {
        Some(b'{') => (b'{', b'}'),
        Some(b'[') => (b'[', b']'),
        _ => return out.push_str(token(text, at)),
    };
    *at = at.saturating_add(1);
    // an object's members: (key, key as written, value as written); a list's items
    let mut members: Vec<(Cow<str>, &str, String)> = Vec::new();
    let mut items = 0usize;
    out.push(char::from(open));
    while text.as_bytes().get(*at).is_some_and(|&b| b != close) {
        if open == b'{' {
            let raw = token(text, at);
            let key = match raw.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
                Some(k) if !k.contains('\\') => Cow::Borrowed(k),
                _ => Cow::Owned(serde_json::from_str::<String>(raw).unwrap_or_default()),
            };
            next(text, at); // the colon
            let mut value = String::new();
            sorted(text, at, &mut value);
            members.push((key, raw, value));
        } else {
            if items > 0 {
                out.push(',');
            }
            items = items.saturating_add(1);
            sorted(text, at, out);
        }
        if text.as_bytes().get(*at) == Some(&b',') {
            *at = at.saturating_add(1);
        }
    }
    *at = at.saturating_add(1);
    // a stable sort: of the members with one key, the last is the last of its run
    crate::sort::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
    let mut first = true;
    for (i, (key, raw, value)) in members.iter().enumerate() {
        if members.get(i.saturating_add(1)).is_some_and(|m| m.0 == *key) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(raw);
        out.push(':');
        out.push_str(value);
    }
    out.push(char::from(close));
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use serde_json::Value;

    /// The canonical JSON as it was first computed, through `serde_json::to_value` and a
    /// walk of the tree: the oracle of the text rewrite.
    fn through_value(plan: &Plan) -> String {
        fn write(v: &Value, out: &mut String) {
            match v {
                Value::Object(m) => {
                    let mut keys: Vec<&String> = m.keys().collect();
                    keys.sort();
                    out.push('{');
                    for (i, k) in keys.into_iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(&Value::String(k.clone()).to_string());
                        out.push(':');
                        write(&m[k], out);
                    }
                    out.push('}');
                }
                Value::Array(a) => {
                    out.push('[');
                    for (i, x) in a.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        write(x, out);
                    }
                    out.push(']');
                }
                other => out.push_str(&other.to_string()),
            }
        }
        let mut out = String::new();
        write(&serde_json::to_value(plan).unwrap(), &mut out);
        out
    }

    fn plan_of(request: &str) -> Plan {
        let v: Value = serde_json::from_str(request).unwrap();
        crate::json::from_str(&v["plan"].to_string()).unwrap()
    }

    #[test]
    fn the_text_rewrite_equals_the_tree_walk_on_the_example_plans() {
        for request in [
            include_str!("../../../examples/plan-agreement.json"),
            include_str!("../../../examples/plan-audit.json"),
            include_str!("../../../examples/plan-incentives.json"),
            include_str!("../../../examples/plan-simulate.json"),
            include_str!("../../../examples/plan-validate.json"),
            include_str!("../../../examples/plan-verify.json"),
        ] {
            let plan = plan_of(request);
            assert_eq!(canonical_json(&plan), through_value(&plan));
        }
    }

    /// A plan with `key` as a partner id of `mayPursueSimilar` (a map: keys sorted), `text`
    /// in strings and `x` in floats.
    fn odd_plan(keys: &[String], text: &str, x: f64) -> Plan {
        let per: serde_json::Map<String, Value> = keys
            .iter()
            .map(|k| (k.clone(), Value::Bool(k.len() % 2 == 0)))
            .collect();
        let request = serde_json::json!({"plan": {
            "id": text, "name": format!("{text} plan"), "currency": "EUR", "horizonMonths": 12,
            "exclusivity": {"exclusive": false, "mayPursueSimilar": per},
            "offer": {"kind": "subscription", "termMonths": 12, "monthlyChurn": x, "renewalRate": x / 3.0},
            "objectives": [{"metric": text, "target": "12.50", "byMonth": 3, "owner": text}],
            "successMeasures": [text, "", "\u{0}\u{1f}\u{7f}"],
        }});
        plan_of(&request.to_string())
    }

    #[test]
    fn the_text_rewrite_sorts_escaped_keys_as_the_tree_walk_does() {
        let keys: Vec<String> = ["z", "a\"b", "a", "a\u{0}", "é", "\\", "a b", "\n", "😀", "A"]
            .map(String::from)
            .to_vec();
        for x in [
            0.1 + 0.2,
            1e-7,
            5e-324,
            1.797_693_134_862_315_7e308,
            0.0,
            -0.0,
            123_456_789.123_456_79,
            2.0,
        ] {
            let plan = odd_plan(&keys, "quote \" back \\ tab \t é 😀 \u{1}", x);
            assert_eq!(canonical_json(&plan), through_value(&plan), "x = {x}");
        }
    }

    /// A random string of up to `n` characters, many of them ones JSON escapes.
    fn odd_text(rng: &mut rand_chacha::ChaCha8Rng, n: usize) -> String {
        const POOL: [char; 12] = [
            'a', 'b', 'Z', '"', '\\', '\u{0}', '\u{1f}', '\n', 'é', '😀', '\u{2028}', ' ',
        ];
        (0..rng.random_range(0..=n))
            .map(|_| match rng.random_range(0..4) {
                0 => char::from_u32(rng.random_range(0..0x3_0000)).unwrap_or('x'),
                _ => POOL[rng.random_range(0..POOL.len())],
            })
            .collect()
    }

    #[test]
    fn the_text_rewrite_equals_the_tree_walk_on_random_plans() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(30);
        for _ in 0..200 {
            let keys: Vec<String> = (0..rng.random_range(0..6)).map(|_| odd_text(&mut rng, 5)).collect();
            let text = odd_text(&mut rng, 12);
            // any finite float, by its bits (subnormals and both signs included)
            let x = Some(f64::from_bits(rng.random::<u64>()))
                .filter(|x| x.is_finite())
                .unwrap_or(0.5);
            let plan = odd_plan(&keys, &text, x);
            assert_eq!(canonical_json(&plan), through_value(&plan), "{keys:?} {text:?} {x}");
        }
    }

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
