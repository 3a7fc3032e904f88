//! Serde's failures in the user's terms (issue 17 item 6), for `crate::json`:
//! - [`plain`]: "invalid type: string \"twelve\", expected u32" becomes
//!   "must be a whole number from 0 to 4294967295, got \"twelve\"";
//! - [`refine`]: inside an internally tagged enum (`offer: {kind, termMonths}`) serde
//!   reports the enum's path (`plan.offer`); the failing field is found in the request
//!   by the value serde names, so the path is `plan.offer.termMonths`.

use serde_json::Value;

/// Largest request for which [`refine`] re-reads the JSON to locate a field (the
/// error path only; above it the path stays at the enclosing object).
const REFINE_MAX_BYTES: usize = 16 << 20;

/// The expectation serde names (`u32`, `a string`, …) in the user's terms.
fn expected(what: &str) -> String {
    let w = what.trim();
    let known = match w {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number ≥ 0",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "string" => "text (a JSON string)",
        "a boolean" => "true or false",
        "a sequence" => "a list ([…])",
        "a map" => "an object ({…})",
        "a decimal" => "a decimal string such as \"1200.00\"",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    if w.starts_with("struct ") || w.starts_with("internally tagged enum") || w.starts_with("map") {
        return "an object ({…})".to_string();
    }
    if w.starts_with("a list of at most") {
        return w.to_string();
    }
    if w.contains("tuple") || w.starts_with("an array") {
        return "a list ([…])".to_string();
    }
    w.to_string()
}

/// The value serde names (`string "twelve"`, ``integer `5` ``, `map`) as JSON.
fn got(what: &str) -> String {
    let w = what.trim();
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(rest) = w.strip_prefix(prefix) {
            return rest.trim_matches('`').to_string();
        }
    }
    if let Some(rest) = w.strip_prefix("string ") {
        return rest.to_string();
    }
    match w {
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        "unit value" | "null" | "unit" => "null".to_string(),
        other => other.to_string(),
    }
}

/// A serde message rewritten in the user's terms (messages of our own pass unchanged).
pub(crate) fn plain(msg: &str) -> String {
    for kind in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(kind) {
            if let Some((g, e)) = rest.split_once(", expected ") {
                return format!("must be {}, got {}", expected(e), got(g));
            }
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        if let Some((n, e)) = rest.split_once(", expected ") {
            return format!("must be {}, got {n} items", expected(e));
        }
    }
    if let Some((name, _)) = quoted_name(msg, "unknown variant `") {
        return format!("`{name}` is not allowed here; {}", known(msg, "values"));
    }
    if let Some(name) = between(msg, "duplicate field `", "`") {
        return format!("the field `{name}` appears twice; keep one");
    }
    if let Some(name) = msg.strip_prefix("data did not match any variant of untagged enum ") {
        return match name.trim() {
            "Rate" => "must be a number or a list of numbers (one per month)".to_string(),
            "MayPursue" => "must be true, false, or an object of partner ids to true/false".to_string(),
            other => format!("does not have any of the forms allowed for {other}; see the docs"),
        };
    }
    msg.to_string()
}

/// The name serde quotes in "unknown field `name`, expected …" (or "unknown variant"), and
/// what follows it; the name may hold backticks itself, so it ends at the last "`, ".
pub(crate) fn quoted_name<'a>(msg: &'a str, start: &str) -> Option<(&'a str, &'a str)> {
    // serde's message starts with its kind: a name inside another value's text
    // (`"sharing": "x unknown field `y"`) is not a field
    let rest = msg.strip_prefix(start)?;
    let j = ["`, expected ", "`, there are no "]
        .iter()
        .filter_map(|end| rest.rfind(end))
        .max()
        .or_else(|| rest.rfind('`'))?;
    Some((rest.get(..j)?, rest.get(j.checked_add(1)?..)?))
}

/// "expected one of `a`, `b`" as "allowed fields: a, b" (or "no fields are allowed here").
pub(crate) fn known(msg: &str, what: &str) -> String {
    // the list after the unknown name (which may hold backticks itself)
    let list = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|start| quoted_name(msg, start))
        .map_or(msg, |(_, tail)| tail);
    let names: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    if list.contains("there are no fields") || list.contains("there are no variants") {
        format!("no {what} are allowed here")
    } else if names.is_empty() {
        String::new()
    } else {
        format!("allowed {what}: {}", names.join(", "))
    }
}

/// The text between `start`, which `s` begins with (serde's message starts with its kind),
/// and the next `end`.
pub(crate) fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(start)?;
    rest.get(..rest.find(end)?)
}

/// The path of the value serde complained about: `path` itself when the value there
/// is that value, else (inside a tagged enum, where serde loses the field) the one
/// field below `path` holding it.
pub(crate) fn refine(text: &str, path: &str, msg: &str) -> String {
    if let Some((name, _)) = quoted_name(msg, "unknown field `") {
        return owner_of(text, path, name).unwrap_or_else(|| path.to_string());
    }
    let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    else {
        return path.to_string();
    };
    let Some((unexpected, _)) = rest.split_once(", expected ") else {
        return path.to_string();
    };
    if text.len() > REFINE_MAX_BYTES {
        return path.to_string();
    }
    let Ok(root) = serde_json::from_str::<Value>(text) else {
        return path.to_string();
    };
    let Some(at) = resolve(&root, path) else {
        return path.to_string();
    };
    if !matches!(at, Value::Object(_)) || unexpected.trim() == "map" {
        return path.to_string();
    }
    let mut found = Vec::new();
    search(at, path, unexpected.trim(), &mut found);
    found.into_iter().next().unwrap_or_else(|| path.to_string())
}

