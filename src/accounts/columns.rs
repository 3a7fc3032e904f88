//! `accountMapColumns`: the account map (SPEC §14) with each side's accounts given as one
//! tab-separated text — a header line naming the columns, then one account per line —
//! instead of one JSON object per account. The rows are read in place: no string is
//! allocated per field (10,000 partners × 200 accounts are two million rows), and the
//! result is `accountMap`'s on the same accounts (`tests/accounts_columns.rs`).
//!
//! ```text
//! account→status→name→domain→value
//! 001-1→customer→Acme Inc.→acme.com→
//! 001-2→opportunity→Globex GmbH→→12000.00
//! ```
//!
//! (→ is a tab.)
//!
//! Columns (any order): `account` (required), `status` (when absent every row is a
//! customer, as a bare id is), `name`, `domain`, `value`. An empty cell is a field left
//! out. Fields cannot hold a tab or a line break; a line may end in `\r\n`.

use super::command::{check_vendor_id, map, DEFAULT_VENDOR_ID};
use super::pairs::Sides;
use super::rows::{Pops, Rec, Values};
use super::types::{account_map_request, AccountMapResponse, Sharing};
use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::model::account::{check_fields, CUSTOMER};
use crate::model::limits::{bounded, Partners, MAX_ACCOUNTS_PER_PARTNER};
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

/// One partner's accounts as tab-separated text.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PartnerColumns {
    /// The partner's id (unique, non-empty).
    pub id: String,
    /// The header line, then one account per line (module docs).
    pub accounts: String,
}

/// The vendor's accounts as tab-separated text.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct VendorColumns {
    /// The vendor's id in the result (default `vendor`); must differ from every partner id.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    #[serde(default)]
    pub id: Option<String>,
    /// The header line, then one account per line.
    pub accounts: String,
}

account_map_request! {
    /// `accountMapColumns` request: `accountMap`'s options with the accounts as columns.
    pub struct AccountMapColumnsRequest {
        /// Currency of the values (default EUR).
        #[cfg_attr(feature = "ts", ts(optional = nullable))]
        #[serde(default)]
        pub currency: Option<Currency>,
        /// The partners and their accounts.
        #[serde(deserialize_with = "bounded::<_, _, Partners>")]
        pub partners: Vec<PartnerColumns>,
        /// The vendor's own accounts, mapped against every partner's.
        #[cfg_attr(feature = "ts", ts(optional = nullable))]
        #[serde(default)]
        pub vendor: Option<VendorColumns>,
    }
}

/// The columns a header may name.
const COLUMNS: [&str; 5] = ["account", "status", "name", "domain", "value"];

/// Where each column is in a line (`None`: not given).
#[derive(Default)]
struct Header {
    at: [Option<usize>; 5],
    width: usize,
}

fn header(p: &mut Problems, path: &str, line: &str) -> Option<Header> {
    let mut h = Header::default();
    for (i, name) in line.split('\t').enumerate() {
        h.width = h.width.saturating_add(1);

        let name = name.trim();
        match COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            Some(c) if h.at.get(c).is_some_and(Option::is_none) => {
                if let Some(at) = h.at.get_mut(c) {
                    *at = Some(i);
                }
            }
            Some(_) => p.invalid(path, format!("the header names the column `{name}` twice")),
            None => p.invalid(
                path,
                format!(
                    "the header's column {} is `{name}`; name each column account, status, name, domain or value",
                    i.saturating_add(1)
                ),
            ),
        }
    }
    if h.at[0].is_none() {
        p.invalid(
            path,
            "the header needs an `account` column (and may have status, name, domain, value)",
        );
    }
    p.is_empty().then_some(h)
}

