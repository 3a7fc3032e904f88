//! Account keys (SPEC §14 "Matching"): the normalised domain and the normalised name
//! of an account, and the rule that decides whether two accounts are the same company.
//!
//! - **Domain** ([`domain_key`]): parsed as a URL host by the `url` crate (WHATWG URL
//!   standard, with UTS #46 IDNA): lower case, scheme, user, port and path dropped, an
//!   internationalised name in punycode (`https://www.Bücher.de/x` → `xn--bcher-kva.de`),
//!   one leading `www.` and a trailing dot removed. An e-mail address gives its domain.
//!   Malformed hosts, IP addresses and names without a dot are refused with the reason.
//! - **Name** ([`name_key`]): Unicode NFKC, full case folding (Unicode `CaseFolding.txt`,
//!   so `ß` → `ss`), NFKC again (the folded string is then in normal form); dashes and
//!   connector punctuation (`-`, `_`, `—`) become spaces, every other punctuation
//!   character (Unicode general category P: `.` `,` `'` `&` `(` …) is deleted; whitespace
//!   is collapsed; then the legal suffixes of [`LEGAL_SUFFIXES`] are removed from the end,
//!   repeatedly, but never the first word (`"Company"` stays `"company"`). Accents are
//!   kept: NFKC does not remove them, so `Société Générale` and `societe generale` differ.
//! - **Rule** ([`match_accounts`]): two accounts match by domain when both have one (and
//!   then only by domain), else by name.
//!
//! NFKC, case folding and the general category all come from ICU4X (`icu_normalizer`,
//! `icu_casemap`, `icu_properties`), the Unicode back end `idna` uses for domains: one set
//! of Unicode tables in the wasm module.

use icu_casemap::CaseMapperBorrowed;
use icu_normalizer::ComposingNormalizerBorrowed;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu_properties::CodePointMapData;
use serde::{Deserialize, Serialize};

/// The legal-form words SPEC §14 removes from the end of a name, case-folded.
pub const LEGAL_SUFFIXES: [&str; 19] = [
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "bv",
    "nv",
    "oy",
    "ab",
    "spa",
    "srl",
    "plc",
    "co",
    "corp",
    "corporation",
    "limited",
    "company",
];

/// Whether `word` is one of [`LEGAL_SUFFIXES`]: a `match` compiles to a test of the length
/// and then of a few bytes, where comparing with each suffix in turn called `memcmp` for
/// every one of the same length (in wasm a call each; two million names are checked).
pub fn is_legal_suffix(word: &[u8]) -> bool {
    matches!(
        word,
        b"inc"
            | b"ltd"
            | b"llc"
            | b"gmbh"
            | b"ag"
            | b"sa"
            | b"sas"
            | b"bv"
            | b"nv"
            | b"oy"
            | b"ab"
            | b"spa"
            | b"srl"
            | b"plc"
            | b"co"
            | b"corp"
            | b"corporation"
            | b"limited"
            | b"company"
    )
}

/// How two accounts were found to be the same company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MatchedBy {
    /// Both have a domain and the normalised domains are equal.
    Domain,
    /// At least one has no domain and the normalised names are equal.
    Name,
    /// The account ids are equal (registration `matchBy: "id"`; never chosen by
    /// [`match_accounts`]).
    Id,
}

/// A key one account is matched on: what [`match_accounts`] compares, with its kind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKey {
    /// A normalised domain ([`domain_key`]).
    Domain(String),
    /// A normalised name ([`name_key`]).
    Name(String),
}

/// The normalised keys of one account (either may be missing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountKeys {
    /// [`domain_key`] of the account's domain, when it has a well-formed one.
    pub domain: Option<String>,
    /// [`name_key`] of the account's name, when it has a non-empty one.
    pub name: Option<String>,
}

impl AccountKeys {
    /// The key this account is matched on against `other` (SPEC §14): the domain when
    /// both have one, else the name (`None` when that side has no name).
    pub fn key_against(&self, other: &AccountKeys) -> Option<MatchKey> {
        match (&self.domain, &other.domain) {
            (Some(d), Some(_)) => Some(MatchKey::Domain(d.clone())),
            _ => self.name.clone().map(MatchKey::Name),
        }
    }
}

/// Whether two accounts are the same company (SPEC §14), and how: by domain when both
/// have one (different domains never match, even with equal names: that is a near miss),
/// else by name.
pub fn match_accounts(a: &AccountKeys, b: &AccountKeys) -> Option<MatchedBy> {
    match (&a.domain, &b.domain) {
        (Some(x), Some(y)) => (x == y).then_some(MatchedBy::Domain),
        _ => match (&a.name, &b.name) {
            (Some(x), Some(y)) if x == y => Some(MatchedBy::Name),
            _ => None,
        },
    }
}

/// Two accounts with the same normalised name but different domains: not a match, but
/// worth a look (SPEC §14 near-miss report).
pub fn near_miss(a: &AccountKeys, b: &AccountKeys) -> bool {
    matches!((&a.domain, &b.domain, &a.name, &b.name), (Some(x), Some(y), Some(n), Some(m)) if x != y && n == m)
}

