//! Where in a request serde stopped, as a path (`plan.partners[1].investments.mdf`).
//!
//! `crate::json` reads requests with plain serde_json — one copy of every `Deserialize`
//! impl in the module, no per-value bookkeeping — and only when reading fails does it
//! read the text once more, here, up to the line and column serde_json's error names.
//! The path is the chain of object keys and list indexes whose values were open there.
//!
//! serde_json places an error just after the last byte it looked at (the closing quote of
//! a string it refused, the `}` of an object that lacks a field, the byte after a number);
//! reading up to one byte before that keeps the failing value open, so a refused value is
//! named by its own key or index, and a struct missing a field by the struct's path.

use std::io::Read;

/// One open container: an object (the key read last; whether its value has started and
/// whether it is still open) or a list (the index of the current element; the same two).
enum Frame {
    Object {
        key: String,
        reading_key: bool,
        started: bool,
        open: bool,
    },
    List {
        index: usize,
        next: bool,
        started: bool,
        open: bool,
    },
}

/// What the byte just read belongs to, below the containers.
#[derive(Clone, Copy, PartialEq)]
enum Token {
    /// between tokens
    Gap,
    /// inside a string; `key`: the string is an object's key
    Str { key: bool, escaped: Escape },
    /// inside a number or `true`/`false`/`null`
    Scalar,
}

/// Where a string is in an escape sequence (`\n`, `\u00e9`): keys are named decoded, as
/// the request's own keys are.
#[derive(Clone, Copy, PartialEq)]
enum Escape {
    /// not in one
    No,
    /// just after the backslash
    Started,
    /// in `\uXXXX`: the hex digits still to read and the value so far
    Hex { left: u8, value: u32 },
}

struct Locator {
    frames: Vec<Frame>,
    token: Token,
    /// the first half of a surrogate pair (`\ud83d` of `\ud83d\ude00`), until the second
    high_surrogate: Option<u32>,
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
}

/// The path of the value at serde_json's `line` (1-based) and `column` (bytes since the
/// start of the line) in the JSON read from `input`; empty at the top level or when the
/// position is unknown (line 0).
///
/// What serde's error blames, which decides how its position is read.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Blame {
    /// The innermost object or list itself (a missing field, a list of the wrong length):
    /// a member whose value is complete is not named.
    Container,
    /// A value of the wrong type, refused when serde peeked at its first byte: the
    /// position may be just before that value.
    Type,
    /// A value: the member read last is named even when its value is complete, since
    /// serde_json places an error raised after a value was read (a currency code checked
    /// once the string is in hand) where it next looked, at the `,` or `}` that follows.
    Value,
}

impl Blame {
    /// The blame for serde's `message`.
    pub(crate) fn of(message: &str, container_prefixes: &[&str]) -> Blame {
        if container_prefixes.iter().any(|p| message.starts_with(p)) {
            Blame::Container
        } else if message.starts_with("invalid type") {
            Blame::Type
        } else {
            Blame::Value
        }
    }
}

pub(crate) fn path_at<R: Read>(input: R, line: usize, column: usize, blame: Blame, text: bool) -> String {
    if line == 0 {
        return String::new();
    }
    let mut at = Locator {
        frames: Vec::new(),
        token: Token::Gap,
        high_surrogate: None,
    };
    let (mut cur_line, mut cur_col) = (1usize, 0usize);
    let mut buf = [0u8; 8192];
    let mut reader = input;
    // the last byte serde looked at, once reached; then the byte after it
    let mut stop: Option<u8> = None;
    let mut after: Option<u8> = None;
    'read: loop {
        let n = match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &b in buf.iter().take(n) {
            if stop.is_some() {
                after = Some(b);
                break 'read;
            }
            // column 0: serde_json stopped on the newline that ends the line before
            let on_newline = column == 0 && b == b'\n' && cur_line.saturating_add(1) == line;
            if on_newline || cur_line > line || (cur_line == line && cur_col.saturating_add(1) >= column) {
                stop = Some(b);
                continue;
            }
            at.byte(b);
            if b == b'\n' {
                cur_line = cur_line.saturating_add(1);
                cur_col = 0;
            } else {
                cur_col = cur_col.saturating_add(1);
            }
        }
    }
    if let Some(b) = stop {
        at.stop_at(b, after.filter(|_| blame == Blame::Type), text, blame);
    }
    at.path(blame == Blame::Container)
}

