//! Objects only where the spec has objects (issue 17 item 8). serde_json reads a struct
//! from a JSON array of its field values in order (`[ecosystem, profile, 2]` for a
//! `rank` request, `["a", "A", "si"]` for a partner); [`Strict`] wraps a deserializer so
//! that every struct, at every depth, is read from an object only: a list there is
//! "must be an object ({…}), got a list" at the struct's path.
//!
//! The wrapper forwards every call and wraps what comes back (visitors, sequences,
//! maps, enum variants, option and newtype contents), so the rule holds all the way
//! down. Internally tagged enums (`offer: {"kind": …}`) are read by serde from a
//! buffered copy that no wrapper sees; their visitor is refused a list here, and the
//! fields inside them are plain values.

use serde::de::{DeserializeSeed, Deserializer, EnumAccess, Error, MapAccess, SeqAccess, VariantAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// A deserializer that reads structs from JSON objects only.
pub(crate) struct Strict<D>(pub D);

/// A visitor whose sequences, maps, enums and contents stay [`Strict`]. `MAYBE_TAGGED`:
/// whether it may be an internally tagged enum's (serde reads those through
/// `deserialize_any`; a visitor handed to `deserialize_seq` is a list's, and its lists
/// need no check).
struct Wrap<V, const MAYBE_TAGGED: bool>(V);

/// A seed (list item, map value, enum variant) deserialized through [`Strict`].
struct Seed<S>(S);

/// A list's items, and whether the list's visitor has asked for one yet.
struct Seq<'a, A>(A, &'a Cell<bool>);
struct Map<A>(A);
struct Enum<A>(A);
struct Variant<A>(A);

macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Wrap::<_, true>(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_map deserialize_identifier deserialize_ignored_any
    }

    /// A list's visitor (`Vec<T>`'s and the like): not an internally tagged enum's.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_seq(Wrap::<V, false>(visitor))
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap::<_, true>(v))
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap::<_, true>(v))
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap::<_, true>(v))
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap::<_, true>(v))
    }
    /// The one change: a struct is read as a map, so a JSON array is refused.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap::<_, true>(v))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap::<_, true>(v))
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident: $t:ty)*) => {$(
        fn $method<E: Error>(self, x: $t) -> Result<V::Value, E> {
            self.0.$method(x)
        }
    )*};
}

/// `V`'s own description ("struct Partner", "internally tagged enum Offer").
struct Expecting<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
}

/// Whether a visitor's description starts as that of an internally tagged enum. Asked of
/// every list read: the description is written into a buffer as long as the words compared
/// (the writing stops there), not into a `String`. One copy for every visitor.
#[inline(never)]
fn tagged_enum(expecting: &dyn fmt::Display) -> bool {
    const TAGGED: &[u8] = b"internally tagged enum";
    /// The first `TAGGED.len()` bytes written.
    struct Head {
        bytes: [u8; TAGGED.len()],
        len: usize,
    }
    impl fmt::Write for Head {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            for (slot, &b) in self.bytes.iter_mut().skip(self.len).zip(s.as_bytes()) {
                *slot = b;
                self.len = self.len.saturating_add(1);
            }
            // enough read: stop the writing
            if self.len < TAGGED.len() {
                Ok(())
            } else {
                Err(fmt::Error)
            }
        }
    }
    let mut head = Head {
        bytes: [0; TAGGED.len()],
        len: 0,
    };
    let _ = fmt::write(&mut head, format_args!("{expecting}"));
    head.len == TAGGED.len() && head.bytes == TAGGED
}

/// The error of a list's visitor that failed before asking for any item: when it is the
/// visitor refusing the list itself ("invalid type: sequence, expected …", serde's answer
/// of a visitor that takes no list, handed one by `deserialize_any`), it becomes "invalid
/// value: …". The refusal comes after the `[` was read, where serde_json's position is also
/// that of a list's first item refused unread; "invalid value" tells `json_locate` the list
/// itself is refused, not its first item. Only on the error path, one copy per error type.
#[inline(never)]
fn list_refused<E: Error>(e: E) -> E {
    match e.to_string().strip_prefix("invalid type: sequence, expected ") {
        Some(expected) => E::custom(format!("invalid value: sequence, expected {expected}")),
        None => e,
    }
}

