//! 居民身份证号码 (resident identity number, GB 11643-1999).

use super::normalise;

/// Weights of the first 17 digits of a resident identity number (GB 11643-1999, 2^(18-i) mod 11).
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character indexed by (weighted sum mod 11).
const ID_CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
/// Length of a resident identity number.
const ID_LEN: usize = 18;
/// Length of the first-generation numbers, no longer accepted.
const OLD_ID_LEN: usize = 15;

/// Why a resident identity number was rejected. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Nothing was entered (or only spaces and hyphens).
    #[error("身份证号码为空：请输入18位居民身份证号码")]
    Empty,
    /// Not 18 characters long (after removing spaces and hyphens). 15 means an old
    /// first-generation number.
    #[error("{}", id_length_message(*found))]
    Length { found: usize },
    /// The first character that is not allowed at its position (1-based): positions 1–17 must be
    /// digits, position 1 must not be 0, position 18 must be a digit or X.
    #[error("{}", id_bad_char_message(*position, *ch))]
    BadChar { position: usize, ch: char },
    /// Positions 7–14 are not a real date between 1900-01-01 and 2100-12-31.
    #[error(
        "身份证号码第7至14位的出生日期无效：应为真实存在的日期，按“年年年年月月日日”书写（如19491231），\
         年份在1900至2100之间，请核对后重新输入"
    )]
    BadDate,
    /// The check character (position 18) does not match the first 17 digits.
    #[error(
        "身份证号码第18位校验码错误：按前17位计算应为“{expected}”，实际为“{found}”。\
         请对照证件逐位核对整个号码，可能有数字输错或前后颠倒"
    )]
    BadChecksum { expected: char, found: char },
}

fn id_length_message(found: usize) -> String {
    if found == OLD_ID_LEN {
        "身份证号码为15位，这是已停止使用的第一代身份证号码：请改为输入18位居民身份证号码"
            .to_owned()
    } else {
        format!("身份证号码长度不正确：当前为{found}位，应为18位，请核对后重新输入")
    }
}

fn id_bad_char_message(position: usize, ch: char) -> String {
    if position == ID_LEN {
        format!("身份证号码第18位“{ch}”无效：最后一位校验码只能是数字0-9或字母X，请核对后重新输入")
    } else if position == 1 && ch == '0' {
        "身份证号码第1位不能是0：前6位是户籍所在地的行政区划代码，请核对后重新输入".to_owned()
    } else {
        format!("身份证号码第{position}位“{ch}”无效：前17位只能是数字，请核对后重新输入")
    }
}

/// A validated 18-character resident identity number (居民身份证号码), upper-case `X` if any.
///
/// Deserialising validates too, so a stored value that is not a valid number is an error.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResidentId(String);

impl ResidentId {
    /// Validates `input` after [`normalise`]: length, characters, region code, birth date and the
    /// mod 11-2 check character, in that order; the first problem found is returned.
    pub fn parse(input: &str) -> Result<ResidentId, IdError> {
        let s = normalise(input);
        let chars: Vec<char> = s.chars().collect();
        if chars.is_empty() {
            return Err(IdError::Empty);
        }
        if chars.len() != ID_LEN {
            return Err(IdError::Length { found: chars.len() });
        }
        for (i, &ch) in chars.iter().enumerate() {
            let ok = match i {
                0 => matches!(ch, '1'..='9'),
                17 => ch.is_ascii_digit() || ch == 'X',
                _ => ch.is_ascii_digit(),
            };
            if !ok {
                return Err(IdError::BadChar {
                    position: i + 1,
                    ch,
                });
            }
        }
        // From here on the string is ASCII.
        let bytes = s.as_bytes();
        let year = decimal(&bytes[6..10]);
        let month = decimal(&bytes[10..12]);
        let day = decimal(&bytes[12..14]);
        if !is_real_date(year, month, day) {
            return Err(IdError::BadDate);
        }
        let expected = id_check_char(&bytes[..17]);
        let found = chars[17];
        if expected != found {
            return Err(IdError::BadChecksum { expected, found });
        }
        Ok(ResidentId(s))
    }

    /// The check character (position 18) due for `first17`, the first 17 digits of a number;
    /// `None` unless they are 17 ASCII digits. For building valid numbers (demo, fixtures).
    pub fn check_char(first17: &str) -> Option<char> {
        let digits = first17.as_bytes();
        (digits.len() == 17 && digits.iter().all(u8::is_ascii_digit)).then(|| id_check_char(digits))
    }

    /// The normalised 18 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Date of birth (year, month, day) from positions 7–14.
    pub fn birth_date(&self) -> (i32, u32, u32) {
        let b = self.0.as_bytes();
        // The year is 1900..=2100, so it always fits.
        let year = i32::try_from(decimal(&b[6..10])).unwrap_or(i32::MAX);
        (year, decimal(&b[10..12]), decimal(&b[12..14]))
    }

