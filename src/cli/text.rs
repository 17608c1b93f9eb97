//! Terminal text helpers: width-aware padding for Chinese (double-width) text, and
//! stripping of control characters so data never reaches the terminal raw.

use unicode_width::UnicodeWidthStr;

/// Removes control characters (including ESC, so no ANSI sequence survives), keeping text.
pub fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
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
    fn strips_escape_sequences() {
        assert_eq!(clean("a\u{1b}[31mb\nc"), "a[31mbc");
    }
}
