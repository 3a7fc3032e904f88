//! A partner's account with its population (SPEC §1, §14): `"acme-id"` (a customer) or
//! `{account, status, value?, domain?, name?}`. A bare string reads and writes back as a
//! bare string, so ecosystems without populations are unchanged.

use crate::error::{ErrorCode, Problems};
use crate::money::{Currency, Money};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The population of an account without one, and of every bare-string account.
pub const CUSTOMER: &str = "customer";
/// An open opportunity; its `value` counts towards potential revenue.
pub const OPPORTUNITY: &str = "opportunity";
/// A prospect.
pub const PROSPECT: &str = "prospect";

/// One account of a partner (or of the vendor).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum PartnerAccount {
    /// A bare account id: a customer, matched by its id as a name.
    Id(String),
    /// An account with its population.
    Detailed(Box<AccountRecord>),
}

/// An account with its population (SPEC §14).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AccountRecord {
    /// The account's id in the partner's list (its name when `name` is not given).
    pub account: String,
    /// `customer`, `prospect`, `opportunity` or any other population name.
    pub status: String,
    /// Value of the opportunity (the ecosystem's currency).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// The company's web domain (or a URL or e-mail address on it).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The company's name (default: `account`).
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl PartnerAccount {
    /// The account id.
    pub fn id(&self) -> &str {
        match self {
            PartnerAccount::Id(s) => s,
            PartnerAccount::Detailed(r) => &r.account,
        }
    }
    /// The population (`customer` for a bare id).
    pub fn status(&self) -> &str {
        match self {
            PartnerAccount::Id(_) => CUSTOMER,
            PartnerAccount::Detailed(r) => &r.status,
        }
    }
    /// The opportunity value, if given.
    pub fn value(&self) -> Option<Money> {
        match self {
            PartnerAccount::Id(_) => None,
            PartnerAccount::Detailed(r) => r.value,
        }
    }
    /// The domain, if given.
    pub fn domain(&self) -> Option<&str> {
        match self {
            PartnerAccount::Id(_) => None,
            PartnerAccount::Detailed(r) => r.domain.as_deref(),
        }
    }
    /// The company name: `name`, else the account id.
    pub fn name(&self) -> &str {
        match self {
            PartnerAccount::Id(s) => s,
            PartnerAccount::Detailed(r) => r.name.as_deref().unwrap_or(&r.account),
        }
    }
}

impl From<&str> for PartnerAccount {
    fn from(s: &str) -> Self {
        PartnerAccount::Id(s.to_string())
    }
}

impl From<String> for PartnerAccount {
    fn from(s: String) -> Self {
        PartnerAccount::Id(s)
    }
}

impl PartialEq<&str> for PartnerAccount {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, PartnerAccount::Id(s) if s == other)
    }
}

/// One account record's fields (SPEC §14): a non-empty account and status, a value that
/// is not negative and has at most the currency's minor units. Malformed domains and
/// empty names are not errors here: the account map reports them per row.
pub(crate) fn check_record(p: &mut Problems, at: impl Fn() -> String, r: &AccountRecord, currency: &Currency) {
    check_fields(p, at, (&r.account, &r.status, r.value), currency);
}

/// Whether `s` is empty or only whitespace (`s.trim().is_empty()`, stopping at the first
/// other character instead of trimming both ends: checked twice per row of two million).
fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// [`check_record`] on the fields (account, status, value) of a record in any form.
pub(crate) fn check_fields(
    p: &mut Problems,
    at: impl Fn() -> String,
    (account, status, value): (&str, &str, Option<Money>),
    currency: &Currency,
) {
    if blank(account) {
        p.invalid(format!("{}.account", at()), "an account needs a non-empty `account` id");
    }
    if blank(status) {
        p.invalid(
            format!("{}.status", at()),
            "status must be non-empty: customer, prospect, opportunity or your own population name",
        );
    }
    if let Some(v) = value {
        // the path is written only for a problem (two million rows have no problem)
        if v.0.is_sign_negative() && !v.0.is_zero() {
            p.push(
                ErrorCode::InvalidMoney,
                format!("{}.value", at()),
                "an opportunity's value must not be negative",
            );
        } else if let Err(mut e) = v.check_minor(currency.minor_units(), "") {
            e.path = format!("{}.value", at());
            p.add(e);
        }
    }
}

/// What an account is, in serde's "expected …" messages.
pub(crate) const EXPECTING: &str = "an account id, or an object {account, status, value?, domain?, name?}";

/// A string or an object, without buffering (serde's untagged enums buffer the input
/// and lose the field paths of their errors).
impl<'de> Deserialize<'de> for PartnerAccount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PartnerAccount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTING)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PartnerAccount, E> {
                Ok(PartnerAccount::Id(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<PartnerAccount, E> {
                Ok(PartnerAccount::Id(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PartnerAccount, A::Error> {
                let r = AccountRecord::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(PartnerAccount::Detailed(Box::new(r)))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_string_is_a_customer_and_round_trips() {
        let a: PartnerAccount = serde_json::from_str("\"Acme\"").unwrap();
        assert_eq!(a, PartnerAccount::Id("Acme".into()));
        assert_eq!(
            (a.id(), a.status(), a.name(), a.domain(), a.value()),
            ("Acme", CUSTOMER, "Acme", None, None)
        );
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Acme\"");
    }

    #[test]
    fn record_reads_every_field_and_round_trips() {
        let text =
            r#"{"account":"c-1","status":"opportunity","value":"1200.50","domain":"acme.com","name":"ACME Inc."}"#;
        let a: PartnerAccount = serde_json::from_str(text).unwrap();
        assert_eq!(a.status(), OPPORTUNITY);
        assert_eq!(a.value(), Some(Money::parse("1200.50").unwrap()));
        assert_eq!((a.domain(), a.name()), (Some("acme.com"), "ACME Inc."));
        assert_eq!(serde_json::to_string(&a).unwrap(), text);
        let b: PartnerAccount = serde_json::from_str(r#"{"account":"Beta","status":"prospect"}"#).unwrap();
        assert_eq!((b.name(), b.status()), ("Beta", PROSPECT));
    }

    #[test]
    fn unknown_and_missing_fields_are_errors_with_their_path() {
        // the path of an unknown field is checked through the command layer in tests/accounts.rs
        let e = serde_json::from_str::<Vec<PartnerAccount>>(
            r#"["a", {"account":"b","status":"customer","domian":"b.com"}]"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("domian"), "{e}");
        let e = serde_json::from_str::<PartnerAccount>(r#"{"account":"b"}"#).unwrap_err();
        assert!(e.to_string().contains("status"), "{e}");
        assert!(serde_json::from_str::<PartnerAccount>("3").is_err());
    }
}
