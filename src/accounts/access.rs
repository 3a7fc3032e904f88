//! Accounts feed teams (SPEC §14 "Deal targets"): a partner that has one of a deal's
//! target accounts as customer (1), opportunity (0.7) or prospect (0.4) has that
//! `access`; the team score gains `w_a · max access over members`.

use super::normalise::name_key;
use crate::model::account::{CUSTOMER, OPPORTUNITY, PROSPECT};
use crate::model::Partner;
use rustc_hash::FxHashSet;

/// The access a population gives (SPEC §14): customer 1, opportunity 0.7, prospect 0.4,
/// any other population 0.
pub fn access_level(status: &str) -> f64 {
    match status {
        CUSTOMER => 1.0,
        OPPORTUNITY => 0.7,
        PROSPECT => 0.4,
        _ => 0.0,
    }
}

/// A deal's target accounts, matched against a partner's accounts by id or by
/// normalised name (the deal names accounts without domains, so §14's rule is by name).
pub struct Targets {
    ids: FxHashSet<String>,
    names: FxHashSet<String>,
}

/// A partner's best access: the level and the position of the account giving it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Access {
    /// 1, 0.7 or 0.4.
    pub level: f64,
    /// The partner's account (index in its `accounts`).
    pub account: usize,
}

impl Targets {
    /// The targets of a deal.
    pub fn new(accounts: &[String]) -> Targets {
        Targets {
            ids: accounts.iter().cloned().collect(),
            names: accounts.iter().filter_map(|a| name_key(a)).collect(),
        }
    }

    /// The best access `p` has to a target (the first of its accounts with that level),
    /// or `None` when it holds none of them in a population that gives access.
    pub fn access(&self, p: &Partner) -> Option<Access> {
        let mut best: Option<Access> = None;
        for (k, a) in p.accounts.iter().enumerate() {
            let level = access_level(a.status());
            if level <= best.map_or(0.0, |b| b.level) {
                continue;
            }
            if self.ids.contains(a.id()) || name_key(a.name()).is_some_and(|n| self.names.contains(&n)) {
                best = Some(Access { level, account: k });
            }
        }
        best
    }
}

/// The explanation in words: "Beta has Acme as a customer".
pub fn access_sentence(p: &Partner, a: Access) -> String {
    let account = p.accounts.get(a.account);
    let name = account.map_or("", |x| x.name());
    let as_what = match account.map_or("", |x| x.status()) {
        CUSTOMER => "as a customer",
        OPPORTUNITY => "as an open opportunity",
        _ => "as a prospect",
    };
    format!("{} has {name} {as_what}", p.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartnerAccount;

    fn partner(accounts: Vec<PartnerAccount>) -> Partner {
        Partner {
            id: "b".into(),
            name: "Beta".into(),
            kind: "si".into(),
            accounts,
            ..Default::default()
        }
    }

    fn rec(account: &str, status: &str) -> PartnerAccount {
        serde_json::from_value(serde_json::json!({"account": account, "status": status})).unwrap()
    }

    #[test]
    fn levels_and_sentences() {
        let t = Targets::new(&["ACME Inc.".to_string(), "globex-id".to_string()]);
        let p = partner(vec![
            rec("Acme", "prospect"),
            rec("globex-id", "opportunity"),
            rec("Other", "customer"),
        ]);
        let a = t.access(&p).unwrap();
        assert_eq!((a.level, a.account), (0.7, 1));
        assert_eq!(access_sentence(&p, a), "Beta has globex-id as an open opportunity");
        let p = partner(vec![rec("Acme", "prospect"), "acme corp".into()]);
        let a = t.access(&p).unwrap();
        assert_eq!((a.level, a.account), (1.0, 1));
        assert_eq!(access_sentence(&p, a), "Beta has acme corp as a customer");
        let p = partner(vec![rec("Acme", "partner-sourced"), "Initech".into()]);
        assert_eq!(t.access(&p), None);
        assert_eq!(
            access_sentence(
                &partner(vec![rec("Acme", "prospect")]),
                Access { level: 0.4, account: 0 }
            ),
            "Beta has Acme as a prospect"
        );
    }
}
