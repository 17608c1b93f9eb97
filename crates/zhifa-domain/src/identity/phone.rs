//! Mobile and landline phone numbers: parsing to one written form, and masking.

use super::is_separator;
use crate::chinese::fold_full_width;

/// Why a phone number was rejected. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing was entered (or only spaces and separators).
    #[error("电话号码为空：请输入11位手机号码，或带区号的固定电话号码（如0431-88888888）")]
    Empty,
    /// A character that cannot appear in a phone number; `position` is 1-based in the input as
    /// typed (separators included).
    #[error(
        "电话号码第{position}个字符“{ch}”无效：只能填写数字，区号、号码、分机号之间可用“-”、空格或“转”分隔，请删除或改正后重新输入"
    )]
    BadChar { position: usize, ch: char },
    /// Starts with 1 but is not 11 digits long.
    #[error("手机号码位数不正确：当前为{found}位，应为11位，请核对后重新输入")]
    MobileLength { found: usize },
    /// 11 digits starting with 1, but the second digit is not 3–9.
    #[error("手机号码第2位“{ch}”无效：手机号码应以13至19开头，请核对后重新输入")]
    MobilePrefix { ch: char },
    /// An extension was given for a mobile number.
    #[error("手机号码不能带分机号：请删除分机号部分后重新输入")]
    ExtensionOnMobile,
    /// The landline area code is not 010, 02x or 0xxx (x ≠ 0 after the leading 0).
    #[error(
        "固定电话区号“{area}”无效：区号以0开头，北京为010，02开头的为3位（如021），其他为4位（如0431），请核对后重新输入"
    )]
    AreaCode { area: String },
    /// The landline number after the area code is not 7 or 8 digits long.
    #[error(
        "固定电话号码位数不正确：区号“{area}”之后为{found}位，应为7或8位；如有分机号，请用“转”隔开（如0431-88888888转123）"
    )]
    LandlineLength { area: String, found: usize },
    /// 7 or 8 digits not starting with 0: a local landline number without its area code.
    #[error("固定电话缺少区号：请在号码前加上区号（如0431-88888888）")]
    MissingAreaCode,
    /// The extension is not 1–6 digits.
    #[error("分机号无效：分机号应为1至6位数字（如0431-88888888转123），请核对后重新输入")]
    Extension,
    /// Neither a mainland mobile nor a landline number.
    #[error(
        "无法识别的电话号码：手机号码应为1开头的11位数字，固定电话应为区号（0开头）加7至8位号码；仅支持中国大陆号码，请核对后重新输入"
    )]
    Unrecognised,
}

/// A mobile (11 digits starting with 1[3-9]) or landline (area code 0xx/0xxx + 7-8 digits,
/// optional extension) phone, normalised; returns the normalised string or a Chinese error.
///
/// Accepted input: full-width digits, spaces, hyphens, dots and brackets as separators, a leading
/// `+86`/`0086` (also in front of a landline written without its leading 0, `+86 10 …`), and an
/// extension after `转`, `分机`, `分机号`, `ext`, `x`, `#` or `,`. A landline written as
/// `0431-8888888-123` takes the last group as the extension when the digits together are too
/// long for a landline, or when the group before it is a complete 7- or 8-digit local number.
///
/// Output: mobile `13812345678`; landline `0431-88888888`; with extension `0431-88888888转123`.
/// The area code is 3 digits for 010 and 02x and 4 digits otherwise. Parsing the output again
/// gives the same output.
pub fn parse_phone(input: &str) -> Result<String, PhoneError> {
    let scanned = scan_phone(input)?;
    let all: String = scanned.groups.concat();
    if all.is_empty() {
        return Err(if scanned.saw_content {
            PhoneError::Unrecognised
        } else {
            PhoneError::Empty
        });
    }
    // A last group of 1-6 digits after the main number may be an extension written with a
    // hyphen or a space instead of "转".
    let split = match (&scanned.extension, scanned.groups.as_slice()) {
        (None, [head @ .., local, last]) if (1..=6).contains(&last.len()) => {
            let head = format!("{}{local}", head.concat());
            Some((head, local.as_str(), last.as_str()))
        }
        _ => None,
    };
    // "0431 8888888 1": the local number stands in a group of its own, so the group after it is
    // the extension.
    if let Some((head, local, last)) = &split {
        if (7..=8).contains(&local.len()) {
            if let Ok(phone) = classify_phone(head, scanned.plus, Some(last)) {
                if landline_local_part(&phone) == Some(*local) {
                    return Ok(phone);
                }
            }
        }
    }
    let result = classify_phone(&all, scanned.plus, scanned.extension.as_deref());
    // "04318888888-123": the digits together are too long for a landline.
    if let (Err(PhoneError::LandlineLength { .. }), Some((head, _, last))) = (&result, &split) {
        if let Ok(phone) = classify_phone(head, scanned.plus, Some(last)) {
            return Ok(phone);
        }
    }
    result
}

