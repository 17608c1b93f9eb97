//! Money in integer fen (分), and the fixed-point numbers used by the catalog.
//!
//! Never floats: a fine of 2000.00 yuan is `Fen(200_000)`. The catalog states amounts in yuan
//! (and multiples such as 5 %) as decimal numbers; those become [`Dec4`], an integer count of
//! ten-thousandths, so that 0.05 and 1000 are both exact.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in fen (1 yuan = 100 fen).
///
/// In files, JSON and the CLI an amount is always written in **yuan**: serialised as the
/// string `"2000.00"`, read from a string (`"2000"`, `"2,000.50元"`) or a number of yuan
/// (`2000`, `2000.5`). Fen never appear outside the program, so a fine of 2000 can never be
/// mistaken for 20 yuan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(pub i64);

impl Fen {
    /// `2000.00`: yuan with two decimals, no unit.
    pub fn yuan_text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Fen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.yuan_text())
    }
}

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Yuan {
            Int(i64),
            Float(f64),
            Text(String),
        }
        let text = match Yuan::deserialize(d)? {
            Yuan::Int(i) => i.to_string(),
            Yuan::Float(x) => format!("{x}"),
            Yuan::Text(t) => t,
        };
        if let Some(rest) = text.trim().strip_prefix('-') {
            // Negative amounts only arise from arithmetic, never from input; keep them readable.
            return Fen::parse_yuan(rest)
                .map(|f| Fen(-f.0))
                .map_err(serde::de::Error::custom);
        }
        Fen::parse_yuan(&text).map_err(serde::de::Error::custom)
    }
}

impl Fen {
    pub const fn from_yuan(yuan: i64) -> Self {
        Fen(yuan * 100)
    }

    /// Parses an amount in yuan as a clerk types it: `2000`, `2000.5`, `2,000.00`, `２０００元`.
    /// Full-width digits are normalised; more than two decimals, signs and other text are refused.
    pub fn parse_yuan(input: &str) -> Result<Fen, MoneyError> {
        let normalised: String = input
            .trim()
            .chars()
            .map(|c| match crate::chinese::fold_full_width(c) {
                // The ideographic full stop is outside the full-width block the fold covers.
                '。' => '.',
                other => other,
            })
            .filter(|c| *c != ',')
            .collect();
        let text = normalised.strip_suffix('元').unwrap_or(&normalised).trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        if text.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, frac) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(frac) {
            return Err(MoneyError::NotANumber(input.trim().to_string()));
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let yuan: i64 = whole.parse().map_err(|_| MoneyError::TooLarge)?;
        let mut fen_part: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().unwrap_or(0)
        };
        if frac.len() == 1 {
            fen_part *= 10;
        }
        yuan.checked_mul(100)
            .and_then(|f| f.checked_add(fen_part))
            .filter(|f| *f <= MAX_FEN)
            .map(Fen)
            .ok_or(MoneyError::TooLarge)
    }
}

/// One thousand billion yuan: far above any fine, small enough that arithmetic never overflows.
const MAX_FEN: i64 = 100_000_000_000_000;

impl Fen {
    /// The amount with thousands separators for reading at a glance (dashboards, reports):
    /// `2,859,250元`, `1,234.50元`. Documents print the plain form and the 大写.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if abs.is_multiple_of(100) {
            format!("{sign}{out}元")
        } else {
            format!("{sign}{out}.{:02}元", abs % 100)
        }
    }
}

impl fmt::Display for Fen {
    /// `2000元`, `2000.50元`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        if abs.is_multiple_of(100) {
            write!(f, "{sign}{}元", abs / 100)
        } else {
            write!(f, "{sign}{}.{:02}元", abs / 100, abs % 100)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("金额不能为空，请输入数字，例如 2000 或 2000.50")]
    Empty,
    #[error("金额不能为负数")]
    Negative,
    #[error("“{0}”不是金额，请只输入数字和小数点，例如 2000.50")]
    NotANumber(String),
    #[error("金额最多保留两位小数（到分）")]
    TooPrecise,
    #[error("金额过大，请检查是否多输入了数字")]
    TooLarge,
}

/// A non-negative decimal with four fixed decimal places, stored as ten-thousandths.
/// Used for catalog amounts (yuan, yuan per unit) and multiples (0.05 = 5 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec4(pub i64);

impl Dec4 {
    pub const SCALE: i64 = 10_000;

    pub const fn from_int(n: i64) -> Self {
        Dec4(n * Self::SCALE)
    }

    /// Exact conversion from a decimal number, refusing more than four decimal places.
    pub fn from_f64(x: f64) -> Option<Self> {
        if !x.is_finite() || !(0.0..=1e13).contains(&x) {
            return None;
        }
        let scaled = x * Self::SCALE as f64;
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 * rounded.abs().max(1.0) {
            return None;
        }
        Some(Dec4(rounded as i64))
    }

