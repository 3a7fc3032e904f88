//! Fairness report (SPEC §5).