    /// Position 17 (the sequence number's last digit) is odd for men and even for women.
    pub fn is_male(&self) -> bool {
        decimal(&self.0.as_bytes()[16..17]) % 2 == 1
    }

    /// The first 6 and the last 4 characters with the 8 in between starred out, e.g.
    /// `220122********1234`, for lists and printouts that must not show the whole number.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

impl TryFrom<String> for ResidentId {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ResidentId::parse(&value)
    }
}

impl From<ResidentId> for String {
    fn from(value: ResidentId) -> String {
        value.0
    }
}

/// Check character for the first 17 digits (ASCII digits, already validated).
fn id_check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    ID_CHECK_CHARS[(sum % 11) as usize]
}

/// Value of a run of ASCII digits (already validated).
fn decimal(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |acc, &d| acc * 10 + u32::from(d - b'0'))
}

fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Whether (year, month, day) is a calendar date with a year in 1900..=2100.
fn is_real_date(year: u32, month: u32, day: u32) -> bool {
    if !(1900..=2100).contains(&year) {
        return false;
    }
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::test_support::*;
    use proptest::prelude::*;

    // ----- resident identity number -----

    #[test]
    fn known_valid_ids() {
        // The worked example of GB 11643-1999.
        assert_eq!(
            ResidentId::parse("11010519491231002X").unwrap().as_str(),
            "11010519491231002X"
        );
        let built = valid_id("11010519491231002");
        assert_eq!(built, "11010519491231002X");
        let id = ResidentId::parse(&built).unwrap();
        assert_eq!(id.birth_date(), (1949, 12, 31));
        assert!(!id.is_male());
        assert_eq!(id.masked(), "110105********002X");
        let man = ResidentId::parse(&valid_id("44052420000229001")).unwrap();
        assert!(man.is_male());
        assert_eq!(man.birth_date(), (2000, 2, 29));
        // The standard's other example is born in 1880: checksum right, but outside 1900..=2100.
        assert_eq!(id_check("44052418800101001"), '4');
        assert_eq!(
            ResidentId::parse("440524188001010014"),
            Err(IdError::BadDate)
        );
    }

    #[test]
    fn check_char_wants_seventeen_digits() {
        assert_eq!(ResidentId::check_char("11010519491231002"), Some('X'));
        assert_eq!(ResidentId::check_char("1101051949123100"), None);
        assert_eq!(ResidentId::check_char("110105194912310021"), None);
        assert_eq!(ResidentId::check_char("1101051949123100X"), None);
        assert_eq!(
            ResidentId::check_char("１１０１０５１９４９１２３１００２"),
            None
        );
    }

    #[test]
    fn masked_keeps_first_six_and_last_four() {
        let id = ResidentId::parse(&valid_id("22012219800101123")).unwrap();
        let m = id.masked();
        assert_eq!(m.chars().count(), 18);
        assert!(m.starts_with("220122********1"));
        assert_eq!(&m[14..], &id.as_str()[14..]);
    }

    #[test]
    fn full_width_lower_case_and_separators_accepted() {
        let s = "11010519491231002X";
        let expected = ResidentId::parse(s).unwrap();
        assert_eq!(ResidentId::parse(&to_full_width(s)).unwrap(), expected);
        assert_eq!(ResidentId::parse("11010519491231002x").unwrap(), expected);
        assert_eq!(
            ResidentId::parse("１１０１０５１９４９１２３１００２ｘ").unwrap(),
            expected
        );
        assert_eq!(
            ResidentId::parse(" 110105 19491231 002-X\u{3000}").unwrap(),
            expected
        );
        assert_eq!(expected.as_str(), s);
    }

    #[test]
    fn id_errors() {
        assert_eq!(ResidentId::parse(""), Err(IdError::Empty));
        assert_eq!(ResidentId::parse(" -\u{3000}"), Err(IdError::Empty));
        assert_eq!(
            ResidentId::parse("1101051949123100"),
            Err(IdError::Length { found: 16 })
        );
        assert_eq!(
            ResidentId::parse("110105491231002"),
            Err(IdError::Length { found: 15 })
        );
        // Chinese characters count as one character each.
        assert_eq!(
            ResidentId::parse("身份证11010519491231"),
            Err(IdError::Length { found: 17 })
        );
        // The first bad character is reported.
        assert_eq!(
            ResidentId::parse("1101A5194912B1002X"),
            Err(IdError::BadChar {
                position: 5,
                ch: 'A'
            })
        );
        assert_eq!(
            ResidentId::parse("11010519491231002Y"),
            Err(IdError::BadChar {
                position: 18,
                ch: 'Y'
            })
        );
        assert_eq!(
            ResidentId::parse("1101051949123100X2"),
            Err(IdError::BadChar {
                position: 17,
                ch: 'X'
            })
        );
        assert_eq!(
            ResidentId::parse("01010519491231002X"),
            Err(IdError::BadChar {
                position: 1,
                ch: '0'
            })
        );
        assert_eq!(
            ResidentId::parse("11010519491231中02X"),
            Err(IdError::BadChar {
                position: 15,
                ch: '中'
            })
        );
        // Dates: built with a correct check digit so that only the date is wrong.
        for bad in [
            "11010518991231002", // 1899
            "11010521010101002", // 2101
            "11010519490001002", // month 0
            "11010519491301002", // month 13
            "11010519490100002", // day 0
            "11010519490132002", // Jan 32
            "11010519490431002", // Apr 31
            "11010519000229002", // 1900 not leap
            "11010520230229002", // 2023 not leap
        ] {
            assert_eq!(
                ResidentId::parse(&valid_id(bad)),
                Err(IdError::BadDate),
                "{bad}"
            );
        }
        for good in [
            "11010520000229002",
            "11010519960229002",
            "11010521001231002",
        ] {
            assert!(ResidentId::parse(&valid_id(good)).is_ok(), "{good}");
        }
        assert_eq!(
            ResidentId::parse("110105194912310021"),
            Err(IdError::BadChecksum {
                expected: 'X',
                found: '1'
            })
        );
    }

    #[test]
    fn id_messages_are_chinese_and_name_positions() {
        let msg = |e: IdError| e.to_string();
        assert!(msg(IdError::Empty).contains("18位"));
        let len = msg(IdError::Length { found: 16 });
        assert!(len.contains("16位") && len.contains("18位"), "{len}");
        let old = msg(IdError::Length { found: 15 });
        assert!(
            old.contains("15位") && old.contains("18位") && old.contains("第一代"),
            "{old}"
        );
        assert!(msg(IdError::BadChar {
            position: 5,
            ch: 'A'
        })
        .contains("第5位“A”"));
        assert!(msg(IdError::BadChar {
            position: 18,
            ch: 'Y'
        })
        .contains("第18位“Y”"));
        assert!(msg(IdError::BadChar {
            position: 1,
            ch: '0'
        })
        .contains("第1位不能是0"));
        assert!(msg(IdError::BadDate).contains("第7至14位"));
        let sum = msg(IdError::BadChecksum {
            expected: 'X',
            found: '1',
        });
        assert!(
            sum.contains("第18位") && sum.contains("“X”") && sum.contains("“1”"),
            "{sum}"
        );
    }

    #[test]
    fn id_serde_validates() {
        use serde::de::value::{Error, StringDeserializer};
        use serde::Deserialize;
        let ok = ResidentId::deserialize(StringDeserializer::<Error>::new(
            "11010519491231002x".to_owned(),
        ));
        assert_eq!(ok.unwrap().as_str(), "11010519491231002X");
        let bad = ResidentId::deserialize(StringDeserializer::<Error>::new(
            "110105194912310021".to_owned(),
        ));
        assert!(bad.unwrap_err().to_string().contains("校验码"));
        let id = ResidentId::parse("11010519491231002X").unwrap();
        assert_eq!(String::from(id.clone()), "11010519491231002X");
    }

    proptest! {
        #[test]
        fn valid_ids_parse(id in arb_id(), noise in proptest::collection::vec(any::<u8>(), 18)) {
            let parsed = ResidentId::parse(&id).unwrap();
            prop_assert_eq!(parsed.as_str(), id.as_str());
            prop_assert_eq!(ResidentId::parse(&disguise(&id, &noise)), Ok(parsed.clone()));
            prop_assert_eq!(ResidentId::check_char(&id[..17]), id.chars().last());
            let (y, m, d) = parsed.birth_date();
            prop_assert_eq!(format!("{y:04}{m:02}{d:02}"), &id[6..14]);
            prop_assert_eq!(parsed.is_male(), (id.as_bytes()[16] - b'0') % 2 == 1);
            let masked = parsed.masked();
            prop_assert_eq!(&masked[..6], &id[..6]);
            prop_assert_eq!(&masked[6..14], "********");
            prop_assert_eq!(&masked[14..], &id[14..]);
        }

        #[test]
        fn id_single_substitution_detected(id in arb_id()) {
            for index in 0..18 {
                for c in "0123456789X".chars() {
                    if id.chars().nth(index) == Some(c) {
                        continue;
                    }
                    let changed = replace_at(&id, index, c);
                    prop_assert!(ResidentId::parse(&changed).is_err(), "{} accepted", changed);
                }
            }
        }

        #[test]
        fn id_adjacent_transposition_detected(id in arb_id(), index in 0usize..16) {
            let mut chars: Vec<char> = id.chars().collect();
            prop_assume!(chars[index] != chars[index + 1]);
            chars.swap(index, index + 1);
            let swapped: String = chars.into_iter().collect();
            prop_assert!(ResidentId::parse(&swapped).is_err(), "{} accepted", swapped);
        }
    }
}
