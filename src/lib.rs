//! # dealteam
//!
//! A partner-matching and planning engine for partner-to-partner collaboration:
//! score partners against Ideal Partner Profiles, find the best deal teams, divide
//! joint revenue fairly and simulate joint plans — in pure Rust, compiled natively
//! and to WebAssembly. The contract is SPEC.md; each formula lives in one function
//! whose doc comment cites its section.
//!
//! ```
//! use dealteam::api::run_json;
//! use dealteam::clock::Ctx;
//! let request = r#"{
//!   "ecosystem": {"partners": [
//!     {"id": "a", "name": "Acme", "kind": "si", "capabilities": {"cloud": 0.9}},
//!     {"id": "b", "name": "Beta", "kind": "isv", "capabilities": {"cloud": 0.4}}]},
//!   "profile": {"id": "cloud-si", "name": "Cloud SI",
//!     "criteria": [{"kind": "capability", "key": "cloud", "weight": 1}]}
//! }"#;
//! let out = run_json("rank", request, false, &Ctx::frozen()).unwrap();
//! assert!(out.starts_with(r#"{"results":[{"partnerId":"a""#));
//! ```
//!
//! ## Where each SPEC formula lives
//!
//! One function per formula; its doc comment cites the section.
//!
//! | SPEC | formula | function |
//! |---|---|---|
//! | §0 | ratios and scores rounded to 12 significant digits | [`num::round12`] |
//! | §0 | near-ties when ordering scores | [`num::TIE_EPS`] |
//! | §0 | money as a decimal string | [`money::Money::parse`] |
//! | §0 | minor units of a currency | [`money::Currency::minor_units`] |
//! | §0 | an error's path inside a nested request | [`DealteamError::under`] |
//! | §2 | criterion score (capability, listed, tier, metric, reach) | [`fit::criterion_score`], [`fit::capability_score`], [`fit::listed_score`], [`fit::Tiers::score`], [`fit::metric_score`], [`fit::reach_score`] |
//! | §2 | fit `Σ wᵢ·sᵢ / Σ wᵢ` | [`fit::fit_batch`] (one partner: [`fit::fit`]; every partner: [`rank::EcosystemIndex::scores`]) |
//! | §2 | eligibility, failed clauses | [`fit::failed_clauses`], [`fit::eligible`] |
//! | §3 | level of a requirement `min(1, cap / target)` | [`coverage::level`] |
//! | §3 | coverage `Σ w_r · best_r / Σ w_r` | [`coverage::weighted_coverage`] (teams: [`coverage::coverage_of_levels`]; games: [`splits::game::LevelGame::coverage`]) |
//! | §3 | pair score; Laplace joint win rate `(w+1)/(d+2)` | [`model::Relationship::pair_score`], [`model::joint_win_rate`] |
//! | §3 | team fit, synergy, score with conflict penalty | [`teams::team_fit`], [`teams::synergy`], [`teams::team_score`] |
//! | §3 | order of teams | [`teams::order`] |
//! | §4 | allocation: floors, leftover units by largest remainder | [`money::allocate`], [`money::allocate_decimal`], [`money::equal_part`] |
//! | §5 | logistic function σ | [`num::logistic`] |
//! | §5 | win probability `P(c)` | [`splits::game::WinCurve::p`], [`splits::win_probability`] |
//! | §5 | Shapley / Banzhaf of `coverage` in closed form | [`splits::values::shapley_coverage`], [`splits::values::banzhaf_coverage`] |
//! | §5 | `additiveSynergy` in closed form | [`splits::values::synergy_closed_form`] |
//! | §5 | enumeration of 2ⁿ coalitions; Shapley and Banzhaf from it | [`splits::Game::table`], [`splits::values::shapley_from_table`], [`splits::values::banzhaf_from_table`] |
//! | §5 | permutation sampling with antithetic pairs | [`splits::values::shapley_sampled`] |
//! | §5 | marginal contribution `v(N) − v(N∖{i})` | [`splits::values::contribution`] |
//! | §5 | core check, most blocking coalition | [`splits::fairness::max_excess`], [`splits::fairness::report`] |
//! | §5 | attribution touch weights (heuristics) | [`attribution::heuristics::touch_weights`] |
//! | §5 | first-order Markov removal effects | [`attribution::markov::markov`] |
//! | §6 | joint plan simulation (month, deal size, revenue, shares) | [`plan::simulate()`], [`plan::Simulation`] |
//! | §7 | agreement checklist, draft, audit | [`plan::validate::validate_plan`], [`plan::agreement::draft_agreement`], [`plan::audit::audit_plan`] |
//! | §8 | registration and protection window; account overlap | [`registry::register`], [`registry::overlap`], [`registry::hash_account`] |
//! | §9 | insights; win model (logistic regression) | [`insights::insights`], [`insights::train`], [`insights::predict`] |
//! | §2, §9 | IPP calibration: does fit predict wins? | [`insights::calibrate()`] |
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// No panic reachable from input (SPEC §0; in wasm a panic kills the module): outside
// tests the core never unwraps, expects, panics or marks code unreachable — errors are
// `DealteamError` values — and no `+ - * / %` may overflow, divide by zero or (in
// release, where integer overflow wraps) silently give a wrong number:
// `arithmetic_side_effects` is denied crate-wide. `Decimal`'s operators panic on
// overflow, so money sums, products and quotients that input can push past 2⁹⁶ use
// `checked_*` and return `invalid_money`/`too_large` at the field. The exceptions are
// `#[allow(clippy::arithmetic_side_effects)]` on the smallest item (function, or the
// module for the hot loops of the team search, coalition enumeration, simulation and
// attribution), each with a comment naming its bound — a limit of src/model/limits.rs
// (docs/limits.md), an amount bound checked on input, or a size the code allocated
// itself. f64 arithmetic is not flagged (it cannot panic). `indexing_slicing` is denied the
// same way: elsewhere `get`/iterators, and the numeric modules (LP, coalition tables, Markov
// chains, radix sort, ChaCha, team search) allow it at the top with the bound that keeps
// each index inside the arrays they allocate.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing
    )
)]

pub mod accounts;
pub mod api;
pub mod attribution;
pub mod clock;
pub mod command;
pub mod coverage;
pub mod error;
pub mod fit;
pub mod insights;
pub mod json;
mod json_locate;
mod json_paths;
pub mod linalg;
pub mod model;
pub mod money;
pub mod num;
pub mod plan;
pub mod psi;
pub mod rank;
pub mod registry;
pub mod rng;
pub mod sample;
pub mod sort;
pub mod splits;
pub mod teams;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{DealteamError, ErrorCode, Result};