impl<'de, V: Visitor<'de>, const MAYBE_TAGGED: bool> Visitor<'de> for Wrap<V, MAYBE_TAGGED> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    visit! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64 visit_i128: i128
        visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64 visit_u128: u128
        visit_f32: f32 visit_f64: f64 visit_char: char visit_str: &str visit_borrowed_str: &'de str
        visit_string: String visit_bytes: &[u8] visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(d))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(d))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        // serde reads an internally tagged enum through `deserialize_any`; its tag and
        // fields come from an object only
        if MAYBE_TAGGED && tagged_enum(&Expecting(&self.0)) {
            return Err(A::Error::invalid_value(serde::de::Unexpected::Seq, &self.0));
        }
        let asked = Cell::new(false);
        self.0
            .visit_seq(Seq(seq, &asked))
            .map_err(|e| if asked.get() { e } else { list_refused(e) })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, e: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Enum(e))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.1.set(true);
        self.0.next_element_seed(Seed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;
    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Seed(seed))?;
        Ok((value, Variant(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::<_, true>(v))
    }
    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], v: V) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap::<_, true>(v))
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        a: u32,
        b: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
        list: Vec<Inner>,
        maybe: Option<Inner>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(tag = "kind", rename_all = "camelCase")]
    #[allow(dead_code)]
    enum Tagged {
        One { n: u32 },
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct HasTagged {
        t: Tagged,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct HasTaggedList {
        ts: Vec<Tagged>,
    }

    fn err<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> (String, String) {
        let e = crate::json::from_str::<T>(text).unwrap_err();
        (e.path, e.message)
    }

    #[test]
    fn objects_are_read_and_lists_refused_at_every_depth() {
        let ok = r#"{"inner": {"a": 1, "b": "x"}, "list": [{"a": 2, "b": "y"}], "maybe": {"a": 3, "b": "z"}}"#;
        let v: Outer = crate::json::from_str(ok).unwrap();
        assert_eq!((v.inner.a, v.list[0].a, v.maybe.map(|m| m.a)), (1, 2, Some(3)));
        for (text, path) in [
            (r#"{"inner": [1, "x"], "list": [], "maybe": null}"#, "inner"),
            (
                r#"{"inner": {"a": 1, "b": "x"}, "list": [[2, "y"]], "maybe": null}"#,
                "list[0]",
            ),
            (
                r#"{"inner": {"a": 1, "b": "x"}, "list": [], "maybe": [3, "z"]}"#,
                "maybe",
            ),
        ] {
            let (p, m) = err::<Outer>(text);
            assert_eq!(p, path, "{text}");
            assert!(m.contains("must be an object"), "{m}");
        }
        let (p, m) = err::<HasTagged>(r#"{"t": ["one", 5]}"#);
        assert_eq!(p, "t");
        assert!(m.contains("must be an object"), "{m}");
        let v: HasTagged = crate::json::from_str(r#"{"t": {"kind": "one", "n": 5}}"#).unwrap();
        assert!(matches!(v.t, Tagged::One { n: 5 }));
        // a list's own visitor skips the tagged-enum check; its items still get it
        let (p, m) = err::<HasTaggedList>(r#"{"ts": [{"kind": "one", "n": 1}, ["one", 5]]}"#);
        assert_eq!(p, "ts[1]");
        assert!(m.contains("must be an object"), "{m}");
        let v: HasTaggedList = crate::json::from_str(r#"{"ts": [{"kind": "one", "n": 1}]}"#).unwrap();
        assert!(matches!(v.ts[..], [Tagged::One { n: 1 }]));
    }

    #[test]
    fn a_tagged_enum_is_told_by_the_start_of_its_description() {
        use super::tagged_enum;
        struct Pieces(&'static [&'static str]);
        impl std::fmt::Display for Pieces {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                self.0.iter().try_for_each(|p| f.write_str(p))
            }
        }
        assert!(tagged_enum(&"internally tagged enum Offer"));
        assert!(tagged_enum(&"internally tagged enum"));
        assert!(tagged_enum(&Pieces(&["intern", "ally tagged", " enum", " Offer"])));
        assert!(!tagged_enum(&"internally tagged"));
        assert!(!tagged_enum(&"struct Partner"));
        assert!(!tagged_enum(&"a sequence"));
        assert!(!tagged_enum(&""));
        assert!(!tagged_enum(&"Internally tagged enum Offer"));
    }

    #[test]
    fn the_reader_path_is_as_strict() {
        let e = {
            let t = &br#"{"inner": [1, "x"], "list": [], "maybe": null}"#[..];
            crate::json::from_reader::<_, Outer>(t, || Some(t)).unwrap_err()
        };
        assert_eq!(e.path, "inner");
        let t = &br#"[{"a": 1, "b": "x"}, [], null]"#[..];
        let e = crate::json::from_reader::<_, Outer>(t, || Some(t)).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_json", ""));
    }
}
