//! Lists with a documented limit (SPEC §0), checked while they are parsed: element
//! `limit + 1` is never built. The rest of the list is only skipped (no allocation) to
//! count it, so the `too_large` message names the real size, as validation would.

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

use crate::json::TOO_LARGE_TAG;

/// `partners` of an ecosystem, at most [`super::MAX_PARTNERS`].
pub(crate) fn partners<'de, D: Deserializer<'de>, T: Deserialize<'de>>(de: D) -> Result<Vec<T>, D::Error> {
    de.deserialize_seq(Capped::<T>::new("partners", super::MAX_PARTNERS))
}

/// `relationships` of an ecosystem, at most [`super::MAX_RELATIONSHIPS`].
pub(crate) fn relationships<'de, D: Deserializer<'de>, T: Deserialize<'de>>(de: D) -> Result<Vec<T>, D::Error> {
    de.deserialize_seq(Capped::<T>::new("relationships", super::MAX_RELATIONSHIPS))
}

struct Capped<T> {
    what: &'static str,
    limit: usize,
    item: PhantomData<T>,
}

impl<T> Capped<T> {
    fn new(what: &'static str, limit: usize) -> Self {
        Capped {
            what,
            limit,
            item: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // serde's own cautious pre-allocation: the hint is the caller's claim, not a fact
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while out.len() < self.limit {
            match seq.next_element()? {
                Some(x) => out.push(x),
                None => return Ok(out),
            }
        }
        rest(seq, self.what, self.limit).map(|()| out)
    }
}

/// After `limit` items of a list of `what` were read: `Ok` at its end, else the rest is
/// only counted (skipped unbuilt) for the `too_large` error.
pub(crate) fn rest<'de, A: SeqAccess<'de>>(mut seq: A, what: &str, limit: usize) -> Result<(), A::Error> {
    let mut got = limit;
    while seq.next_element::<IgnoredAny>()?.is_some() {
        got = got.saturating_add(1);
    }
    if got == limit {
        return Ok(());
    }
    let e = crate::error::DealteamError::too_large("", what, limit, got);
    Err(A::Error::custom(format!("{TOO_LARGE_TAG}{}", e.message)))
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorCode;
    use crate::model::Ecosystem;

    fn minimal(n: usize) -> String {
        let parts: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"p{i}","name":"P","kind":"isv"}}"#))
            .collect();
        format!(r#"{{"partners":[{}]}}"#, parts.join(","))
    }

    #[test]
    fn at_the_limit_is_read_whole() {
        let v: Vec<u32> = super::Capped::new("xs", 3).visit_seq_for_test("[1,2,3]").unwrap();
        assert_eq!(v, vec![1, 2, 3]);
    }

    #[test]
    fn above_the_limit_is_too_large_with_the_count_and_path() {
        let e = super::Capped::<u32>::new("xs", 3)
            .visit_seq_for_test("[1,2,3,4,5]")
            .unwrap_err();
        assert_eq!(e, "too_large:xs: 5 exceeds the limit of 3");
    }

    #[test]
    fn an_ecosystem_under_the_limit_parses() {
        let eco: Ecosystem = crate::json::from_str(&minimal(3)).unwrap();
        assert_eq!(eco.partners.len(), 3);
    }

    #[test]
    #[ignore = "builds 1,000,001 partners (about 1 s in release); run with --ignored"]
    fn a_million_and_one_partners_are_too_large_at_partners() {
        let e = crate::json::from_str::<Ecosystem>(&minimal(crate::model::MAX_PARTNERS + 1)).unwrap_err();
        assert_eq!(e.code, ErrorCode::TooLarge);
        assert_eq!(e.path, "partners");
        assert_eq!(e.message, "partners: 1000001 exceeds the limit of 1000000");
    }

    impl<T: for<'de> serde::Deserialize<'de>> super::Capped<T> {
        fn visit_seq_for_test(self, text: &str) -> Result<Vec<T>, String> {
            use serde::Deserializer;
            let mut de = serde_json::Deserializer::from_str(text);
            de.deserialize_seq(self).map_err(|e| {
                let m = e.to_string();
                m.split(" at line ").next().unwrap_or("").to_string()
            })
        }
    }
}
