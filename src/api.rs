//! The public operations of SPEC §10 — one table, three doors. [`for_each_command!`](crate::for_each_command)
//! lists every command once; from that table come [`run_json`] (the Rust API and the
//! CLI's dispatch), [`COMMANDS`] (the CLI's usage and its unknown-command error), the
//! wasm free functions (`src/wasm/commands.rs`) and the TypeScript request/response
//! aliases (`examples/ts_types.rs`). `tests/command_table.rs` checks what cannot be
//! generated: the planner's worker and the README's lists.
//!
//! The top layer: it imports every feature module, and none imports it (the trait they
//! implement is the leaf [`crate::command`]; docs/ARCHITECTURE.md).

pub use crate::command::{run_text, Command};

use crate::clock::Ctx;
use crate::error::{DealteamError, ErrorCode, Result};

/// Calls `$callback! { rows }` with the table of every command of SPEC §10, in the order
/// of the SPEC. One row per command:
///
/// ```text
/// #[doc = " doc of the wasm function (its JSDoc in the .d.ts)"]
/// CommandType => rust_fn as jsName, json|text "TS parameter type" -> "TS return type";
/// ```
///
/// (`#[doc = "…"]`, not `///`: a `///` passed through `macro_rules!` becomes a raw string,
/// which wasm-bindgen copies into the JSDoc with its `r"` prefix.)
///
/// `json` commands return their response as an object to JS (`columns`: also, and a JS
/// object's accounts texts cross as they are); `text` ones (`agreement`)
/// return [`Command::render`]'s text. The TS names are `{Name}Request` / `{Name}Response`
/// with `Name` the capitalised [`Command::NAME`] (checked by a test in this module).
#[macro_export]
macro_rules! for_each_command {
    ($callback:ident) => {
        $callback! {
            #[doc = " `rank` (SPEC §2, §10): score and order an ecosystem's partners against a profile."]
            $crate::rank::RankCommand => rank as rank, json "RankRequest | string" -> "RankResponse";
            #[doc = " `teams` (SPEC §3, §10): the top-k deal teams."]
            $crate::teams::TeamsCommand => teams as teams, json "TeamsRequest | string" -> "TeamsResponse";
            #[doc = " `split` (SPEC §5, §10): divide an amount among partners."]
            $crate::splits::SplitCommand => split as split, json "SplitRequest | string" -> "SplitResponse";
            #[doc = " `attribute` (SPEC §5, §10): multi-touch attribution over customer journeys."]
            $crate::attribution::AttributeCommand => attribute as attribute,
                json "AttributeRequest | string" -> "AttributeResponse";
            #[doc = " `simulate` (SPEC §6, §10): Monte Carlo simulation of a joint plan, in one call."]
            $crate::plan::SimulateCommand => simulate as simulate,
                json "SimulateRequest | string" -> "SimulateResponse";
            #[doc = " `validate` (SPEC §7, §10): check a plan against the agreement checklist."]
            $crate::plan::ValidateCommand => validate_plan as validatePlan,
                json "ValidateRequest | string" -> "ValidateResponse";
            #[doc = " `agreement` (SPEC §7, §10): the plan as a Markdown agreement."]
            $crate::plan::AgreementCommand => draft_agreement as draftAgreement,
                text "AgreementRequest | string" -> "string";
            #[doc = " `verify` (SPEC §15): does a signed copy of the agreement match the plan?"]
            $crate::plan::VerifyCommand => verify_agreement as verifyAgreement,
                json "VerifyRequest | string" -> "VerifyResponse";
            #[doc = " `audit` (SPEC §7, §10): compare a plan with monthly actuals."]
            $crate::plan::AuditCommand => audit_plan as auditPlan, json "AuditRequest | string" -> "AuditResponse";
            #[doc = " `register` (SPEC §8, §10): accept or refuse a deal registration."]
            $crate::registry::RegisterCommand => register_deal as registerDeal,
                json "RegisterRequest | string" -> "RegisterResponse";
            #[doc = " `overlap` (SPEC §8, §10): shared accounts per pair of partners."]
            $crate::registry::OverlapCommand => overlap as overlap,
                json "OverlapRequest | string" -> "OverlapResponse";
            #[doc = " `accountMap` (SPEC §14, §10): the account overlap matrix per pair of partners, by population."]
            $crate::accounts::AccountMapCommand => account_map as mapAccounts,
                json "AccountMapRequest | string" -> "AccountMapResponse";
            #[doc = " `accountMapColumns` (SPEC §14, §10): `mapAccounts` with each side's accounts as tab-separated columns."]
            $crate::accounts::AccountMapColumnsCommand => account_map_columns as mapAccountColumns,
                columns "AccountMapColumnsRequest | string" -> "AccountMapColumnsResponse";
            #[doc = " `insights` (SPEC §9, §10): partner-influenced revenue and the ecosystem multiplier."]
            $crate::insights::InsightsCommand => insights as insights,
                json "InsightsRequest | string" -> "InsightsResponse";
            #[doc = " `train` (SPEC §9, §10): the win model with its out-of-time validation."]
            $crate::insights::TrainCommand => train as train, json "TrainRequest | string" -> "TrainResponse";
            #[doc = " `predict` (SPEC §9, §10): win probabilities of proposed teams, explained."]
            $crate::insights::PredictCommand => predict as predict,
                json "PredictRequest | string" -> "PredictResponse";
            #[doc = " `calibrate` (SPEC §2, §9, §10): does a profile's fit predict wins in a deal history?"]
            $crate::insights::CalibrateCommand => calibrate as calibrate,
                json "CalibrateRequest | string" -> "CalibrateResponse";
            #[doc = " `psiStart` (SPEC §14): open a private match — blind your accounts (step 1)."]
            $crate::psi::PsiStartCommand => psi_start as psiStart,
                json "PsiStartRequest | string" -> "PsiStartResponse";
            #[doc = " `psiReply` (SPEC §14): answer a private match (step 2)."]
            $crate::psi::PsiReplyCommand => psi_reply as psiReply,
                json "PsiReplyRequest | string" -> "PsiReplyResponse";
            #[doc = " `psiFinish` (SPEC §14): finish a private match with your state and the other side's message."]
            $crate::psi::PsiFinishCommand => psi_finish as psiFinish,
                json "PsiFinishRequest | string" -> "PsiFinishResponse";
            #[doc = " `psiBlind` (SPEC §14): one slice of a private-match step's blinding, for several threads."]
            $crate::psi::PsiBlindCommand => psi_blind as psiBlind,
                json "PsiBlindRequest | string" -> "PsiBlindResponse";
            #[doc = " `psiAssemble` (SPEC §14): a private-match step put together from `psiBlind` slices."]
            $crate::psi::PsiAssembleCommand => psi_assemble as psiAssemble,
                json "PsiAssembleRequest | string" -> "PsiAssembleResponse";
        }
    };
}

