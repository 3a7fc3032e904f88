//! JS strings into wasm memory as UTF-8. wasm-bindgen's `as_string` copies an ASCII string
//! in a JS loop, one character at a time: for the 70 MB of a 100,000-partner ecosystem that
//! loop cost more than the parse (docs/PERFORMANCE.md, issue 10). `TextEncoder.encodeInto`
//! is native code and writes the bytes straight into a view of wasm memory (no JS array, no
//! second copy); the text is the same (UTF-8, a lone surrogate as U+FFFD, as `as_string`
//! writes it).

use std::ops::Range;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (Node ≥ 11 and every browser; the bindings use it too).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Writes `text` as UTF-8 into `dest` (a view of wasm memory): no array of its own.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, dest: &mut [u8]) -> EncodedInto;

    /// `encodeInto`'s answer: UTF-16 units read, bytes written.
    type EncodedInto;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodedInto) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodedInto) -> u32;
}

/// Texts written one after another into one buffer.
///
/// The buffer is made zeroed at once (`vec![0; n]`, dlmalloc's `calloc`), which leaves wasm
/// memory just grown as it is, and clears reused memory with one `memory.fill`; a buffer
/// grown by `Vec::resize` was zeroed byte by byte before `encodeInto` wrote it again (0.1 s
/// of a 10,000-partner account map's 128 MB, cold; 43 ms warm: docs/PERFORMANCE.md, "Stop
/// 33").
///
/// It is allocated while a block of `room` bytes is reserved (and then freed), so that what
/// a request allocates next fits into wasm memory already grown: dlmalloc grows it 64 KiB
/// at a time as allocations need, and V8 charges each growth and collects as it grows. An
/// ASCII text's parse grew the memory step by step without it: the account map of an ASCII
/// request 2.0–2.6 s, then 1.4–1.5 s, and `rank`'s first call on 100,000 partners 1.4–1.9
/// s, then 1.2 s, the peak the same (docs/PERFORMANCE.md, "Stop 31"). If `room` cannot be
/// had, the buffer comes without it.
pub(crate) struct Utf8Buffer {
    bytes: Vec<u8>,
    used: usize,
    encoder: TextEncoder,
}

impl Utf8Buffer {
    /// A buffer of `len` bytes with `room` behind it (see the type's docs).
    pub fn new(len: usize, room: usize) -> Utf8Buffer {
        let mut spare: Vec<u8> = Vec::new();
        let _ = spare.try_reserve_exact(room);
        let bytes = vec![0u8; len];
        drop(spare);
        Utf8Buffer {
            bytes,
            used: 0,
            encoder: TextEncoder::new(),
        }
    }

    /// Appends the UTF-8 of `value`, a JS string (`None`, nothing written, for any other
    /// value); where it lies. One byte per UTF-16 unit is tried first, exact for ASCII; a
    /// text with longer characters is finished in a second call with room for three bytes
    /// per unit left (no unit needs more). The buffer grows by at least `more` bytes when it
    /// needs to.
    pub fn push(&mut self, value: &JsValue, more: usize) -> Option<Range<usize>> {
        let text = value.dyn_ref::<js_sys::JsString>()?;
        let units = text.length();
        let start = self.used;
        self.room_for(units as usize, more);
        let encoder = &self.encoder;
        let first = self.bytes.get_mut(start..).map(|dest| encoder.encode_into(value, dest));
        let (read, written) = first.map_or((units, 0), |f| (f.read(), f.written() as usize));
        self.used = start.saturating_add(written);
        if read < units {
            let left = units.saturating_sub(read) as usize;
            self.room_for(left.saturating_mul(3), more);
            let rest = text.slice(read, units);
            let encoder = &self.encoder;
            let written =
                (self.bytes.get_mut(self.used..)).map_or(0, |dest| encoder.encode_into(&rest, dest).written());
            self.used = self.used.saturating_add(written as usize);
        }
        Some(start..self.used)
    }

    /// At least `n` bytes free after the used ones, growing by at least `more`.
    fn room_for(&mut self, n: usize, more: usize) {
        let free = self.bytes.len().saturating_sub(self.used);
        if free < n {
            let grow = n.saturating_sub(free).max(more);
            self.bytes.resize(self.bytes.len().saturating_add(grow), 0);
        }
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.used
    }

    /// The bytes written.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.bytes.truncate(self.used);
        self.bytes
    }
}

/// The UTF-8 bytes of a JS string (`None` for any other value), in a buffer with as much
/// room behind it for what the parse allocates next (a string per field).
pub(crate) fn utf8_of(value: &JsValue) -> Option<Vec<u8>> {
    let units = value.dyn_ref::<js_sys::JsString>()?.length() as usize;
    let mut buffer = Utf8Buffer::new(units, units);
    buffer.push(value, 0)?;
    Some(buffer.into_bytes())
}

/// The text of a JS string (`None` for any other value), through [`utf8_of`].
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    String::from_utf8(utf8_of(value)?).ok().or_else(|| value.as_string())
}