/// The local number of a normalised landline ("0431-88888888转1" → "88888888").
fn landline_local_part(phone: &str) -> Option<&str> {
    let (_, rest) = phone.split_once('-')?;
    Some(rest.split_once('转').map_or(rest, |(local, _)| local))
}

/// Masks a phone number for display: mobile `138****5678`, landline `0431-****8888` (area code
/// and last 4 digits kept, extension kept). Input that [`parse_phone`] rejects gets every digit
/// but the last 4 starred out (all digits if there are no more than 4).
pub fn mask_phone(phone: &str) -> String {
    match parse_phone(phone) {
        Ok(p) if !p.starts_with('0') => format!("{}****{}", &p[..3], &p[7..]),
        Ok(p) => {
            let (area, rest) = p.split_once('-').unwrap_or(("", p.as_str()));
            let (local, extension) = match rest.split_once('转') {
                Some((local, ext)) => (local, Some(ext)),
                None => (rest, None),
            };
            let keep = local.len().saturating_sub(4);
            let mut out = format!("{area}-{}{}", "*".repeat(keep), &local[keep..]);
            if let Some(ext) = extension {
                out.push('转');
                out.push_str(ext);
            }
            out
        }
        Err(_) => {
            let digits = phone
                .chars()
                .filter(|c| fold_full_width(*c).is_ascii_digit())
                .count();
            let hide = if digits <= 4 { digits } else { digits - 4 };
            let mut seen = 0;
            phone
                .chars()
                .map(|c| {
                    if fold_full_width(c).is_ascii_digit() {
                        seen += 1;
                        if seen <= hide {
                            return '*';
                        }
                    }
                    c
                })
                .collect()
        }
    }
}

/// A phone number split into digit groups, before any meaning is given to the digits.
struct ScannedPhone {
    /// Runs of digits of the main number, in order, as separated in the input.
    groups: Vec<String>,
    /// Digits after an extension marker, if there was one.
    extension: Option<String>,
    /// A leading `+`.
    plus: bool,
    /// Anything other than separators was seen.
    saw_content: bool,
}

/// Extension markers, matched on upper-cased ASCII, longest first.
const EXTENSION_MARKERS: [&str; 8] = ["分机号", "分机", "转", "EXT.", "EXT", "X", "#", ","];

fn scan_phone(input: &str) -> Result<ScannedPhone, PhoneError> {
    let original: Vec<char> = input.chars().collect();
    let chars: Vec<char> = original
        .iter()
        .map(|&c| fold_full_width(c).to_ascii_uppercase())
        .collect();
    let mut scanned = ScannedPhone {
        groups: Vec::new(),
        extension: None,
        plus: false,
        saw_content: false,
    };
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let bad = || PhoneError::BadChar {
            position: i + 1,
            ch: original[i],
        };
        if c.is_ascii_digit() {
            scanned.saw_content = true;
            match scanned.extension.as_mut() {
                Some(ext) => ext.push(c),
                None => current.push(c),
            }
        } else if is_separator(c) || matches!(c, '(' | ')' | '.') {
            if !current.is_empty() {
                scanned.groups.push(std::mem::take(&mut current));
            }
        } else if c == ':' && scanned.extension.is_some() {
            // "分机：123"
        } else if c == '+' {
            if scanned.saw_content {
                return Err(bad());
            }
            scanned.saw_content = true;
            scanned.plus = true;
        } else {
            let rest: String = chars[i..].iter().collect();
            let marker = EXTENSION_MARKERS.iter().find(|m| rest.starts_with(*m));
            match marker {
                Some(m) if scanned.extension.is_none() => {
                    scanned.saw_content = true;
                    scanned.extension = Some(String::new());
                    i += m.chars().count();
                    continue;
                }
                _ => return Err(bad()),
            }
        }
        i += 1;
    }
    if !current.is_empty() {
        scanned.groups.push(current);
    }
    Ok(scanned)
}

