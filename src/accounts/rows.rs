//! The accounts of every side as the account map reads them, whichever form the request
//! gave them in (one JSON object per account, or the columns of `accountMapColumns`):
//! borrowed text, the population as a number. Nothing is copied per row.

use crate::model::account::{CUSTOMER, OPPORTUNITY, PROSPECT};
use crate::model::PartnerAccount;
use crate::money::Money;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// One account row of a side.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rec<'a> {
    /// The account id.
    pub id: &'a str,
    /// The company name (the id when none was given).
    pub name: &'a str,
    /// Whether a name was given (else an empty name is the id's fault: the path says so).
    pub named: bool,
    /// The domain, if given.
    pub domain: Option<&'a str>,
    /// The population's number in [`Pops`].
    pub status: u32,
    /// The value's number in [`Values`], if one was given: the rows of two million accounts
    /// would otherwise each hold an `Option<Money>` (20 bytes in wasm, 16 more than this),
    /// and few rows have a value.
    pub value: u32,
}

/// The values of the rows that have one, numbered as they come.
#[derive(Default)]
pub(crate) struct Values(Vec<Money>);

impl Values {
    /// No value.
    const NONE: u32 = u32::MAX;

    /// The number of `value` ([`Values::NONE`] for none).
    pub fn add(&mut self, value: Option<Money>) -> u32 {
        let Some(v) = value else {
            return Self::NONE;
        };
        self.0.push(v);
        // rows and so values fewer than u32::MAX (a request's texts are under 4 GiB)
        (self.0.len() as u32).wrapping_sub(1)
    }

    /// Row `r`'s value, if it has one.
    pub fn of(&self, r: &Rec) -> Option<Money> {
        self.get(r.value)
    }

    /// Value number `n` ([`Values::NONE`]: none).
    pub fn get(&self, n: u32) -> Option<Money> {
        self.0.get(n as usize).copied()
    }
}

/// Every population of the request, numbered in the order first met.
#[derive(Default)]
pub(crate) struct Pops<'a> {
    names: Vec<&'a str>,
    ids: FxHashMap<&'a str, u32>,
    /// The number of `opportunity` (asked once per matched pair of sides).
    opportunity: Option<u32>,
}

impl<'a> Pops<'a> {
    /// The number of population `name` (given one the first time).
    pub fn id(&mut self, name: &'a str) -> u32 {
        // the few usual populations compare cheaper than they hash; their first bytes first
        // (customer and prospect are as long: a `memcmp` call each in wasm otherwise)
        let same = |n: &str| n.len() == name.len() && n.as_bytes().first() == name.as_bytes().first() && n == name;
        if let Some(i) = self.names.iter().take(8).position(|&n| same(n)) {
            return i as u32;
        }
        let next = self.names.len() as u32;
        *self.ids.entry(name).or_insert_with(|| {
            self.names.push(name);
            if name == OPPORTUNITY {
                self.opportunity = Some(next);
            }
            next
        })
    }

    /// The name of population `i`.
    pub fn name(&self, i: u32) -> &'a str {
        self.names.get(i as usize).copied().unwrap_or_default()
    }

    /// How many populations there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The number of `opportunity`, if any row has it.
    pub fn opportunity(&self) -> Option<u32> {
        self.opportunity
    }

    /// Every population: customer, opportunity, prospect (when present), then the others
    /// by name (SPEC §14; the response's `populations`).
    pub fn listed(&self) -> Vec<String> {
        let all: BTreeSet<&str> = crate::sort::set_of(self.names.iter().copied());
        let known = [CUSTOMER, OPPORTUNITY, PROSPECT];
        let mut out: Vec<String> = known
            .iter()
            .filter(|k| all.contains(*k))
            .map(|k| k.to_string())
            .collect();
        out.extend(all.iter().filter(|s| !known.contains(s)).map(|s| s.to_string()));
        out
    }
}

/// One side's rows from its JSON accounts.
pub(crate) fn from_accounts<'a>(
    accounts: &'a [PartnerAccount],
    pops: &mut Pops<'a>,
    values: &mut Values,
) -> Vec<Rec<'a>> {
    accounts
        .iter()
        .map(|a| Rec {
            id: a.id(),
            name: a.name(),
            named: matches!(a, PartnerAccount::Detailed(r) if r.name.is_some()),
            domain: a.domain(),
            status: pops.id(a.status()),
            value: values.add(a.value()),
        })
        .collect()
}
