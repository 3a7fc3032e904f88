//! Revenue splits and fairness (SPEC §4, §5): fixed and tiered shares, marginal
//! contribution, Shapley and Banzhaf values of coalition games, and a fairness report
//! (efficiency, symmetry, dummy, core, ecosystem multiplier) for every split.
//!
//! [`SplitRule`] is the reusable part (plans divide every trial's revenue with it);
//! [`SplitCommand`] is the `split` operation of SPEC §10.

mod command;
mod dense;
mod enumerate;
mod excess_lp;
pub mod fairness;
mod fixed;
pub mod fractions;
pub mod game;
pub mod myerson;
pub mod nucleolus;
#[cfg(test)]
mod nucleolus_oracle;
pub mod owen;
pub mod rule;
pub mod sampling;
pub mod signed;
pub mod tiered;
pub mod types;
pub mod values;

pub use command::{split, SplitCommand};
pub use game::{win_probability, Game};
pub use rule::{PreparedSplit, SplitRule};
pub use types::*;
