//! Lifecycle actions on a registry (SPEC §14): approve, reject, win, lose, withdraw, and
//! expire — one registration, or every one due as of a date. The registry is state passed
//! in and returned; an action that is not allowed is an error and changes nothing.

use super::dates::Stamp;
use super::status::{Action, ActionKind, Status, Transition, EXPIRED_ACCEPTANCE, PROTECTION_ENDED, REJECT_REASONS};
use super::types::Registration;
use super::window::Window;
use crate::error::{DealteamError, Result};

/// `registry` after `action`, and the ids whose status changed. `windows` are the
/// registry's registrations read under the program, in the same order.
pub(super) fn apply(
    action: &Action,
    registry: &[Registration],
    windows: &[Window],
) -> Result<(Vec<Registration>, Vec<String>)> {
    let at = Stamp::parse(&action.at, "action.at")?;
    let mut out = registry.to_vec();
    let mut changed = Vec::new();
    if action.kind == ActionKind::Expire && action.id.is_none() {
        let day = at.day();
        for (reg, w) in out.iter_mut().zip(windows) {
            if !w.status().is_open() {
                continue;
            }
            let reason = if day > w.until {
                PROTECTION_ENDED
            } else if w.status() == Status::Submitted && w.accept_until.is_some_and(|a| day > a) {
                EXPIRED_ACCEPTANCE
            } else {
                continue;
            };
            move_to(reg, Status::Expired, at, Some(reason), "action.at")?;
            changed.push(reg.id.clone());
        }
        return Ok((out, changed));
    }
    let Some(id) = &action.id else {
        return Err(DealteamError::new(
            crate::error::ErrorCode::MissingField,
            "action.id",
            "say which registration the action is for",
        ));
    };
    let Some(reg) = out.iter_mut().find(|r| &r.id == id) else {
        return Err(DealteamError::invalid(
            "action.id",
            format!("there is no registration `{id}` in the registry"),
        ));
    };
    let reason = match (action.kind, &action.reason) {
        (ActionKind::Reject, None) => {
            return Err(DealteamError::new(
                crate::error::ErrorCode::MissingField,
                "action.reason",
                format!("a rejection needs a reason: one of {}", REJECT_REASONS.join(", ")),
            ))
        }
        (ActionKind::Reject, Some(r)) if !REJECT_REASONS.contains(&r.as_str()) => {
            return Err(DealteamError::invalid(
                "action.reason",
                format!(
                    "`{r}` is not a rejection reason; use one of {}",
                    REJECT_REASONS.join(", ")
                ),
            ))
        }
        (_, r) => r.as_deref(),
    };
    move_to(reg, action.kind.target(), at, reason, "action.at")?;
    changed.push(id.clone());
    Ok((out, changed))
}

/// Move `reg` to `to` at `at`, if the lifecycle allows it and `at` is not before its
/// last change.
pub(super) fn move_to(reg: &mut Registration, to: Status, at: Stamp, reason: Option<&str>, path: &str) -> Result<()> {
    let from = reg.status.unwrap_or(Status::Approved);
    if !from.may_become(to) {
        return Err(DealteamError::invalid(
            "action.kind",
            format!(
                "registration `{}` is {}; a {} registration cannot become {}",
                reg.id,
                from.as_str(),
                from.as_str(),
                to.as_str()
            ),
        ));
    }
    if let Some(last) = reg.history.last() {
        if Stamp::parse(&last.at, path)? > at {
            return Err(DealteamError::invalid(
                path,
                format!(
                    "`{}` changed last at {}; date this change at or after that",
                    reg.id, last.at
                ),
            ));
        }
    }
    reg.status = Some(to);
    reg.history.push(Transition {
        status: to,
        at: at.to_string(),
        reason: reason.map(str::to_string),
    });
    Ok(())
}
