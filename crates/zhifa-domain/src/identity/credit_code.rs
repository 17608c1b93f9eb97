//! 统一社会信用代码 (unified social credit code, GB 32100-2015).

use super::normalise;

/// The 31 characters of a credit code, in value order (no I, O, Z, S, V).
const CREDIT_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first 17 characters (3^(i-1) mod 31).
const CREDIT_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Registration authority codes allowed at position 1.
const CREDIT_AUTHORITIES: &str = "123456789ANY";
/// Length of a credit code.
const CREDIT_LEN: usize = 18;

/// Why a unified social credit code was rejected. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditCodeError {
    /// Nothing was entered (or only spaces and hyphens).
    #[error("统一社会信用代码为空：请输入营业执照或登记证书上的18位统一社会信用代码")]
    Empty,
    /// Not 18 characters long (after removing spaces and hyphens).
    #[error(
        "统一社会信用代码长度不正确：当前为{found}位，应为18位，请对照营业执照或登记证书核对后重新输入"
    )]
    Length { found: usize },
    /// The first character not allowed at its position (1-based): position 1 must be a
    /// registration authority code (1-9, A, N, Y), positions 3–8 digits, the others any of the
    /// 31 code characters.
    #[error("{}", credit_bad_char_message(*position, *ch))]
    BadChar { position: usize, ch: char },
    /// The check character (position 18) does not match the first 17 characters.
    #[error(
        "统一社会信用代码第18位校验码错误：按前17位计算应为“{expected}”，实际为“{found}”。\
         请对照营业执照或登记证书逐位核对整个代码，可能有字符输错或前后颠倒"
    )]
    BadChecksum { expected: char, found: char },
}

fn credit_bad_char_message(position: usize, ch: char) -> String {
    let hint = match ch {
        'I' => "（字母I不使用，可能应为数字1）",
        'O' => "（字母O不使用，可能应为数字0）",
        'Z' => "（字母Z不使用，可能应为数字2）",
        'S' => "（字母S不使用，可能应为数字5）",
        'V' => "（字母V不使用，可能应为字母U）",
        _ => "",
    };
    match position {
        1 => format!(
            "统一社会信用代码第1位“{ch}”无效：第1位是登记管理部门代码，只能是数字1-9或字母A、N、Y{hint}，请核对后重新输入"
        ),
        3..=8 => format!(
            "统一社会信用代码第{position}位“{ch}”无效：第3至8位是登记管理机关行政区划码，只能是数字{hint}，请核对后重新输入"
        ),
        _ => format!(
            "统一社会信用代码第{position}位“{ch}”无效：只能是数字或除I、O、Z、S、V以外的大写英文字母{hint}，请核对后重新输入"
        ),
    }
}

/// A validated 18-character unified social credit code (统一社会信用代码), upper case.
///
/// Deserialising validates too, so a stored value that is not a valid code is an error.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditCode(String);

impl CreditCode {
    /// The characters a code is written in, in value order.
    pub const ALPHABET: &'static str = CREDIT_CHARSET;

    /// Validates `input` after [`normalise`]: length, the character allowed at each position,
    /// then the mod-31 check character; the first problem found is returned.
    ///
    /// Positions 9–17 (the organisation code) are checked only against the character set, not
    /// against their own GB 11714 check digit.
    pub fn parse(input: &str) -> Result<CreditCode, CreditCodeError> {
        let s = normalise(input);
        let chars: Vec<char> = s.chars().collect();
        if chars.is_empty() {
            return Err(CreditCodeError::Empty);
        }
        if chars.len() != CREDIT_LEN {
            return Err(CreditCodeError::Length { found: chars.len() });
        }
        let mut values = [0u32; CREDIT_LEN];
        for (i, &ch) in chars.iter().enumerate() {
            let value = credit_value(ch);
            let ok = match i {
                0 => CREDIT_AUTHORITIES.contains(ch),
                2..=7 => ch.is_ascii_digit(),
                _ => value.is_some(),
            };
            match value {
                Some(v) if ok => values[i] = v,
                _ => {
                    return Err(CreditCodeError::BadChar {
                        position: i + 1,
                        ch,
                    })
                }
            }
        }
        let expected = credit_check_char(&values[..17]);
        let found = chars[17];
        if expected != found {
            return Err(CreditCodeError::BadChecksum { expected, found });
        }
        Ok(CreditCode(s))
    }

    /// The check character (position 18) due for `first17`, the first 17 characters of a code;
    /// `None` unless they are 17 characters of the code's alphabet. For building valid codes
    /// (demo, fixtures).
    pub fn check_char(first17: &str) -> Option<char> {
        let values = first17
            .chars()
            .map(credit_value)
            .collect::<Option<Vec<u32>>>()?;
        (values.len() == 17).then(|| credit_check_char(&values))
    }

    /// The normalised 18 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CreditCode {
    type Error = CreditCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CreditCode::parse(&value)
    }
}

impl From<CreditCode> for String {
    fn from(value: CreditCode) -> String {
        value.0
    }
}

/// Value (0..31) of a credit-code character, `None` outside the charset.
fn credit_value(ch: char) -> Option<u32> {
    CREDIT_CHARSET
        .chars()
        .position(|c| c == ch)
        .and_then(|p| u32::try_from(p).ok())
}