/// Gives meaning to the digits of the main number (separators removed) and the extension.
fn classify_phone(digits: &str, plus: bool, extension: Option<&str>) -> Result<String, PhoneError> {
    // Country code: "+86…", "0086…", or "86" in front of an 11-digit mobile number.
    let (national, international) = if let Some(rest) = digits.strip_prefix("0086") {
        (rest, true)
    } else if plus {
        match digits.strip_prefix("86") {
            Some(rest) => (rest, true),
            None => return Err(PhoneError::Unrecognised),
        }
    } else {
        match digits.strip_prefix("86") {
            Some(rest) if rest.len() == 11 && is_mobile_prefix(rest) => (rest, true),
            _ => (digits, false),
        }
    };
    // In international form a landline drops the 0 of its area code: "+86 10 12345678".
    let national = if international && !national.starts_with('0') && !is_mobile_prefix(national) {
        format!("0{national}")
    } else {
        national.to_owned()
    };
    let bytes = national.as_bytes();
    match bytes.first() {
        None => Err(PhoneError::Unrecognised),
        Some(b'1') => {
            if national.len() != 11 {
                return Err(PhoneError::MobileLength {
                    found: national.len(),
                });
            }
            if !is_mobile_prefix(&national) {
                return Err(PhoneError::MobilePrefix {
                    ch: char::from(bytes[1]),
                });
            }
            if extension.is_some() {
                return Err(PhoneError::ExtensionOnMobile);
            }
            Ok(national)
        }
        Some(b'0') => {
            let area_len = match bytes.get(1) {
                Some(b'1' | b'2') => 3,
                _ => 4,
            };
            let area = &national[..area_len.min(national.len())];
            let area_ok = area.len() == area_len
                && match bytes[1] {
                    b'1' => bytes[2] == b'0',
                    b'0' => false,
                    _ => true,
                };
            if !area_ok {
                return Err(PhoneError::AreaCode {
                    area: area.to_owned(),
                });
            }
            let local = &national[area_len..];
            if !(7..=8).contains(&local.len()) {
                return Err(PhoneError::LandlineLength {
                    area: area.to_owned(),
                    found: local.len(),
                });
            }
            let mut out = format!("{area}-{local}");
            if let Some(ext) = extension {
                if !(1..=6).contains(&ext.len()) {
                    return Err(PhoneError::Extension);
                }
                out.push('转');
                out.push_str(ext);
            }
            Ok(out)
        }
        Some(_) if (7..=8).contains(&national.len()) => Err(PhoneError::MissingAreaCode),
        Some(_) => Err(PhoneError::Unrecognised),
    }
}