    /// The value as fen, when it is a yuan amount with at most two decimals.
    pub fn to_fen(self) -> Option<Fen> {
        (self.0 % 100 == 0).then_some(Fen(self.0 / 100))
    }
}

impl fmt::Display for Dec4 {
    /// `2000`, `0.05`, `12.5`: no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / Self::SCALE;
        let frac = self.0 % Self::SCALE;
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:04}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

impl Serialize for Dec4 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % Self::SCALE == 0 {
            s.serialize_i64(self.0 / Self::SCALE)
        } else {
            // Display gives the shortest exact decimal; the f64 nearest to it round-trips.
            s.serialize_f64(self.to_string().parse().unwrap_or(0.0))
        }
    }
}

impl<'de> Deserialize<'de> for Dec4 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Num {
            Int(i64),
            Float(f64),
        }
        let n = Num::deserialize(d)?;
        let value = match n {
            Num::Int(i) if (0..=1_000_000_000_000).contains(&i) => Some(Dec4::from_int(i)),
            Num::Int(_) => None,
            Num::Float(x) => Dec4::from_f64(x),
        };
        value.ok_or_else(|| serde::de::Error::custom("金额或倍数须为不小于 0 的数，最多四位小数"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn grouped_amounts_read_at_a_glance() {
        assert_eq!(Fen::from_yuan(2_859_250).grouped(), "2,859,250元");
        assert_eq!(Fen(123_450).grouped(), "1,234.50元");
        assert_eq!(Fen::from_yuan(999).grouped(), "999元");
        assert_eq!(Fen::from_yuan(-1000).grouped(), "-1,000元");
        assert_eq!(Fen(0).grouped(), "0元");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_what_clerks_type() {
        assert_eq!(Fen::parse_yuan("2000"), Ok(Fen(200_000)));
        assert_eq!(Fen::parse_yuan(" 2,000.5 "), Ok(Fen(200_050)));
        assert_eq!(Fen::parse_yuan("２０００．０５元"), Ok(Fen(200_005)));
        assert_eq!(Fen::parse_yuan("0.01"), Ok(Fen(1)));
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        assert_eq!(Fen::parse_yuan(""), Err(MoneyError::Empty));
        assert_eq!(Fen::parse_yuan("-5"), Err(MoneyError::Negative));
        assert_eq!(Fen::parse_yuan("1.234"), Err(MoneyError::TooPrecise));
        assert!(matches!(
            Fen::parse_yuan("两千"),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Fen::parse_yuan("1e5"),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Fen::parse_yuan(".5"),
            Err(MoneyError::NotANumber(_))
        ));
        assert_eq!(
            Fen::parse_yuan("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn json_amounts_are_yuan() {
        assert_eq!(serde_json::to_string(&Fen(200_050)).unwrap(), "\"2000.50\"");
        assert_eq!(serde_json::from_str::<Fen>("2000").unwrap(), Fen(200_000));
        assert_eq!(serde_json::from_str::<Fen>("2000.5").unwrap(), Fen(200_050));
        assert_eq!(
            serde_json::from_str::<Fen>("\"2,000元\"").unwrap(),
            Fen(200_000)
        );
        assert!(serde_json::from_str::<Fen>("\"两千\"").is_err());
        assert!(serde_json::from_str::<Fen>("1.234").is_err());
    }

    #[test]
    fn displays_yuan() {
        assert_eq!(Fen(200_000).to_string(), "2000元");
        assert_eq!(Fen(200_050).to_string(), "2000.50元");
        assert_eq!(Fen(5).to_string(), "0.05元");
    }

    #[test]
    fn dec4_is_exact_for_catalog_numbers() {
        assert_eq!(Dec4::from_f64(0.05), Some(Dec4(500)));
        assert_eq!(Dec4::from_f64(0.1), Some(Dec4(1000)));
        assert_eq!(Dec4::from_f64(2000.0), Some(Dec4::from_int(2000)));
        assert_eq!(Dec4::from_f64(0.00001), None);
        assert_eq!(Dec4::from_f64(-1.0), None);
        assert_eq!(Dec4(500).to_string(), "0.05");
        assert_eq!(Dec4::from_int(2000).to_fen(), Some(Fen(200_000)));
        assert_eq!(Dec4(1).to_fen(), None);
    }

    proptest! {
        #[test]
        fn fen_display_parses_back(fen in 0i64..10_000_000_000) {
            let shown = Fen(fen).to_string();
            prop_assert_eq!(Fen::parse_yuan(&shown), Ok(Fen(fen)));
        }

        #[test]
        fn fen_round_trips_through_json_as_yuan(fen in 0i64..10_000_000_000) {
            let json = serde_json::to_string(&Fen(fen)).unwrap();
            prop_assert_eq!(serde_json::from_str::<Fen>(&json).unwrap(), Fen(fen));
        }

        #[test]
        fn dec4_round_trips_through_json(v in 0i64..100_000_000_000) {
            let json = serde_json::to_string(&Dec4(v)).unwrap();
            let back: Dec4 = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, Dec4(v));
        }
    }
}
