//! Rounding to 12 significant digits (SPEC §0) as `format!("{x:.11e}")` then `parse`
//! would give — decimal digits correctly rounded from the exact binary value, ties to
//! even, then the nearest f64 — without formatting: every response number goes through
//! it (100,000 rank rows are 100,000 fits), and the text round trip dominated them.
//!
//! For 10⁻¹⁰ ≤ |x| < 10²² the 12 digits are found in integers: `x = m·2^q` exactly, so
//! `N = x·10^s` (with 10¹¹ ≤ N < 10¹²) is a quotient of integers below 2¹²⁷, rounded by
//! its remainder. `N·10^−s` is then one correctly rounded f64 operation, because `N`
//! (below 2⁴⁰) and `10^|s|` (|s| ≤ 22) are exact doubles. Other magnitudes take the
//! formatting path. Most numbers never need the `u128` quotient: `x·10^s` rounded once in
//! f64 already gives `N` when it is not within 2⁻¹² of a half-integer ([`nearly`]).

/// `x` rounded to 12 significant digits; non-finite values pass through unchanged.
pub fn round12(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return if x == 0.0 { 0.0 } else { x };
    }
    let a = x.abs();
    let r = digits(a).unwrap_or_else(|| formatted(a));
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// 10⁰ … 10²², each exact as an f64.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];
const LOW: u128 = 100_000_000_000;
const HIGH: u128 = 1_000_000_000_000;

/// The integer path for a positive `a`; `None` outside its range.
fn digits(a: f64) -> Option<f64> {
    if !(1e-10..1e22).contains(&a) {
        return None;
    }
    let bits = a.to_bits();
    // a ≥ 10⁻¹⁰ is a normal number: 11 exponent bits below 2047, an implicit leading 1
    let exp = i32::try_from(bits >> 52).ok()?;
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let q = exp.checked_sub(1075)?;
    // decimal exponent of a, from the binary one: right or one too small
    let mut e10 = (f64::from(exp.checked_sub(1023)?) * std::f64::consts::LOG10_2).floor() as i32;
    for _ in 0..3 {
        let s = 11i32.checked_sub(e10)?;
        if let Some(r) = nearly(a, s) {
            return Some(r);
        }
        let (t, up) = scaled(m, q, s)?;
        if t >= HIGH {
            e10 = e10.checked_add(1)?;
        } else if t < LOW {
            e10 = e10.checked_sub(1)?;
        } else {
            let n = t.checked_add(u128::from(up))? as f64;
            let p = *POW10.get(usize::try_from(s.unsigned_abs()).ok()?)?;
            return Some(if s >= 0 { n / p } else { n * p });
        }
    }
    None
}

/// The same digits in f64 when they are certain: `t = a·10^s` rounded once is within
/// 2⁻¹⁴ of the exact value while `t < 2⁴⁰` (half an ulp), so when `t` is more than 2⁻¹² from
/// a half-integer, the exact value rounds to the integer `t` rounds to. Near a tie, or
/// outside 10¹¹ ≤ N < 10¹², `None`: the integer path decides. (Half-integers lie on `t`'s
/// grid there, so even a `t` just off one would be safe; the margin is kept for clarity.)
/// Most numbers end here, without the `u128` products and quotients (software routines in
/// wasm).
fn nearly(a: f64, s: i32) -> Option<f64> {
    let p = *POW10.get(usize::try_from(s.unsigned_abs()).ok()?)?;
    let t = if s >= 0 { a * p } else { a / p };
    let floor = t.floor();
    // exact: t and its floor are below 2⁴⁰ where it matters, so the difference is t's low bits
    let frac = t - floor;
    if (frac - 0.5).abs() <= 1.0 / 4096.0 {
        return None;
    }
    let n = if frac > 0.5 { floor + 1.0 } else { floor };
    if !(1e11..1e12).contains(&n) {
        return None;
    }
    Some(if s >= 0 { n / p } else { n * p })
}

