//! `register` (SPEC §8): within its protection window, the first registration of an
//! account (and product, when both name one) owns it; a later one from another partner
//! is a conflict, reported with the owner, the rule and suggested resolutions.

use super::dates::Day;
use super::types::{Conflict, RegisterRequest, RegisterResponse, Registration};
use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{ErrorCode, Problems, Result};
use std::collections::HashMap;

/// Default protection window in days.
pub const DEFAULT_PROTECTION_DAYS: u32 = 90;

/// A registration with its window parsed: protected from `from` to `until` inclusive.
struct Window<'a> {
    reg: &'a Registration,
    from: Day,
    until: Day,
}

fn window<'a>(reg: &'a Registration, at: &str, days: u32, p: &mut Problems) -> Option<Window<'a>> {
    let from = p.take(Day::parse(&reg.registered_at, &format!("{at}.registeredAt")))?;
    let until = match &reg.expires_at {
        Some(e) => p.take(Day::parse(e, &format!("{at}.expiresAt")))?,
        None => from.plus(i64::from(days.max(1)) - 1),
    };
    if until < from {
        p.invalid(format!("{at}.expiresAt"), "expiresAt is before registeredAt");
        return None;
    }
    Some(Window { reg, from, until })
}

/// Two registrations contest the same thing: same account, and the same product or
/// at least one without a product (which covers all products).
fn contests(a: &Registration, b: &Registration) -> bool {
    a.account == b.account
        && match (&a.product, &b.product) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

fn conflict(owner: &Window, challenger: &Registration) -> Conflict {
    let o = owner.reg;
    let same = o.partner_id == challenger.partner_id;
    let product = o.product.clone().or_else(|| challenger.product.clone());
    let what = match &product {
        Some(p) => format!("account `{}` (product `{p}`)", o.account),
        None => format!("account `{}`", o.account),
    };
    let (rule, message, resolutions) = if same {
        (
            "already_registered",
            format!(
                "{} already registered {what} as `{}`, protected until {}",
                o.partner_id, o.id, owner.until
            ),
            vec![format!("extend registration `{}` instead of registering again", o.id)],
        )
    } else {
        (
            "first_registration_owns",
            format!(
                "{} registered {what} first (`{}`, {}), protected until {}; {} cannot register it now",
                o.partner_id, o.id, o.registered_at, owner.until, challenger.partner_id
            ),
            vec![
                format!(
                    "co-sell: {} joins {}'s deal team for this account",
                    challenger.partner_id, o.partner_id
                ),
                format!(
                    "referral: {} refers its contact to {} for a referral fee",
                    challenger.partner_id, o.partner_id
                ),
                format!("wait until {} expires after {}", o.id, owner.until),
            ],
        )
    };
    Conflict {
        rule: rule.to_string(),
        owner: o.partner_id.clone(),
        registration_id: o.id.clone(),
        challenger_registration_id: challenger.id.clone(),
        challenger: challenger.partner_id.clone(),
        account: o.account.clone(),
        product,
        protected_until: owner.until.to_string(),
        message,
        resolutions,
    }
}

/// Decide a new registration against the registry (SPEC §8).
pub fn register(req: RegisterRequest) -> Result<RegisterResponse> {
    let days = req.protection_days.unwrap_or(DEFAULT_PROTECTION_DAYS);
    let mut p = Problems::new();
    if days == 0 {
        p.invalid("protectionDays", "the protection window must be at least 1 day");
    }
    crate::model::check_ids(&mut p, "registry", req.registry.iter().map(|r| r.id.as_str()));
    for (i, r) in req.registry.iter().enumerate() {
        for (field, v) in [("partnerId", &r.partner_id), ("account", &r.account)] {
            if v.trim().is_empty() {
                p.invalid(format!("registry[{i}].{field}"), format!("{field} must be non-empty"));
            }
        }
    }
    if req.registry.iter().any(|r| r.id == req.registration.id) {
        p.push(
            ErrorCode::DuplicateId,
            "registration.id",
            format!("the registry already has a registration `{}`", req.registration.id),
        );
    }
    for (field, v) in [
        ("partnerId", &req.registration.partner_id),
        ("account", &req.registration.account),
        ("id", &req.registration.id),
    ] {
        if v.trim().is_empty() {
            p.invalid(format!("registration.{field}"), format!("{field} must be non-empty"));
        }
    }
    let windows: Vec<Window> = req
        .registry
        .iter()
        .enumerate()
        .filter_map(|(i, r)| window(r, &format!("registry[{i}]"), days, &mut p))
        .collect();
    let new = window(&req.registration, "registration", days, &mut p);
    let now = match &req.now {
        Some(n) => p.take(Day::parse(n, "now")),
        None => new.as_ref().map(|w| w.from),
    };
    p.finish()?;
    // `window` and `Day::parse` record a problem whenever they return None, so after
    // `finish` both are present; the error is only a guard.
    let (Some(new), Some(now)) = (new, now) else {
        return Err(crate::DealteamError::invalid(
            "registration",
            "the registration could not be read",
        ));
    };

    // The owner is the earliest active registration contesting the new one.
    let active = |w: &&Window| w.from <= now && now <= w.until;
    let owner = windows
        .iter()
        .filter(active)
        .filter(|w| contests(w.reg, new.reg) && w.from <= new.from)
        .min_by(|x, y| (x.from, &x.reg.id).cmp(&(y.from, &y.reg.id)));
    let refused = owner.map(|o| conflict(o, new.reg));
    let mut registry = req.registry.clone();
    let mut after = windows;
    if refused.is_none() {
        registry.push(req.registration.clone());
        after.push(new);
    }
    Ok(RegisterResponse {
        accepted: refused.is_none(),
        conflict: refused,
        conflicts: conflicts(after, now),
        registry,
    })
}

/// Every pair of registrations active on `now`, of different partners, contesting the
/// same account, the earlier one owning it (ties by id).
///
/// Per account, in (day, id) order, each later registration's owner is the earliest
/// earlier one that contests it and belongs to another partner. [`Earliest`] keeps,
/// per group of candidates, the first registration and the first of another partner
/// than that one — enough to answer "the earliest not of partner X" — so the pass is
/// O(n log n) however many registrations share one account.
fn conflicts(windows: Vec<Window>, now: Day) -> Vec<Conflict> {
    let mut ws: Vec<Window> = windows
        .into_iter()
        .filter(|w| w.from <= now && now <= w.until)
        .collect();
    ws.sort_by(|x, y| (&x.reg.account, x.from, &x.reg.id).cmp(&(&y.reg.account, y.from, &y.reg.id)));
    let mut out = Vec::new();
    for group in ws.chunk_by(|x, y| x.reg.account == y.reg.account) {
        // candidates: all earlier ones, those without a product, those per product
        let (mut all, mut no_product) = (Earliest::default(), Earliest::default());
        let mut by_product: HashMap<&str, Earliest> = HashMap::new();
        for (i, later) in group.iter().enumerate() {
            let partner = later.reg.partner_id.as_str();
            let owner = match &later.reg.product {
                // without a product it contests every earlier registration of the account
                None => all.not_of(group, partner),
                // with one, those without a product and those of the same product
                Some(prod) => {
                    let same = by_product.get(prod.as_str()).and_then(|e| e.not_of(group, partner));
                    [no_product.not_of(group, partner), same].into_iter().flatten().min()
                }
            };
            if let Some(o) = owner {
                out.push(conflict(&group[o], later.reg));
            }
            all.add(group, i);
            match &later.reg.product {
                None => no_product.add(group, i),
                Some(prod) => by_product.entry(prod.as_str()).or_default().add(group, i),
            }
        }
    }
    out
}

/// The first registration of a group, and the first of a partner other than its own
/// (positions in the account's (day, id) order).
#[derive(Default)]
struct Earliest {
    first: Option<usize>,
    other: Option<usize>,
}

impl Earliest {
    fn add(&mut self, ws: &[Window], i: usize) {
        match self.first {
            None => self.first = Some(i),
            Some(f) if self.other.is_none() && ws[f].reg.partner_id != ws[i].reg.partner_id => self.other = Some(i),
            Some(_) => {}
        }
    }
    /// The earliest of the group whose partner is not `partner`.
    fn not_of(&self, ws: &[Window], partner: &str) -> Option<usize> {
        let f = self.first?;
        if ws[f].reg.partner_id != partner {
            Some(f)
        } else {
            self.other
        }
    }
}

/// `register` (SPEC §10).
pub struct RegisterCommand;
impl Command for RegisterCommand {
    const NAME: &'static str = "register";
    type Request = RegisterRequest;
    type Response = RegisterResponse;
    fn run(req: Self::Request, _ctx: &Ctx) -> Result<Self::Response> {
        register(req)
    }
}
