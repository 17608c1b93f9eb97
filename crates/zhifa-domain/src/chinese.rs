//! Chinese numerals and date forms as they appear in citations and documents.

use chrono::{Datelike, NaiveDate};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

pub use super::text::has_control_chars;

/// Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ), as a Chinese IME types them, → ASCII;
/// any other character unchanged. The one place input is folded to half width.
pub fn fold_full_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Writes `n` (1..=9999) as the lower-case Chinese numeral used in article citations:
/// 1 → 一, 10 → 十, 15 → 十五, 101 → 一百零一, 119 → 一百一十九, 1000 → 一千.
/// Zero and numbers above 9999 fall back to Arabic digits (no statute article is that large).
pub fn numeral(n: u32) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        // 十, 十一 … 十九: the leading 一 is dropped when the number starts with ten.
        return if n == 10 {
            "十".to_string()
        } else {
            format!("十{}", DIGITS[(n % 10) as usize])
        };
    }
    let units = ["千", "百", "十", ""];
    let parts = [n / 1000, (n / 100) % 10, (n / 10) % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    for (digit, unit) in parts.iter().zip(units) {
        if *digit == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push_str(DIGITS[*digit as usize]);
        out.push_str(unit);
    }
    out
}

/// A date in the form documents use: `2026年9月28日`.
pub fn date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_letters_fold_to_ascii() {
        let typed = "０９ＡＺａｚ（中）Ｘ";
        let folded: String = typed.chars().map(fold_full_width).collect();
        assert_eq!(folded, "09AZaz（中）X");
        assert_eq!(fold_full_width('／'), '／');
        assert_eq!(fold_full_width('@'), '@');
    }

    #[test]
    fn numerals_used_in_citations() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (34, "三十四"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (119, "一百一十九"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (2024, "二千零二十四"),
        ];
        for (n, want) in cases {
            assert_eq!(numeral(n), want, "numeral({n})");
        }
    }

    #[test]
    fn document_date_form() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
        assert_eq!(date(d), "2026年9月28日");
    }
}

/// Parses a date as users type it: `2026-09-28`, `2026/9/28`, `2026.9.28`, `20260928`,
/// `2026年9月28日`, with full-width digits allowed.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateInputError> {
    let text: String = input
        .trim()
        .chars()
        .map(|c| match fold_full_width(c) {
            '年' | '月' | '/' | '.' | '－' | '／' => '-',
            '日' => ' ',
            other => other,
        })
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return Err(DateInputError::Empty);
    }
    let parts: Vec<&str> = if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        vec![&text[..4], &text[4..6], &text[6..]]
    } else {
        text.split('-').collect()
    };
    let nums: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    match nums.as_deref() {
        Some(&[y, m, d]) if (1000..=9999).contains(&y) => NaiveDate::from_ymd_opt(y as i32, m, d)
            .ok_or_else(|| DateInputError::Impossible(input.trim().to_string())),
        _ => Err(DateInputError::Format(input.trim().to_string())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("日期不能为空，请按 2026-09-28 的格式输入")]
    Empty,
    #[error("“{0}”不是日期，请按 2026-09-28 的格式输入")]
    Format(String),
    #[error("日期“{0}”不存在（请检查月份和日数）")]
    Impossible(String),
}

/// 星期一 … 星期日.
pub fn weekday(d: NaiveDate) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][d.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod date_input_tests {
    use super::*;

    #[test]
    fn accepts_common_forms() {
        let want = NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
        for s in [
            "2026-09-28",
            "2026/9/28",
            "2026.9.28",
            "20260928",
            "2026年9月28日",
            "２０２６－０９－２８",
        ] {
            assert_eq!(parse_date(s), Ok(want), "{s}");
        }
        assert_eq!(weekday(want), "星期一");
    }

    #[test]
    fn refuses_bad_and_impossible_dates() {
        assert_eq!(parse_date(""), Err(DateInputError::Empty));
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(DateInputError::Impossible(_))
        ));
        assert!(matches!(parse_date("昨天"), Err(DateInputError::Format(_))));
        assert!(matches!(
            parse_date("26-9-28"),
            Err(DateInputError::Format(_))
        ));
        assert!(matches!(
            parse_date("2026-9"),
            Err(DateInputError::Format(_))
        ));
    }
}
