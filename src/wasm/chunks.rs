//! Bytes arriving from JS in pieces (`Uint8Array`s), read as one stream: the JSON text of
//! a large ecosystem never exists whole, neither as a JS string (V8 refuses strings over
//! ~512 MiB) nor in wasm memory — only one chunk at a time is copied in.

use js_sys::{Array, Uint8Array};
use std::io::{self, Read};
use wasm_bindgen::{JsCast, JsValue};

/// A reader over a JS array of `Uint8Array` chunks (or one `Uint8Array`).
pub(crate) struct JsChunks {
    chunks: Array,
    next: u32,
    buf: Vec<u8>,
    at: usize,
}

impl JsChunks {
    /// `value`: a `Uint8Array` or an array of them. `Err(None)` for anything else,
    /// `Err(Some(i))` when element `i` of the array is not a `Uint8Array`.
    pub(crate) fn new(value: &JsValue) -> Result<JsChunks, Option<u32>> {
        let chunks = if value.is_instance_of::<Uint8Array>() {
            Array::of1(value)
        } else if Array::is_array(value) {
            value.clone().unchecked_into::<Array>()
        } else {
            return Err(None);
        };
        if let Some(i) = (0..chunks.length()).find(|&i| !chunks.get(i).is_instance_of::<Uint8Array>()) {
            return Err(Some(i));
        }
        Ok(JsChunks {
            chunks,
            next: 0,
            buf: Vec::new(),
            at: 0,
        })
    }

    /// Copy the next non-empty chunk into `buf`; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        while self.next < self.chunks.length() {
            let chunk = self.chunks.get(self.next);
            // next < chunks.length(), a u32
            self.next = self.next.saturating_add(1);
            // checked in `new`; a chunk replaced since then ends the stream
            let Some(bytes) = chunk.dyn_ref::<Uint8Array>() else {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "a chunk is not a Uint8Array",
                ));
            };
            self.buf.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut self.buf);
            self.at = 0;
            if !self.buf.is_empty() {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl Read for JsChunks {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.at >= self.buf.len() && !self.refill()? {
            return Ok(0);
        }
        let rest = self.buf.get(self.at..).unwrap_or(&[]);
        let n = rest.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        // n ≤ the rest of buf
        self.at = self.at.saturating_add(n);

        Ok(n)
    }
}