/// The normalised domain of `raw` (a domain, a URL or an e-mail address), or why it is
/// not one, in words for the user.
pub fn domain_key(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim();
    match super::ascii::ascii_domain_key(trimmed) {
        Some(key) => Ok(key),
        None => domain_key_full(trimmed),
    }
}

/// [`domain_key`] through the URL parser, for any (trimmed) text.
pub(super) fn domain_key_full(trimmed: &str) -> Result<String, String> {
    if trimmed.is_empty() {
        return Err("the domain is empty; give a domain such as example.com, or leave the field out".into());
    }
    let as_url = if trimmed.contains("://") {
        trimmed.to_string()
    } else {
        format!("http://{trimmed}")
    };
    let url = url::Url::parse(&as_url)
        .map_err(|e| format!("`{trimmed}` is not a domain ({e}); write it like example.com"))?;
    let host = match url.host() {
        Some(url::Host::Domain(h)) => h.trim_end_matches('.'),
        Some(_) => {
            return Err(format!(
                "`{trimmed}` is an IP address; give the company's domain, such as example.com"
            ))
        }
        None => return Err(format!("`{trimmed}` has no domain; write it like example.com")),
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() || !host.contains('.') || host.split('.').any(str::is_empty) {
        return Err(format!(
            "`{trimmed}` is not a full domain; write it with its ending, like example.com"
        ));
    }
    Ok(host.to_string())
}

/// The normalised name of `raw` (module docs), or `None` when nothing is left of it
/// (empty, or only punctuation and spaces).
pub fn name_key(raw: &str) -> Option<String> {
    let mut key = String::new();
    if super::ascii::ascii_name_key_into(raw, &mut key) {
        return (!key.is_empty()).then_some(key);
    }
    name_key_full(raw)
}

/// [`name_key`] through ICU4X, for any text.
pub(super) fn name_key_full(raw: &str) -> Option<String> {
    let categories = CodePointMapData::<GeneralCategory>::new();
    let nfkc = ComposingNormalizerBorrowed::new_nfkc();
    let composed = nfkc.normalize(raw);
    let case_folded = CaseMapperBorrowed::new().fold_string(&composed);
    let folded = nfkc.normalize(&case_folded);
    let mut cleaned = String::with_capacity(folded.len());
    for c in folded.chars() {
        let gc = categories.get(c);
        if matches!(
            gc,
            GeneralCategory::DashPunctuation | GeneralCategory::ConnectorPunctuation
        ) {
            cleaned.push(' ');
        } else if !GeneralCategoryGroup::Punctuation.contains(gc) {
            cleaned.push(c);
        }
    }
    words_key(cleaned)
}

/// Whitespace collapsed and legal suffixes removed from a cleaned name (never its first
/// word); `None` when no word is left.
fn words_key(cleaned: String) -> Option<String> {
    // already normal (single spaces between words, none around, no suffix to drop): as is
    let spaced = !cleaned.starts_with(' ')
        && !cleaned.ends_with(' ')
        && !cleaned.contains("  ")
        && !cleaned.chars().any(|c| c.is_whitespace() && c != ' ');
    let last = cleaned.rsplit(' ').next().unwrap_or_default();
    if spaced && !cleaned.is_empty() && (last.len() == cleaned.len() || !is_legal_suffix(last.as_bytes())) {
        return Some(cleaned);
    }
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_legal_suffix(w.as_bytes())) {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The keys of an account with an optional domain and a name: a malformed domain is
/// returned as its reason (and left out of the keys), an empty name as `None`.
pub fn account_keys(domain: Option<&str>, name: &str) -> (AccountKeys, Option<String>) {
    let (domain, problem) = match domain.map(domain_key) {
        Some(Ok(d)) => (Some(d), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    (
        AccountKeys {
            domain,
            name: name_key(name),
        },
        problem,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `match` of [`is_legal_suffix`] holds exactly the list: every suffix, and no other
    /// word (each suffix with a letter added, dropped or changed, and words of every length).
    #[test]
    fn legal_suffixes_match_the_list() {
        let mut words: Vec<String> = [
            "",
            "a",
            "in",
            "incc",
            "gmb",
            "corporatio",
            "limite",
            "compan",
            "ltd.",
            "Inc",
        ]
        .map(String::from)
        .to_vec();
        for w in LEGAL_SUFFIXES {
            assert!(is_legal_suffix(w.as_bytes()), "{w}");
            words.push(format!("{w}x"));
            words.push(format!("x{w}"));
            words.push(w.get(1..).unwrap_or_default().to_string());
            words.push(w.to_uppercase());
            words.push(w.replacen(|_: char| true, "z", 1));
        }
        for w in words {
            assert_eq!(
                is_legal_suffix(w.as_bytes()),
                LEGAL_SUFFIXES.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }

    /// Real-world domain spellings and what §14's rules make of them (the punycode forms
    /// checked with Python's `'société-générale.fr'.encode('idna')`).
    #[test]
    fn domains_table() {
        let table = [
            ("https://www.Bücher.de/x", "xn--bcher-kva.de"),
            ("acme.com", "acme.com"),
            ("ACME.COM", "acme.com"),
            ("www.acme.com", "acme.com"),
            ("http://www.acme.com/", "acme.com"),
            ("https://acme.com:8443/about?x=1#top", "acme.com"),
            ("  acme.com.  ", "acme.com"),
            ("sales@Acme.com", "acme.com"),
            ("shop.acme.co.uk", "shop.acme.co.uk"),
            ("www.www.acme.com", "www.acme.com"),
            ("münchen.de", "xn--mnchen-3ya.de"),
            ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
            ("ＡＣＭＥ．ｃｏｍ", "acme.com"),
            ("société-générale.fr", "xn--socit-gnrale-eebbcb.fr"),
        ];
        for (raw, want) in table {
            assert_eq!(domain_key(raw).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn malformed_domains_say_why() {
        for raw in [
            "",
            "   ",
            "acme",
            "acme com",
            "http://",
            "192.168.0.1",
            "[::1]",
            "www.",
            "a..com",
            "exa mple.org",
        ] {
            let e = domain_key(raw).expect_err(raw);
            assert!(e.contains("domain") || e.contains("IP"), "{raw}: {e}");
        }
    }

    /// Real-world name variants: what §14's rules produce, asserted exactly (including
    /// the pairs they do not join).
    #[test]
    fn names_table() {
        let table = [
            ("ACME, Inc.", Some("acme")),
            ("Acme Inc", Some("acme")),
            ("acme", Some("acme")),
            ("  ACME   Corp.  ", Some("acme")),
            ("Acme Co., Ltd.", Some("acme")),
            ("Acme Corporation", Some("acme")),
            ("Acme Incorporated", Some("acme incorporated")),
            ("Société Générale S.A.", Some("société générale")),
            ("societe generale", Some("societe generale")),
            ("SOCIÉTÉ GÉNÉRALE SA", Some("société générale")),
            ("Siemens AG", Some("siemens")),
            ("Volkswagen Aktiengesellschaft", Some("volkswagen aktiengesellschaft")),
            ("Großhandel GmbH", Some("grosshandel")),
            ("GROSSHANDEL GMBH", Some("grosshandel")),
            ("Nokia Oyj", Some("nokia oyj")),
            ("Nokia Oy", Some("nokia")),
            (
                "Telefonaktiebolaget LM Ericsson AB",
                Some("telefonaktiebolaget lm ericsson"),
            ),
            ("Fiat S.p.A.", Some("fiat")),
            ("Philips N.V.", Some("philips")),
            ("Barclays PLC", Some("barclays")),
            ("Coca-Cola Company", Some("coca cola")),
            ("Coca Cola", Some("coca cola")),
            ("McDonald’s Corp", Some("mcdonalds")),
            ("McDonald's", Some("mcdonalds")),
            ("AT&T Inc.", Some("att")),
            ("Johnson & Johnson", Some("johnson johnson")),
            ("The Company", Some("the")),
            ("Company", Some("company")),
            ("Ltd", Some("ltd")),
            ("Ｆｕｌｌｗｉｄｔｈ Ｌｔｄ", Some("fullwidth")),
            ("ﬁnance partners", Some("finance partners")),
            ("Acme\u{00a0}Inc", Some("acme")),
            ("Ａｃｍｅ Ｃｏｒｐ", Some("acme")),
            ("", None),
            ("   ", None),
            ("...", None),
            ("-", None),
        ];
        for (raw, want) in table {
            assert_eq!(name_key(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn domain_when_both_have_one_else_name() {
        let k = |d: Option<&str>, n: &str| account_keys(d, n).0;
        let acme_com = k(Some("https://www.acme.com"), "ACME, Inc.");
        let acme_com2 = k(Some("ACME.com"), "Acme Holdings");
        let acme_de = k(Some("acme.de"), "Acme Inc");
        let acme_bare = k(None, "acme");
        assert_eq!(match_accounts(&acme_com, &acme_com2), Some(MatchedBy::Domain));
        assert_eq!(match_accounts(&acme_com, &acme_de), None);
        assert!(near_miss(&acme_com, &acme_de));
        assert!(!near_miss(&acme_com, &acme_com2));
        assert_eq!(match_accounts(&acme_com, &acme_bare), Some(MatchedBy::Name));
        assert_eq!(match_accounts(&acme_bare, &acme_de), Some(MatchedBy::Name));
        assert_eq!(match_accounts(&acme_com2, &acme_bare), None);
        assert_eq!(
            acme_com.key_against(&acme_de),
            Some(MatchKey::Domain("acme.com".into()))
        );
        assert_eq!(acme_com.key_against(&acme_bare), Some(MatchKey::Name("acme".into())));
        let (bad, problem) = account_keys(Some("not a domain"), "Acme");
        assert_eq!(bad.domain, None);
        assert!(problem.is_some());
        assert_eq!(match_accounts(&bad, &acme_com), Some(MatchedBy::Name));
        let empty = k(None, " ");
        assert_eq!(match_accounts(&empty, &k(None, "")), None);
    }
}
