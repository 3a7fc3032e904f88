//! Fixed-memory summaries of many trials: exact means (integer sums of minor units)
//! and quantiles from log-scale histograms, so a million trials never sit in memory.
//!
//! Quantile accuracy: values are bucketed by the top 7 mantissa bits of their f64
//! representation (128 buckets per power of two), with zero in a bucket of its own.
//! A quantile is the nearest-rank value (the ⌈q·n⌉-th smallest), reported as the
//! midpoint of its bucket clamped to the exact minimum and maximum seen (the
//! first and last ranks are the exact minimum and maximum); the
//! relative error is at most 1/256 ≈ 0.39 % (exact for zero and for constant
//! series). Memory per series is proportional to the number of powers of two its
//! values span, not to the number of trials.
// Counts ≤ trials ≤ MAX_TRIALS (10⁷); sums of i64 units over ≤ 10⁷ trials < 2⁸⁷ fit
// i128; bucket keys are compared with lo before lo − key or key − lo, ranks with counts
// before rank − c. Hot path of the simulation.
#![allow(clippy::arithmetic_side_effects)]

/// Mantissa bits kept per bucket.
const KEEP_BITS: u32 = 7;
const SHIFT: u32 = 52 - KEEP_BITS;

/// A dense run of bucket counts starting at bucket `lo`.
#[derive(Clone, Debug, Default)]
struct Run {
    lo: u64,
    counts: Vec<u32>,
}

impl Run {
    fn add(&mut self, key: u64) {
        if self.counts.is_empty() {
            self.lo = key;
            self.counts.push(1);
            return;
        }
        if key < self.lo {
            let grow = (self.lo - key) as usize;
            let mut v = vec![0u32; grow];
            v.extend_from_slice(&self.counts);
            self.counts = v;
            self.lo = key;
        }
        let i = (key - self.lo) as usize;
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        if let Some(c) = self.counts.get_mut(i) {
            *c = c.saturating_add(1);
        }
    }
    /// The bucket holding the `rank`-th value (0-based) in ascending key order, or the
    /// remaining rank when the run has fewer values.
    fn find(&self, mut rank: u64, ascending: bool) -> Result<u64, u64> {
        let n = self.counts.len();
        for j in 0..n {
            let i = if ascending { j } else { n - 1 - j };
            let c = u64::from(self.counts.get(i).copied().unwrap_or(0));
            if rank < c {
                return Ok(self.lo + i as u64);
            }
            rank -= c;
        }
        Err(rank)
    }
}

/// Streaming quantiles of f64 values with bounded relative error.
#[derive(Clone, Debug)]
pub struct Quantiles {
    neg: Run,
    zeros: u64,
    pos: Run,
    n: u64,
    min: f64,
    max: f64,
}

