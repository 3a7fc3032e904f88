//! The JSON types of joint plans (SPEC §6, §7) and of the `simulate`, `validate`,
//! `agreement` and `audit` commands (SPEC §10): the plan itself, then one file per
//! command with its request and response. Everything is re-exported here, so
//! `plan::types::Plan` and `plan::Plan` name the same type.
//!
//! With the `ts` feature every type derives `ts_rs::TS` for the npm package's
//! TypeScript declarations (the split rule is typed there by the splits module).

pub mod agreement;
pub mod audit;
pub mod framework;
pub mod incentives;
pub mod plan;
pub mod reforecast;
pub mod simulate;
pub mod validate;

pub use agreement::*;
pub use audit::*;
pub use framework::*;
pub use incentives::*;
pub use plan::*;
pub use reforecast::*;
pub use simulate::*;
pub use validate::*;
