//! Identity numbers of the people and organisations a case is about.
//!
//! * 居民身份证号码 (resident identity number, GB 11643-1999): [`ResidentId`].
//! * 统一社会信用代码 (unified social credit code, GB 32100-2015): [`CreditCode`].
//! * Mobile and landline phone numbers: [`parse_phone`], [`mask_phone`].
//!
//! Everything here is pure: values in, values (or typed errors) out. Input is first passed
//! through [`normalise`], so numbers copied from Word documents, typed with a full-width IME or
//! split into groups with spaces and hyphens are accepted. Character positions in error messages
//! are 1-based and count characters of the normalised number (separators do not count), which is
//! how a user reads a number off an ID card or a business licence.

/// Full-width digits/letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII, lower-case letters → upper-case, spaces
/// (ASCII and U+3000) and hyphens removed.
///
/// "Spaces" covers every Unicode white-space character (tabs, line breaks, U+00A0 and U+3000
/// included) and the zero-width characters that pasting from documents leaves behind; "hyphens"
/// covers `-`, full-width `－`, U+2010–U+2015 dashes and the minus sign `−`. Any other character
/// is kept as it is, so that validation can point at it. The function is idempotent.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .map(fold_full_width)
        .filter(|&c| !is_separator(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Full-width digits and Latin letters → ASCII; any other character unchanged.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Characters [`normalise`] drops: white space, zero-width characters and hyphen-like dashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{FF0D}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{FE63}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

// ---------------------------------------------------------------------------------------------
// 居民身份证号码 (GB 11643-1999)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

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
        .map(|&c| {
            let c = match fold_full_width(c) {
                '＋' => '+',
                '（' => '(',
                '）' => ')',
                '，' => ',',
                '＃' => '#',
                '：' => ':',
                '．' => '.',
                c => c,
            };
            c.to_ascii_uppercase()
        })
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

    // ----- independent reference implementations, used to build valid numbers -----

    /// GB 11643 check character, computed as (12 - sum mod 11) mod 11 with weights 2^(18-i)
    /// mod 11, independently of the lookup table in the module.
    fn id_check(first17: &str) -> char {
        assert_eq!(first17.len(), 17);
        let sum: u32 = first17
            .chars()
            .enumerate()
            .map(|(i, c)| c.to_digit(10).unwrap() * (2u32.pow(17 - i as u32) % 11))
            .sum();
        match (12 - sum % 11) % 11 {
            10 => 'X',
            v => char::from_digit(v, 10).unwrap(),
        }
    }

    fn valid_id(first17: &str) -> String {
        format!("{first17}{}", id_check(first17))
    }

    const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// GB 32100 check character with weights 3^(i-1) mod 31, independently of the module.
    fn credit_check(first17: &str) -> char {
        assert_eq!(first17.chars().count(), 17);
        let mut weight = 1u32;
        let mut sum = 0u32;
        for c in first17.chars() {
            sum += CHARSET.find(c).unwrap() as u32 * weight;
            weight = weight * 3 % 31;
        }
        CHARSET
            .chars()
            .nth(((31 - sum % 31) % 31) as usize)
            .unwrap()
    }

    fn valid_credit(first17: &str) -> String {
        format!("{first17}{}", credit_check(first17))
    }

    fn replace_at(s: &str, index: usize, ch: char) -> String {
        s.chars()
            .enumerate()
            .map(|(i, c)| if i == index { ch } else { c })
            .collect()
    }

    fn to_full_width(s: &str) -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    char::from_u32(c as u32 + 0xFEE0).unwrap()
                } else {
                    c
                }
            })
            .collect()
    }

    // ----- normalise -----

    #[test]
    fn normalise_folds_width_case_and_separators() {
        assert_eq!(normalise("１１０１　０５-ａｂＣx y\t－"), "110105ABCXY");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("中文"), "中文");
        assert_eq!(normalise("\u{FEFF}12\u{200B}3\u{00A0}4—5"), "12345");
    }

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

    // ----- properties -----

    fn days_in_month(year: u32, month: u32) -> u32 {
        match month {
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Valid-by-construction resident identity numbers.
    fn arb_id() -> impl Strategy<Value = String> {
        (
            1u32..=9,
            0u32..100_000,
            1900u32..=2100,
            1u32..=12,
            1u32..=31,
            0u32..1000,
        )
            .prop_map(|(first, region, year, month, day, seq)| {
                let day = (day - 1) % days_in_month(year, month) + 1;
                valid_id(&format!(
                    "{first}{region:05}{year:04}{month:02}{day:02}{seq:03}"
                ))
            })
    }

    fn charset_char() -> impl Strategy<Value = char> {
        proptest::sample::select(CHARSET.chars().collect::<Vec<_>>())
    }

    /// Valid-by-construction credit codes.
    fn arb_credit() -> impl Strategy<Value = String> {
        (
            proptest::sample::select("123456789ANY".chars().collect::<Vec<_>>()),
            charset_char(),
            0u32..1_000_000,
            proptest::collection::vec(charset_char(), 9),
        )
            .prop_map(|(authority, kind, division, org)| {
                let org: String = org.into_iter().collect();
                valid_credit(&format!("{authority}{kind}{division:06}{org}"))
            })
    }

    /// Inserts separators and switches some characters to full width / lower case.
    fn disguise(s: &str, noise: &[u8]) -> String {
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            let n = noise.get(i).copied().unwrap_or(0);
            let c = match n % 4 {
                1 => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                2 => c.to_ascii_lowercase(),
                3 => char::from_u32(c.to_ascii_lowercase() as u32 + 0xFEE0).unwrap(),
                _ => c,
            };
            out.push(c);
            match n / 4 % 8 {
                1 => out.push(' '),
                2 => out.push('-'),
                3 => out.push('\u{3000}'),
                _ => {}
            }
        }
        out
    }

    const MESSY: &str = "[0-9０-９a-zA-Zａ-ｚＡ-Ｚ \u{3000}\\-－中.]{0,24}";

    proptest! {
        #[test]
        fn valid_ids_parse(id in arb_id(), noise in proptest::collection::vec(any::<u8>(), 18)) {
            let parsed = ResidentId::parse(&id).unwrap();
            prop_assert_eq!(parsed.as_str(), id.as_str());
            prop_assert_eq!(ResidentId::parse(&disguise(&id, &noise)), Ok(parsed.clone()));
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

        #[test]
        fn valid_credit_codes_parse(code in arb_credit(), noise in proptest::collection::vec(any::<u8>(), 18)) {
            let parsed = CreditCode::parse(&code).unwrap();
            prop_assert_eq!(parsed.as_str(), code.as_str());
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

        #[test]
        fn parse_of_normalised_is_parse(s in MESSY) {
            prop_assert_eq!(ResidentId::parse(&normalise(&s)), ResidentId::parse(&s));
            prop_assert_eq!(CreditCode::parse(&normalise(&s)), CreditCode::parse(&s));
            prop_assert_eq!(normalise(&normalise(&s)), normalise(&s));
        }

        #[test]
        fn parse_of_normalised_is_parse_near_valid(id in arb_id(), code in arb_credit(),
                noise in proptest::collection::vec(any::<u8>(), 18), index in 0usize..18, c in "[0-9A-Zａ-ｚ中 ]") {
            for valid in [&id, &code] {
                let s = disguise(&replace_at(valid, index, c.chars().next().unwrap()), &noise);
                prop_assert_eq!(ResidentId::parse(&normalise(&s)), ResidentId::parse(&s));
                prop_assert_eq!(CreditCode::parse(&normalise(&s)), CreditCode::parse(&s));
            }
        }

        #[test]
        fn parse_of_arbitrary_text_never_panics(s in "\\PC{0,30}") {
            let _ = ResidentId::parse(&s);
            let _ = CreditCode::parse(&s);
            let _ = parse_phone(&s);
            let _ = mask_phone(&s);
        }

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
