//! A registration read for deciding (SPEC §8, §14): its protection window, its match key
//! under the program's `matchBy`, and whether it protects its account on a given day.

use super::dates::Day;
use super::status::{MatchBy, Rules, Status};
use super::types::Registration;
use crate::accounts::normalise::{domain_key, name_key, MatchedBy};
use crate::error::Problems;

/// Default protection window in days.
pub const DEFAULT_PROTECTION_DAYS: u32 = 90;

/// The program in force for one request: the rules with their defaults.
pub(super) struct Program {
    pub days: u32,
    pub max_active: Option<u32>,
    pub accept_by: Option<u32>,
    pub match_by: MatchBy,
    /// Whether statuses are kept (rules, an action or a status were given).
    pub lifecycle: bool,
}

impl Program {
    pub fn new(rules: Option<&Rules>, protection_days: Option<u32>, lifecycle: bool, p: &mut Problems) -> Program {
        let r = rules.cloned().unwrap_or_default();
        let days = r.protection_days.or(protection_days).unwrap_or(DEFAULT_PROTECTION_DAYS);
        let path = if r.protection_days.is_some() {
            "rules.protectionDays"
        } else {
            "protectionDays"
        };
        if days == 0 {
            p.invalid(path, "the protection window must be at least 1 day");
        }
        for (field, v) in [
            ("maxActivePerPartner", r.max_active_per_partner),
            ("acceptByDays", r.accept_by_days),
        ] {
            if v == Some(0) {
                p.invalid(
                    format!("rules.{field}"),
                    format!("{field} must be at least 1, or left out"),
                );
            }
        }
        Program {
            days,
            max_active: r.max_active_per_partner,
            accept_by: r.accept_by_days,
            match_by: r.match_by,
            lifecycle,
        }
    }
}

/// A registration with its window parsed: protected from `from` to `until` inclusive.
pub(super) struct Window<'a> {
    pub reg: &'a Registration,
    /// What it is matched on (`d:` domain, `n:` name, or the account id).
    pub key: String,
    pub from: Day,
    pub until: Day,
    /// Last day a submitted registration may be approved, under `acceptByDays`.
    pub accept_until: Option<Day>,
}

impl Window<'_> {
    /// Its status; a registration without one is treated as approved (SPEC §8).
    pub fn status(&self) -> Status {
        self.reg.status.unwrap_or(Status::Approved)
    }
    /// Whether it protects its account on `now`.
    pub fn active(&self, now: Day) -> bool {
        self.status().is_open()
            && self.from <= now
            && now <= self.until
            && !(self.status() == Status::Submitted && self.accept_until.is_some_and(|a| now > a))
    }
    /// How two registrations with equal keys matched.
    pub fn matched_by(&self) -> Option<MatchedBy> {
        if self.key.starts_with("d:") {
            Some(MatchedBy::Domain)
        } else if self.key.starts_with("n:") {
            Some(MatchedBy::Name)
        } else {
            None
        }
    }
    /// Two registrations contest the same thing: same key, and the same product or at
    /// least one without a product (which covers all products).
    pub fn contests(&self, other: &Window) -> bool {
        self.key == other.key
            && match (&self.reg.product, &other.reg.product) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
    }
}

/// Read `reg` (at path `at`) under the program; problems are recorded in `p`.
// prog.days and acceptBy are u32: from (a 4-digit year's day) + u32::MAX fits in i64
#[allow(clippy::arithmetic_side_effects)]
pub(super) fn window<'a>(reg: &'a Registration, at: &str, prog: &Program, p: &mut Problems) -> Option<Window<'a>> {
    let from = p.take(Day::parse(&reg.registered_at, &format!("{at}.registeredAt")))?;
    let until = match &reg.expires_at {
        Some(e) => p.take(Day::parse(e, &format!("{at}.expiresAt")))?,
        None => from.plus(i64::from(prog.days.max(1)) - 1),
    };
    if until < from {
        p.invalid(format!("{at}.expiresAt"), "expiresAt is before registeredAt");
        return None;
    }
    let key = match_key(reg, at, prog.match_by, p)?;
    let accept_until = prog.accept_by.map(|a| from.plus(i64::from(a.max(1)) - 1));
    Some(Window {
        reg,
        key,
        from,
        until,
        accept_until,
    })
}

/// The key `reg` is matched on (SPEC §14, via the accounts' normalisation): by domain,
/// a registration without a domain that its account is not one either falls back to
/// its name.
fn match_key(reg: &Registration, at: &str, by: MatchBy, p: &mut Problems) -> Option<String> {
    let name_of = |p: &mut Problems| {
        let raw = reg.name.as_deref().unwrap_or(&reg.account);
        let field = if reg.name.is_some() { "name" } else { "account" };
        match name_key(raw) {
            Some(n) => Some(format!("n:{n}")),
            None => {
                p.invalid(
                    format!("{at}.{field}"),
                    "the company name is empty once punctuation is removed; give its name",
                );
                None
            }
        }
    };
    match by {
        MatchBy::Id => Some(reg.account.clone()),
        MatchBy::Name => name_of(p),
        MatchBy::Domain => match &reg.domain {
            Some(d) => match domain_key(d) {
                Ok(k) => Some(format!("d:{k}")),
                Err(e) => {
                    p.invalid(format!("{at}.domain"), e);
                    None
                }
            },
            None => match domain_key(&reg.account) {
                Ok(k) => Some(format!("d:{k}")),
                Err(_) => name_of(p),
            },
        },
    }
}
