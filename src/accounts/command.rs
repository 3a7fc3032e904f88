//! `accountMap` (SPEC §14, §10): the overlap matrix of every pair of partners (and the
//! vendor), or of one partner against the others, under a sharing level.

use super::keys::Keys;
use super::matrix::{find, Match};
use super::pairs::{kept_totals, pair, Sides};
use super::rows::{from_accounts, Pops, Rec, Values};
use super::summary::summarise;
use super::types::{AccountMapRequest, AccountMapResponse, AccountPair, NearMiss, NearMissSide, Sharing};
use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use crate::model::account::check_record;
use crate::model::PartnerAccount;
use crate::money::Currency;

/// The vendor's id when the request does not name one.
pub const DEFAULT_VENDOR_ID: &str = "vendor";

/// The sides (partners, then the vendor) with their ids, after checking the request.
fn sides(req: &AccountMapRequest, sharing: Sharing) -> Result<Sides<'_>> {
    req.ecosystem.validate().map_err(|e| e.under("ecosystem"))?;
    let mut pops = Pops::default();
    let mut values = Values::default();
    let mut ids: Vec<&str> = req.ecosystem.partners.iter().map(|p| p.id.as_str()).collect();
    let mut accounts: Vec<Vec<Rec>> = (req.ecosystem.partners.iter())
        .map(|p| from_accounts(&p.accounts, &mut pops, &mut values))
        .collect();
    if let Some(v) = &req.vendor {
        let id = v.id.as_deref().unwrap_or(DEFAULT_VENDOR_ID);
        check_vendor_id(&ids, id)?;
        let mut p = Problems::new();
        let currency = req.ecosystem.currency();
        for (k, a) in v.accounts.iter().enumerate() {
            if let PartnerAccount::Detailed(r) = a {
                check_record(&mut p, || format!("vendor.accounts[{k}]"), r, &currency);
            }
        }
        p.finish()?;
        ids.push(id);
        accounts.push(from_accounts(&v.accounts, &mut pops, &mut values));
    }
    let minor = req.ecosystem.currency().minor_units();
    Ok(Sides {
        ids,
        accounts,
        pops,
        values,
        sharing,
        minor,
        partners: req.ecosystem.partners.len(),
        partners_at: "ecosystem.partners",
    })
}

/// The vendor's id must be non-empty and differ from every partner's.
pub(crate) fn check_vendor_id(partners: &[&str], id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(DealteamError::invalid("vendor.id", "the vendor's id must be non-empty"));
    }
    if partners.contains(&id) {
        return Err(DealteamError::new(
            ErrorCode::DuplicateId,
            "vendor.id",
            format!("a partner already has the id `{id}`; give the vendor another `id`"),
        ));
    }
    Ok(())
}

/// The side number of `id` (for `focus` and `with`).
fn side_of(sides: &Sides, field: &str, id: &str) -> Result<u32> {
    sides
        .ids
        .iter()
        .position(|&x| x == id)
        .map(|i| i as u32)
        .ok_or_else(|| {
            DealteamError::new(
                ErrorCode::UnknownPartner,
                field,
                format!("no partner (or vendor) has the id `{id}`"),
            )
        })
}

/// The path of row `k` of side `s`.
fn row_path(sides: &Sides, s: usize, k: usize) -> String {
    if s < sides.partners {
        format!("{}[{s}].accounts[{k}]", sides.partners_at)
    } else {
        format!("vendor.accounts[{k}]")
    }
}

/// What to compute besides the sides: the options of the request.
pub(crate) struct Options<'r> {
    pub focus: Option<&'r str>,
    pub with: Option<&'r str>,
    pub min_shared: Option<usize>,
    pub limit: Option<usize>,
    pub summary: bool,
}

/// Compute the account map.
pub fn account_map(req: &AccountMapRequest) -> Result<AccountMapResponse> {
    let sharing = req.sharing.unwrap_or_default();
    let sides = sides(req, sharing)?;
    map(&sides, &req.options(), req.ecosystem.currency())
}

/// The side numbers of `focus` and `with`, checked.
fn focus(sides: &Sides, o: &Options) -> Result<Option<(u32, Option<u32>)>> {
    match (o.focus, o.with) {
        (None, Some(_)) => Err(DealteamError::invalid(
            "with",
            "`with` needs `focus`: the partner to map it against",
        )),
        (Some(f), with) => {
            let f = side_of(sides, "focus", f)?;
            let w = with.map(|w| side_of(sides, "with", w)).transpose()?;
            if w == Some(f) {
                return Err(DealteamError::invalid(
                    "with",
                    "`with` must name another partner than `focus`",
                ));
            }
            Ok(Some((f, w)))
        }
        (None, None) => Ok(None),
    }
}

