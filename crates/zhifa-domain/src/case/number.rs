//! Case numbers (案号): `{简称}综执{文书代字}〔{年}〕{序号}号`, one serial per case and year,
//! reused by every document of the case with that document's 代字 (legal-rules.md §4.3; the
//! pattern is an agency setting).

/// 文书代字 of the documents that carry the case number.
pub const FILING: &str = "立";
pub const NOTICE: &str = "告";
pub const DECISION: &str = "罚决";
pub const ON_SPOT: &str = "当罚";
pub const NO_PENALTY: &str = "不罚决";
pub const DEMAND: &str = "催";
pub const CLOSING: &str = "结";

/// Fills the agency's pattern.
pub fn format(pattern: &str, abbr: &str, doc_code: &str, year: i32, serial: u32) -> String {
    pattern
        .replace("{简称}", abbr)
        .replace("{文书代字}", doc_code)
        .replace("{年}", &year.to_string())
        .replace("{序号}", &serial.to_string())
}

/// Reads `(year, serial)` out of a case number in any document's form, or the short form
/// `2026-12`: the year is the four digits inside 〔〕 (or [ ]), the serial the digits after.
pub fn parse_year_serial(text: &str) -> Option<(i32, u32)> {
    let t = text.trim();
    if let Some((y, s)) = t.split_once('-') {
        if y.len() == 4 {
            if let (Ok(y), Ok(s)) = (y.parse(), s.trim_end_matches('号').parse()) {
                return Some((y, s));
            }
        }
    }
    let open = t.find(['〔', '[', '［'])?;
    let after_open = &t[open..];
    let close = after_open.find(['〕', ']', '］'])?;
    let year_text: String = after_open[..close]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let rest = &after_open[close..];
    let serial_text: String = rest
        .chars()
        .skip(1)
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    Some((year_text.parse().ok()?, serial_text.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::DEFAULT_CASE_NO_PATTERN;

    #[test]
    fn formats_each_document_from_one_serial() {
        let p = DEFAULT_CASE_NO_PATTERN;
        assert_eq!(format(p, "合", FILING, 2026, 12), "合综执立〔2026〕12号");
        assert_eq!(
            format(p, "合", DECISION, 2026, 12),
            "合综执罚决〔2026〕12号"
        );
    }

    #[test]
    fn parses_numbers_back() {
        assert_eq!(parse_year_serial("合综执立〔2026〕12号"), Some((2026, 12)));
        assert_eq!(
            parse_year_serial("合综执罚决〔2026〕12号"),
            Some((2026, 12))
        );
        assert_eq!(
            parse_year_serial("秀综执立[2018]第1-001号"),
            Some((2018, 1))
        );
        assert_eq!(parse_year_serial("2026-7"), Some((2026, 7)));
        assert_eq!(parse_year_serial("张三"), None);
    }
}
