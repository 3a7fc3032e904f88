//! `register` (SPEC §8, §14): within its protection window, the first registration of an
//! account (and product, when both name one) owns it; a later one from another partner
//! is a conflict, reported with the owner, the rule and suggested resolutions. With
//! program rules, an action or statuses, registrations follow the §14 lifecycle.

use super::conflicts::{conflict, conflicts};
use super::dates::{Day, Stamp};
use super::lifecycle::{apply, move_to};
use super::status::{Status, Transition};
use super::types::{Conflict, RegisterRequest, RegisterResponse, Registration};
use super::window::{window, Program, Window};
use crate::clock::Ctx;
use crate::command::Command;
use crate::error::{DealteamError, ErrorCode, Problems, Result};
use rustc_hash::FxHashMap;

/// Check ids, required fields and timestamps of the registry and the new registration.
fn check(req: &RegisterRequest, p: &mut Problems) {
    crate::model::check_ids(p, "registry", req.registry.iter().map(|r| r.id.as_str()));
    for (i, r) in req.registry.iter().enumerate() {
        for (field, v) in [("partnerId", &r.partner_id), ("account", &r.account)] {
            if v.trim().is_empty() {
                p.invalid(format!("registry[{i}].{field}"), format!("{field} must be non-empty"));
            }
        }
        for (j, t) in r.history.iter().enumerate() {
            p.take(Stamp::parse(&t.at, &format!("registry[{i}].history[{j}].at")));
        }
    }
    match (&req.registration, &req.action) {
        (None, None) => p.push(
            ErrorCode::MissingField,
            "registration",
            "give a new registration, or an action on the registry",
        ),
        (Some(_), Some(_)) => p.invalid("action", "give either a new registration or an action, not both"),
        _ => {}
    }
    let Some(new) = &req.registration else { return };
    if req.registry.iter().any(|r| r.id == new.id) {
        p.push(
            ErrorCode::DuplicateId,
            "registration.id",
            format!("the registry already has a registration `{}`", new.id),
        );
    }
    for (field, v) in [
        ("partnerId", &new.partner_id),
        ("account", &new.account),
        ("id", &new.id),
    ] {
        if v.trim().is_empty() {
            p.invalid(format!("registration.{field}"), format!("{field} must be non-empty"));
        }
    }
    if new.status.is_some() || !new.history.is_empty() {
        p.invalid(
            "registration.status",
            "a new registration starts as submitted; leave its status and history out",
        );
    }
}

/// Decide a new registration, or apply a lifecycle action, against the registry.
pub fn register(req: RegisterRequest) -> Result<RegisterResponse> {
    let lifecycle = req.rules.is_some() || req.action.is_some() || req.registry.iter().any(|r| r.status.is_some());
    let mut p = Problems::new();
    let prog = Program::new(req.rules.as_ref(), req.protection_days, lifecycle, &mut p);
    check(&req, &mut p);
    let windows: Vec<Window> = req
        .registry
        .iter()
        .enumerate()
        .filter_map(|(i, r)| window(r, &format!("registry[{i}]"), &prog, &mut p))
        .collect();
    let new = req
        .registration
        .as_ref()
        .and_then(|r| window(r, "registration", &prog, &mut p));
    let now = match (&req.now, &req.action) {
        (Some(n), _) => p.take(Day::parse(n, "now")),
        (None, Some(a)) => p.take(Day::parse(&a.at, "action.at")),
        (None, None) => new.as_ref().map(|w| w.from),
    };
    p.finish()?;
    // `window` and `Day::parse` record a problem whenever they return None, so after
    // `finish` `now` is present; the error is only a guard.
    let now = now.ok_or_else(|| DealteamError::invalid("now", "the date of the decision could not be read"))?;
    let incentives = req.incentives.as_ref();
    if let Some(action) = &req.action {
        let (registry, changed) = apply(action, &req.registry, &windows)?;
        let mut p = Problems::new();
        let after: Vec<Window> = registry
            .iter()
            .filter_map(|r| window(r, "registry", &prog, &mut p))
            .collect();
        return Ok(RegisterResponse {
            accepted: true,
            conflict: None,
            conflicts: conflicts(after, now, incentives),
            reason: None,
            message: None,
            changed,
            registry,
        });
    }
    let Some(new) = new else {
        return Err(DealteamError::invalid(
            "registration",
            "the registration could not be read",
        ));
    };
    decide(&req, &prog, windows, new, now)
}