impl Default for Quantiles {
    fn default() -> Self {
        Quantiles {
            neg: Run::default(),
            zeros: 0,
            pos: Run::default(),
            n: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }
}

fn bucket_mid(key: u64) -> f64 {
    let lo = f64::from_bits(key << SHIFT);
    let hi = f64::from_bits((key + 1) << SHIFT);
    if hi.is_finite() {
        lo + (hi - lo) / 2.0
    } else {
        lo
    }
}

impl Quantiles {
    /// Record a value (non-finite values are ignored).
    pub fn add(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        self.n += 1;
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        if x == 0.0 {
            self.zeros += 1;
        } else if x > 0.0 {
            self.pos.add(x.to_bits() >> SHIFT);
        } else {
            self.neg.add((-x).to_bits() >> SHIFT);
        }
    }
    /// Buckets held (the memory this summary uses, in counters).
    pub fn buckets(&self) -> usize {
        self.neg.counts.len() + self.pos.counts.len()
    }
    /// Values recorded.
    pub fn count(&self) -> u64 {
        self.n
    }
    /// The nearest-rank q-quantile (q in 0..=1), or 0 with no values.
    pub fn quantile(&self, q: f64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let rank = ((q * self.n as f64).ceil() as u64).clamp(1, self.n) - 1;
        if rank == 0 {
            return self.min;
        }
        if rank == self.n - 1 {
            return self.max;
        }
        let v = match self.neg.find(rank, false) {
            Ok(key) => -bucket_mid(key),
            Err(r) if r < self.zeros => 0.0,
            Err(r) => match self.pos.find(r - self.zeros, true) {
                Ok(key) => bucket_mid(key),
                Err(_) => self.max,
            },
        };
        v.clamp(self.min, self.max)
    }
}

/// An amount series: exact sum of minor units and quantiles.
#[derive(Clone, Debug, Default)]
pub struct MoneyAcc {
    /// Sum of every trial's value.
    pub sum: i128,
    /// Quantiles.
    pub q: Quantiles,
}

impl MoneyAcc {
    /// Record one trial's value.
    pub fn add(&mut self, units: i64) {
        self.sum += i128::from(units);
        self.q.add(units as f64);
    }
}

/// A ratio series: sum (in trial order) and quantiles.
#[derive(Clone, Debug, Default)]
pub struct RatioAcc {
    /// Sum of every trial's value.
    pub sum: f64,
    /// Quantiles.
    pub q: Quantiles,
}

impl RatioAcc {
    /// Record one trial's value.
    pub fn add(&mut self, x: f64) {
        self.sum += x;
        self.q.add(x);
    }
}

/// Counts of a small integer per trial, 1..=max, plus "never" (exact quantiles).
#[derive(Clone, Debug)]
pub struct MonthCounts {
    /// counts[m-1] = trials with value m.
    pub counts: Vec<u64>,
    /// Trials with no value.
    pub never: u64,
}

impl MonthCounts {
    /// For months 1..=max.
    pub fn new(max: usize) -> Self {
        MonthCounts {
            counts: vec![0; max],
            never: 0,
        }
    }
    /// Record a month (1-based) or `None`.
    pub fn add(&mut self, m: Option<usize>) {
        match m.and_then(|m| self.counts.get_mut(m.wrapping_sub(1))) {
            Some(c) => *c += 1,
            None => self.never += 1,
        }
    }
    /// Trials recorded.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum::<u64>() + self.never
    }
    /// The nearest-rank q-quantile; `None` when it falls on "never".
    pub fn quantile(&self, q: f64) -> Option<u32> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let rank = ((q * n as f64).ceil() as u64).clamp(1, n);
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return u32::try_from(i + 1).ok();
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_within_the_documented_error() {
        let mut q = Quantiles::default();
        for i in 1..=10_000 {
            q.add(i as f64 * 7.0);
        }
        for (p, exact) in [(0.05, 500.0 * 7.0), (0.5, 5000.0 * 7.0), (0.95, 9500.0 * 7.0)] {
            let got = q.quantile(p);
            assert!((got - exact).abs() <= exact / 256.0 + 7.0, "{p}: {got} vs {exact}");
        }
        assert_eq!(q.quantile(0.0), 7.0);
        assert_eq!(q.quantile(1.0), 70_000.0);
    }

    #[test]
    fn zeros_negatives_and_constants_are_exact() {
        let mut q = Quantiles::default();
        for x in [-5.0, -5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 3.0] {
            q.add(x);
        }
        assert_eq!(q.quantile(0.05), -5.0);
        assert_eq!(q.quantile(0.5), 0.0);
        assert_eq!(q.quantile(0.95), 3.0);
        let mut c = Quantiles::default();
        (0..100).for_each(|_| c.add(123_456.0));
        assert_eq!(c.quantile(0.5), 123_456.0);
    }

    #[test]
    fn month_counts() {
        let mut m = MonthCounts::new(5);
        for x in [Some(2), Some(2), Some(3), None] {
            m.add(x);
        }
        assert_eq!(m.quantile(0.05), Some(2));
        assert_eq!(m.quantile(0.5), Some(2));
        assert_eq!(m.quantile(0.95), None);
    }
}