/// Check character for the values of the first 17 characters.
fn credit_check_char(values: &[u32]) -> char {
    let sum: u32 = values.iter().zip(CREDIT_WEIGHTS).map(|(&v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    CREDIT_CHARSET.chars().nth(check as usize).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::test_support::*;
    use proptest::prelude::*;

    // ----- unified social credit code -----

    #[test]
    fn known_valid_credit_codes() {
        // Widely published example code.
        let c = CreditCode::parse("91350100M000100Y43").unwrap();
        assert_eq!(c.as_str(), "91350100M000100Y43");
        assert_eq!(valid_credit("91350100M000100Y4"), "91350100M000100Y43");
        for prefix in [
            "91110108MA01ABCDE",
            "12220122000000001",
            "N2220122ABCDEFGHJ",
            "Y1110000KLMNPQRTU",
        ] {
            let code = valid_credit(prefix);
            assert_eq!(CreditCode::parse(&code).unwrap().as_str(), code);
        }
        // Full width, lower case and separators.
        let code = valid_credit("91110108MA01ABCDE");
        let messy = format!(
            " {}-{} ",
            to_full_width(&code[..8]),
            code[8..].to_lowercase()
        );
        assert_eq!(CreditCode::parse(&messy).unwrap().as_str(), code);
    }

    #[test]
    fn check_char_wants_seventeen_code_characters() {
        assert_eq!(CreditCode::check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(CreditCode::check_char("91350100M000100Y"), None);
        assert_eq!(CreditCode::check_char("91350100M000100Y43"), None);
        assert_eq!(CreditCode::check_char("91350100M000100YI"), None);
        assert_eq!(CreditCode::ALPHABET, CHARSET);
    }

    #[test]
    fn credit_code_errors() {
        assert_eq!(CreditCode::parse("  "), Err(CreditCodeError::Empty));
        assert_eq!(
            CreditCode::parse("91350100M000100Y4"),
            Err(CreditCodeError::Length { found: 17 })
        );
        assert_eq!(
            CreditCode::parse("B1350100M000100Y43"),
            Err(CreditCodeError::BadChar {
                position: 1,
                ch: 'B'
            })
        );
        assert_eq!(
            CreditCode::parse("0135010OM000100Y43"),
            Err(CreditCodeError::BadChar {
                position: 1,
                ch: '0'
            })
        );
        assert_eq!(
            CreditCode::parse("9I350100M000100Y43"),
            Err(CreditCodeError::BadChar {
                position: 2,
                ch: 'I'
            })
        );
        assert_eq!(
            CreditCode::parse("913501A0M000100Y43"),
            Err(CreditCodeError::BadChar {
                position: 7,
                ch: 'A'
            })
        );
        assert_eq!(
            CreditCode::parse("91350100MO00100Y43"),
            Err(CreditCodeError::BadChar {
                position: 10,
                ch: 'O'
            })
        );
        assert_eq!(
            CreditCode::parse("91350100M000100Y4Z"),
            Err(CreditCodeError::BadChar {
                position: 18,
                ch: 'Z'
            })
        );
        assert_eq!(
            CreditCode::parse("91350100M000100Y44"),
            Err(CreditCodeError::BadChecksum {
                expected: '3',
                found: '4'
            })
        );
    }

    #[test]
    fn credit_code_messages() {
        let m = CreditCodeError::BadChar {
            position: 10,
            ch: 'O',
        }
        .to_string();
        assert!(m.contains("第10位“O”") && m.contains("数字0"), "{m}");
        let m = CreditCodeError::BadChar {
            position: 1,
            ch: 'B',
        }
        .to_string();
        assert!(m.contains("第1位") && m.contains("登记管理部门"), "{m}");
        let m = CreditCodeError::BadChar {
            position: 4,
            ch: 'A',
        }
        .to_string();
        assert!(m.contains("第4位") && m.contains("行政区划"), "{m}");
        let m = CreditCodeError::BadChecksum {
            expected: '3',
            found: '4',
        }
        .to_string();
        assert!(m.contains("第18位") && m.contains("“3”"), "{m}");
        assert!(CreditCodeError::Length { found: 17 }
            .to_string()
            .contains("17位"));
        assert!(CreditCodeError::Empty.to_string().contains("18位"));
    }

    #[test]
    fn credit_code_serde_validates() {
        use serde::de::value::{Error, StringDeserializer};
        use serde::Deserialize;
        let de = |s: &str| CreditCode::deserialize(StringDeserializer::<Error>::new(s.to_owned()));
        assert_eq!(
            de("91350100m000100y43").unwrap().as_str(),
            "91350100M000100Y43"
        );
        assert!(de("91350100M000100Y44").is_err());
    }

    proptest! {
        #[test]
        fn valid_credit_codes_parse(code in arb_credit(), noise in proptest::collection::vec(any::<u8>(), 18)) {
            let parsed = CreditCode::parse(&code).unwrap();
            prop_assert_eq!(parsed.as_str(), code.as_str());
            prop_assert_eq!(CreditCode::check_char(&code[..17]), code.chars().last());
            prop_assert_eq!(CreditCode::parse(&disguise(&code, &noise)), Ok(parsed));
        }

        #[test]
        fn credit_single_substitution_detected(code in arb_credit()) {
            for index in 0..18 {
                for c in CHARSET.chars() {
                    if code.chars().nth(index) == Some(c) {
                        continue;
                    }
                    let changed = replace_at(&code, index, c);
                    prop_assert!(CreditCode::parse(&changed).is_err(), "{} accepted", changed);
                }
            }
        }
    }
}
