//! Markdown building blocks of the agreement: escaped user text, amounts with their
//! currency, ranges, lists and percentages.

use crate::money::Money;
use std::fmt::Write;

/// Escape user text for Markdown: backslash-escape the characters that start
/// emphasis, links, code, tables, headings and HTML; newlines become spaces.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    let t = out.trim();
    if t.is_empty() {
        "_(not stated)_".to_string()
    } else {
        t.to_string()
    }
}

/// Optional user text, escaped.
pub(crate) fn opt(s: &Option<String>) -> String {
    md(s.as_deref().unwrap_or(""))
}

/// An optional amount with its currency code, at the currency's decimals.
pub(crate) fn money(m: &Option<Money>, cur: &str) -> String {
    let minor = crate::money::Currency::parse(cur).map(|c| c.minor_units()).unwrap_or(2);
    match m {
        Some(m) => format!("{} {cur}", m.with_scale(minor)),
        None => "_(not stated)_".to_string(),
    }
}

/// Mean and p5 – p95 of an amount.
pub(crate) fn range(s: &crate::plan::types::MoneyStats, cur: &str) -> String {
    format!("{} {cur} ({} – {})", s.mean, s.p5, s.p95)
}

/// A bulleted or numbered list of the non-blank items (`_(not stated)_` when none).
pub(crate) fn list(w: &mut String, items: &[String], numbered: bool) {
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        let _ = writeln!(w, "_(not stated)_\n");
        return;
    }
    for (i, s) in items.iter().enumerate() {
        if numbered {
            let _ = writeln!(w, "{}. {}", i + 1, md(s));
        } else {
            let _ = writeln!(w, "- {}", md(s));
        }
    }
    let _ = writeln!(w);
}

/// A probability or rate as a percentage (12 significant digits).
pub(crate) fn pct(x: f64) -> String {
    format!("{}", crate::num::round12(x * 100.0))
}

/// A ratio with two decimals.
pub(crate) fn round2(x: f64) -> String {
    format!("{:.2}", x)
}
