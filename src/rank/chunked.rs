//! Ecosystem JSON from a stream of bytes, a partner at a time: each top-level value, and
//! each partner and relationship, is found in a window over the stream and read from it as
//! text, by the same visitors as the whole text ([`super::ingest`]).
//!
//! serde_json reads a stream (`from_reader`) a byte at a time and copies every string
//! before checking it; from text it reads in place. On 100,000 partners in wasm the stream
//! took 2.5 times as long as the same text (docs/PERFORMANCE.md, "Stop 36").
//!
//! Only the ecosystem's outer object is scanned here: where each value ends (strings,
//! escapes, nesting). Anything unexpected — a key spelled with an escape, a key twice, a
//! partner that is not an object, an error of any kind, too many bytes or partners — gives
//! `None`, and the caller reads the stream again the usual way, which gives the same
//! result or the error with its code and path. So this reader never decides an error; it
//! only reads faster what the usual reader accepts.

use super::ingest::{Ingested, PartnerSeed, Scratch};
use crate::json::strict::Strict;
use crate::json::MAX_REQUEST_BYTES;
use crate::model::{Relationship, MAX_PARTNERS, MAX_RELATIONSHIPS};
use crate::money::Currency;
use serde::de::DeserializeSeed;
use std::io::Read;
use std::marker::PhantomData;

/// Bytes asked of the stream at a time.
const BLOCK: usize = 1 << 16;

/// The stream's bytes from `at` on, as far as read.
struct Window<R> {
    r: R,
    buf: Vec<u8>,
    at: usize,
    read: usize,
    /// A read failed (the usual reader then reports it).
    failed: bool,
}

impl<R: Read> Window<R> {
    /// Read another block after the bytes held (those before `at` dropped first); false at
    /// the end of the stream, on a read error, or past the request-bytes limit.
    fn more(&mut self) -> bool {
        if self.at > 0 {
            self.buf.drain(..self.at);
            self.at = 0;
        }
        let held = self.buf.len();
        self.buf.resize(held.saturating_add(BLOCK), 0);
        let n = loop {
            match self.r.read(self.buf.get_mut(held..).unwrap_or_default()) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => {
                    self.failed = true;
                    break 0;
                }
            }
        };
        self.buf.truncate(held.saturating_add(n));
        self.read = self.read.saturating_add(n);
        n > 0 && self.read <= MAX_REQUEST_BYTES
    }

    /// The byte `i` places after `at`, reading on as needed.
    fn byte(&mut self, i: usize) -> Option<u8> {
        loop {
            if let Some(&b) = self.buf.get(self.at.saturating_add(i)) {
                return Some(b);
            }
            if !self.more() {
                return None;
            }
        }
    }

    /// The next byte that is not JSON whitespace, `at` moved to it.
    fn token(&mut self) -> Option<u8> {
        loop {
            match self.byte(0)? {
                b' ' | b'\n' | b'\t' | b'\r' => self.at = self.at.saturating_add(1),
                b => return Some(b),
            }
        }
    }

    /// Take the byte at `at` when it is `b`.
    fn eat(&mut self, b: u8) -> Option<()> {
        (self.token()? == b).then(|| self.at = self.at.saturating_add(1))
    }

    /// The length of the string that starts at `at + from` (its opening quote), both
    /// quotes included.
    fn string(&mut self, from: usize) -> Option<usize> {
        let mut i = from.saturating_add(1);
        loop {
            let rest = self.buf.get(self.at.saturating_add(i)..).unwrap_or_default();
            match memchr::memchr2(b'"', b'\\', rest) {
                Some(k) if rest.get(k) == Some(&b'"') => {
                    return Some(i.saturating_add(k).saturating_add(1).saturating_sub(from))
                }
                // an escape: its next byte is part of it, whatever it is
                Some(k) => i = i.saturating_add(k).saturating_add(2),
                None => {
                    i = i.saturating_add(rest.len());
                    if !self.more() {
                        return None;
                    }
                }
            }
        }
    }

    /// The length of the JSON value that starts at `at`. Only where it ends is found; what
    /// is inside is for the parser to check.
    fn value(&mut self) -> Option<usize> {
        match self.token()? {
            b'"' => self.string(0),
            b'{' | b'[' => {
                let (mut depth, mut i) = (0usize, 0usize);
                loop {
                    match self.byte(i)? {
                        b'"' => i = i.saturating_add(self.string(i)?),
                        b'{' | b'[' => {
                            depth = depth.saturating_add(1);
                            i = i.saturating_add(1);
                        }
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            i = i.saturating_add(1);
                            if depth == 0 {
                                return Some(i);
                            }
                        }
                        _ => i = i.saturating_add(1),
                    }
                }
            }
            _ => {
                // a number, `true`, `false` or `null`: up to the next delimiter
                let mut i = 0usize;
                while !matches!(
                    self.byte(i),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r')
                ) {
                    i = i.saturating_add(1);
                }
                Some(i)
            }
        }
    }

    /// Read the value that starts at `at` with `read`, over it alone, and move past it.
    fn read<T>(&mut self, read: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
        let n = self.value()?;
        let end = self.at.saturating_add(n);
        let out = read(self.buf.get(self.at..end)?)?;
        self.at = end;
        Some(out)
    }
}

