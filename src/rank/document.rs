//! Opening a JSON file that holds an ecosystem: the ecosystem itself (`{"partners": …}`),
//! a list of partners (`[…]`), or an object that carries one under `ecosystem` beside
//! other fields (the planner's workspace, the CLI's `dealteam sample`). The ecosystem is
//! indexed straight from its part of the text and the other fields come back as JSON text,
//! so a large file is parsed once, by the engine, and never kept whole beside the index.

use super::ingest::Ingested;
use super::EcosystemIndex;
use crate::error::{DealteamError, ErrorCode, Result};
use crate::json::strict::Strict;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

/// What a JSON file held.
#[derive(Debug)]
pub struct Opened {
    /// The ecosystem, indexed (none when an object carries none, or carries `null`).
    pub ecosystem: Option<EcosystemIndex>,
    /// The object's other fields as a JSON object's text, when the file is an object that
    /// is not itself an ecosystem; `None` for an ecosystem or a list of partners.
    pub rest: Option<String>,
}

impl EcosystemIndex {
    /// Reads `text` as an ecosystem, a list of partners or an object with an `ecosystem`
    /// field. Errors in the ecosystem have paths within it (`partners[3].tier`, also for a
    /// list of partners); text that is no JSON is `invalid_json`, JSON that is neither an
    /// object nor a list is `invalid_value`.
    pub fn open(text: &str) -> Result<Opened> {
        crate::json::check_request_bytes(text.len())?;
        let body = text.trim_start();
        if body.starts_with('[') {
            let eco = EcosystemIndex::from_json(&format!("{{\"partners\":{body}}}"))?;
            return Ok(Opened {
                ecosystem: Some(eco),
                rest: None,
            });
        }
        if !body.starts_with('{') {
            // serde's own message for text that is no JSON at all; else the shape's
            let e = serde_json::from_str::<serde::de::IgnoredAny>(text).err();
            return Err(e.map_or_else(
                || DealteamError::invalid("", "expected an object or a list of partners"),
                |e| DealteamError::new(ErrorCode::InvalidJson, "", e.to_string()),
            ));
        }
        let Some((fields, ecosystem)) = TopLevel::read(text)? else {
            return Ok(Opened {
                ecosystem: Some(EcosystemIndex::from_json(text)?),
                rest: None,
            });
        };
        let ecosystem = ecosystem.map(|x| EcosystemIndex::from_ingested(*x)).transpose()?;
        // keys and values read from JSON write back as JSON
        let rest = serde_json::to_string(&fields).unwrap_or_else(|_| String::from("{}"));
        Ok(Opened {
            ecosystem,
            rest: Some(rest),
        })
    }
}

/// Reads a top-level object's fields until one says that the object is itself an
/// ecosystem (`partners`): then the reading stops there, so that an ecosystem's text is
/// scanned once, by the index, and not first field by field. A field `ecosystem` is read
/// into the index's columns in the same pass.
struct TopLevel<'a> {
    /// Why the reading stopped short, when it did on purpose.
    stop: &'a Cell<Option<Stop>>,
}

#[derive(Clone, Copy)]
enum Stop {
    /// The object has `partners`: it is an ecosystem.
    Partners,
    /// Its `ecosystem` could not be read (the error is serde_json's, where it failed).
    Ecosystem,
}

/// The fields read but `ecosystem`, and the ecosystem read from that one (none when it has
/// none, or `null`).
type Fields = (BTreeMap<String, Value>, Option<Box<Ingested>>);

impl TopLevel<'_> {
    /// The object's fields and ecosystem, or `None` when it is an ecosystem.
    fn read(text: &str) -> Result<Option<Fields>> {
        let stop = Cell::new(None);
        let mut de = serde_json::Deserializer::from_str(text);
        let read = TopLevel { stop: &stop }
            .deserialize(&mut de)
            .and_then(|fields| de.end().map(|()| fields));
        match (read, stop.get()) {
            (Ok(fields), _) => Ok(Some(fields)),
            (Err(_), Some(Stop::Partners)) => Ok(None),
            // the path as within the ecosystem, as its own file would have it
            (Err(e), Some(Stop::Ecosystem)) => Err(within_ecosystem(crate::json::error_in(e, text))),
            (Err(e), None) => Err(DealteamError::new(ErrorCode::InvalidJson, "", e.to_string())),
        }
    }
}

/// `e`, found at `ecosystem…`, with the path within the ecosystem.
fn within_ecosystem(mut e: DealteamError) -> DealteamError {
    if let Some(rest) = e.path.strip_prefix("ecosystem") {
        e.path = rest.strip_prefix('.').unwrap_or(rest).to_string();
    }
    e
}

impl<'de> DeserializeSeed<'de> for TopLevel<'_> {
    type Value = Fields;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_> {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let mut fields = BTreeMap::new();
        let mut ecosystem = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "partners" {
                // an ecosystem: stop reading (the error is a signal to `read`, not a fault)
                self.stop.set(Some(Stop::Partners));
                return Err(de::Error::custom("an ecosystem"));
            }
            if key == "ecosystem" {
                // as `crate::json::from_str` reads an ecosystem: objects only, at every depth;
                // a second `ecosystem` is the one read, as the last of a key is in JSON objects
                ecosystem = map
                    .next_value_seed(Strictly)
                    .inspect_err(|_| self.stop.set(Some(Stop::Ecosystem)))?;
                continue;
            }
            let value: Value = map.next_value()?;
            fields.insert(key, value);
        }
        Ok((fields, ecosystem.map(Box::new)))
    }
}

/// An ecosystem or `null`, read through [`Strict`].
struct Strictly;

impl<'de> DeserializeSeed<'de> for Strictly {
    type Value = Option<Ingested>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Self::Value, D::Error> {
        Option::<Ingested>::deserialize(Strict(deserializer))
    }
}
