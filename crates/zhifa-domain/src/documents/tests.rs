//! Documents built from cases taken through the real workflow (fixtures).

use super::*;
use crate::agency::Agency;
use crate::case::fixtures::*;
use crate::case::{Action, PaymentMethod, ServedDoc};
use crate::money::Fen;

fn agency() -> Agency {
    Agency::new("合隆镇", "合").unwrap().with_county("农安县")
}

fn ctx<'a>(case: &'a Case, agency: &'a Agency, w: &'a World) -> DocCtx<'a> {
    DocCtx {
        case,
        agency,
        users: &w.users,
        today: w.today,
        statement_days: 5,
        chain_head: None,
    }
}

/// Notified for 600 yuan, decided, served, paid, closed and archived.
fn archived(w: &World) -> Case {
    let c = notified(w, 600);
    let c = w.step(&c, SUN, decide("2026-06-24", 600));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let c = w.step(
        &c,
        ZHANG,
        Action::Pay {
            date: d("2026-06-30"),
            amount: Fen::from_yuan(600),
            method: PaymentMethod::Bank,
            receipt_no: "NO.1".into(),
            cash_ground: None,
        },
    );
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-07-01"),
        },
    );
    let c = w.step(
        &c,
        SUN,
        Action::ApproveClosing {
            date: d("2026-07-02"),
            opinion: "同意结案".into(),
        },
    );
    numbered(w.step(
        &c,
        ZHANG,
        Action::Archive {
            date: d("2026-07-03"),
            archive_no: "2026-HJ-001".into(),
            retention: "长期".into(),
        },
    ))
}

/// The store assigns the serial when it saves a filed case; the fixtures never saved.
fn numbered(mut c: Case) -> Case {
    c.year = Some(2026);
    c.serial = Some(1);
    c
}

fn all_text(p: &[Paper]) -> String {
    p.iter()
        .flat_map(|p| p.texts().into_iter().map(|(_, t)| t.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn decision_carries_every_article_59_item() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    let papers = build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap();
    let t = all_text(&papers);
    assert_eq!(papers[0].number.as_deref(), Some("合综执罚决〔2026〕1号"));
    for needle in [
        "刘某",                           // (一) name
        "农安县",                         // (一) address
        "焚烧",                           // (二) facts
        "证据",                           // (二) evidence
        "罚款600元（人民币陆佰元整）",    // (三) penalty in figures and capitals
        "大气污染防治法》第一百一十九条", // (三) basis
        "十五日内",                       // (四) time limit
        "六十日内向农安县人民政府申请行政复议",
        "六个月内直接向农安县人民法院提起行政诉讼", // (五)
        "合隆镇人民政府",                           // (六) agency
        "2026年6月24日",                            // (六) date
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

#[test]
fn decision_without_review_body_is_refused_naming_the_item() {
    let w = World::new();
    let c = archived(&w);
    let mut a = agency();
    a.review_body.clear();
    let e = build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("第五十九条") && msg.contains("申请行政复议的途径"),
        "{msg}"
    );
}

#[test]
fn decision_without_address_is_refused() {
    let w = World::new();
    let mut c = archived(&w);
    if let crate::case::Party::Person(p) = &mut c.parties[0] {
        p.address.clear();
    }
    let a = agency();
    let msg = build(DocKind::Decision, &ctx(&c, &a, &w))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("当事人的地址"), "{msg}");
}

#[test]
fn decision_heavier_than_the_notice_is_refused() {
    let w = World::new();
    let mut c = archived(&w);
    if let Some(d) = &mut c.decision {
        d.fine = Fen::from_yuan(800);
    }
    let a = agency();
    let msg = build(DocKind::Decision, &ctx(&c, &a, &w))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("第四十五条") && msg.contains("800元"), "{msg}");
}

#[test]
fn notice_names_the_proposed_penalty_and_rights() {
    let w = World::new();
    let c = numbered(notified(&w, 600));
    let a = agency();
    let p = build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap();
    let t = all_text(&p);
    assert_eq!(p[0].number.as_deref(), Some("合综执告〔2026〕1号"));
    assert!(
        t.contains("陈述") && t.contains("申辩") && t.contains("5个工作日"),
        "{t}"
    );
    assert!(t.contains("人民币陆佰元整"));
}

#[test]
fn case_file_is_in_filing_order_with_numbered_pages() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    // Two pages a document, as a renderer would measure them.
    let f = casefile::assemble_with(&ctx(&c, &a, &w), &|_| 2).unwrap();
    let phases: Vec<Phase> = f.documents.iter().map(|p| p.kind.phase()).collect();
    let mut sorted = phases.clone();
    sorted.sort();
    assert_eq!(phases, sorted);
    assert_eq!(
        f.documents.first().map(|p| p.kind),
        Some(DocKind::FilingForm)
    );
    assert_eq!(
        f.documents.last().map(|p| p.kind),
        Some(DocKind::ClosingForm)
    );
    assert_eq!(f.first_pages[0], 1);
    assert!(f.first_pages.windows(2).all(|w| w[0] < w[1]));
    let Block::Table { rows, .. } = &f.contents.blocks[0] else {
        panic!("目录 is a table")
    };
    assert_eq!(rows.len(), f.documents.len());
    assert_eq!(rows[0][4], "1");
}

