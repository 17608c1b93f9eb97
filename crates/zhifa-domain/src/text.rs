//! Text typed by people, checked once on its way into the domain: every free-text field of
//! a case, a step, a party, a member of staff, the agency settings and attachment names goes
//! through [`checked`] (required) or [`optional`], with the longest length of its kind taken
//! from one table ([`TextKind`]). What is refused: control characters (ESC and with it every
//! terminal escape sequence, NUL, BEL, DEL, C1 codes), line breaks where one line is meant,
//! and text longer than its kind allows. Times of day go through [`time`].

use chrono::NaiveTime;

/// What a field holds, and so how long it may be and whether it may span lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextKind {
    /// Longest text, in characters (not bytes).
    pub max_chars: usize,
    /// Line breaks (and tabs) allowed.
    pub multiline: bool,
}

const fn kind(max_chars: usize, multiline: bool) -> TextKind {
    TextKind {
        max_chars,
        multiline,
    }
}

/// The limits, in one table. A person's name, a squad, a witness: 50 characters.
pub const NAME: TextKind = kind(50, false);
/// Numbers and short labels: receipt numbers, archive numbers, retention, times.
pub const CODE: TextKind = kind(50, false);
/// Names of organisations, agencies, courts, trade names; a recipient; a payment place.
pub const TITLE: TextKind = kind(100, false);
/// Places and addresses; a file name.
pub const PLACE: TextKind = kind(200, false);
/// Opinions, reasons, item lists, conclusions, orders: a paragraph or a few.
pub const NOTE: TextKind = kind(2_000, true);
/// 案情, 笔录, statements, reasoning: long text.
pub const LONG: TextKind = kind(20_000, true);

/// A text refused on its way in; `Display` is the Chinese message naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("{0}不能为空")]
    Empty(&'static str),
    #[error("{field}过长（{found} 个字，最多 {max} 个字），请删去多余的内容")]
    TooLong {
        field: &'static str,
        found: usize,
        max: usize,
    },
    #[error("{0}含有控制字符（如终端转义序列），请删除后重填")]
    Control(&'static str),
    #[error("{0}只能写一行，请删除换行")]
    LineBreak(&'static str),
    #[error(
        "{field}“{value}”不是有效的时间：请写成 09:30 这样的 24 小时制时刻（时 0–23，分 0–59）"
    )]
    BadTime { field: &'static str, value: String },
    #[error("{0}不能含有路径分隔符（/ 或 \\）或“..”")]
    Path(&'static str),
}

/// Control characters other than line breaks and tabs: ESC (terminal escape sequences), NUL,
/// BEL and the like have no place in a legal record and must never reach a terminal.
pub fn has_control_chars(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A text that may be empty: checked for its kind, returned trimmed.
pub fn optional(field: &'static str, value: &str, kind: TextKind) -> Result<String, TextError> {
    // Length first, so a megabyte of text is refused before it is scanned twice.
    let found = value.chars().take(kind.max_chars + 1).count();
    if found > kind.max_chars {
        return Err(TextError::TooLong {
            field,
            found: value.chars().count(),
            max: kind.max_chars,
        });
    }
    if has_control_chars(value) {
        return Err(TextError::Control(field));
    }
    let value = value.trim();
    if !kind.multiline && value.contains(['\n', '\r', '\t']) {
        return Err(TextError::LineBreak(field));
    }
    Ok(value.to_string())
}

/// A required text: as [`optional`], and not empty.
pub fn checked(field: &'static str, value: &str, kind: TextKind) -> Result<String, TextError> {
    let v = optional(field, value, kind)?;
    if v.is_empty() {
        return Err(TextError::Empty(field));
    }
    Ok(v)
}

/// A time of day as typed (`9:30`, `09:30`, `09：30`), checked as a real time and returned as
/// `HH:MM`; empty stays empty (the caller decides whether it is required).
pub fn time(field: &'static str, value: &str) -> Result<String, TextError> {
    let v = optional(field, value, CODE)?.replace('：', ":");
    if v.is_empty() {
        return Ok(v);
    }
    NaiveTime::parse_from_str(&v, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&v, "%H:%M:%S"))
        .map(|t| t.format("%H:%M").to_string())
        .map_err(|_| TextError::BadTime {
            field,
            value: v.chars().take(20).collect(),
        })
}

/// A character typed with a Chinese input method in full-width form → its ASCII form:
/// full-width digits, letters and punctuation (`０`, `Ａ`, `（`, `，`, `：`) and the
/// ideographic space. Every other character is returned unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A text used to build file names (a case-number pattern, an attachment's name): no path
/// separators and no `..`, so it cannot lead out of its folder.
pub fn no_path(field: &'static str, value: &str) -> Result<(), TextError> {
    if value.contains(['/', '\\']) || value.contains("..") {
        return Err(TextError::Path(field));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refuses_control_characters_line_breaks_and_long_text_naming_the_field() {
        assert_eq!(checked("地点", "  现场 ", PLACE).unwrap(), "现场");
        for bad in ["a\u{1b}[2Jb", "a\u{0}b", "a\u{7}b", "a\u{9b}b", "a\u{7f}b"] {
            assert_eq!(
                optional("地点", bad, PLACE),
                Err(TextError::Control("地点"))
            );
        }
        assert_eq!(
            optional("姓名", "张\n伟", NAME),
            Err(TextError::LineBreak("姓名"))
        );
        assert!(optional("案情", "一\n二\t三", LONG).is_ok());
        let e = checked("姓名", &"张".repeat(51), NAME).unwrap_err();
        assert!(e.to_string().contains("姓名过长") && e.to_string().contains("50"));
        assert_eq!(checked("姓名", " ", NAME), Err(TextError::Empty("姓名")));
        assert_eq!(optional("票据号", "", CODE).unwrap(), "");
    }

    #[test]
    fn times_are_real_times_of_day() {
        assert_eq!(time("时间", "9:30").unwrap(), "09:30");
        assert_eq!(time("时间", "09：05").unwrap(), "09:05");
        assert_eq!(time("时间", "23:59:00").unwrap(), "23:59");
        assert_eq!(time("时间", "").unwrap(), "");
        for bad in ["99:99", "25:99", "24:00", "12:60", "下午", "12", "1230"] {
            let e = time("开始时间", bad).unwrap_err();
            assert!(e.to_string().contains("开始时间"), "{bad}: {e}");
        }
    }

    #[test]
    fn paths_are_refused() {
        assert!(no_path("案号格式", "{简称}〔{年}〕{序号}号").is_ok());
        for bad in ["a/../b", "../x", "a\\b", "x..y"] {
            assert_eq!(no_path("案号格式", bad), Err(TextError::Path("案号格式")));
        }
    }

    proptest! {
        /// Whatever is typed, what passes has no control character and fits its kind.
        #[test]
        fn what_passes_is_clean_and_fits(s in "\\PC{0,60}|[\\x00-\\x7f]{0,60}") {
            if let Ok(v) = optional("字段", &s, NAME) {
                prop_assert!(!v.chars().any(char::is_control));
                prop_assert!(v.chars().count() <= NAME.max_chars);
            }
        }
    }
}