impl Locator {
    fn byte(&mut self, b: u8) {
        match self.token {
            Token::Str { key, escaped } => self.string_byte(b, key, escaped),
            Token::Scalar => {
                if is_delimiter(b) {
                    self.token = Token::Gap;
                    self.value_done();
                    self.structural(b);
                }
            }
            Token::Gap => self.structural(b),
        }
    }

    fn string_byte(&mut self, b: u8, key: bool, escaped: Escape) {
        let token = |escaped| Token::Str { key, escaped };
        match escaped {
            Escape::Started if b == b'u' => self.token = token(Escape::Hex { left: 4, value: 0 }),
            Escape::Started => {
                self.token = token(Escape::No);
                let decoded = match b {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    other => other,
                };
                if key {
                    self.push_key_byte(decoded);
                }
            }
            Escape::Hex { left, value } => {
                let value = value
                    .wrapping_mul(16)
                    .wrapping_add(char::from(b).to_digit(16).unwrap_or(0));
                let left = left.saturating_sub(1);
                if left > 0 {
                    self.token = token(Escape::Hex { left, value });
                    return;
                }
                self.token = token(Escape::No);
                if key {
                    self.push_key_unit(value);
                }
            }
            Escape::No => match b {
                b'\\' => self.token = token(Escape::Started),
                b'"' => {
                    self.token = Token::Gap;
                    if !key {
                        self.value_done();
                    }
                }
                _ if key => self.push_key_byte(b),
                _ => {}
            },
        }
    }

