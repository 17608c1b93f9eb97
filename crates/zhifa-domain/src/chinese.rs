//! Chinese numerals and date forms as they appear in citations and documents.

use chrono::{Datelike, NaiveDate};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

pub use super::text::has_control_chars;

/// A character typed with a Chinese input method in full-width form → its ASCII form:
/// full-width digits, letters and punctuation (`０`, `Ａ`, `（`, `，`, `：`) and the ideographic
/// space; any other character unchanged. The one place input is folded to half width.
pub fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
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
        let typed = "０９ＡＺａｚ（中）Ｘ，\u{3000}";
        let folded: String = typed.chars().map(fold_full_width).collect();
        assert_eq!(folded, "09AZaz(中)X, ");
        assert_eq!(fold_full_width('／'), '/');
        assert_eq!(fold_full_width('【'), '【');
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
            '年' | '月' | '/' | '.' => '-',
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

/// Parses a date the way a clerk says it, relative to `today`: everything [`parse_date`]
/// takes, plus `今天` / `昨天` / `前天` and a date of this year without the year (`12月3日`,
/// `12-3`).
pub fn parse_date_on(input: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let t = input.trim();
    let back = match t {
        "今天" | "今日" => Some(0),
        "昨天" | "昨日" => Some(1),
        "前天" => Some(2),
        _ => None,
    };
    if let Some(days) = back {
        return today
            .checked_sub_days(chrono::Days::new(days))
            .ok_or_else(|| DateInputError::Impossible(t.to_string()));
    }
    let folded: String = t.chars().map(fold_full_width).collect();
    let month_day = folded
        .strip_suffix('日')
        .or(folded.strip_suffix('号'))
        .and_then(|r| r.split_once('月'))
        .or_else(|| folded.split_once('-'))
        .filter(|(m, _)| !m.contains(['年', '-']))
        .and_then(|(m, d)| Some((m.trim().parse::<u32>().ok()?, d.trim().parse::<u32>().ok()?)));
    match month_day {
        Some((m, d)) => NaiveDate::from_ymd_opt(today.year(), m, d)
            .ok_or_else(|| DateInputError::Impossible(t.to_string())),
        None => parse_date(t),
    }
}

/// Reads a whole number written in Chinese numerals, lower-case or capitals: `一千二百` →
/// 1200, `十五` → 15, `两万` → 20000, `壹仟零贰` → 1002. `None` for anything else (digits
/// side by side without a unit, a unit with nothing to count, an overflow).
pub fn parse_number(text: &str) -> Option<u64> {
    const LOWER: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UPPER: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    let digit = |c: char| match c {
        '〇' => Some(0),
        '两' => Some(2),
        _ => LOWER
            .iter()
            .position(|d| *d == c)
            .or_else(|| UPPER.iter().position(|d| *d == c))
            .map(|d| d as u64),
    };
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (mut total, mut section, mut num): (u64, u64, Option<u64>) = (0, 0, None);
    for c in t.chars() {
        if let Some(d) = digit(c) {
            if num.is_some_and(|n| n != 0) && d != 0 {
                return None;
            }
            num = if d == 0 { None } else { Some(d) };
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' => {
                section = section
                    .checked_add(num.take().unwrap_or(0))?
                    .checked_mul(10_000)?;
                continue;
            }
            '亿' => {
                let part = section.checked_add(num.take().unwrap_or(0))?;
                total = total.checked_add(part.checked_mul(100_000_000)?)?;
                section = 0;
                continue;
            }
            _ => return None,
        };
        // 十五 is fifteen; 百 or 千 alone count nothing.
        let n = num.take().or((unit == 10).then_some(1))?;
        section = section.checked_add(n * unit)?;
    }
    total.checked_add(section)?.checked_add(num.unwrap_or(0))
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
    fn relative_and_year_less_dates_count_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        for (s, want) in [
            ("今天", "2026-12-03"),
            ("昨天", "2026-12-02"),
            ("前天", "2026-12-01"),
            ("12月3日", "2026-12-03"),
            ("１２月１日", "2026-12-01"),
            ("2026年12月3日", "2026-12-03"),
            ("2026.12.3", "2026-12-03"),
            ("2026/12/3", "2026-12-03"),
            ("2026-12-03", "2026-12-03"),
            ("3月5号", "2026-03-05"),
        ] {
            assert_eq!(parse_date_on(s, today).unwrap().to_string(), want, "{s}");
        }
    }

    #[test]
    fn chinese_numbers_lower_case_and_capitals() {
        for (s, want) in [
            ("一千", 1000),
            ("一千二百", 1200),
            ("十五", 15),
            ("二十", 20),
            ("一百零一", 101),
            ("两万", 20_000),
            ("一万零五百", 10_500),
            ("壹仟零贰", 1002),
            ("一亿二千万", 120_000_000),
            ("零", 0),
        ] {
            assert_eq!(parse_number(s), Some(want), "{s}");
        }
        for bad in ["", "一二三", "百", "千五", "abc", "一千😀", "1000"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        let huge = "九千九百九十九万".repeat(5);
        assert_eq!(parse_number(&huge), None);
    }

    #[test]
    fn refuses_bad_and_impossible_dates() {
        assert_eq!(parse_date(""), Err(DateInputError::Empty));
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(DateInputError::Impossible(_))
        ));
        assert!(matches!(parse_date("昨天"), Err(DateInputError::Format(_))));
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert!(matches!(
            parse_date_on("13月1日", today),
            Err(DateInputError::Impossible(_))
        ));
        assert!(matches!(
            parse_date_on("明年", today),
            Err(DateInputError::Format(_))
        ));
        assert!(matches!(
            parse_date_on("😀月3日", today),
            Err(DateInputError::Format(_))
        ));
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
