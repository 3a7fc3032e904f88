//! Fast paths of the account keys (SPEC §14 "Matching") for plain ASCII text, the common
//! case of CRM exports: the same results as `super::normalise`'s Unicode path without
//! its allocations and table look-ups. The tests below compare both paths on every ASCII
//! character in several positions and on the spellings real lists use.
//!
//! - **Name**: on ASCII text NFKC changes nothing and full case folding is lower-casing
//!   (and NFKC maps each full-width form U+FF01–U+FF5E, as in `Ｃｏｍｐａｎｙ`, to its ASCII
//!   character, so such names take the same path);
//!   the ASCII characters of Unicode general category P are exactly those listed in
//!   `name_bytes` (`-` is Pd and `_` is Pc: they become spaces, the others are
//!   deleted); `$ + < = > ^ | ~` and the backtick are symbols (S) and stay.
//! - **Domain**: `[http[s]://]host[/…|?…|#…]` whose host is ASCII letters, digits, dots and
//!   hyphens in non-empty labels, ending in a label of letters only (so the URL standard's
//!   IPv4 rules never apply), with no punycode label (`xn--`, which IDNA would check):
//!   the WHATWG host parser only lower-cases such a host. Anything else (ports, user
//!   names, e-mail addresses, trailing dots, other schemes, non-ASCII) takes the full path.

/// What a name does with each byte: [`GAP`], [`DROP`], [`WIDE`], else its character
/// lower-cased with the top bit set. One look-up per byte instead of three tests.
const NAME_BYTES: [u8; 256] = name_bytes();
/// A word gap: the White_Space characters of ASCII (U+0009–U+000D and the space), and the
/// dash and connector punctuation `-` (Pd) and `_` (Pc), which become spaces.
const GAP: u8 = 0;
/// Any other ASCII punctuation (general category P): deleted.
const DROP: u8 = 1;
/// Not ASCII: a full-width form, or a name for the Unicode path.
const WIDE: u8 = 2;

#[allow(clippy::indexing_slicing)] // `c < 128` indexes a table of 256
const fn name_bytes() -> [u8; 256] {
    let mut t = [WIDE; 256];
    let mut c = 0u8;
    while c < 128 {
        t[c as usize] = match c {
            b' ' | b'\t'..=b'\r' | b'-' | b'_' => GAP,
            b'!' | b'"' | b'#' | b'%' | b'&' | b'\'' | b'(' | b')' | b'*' | b',' | b'.' | b'/' | b':' | b';' | b'?'
            | b'@' | b'[' | b'\\' | b']' | b'{' | b'}' => DROP,
            c => c.to_ascii_lowercase() | 0x80,
        };
        c = c.wrapping_add(1);
    }
    t
}