    /// One UTF-16 code unit of a `\uXXXX` escape in a key (a pair's halves are joined).
    fn push_key_unit(&mut self, unit: u32) {
        if (0xd800..0xdc00).contains(&unit) {
            self.high_surrogate = Some(unit);
            return;
        }
        let code = match self.high_surrogate.take() {
            Some(high) if (0xdc00..0xe000).contains(&unit) => {
                0x10000u32.wrapping_add(high.wrapping_sub(0xd800).wrapping_shl(10) | unit.wrapping_sub(0xdc00))
            }
            _ => unit,
        };
        self.push_key_char(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
    }

    /// A decoded character of a key, as the UTF-8 bytes the key holds one per char.
    fn push_key_char(&mut self, c: char) {
        let mut utf8 = [0u8; 4];
        for &b in c.encode_utf8(&mut utf8).as_bytes() {
            self.push_key_byte(b);
        }
    }

    fn push_key_byte(&mut self, b: u8) {
        if let Some(Frame::Object { key, .. }) = self.frames.last_mut() {
            // one char per byte; `path` turns them back into UTF-8
            key.push(char::from(b));
        }
    }

    /// A byte between tokens: a container opens or closes, a key or value starts.
    fn structural(&mut self, b: u8) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b':' => {
                if let Some(Frame::Object { reading_key, .. }) = self.frames.last_mut() {
                    *reading_key = false;
                }
            }
            // the member before the comma stays `started` until the next one begins:
            // an error raised after a value is placed past the comma
            b',' => match self.frames.last_mut() {
                Some(Frame::Object { reading_key, open, .. }) => (*reading_key, *open) = (true, false),
                Some(Frame::List { next, open, .. }) => (*next, *open) = (true, false),
                None => {}
            },
            b'}' | b']' => {
                self.frames.pop();
                self.value_done();
            }
            b'"' if matches!(self.frames.last(), Some(Frame::Object { reading_key: true, .. })) => {
                if let Some(Frame::Object { key, started, .. }) = self.frames.last_mut() {
                    key.clear();
                    *started = false;
                }
                self.token = Token::Str {
                    key: true,
                    escaped: Escape::No,
                };
            }
            _ => {
                self.value_starts();
                match b {
                    b'{' => self.frames.push(Frame::Object {
                        key: String::new(),
                        reading_key: true,
                        started: false,
                        open: false,
                    }),
                    b'[' => self.frames.push(Frame::List {
                        index: 0,
                        next: false,
                        started: false,
                        open: false,
                    }),
                    b'"' => {
                        self.token = Token::Str {
                            key: false,
                            escaped: Escape::No,
                        }
                    }
                    _ => self.token = Token::Scalar,
                }
            }
        }
    }

    /// A value starts in the innermost container.
    fn value_starts(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Object { started, open, .. }) => (*started, *open) = (true, true),
            Some(Frame::List {
                index,
                next,
                started,
                open,
            }) => {
                if *next {
                    *index = index.saturating_add(1);

                    *next = false;
                }
                (*started, *open) = (true, true);
            }
            None => {}
        }
    }

    /// `b` is the last byte serde looked at (`after` the one after it): it ends a number
    /// or literal before it, or it (or, when serde stopped just before a value, `after`)
    /// starts the value serde refused. `text`: the input was read whole, where serde_json
    /// places a value refused on its first byte just before that byte (a stream places it
    /// on the byte).
    fn stop_at(&mut self, b: u8, after: Option<u8>, text: bool, blame: Blame) {
        let starts_value = |x: u8| !is_delimiter(x) && x != b':';
        // a list refused whole just after its `[` (its visitor said no before reading an
        // item): serde_json peeked at the first item, and a stream counts the peeked byte,
        // so the stop is on that item's first byte; the list, not its item, is refused
        let just_opened = matches!(self.frames.last(), Some(Frame::List { started: false, .. }));
        if !text && blame == Blame::Value && self.token == Token::Gap && just_opened && starts_value(b) {
            return;
        }
        // a list's item refused on its first byte, just after the `[` or `,` before it
        let item = text && matches!(b, b'[' | b',') && after.is_some_and(starts_value);
        if self.token == Token::Scalar && is_delimiter(b) {
            self.token = Token::Gap;
            self.value_done();
            if !item {
                return;
            }
        }
        match self.token {
            Token::Gap if item && self.opens_item(b) => {
                self.structural(b);
                self.value_starts();
            }
            Token::Gap
                if starts_value(b)
                    || (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b':') && after.is_some_and(starts_value)) =>
            {
                if b == b':' {
                    self.structural(b); // the key is complete
                }
                let key = matches!(self.frames.last(), Some(Frame::Object { reading_key: true, .. }));
                if !key {
                    self.value_starts();
                }
            }
            _ => {}
        }
    }

    /// `b` (`[` or `,`) is followed by a list's item: it opens a list, or separates the
    /// items of the innermost list.
    fn opens_item(&self, b: u8) -> bool {
        b == b'[' || matches!(self.frames.last(), Some(Frame::List { .. }))
    }

    /// The value open in the innermost container is complete.
    fn value_done(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Object { open, .. }) | Some(Frame::List { open, .. }) => *open = false,
            None => {}
        }
    }

    fn path(&self, strict: bool) -> String {
        let mut out = String::new();
        let last = self.frames.len().saturating_sub(1);
        for (i, frame) in self.frames.iter().enumerate() {
            let named = |started: bool, open: bool| open || (started && !strict && i == last);
            match frame {
                Frame::Object { key, started, open, .. } if named(*started, *open) => {
                    let bytes: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                    out = crate::json_paths::field(&out, &String::from_utf8_lossy(&bytes));
                }
                Frame::List {
                    index, started, open, ..
                } if named(*started, *open) => {
                    out = crate::json_paths::index(&out, *index);
                }
                _ => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blame(e: &serde_json::Error) -> Blame {
        Blame::of(&e.to_string(), &["missing field", "invalid length"])
    }

    /// The path serde_json's error for `T` points at in `text`.
    fn located<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text.as_bytes(), e.line(), e.column(), blame(&e), true)
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u32,
        s: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(default)]
        x: Option<u32>,
    }

    #[test]
    fn a_refused_value_is_named_by_its_key_or_index() {
        let t = r#"{"items": [{"n": 1, "s": "a"}, {"n": "two", "s": "b"}]}"#;
        assert_eq!(located::<Outer>(t), "items[1].n");
        let t = r#"{"items": [{"n": 1, "s": 5}]}"#;
        assert_eq!(located::<Outer>(t), "items[0].s");
        let t = "{\"items\": [],\n \"x\": -3\n}";
        assert_eq!(located::<Outer>(t), "x");
        let t = r#"{"items": [], "x": true}"#;
        assert_eq!(located::<Outer>(t), "x");
        let t = r#"{"items": {"n": 1}}"#;
        assert_eq!(located::<Outer>(t), "items");
        let t = r#"{"items": [{"n": 1, "s": "a"}, 5]}"#;
        assert_eq!(located::<Outer>(t), "items[1]");
        let t = r#"{"items": [{"n": 1, "s": "a"}, [2]]}"#;
        assert_eq!(located::<Outer>(t), "items[1]");
    }

    #[test]
    fn a_list_item_refused_on_its_first_byte_is_named_by_its_index() {
        // serde_json stops just after the `[` or `,` before the item it refused unread
        type Lists = std::collections::BTreeMap<String, Vec<u32>>;
        assert_eq!(located::<Lists>(r#"{"a": [[2]]}"#), "a[0]");
        assert_eq!(located::<Lists>(r#"{"a": [{"b": 2}]}"#), "a[0]");
        assert_eq!(located::<Lists>(r#"{"a": [1,[2]]}"#), "a[1]");
        assert_eq!(located::<Lists>(r#"{"a": [1,2,"x"]}"#), "a[2]");
        assert_eq!(located::<Lists>(r#"{"a": ["x"]}"#), "a[0]");
        assert_eq!(located::<Outer>(r#"{"items": [[2]]}"#), "items[0]");
        assert_eq!(located::<Outer>(r#"{"items":[5]}"#), "items[0]");
        assert_eq!(located::<Outer>(r#"{"items":{"n":1},"x":2}"#), "items");
        // a stream places the same errors on the item's first byte
        for (t, want) in [
            (r#"{"a": [[2]]}"#, "a[0]"),
            (r#"{"a": [1,[2]]}"#, "a[1]"),
            (r#"{"a": [1,2,"x"]}"#, "a[2]"),
        ] {
            let e = serde_json::from_reader::<_, Lists>(t.as_bytes()).unwrap_err();
            assert_eq!(
                path_at(t.as_bytes(), e.line(), e.column(), blame(&e), false),
                want,
                "{t}"
            );
        }
    }

    #[test]
    fn a_missing_or_unknown_field_is_named_by_its_object() {
        let t = r#"{"items": [{"n": 1, "s": "a"}, {"n": 2}]}"#;
        assert_eq!(located::<Outer>(t), "items[1]");
        let t = r#"{"items": [{"n": 1, "s": "a", "typo": 3}]}"#;
        // the unknown key is open when serde stops: `crate::json` does not double it
        assert!(located::<Outer>(t).starts_with("items[0]"));
        let t = r#"{"x": 1}"#;
        assert_eq!(located::<Outer>(t), "");
    }

    #[test]
    fn the_same_path_from_a_stream_read_in_pieces() {
        let t = format!(
            "{{\"items\": [{}{{\"n\": \"two\", \"s\": \"b\"}}]}}",
            "{\"n\": 1, \"s\": \"ü\\\"x\"}, ".repeat(2000)
        );
        let e = serde_json::from_reader::<_, Outer>(t.as_bytes()).unwrap_err();
        assert_eq!(
            path_at(t.as_bytes(), e.line(), e.column(), blame(&e), false),
            "items[2000].n"
        );
        let e = serde_json::from_str::<Outer>(&t).unwrap_err();
        assert_eq!(
            path_at(t.as_bytes(), e.line(), e.column(), blame(&e), true),
            "items[2000].n"
        );
        // a refused number (serde peeked at the `}` after it) and a missing field
        // (serde read the `}`) in a stream
        for (t, want) in [
            (r#"{"items": [], "x": -3}"#, "x"),
            (r#"{"items": [{"n": 1, "s": "a"}, {"n": 2}]}"#, "items[1]"),
        ] {
            let e = serde_json::from_reader::<_, Outer>(t.as_bytes()).unwrap_err();
            assert_eq!(
                path_at(t.as_bytes(), e.line(), e.column(), blame(&e), false),
                want,
                "{t}"
            );
        }
    }

    /// Checked once the string is read: serde_json has no position for the error until
    /// it reaches the `,` or `}` after the value.
    #[derive(Debug)]
    struct Upper;
    impl<'de> serde::Deserialize<'de> for Upper {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Upper, D::Error> {
            let s = String::deserialize(d)?;
            if s.chars().all(|c| c.is_ascii_uppercase()) {
                Ok(Upper)
            } else {
                Err(serde::de::Error::custom("upper case only"))
            }
        }
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Coded {
        code: Upper,
        #[serde(default)]
        more: Vec<Upper>,
    }

    #[test]
    fn a_value_refused_after_it_was_read_is_named_by_its_key_or_index() {
        assert_eq!(located::<Coded>(r#"{"code": "eur"}"#), "code");
        assert_eq!(located::<Coded>(r#"{"code": "eur", "more": []}"#), "code");
        assert_eq!(located::<Coded>(r#"{"code": "EUR", "more": ["USD", "x"]}"#), "more[1]");
        assert_eq!(located::<Coded>(r#"{"code": "EUR", "more": ["x", "USD"]}"#), "more[0]");
    }

    #[test]
    fn keys_with_escapes_and_non_ascii_characters() {
        type Nested = std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<u32>>>;
        assert_eq!(located::<Nested>(r#"{"a\"b": {"ключ": [0, "z"]}}"#), "a\"b.ключ[1]");
        assert_eq!(
            located::<Nested>(r#"{"a\nb\\": {"\u00e9\ud83d\ude00\/": [0, "z"]}}"#),
            "a\nb\\.é😀/[1]"
        );
    }
}
