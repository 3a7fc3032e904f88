//! Fast paths of the account keys (SPEC §14 "Matching") for plain ASCII text, the common
//! case of CRM exports: the same results as `super::normalise`'s Unicode path without
//! its allocations and table look-ups. The tests below compare both paths on every ASCII
//! character in several positions and on the spellings real lists use.
//!
//! - **Name**: on ASCII text NFKC changes nothing and full case folding is lower-casing;
//!   the ASCII characters of Unicode general category P are exactly those listed in
//!   `ascii_name_char` (`-` is Pd and `_` is Pc: they become spaces, the others are
//!   deleted); `$ + < = > ^ | ~` and the backtick are symbols (S) and stay.
//! - **Domain**: `[http[s]://]host[/…|?…|#…]` whose host is ASCII letters, digits, dots and
//!   hyphens in non-empty labels, ending in a label of letters only (so the URL standard's
//!   IPv4 rules never apply), with no punycode label (`xn--`, which IDNA would check):
//!   the WHATWG host parser only lower-cases such a host. Anything else (ports, user
//!   names, e-mail addresses, trailing dots, other schemes, non-ASCII) takes the full path.

/// How an ASCII character is treated in a name: `Some(' ')` for dash and connector
/// punctuation, `None` for other punctuation (deleted), else the character lower-cased.
fn ascii_name_char(c: u8) -> Option<u8> {
    match c {
        b'-' | b'_' => Some(b' '),
        b'!' | b'"' | b'#' | b'%' | b'&' | b'\'' | b'(' | b')' | b'*' | b',' | b'.' | b'/' | b':' | b';' | b'?'
        | b'@' | b'[' | b'\\' | b']' | b'{' | b'}' => None,
        c => Some(c.to_ascii_lowercase()),
    }
}

/// The whole name key of an ASCII `raw` written into `out` (cleaned, whitespace collapsed,
/// legal suffixes removed, as `super::normalise::name_key`) without allocating: false when
/// `raw` is not ASCII; `out` is left empty when no word is left.
pub(super) fn ascii_name_key_into(raw: &str, out: &mut String) -> bool {
    out.clear();
    if !raw.is_ascii() {
        return false;
    }
    let mut gap = false;
    for c in raw.bytes().filter_map(ascii_name_char) {
        // the White_Space characters of ASCII (U+0009–U+000D and the space)
        if matches!(c, b' ' | b'\t'..=b'\r') {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(char::from(c));
        }
    }
    while let Some(at) = out.rfind(' ') {
        if !out
            .get(at.saturating_add(1)..)
            .is_some_and(|w| super::normalise::LEGAL_SUFFIXES.contains(&w))
        {
            break;
        }
        out.truncate(at);
    }
    true
}

/// The normalised domain of an already trimmed `raw`, when it has the plain form of the
/// module docs; `None` sends it to the full URL parser.
pub(super) fn ascii_domain_key(trimmed: &str) -> Option<String> {
    let mut out = String::new();
    ascii_domain_key_into(trimmed, &mut out).then_some(out)
}

