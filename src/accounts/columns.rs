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
use super::rows::{Pops, Rec};
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

/// The pieces of `text` between the bytes `sep` (an ASCII byte: every piece is whole
/// UTF-8), as `str::split` gives them: a byte loop, cheaper than the pattern searcher on
/// the short cells and lines of two million rows.
fn cut(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut done = false;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let from = start;
        let rest = bytes.get(from..).unwrap_or_default();
        let end = match rest.iter().position(|&c| c == sep) {
            Some(at) => from.saturating_add(at),
            None => {
                done = true;
                bytes.len()
            }
        };
        start = end.saturating_add(1);
        Some(text.get(from..end).unwrap_or_default())
    })
}

/// The rows of one side's text; problems at `path[k]`.
fn side_rows<'a>(
    p: &mut Problems,
    path: &str,
    text: &'a str,
    pops: &mut Pops<'a>,
    currency: &Currency,
) -> Vec<Rec<'a>> {
    let mut lines = cut(text, b'\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let Some(h) = lines.next().and_then(|l| header(p, path, l)) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut cells: Vec<&str> = Vec::with_capacity(h.width);
    for (k, line) in lines.filter(|l| !l.is_empty()).enumerate() {
        if k >= MAX_ACCOUNTS_PER_PARTNER {
            p.add(DealteamError::too_large(
                path,
                "accounts per partner",
                MAX_ACCOUNTS_PER_PARTNER,
                k.saturating_add(1),
            ));
            break;
        }
        cells.clear();
        cells.extend(cut(line, b'\t'));
        if cells.len() != h.width {
            let n = cells.len();
            p.invalid(
                format!("{path}[{k}]"),
                format!("this line has {n} cells; the header has {}", h.width),
            );
            continue;
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
            value,
        });
    }
    rows
}

/// The checked sides of a columns request.
fn sides<'a>(req: &'a AccountMapColumnsRequest, currency: &Currency) -> Result<Sides<'a>> {
    let mut p = Problems::new();
    let ids: Vec<&str> = req.partners.iter().map(|s| s.id.as_str()).collect();
    crate::model::index_ids(&mut p, "partners", ids.iter().copied());
    let mut pops = Pops::default();
    let mut accounts: Vec<Vec<Rec>> = (req.partners.iter().enumerate())
        .map(|(i, s)| {
            side_rows(
                &mut p,
                &format!("partners[{i}].accounts"),
                &s.accounts,
                &mut pops,
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
        accounts.push(side_rows(&mut p, "vendor.accounts", &v.accounts, &mut pops, currency));
        p.finish()?;
        ids.push(id);
    }
    Ok(Sides {
        ids,
        accounts,
        pops,
        sharing: req.sharing.unwrap_or_default(),
        minor: currency.minor_units(),
        partners: req.partners.len(),
        partners_at: "partners",
    })
}

/// The account map of a columns request.
pub fn account_map_columns(req: &AccountMapColumnsRequest) -> Result<AccountMapResponse> {
    let currency = req.currency.clone().unwrap_or_else(Currency::eur);
    let sides = sides(req, &currency)?;
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
