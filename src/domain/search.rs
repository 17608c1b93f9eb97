//! Search keys for instant search: the text itself plus the pinyin initials of its Chinese
//! characters, so that typing `zs` finds 张三.
//!
//! The index (SQLite FTS5, see `store::cases`) holds every 1-, 2- and 3-character piece
//! ("gram") of each field of the search text, each written as the hex of its UTF-8 bytes
//! so that no tokenizer can split or fold it. A query of up to three characters is then one
//! exact index lookup; a longer one is the AND of its overlapping 3-grams, which finds every
//! case containing it and a few that contain the pieces apart, so those candidates are
//! checked against the text itself (`QueryTerms::exact == false`). FTS5's own trigram
//! tokenizer cannot answer the 1- and 2-character queries Chinese names need.

use std::collections::BTreeSet;
use std::fmt::Write;

use pinyin::ToPinyin;

/// Separates the fields of a case's search text; grams never span two fields.
pub const FIELD_SEP: char = '\u{1f}';

/// The longest gram indexed.
const MAX_GRAM: usize = 3;

fn hex(piece: &[char]) -> String {
    let mut out = String::with_capacity(piece.len() * 6);
    let mut buf = [0u8; 4];
    for c in piece {
        for b in c.encode_utf8(&mut buf).bytes() {
            let _ = write!(out, "{b:02x}");
        }
    }
    out
}

/// The index terms of a search text: every distinct gram of 1 to 3 characters within a
/// field, hex-encoded, space-separated.
pub fn index_terms(search_text: &str) -> String {
    let mut grams = BTreeSet::new();
    for field in search_text.split(FIELD_SEP) {
        let chars: Vec<char> = field.chars().collect();
        for len in 1..=MAX_GRAM {
            for w in chars.windows(len) {
                grams.insert(hex(w));
            }
        }
    }
    grams.into_iter().collect::<Vec<_>>().join(" ")
}

/// How to find a normalised query in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerms {
    /// The FTS5 MATCH expression (quoted terms, implicitly AND-ed).
    pub fts: String,
    /// True when every index match contains the query; false when candidates must be
    /// checked against the text (queries longer than three characters).
    pub exact: bool,
}

/// The index terms for a normalised query; None for an empty one.
pub fn query_terms(query: &str) -> Option<QueryTerms> {
    let chars: Vec<char> = query.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.len() <= MAX_GRAM {
        return Some(QueryTerms {
            fts: format!("\"{}\"", hex(&chars)),
            exact: true,
        });
    }
    let grams: BTreeSet<String> = chars.windows(MAX_GRAM).map(hex).collect();
    Some(QueryTerms {
        fts: grams
            .iter()
            .map(|g| format!("\"{g}\""))
            .collect::<Vec<_>>()
            .join(" "),
        exact: false,
    })
}

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
    use proptest::prelude::*;

    fn terms(text: &str) -> BTreeSet<String> {
        index_terms(text).split(' ').map(String::from).collect()
    }

    #[test]
    fn grams_stay_inside_fields() {
        let t = terms("张三\u{1f}zs");
        assert!(t.contains(&hex(&['张', '三'])));
        assert!(t.contains(&hex(&['z', 's'])));
        assert!(!t.contains(&hex(&['三', '\u{1f}'])));
        assert!(!t.contains(&hex(&['三', 'z'])));
        assert_eq!(t.len(), 6, "张 三 张三 z s zs");
    }

    #[test]
    fn short_queries_are_one_exact_term_and_long_ones_are_checked() {
        let q = query_terms("合综").unwrap();
        assert!(q.exact);
        assert_eq!(q.fts, format!("\"{}\"", hex(&['合', '综'])));
        let q = query_terms("2026-12").unwrap();
        assert!(!q.exact);
        assert_eq!(
            q.fts.matches('"').count(),
            10,
            "five distinct 3-grams: {}",
            q.fts
        );
        assert_eq!(query_terms(""), None);
    }

    proptest! {
        /// Every substring of a field is found by its terms (no case is ever missed), and
        /// for short queries a hit means the field really contains the query.
        #[test]
        fn index_finds_exactly_the_texts_containing_a_short_query(
            fields in proptest::collection::vec("[张三李四合隆镇a-c0-2 -]{0,12}", 1..4),
            q in "[张三李四合隆镇a-c0-2 -]{1,5}",
        ) {
            let text = fields.join("\u{1f}");
            let have = terms(&text);
            let qt = query_terms(&q).unwrap();
            let wanted: Vec<String> = qt.fts.split(' ').map(|t| t.trim_matches('"').to_string()).collect();
            let candidate = wanted.iter().all(|w| have.contains(w));
            let contains = fields.iter().any(|f| f.contains(q.as_str()));
            if contains {
                prop_assert!(candidate);
            }
            if qt.exact {
                prop_assert_eq!(candidate, contains);
            }
        }
    }

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