/// The object holding an unknown field `name`: the object at `path` when it has that key,
/// else the first object below it that has (inside a tagged enum serde reports the enum's
/// object, whose variant may hold the field deeper down).
fn owner_of(text: &str, path: &str, name: &str) -> Option<String> {
    if text.len() > REFINE_MAX_BYTES {
        return None;
    }
    let root = serde_json::from_str::<Value>(text).ok()?;
    let mut found = Vec::new();
    holders(resolve(&root, path)?, path, name, &mut found);
    found.into_iter().next()
}

fn holders(v: &Value, path: &str, name: &str, found: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if m.contains_key(name) {
                found.push(path.to_string());
            }
            for (k, x) in m {
                holders(x, &field(path, k), name, found);
            }
        }
        Value::Array(xs) => {
            for (i, x) in xs.iter().enumerate() {
                holders(x, &index(path, i), name, found);
            }
        }
        _ => {}
    }
}

/// The value at a path rendered by `crate::json` (`a.b[2].c`).
fn resolve<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            cur = cur.get(key)?;
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            cur = cur.get(idx.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(cur)
}

fn search(v: &Value, path: &str, unexpected: &str, found: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                search(x, &field(path, k), unexpected, found);
            }
        }
        Value::Array(xs) => {
            if unexpected == "sequence" {
                found.push(path.to_string());
            }
            for (i, x) in xs.iter().enumerate() {
                search(x, &index(path, i), unexpected, found);
            }
        }
        leaf if describes(unexpected, leaf) => found.push(path.to_string()),
        _ => {}
    }
}

/// Whether serde's description of a value (`string "x"`, ``integer `5` ``) is `v`.
fn describes(unexpected: &str, v: &Value) -> bool {
    match v {
        Value::String(s) => unexpected == format!("string {s:?}"),
        Value::Bool(b) => unexpected == format!("boolean `{b}`"),
        Value::Null => matches!(unexpected, "unit value" | "null" | "unit"),
        Value::Number(n) => {
            let inner = unexpected
                .strip_prefix("integer ")
                .or_else(|| unexpected.strip_prefix("floating point "))
                .map(|x| x.trim_matches('`'));
            match (inner.and_then(|x| x.parse::<f64>().ok()), n.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            }
        }
        _ => false,
    }
}

/// Append `.key` to a path (for validation code building paths by hand).
pub fn field(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Append `[i]` to a path.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_become_the_users() {
        assert_eq!(
            plain("invalid type: string \"twelve\", expected u32"),
            "must be a whole number from 0 to 4294967295, got \"twelve\""
        );
        assert_eq!(
            plain("invalid value: integer `-5`, expected u32"),
            "must be a whole number from 0 to 4294967295, got -5"
        );
        assert_eq!(
            plain("invalid type: map, expected f64"),
            "must be a number, got an object"
        );
        assert_eq!(
            plain("unknown variant `bogus`, expected one of `fixed`, `tiered`"),
            "`bogus` is not allowed here; allowed values: fixed, tiered"
        );
        assert_eq!(plain("a message of our own"), "a message of our own");
    }

    #[test]
    fn a_kind_is_read_only_at_the_start_of_the_message() {
        // a value's text may hold another kind's words (found by fuzzing `psiStart`)
        let msg = "unknown variant `x unknown field `y`, expected one of `counts`, `overlaps`";
        assert_eq!(quoted_name(msg, "unknown field `"), None);
        assert_eq!(
            plain(msg),
            "`x unknown field `y` is not allowed here; allowed values: counts, overlaps"
        );
    }

    #[test]
    fn a_name_with_backticks_is_read_whole() {
        let msg = "unknown field `a ` b`, expected one of `x`, `y`";
        assert_eq!(
            quoted_name(msg, "unknown field `"),
            Some(("a ` b", ", expected one of `x`, `y`"))
        );
        assert_eq!(known(msg, "fields"), "allowed fields: x, y");
        let msg = "unknown field `a`b`, there are no fields";
        assert_eq!(quoted_name(msg, "unknown field `").map(|n| n.0), Some("a`b"));
        assert_eq!(known(msg, "fields"), "no fields are allowed here");
        assert_eq!(
            known("unknown field `cost`, expected `price` or `value`", "fields"),
            "allowed fields: price, value"
        );
    }

    #[test]
    fn a_field_inside_a_tagged_enum_is_found_by_its_value() {
        let text = r#"{"plan": {"offer": {"kind": "subscription", "termMonths": "twelve"}}}"#;
        let msg = "invalid type: string \"twelve\", expected u32";
        assert_eq!(refine(text, "plan.offer", msg), "plan.offer.termMonths");
        // an unknown field is placed in the object that has it, however deep in the variant
        let text = r#"{"plan": {"offer": {"kind": "subscription", "termMonth3": 12, "renewalRate": 0.6}}}"#;
        let msg = "unknown field `termMonth3`, expected one of `termMonths`";
        assert_eq!(refine(text, "plan.offer", msg), "plan.offer");
        let text = r#"{"plan": {"offer": {"kind": "tiered", "tiers": [{"upTo": 1}, {"rat": 0.1}]}}}"#;
        assert_eq!(
            refine(text, "plan.offer", "unknown field `rat`, expected one of `rate`"),
            "plan.offer.tiers[1]"
        );
        // a path that already names the value stays
        let text = r#"{"n": "twelve"}"#;
        assert_eq!(refine(text, "n", msg), "n");
    }
}
