//! Terminal text helpers shared by the CLI and the UI: width-aware padding and cutting for
//! Chinese (double-width) text, and stripping of control characters so data never reaches
//! the terminal raw.

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