/// Read `bytes` (one whole JSON value) with `seed` through the strict deserializer, as the
/// whole text's reader would. As text (its UTF-8 checked first), not as bytes: the visitors
/// are then the text reader's own instances, not a third copy in the wasm module (8.7 KB
/// of gzip).
fn strictly<'de, S: DeserializeSeed<'de>>(bytes: &'de [u8], seed: S) -> Option<S::Value> {
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    let mut de = serde_json::Deserializer::from_str(text);
    let out = seed.deserialize(Strict(&mut de)).ok()?;
    de.end().ok()?;
    Some(out)
}

/// The top-level keys, quoted as the text has them (one spelled with an escape is not
/// recognised: the usual reader then reads it).
const KEYS: [&[u8]; 4] = [b"\"currency\"", b"\"tiers\"", b"\"partners\"", b"\"relationships\""];

/// The ecosystem of the stream `r`, or `None` when it should be read the usual way
/// (module docs).
pub(crate) fn ingest<R: Read>(r: R) -> Option<Ingested> {
    let mut w = Window {
        r,
        buf: Vec::new(),
        at: 0,
        read: 0,
        failed: false,
    };
    let mut out = Ingested::default();
    let mut seen = [false; 4];
    w.eat(b'{')?;
    loop {
        if w.token()? != b'"' {
            return None;
        }
        let key = w.read(|k| KEYS.iter().position(|&x| x == k))?;
        if std::mem::replace(seen.get_mut(key)?, true) {
            return None;
        }
        w.eat(b':')?;
        match key {
            0 => out.currency = w.read(|v| strictly(v, PhantomData::<Option<Currency>>))?,
            1 => out.tiers = w.read(|v| strictly(v, PhantomData::<Vec<String>>))?,
            2 => partners(&mut w, &mut out)?,
            _ => relationships(&mut w, &mut out)?,
        }
        match w.token()? {
            b',' => w.at = w.at.saturating_add(1),
            b'}' => break,
            _ => return None,
        }
    }
    w.at = w.at.saturating_add(1);
    // nothing but whitespace after the object, and `partners` given
    (w.token().is_none() && !w.failed && w.read <= MAX_REQUEST_BYTES && seen[2]).then_some(out)
}

/// A list of at most `max` objects, each read on its own by `item` (a window as large as
/// one item, not the list: 150,000 relationships are 12 MB of text).
fn list<R: Read>(w: &mut Window<R>, max: usize, mut item: impl FnMut(&[u8]) -> Option<()>) -> Option<()> {
    w.eat(b'[')?;
    if w.token()? == b']' {
        w.at = w.at.saturating_add(1);
        return Some(());
    }
    let mut n = 0usize;
    loop {
        if w.token()? != b'{' || n >= max {
            return None;
        }
        w.read(&mut item)?;
        n = n.saturating_add(1);
        match w.token()? {
            b',' => w.at = w.at.saturating_add(1),
            b']' => {
                w.at = w.at.saturating_add(1);
                return Some(());
            }
            _ => return None,
        }
    }
}