/// The ASCII character NFKC gives a character of `raw` at byte `i`, with the bytes it
/// takes: itself for ASCII, and for the full-width forms U+FF01–U+FF5E (UTF-8 `EF BC 81`
/// to `EF BD 9E`, compatibility-equivalent to U+0021–U+007E) that ASCII character;
/// `None` for anything else.
fn ascii_or_wide(raw: &[u8], i: usize) -> Option<(u8, usize)> {
    match *raw.get(i)? {
        c if c.is_ascii() => Some((c, 1)),
        0xEF => match (raw.get(i.saturating_add(1))?, raw.get(i.saturating_add(2))?) {
            (0xBC, &c @ 0x81..=0xBF) => Some((c.wrapping_sub(0x81 - 0x21), 3)),
            (0xBD, &c @ 0x80..=0x9E) => Some((c.wrapping_sub(0x80 - 0x60), 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The whole name key of a `raw` of ASCII and full-width ASCII forms written into `out`
/// (cleaned, whitespace collapsed, legal suffixes removed, as `super::normalise::name_key`)
/// without allocating: false when `raw` has any other character; `out` is left empty
/// when no word is left. NFKC maps each full-width form to its ASCII character and
/// nothing here composes (no combining marks), so the ASCII rules then apply as they are.
pub(super) fn ascii_name_key_into(raw: &str, out: &mut String) -> bool {
    out.clear();
    let bytes = raw.as_bytes();
    let mut key = std::mem::take(out).into_bytes();
    key.reserve(bytes.len());
    let mut gap = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let mut t = NAME_BYTES.get(usize::from(b)).copied().unwrap_or(WIDE);
        i = i.saturating_add(1);
        if t == WIDE {
            // a full-width form stands for its ASCII character
            let Some((c, 3)) = ascii_or_wide(bytes, i.wrapping_sub(1)) else {
                key.clear();
                *out = String::from_utf8(key).unwrap_or_default();
                return false;
            };
            t = NAME_BYTES.get(usize::from(c)).copied().unwrap_or(WIDE);
            i = i.saturating_add(2);
        }
        match t {
            GAP => gap = !key.is_empty(),
            DROP => {}
            c => {
                if gap {
                    key.push(b' ');
                    gap = false;
                }
                key.push(c & 0x7F);
            }
        }
    }
    while let Some(at) = key.iter().rposition(|&c| c == b' ') {
        let last = key.get(at.saturating_add(1)..).unwrap_or_default();
        if !super::normalise::is_legal_suffix(last) {
            break;
        }
        key.truncate(at);
    }
    // only ASCII bytes were pushed
    *out = String::from_utf8(key).unwrap_or_default();
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
    let t = trimmed.as_bytes();
    let rest = if let Some(r) = t.strip_prefix(b"https://").or_else(|| t.strip_prefix(b"http://")) {
        r
    } else if t.windows(3).any(|w| w == b"://") {
        return false;
    } else {
        t
    };
    let end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = rest.get(..end).unwrap_or_default();
    let host = match host.get(..4) {
        Some(w) if w.eq_ignore_ascii_case(b"www.") => host.get(4..).unwrap_or_default(),
        _ => host,
    };
    // labels non-empty, none punycode, the last letters only; the host letters, digits,
    // dots and hyphens
    let mut dots = 0usize;
    let mut alpha = true;
    for label in host.split(|&c| c == b'.') {
        if label.is_empty() || label.get(..4).is_some_and(|x| x.eq_ignore_ascii_case(b"xn--")) {
            return false;
        }
        alpha = true;
        for &c in label {
            if !(c.is_ascii_alphanumeric() || c == b'-') {
                return false;
            }
            alpha &= c.is_ascii_alphabetic();
        }
        dots = dots.saturating_add(1);
    }
    if !alpha {
        return false;
    }
    let mut key = std::mem::take(out).into_bytes();
    key.extend_from_slice(host);
    key.make_ascii_lowercase();
    // the host's bytes are ASCII
    *out = String::from_utf8(key).unwrap_or_default();
    // "www.com" and single labels are errors: the full path words them
    dots > 1
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
        // ASCII, the full-width forms U+FF01–U+FF5E and their neighbours
        let wide = (0xFF00..=0xFF60).filter_map(char::from_u32);
        for c in (0u8..128).map(char::from).chain(wide) {
            for t in [
                "{}",
                "a{}b",
                "Acme{}Inc",
                "Acme Corp{}",
                "{} Ltd",
                "X{}{}Y co",
                "Ｃｏｍｐａｎｙ{}",
            ] {
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
                "Ｃｏｍｐａｎｙ 0123, Ｉｎｃ．",
                "ＣＯＭＰＡＮＹ－０１２３ ＧｍｂＨ",
                "Ａｃｍｅ\u{3000}Ｉｎｃ",
            ]
            .map(String::from),
        );
        let mut out = String::new();
        let mut fast = 0;
        for raw in &cases {
            assert_eq!(name_key(raw), name_key_full(raw), "{raw:?}");
            if !ascii_name_key_into(raw, &mut out) {
                assert!(
                    !raw.chars()
                        .all(|c| c.is_ascii() || ('\u{FF01}'..='\u{FF5E}').contains(&c)),
                    "{raw:?}"
                );
                continue;
            }
            fast += 1;
            assert_eq!(
                Some(out.as_str()).filter(|k| !k.is_empty()),
                name_key_full(raw).as_deref(),
                "{raw:?}"
            );
        }
        assert!(fast > 1500, "only {fast} cases took the fast path");
        assert!(!ascii_name_key_into("Société", &mut out));
        assert!(!ascii_name_key_into("Ａｃｍｅ\u{3000}Ｉｎｃ", &mut out));
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
