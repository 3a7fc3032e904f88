//! Opening a JSON file that holds an ecosystem: the ecosystem itself (`{"partners": …}`),
//! a list of partners (`[…]`), or an object that carries one under `ecosystem` beside
//! other fields (the planner's workspace, the CLI's `dealteam sample`). The ecosystem is
//! indexed straight from its part of the text and the other fields come back as JSON text,
//! so a large file is parsed once, by the engine, and never kept whole beside the index.

use super::EcosystemIndex;
use crate::error::{DealteamError, ErrorCode, Result};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

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
        let fields: BTreeMap<String, &RawValue> =
            serde_json::from_str(text).map_err(|e| DealteamError::new(ErrorCode::InvalidJson, "", e.to_string()))?;
        if fields.contains_key("partners") {
            return Ok(Opened {
                ecosystem: Some(EcosystemIndex::from_json(text)?),
                rest: None,
            });
        }
        let ecosystem = match fields.get("ecosystem") {
            Some(raw) if raw.get() != "null" => Some(EcosystemIndex::from_json(raw.get())?),
            _ => None,
        };
        let mut rest = String::from("{");
        for (key, value) in fields.iter().filter(|(k, _)| k.as_str() != "ecosystem") {
            if rest.len() > 1 {
                rest.push(',');
            }
            // a key read from JSON writes back as JSON
            rest.push_str(&serde_json::to_string(key).unwrap_or_default());
            rest.push(':');
            rest.push_str(value.get());
        }
        rest.push('}');
        Ok(Opened {
            ecosystem,
            rest: Some(rest),
        })
    }
}