/// [`ascii_domain_key`] written into `out` without allocating: false (and `out`
/// meaningless) when `trimmed` needs the full parser.
pub(super) fn ascii_domain_key_into(trimmed: &str, out: &mut String) -> bool {
    out.clear();
    let rest = match trimmed.find("://") {
        None => trimmed,
        Some(_) => match trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
        {
            Some(rest) => rest,
            None => return false,
        },
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let Some(host) = rest.get(..end) else {
        return false;
    };
    if !host
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
    {
        return false;
    }
    let host = host
        .get(4..)
        .filter(|_| host.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")))
        .unwrap_or(host);
    let labels_ok = host
        .split('.')
        .all(|l| !l.is_empty() && !l.get(..4).is_some_and(|x| x.eq_ignore_ascii_case("xn--")));
    let last = host.rsplit('.').next().unwrap_or_default();
    if !labels_ok || last.is_empty() || !last.bytes().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    // "www.com" and single labels are errors: the full path words them
    out.extend(host.chars().map(|c| c.to_ascii_lowercase()));
    out.contains('.')
}

#[cfg(test)]
mod tests {
    use super::super::normalise::{domain_key_full, name_key, name_key_full};
    use super::*;

    /// Every ASCII character, alone and around words and suffixes, gives the same name
    /// key on the fast path as through ICU4X.
    #[test]
    fn names_equal_the_unicode_path() {
        let mut cases: Vec<String> = Vec::new();
        for c in (0u8..128).map(char::from) {
            for t in ["{}", "a{}b", "Acme{}Inc", "Acme Corp{}", "{} Ltd", "X{}{}Y co"] {
                cases.push(t.replace("{}", &c.to_string()));
            }
        }
        cases.extend(
            [
                "ACME, Inc.",
                "Company 0001234 GmbH",
                "company-0001234, Inc.",
                "COMPANY 0001234 S.A.",
                "AT&T Inc.",
                "Coca-Cola Company",
                "  Acme   Corp.  ",
                "The Company",
                "Ltd",
                "...",
                "a\tb\x0bc\x1cd",
                "$ave+more <co>",
            ]
            .map(String::from),
        );
        let mut out = String::new();
        for raw in &cases {
            assert_eq!(name_key(raw), name_key_full(raw), "{raw:?}");
            assert!(ascii_name_key_into(raw, &mut out), "{raw:?}");
            assert_eq!(
                Some(out.as_str()).filter(|k| !k.is_empty()),
                name_key_full(raw).as_deref(),
                "{raw:?}"
            );
        }
        assert!(!ascii_name_key_into("Société", &mut out));
    }

    /// The fast domain path agrees with the URL parser whenever it answers, and answers
    /// for the plain spellings gen.py and CRM exports use.
    #[test]
    fn domains_equal_the_url_path() {
        let long = format!("{}.com", "a".repeat(70));
        let mut cases: Vec<String> = [
            "acme.com",
            "ACME.COM",
            "www.acme.com",
            "http://acme.com",
            "https://www.acme.com/about",
            "https://www.acme.com?x=1",
            "acme.com#top",
            "c0001234.de",
            "WWW.C0001234.DE",
            "shop.acme.co.uk",
            "www.www.acme.com",
            "-acme.com",
            "acme-.com",
            "ab--cd.com",
            "a-b.c-d.com",
            "www.com",
            "acme",
            "1.2.3.4",
            "acme.123",
            "acme.0x1",
            "acme.com.",
            "a..com",
            "xn--mnchen-3ya.de",
            "XN--MNCHEN-3YA.DE",
            "acme.com:8443",
            "sales@acme.com",
            "HTTP://acme.com",
            "ftp://acme.com",
            "acme.com/x://y",
            "http://",
            "https:///acme.com",
            "acme.com\\x",
            "acme.com/\u{e9}",
        ]
        .map(String::from)
        .to_vec();
        cases.push(long);
        for c in (0u8..128).map(char::from) {
            cases.push(format!("ac{c}me.com"));
            cases.push(format!("acme.co{c}m"));
            cases.push(format!("{c}acme.com"));
            cases.push(format!("acme.com{c}x"));
        }
        let mut fast = 0;
        for raw in &cases {
            let trimmed = raw.trim();
            if let Some(k) = ascii_domain_key(trimmed) {
                fast += 1;
                assert_eq!(Ok(k), domain_key_full(trimmed), "{raw:?}");
            }
        }
        for plain in [
            "acme.com",
            "WWW.C0001234.DE",
            "https://www.acme.com/about",
            "http://acme.com",
        ] {
            assert!(ascii_domain_key(plain).is_some(), "{plain}");
        }
        assert!(fast > 100, "only {fast} cases took the fast path");
    }
}
