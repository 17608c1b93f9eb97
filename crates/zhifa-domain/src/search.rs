//! Search keys for instant search: the text itself plus the pinyin initials of its Chinese
//! characters, so that typing `zs` finds 张三.
//!
//! The index (SQLite FTS5 with positions, see `store::cases`) holds, for each field of the
//! search text, the field's characters one by one, then its 2-character pieces in order,
//! then its 3-character pieces in order, each piece written as the hex of its UTF-8 bytes
//! so that no tokenizer can split or fold it, and a `zz` token closing each run. A query
//! of up to three characters is one index term; a longer one is the phrase of its
//! overlapping 3-character pieces, which occur at consecutive positions exactly where the
//! field contains the query. Either way the index answers exactly "contains", with no
//! second look at the text. FTS5's own trigram tokenizer cannot answer the 1- and
//! 2-character queries Chinese names need.

use std::fmt::Write;

use pinyin::ToPinyin;

/// Separates the fields of a case's search text; pieces never span two fields.
pub const FIELD_SEP: char = '\u{1f}';

/// The longest piece indexed.
const MAX_GRAM: usize = 3;

/// Ends each run of pieces, so that no phrase runs from one field or length into the next
/// (not hex, so never a query term).
const RUN_END: &str = "zz";

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

/// The index text of a search text: per field, the runs of 1-, 2- and 3-character pieces
/// in order, hex-encoded, space-separated, each run closed by `zz`.
pub fn index_terms(search_text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for field in search_text.split(FIELD_SEP) {
        let chars: Vec<char> = field.chars().collect();
        for len in 1..=MAX_GRAM {
            out.extend(chars.windows(len).map(hex));
            out.push(RUN_END.to_string());
        }
    }
    out.join(" ")
}

/// The FTS5 MATCH expression for a normalised query (one quoted term or phrase); None for
/// an empty query.
pub fn query_terms(query: &str) -> Option<String> {
    let chars: Vec<char> = query.chars().collect();
    if chars.is_empty() {
        return None;
    }
    let terms: Vec<String> = if chars.len() <= MAX_GRAM {
        vec![hex(&chars)]
    } else {
        chars.windows(MAX_GRAM).map(hex).collect()
    };
    Some(format!("\"{}\"", terms.join(" ")))
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

/// Lower-case full pinyin of the Han characters in `text`, without tones or spaces; ASCII
/// letters and digits kept, everything else dropped. `王玉华` → `wangyuhua`, so a clerk who
/// types the whole name in pinyin finds the case as one who types `wyh` does.
pub fn full_pinyin(text: &str) -> String {
    let mut out = String::new();
    for (c, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            // ü is typed as v on every pinyin keyboard (lv for 吕).
            Some(p) => out.extend(p.plain().chars().map(|c| if c == 'ü' { 'v' } else { c })),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

/// Which fields a case's search text holds; raised when a field is added, so the store
/// refreshes the stored texts of existing cases once (`Store::refresh_search_texts`).
pub const SEARCH_TEXT_VERSION: u32 = 2;

/// Normalises a query: trims, lower-cases ASCII, full-width → half-width digits and letters
/// (full-width punctuation stays: the records hold `（一）` as typed).
pub fn normalise_query(q: &str) -> String {
    q.trim()
        .chars()
        .map(|c| match crate::chinese::fold_full_width(c) {
            f if f.is_ascii_alphanumeric() => f,
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the index text holds the query's phrase, as FTS5 matches it: the query's
    /// terms at consecutive positions.
    fn phrase_in(index: &str, query: &str) -> bool {
        let have: Vec<&str> = index.split(' ').collect();
        let q = query_terms(query).unwrap();
        let want: Vec<&str> = q.trim_matches('"').split(' ').collect();
        have.windows(want.len()).any(|w| w == want.as_slice())
    }

    #[test]
    fn pieces_stay_inside_fields_and_runs() {
        let index = index_terms("张三\u{1f}zs");
        let 张 = hex(&['张']);
        let 三 = hex(&['三']);
        let 张三 = hex(&['张', '三']);
        assert_eq!(
            index,
            format!("{张} {三} zz {张三} zz zz 7a 73 zz 7a73 zz zz")
        );
        assert!(phrase_in(&index, "张三"));
        assert!(!phrase_in(&index, "三z"));
    }

    #[test]
    fn short_queries_are_one_term_and_long_ones_a_phrase() {
        assert_eq!(
            query_terms("合综").unwrap(),
            format!("\"{}\"", hex(&['合', '综']))
        );
        let q = query_terms("2026-12").unwrap();
        assert_eq!(q.split(' ').count(), 5, "five 3-character pieces: {q}");
        assert_eq!(query_terms(""), None);
    }

    proptest! {
        /// The index holds a query exactly when some field contains it.
        #[test]
        fn the_index_holds_a_query_exactly_when_a_field_contains_it(
            fields in proptest::collection::vec("[张三李四合隆镇a-c0-2 -]{0,12}", 1..4),
            q in "[张三李四合隆镇a-c0-2 -]{1,7}",
        ) {
            let text = fields.join("\u{1f}");
            let contains = fields.iter().any(|f| f.contains(q.as_str()));
            prop_assert_eq!(phrase_in(&index_terms(&text), &q), contains);
        }
    }

    #[test]
    fn initials_of_names_and_places() {
        assert_eq!(initials("张三"), "zs");
        assert_eq!(initials("合隆镇"), "hlz");
        assert_eq!(initials("刘海 3组"), "lh3z");
        assert_eq!(full_pinyin("王玉华"), "wangyuhua");
        assert_eq!(full_pinyin("吕 2组"), "lv2zu");
    }

    #[test]
    fn queries_are_normalised() {
        assert_eq!(normalise_query(" ＺＳ "), "zs");
        assert_eq!(normalise_query("２０２６"), "2026");
    }
}