/// Each non-empty line of `body` cut at its tabs, a line's `\r\n` ending read as `\n`
/// (as `str::lines` and then `split('\t')` would cut it): one pass over the text for tabs
/// and line breaks together, by `memchr` (SIMD natively and in wasm), cheaper than a byte
/// loop over the two million short cells of 10,000 partners. `row` returns false to stop.
fn each_line<'a>(body: &'a str, mut row: impl FnMut(&[&'a str]) -> bool) {
    let bytes = body.as_bytes();
    let mut cells: Vec<&'a str> = Vec::with_capacity(8);
    let mut start = 0;
    for at in memchr::memchr2_iter(b'\t', b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let cell = body.get(start..at).unwrap_or_default();
        start = at.saturating_add(1);
        if bytes.get(at) == Some(&b'\t') {
            cells.push(cell);
            continue;
        }
        let cell = cell.strip_suffix('\r').unwrap_or(cell);
        if cells.is_empty() && cell.is_empty() {
            continue;
        }
        cells.push(cell);
        if !row(&cells) {
            return;
        }
        cells.clear();
    }
}

/// The rows of one side's text; problems at `path[k]`.
fn side_rows<'a>(
    p: &mut Problems,
    path: &str,
    text: &'a str,
    (pops, values): (&mut Pops<'a>, &mut Values),
    currency: &Currency,
) -> Vec<Rec<'a>> {
    let (first, body) = match memchr::memchr(b'\n', text.as_bytes()) {
        Some(at) => (
            text.get(..at).unwrap_or_default(),
            text.get(at.saturating_add(1)..).unwrap_or_default(),
        ),
        None => (text, ""),
    };
    let Some(h) = header(p, path, first.strip_suffix('\r').unwrap_or(first)) else {
        return Vec::new();
    };
    // sized once: growing row by row reallocated 10,000 lists of 200 rows ≈ 8 times each,
    // which in wasm took 0.15–0.2 s of a 10,000-partner map
    let lines = memchr::memchr_iter(b'\n', body.as_bytes()).count().saturating_add(1);
    let mut rows = Vec::with_capacity(lines.min(MAX_ACCOUNTS_PER_PARTNER.saturating_add(1)));
    let mut k = 0usize;
    each_line(body, |cells| {
        if k >= MAX_ACCOUNTS_PER_PARTNER {
            p.add(DealteamError::too_large(
                path,
                "accounts per partner",
                MAX_ACCOUNTS_PER_PARTNER,
                k.saturating_add(1),
            ));
            return false;
        }
        k = k.saturating_add(1);
        let k = k.wrapping_sub(1);
        if cells.len() != h.width {
            let n = cells.len();
            p.invalid(
                format!("{path}[{k}]"),
                format!("this line has {n} cells; the header has {}", h.width),
            );
            return true;
        }
        let cell = |c: usize| {
            h.at.get(c)
                .copied()
                .flatten()
                .and_then(|i| cells.get(i).copied())
                .filter(|s| !s.is_empty())
        };
        let value = match cell(4).map(Money::parse).transpose() {
            Ok(v) => v,
            Err(why) => {
                p.push(ErrorCode::InvalidMoney, format!("{path}[{k}].value"), why);
                None
            }
        };
        let (account, status) = (cell(0).unwrap_or(""), cell(1));
        let status = if h.at[1].is_some() {
            status.unwrap_or("")
        } else {
            CUSTOMER
        };
        check_fields(p, || format!("{path}[{k}]"), (account, status, value), currency);
        rows.push(Rec {
            id: account,
            name: cell(2).unwrap_or(account),
            named: cell(2).is_some(),
            domain: cell(3),
            status: pops.id(status),
            value: values.add(value),
        });
        true
    });
    rows
}

/// Accounts texts held outside the request (the wasm facade's, which takes a JS caller's
/// texts as they are instead of through JSON: src/wasm/columns.rs): partner `i`'s text is
/// `partners[i]` when that is `Some`, else the request's own; likewise the vendor's.
#[derive(Clone, Debug, Default)]
pub struct ColumnTexts<'t> {
    /// Per partner, in the request's order (shorter than the list: the rest are its own).
    pub partners: Vec<Option<&'t str>>,
    /// The vendor's.
    pub vendor: Option<&'t str>,
}

/// The checked sides of a columns request.
fn sides<'a>(req: &'a AccountMapColumnsRequest, texts: &ColumnTexts<'a>, currency: &Currency) -> Result<Sides<'a>> {
    let mut p = Problems::new();
    let ids: Vec<&str> = req.partners.iter().map(|s| s.id.as_str()).collect();
    crate::model::index_ids(&mut p, "partners", ids.iter().copied());
    let (mut pops, mut values) = (Pops::default(), Values::default());
    let mut accounts: Vec<Vec<Rec>> = (req.partners.iter().enumerate())
        .map(|(i, s)| {
            side_rows(
                &mut p,
                &format!("partners[{i}].accounts"),
                texts.partners.get(i).copied().flatten().unwrap_or(&s.accounts),
                (&mut pops, &mut values),
                currency,
            )
        })
        .collect();
    p.finish()?;
    let mut ids = ids;
    if let Some(v) = &req.vendor {
        let id = v.id.as_deref().unwrap_or(DEFAULT_VENDOR_ID);
        check_vendor_id(&ids, id)?;
        let mut p = Problems::new();
        let text = texts.vendor.unwrap_or(&v.accounts);
        accounts.push(side_rows(
            &mut p,
            "vendor.accounts",
            text,
            (&mut pops, &mut values),
            currency,
        ));
        p.finish()?;
        ids.push(id);
    }
    Ok(Sides {
        ids,
        accounts,
        pops,
        values,
        sharing: req.sharing.unwrap_or_default(),
        minor: currency.minor_units(),
        partners: req.partners.len(),
        partners_at: "partners",
    })
}

/// The account map of a columns request.
pub fn account_map_columns(req: &AccountMapColumnsRequest) -> Result<AccountMapResponse> {
    account_map_columns_with(req, &ColumnTexts::default())
}

/// The account map of a columns request whose texts are (partly) held outside it.
pub fn account_map_columns_with(req: &AccountMapColumnsRequest, texts: &ColumnTexts) -> Result<AccountMapResponse> {
    let currency = req.currency.clone().unwrap_or_else(Currency::eur);
    let sides = sides(req, texts, &currency)?;
    map(&sides, &req.options(), currency)
}

/// `accountMapColumns` (SPEC §14, §10): `accountMap` with the accounts as columns.
pub struct AccountMapColumnsCommand;
impl Command for AccountMapColumnsCommand {
    const NAME: &'static str = "accountMapColumns";
    type Request = AccountMapColumnsRequest;
    type Response = AccountMapResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        account_map_columns(&req)
    }
}
