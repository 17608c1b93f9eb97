//! The PDF engine on a built case: A4 pages, fonts embedded, text readable back, and a
//! character no font covers refused by name.

use super::*;
use crate::documents::settings::PrintSettings;
use crate::documents::{Loaded, What};
use crate::domain::agency::Agency;
use crate::domain::case::fixtures::{self, World};
use crate::domain::case::{fixtures_duty, Action, Attachment, Case};
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

/// `case` as the store would load it: numbered, under the test agency.
fn loaded(case: Case, w: &World) -> Loaded {
    let mut case = case;
    case.year = Some(2026);
    case.serial = Some(1);
    Loaded {
        case,
        agency: Agency::new("合隆镇", "合").unwrap().with_county("农安县"),
        users: w.users.clone(),
        deadlines: Vec::new(),
        statement_days: 5,
        today: w.today,
        chain_head: None,
        calendar: w.calendar.clone(),
    }
}

fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf)
        .unwrap()
        .split_whitespace()
        .collect()
}

/// The papers of an order to act and of the goods register (issue 17), each from a case
/// taken through the domain's steps: every kind lays out as an A4 PDF whose text reads
/// back with its title. `ZHIFA_PDF_DIR` keeps the files to look at.
#[test]
fn every_enforcement_and_goods_paper_renders() {
    let w = World::new();
    let cases = [
        fixtures_duty::demolition_before_enforcing(&w),
        fixtures_duty::agreed(&w),
        fixtures_duty::substitute_done(&w),
        fixtures_duty::immediate_cleared(&w, false),
        fixtures_duty::goods_returned(&w),
    ];
    let cases: Vec<Case> = cases
        .into_iter()
        .enumerate()
        .map(|(i, c)| match i {
            0 => {
                // A day with its photo, whose 64-digit hash must stay inside the margin.
                let mut day = fixtures_duty::day("2026-10-12", false, true);
                if let Action::EnforceDay { attachments, .. } = &mut day {
                    attachments.push(Attachment {
                        file_name: "强制拆除现场照片-东侧二层砖房.jpg".into(),
                        sha256: "0123456789abcdef".repeat(4),
                        size: 2048,
                    });
                }
                w.step(&c, fixtures::ZHANG, day)
            }
            3 => w.step(
                &c,
                fixtures::ZHANG,
                Action::NotifyImmediate {
                    date: fixtures::d("2026-06-02"),
                },
            ),
            _ => c,
        })
        .collect();
    let kinds = [
        DocKind::DutyOrder,
        DocKind::DutyDemand,
        DocKind::EnforcementDecision,
        DocKind::DemolitionNotice,
        DocKind::SubstituteDecision,
        DocKind::SubstituteDemand,
        DocKind::ImmediateNotice,
        DocKind::EnforcementAgreement,
        DocKind::EnforcementRecord,
        DocKind::GoodsList,
        DocKind::GoodsDisposal,
    ];
    let keep = std::env::var_os("ZHIFA_PDF_DIR").map(std::path::PathBuf::from);
    let mut printed = std::collections::BTreeSet::new();
    for (i, case) in cases.into_iter().enumerate() {
        let l = loaded(case, &w);
        let has: Vec<DocKind> = crate::domain::documents::documents(&l.case)
            .into_iter()
            .map(|(k, _, _)| k)
            .filter(|k| kinds.contains(k))
            .collect();
        for k in has {
            let pdf = render(&l, What::Doc(k), &PrintSettings::default())
                .unwrap_or_else(|e| panic!("{}: {e}", k.name()));
            let title = &l.papers(What::Doc(k)).unwrap()[0].title;
            assert!(pdf_text(&pdf).contains(title.as_str()), "{title}");
            if let Some(dir) = &keep {
                std::fs::write(dir.join(format!("{i}-{}.pdf", k.slug())), &pdf).unwrap();
            }
            printed.insert(k);
        }
    }
    let missing: Vec<&str> = kinds
        .iter()
        .filter(|k| !printed.contains(k))
        .map(|k| k.name())
        .collect();
    assert!(missing.is_empty(), "not printed: {missing:?}");
}