/// The earliest active registration contesting `new` and registered on or before it,
/// looked up in an index of active registrations by account key.
fn owner<'w>(index: &FxHashMap<&str, Vec<&'w Window<'w>>>, new: &Window) -> Option<&'w Window<'w>> {
    index
        .get(new.key.as_str())?
        .iter()
        .copied()
        .filter(|w| w.contests(new) && w.from <= new.from)
        .min_by(|x, y| (x.from, &x.reg.id).cmp(&(y.from, &y.reg.id)))
}

/// Why a new registration is refused: a contesting owner, or too many open ones.
fn refusal(
    prog: &Program,
    windows: &[Window],
    new: &Window,
    now: Day,
    inc: Option<&crate::plan::Incentives>,
) -> Option<(Option<Conflict>, &'static str, String)> {
    let mut index: FxHashMap<&str, Vec<&Window>> = FxHashMap::default();
    let mut open_of_partner = 0u32;
    for w in windows.iter().filter(|w| w.active(now)) {
        index.entry(w.key.as_str()).or_default().push(w);
        if w.reg.partner_id == new.reg.partner_id {
            open_of_partner = open_of_partner.saturating_add(1);
        }
    }
    if let Some(o) = owner(&index, new) {
        let c = conflict(o, new.reg, inc);
        let reason = if c.rule == "already_registered" {
            "duplicate"
        } else {
            "conflict"
        };
        let message = c.message.clone();
        return Some((Some(c), reason, message));
    }
    let max = prog.max_active.filter(|m| open_of_partner >= *m)?;
    let message = format!(
        "{} already has {open_of_partner} open registrations, the most the program allows ({max}); close or withdraw one first",
        new.reg.partner_id
    );
    Some((None, "max_active", message))
}

fn decide(
    req: &RegisterRequest,
    prog: &Program,
    windows: Vec<Window>,
    new: Window,
    now: Day,
) -> Result<RegisterResponse> {
    let inc = req.incentives.as_ref();
    let refused = refusal(prog, &windows, &new, now, inc);
    // Without the lifecycle, a refused registration is not kept and max_active never applies.
    let refused = refused.filter(|r| prog.lifecycle || r.0.is_some());
    let mut registry = req.registry.clone();
    let mut after = windows;
    let mut changed = Vec::new();
    if prog.lifecycle {
        let mut reg: Registration = new.reg.clone();
        let at = Stamp::parse(&reg.registered_at, "registration.registeredAt")?;
        reg.status = Some(Status::Submitted);
        reg.history = vec![Transition {
            status: Status::Submitted,
            at: at.to_string(),
            reason: None,
        }];
        if let Some((_, reason, _)) = &refused {
            move_to(
                &mut reg,
                Status::Rejected,
                at,
                Some(reason),
                "registration.registeredAt",
            )?;
        }
        changed.push(reg.id.clone());
        registry.push(reg);
    } else if refused.is_none() {
        registry.push(new.reg.clone());
        after.push(new);
    }
    let mut p = Problems::new();
    let reread: Vec<Window>;
    let after = if prog.lifecycle {
        reread = registry
            .iter()
            .filter_map(|r| window(r, "registry", prog, &mut p))
            .collect();
        reread
    } else {
        after
    };
    let (conflict, reason, message) = match refused {
        Some((c, r, m)) => (c, Some(r.to_string()), Some(m)),
        None => (None, None, None),
    };
    Ok(RegisterResponse {
        accepted: conflict.is_none() && reason.is_none(),
        conflict,
        conflicts: conflicts(after, now, inc),
        reason: reason.filter(|_| prog.lifecycle),
        message: message.filter(|_| prog.lifecycle),
        changed,
        registry,
    })
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
