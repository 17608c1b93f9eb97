//! Numbers in free text (案情, 笔录, opinions, audit summaries) recognised and masked:
//! resident IDs, phones and 统一社会信用代码, wherever and however they were typed.

use chrono::NaiveDate;

use crate::chinese::fold_full_width;
use crate::identity::{self, mask_phone, CreditCode, ResidentId};

/// Free text (案情, 笔录, opinions, audit summaries) as it leaves masked: every recognisable
/// resident ID (18 digits with a valid check character, or an old 15-digit number with a real
/// birth date), mobile number (1[3-9] and 11 digits), landline with its area code, and
/// 统一社会信用代码 (valid check character) is masked like the party fields are; digits
/// may be typed full-width or grouped with spaces and hyphens. Anything else (amounts, dates,
/// case numbers, a 7–8 digit number without an area code) is left as it is.
pub fn mask_free_text(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_number_char(chars[i].1) {
            out.push(chars[i].1);
            i += 1;
            continue;
        }
        // A token: letters and digits, with single spaces or hyphens between two digits.
        let mut j = i;
        loop {
            while j < chars.len() && is_number_char(chars[j].1) {
                j += 1;
            }
            let joined = j + 1 < chars.len()
                && matches!(chars[j].1, ' ' | '-' | '－')
                && is_digit(chars[j - 1].1)
                && is_digit(chars[j + 1].1);
            if !joined {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        out.push_str(&mask_token(&text[chars[i].0..end]));
        i = j;
    }
    out
}

fn is_number_char(c: char) -> bool {
    fold_full_width(c).is_ascii_alphanumeric()
}

fn is_digit(c: char) -> bool {
    fold_full_width(c).is_ascii_digit()
}

/// A token masked whole if it is one number; else each of its parts (between separators),
/// and inside a part each run of digits (an ID glued to letters).
fn mask_token(token: &str) -> String {
    if let Some(m) = recognise(token) {
        return m;
    }
    let mut out = String::with_capacity(token.len());
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        out.push_str(&recognise(part).unwrap_or_else(|| mask_digit_runs(part)));
        part.clear();
    };
    for c in token.chars() {
        if is_number_char(c) {
            part.push(c);
        } else {
            flush(&mut part, &mut out);
            out.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

fn mask_digit_runs(part: &str) -> String {
    let chars: Vec<char> = part.chars().collect();
    let mut out = String::with_capacity(part.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_digit(chars[j]) {
            j += 1;
        }
        // An 18-character ID ends in X.
        if j - i == 17 && matches!(chars.get(j), Some('X' | 'x' | 'Ｘ' | 'ｘ')) {
            j += 1;
        }
        let run: String = chars[i..j].iter().collect();
        out.push_str(&recognise(&run).unwrap_or(run));
        i = j;
    }
    out
}

/// One number recognised and masked, or None.
fn recognise(token: &str) -> Option<String> {
    let n = identity::normalise(token);
    let all_digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    match n.len() {
        18 => ResidentId::parse(&n)
            .map(|id| id.masked())
            .ok()
            .or_else(|| CreditCode::parse(&n).ok().map(|_| mask_middle(&n, 6, 4))),
        15 if all_digits && old_id_date(&n) => Some(mask_middle(&n, 6, 3)),
        11 if all_digits && n.starts_with('1') && matches!(n.as_bytes()[1], b'3'..=b'9') => {
            Some(mask_phone(&n))
        }
        10..=12 if all_digits && n.starts_with('0') => identity::parse_phone(token)
            .ok()
            .filter(|p| p.starts_with('0'))
            .map(|p| mask_phone(&p)),
        _ => None,
    }
}

/// An old 15-digit ID: positions 7–12 are a real birth date `YYMMDD` of the 1900s.
fn old_id_date(n: &str) -> bool {
    let d = |r: std::ops::Range<usize>| n[r].parse::<u32>().ok();
    !n.starts_with('0')
        && matches!(
            (d(6..8), d(8..10), d(10..12)),
            (Some(y), Some(m), Some(day)) if NaiveDate::from_ymd_opt(1900 + y as i32, m, day).is_some()
        )
}

/// `keep_start` and `keep_end` characters kept, the rest starred out (ASCII input).
fn mask_middle(n: &str, keep_start: usize, keep_end: usize) -> String {
    let hidden = n.len().saturating_sub(keep_start + keep_end);
    format!(
        "{}{}{}",
        &n[..keep_start],
        "*".repeat(hidden),
        &n[n.len() - keep_end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ID: &str = "220122198001010018";

    #[test]
    fn numbers_in_free_text_are_masked_wherever_typed() {
        let facts = format!(
            "当事人刘某（身份证号{ID}，电话13812345678，座机0431-88881234）\
             受某公司（统一社会信用代码91220122MA0000000D）雇佣，旧证号220122800101001。"
        );
        let m = mask_free_text(&facts);
        for whole in [
            ID,
            "13812345678",
            "0431-88881234",
            "91220122MA0000000D",
            "220122800101001",
        ] {
            assert!(!m.contains(whole), "{whole} left in {m}");
        }
        assert!(m.contains("220122********0018"), "{m}");
        assert!(m.contains("138****5678"), "{m}");
        assert!(m.contains("0431-****1234"), "{m}");
        assert!(m.contains("912201********000D"), "{m}");
        assert!(m.contains("220122******001"), "{m}");
        // Grouped, full-width, glued to letters.
        for typed in [
            "138 1234 5678",
            "138-1234-5678",
            "１３８１２３４５６７８",
            "ID220122198001010018号",
        ] {
            let m = mask_free_text(typed);
            assert!(
                !identity::normalise(&m).contains("12345678")
                    && !identity::normalise(&m).contains("19800101"),
                "{typed} → {m}"
            );
        }
    }

    #[test]
    fn free_text_keeps_amounts_dates_and_case_numbers() {
        for keep in [
            "罚款 80000 元，于 2026-06-01 缴纳",
            "合综执罚决〔2026〕12号",
            "面积 12345678 平方米",
            "校验位错误的号码 220122198001010019",
            "序号 123456789012345678901",
        ] {
            assert_eq!(mask_free_text(keep), keep);
        }
    }

    proptest! {
        /// Free-text masking never panics, keeps text without digits as it is, and leaves
        /// no valid resident ID whole.
        #[test]
        fn free_text_masking_is_total(
            prefix in "[^0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{0,20}",
            suffix in "[^0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{0,20}",
            noise in "\\PC{0,40}",
        ) {
            let m = mask_free_text(&format!("{prefix}{ID}{suffix}"));
            prop_assert!(!m.contains(ID));
            prop_assert_eq!(mask_free_text(&prefix), prefix.clone());
            let _ = mask_free_text(&noise);
        }
    }
}