/// Starts with 1 followed by 3–9.
fn is_mobile_prefix(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() >= 2 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // ----- phones -----

    #[test]
    fn mobiles() {
        for s in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "0086 13812345678",
            "8613812345678",
            "１３８１２３４５６７８",
            "(+86)138-1234-5678",
        ] {
            assert_eq!(parse_phone(s).as_deref(), Ok("13812345678"), "{s}");
        }
        assert_eq!(parse_phone("19912345678").as_deref(), Ok("19912345678"));
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("+86 138-1234-5678"), "138****5678");
    }

    #[test]
    fn landlines() {
        let cases = [
            ("0431-88888888", "0431-88888888"),
            ("0431 8888888", "0431-8888888"),
            ("043188888888", "0431-88888888"),
            ("(0431)88888888", "0431-88888888"),
            ("（０４３１）８８８８８８８８", "0431-88888888"),
            ("010-12345678", "010-12345678"),
            ("01012345678", "010-12345678"),
            ("021 2345 6789", "021-23456789"),
            ("+86 10 12345678", "010-12345678"),
            ("+86-431-88888888", "0431-88888888"),
            ("0431-88888888转123", "0431-88888888转123"),
            ("0431-88888888 分机：123", "0431-88888888转123"),
            ("0431-88888888 ext. 123", "0431-88888888转123"),
            ("0431-88888888x123", "0431-88888888转123"),
            ("0431-88888888#123", "0431-88888888转123"),
            ("0431-88888888-123", "0431-88888888转123"),
            ("0431-8888888-1", "0431-8888888转1"),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_phone(input).as_deref(), Ok(expected), "{input}");
        }
        assert_eq!(mask_phone("0431-88888888"), "0431-****8888");
        assert_eq!(mask_phone("010 1234567"), "010-***4567");
        assert_eq!(mask_phone("0431-88888888转123"), "0431-****8888转123");
    }

    #[test]
    fn phone_errors() {
        assert_eq!(parse_phone(""), Err(PhoneError::Empty));
        assert_eq!(parse_phone(" - "), Err(PhoneError::Empty));
        assert_eq!(
            parse_phone("138l2345678"),
            Err(PhoneError::BadChar {
                position: 4,
                ch: 'l'
            })
        );
        assert_eq!(
            parse_phone("138+12345678"),
            Err(PhoneError::BadChar {
                position: 4,
                ch: '+'
            })
        );
        assert_eq!(
            parse_phone("0431-8888转12转3"),
            Err(PhoneError::BadChar {
                position: 13,
                ch: '转'
            })
        );
        assert_eq!(
            parse_phone("1381234567"),
            Err(PhoneError::MobileLength { found: 10 })
        );
        assert_eq!(
            parse_phone("12812345678"),
            Err(PhoneError::MobilePrefix { ch: '2' })
        );
        assert_eq!(
            parse_phone("13812345678转1"),
            Err(PhoneError::ExtensionOnMobile)
        );
        assert_eq!(
            parse_phone("00431-8888888"),
            Err(PhoneError::AreaCode {
                area: "0043".into()
            })
        );
        assert_eq!(
            parse_phone("011-12345678"),
            Err(PhoneError::AreaCode { area: "011".into() })
        );
        assert_eq!(
            parse_phone("0431-888888"),
            Err(PhoneError::LandlineLength {
                area: "0431".into(),
                found: 6
            })
        );
        assert_eq!(
            parse_phone("0431-888888888"),
            Err(PhoneError::LandlineLength {
                area: "0431".into(),
                found: 9
            })
        );
        assert_eq!(parse_phone("8888888"), Err(PhoneError::MissingAreaCode));
        assert_eq!(parse_phone("0431-88888888转"), Err(PhoneError::Extension));
        assert_eq!(
            parse_phone("0431-88888888转1234567"),
            Err(PhoneError::Extension)
        );
        assert_eq!(
            parse_phone("+1 415 555 0100"),
            Err(PhoneError::Unrecognised)
        );
        assert_eq!(parse_phone("+"), Err(PhoneError::Unrecognised));
        assert_eq!(
            parse_phone("123"),
            Err(PhoneError::MobileLength { found: 3 })
        );
        assert_eq!(parse_phone("5555"), Err(PhoneError::Unrecognised));
    }

    #[test]
    fn phone_messages() {
        let m = PhoneError::BadChar {
            position: 4,
            ch: 'l',
        }
        .to_string();
        assert!(m.contains("第4个字符“l”"), "{m}");
        assert!(PhoneError::MobileLength { found: 10 }
            .to_string()
            .contains("10位"));
        assert!(PhoneError::MobilePrefix { ch: '2' }
            .to_string()
            .contains("第2位“2”"));
        let m = PhoneError::LandlineLength {
            area: "0431".into(),
            found: 6,
        }
        .to_string();
        assert!(m.contains("0431") && m.contains("6位"), "{m}");
        for e in [
            PhoneError::Empty,
            PhoneError::ExtensionOnMobile,
            PhoneError::AreaCode { area: "011".into() },
            PhoneError::MissingAreaCode,
            PhoneError::Extension,
            PhoneError::Unrecognised,
        ] {
            assert!(e.to_string().contains("请"), "{e}");
        }
    }

    #[test]
    fn mask_phone_fallback() {
        assert_eq!(mask_phone("12345"), "*2345");
        assert_eq!(mask_phone("123-456-789"), "***-**6-789");
        assert_eq!(mask_phone("12"), "**");
        assert_eq!(mask_phone(""), "");
    }

    proptest! {
        #[test]
        fn phone_output_is_a_fixed_point(s in "[+]?[0-9０-９ ()\\-转#x]{0,20}") {
            if let Ok(p) = parse_phone(&s) {
                prop_assert_eq!(parse_phone(&p), Ok(p.clone()));
                prop_assert_eq!(mask_phone(&p), mask_phone(&s));
            }
        }

        #[test]
        fn mobiles_parse_and_mask(second in 3u32..=9, rest in 0u64..1_000_000_000) {
            let mobile = format!("1{second}{rest:09}");
            prop_assert_eq!(parse_phone(&mobile), Ok(mobile.clone()));
            prop_assert_eq!(mask_phone(&mobile), format!("{}****{}", &mobile[..3], &mobile[7..]));
        }

    }
}
