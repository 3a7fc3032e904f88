//! The agreement as a document: one intermediate representation (headings, paragraphs,
//! lists, tables, a footer) that is rendered to Markdown ([`Doc::markdown`]) or to HTML
//! ([`Doc::html`]) — one source, so the printed and the signed copy cannot drift apart.

use std::fmt::Write;

/// A run of text inside a block. Every string is the reader's text, escaped by the
/// renderer.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold (labels).
    Strong(String),
    /// Italic (`not stated`).
    Em(String),
    /// Code (the plan fingerprint).
    Code(String),
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading: level 1 (the title) or 2 (a numbered section).
    Heading(u8, String),
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted (or numbered) list.
    List(bool, Vec<Vec<Inline>>),
    /// A table: header cells and rows of cells.
    Table(Vec<String>, Vec<Vec<Vec<Inline>>>),
    /// The footer: a rule and its line.
    Footer(Vec<Inline>),
}

/// A whole document: its blocks in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc(pub Vec<Block>);

/// Text.
pub fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// `label: value` as a list item or a paragraph.
pub fn labelled(label: &str, value: Vec<Inline>) -> Vec<Inline> {
    let mut v = vec![Inline::Strong(format!("{label}:")), t(" ")];
    v.extend(value);
    v
}

/// Escape text for Markdown: backslash before the characters that start emphasis,
/// links, code, tables, headings and HTML; line breaks become spaces.
pub fn md_escape(s: &str) -> String {
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
    out
}

/// Escape text for HTML; line breaks become spaces.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn md_inlines(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) => md_escape(s),
            Inline::Strong(s) => format!("**{}**", md_escape(s)),
            Inline::Em(s) => format!("_{}_", md_escape(s)),
            Inline::Code(s) => format!("`{}`", s.replace('`', "'")),
        })
        .collect()
}

fn html_inlines(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) => html_escape(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_escape(s)),
            Inline::Em(s) => format!("<em>{}</em>", html_escape(s)),
            Inline::Code(s) => format!("<code>{}</code>", html_escape(s)),
        })
        .collect()
}

/// The print stylesheet of the standalone HTML page.
const PRINT_CSS: &str =
    "body{font:11pt/1.45 Georgia,'Times New Roman',serif;color:#111;max-width:46em;margin:2em auto;padding:0 1em}\
h1{font-size:1.6em;margin:0 0 .6em}h2{font-size:1.15em;margin:1.6em 0 .4em;break-after:avoid}\
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.95em;break-inside:avoid}\
th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eee}\
footer{margin-top:2.5em;border-top:1px solid #999;padding-top:.5em;font-size:.85em;color:#333}\
code{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}\
@page{size:A4;margin:18mm 16mm}@media print{body{margin:0;max-width:none}a{color:inherit}}";

impl Doc {
    /// The document as Markdown (CommonMark with tables).
    pub fn markdown(&self) -> String {
        let mut w = String::new();
        for b in &self.0 {
            match b {
                Block::Heading(level, s) => {
                    let _ = writeln!(w, "{} {}\n", "#".repeat(*level as usize), md_escape(s));
                }
                Block::Para(v) => {
                    let _ = writeln!(w, "{}\n", md_inlines(v));
                }
                Block::List(numbered, items) => {
                    for (i, item) in items.iter().enumerate() {
                        let bullet = if *numbered {
                            format!("{}.", i.saturating_add(1))
                        } else {
                            "-".into()
                        };
                        let _ = writeln!(w, "{bullet} {}", md_inlines(item));
                    }
                    let _ = writeln!(w);
                }
                Block::Table(head, rows) => {
                    let cells: Vec<String> = head.iter().map(|h| md_escape(h)).collect();
                    let _ = writeln!(w, "| {} |", cells.join(" | "));
                    let _ = writeln!(w, "|{}", "---|".repeat(head.len()));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| md_inlines(c)).collect();
                        let _ = writeln!(w, "| {} |", cells.join(" | "));
                    }
                    let _ = writeln!(w);
                }
                Block::Footer(v) => {
                    let _ = writeln!(w, "---\n\n{}", md_inlines(v));
                }
            }
        }
        w
    }

    /// The document as a standalone HTML page with a print stylesheet; the body is one
    /// `<article class="agreement">`.
    pub fn html(&self) -> String {
        let title = self
            .0
            .iter()
            .find_map(|b| match b {
                Block::Heading(1, s) => Some(s.as_str()),
                _ => None,
            })
            .unwrap_or("Agreement");
        let mut w = String::new();
        let _ = write!(
            w,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n<article class=\"agreement\">\n",
            html_escape(title)
        );
        for b in &self.0 {
            match b {
                Block::Heading(level, s) => {
                    let _ = writeln!(w, "<h{level}>{}</h{level}>", html_escape(s));
                }
                Block::Para(v) => {
                    let _ = writeln!(w, "<p>{}</p>", html_inlines(v));
                }
                Block::List(numbered, items) => {
                    let tag = if *numbered { "ol" } else { "ul" };
                    let _ = writeln!(w, "<{tag}>");
                    for item in items {
                        let _ = writeln!(w, "<li>{}</li>", html_inlines(item));
                    }
                    let _ = writeln!(w, "</{tag}>");
                }
                Block::Table(head, rows) => {
                    let _ = write!(w, "<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(w, "<th scope=\"col\">{}</th>", html_escape(h));
                    }
                    let _ = writeln!(w, "</tr></thead>\n<tbody>");
                    for row in rows {
                        let cells: String = row.iter().map(|c| format!("<td>{}</td>", html_inlines(c))).collect();
                        let _ = writeln!(w, "<tr>{cells}</tr>");
                    }
                    let _ = writeln!(w, "</tbody>\n</table>");
                }
                Block::Footer(v) => {
                    let _ = writeln!(w, "<footer><p>{}</p></footer>", html_inlines(v));
                }
            }
        }
        w.push_str("</article>\n</body>\n</html>\n");
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_document_two_renderings() {
        let d = Doc(vec![
            Block::Heading(1, "Deal *A* <b>".into()),
            Block::Para(labelled("Lead", vec![t("Acme | Co"), Inline::Em("not stated".into())])),
            Block::List(true, vec![vec![t("first")], vec![t("second")]]),
            Block::Table(vec!["Partner".into()], vec![vec![vec![t("Beta_1")]]]),
            Block::Footer(vec![t("Fingerprint: "), Inline::Code("ab`c".into())]),
        ]);
        assert_eq!(
            d.markdown(),
            "# Deal \\*A\\* \\<b\\>\n\n**Lead:** Acme \\| Co_not stated_\n\n1. first\n2. second\n\n| Partner |\n|---|\n| Beta\\_1 |\n\n---\n\nFingerprint: `ab'c`\n"
        );
        let html = d.html();
        assert!(html.contains("<h1>Deal *A* &lt;b&gt;</h1>"), "{html}");
        assert!(
            html.contains("<p><strong>Lead:</strong> Acme | Co<em>not stated</em></p>"),
            "{html}"
        );
        assert!(html.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"), "{html}");
        assert!(html.contains("<tr><td>Beta_1</td></tr>"), "{html}");
        assert!(
            html.contains("<footer><p>Fingerprint: <code>ab`c</code></p></footer>"),
            "{html}"
        );
        assert!(html.contains("@media print"));
    }
}
