//! Search keys for instant search: the text itself plus the pinyin initials of its Chinese
//! characters, so that typing `zs` finds 张三.

use pinyin::ToPinyin;

/// Lower-case pinyin initials of the Han characters in `text`; ASCII letters and digits
/// are kept (lower-cased), everything else is dropped. `张三 1号` → `zs1`.
pub fn initials(text: &str) -> String {
    let mut out = String::new();
    for (c, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(p) => out.push_str(p.first_letter()),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

/// Normalises a query: trims, lower-cases ASCII, full-width → half-width digits and letters.
pub fn normalise_query(q: &str) -> String {
    q.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names_and_places() {
        assert_eq!(initials("张三"), "zs");
        assert_eq!(initials("合隆镇"), "hlz");
        assert_eq!(initials("刘海 3组"), "lh3z");
    }

    #[test]
    fn queries_are_normalised() {
        assert_eq!(normalise_query(" ＺＳ "), "zs");
        assert_eq!(normalise_query("２０２６"), "2026");
    }
}
