//! Terminal text helpers shared by the CLI and the UI: width-aware padding and cutting for
//! Chinese (double-width) text, and stripping of control characters so data never reaches
//! the terminal raw.

use unicode_width::UnicodeWidthStr;

/// Removes control characters (including ESC, so no ANSI sequence survives), keeping text.
pub fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// Like `clean`, but keeps line breaks (for multi-line messages).
pub fn clean_lines(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// A parser's (English) message in words a clerk can act on; unknown ones kept, cleaned.
pub fn explain_parse_message(msg: &str) -> String {
    let msg = clean(msg.trim());
    let quoted = |prefix: &str| {
        msg.strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
            .map(str::to_string)
    };
    if let Some(field) = quoted("missing field `") {
        return format!("缺少“{field}”");
    }
    if let Some(field) = quoted("unknown field `") {
        return format!("未知字段“{field}”，请检查拼写");
    }
    if msg.contains("input is out of range") {
        return "日期不存在（例如 2 月 30 日），请改正".into();
    }
    if msg.contains("input contains invalid characters") || msg.contains("premature end of input") {
        return "日期格式不对，请写成 2026-06-01".into();
    }
    if msg.contains("invalid basic string") || msg.contains("invalid literal string") {
        return "文字中有控制字符或未转义的引号，请删除控制字符、把引号写成 \\\"".into();
    }
    if msg.starts_with("invalid type") {
        return format!("值的类型不对（{msg}）");
    }
    if msg.starts_with("unknown variant") {
        return format!("选项不对（{msg}）");
    }
    format!("格式错误（{msg}）")
}

/// A TOML file's parse error: where (line and column) and what, in Chinese, with no raw
/// control character echoed from the file.
pub fn explain_toml(e: &toml::de::Error, source: &str) -> String {
    let what = explain_parse_message(e.message());
    match e.span() {
        Some(span) => {
            let before = &source[..span.start.min(source.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("第 {line} 行第 {col} 列：{what}")
        }
        None => what,
    }
}

/// Pads `s` with spaces to `width` terminal cells (Chinese characters are two cells).
pub fn pad(s: &str, width: usize) -> String {
    let s = clean(s);
    let w = UnicodeWidthStr::width(s.as_str());
    if w >= width {
        s
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// Cuts `s` to at most `width` terminal cells, marking a cut with `..` (ASCII, so it is the
/// same width in every terminal), then pads it to exactly `width`.
pub fn fit(s: &str, width: usize) -> String {
    let s = clean(s);
    if UnicodeWidthStr::width(s.as_str()) <= width {
        return pad(&s, width);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 2 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str("..");
    pad(&out, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("市政", 6), "市政  ");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("园林绿化", 4), "园林绿化");
    }

    #[test]
    fn fits_to_width_without_splitting_a_character() {
        assert_eq!(fit("农安县合隆镇德荣粮食收购站", 12), "农安县合隆..");
        assert_eq!(fit("农安县合隆镇", 11), "农安县合.. ");
        assert_eq!(fit("张三", 6), "张三  ");
    }

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(clean("a\u{1b}[31mb\nc"), "a[31mbc");
    }
}
