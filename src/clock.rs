//! Time for time-limited and stepped work, injected by the caller: the core has no
//! clock of its own because `std::time::Instant` panics on wasm32-unknown-unknown.
//! The facade passes `performance.now()`; native code passes `Ctx::native()` (native targets only).

/// What an operation may ask of its environment.
pub struct Ctx<'a> {
    /// Milliseconds since an arbitrary origin, monotonic.
    pub now_ms: &'a dyn Fn() -> f64,
}

impl Ctx<'static> {
    /// A context whose clock is `std::time::Instant` (native targets only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn native() -> Ctx<'static> {
        Ctx { now_ms: &native_now_ms }
    }
    /// A context whose clock never advances: time limits never trigger. For tests
    /// that must not depend on the machine's speed.
    pub fn frozen() -> Ctx<'static> {
        Ctx { now_ms: &|| 0.0 }
    }
}

/// Milliseconds since the first call, from `std::time::Instant`.
#[cfg(not(target_arch = "wasm32"))]
pub fn native_now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}
