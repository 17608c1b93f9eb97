//! The PDF engine on a built case: A4 pages, fonts embedded, text readable back, and a
//! character no font covers refused by name.

use super::*;
use crate::documents::settings::PrintSettings;
use crate::domain::documents::{DocKind, Paper};

fn paper_with(value: &str) -> Paper {
    let mut p = Paper::new(
        DocKind::Decision,
        "合隆镇人民政府",
        Some("合综执罚决〔2026〕1号".into()),
    );
    p.fields([("当事人", value.to_string())]);
    p
}

#[test]
fn cjk_blocks_of_gbk_are_covered() {
    let fonts = FontSet::load(&PrintSettings::default()).unwrap();
    // GBK's hanzi are exactly the CJK Unified Ideographs U+4E00–U+9FA5.
    let hanzi: String = (0x4E00u32..=0x9FA5).filter_map(char::from_u32).collect();
    fonts.check(&[&paper_with(&hanzi)]).unwrap();
    fonts
        .check(&[&paper_with("〔〕（）：；、。“”《》—…≒№℃")])
        .unwrap();
}

#[test]
fn a_character_no_font_has_is_refused_naming_it_and_the_field() {
    let fonts = FontSet::load(&PrintSettings::default()).unwrap();
    let e = fonts.check(&[&paper_with("刘\u{2A6D6}")]).unwrap_err();
    assert!(e.contains('\u{2A6D6}') && e.contains("U+2A6D6"), "{e}");
    assert!(e.contains("当事人") && e.contains("行政处罚决定书"), "{e}");
}

#[test]
fn a_missing_configured_font_is_explained() {
    let settings = PrintSettings {
        body_font: Some("仿宋_GB2312".into()),
        ..PrintSettings::default()
    };
    let e = FontSet::load(&settings).err().unwrap();
    assert!(e.contains("仿宋_GB2312") && e.contains("font_files"), "{e}");
}
