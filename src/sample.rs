//! A realistic synthetic `{ecosystem, profiles, deal}` generator for the page, tests and benchmarks.