/// The account map of checked sides, whichever form the request came in.
pub(crate) fn map(sides: &Sides, o: &Options, currency: Currency) -> Result<AccountMapResponse> {
    let sharing = sides.sharing;
    if o.min_shared == Some(0) {
        return Err(DealteamError::invalid("minShared", "minShared must be at least 1"));
    }
    let focus = focus(sides, o)?;
    let mut skipped = Vec::new();
    let keys = Keys::read(
        &sides.accounts,
        |s, k| row_path(sides, s, k),
        sharing >= Sharing::Overlaps,
        &mut skipped,
    );
    let mut order: Vec<u32> = (0..sides.ids.len() as u32).collect();
    crate::sort::sort_by_key(&mut order, |&i| sides.ids.get(i as usize).copied());
    let mut rank = vec![0u32; order.len()];
    for (r, &i) in order.iter().enumerate() {
        if let Some(x) = rank.get_mut(i as usize) {
            *x = r as u32;
        }
    }
    let found = find(&keys, &rank, focus, true)?;
    let min = o.min_shared.unwrap_or(1);
    let totals = kept_totals(sides, &keys);
    // the response's order (shared count descending, then the ids: ranks compare as the ids
    // do; no two groups tie) is set before any pair is written out, so `limit` writes only
    // the pairs it keeps
    let side_rank = |s: u32| rank.get(s as usize).copied().unwrap_or(u32::MAX);
    let groups: Vec<&[Match]> = found
        .matches
        .chunk_by(|x, y| (x.a, x.b) == (y.a, y.b))
        .filter(|g| g.len() >= min)
        .collect();
    let summary = o.summary.then(|| summarise(sides, &groups)).transpose()?;
    // each group's place as one number, (shared count descending, rank of a, rank of b,
    // group), sorted as plain `u128`s: the module's one sort of them (a sort by a key
    // closure would be an instance of its own, 4 KB of wasm)
    let mut places: Vec<u128> = (groups.iter().enumerate())
        .map(|(i, g)| {
            let (a, b) = g.first().map_or((0, 0), |m| (m.a, m.b));
            let fewer = u32::MAX.saturating_sub(u32::try_from(g.len()).unwrap_or(u32::MAX));
            u128::from(fewer) << 96 | u128::from(side_rank(a)) << 64 | u128::from(side_rank(b)) << 32 | i as u128
        })
        .collect();
    // only the kept places are sorted (a few hundred of half a million pairs, often)
    let keep = o.limit.unwrap_or(usize::MAX);
    if keep < places.len() {
        places.select_nth_unstable(keep);
        places.truncate(keep);
    }
    places.sort_unstable();
    let mut pairs: Vec<AccountPair> = Vec::with_capacity(places.len());
    for place in places {
        let group = groups.get(place as u32 as usize).copied().unwrap_or_default();
        if let Some(m) = group.first() {
            pairs.push(pair(sides, &keys, &totals, (m.a, m.b), group)?);
        }
    }
    if let Some((f, Some(w))) = focus {
        if pairs.is_empty() && o.limit != Some(0) {
            pairs.push(pair(sides, &keys, &totals, (f, w), &[])?);
        }
    }
    let near_misses = if sharing >= Sharing::Overlaps {
        near_misses(sides, &keys, &found.misses)
    } else {
        Vec::new()
    };
    Ok(AccountMapResponse {
        sharing,
        currency,
        populations: sides.pops.listed(),
        pairs,
        near_misses,
        near_miss_count: found.miss_count,
        skipped,
        summary,
    })
}

/// The listed near misses in words.
fn near_misses(sides: &Sides, keys: &Keys, misses: &[super::matrix::Miss]) -> Vec<NearMiss> {
    let side = |s: u32, rec: u32| {
        let a = sides.account(s, rec);
        let domain = a
            .and_then(|a| a.domain)
            .and_then(|d| super::domain_key(d).ok())
            .unwrap_or_default();
        NearMissSide {
            partner: sides.ids.get(s as usize).copied().unwrap_or_default().to_string(),
            account: a.map(|a| a.id.to_string()).unwrap_or_default(),
            domain,
        }
    };
    let mut out: Vec<NearMiss> = misses
        .iter()
        .map(|&(sa, ra, sb, rb, name)| NearMiss {
            name: keys.names.get(name).unwrap_or_default().to_string(),
            a: side(sa, ra),
            b: side(sb, rb),
        })
        .collect();
    crate::sort::sort_by(&mut out, |x, y| {
        (&x.name, &x.a.partner, &x.b.partner, &x.a.account).cmp(&(&y.name, &y.a.partner, &y.b.partner, &y.a.account))
    });
    out
}

/// `accountMap` (SPEC §14, §10).
pub struct AccountMapCommand;
impl Command for AccountMapCommand {
    const NAME: &'static str = "accountMap";
    type Request = AccountMapRequest;
    type Response = AccountMapResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        account_map(&req)
    }
}