/// One row of the command table as data, for the checks of what is not generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    /// The type implementing [`Command`], as written in the table.
    pub rust: &'static str,
    /// The CLI and [`run_json`] name ([`Command::NAME`]).
    pub name: &'static str,
    /// The npm package's function (`validatePlan`).
    pub js: &'static str,
    /// `json` (the response object), `text` (the rendering, e.g. Markdown) or `columns` (the
    /// response object; a JS object's accounts texts cross as they are, src/wasm/columns.rs).
    pub kind: &'static str,
    /// The TypeScript type of the function's parameter.
    pub ts_request: &'static str,
    /// The TypeScript type the function returns.
    pub ts_response: &'static str,
}

macro_rules! native_table {
    ($( $(#[doc = $doc:tt])* $ty:path => $fun:ident as $js:ident, $kind:ident $req:tt -> $resp:tt; )*) => {
        /// The commands the CLI knows, in the order of SPEC §10.
        pub const COMMANDS: &[&str] = &[$(<$ty as Command>::NAME),*];

        /// The command table as data, in the order of SPEC §10.
        pub const TABLE: &[CommandInfo] = &[$(CommandInfo {
            rust: stringify!($ty),
            name: <$ty as Command>::NAME,
            js: stringify!($js),
            kind: stringify!($kind),
            ts_request: $req,
            ts_response: $resp,
        }),*];

        /// Run the command `name` on JSON text; `None` when there is no such command.
        fn dispatch(name: &str, input: &str, pretty: bool, ctx: &Ctx) -> Option<Result<String>> {
            $(if name == <$ty as Command>::NAME {
                return Some(run_text::<$ty>(input, pretty, ctx));
            })*
            None
        }
    };
}
for_each_command!(native_table);

/// Run the command `name` on JSON text (the CLI's entry point).
pub fn run_json(name: &str, input: &str, pretty: bool, ctx: &Ctx) -> Result<String> {
    dispatch(name, input, pretty, ctx).unwrap_or_else(|| {
        Err(DealteamError::new(
            ErrorCode::UnknownCommand,
            "",
            format!("unknown command `{name}`; commands: {}", COMMANDS.join(", ")),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capitalised(name: &str) -> String {
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn typescript_names_follow_the_command_names() {
        for row in TABLE {
            let stem = capitalised(row.name);
            assert_eq!(row.ts_request, format!("{stem}Request | string"), "{row:?}");
            let response = if row.kind == "text" {
                "string".to_string()
            } else {
                format!("{stem}Response")
            };
            assert_eq!(row.ts_response, response, "{row:?}");
            assert!(matches!(row.kind, "json" | "text" | "columns"), "{row:?}");
        }
    }

    #[test]
    fn names_are_unique_and_each_dispatches() {
        for (i, row) in TABLE.iter().enumerate() {
            assert!(
                TABLE[..i].iter().all(|r| r.name != row.name && r.js != row.js),
                "{row:?} twice"
            );
            // `{}` is not a valid request of any command, so each answers with its own
            // validation error, never `unknown_command`
            let e = run_json(row.name, "{}", false, &Ctx::frozen()).unwrap_err();
            assert_ne!(e.code, ErrorCode::UnknownCommand, "{}", row.name);
        }
        assert_eq!(COMMANDS, TABLE.iter().map(|r| r.name).collect::<Vec<_>>());
        let e = run_json("rnak", "{}", false, &Ctx::frozen()).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownCommand);
        assert!(e.message.ends_with(&COMMANDS.join(", ")), "{}", e.message);
    }
}
