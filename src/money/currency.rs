//! ISO 4217 currencies (SPEC §0): the active codes, and each one's minor units.

use crate::error::{DealteamError, ErrorCode, Result};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// An ISO 4217 currency code, checked against the list of active codes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Currency(String);

/// Active ISO 4217 codes (2024 list).
const ISO_4217: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL";

impl Currency {
    /// Parse and check a code such as `"EUR"`.
    pub fn parse(code: &str) -> std::result::Result<Currency, String> {
        if code.len() == 3 && ISO_4217.split(' ').any(|c| c == code) {
            Ok(Currency(code.to_string()))
        } else if code.len() == 3 && ISO_4217.split(' ').any(|c| c.eq_ignore_ascii_case(code)) {
            Err(format!(
                "currency codes are upper case: write `{}`",
                code.to_ascii_uppercase()
            ))
        } else {
            Err(format!(
                "`{code}` is not an ISO 4217 currency code (e.g. EUR, USD, JPY)"
            ))
        }
    }
    /// The euro, the default currency of an ecosystem.
    pub fn eur() -> Currency {
        Currency("EUR".to_string())
    }
    /// The code.
    pub fn code(&self) -> &str {
        &self.0
    }
    /// Decimal places of the currency's minor unit (SPEC §0): 0 for JPY, KRW, …,
    /// 3 for BHD, KWD, …, 4 for CLF and UYW, else 2.
    pub fn minor_units(&self) -> u32 {
        match self.0.as_str() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "UYI" | "VND"
            | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            "CLF" | "UYW" => 4,
            _ => 2,
        }
    }
    /// An error unless `other` is this currency.
    pub fn ensure_same(&self, other: &Currency, path: &str) -> Result<()> {
        if self == other {
            Ok(())
        } else {
            Err(DealteamError::new(
                ErrorCode::CurrencyMismatch,
                path,
                format!(
                    "amounts in {} and {} cannot be combined; convert them to one currency first",
                    self.0, other.0
                ),
            ))
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Currency, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::parse("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::parse("KWD").unwrap().minor_units(), 3);
        assert_eq!(Currency::parse("EUR").unwrap().minor_units(), 2);
        assert!(Currency::parse("eur").unwrap_err().contains("EUR"));
        assert!(Currency::parse("ABC").is_err());
    }
}
