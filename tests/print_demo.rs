//! Every document of the demo township printed (issue 16, "done when"): every document kind
//! of every demo case as text; as PDF every kind of one case per branch (general with and
//! without hearing, 不予处罚, 违法事实不能成立, 当场处罚, 移送, 撤销立案, executed). Each prints;
//! no last page holds only the closing block; the 备考表 and the 目录 give the real page
//! numbers, the same whether the 目录 is printed alone or in the file; the summary is one page.
#![cfg(feature = "pdf")]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use zhifa::documents::{text, Format, Loaded, What};
use zhifa::domain::case::Case;
use zhifa::domain::documents::{documents, Block, DocKind, Paper};
use zhifa::store::{CaseFilter, Store};

const TODAY: &str = "2026-11-26";

/// The demo database, built once for every test of this file.
fn demo() -> &'static std::path::Path {
    static DEMO: OnceLock<tempfile::TempDir> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let report =
            zhifa::demo::build(&dir.path().join("demo.sqlite3"), TODAY.parse().unwrap()).unwrap();
        assert!(report.refused.is_empty(), "{:?}", report.refused);
        dir
    })
    .path()
}

fn open() -> Store {
    Store::open(&demo().join("demo.sqlite3")).unwrap()
}

fn load(store: &Store, id: i64) -> Loaded {
    Loaded::load(store, id, TODAY.parse().unwrap()).unwrap()
}

fn all_cases(store: &Store) -> Vec<i64> {
    store
        .list_cases(&CaseFilter::default())
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

/// What tells the branches apart: procedure, outcome, hearing, whether it reached 执行,
/// and the measures of the investigation (先行登记保存, 查封扣押, 责令改正通知书).
fn branch(c: &Case) -> String {
    format!(
        "{:?}/{}/{}/{}/{}/{}/{}/{}",
        c.procedure,
        c.outcome.as_ref().map_or("—", |o| o.label()),
        c.hearing.is_some(),
        c.demands.is_empty(),
        c.archive.is_some(),
        !c.preservations.is_empty(),
        !c.seizures.is_empty(),
        c.correction_notice.is_some()
    )
}

/// One case per branch of the demo, the first of each.
fn sample(store: &Store) -> Vec<Loaded> {
    let mut seen = BTreeMap::new();
    for id in all_cases(store) {
        let l = load(store, id);
        if l.case.serial.is_some() {
            seen.entry(branch(&l.case)).or_insert(l);
        }
    }
    seen.into_values().collect()
}

/// The document kinds a case has, the case-file sheets included.
fn kinds(c: &Case) -> Vec<DocKind> {
    documents(c).into_iter().map(|(k, _, _)| k).collect()
}

/// The lines a page holds when it holds only the closing: agency, date, signature lines.
fn closing_lines(p: &Paper) -> Vec<String> {
    p.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Closing { lines } | Block::Signatures { lines } => lines.clone(),
            _ => Vec::new(),
        })
        .map(|l| l.split_whitespace().collect())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every document of every case prints as text, and a document that runs over a page
/// never leaves its closing block alone on the last one.
#[test]
fn every_document_of_every_demo_case_prints_as_text_without_a_lone_closing() {
    let store = open();
    let mut printed = 0;
    for id in all_cases(&store) {
        let l = load(&store, id);
        for k in kinds(&l.case) {
            let papers = l
                .papers(What::Doc(k))
                .unwrap_or_else(|e| panic!("case {id} {}: {e}", k.name()));
            for p in &papers {
                let pages = text::render(std::slice::from_ref(p));
                let last = pages.split('\u{c}').next_back().unwrap();
                let closing = closing_lines(p);
                let body: Vec<&str> = last
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .filter(|s| !closing.iter().any(|c| squeeze(s) == *c))
                    .collect();
                assert!(
                    !body.is_empty() || pages.matches('\u{c}').count() == 0,
                    "case {id} {}: last page holds only the closing:\n{last}",
                    k.name()
                );
                printed += 1;
            }
        }
        if l.case.serial.is_some() {
            l.text(What::All)
                .unwrap_or_else(|e| panic!("case {id} case file: {e}"));
        }
    }
    assert!(printed > 1000, "{printed} documents");
}

/// The text case file: the 备考表's 共N页 is the number of numbered pages, each document
/// starts on the page its 目录 row names, and the 目录 printed alone says the same.
#[test]
fn text_case_file_page_numbers_are_the_real_ones() {
    let store = open();
    for l in sample(&store) {
        let all = l.text(What::All).unwrap();
        let pages: Vec<&str> = all.split('\u{c}').collect();
        let numbered = pages
            .iter()
            .filter(|p| p.trim_end().ends_with('页') && p.contains("第"))
            .count();
        let notes = squeeze(pages.last().unwrap());
        assert!(
            notes.contains(&format!("共{numbered}页")),
            "case {}: {numbered} numbered pages, 备考表: {notes}",
            l.case.id
        );
        let alone = l.text(What::Doc(DocKind::Contents)).unwrap();
        assert!(
            squeeze(&all).contains(&squeeze(&alone)),
            "case {}: 目录 alone differs from the file's:\n{alone}",
            l.case.id
        );
    }
}

fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .unwrap()
        .into_iter()
        .map(|p| squeeze(&p))
        .collect()
}

/// One case per branch as PDF: every document kind prints, none ends on a page holding only
/// its closing, the 备考表 counts the real pages, the 目录 alone is the file's 目录, and the
/// summary is one page.
#[test]
fn every_document_kind_of_one_case_per_branch_prints_as_pdf() {
    let store = open();
    let sample = sample(&store);
    assert!(sample.len() >= 6, "{} branches", sample.len());
    for (what, has) in [
        (
            "先行登记保存",
            &(|c: &Case| !c.preservations.is_empty()) as &dyn Fn(&Case) -> bool,
        ),
        ("查封扣押", &|c: &Case| !c.seizures.is_empty()),
        ("责令改正通知书", &|c: &Case| {
            c.correction_notice.is_some()
        }),
    ] {
        assert!(
            sample.iter().any(|l| has(&l.case)),
            "no {what} branch printed"
        );
    }
    for l in &sample {
        let id = l.case.id;
        for k in kinds(&l.case) {
            let pdf = l
                .render(What::Doc(k), Format::Pdf)
                .unwrap_or_else(|e| panic!("case {id} {}: {e}", k.name()));
            if k == DocKind::Cover || k == DocKind::Contents || k == DocKind::Notes {
                continue;
            }
            // Several papers of a kind print one after another: check the last one's end.
            let papers = l.papers(What::Doc(k)).unwrap();
            let last_paper = papers.last().unwrap();
            let pages = pdf_pages(&pdf);
            let last = pages.last().unwrap();
            let mut rest = last.clone();
            for c in closing_lines(last_paper) {
                rest = rest.replacen(&c, "", 1);
            }
            assert!(
                !rest.is_empty() || pages.len() == papers.len(),
                "case {id} {}: last page holds only the closing: {last}",
                k.name()
            );
        }
        let all = pdf_pages(&l.render(What::All, Format::Pdf).unwrap());
        let notes = all.last().unwrap();
        // Cover, one page of 目录 (at most 40 rows), the numbered documents, the 备考表.
        let numbered = all.len() - 3;
        assert!(
            notes.contains(&format!("共{numbered}页")),
            "case {id}: {numbered} numbered pages, 备考表: {notes}"
        );
        let alone = pdf_pages(&l.render(What::Doc(DocKind::Contents), Format::Pdf).unwrap());
        assert_eq!(alone, vec![all[1].clone()], "case {id}: 目录 alone");
        let summary = pdf_pages(&l.render(What::Summary, Format::Pdf).unwrap());
        assert_eq!(summary.len(), 1, "case {id}: summary {summary:?}");
    }
}

/// A 不予处罚 case prints its whole file: the 不予行政处罚决定书 with the conditions of Art 33
/// it relies on, no 行政处罚决定书, and 处理结果 filled in on the cover and 结案审批表.
#[test]
fn a_no_penalty_case_prints_its_file_with_the_outcome() {
    let store = open();
    let l = all_cases(&store)
        .into_iter()
        .map(|id| load(&store, id))
        .find(|l| {
            matches!(
                l.case.outcome,
                Some(zhifa::domain::case::Outcome::NoPenalty { .. })
            ) && l.case.closing_proposed_on.is_some()
        })
        .expect("a closed 不予处罚 case in the demo");
    let all = squeeze(&l.text(What::All).unwrap());
    assert!(all.contains("不予行政处罚决定书"), "{all}");
    assert!(all.contains("第三十三条"), "{all}");
    assert!(!kinds(&l.case).contains(&DocKind::Decision));
    let cover = squeeze(&l.text(What::Doc(DocKind::Cover)).unwrap());
    assert!(cover.contains("处理结果：不予行政处罚"), "{cover}");
    let closing = squeeze(&l.text(What::Doc(DocKind::ClosingForm)).unwrap());
    assert!(closing.contains("处理结果：不予行政处罚"), "{closing}");
    let report = squeeze(&l.text(What::Doc(DocKind::InvestigationReport)).unwrap());
    assert!(!report.contains("建议给予"), "{report}");
    l.render(What::All, Format::Pdf).unwrap();
}

/// A receipt leaves the recipient's signature and date for handwriting, and an on-the-spot
/// case's receipt names the 当场行政处罚决定书; no paper reads 你（单位） or 责令责令.
#[test]
fn receipts_and_wording() {
    let store = open();
    for l in sample(&store) {
        for k in kinds(&l.case) {
            let t = squeeze(&l.text(What::Doc(k)).unwrap());
            assert!(
                !t.contains("你（单位）") && !t.contains("责令责令") && !t.contains("，。"),
                "case {} {}: {t}",
                l.case.id,
                k.name()
            );
        }
        if !l.case.services.is_empty() {
            let t = squeeze(&l.text(What::Doc(DocKind::ServiceReceipt)).unwrap());
            assert!(
                t.contains("受送达人（签名或盖章）：签收日期：年月日"),
                "{t}"
            );
        }
        if l.case.procedure == zhifa::domain::case::Procedure::Simple {
            let t = squeeze(&l.text(What::Doc(DocKind::ServiceReceipt)).unwrap());
            assert!(t.contains("当场行政处罚决定书"), "{t}");
        }
    }
}
