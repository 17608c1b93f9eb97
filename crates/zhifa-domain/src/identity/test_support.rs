//! Numbers built independently of the module (reference implementations), for its tests.

use proptest::prelude::*;

// ----- independent reference implementations, used to build valid numbers -----

/// GB 11643 check character, computed as (12 - sum mod 11) mod 11 with weights 2^(18-i)
/// mod 11, independently of the lookup table in the module.
pub(crate) fn id_check(first17: &str) -> char {
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

pub(crate) fn valid_id(first17: &str) -> String {
    format!("{first17}{}", id_check(first17))
}

pub(crate) const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100 check character with weights 3^(i-1) mod 31, independently of the module.
pub(crate) fn credit_check(first17: &str) -> char {
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

pub(crate) fn valid_credit(first17: &str) -> String {
    format!("{first17}{}", credit_check(first17))
}

pub(crate) fn replace_at(s: &str, index: usize, ch: char) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| if i == index { ch } else { c })
        .collect()
}

pub(crate) fn to_full_width(s: &str) -> String {
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

// ----- properties -----

pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Valid-by-construction resident identity numbers.
pub(crate) fn arb_id() -> impl Strategy<Value = String> {
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

pub(crate) fn charset_char() -> impl Strategy<Value = char> {
    proptest::sample::select(CHARSET.chars().collect::<Vec<_>>())
}

/// Valid-by-construction credit codes.
pub(crate) fn arb_credit() -> impl Strategy<Value = String> {
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
pub(crate) fn disguise(s: &str, noise: &[u8]) -> String {
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

pub(crate) const MESSY: &str = "[0-9０-９a-zA-Zａ-ｚＡ-Ｚ \u{3000}\\-－中.]{0,24}";