/// The partners, each read into the columns.
fn partners<R: Read>(w: &mut Window<R>, out: &mut Ingested) -> Option<()> {
    let mut scratch = Scratch::default();
    list(w, MAX_PARTNERS, |v| {
        let seed = PartnerSeed {
            at: &mut out.partners,
            scratch: &mut scratch,
        };
        strictly(v, seed)
    })
}

/// The relationships, as `model::capped::relationships` reads them.
fn relationships<R: Read>(w: &mut Window<R>, out: &mut Ingested) -> Option<()> {
    list(w, MAX_RELATIONSHIPS, |v| {
        out.relationships.push(strictly(v, PhantomData::<Relationship>)?);
        Some(())
    })
}

#[cfg(test)]
mod tests {
    use super::ingest;
    use crate::rank::EcosystemIndex;

    /// The ecosystem the window reader reads, as the whole text's reader has it.
    fn windowed(text: &str) -> Option<crate::model::Ecosystem> {
        let ix = EcosystemIndex::from_ingested(ingest(text.as_bytes())?).ok()?;
        let whole = EcosystemIndex::from_json(text).unwrap();
        assert_eq!(ix.ecosystem(), whole.ecosystem(), "{text}");
        Some(ix.ecosystem())
    }

    #[test]
    fn reads_what_the_text_reader_reads_without_it() {
        for text in [
            r#"{"partners": []}"#,
            " \n{ \"partners\" :[ ] }\r\n\t",
            r#"{"relationships": [], "tiers": ["silver", "gold"], "currency": "USD",
              "partners": [{"id": "a{", "name": "A \"the\" }best]\\", "kind": "si", "tier": "gold",
                "capabilities": {"cloud": 0.5, "ai": 1e-1}, "accounts": ["x", {"account": "y", "status": "prospect"}],
                "costToServe": null, "industries": []},
               {"id": "b\u00e9", "name": "B\\\\", "kind": "isv", "metrics": {"winRate": 0.25}}]}"#,
            r#"{"currency": null, "partners": [{"id": "a", "name": "A", "kind": "si"},
              {"id": "b", "name": "B", "kind": "si"}], "relationships": [{"a": "a", "b": "b", "jointDeals": 2}]}"#,
        ] {
            assert!(windowed(text).is_some(), "not read by the window: {text}");
        }
        // more than one block of the stream, pretty-printed
        let partners: Vec<serde_json::Value> = (0..2000)
            .map(|i| {
                serde_json::json!({"id": format!("p{i}"), "name": format!("Partner {i} \"q\""), "kind": "si",
                    "capabilities": {"cloud": f64::from(i % 10) / 10.0}, "accounts": [format!("a{}", i % 7)]})
            })
            .collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({"partners": partners})).unwrap();
        assert!(text.len() > 2 * super::BLOCK);
        assert_eq!(windowed(&text).map(|e| e.partners.len()), Some(2000));
    }

    #[test]
    fn leaves_to_the_usual_reader_what_it_does_not_expect() {
        for text in [
            "",
            "[]",
            "{}",
            r#"{"partners": [], "partners": []}"#,
            r#"{"partn\u0065rs": []}"#,
            r#"{"partners": [["a", "A", "si"]]}"#,
            r#"{"partners": [{"id": "a", "name": "A", "kind": "si"}]} x"#,
            r#"{"partners": [{"id": "a", "name": "A", "kind": "si"}"#,
            r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "x": 1}]}"#,
            r#"{"partners": [{"id": "a", "name": "A", "kind": "si"},]}"#,
            r#"{"tiers": []}"#,
            r#"{"partners": [], "colour": 1}"#,
        ] {
            assert!(ingest(text.as_bytes()).is_none(), "{text}");
        }
    }
}