/// `⌊m·2^q·10^s⌋` and whether it rounds up (remainder above half, or exactly half with
/// an odd quotient); `None` when a value would not fit 128 bits.
fn scaled(m: u64, q: i32, s: i32) -> Option<(u128, bool)> {
    let p = 10u128.checked_pow(s.unsigned_abs())?;
    let m = u128::from(m);
    let (num, den) = match (s >= 0, q >= 0) {
        // q ≥ 0 means a ≥ 2⁵², s ≥ 0 means a < 10¹²: never both
        (true, true) => return None,
        (true, false) => (m.checked_mul(p)?, 1u128.checked_shl(q.unsigned_abs())?),
        (false, true) => (m.checked_mul(1u128.checked_shl(q.unsigned_abs())?)?, p),
        (false, false) => (m, p.checked_mul(1u128.checked_shl(q.unsigned_abs())?)?),
    };
    let t = num.checked_div(den)?;
    let r = num.checked_rem(den)?;
    // 2r against den, without overflow: r < den < 2¹²⁷ here, so 2r fits
    let twice = r.checked_mul(2)?;
    Some((t, twice > den || (twice == den && t % 2 == 1)))
}

/// The formatting path: `{:.11e}` on the stack (at most 19 bytes), then parsed.
fn formatted(a: f64) -> f64 {
    let mut text = StackText::default();
    match std::fmt::Write::write_fmt(&mut text, format_args!("{a:.11e}")) {
        Ok(()) => text.as_str().parse().unwrap_or(a),
        Err(_) => a,
    }
}

/// A short text written in place; writing past its 32 bytes fails.
#[derive(Default)]
struct StackText {
    bytes: [u8; 32],
    len: usize,
}

impl StackText {
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// What round12 was: the 12 digits as text, parsed back.
    fn by_text(x: f64) -> f64 {
        format!("{x:.11e}").parse().unwrap_or(x)
    }

    /// Whether the f64 path gives `a`'s digits at the scale of its decimal exponent + `d`.
    fn f64_path(a: f64, d: i32) -> bool {
        let e10 = a.log10().floor() as i32 + d;
        nearly(a, 11 - e10).is_some()
    }

    #[test]
    fn gives_the_bits_of_formatting_and_parsing() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
        let mut xs = vec![
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            0.5,
            1.0 / 3.0,
            2.0 / 3.0,
            1e-10,
            1e22,
            9.999_999_999_995e21,
            999_999_999_999.5,
            0.999_999_999_999_5,
        ];
        // exact ties at the 13th digit: 13-digit integers and quarters ending in 5
        for k in 0..2_000u64 {
            let t = 100_000_000_000u64 + k * 7_919_191;
            xs.push((t * 10 + 5) as f64);
            xs.push((t * 10 + 5) as f64 / 4.0);
            xs.push(((t / 10) * 10 + 5) as f64 / 100.0 * 25.0);
        }
        xs.extend((0..200_000).map(|_| f64::from_bits(rng.random::<u64>() >> 1)));
        xs.extend((0..200_000).map(|_| rng.random::<f64>()));
        xs.extend((0..100_000).map(|_| rng.random::<f64>() * 10f64.powi(rng.random_range(-12..24))));
        xs.extend((0..100_000).map(|_| f64::from(rng.random_range(-1_000_000i32..1_000_000)) / 1000.0));
        let (mut fast, mut exact) = (0, 0);
        for x in xs.into_iter().filter(|x| x.is_finite()) {
            for x in [x, -x] {
                assert_eq!(round12(x).to_bits(), by_text(x).to_bits(), "{x:e}");
            }
            let integer = digits(x.abs()).is_some();
            fast += usize::from(integer);
            exact += usize::from(integer && !(-1..=1).any(|d| f64_path(x.abs(), d)));
        }
        // the integer paths are the ones checked, not the fallback; the f64 one for most
        assert!(fast > 400_000, "{fast}");
        assert!(exact > 3_000, "the u128 path decided {exact} times");
    }
}