#[test]
fn documents_list_states() {
    let w = World::new();
    let c = archived(&w);
    let list = documents(&c);
    let get = |k| list.iter().find(|(x, _, _)| *x == k).map(|(_, _, s)| *s);
    assert_eq!(get(DocKind::Decision), Some(DocState::SignedServed));
    assert_eq!(get(DocKind::OnSpotDecision), None);
    let c = notified(&w, 600);
    let list = documents(&c);
    assert!(list.iter().all(|(k, _, _)| *k != DocKind::Decision));
}

#[test]
fn every_kind_parses_from_name_and_slug() {
    for k in DocKind::ALL {
        assert_eq!(DocKind::parse(k.name()), Some(*k));
        assert_eq!(DocKind::parse(k.slug()), Some(*k));
    }
    assert_eq!(
        DocKind::parse("现场检查勘验笔录"),
        Some(DocKind::InspectionRecord)
    );
}

#[test]
fn every_applicable_document_builds() {
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    for (k, n, _) in documents(&c) {
        if k == DocKind::Contents {
            // Page numbers need a layout: the renderer numbers the 目录, never a guess here.
            assert!(matches!(
                build(k, &ctx(&c, &a, &w)),
                Err(DocError::NeedsLayout(_))
            ));
            continue;
        }
        let p = build(k, &ctx(&c, &a, &w)).unwrap_or_else(|e| panic!("{k:?}: {e}"));
        assert_eq!(p.len(), n, "{k:?}");
    }
}

/// Issue 15 item 11 (行政处罚法 Art 45, 65): after a hearing the decision says so and
/// answers its points; the notice does not list the 听证笔录 made after it.
#[test]
fn hearing_decision_says_it_was_heard_and_earlier_papers_list_only_earlier_evidence() {
    use crate::case::{Hearing, RecordKind, StatementRecord};
    let w = World::new();
    let mut c = numbered(notified(&w, 600));
    c.hearing = Some(Hearing {
        requested_on: d("2026-06-16"),
        notified_on: Some(d("2026-06-17")),
        date: Some(d("2026-06-29")),
        place: "会议室".into(),
        presiding: Some(ZHOU),
        held_on: Some(d("2026-06-29")),
        party_absent: false,
    });
    c.records
        .push(record(RecordKind::Hearing, "2026-06-29", &["刘某"], 0));
    c.statements.push(StatementRecord {
        date: d("2026-06-29"),
        content: "听证中称面积较小".into(),
        adopted: false,
        reexamination: "经复核，现场勘验面积约两亩，不予采纳".into(),
    });
    c.legal_reviews.push(crate::case::Approval {
        by: QIAN,
        date: d("2026-06-30"),
        agree: true,
        opinion: "同意".into(),
    });
    let c = w.step(&c, SUN, decide("2026-07-02", 600));
    let a = agency();
    let decision = all_text(&build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap());
    assert!(decision.contains("举行了听证"), "{decision}");
    assert!(
        decision.contains("经复核，现场勘验面积约两亩"),
        "{decision}"
    );
    assert!(!decision.contains("未提出陈述、申辩"), "{decision}");
    assert!(decision.contains("听证笔录"), "the decision may cite it");
    let notice = all_text(&build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap());
    assert!(!notice.contains("听证笔录"), "{notice}");
}

