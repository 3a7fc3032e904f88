//! The offer's revenue model (SPEC §6): one-time, subscription or consumption, with
//! its term, churn, renewal and growth checked.

use crate::error::{check_finite, Problems};
use crate::model::MAX_PLAN_MONTHS;
use crate::plan::model::checks::{missing, prob};
use crate::plan::types::Offer;

/// The revenue model of the offer, checked.
#[derive(Clone, Debug, PartialEq)]
pub enum OfferModel {
    /// All in the booking month.
    OneTime,
    /// Equal instalments over `term` months.
    Subscription {
        /// Months per term.
        term: u32,
        /// Monthly churn probability.
        churn: f64,
        /// Renewal probability.
        renewal: f64,
    },
    /// Growing monthly consumption.
    Consumption {
        /// Months per term.
        term: u32,
        /// Growth per month.
        growth: f64,
        /// Monthly churn probability.
        churn: f64,
        /// Renewal probability.
        renewal: f64,
    },
}

/// Check the offer (one-time while missing).
pub fn check_offer(p: &mut Problems, offer: Option<&Offer>) -> OfferModel {
    match offer {
        None => {
            missing(p, "offer", "an `offer` (oneTime, subscription or consumption)");
            OfferModel::OneTime
        }
        Some(Offer::OneTime {}) => OfferModel::OneTime,
        Some(Offer::Subscription {
            term_months,
            monthly_churn,
            renewal_rate,
        }) => {
            check_term(p, *term_months);
            check_churn_renewal(p, *monthly_churn, *renewal_rate);
            OfferModel::Subscription {
                term: (*term_months).max(1),
                churn: *monthly_churn,
                renewal: *renewal_rate,
            }
        }
        Some(Offer::Consumption {
            term_months,
            monthly_growth,
            monthly_churn,
            renewal_rate,
        }) => {
            check_term(p, *term_months);
            check_growth(p, *monthly_growth);
            check_churn_renewal(p, *monthly_churn, *renewal_rate);
            OfferModel::Consumption {
                term: (*term_months).max(1),
                growth: *monthly_growth,
                churn: *monthly_churn,
                renewal: *renewal_rate,
            }
        }
    }
}

fn check_term(p: &mut Problems, t: u32) {
    if t == 0 || t as usize > MAX_PLAN_MONTHS {
        p.invalid("offer.termMonths", format!("termMonths must be 1..=600, got {t}"));
    }
}

fn check_growth(p: &mut Problems, growth: f64) {
    if check_finite(p, "offer.monthlyGrowth", growth) && !(growth > -1.0 && growth <= 10.0) {
        p.invalid(
            "offer.monthlyGrowth",
            format!("monthlyGrowth must be above -1 and at most 10 (1000 % a month), got {growth}"),
        );
    }
}

fn check_churn_renewal(p: &mut Problems, churn: f64, renewal: f64) {
    prob(p, churn, "offer.monthlyChurn", "monthlyChurn");
    prob(p, renewal, "offer.renewalRate", "renewalRate");
}