/// A 不予处罚 case (首违不罚), decided, served and closed: its decision record has no kind,
/// which is no 行政处罚决定书 (it failed the Art 59 check and stopped the whole file).
fn no_penalty_closed(w: &World) -> Case {
    let c = no_penalty_reviewed(w);
    let c = w.step(&c, SUN, decide_no_penalty("2026-06-13"));
    let c = w.step(&c, ZHANG, serve(ServedDoc::NoPenaltyDecision, "2026-06-15"));
    numbered(w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-06-16"),
        },
    ))
}

#[test]
fn a_no_penalty_case_files_its_no_penalty_decision_with_the_outcome() {
    let w = World::new();
    let c = no_penalty_closed(&w);
    let a = agency();
    let x = ctx(&c, &a, &w);
    let kinds: Vec<DocKind> = documents(&c).into_iter().map(|(k, _, _)| k).collect();
    assert!(kinds.contains(&DocKind::NoPenaltyDecision), "{kinds:?}");
    assert!(!kinds.contains(&DocKind::Decision), "{kinds:?}");
    let file = casefile::assemble_with(&x, &|_| 1).unwrap();
    let decision = all_text(&build(DocKind::NoPenaltyDecision, &x).unwrap());
    assert!(
        decision.contains("初次违法")
            && decision.contains("第三十三条第一款")
            && decision.contains("证据"),
        "{decision}"
    );
    assert!(
        decision.contains("2026年6月13日"),
        "dated when decided: {decision}"
    );
    for p in [build_execution::cover(&x)]
        .into_iter()
        .chain(build(DocKind::ClosingForm, &x).unwrap())
    {
        let t = all_text(std::slice::from_ref(&p));
        assert!(t.contains("不予行政处罚（初次违法"), "{t}");
    }
    let report = all_text(&build(DocKind::InvestigationReport, &x).unwrap());
    assert!(
        report.contains("建议不予行政处罚") && !report.contains("建议给予"),
        "{report}"
    );
    assert!(file.documents.iter().all(|p| p.kind != DocKind::Decision));
}

#[test]
fn wording_resolves_the_party_and_never_doubles_the_order() {
    assert_eq!(common::sentence("当事人焚烧秸秆，"), "当事人焚烧秸秆。");
    assert_eq!(common::sentence("已改正。"), "已改正。");
    assert_eq!(
        common::correction_object("责令立即停止焚烧。"),
        "立即停止焚烧"
    );
    let w = World::new();
    let c = archived(&w);
    assert_eq!(common::you(&c), "你");
}

/// The 立案审批表's value of one field, read back from the printed rows.
fn field_value(papers: &[Paper], label: &str) -> Option<String> {
    papers.iter().flat_map(|p| &p.blocks).find_map(|b| match b {
        Block::Fields { rows } => rows
            .iter()
            .find(|(k, _)| k == label)
            .map(|(_, v)| v.clone()),
        _ => None,
    })
}

#[test]
fn the_cause_is_the_short_name_of_the_act_not_the_statutory_wording() {
    // Issue 16: 案由 “刘某露天焚烧秸秆案”, not the catalog's full 对……的处罚 wording.
    let w = World::new();
    let c = archived(&w);
    let a = agency();
    let filing = build(DocKind::FilingForm, &ctx(&c, &a, &w)).unwrap();
    assert_eq!(
        field_value(&filing, "案由").as_deref(),
        Some("露天焚烧秸秆")
    );
    assert_eq!(
        field_value(&filing, "案件名称").as_deref(),
        Some("刘某露天焚烧秸秆案")
    );
    for kind in [DocKind::ClosingForm, DocKind::Cover] {
        let t = all_text(&build(kind, &ctx(&c, &a, &w)).unwrap());
        assert!(t.contains("刘某露天焚烧秸秆案"), "{kind:?}:\n{t}");
        assert!(
            !t.contains("在禁止区域内露天焚烧秸秆、落叶等产生烟尘污染物质"),
            "{kind:?} prints the statutory wording as the cause:\n{t}"
        );
    }
    // The 案件摘要 and the 台账 line use the same 案由.
    let sheet = summary::build(&ctx(&c, &a, &w), &[]);
    assert_eq!(
        field_value(&[sheet], "案由").as_deref(),
        Some("露天焚烧秸秆（HJ-001）")
    );
    let row = crate::ledger::LedgerRow::from_case(&c, "合综执罚决〔2026〕1号", &w.users);
    assert_eq!(row.cause, "露天焚烧秸秆");
}
